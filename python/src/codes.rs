//! Unified social credit codes (GB 32100-2015), checked through the
//! facade's `check_uscc`.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use sdk::supervisor::codes::{Uscc, organisation_check_character};

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

/// A valid code from its body: 17 characters get the GB 32100 check
/// character; 16 characters (authority, category, area code and an
/// eight-character organisation-code body) first get the GB 11714
/// organisation-code check character at position 17, then the GB 32100 one.
fn made(body: &str) -> Result<String, Failure> {
    if !body.is_ascii() {
        return Err(Failure::Uscc(format!(
            "{body:?} has a character outside 0-9 and A-Z"
        )));
    }
    let first17 = match body.len() {
        17 => body.to_owned(),
        16 => {
            let org = &body[8..];
            let check = organisation_check_character(org).ok_or_else(|| {
                Failure::Uscc(format!(
                    "organisation-code body {org:?} (positions 9-16 of {body:?}) is not 8 characters of 0-9 and A-Z, so GB 11714 gives it no check character"
                ))
            })?;
            format!("{body}{check}")
        }
        n => {
            return Err(Failure::Uscc(format!(
                "{body:?} has {n} characters; give 17 (the GB 32100 check character is added) or 16 (the GB 11714 organisation-code check character, then the GB 32100 one, are added)"
            )));
        }
    };
    let code = Uscc::with_check_character(&first17).map_err(sdk::Error::from)?;
    Ok(code.as_str().to_owned())
}

/// A valid code made from its first 16 or 17 characters.
#[pyfunction]
fn make_uscc(body: &str) -> PyResult<String> {
    Ok(made(body)?)
}

/// Codes made from many bodies; the first bad one is refused, naming its
/// position.
#[pyfunction]
fn make_uscc_many(py: Python<'_>, bodies: Vec<String>) -> PyResult<Vec<String>> {
    let out: Result<Vec<String>, Failure> = py.detach(|| {
        bodies
            .iter()
            .enumerate()
            .map(|(i, b)| {
                made(b).map_err(|e| Failure::Uscc(format!("bodies[{i}]: {}", e.message())))
            })
            .collect()
    });
    Ok(out?)
}

/// Registers the functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_uscc, m)?)?;
    m.add_function(wrap_pyfunction!(check_uscc_many, m)?)?;
    m.add_function(wrap_pyfunction!(make_uscc, m)?)?;
    m.add_function(wrap_pyfunction!(make_uscc_many, m)?)?;
    Ok(())
}
