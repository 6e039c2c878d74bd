//! Inspection results of a draw's visits (抽查检查结果): outcomes checked
//! against a code table, publication deadlines and follow-ups, as JSON.

use std::ffi::c_char;

use sdk::supervisor::draw::DrawRecord;
use sdk::supervisor::results::{EnteredResult, OutcomeTable};

use crate::boundary::require;
use crate::boundary::{Failure, arg_json, arg_out, guard, jg_status, opt_str, out_json};
use crate::supervisor::{jg_supervisor, supervisor_ref};

/// Records the results of a draw's visits, every one or none, and writes
/// `{"results": [...], "history": [...]}` (each result with its
/// `publish_by` deadline and follow-up events; the visits as inspection
/// history for the next draw). `record_json` is the draw's record;
/// `table_json` an outcome code table, or NULL for the shipped default
/// (RULES §1.4, UNCONFIRMED nationally); `results_json` an array of
/// `{"uscc", "department", "concluded_on", "outcomes"}`;
/// `publication_days` the working days allowed for publication (20 by
/// default in the SDK; SAMR Order 49 Art. 39 for food). The caller frees
/// `*out` with `jg_string_free`.
///
/// # Errors
/// `JG_STATUS_INVALID_ARGUMENT` (kind `invalid_results`,
/// `invalid_outcome_table` or `invalid_syntax`) naming the result's 1-based
/// position and what is wrong; `JG_STATUS_CALENDAR` when a year has no
/// holiday notice; NULL and UTF-8 statuses.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_record_results_json(
    supervisor: *const jg_supervisor,
    record_json: *const c_char,
    table_json: *const c_char,
    results_json: *const c_char,
    publication_days: u32,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, record_json, results_json, out);
        let out = arg_out(out, "out")?;
        let sup = supervisor_ref(supervisor)?;
        let record: DrawRecord = arg_json(record_json, "record_json")?;
        let table = match opt_str(table_json, "table_json")? {
            None => OutcomeTable::default(),
            Some(text) => {
                OutcomeTable::from_json(text).map_err(|e| Failure::from(sdk::Error::from(e)))?
            }
        };
        let entered: Vec<EnteredResult> = arg_json(results_json, "results_json")?;
        let done = sup.record_results(&record, &table, &entered, publication_days)?;
        *out = out_json(&done)?;
        Ok(())
    })
}
