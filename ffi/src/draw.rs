//! Verifiable double-random draws (双随机) through the C API. Plans,
//! rosters and records are deep, so they cross as JSON in the shapes
//! docs/draw-algorithm.md and tests/vectors/draw/ use.

use std::ffi::c_char;

use sdk::supervisor::draw::{DrawInputs, DrawRecord, DrawRosters};

use crate::boundary::{Failure, arg_json, arg_out, guard, jg_status, out_string};
use crate::supervisor::{jg_supervisor, supervisor_ref};

/// Makes a draw. `inputs_json` is an object with `plan`, `roster`,
/// `history`, `inspectors` and `entropy` (the `inputs` of a draw vector).
/// The plan's items are resolved against the supervisor's catalog. On
/// success `*record_json` holds the record in canonical JSON (the text its
/// digest is taken over), freed with `jg_string_free`. Nothing is stored:
/// publish and keep the record.
///
/// # Errors
/// `JG_STATUS_DRAW_REFUSED` for any refusal, `jg_last_error_kind` naming it
/// (`entropy_mismatch`, `publicity_minimum`, `unknown_item`, …);
/// `JG_STATUS_INVALID_ARGUMENT` for JSON of the wrong shape (the message
/// names line and column).
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_draw(
    supervisor: *const jg_supervisor,
    inputs_json: *const c_char,
    record_json: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        let out = arg_out(record_json, "record_json")?;
        let sup = supervisor_ref(supervisor)?;
        let inputs: DrawInputs = arg_json(inputs_json, "inputs_json")?;
        let record = sup.draw(&inputs)?;
        *out = out_string(record.to_canonical_json());
        Ok(())
    })
}

/// Re-runs the draw `record_json` describes over `rosters_json` (an object
/// with `roster`, `history` and `inspectors`) and compares, field by field.
///
/// # Errors
/// `JG_STATUS_VERIFICATION_FAILED` naming the first field that differs and
/// both values; `JG_STATUS_DRAW_REFUSED` for a record of another format or
/// rosters the draw refuses; `JG_STATUS_INVALID_ARGUMENT` for bad JSON.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_verify(
    supervisor: *const jg_supervisor,
    record_json: *const c_char,
    rosters_json: *const c_char,
) -> jg_status {
    guard(|| {
        let sup = supervisor_ref(supervisor)?;
        let record: DrawRecord = arg_json(record_json, "record_json")?;
        let rosters: DrawRosters = arg_json(rosters_json, "rosters_json")?;
        sup.verify(&record, &rosters)?;
        Ok(())
    })
}

/// Writes the SHA-256 digest of a record (64 lowercase hex digits and a
/// NUL) into `out`, which holds `out_len` bytes (at least 65): the name a
/// record is published under.
///
/// # Errors
/// `JG_STATUS_INVALID_ARGUMENT` for a record that does not parse or a
/// buffer shorter than 65 bytes (nothing written).
///
/// # Safety
/// `out` must be NULL or point to `out_len` writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_draw_record_digest(
    record_json: *const c_char,
    out: *mut c_char,
    out_len: usize,
) -> jg_status {
    guard(|| {
        let record: DrawRecord = arg_json(record_json, "record_json")?;
        if out.is_null() {
            return Err(Failure::new(
                sdk::ErrorKind::NullArgument,
                "argument `out` is NULL",
            ));
        }
        let digest = record.digest();
        if out_len < digest.len() + 1 {
            return Err(Failure::invalid(format!(
                "argument `out_len` is {out_len}; a digest needs {} bytes",
                digest.len() + 1
            )));
        }
        // SAFETY: `out` has `out_len` ≥ 65 writable bytes, per the header.
        let buf = unsafe { std::slice::from_raw_parts_mut(out.cast::<u8>(), out_len) };
        buf[..digest.len()].copy_from_slice(digest.as_bytes());
        buf[digest.len()] = 0;
        Ok(())
    })
}
