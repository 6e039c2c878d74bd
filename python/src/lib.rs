//! `jianguan._native`: the compiled half of the Python package `jianguan`.
//! It is private: `jianguan/__init__.py` re-exports the public API with
//! Python names, keyword arguments and result objects. Everything here
//! wraps the SDK's `Supervisor` facade (or the free functions the facade
//! uses), so Python, C and Rust see the same behaviour. Bulk work (rosters,
//! fact tables, draws) releases the GIL.

// pyo3's macros expand to unsafe FFI glue; this crate writes none itself.
#![allow(unsafe_code)]

mod columns;
mod draw;
mod errors;
mod supervisor;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use sdk::entity::Uscc;
use sdk::sampling::rfc3797;

use crate::errors::Failure;

/// Checks a unified social credit code (GB 32100-2015) and explains it.
#[pyfunction]
fn check_uscc<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyDict>> {
    let u = Uscc::parse(code).map_err(|e| Failure::Sdk(e.into()))?;
    explain(py, &u)
}

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
fn check_uscc_many(py: Python<'_>, codes: Vec<String>) -> Vec<Option<String>> {
    py.detach(|| {
        codes
            .iter()
            .map(|c| Uscc::parse(c).err().map(|e| e.to_string()))
            .collect()
    })
}

/// One RFC 3797 pick: index, MD5 in hex, divisor, position.
type Pick = (usize, String, usize, usize);

/// RFC 3797 selection of `count` of `pool` items from number sources:
/// `(key string, [(index, md5 hex, divisor, position)])`.
#[pyfunction]
fn rfc3797_select(
    pool: usize,
    count: usize,
    sources: Vec<Vec<u64>>,
) -> PyResult<(String, Vec<Pick>)> {
    let sources: Vec<rfc3797::EntropySource> = sources
        .into_iter()
        .map(rfc3797::EntropySource::numbers)
        .collect();
    let fail = |e: rfc3797::Rfc3797Error| Failure::Sdk(e.into());
    let key = rfc3797::key_string(&sources).map_err(fail)?;
    let picks = rfc3797::select(pool, count, &sources).map_err(fail)?;
    Ok((
        key,
        picks
            .into_iter()
            .map(|p| (p.index, p.md5_hex, p.divisor, p.position))
            .collect(),
    ))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ALGORITHM", sdk::sampling::ALGORITHM)?;
    m.add("RECORD_FORMAT", sdk::sampling::RECORD_FORMAT)?;
    m.add("ROSTER_REQUIRED", columns::ROSTER_REQUIRED.to_vec())?;
    m.add("ROSTER_OPTIONAL", columns::ROSTER_OPTIONAL.to_vec())?;
    m.add_function(wrap_pyfunction!(check_uscc, m)?)?;
    m.add_function(wrap_pyfunction!(check_uscc_many, m)?)?;
    m.add_function(wrap_pyfunction!(rfc3797_select, m)?)?;
    m.add_class::<supervisor::Supervisor>()?;
    draw::register(m)?;
    Ok(())
}
