//! Inspection results (抽查检查结果) of a draw's visits: outcomes checked
//! against a code table, publication deadlines on the supervisor's
//! working-day calendar, follow-ups, and the visits as history for the next
//! draw, as JSON.

use pyo3::prelude::*;
use sdk::supervisor::results::{DEFAULT_PUBLICATION_WORKING_DAYS, EnteredResult, OutcomeTable};

use crate::draw::Record;
use crate::errors::{Failure, Result};
use crate::supervisor::Supervisor;
use crate::{from_json, to_json};

/// Records the results (JSON `[{"uscc", "department", "concluded_on",
/// "outcomes"}]`) of `record`'s visits, every one or none, against an
/// outcome table (JSON, or `None` for the SDK's default, as the C API's
/// NULL): JSON `{"results": [...], "history": [...]}`.
#[pyfunction]
#[pyo3(signature = (sup, record, table_json, results_json, publication_days))]
fn record_results_json(
    py: Python<'_>,
    sup: &Supervisor,
    record: &Record,
    table_json: Option<&str>,
    results_json: &str,
    publication_days: u32,
) -> PyResult<String> {
    Ok(py.detach(|| -> Result<String> {
        let table = match table_json {
            None => OutcomeTable::default(),
            Some(text) => OutcomeTable::from_json(text).map_err(|e| Failure::Sdk(e.into()))?,
        };
        let entered: Vec<EnteredResult> = from_json("results", results_json)?;
        let done = sup
            .inner
            .record_results(&record.inner, &table, &entered, publication_days)?;
        Ok(to_json(&done))
    })?)
}

/// Registers the function and the default publication period.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add(
        "DEFAULT_PUBLICATION_WORKING_DAYS",
        DEFAULT_PUBLICATION_WORKING_DAYS,
    )?;
    m.add_function(wrap_pyfunction!(record_results_json, m)?)?;
    Ok(())
}
