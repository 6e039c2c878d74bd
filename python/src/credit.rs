//! Credit schemes and profiles (国市监信发〔2022〕6号), as JSON.

use pyo3::prelude::*;
use sdk::supervisor::credit::CreditScheme;

use crate::errors::{Failure, Result};
use crate::supervisor::Supervisor;
use crate::to_json;

/// The credit scheme named `name`, as `Supervisor(credit_scheme=…)` takes it.
pub(crate) fn scheme(name: &str) -> Result<CreditScheme> {
    match name {
        "national_2022" => Ok(CreditScheme::national_2022()),
        "shandong_2020" => Ok(CreditScheme::shandong_2020()),
        other => Err(Failure::Input(format!(
            "credit_scheme {other:?} is not one of national_2022, shandong_2020"
        ))),
    }
}

/// The credit scheme, as JSON.
#[pyfunction]
fn credit_scheme_json(sup: &Supervisor) -> String {
    to_json(sup.inner.credit_scheme())
}

/// The credit profile of `code` as JSON, or `None` when unknown.
#[pyfunction]
fn credit_profile_json(sup: &Supervisor, code: &str) -> PyResult<Option<String>> {
    let uscc = sup.inner.check_uscc(code).map_err(Failure::from)?;
    let p = sup.inner.credit_profile(&uscc).map_err(Failure::from)?;
    Ok(p.as_ref().map(to_json))
}

/// Registers the functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(credit_scheme_json, m)?)?;
    m.add_function(wrap_pyfunction!(credit_profile_json, m)?)?;
    Ok(())
}
