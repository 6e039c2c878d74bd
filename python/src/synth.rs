//! Synthetic counties (`jianguan roster generate`) for Python: the
//! `jianguan-synth` crate's entities, penalties, credit lists and
//! inspectors as the command's CSV files, which `jianguan.generate_county`
//! reads into frames. (The generator is test-data tooling, not the SDK, so
//! it is used directly rather than through the facade.)

use chrono::NaiveDate;
use jianguan_synth::{
    CountySpec, SynthError, write_entities_csv, write_inspectors_csv, write_lists_csv,
    write_penalties_csv,
};
use pyo3::prelude::*;

use crate::errors::Failure;

fn refused(e: SynthError) -> Failure {
    Failure::Input(e.to_string())
}

/// The four tables of a county as CSV text, in the order entities,
/// penalties, credit lists, inspectors.
#[pyfunction]
#[pyo3(signature = (seed, entities, as_of=None))]
fn generate_county_csv(
    py: Python<'_>,
    seed: u64,
    entities: u64,
    as_of: Option<NaiveDate>,
) -> PyResult<(String, String, String, String)> {
    let made = py.detach(|| -> Result<_, Failure> {
        let mut spec = CountySpec::new(seed, entities).map_err(refused)?;
        if let Some(d) = as_of {
            spec.as_of = d;
            spec.validate().map_err(refused)?;
        }
        let text = |b: Vec<u8>| String::from_utf8(b).expect("the generator writes UTF-8");
        let mut e = Vec::new();
        write_entities_csv(&mut e, spec.entities()).map_err(refused)?;
        let mut p = Vec::new();
        write_penalties_csv(&mut p, spec.entities()).map_err(refused)?;
        let mut l = Vec::new();
        write_lists_csv(&mut l, spec.entities()).map_err(refused)?;
        let mut i = Vec::new();
        write_inspectors_csv(&mut i, &spec.inspectors()).map_err(refused)?;
        Ok((text(e), text(p), text(l), text(i)))
    })?;
    Ok(made)
}

/// Registers the functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(generate_county_csv, m)?)?;
    Ok(())
}
