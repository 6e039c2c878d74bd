//! The RFC 3797 selection mode for small pools (docs/rfc3797-mode.md),
//! through the facade's `rfc3797_select`.

use pyo3::prelude::*;
use sdk::supervisor::rfc3797::EntropySource;

use crate::errors::Failure;
use crate::supervisor::Supervisor;

/// One RFC 3797 pick: index, MD5 in hex, divisor, position.
type Pick = (usize, String, usize, usize);

/// RFC 3797 selection of `count` of `pool` items from number sources:
/// `(key string, [(index, md5 hex, divisor, position)])`.
#[pyfunction]
fn rfc3797_select(
    py: Python<'_>,
    sup: &Supervisor,
    pool: usize,
    count: usize,
    sources: Vec<Vec<u64>>,
) -> PyResult<(String, Vec<Pick>)> {
    let sources: Vec<EntropySource> = sources.into_iter().map(EntropySource::numbers).collect();
    let selection = py
        .detach(|| sup.inner.rfc3797_select(pool, count, &sources))
        .map_err(Failure::from)?;
    Ok((
        selection.key,
        selection
            .picks
            .into_iter()
            .map(|p| (p.index, p.md5_hex, p.divisor, p.position))
            .collect(),
    ))
}

/// Registers the function.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(rfc3797_select, m)?)?;
    Ok(())
}
