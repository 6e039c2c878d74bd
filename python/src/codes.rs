//! Unified social credit codes (GB 32100-2015), checked through the
//! facade's `check_uscc`.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use sdk::supervisor::codes::Uscc;

use crate::errors::Failure;
use crate::supervisor::Supervisor;

/// Checks a unified social credit code (GB 32100-2015) and explains it.
#[pyfunction]
fn check_uscc<'py>(py: Python<'py>, sup: &Supervisor, code: &str) -> PyResult<Bound<'py, PyDict>> {
    let u = sup.inner.check_uscc(code).map_err(Failure::from)?;
    explain(py, &u)
}

/// A valid code's parts, by the names of `jianguan.UsccInfo`.
fn explain<'py>(py: Python<'py>, u: &Uscc) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("code", u.as_str())?;
    let s = u.as_str();
    d.set_item("authority", &s[0..1])?;
    d.set_item("authority_name", u.authority().map(|a| a.name_zh()))?;
    d.set_item("category", &s[1..2])?;
    d.set_item("category_name", u.category().map(|c| c.name_zh))?;
    d.set_item("region", u.region().as_str())?;
    d.set_item("province", u.region().province_name())?;
    d.set_item("organisation_code", u.organisation_code())?;
    d.set_item("warnings", u.warnings())?;
    Ok(d)
}

/// Checks many codes without raising: for each, `None` when valid, else
/// the reason.
#[pyfunction]
fn check_uscc_many(py: Python<'_>, sup: &Supervisor, codes: Vec<String>) -> Vec<Option<String>> {
    py.detach(|| {
        codes
            .iter()
            .map(|c| sup.inner.check_uscc(c).err().map(|e| e.to_string()))
            .collect()
    })
}

/// Registers the functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_uscc, m)?)?;
    m.add_function(wrap_pyfunction!(check_uscc_many, m)?)?;
    Ok(())
}
