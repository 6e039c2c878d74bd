//! The crate's one error type: every module's error converts into it, so a
//! binding (C status code, Python exception) maps errors in one place.

use crate::calendar::CalendarError;
use crate::credit::CreditError;
use crate::entity::{EntityError, UsccError};
use crate::referral::ReferralError;
use crate::results::ResultsError;
use crate::sampling::SamplingError;

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
    /// A draw that could not be made.
    #[error(transparent)]
    Sampling(#[from] SamplingError),
    /// An RFC 3797 selection that could not be made.
    #[error(transparent)]
    Rfc3797(#[from] crate::sampling::rfc3797::Rfc3797Error),
    /// An outcome code table refused, or an inspection result that could not
    /// be recorded.
    #[error(transparent)]
    Results(#[from] ResultsError),
    /// A referral that could not be delivered.
    #[error(transparent)]
    Referral(#[from] ReferralError),
    /// A working-day question the calendar could not answer, or holiday data
    /// it refused.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// A catalog that failed to load or validate, or a failed lookup or
    /// responsibility resolution.
    #[error(transparent)]
    Catalog(#[from] crate::catalog::CatalogError),
    /// A plugin that failed to load, or a failed call into one.
    #[error(transparent)]
    Plugin(#[from] crate::plugin_host::PluginError),
}
