//! The RFC 3797 selection mode, for small pools such as an inspector panel
//! (docs/rfc3797-mode.md).

pub use crate::sampling::rfc3797::{EntropySource, Rfc3797Error, Rfc3797Pick};

use super::Supervisor;
use crate::Error;
use crate::sampling::rfc3797;

/// An RFC 3797 selection: the key string built from the public sources and
/// the picks in selection order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rfc3797Selection {
    /// The key string (RFC 3797 §5), e.g. `9319./2.5.8.10.12./9.18.26.34.41.45./`.
    pub key: String,
    /// The picks, in the order they were selected.
    pub picks: Vec<Rfc3797Pick>,
}

impl Supervisor {
    /// Selects `count` of the items numbered 1..=`pool` from the public
    /// `sources` as RFC 3797 §5–§6 specifies (MD5 of the key string with a
    /// two-byte counter), reproducing the RFC's worked example.
    ///
    /// # Errors
    /// [`Error::Rfc3797`]: no sources, an empty source, a count beyond the
    /// pool, or a pool too large for the method.
    pub fn rfc3797_select(
        &self,
        pool: usize,
        count: usize,
        sources: &[EntropySource],
    ) -> Result<Rfc3797Selection, Error> {
        let key = rfc3797::key_string(sources)?;
        let picks = rfc3797::select(pool, count, sources)?;
        Ok(Rfc3797Selection { key, picks })
    }
}
