//! Unified social credit codes (GB 32100-2015): no supervisor needed.

use std::ffi::c_char;

use crate::boundary::require;
use sdk::supervisor::codes::{Uscc, UsccError};

use crate::boundary::{Failure, arg_out, arg_str, guard, jg_status, out_json};

/// What a valid unified social credit code says of itself (GB 32100-2015).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_uscc_info {
    /// Position 1: the registration authority code (e.g. '9' industry and commerce).
    pub authority: c_char,
    /// Position 2: the entity category within the authority (e.g. '1' enterprise).
    pub category: c_char,
    /// Positions 3–8: the administrative-division code (GB/T 2260), NUL-terminated.
    pub region: [c_char; 7],
    /// Positions 9–17: the organisation code (GB 11714), NUL-terminated.
    pub organisation_code: [c_char; 10],
}

/// Checks a unified social credit code: length, character set and the
/// GB 32100-2015 check character. Needs no supervisor; allocates nothing on
/// success. `info` may be NULL when only the verdict is wanted.
///
/// # Errors
/// `JG_STATUS_INVALID_USCC` saying what is wrong and where;
/// `JG_STATUS_NULL_ARGUMENT` / `JG_STATUS_INVALID_UTF8` for `code`.
///
/// # Safety
/// `info` must be NULL or point to a writable `jg_uscc_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_uscc_check(code: *const c_char, info: *mut jg_uscc_info) -> jg_status {
    guard(|| {
        require!(code);
        let code: sdk::supervisor::codes::Uscc = arg_str(code, "code")?
            .parse()
            .map_err(|e: sdk::supervisor::codes::UsccError| Failure::from(sdk::Error::from(e)))?;
        // SAFETY: NULL or a valid out-struct, per the header.
        if let Some(info) = unsafe { info.as_mut() } {
            let b = code.as_str().as_bytes();
            let mut region = [0 as c_char; 7];
            for (slot, &c) in region.iter_mut().zip(&b[2..8]) {
                *slot = c as c_char;
            }
            let mut organisation_code = [0 as c_char; 10];
            for (slot, &c) in organisation_code.iter_mut().zip(&b[8..17]) {
                *slot = c as c_char;
            }
            *info = jg_uscc_info {
                authority: b[0] as c_char,
                category: b[1] as c_char,
                region,
                organisation_code,
            };
        }
        Ok(())
    })
}

/// What a valid code says of itself, with names, as `jianguan uscc check
/// --json` prints them: `{"uscc", "authority": {"code", "name_zh",
/// "name_en"} | null, "category": {"code", "name_zh", "name_en"} | null,
/// "region": {"code", "name", "province", "province_en"},
/// "organisation_code", "warnings": ["…"]}`. A name the GB 32100 table or
/// the shipped GB/T 2260 names do not hold is null (finer area names than
/// provinces are shipped for Shandong only). Needs no supervisor. The
/// caller frees `*out` with `jg_string_free`. Added in ABI 1.2.
///
/// # Errors
/// As `jg_uscc_check`; `JG_STATUS_NULL_ARGUMENT` naming each NULL argument.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_uscc_explain_json(
    code: *const c_char,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(code, out);
        let out = arg_out(out, "out")?;
        let code: Uscc = arg_str(code, "code")?
            .parse()
            .map_err(|e: UsccError| Failure::from(sdk::Error::from(e)))?;
        let region = code.region();
        let value = serde_json::json!({
            "uscc": code.as_str(),
            "authority": code.authority().map(|a| serde_json::json!({
                "code": code.as_str()[..1], "name_zh": a.name_zh(), "name_en": a.name_en(),
            })),
            "category": code.category().map(|c| serde_json::json!({
                "code": c.code.to_string(), "name_zh": c.name_zh, "name_en": c.name_en,
            })),
            "region": {
                "code": region.to_string(),
                "name": region.name(),
                "province": region.province_name(),
                "province_en": region.province_name_en(),
            },
            "organisation_code": code.organisation_code(),
            "warnings": code.warnings(),
        });
        *out = out_json(&value)?;
        Ok(())
    })
}
