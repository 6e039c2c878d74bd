//! The RFC 3797 selection mode for small pools (docs/rfc3797-mode.md).

use std::ffi::c_char;

use sdk::supervisor::rfc3797::EntropySource;

use crate::boundary::require;
use crate::boundary::{arg_json, arg_out, guard, jg_status, out_string};
use crate::supervisor::{jg_supervisor, supervisor_ref};

/// Selects `count` of the items numbered 1..=`pool` as RFC 3797 §5–§6
/// specify, from `sources_json`: an array of public sources in the
/// announced order, each an array of non-negative integers (e.g.
/// `[[9319], [2, 5, 12, 8, 10], [9, 18, 26, 34, 41, 45]]`). Writes
/// `{"key", "picks": [{"index", "md5", "div", "selected"}]}`. The caller
/// frees `*out` with `jg_string_free`.
///
/// # Errors
/// `JG_STATUS_INVALID_ARGUMENT`: kind `rfc3797_refused` for no sources, an
/// empty source, a count beyond the pool or a pool too large; kind
/// `invalid_input` for JSON of another shape.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_rfc3797_json(
    supervisor: *const jg_supervisor,
    pool: usize,
    count: usize,
    sources_json: *const c_char,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, sources_json, out);
        let out = arg_out(out, "out")?;
        let sup = supervisor_ref(supervisor)?;
        let sources: Vec<Vec<u64>> = arg_json(sources_json, "sources_json")?;
        let sources: Vec<EntropySource> = sources.into_iter().map(EntropySource::numbers).collect();
        let selection = sup.rfc3797_select(pool, count, &sources)?;
        let picks: Vec<serde_json::Value> = selection
            .picks
            .iter()
            .map(|p| serde_json::json!({"index": p.index, "md5": p.md5_hex, "div": p.divisor, "selected": p.position}))
            .collect();
        *out = out_string(serde_json::json!({"key": selection.key, "picks": picks}).to_string());
        Ok(())
    })
}
