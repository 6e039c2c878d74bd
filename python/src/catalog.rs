//! Supervision items, departments and who supervises what (Pingdu plan
//! §(一), §(二)), as JSON.

use pyo3::prelude::*;
use sdk::supervisor::catalog::ApprovalFacts;

use crate::errors::Failure;
use crate::supervisor::Supervisor;
use crate::{from_json, to_json};

/// The supervision item with `code`, as JSON.
#[pyfunction]
fn item_json(sup: &Supervisor, code: &str) -> PyResult<String> {
    Ok(to_json(&sup.inner.item(code).map_err(Failure::from)?))
}

/// Every supervision item, as a JSON array in catalog order.
#[pyfunction]
fn items_json(sup: &Supervisor) -> PyResult<String> {
    Ok(to_json(&sup.inner.items().map_err(Failure::from)?))
}

/// Every department, as a JSON array in catalog order.
#[pyfunction]
fn departments_json(sup: &Supervisor) -> PyResult<String> {
    Ok(to_json(&sup.inner.departments().map_err(Failure::from)?))
}

/// Who supervises item `code` given the approval facts (JSON), as JSON.
#[pyfunction]
fn resolve_json(sup: &Supervisor, code: &str, facts_json: &str) -> PyResult<String> {
    let facts: ApprovalFacts = from_json("approval facts", facts_json)?;
    Ok(to_json(
        &sup.inner.resolve(code, &facts).map_err(Failure::from)?,
    ))
}

/// Registers the functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(item_json, m)?)?;
    m.add_function(wrap_pyfunction!(items_json, m)?)?;
    m.add_function(wrap_pyfunction!(departments_json, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_json, m)?)?;
    Ok(())
}
