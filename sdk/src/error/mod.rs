//! The crate's one error type: every module's error converts into it, and
//! every error has one of the stable [`ErrorKind`]s, so a binding (C status
//! code, Python exception) maps errors in one place, by kind.

mod kind;

pub use kind::ErrorKind;

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

impl Error {
    /// The error's stable kind (`docs/errors.md`): what the C face reports
    /// through `jg_last_error_kind` and maps to a status, and what the Python
    /// face maps to an exception class and keeps in `Error.kind`.
    pub fn kind(&self) -> ErrorKind {
        use crate::catalog::CatalogError as Cat;
        use crate::credit::CreditError as Cr;
        use crate::plugin_host::{PluginCallError as Call, PluginError as P, PluginErrorKind};
        use crate::sampling::rfc3797::Rfc3797Error as R;
        use ErrorKind as K;
        match self {
            Error::Uscc(_) => K::InvalidUscc,
            Error::Entity(_) => K::InvalidEntity,
            Error::Credit(e) => match e {
                Cr::Source { .. } => K::CreditSource,
                Cr::UnknownClass { .. }
                | Cr::InvalidScheme { .. }
                | Cr::InvalidProfile { .. }
                | Cr::DuplicateProfile { .. } => K::InvalidCredit,
            },
            Error::Sampling(e) => e.error_kind(),
            Error::Rfc3797(e) => match e {
                R::NoSources
                | R::EmptySource { .. }
                | R::CountExceedsPool { .. }
                | R::PoolTooLarge { .. } => K::Rfc3797Refused,
            },
            Error::Results(e) => e.error_kind(),
            Error::Referral(e) => match e {
                crate::referral::ReferralError::MissingDocument { .. } => K::MissingDocument,
            },
            Error::Calendar(e) => calendar_kind(e),
            Error::Catalog(e) => match e {
                Cat::Syntax { .. } => K::InvalidSyntax,
                Cat::UnknownItem { .. } => K::UnknownItem,
                Cat::UnknownDepartment { .. } => K::UnknownDepartment,
                Cat::Source { .. } => K::CatalogSource,
                Cat::Malformed { .. }
                | Cat::DuplicateItem { .. }
                | Cat::DuplicateDepartment { .. }
                | Cat::UnknownIndustry { .. }
                | Cat::InvalidField { .. } => K::CatalogRefused,
            },
            Error::Plugin(e) => match e {
                P::Load(_) | P::Folder { .. } => K::PluginLoad,
                P::Call(Call::NotLoaded(_)) => K::PluginNotLoaded,
                P::Call(Call::InvalidFacts { .. }) => K::InvalidFacts,
                // The plugin's own rules refused a fact: the caller's data.
                P::Call(Call::Plugin { error, .. })
                    if error.kind == PluginErrorKind::InvalidFacts =>
                {
                    K::InvalidFacts
                }
                P::Call(Call::Plugin { error, .. })
                    if error.kind == PluginErrorKind::Unsupported =>
                {
                    K::UnsupportedOperation
                }
                P::Call(Call::Plugin { .. } | Call::BadResult { .. }) => K::PluginFailed,
            },
        }
    }
}

/// The kind of a calendar error (also inside an inspection-results error).
pub(crate) fn calendar_kind(e: &crate::calendar::CalendarError) -> ErrorKind {
    use crate::calendar::CalendarError as Cal;
    match e {
        Cal::NoDataForYear { .. } | Cal::ReversedRange { .. } | Cal::OutOfRange { .. } => {
            ErrorKind::Calendar
        }
        Cal::Json(_) => ErrorKind::InvalidSyntax,
        Cal::NoYears | Cal::InvalidYear { .. } | Cal::InvalidEntry { .. } => {
            ErrorKind::InvalidHolidays
        }
    }
}
