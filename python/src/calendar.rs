//! Working days (工作日) under the official holiday notices.

use chrono::NaiveDate;
use pyo3::prelude::*;

use crate::errors::Failure;
use crate::supervisor::Supervisor;

/// Whether `date` is a working day.
#[pyfunction]
fn is_working_day(sup: &Supervisor, date: NaiveDate) -> PyResult<bool> {
    Ok(sup.inner.is_working_day(date).map_err(Failure::from)?)
}

/// The date `n` working days after `start`.
#[pyfunction]
fn add_working_days(sup: &Supervisor, start: NaiveDate, n: u32) -> PyResult<NaiveDate> {
    Ok(sup
        .inner
        .add_working_days(start, n)
        .map_err(Failure::from)?)
}

/// Working days after `start` up to and including `end`.
#[pyfunction]
fn working_days_between(sup: &Supervisor, start: NaiveDate, end: NaiveDate) -> PyResult<u32> {
    Ok(sup
        .inner
        .working_days_between(start, end)
        .map_err(Failure::from)?)
}

/// Registers the functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(is_working_day, m)?)?;
    m.add_function(wrap_pyfunction!(add_working_days, m)?)?;
    m.add_function(wrap_pyfunction!(working_days_between, m)?)?;
    Ok(())
}
