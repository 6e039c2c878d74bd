//! The crate's one error type: every module's error converts into it, so a
//! binding (C status code, Python exception) maps errors in one place.

use crate::credit::CreditError;
use crate::entity::{EntityError, UsccError};

/// Any error the SDK returns. Each variant wraps the module error that says
/// what was wrong and where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A malformed unified social credit code.
    #[error(transparent)]
    Uscc(#[from] UsccError),
    /// An inconsistent market-entity record.
    #[error(transparent)]
    Entity(#[from] EntityError),
    /// A credit scheme, profile or lookup failure.
    #[error(transparent)]
    Credit(#[from] CreditError),
    /// Synthetic-data generation or output failed.
    #[error(transparent)]
    Synth(#[from] crate::synth::SynthError),
}
