//! Why a draw could not be made or verified.

use crate::entity::Uscc;

/// Why a draw could not be made or verified. Every variant names what was
/// wrong and where; no record is produced when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SamplingError {
    /// A stratum was asked for more entities than it holds. Remedy: lower the
    /// count or ratio, or widen the target filter.
    #[error("stratum {stratum:?} holds {available} entities but {requested} were asked for")]
    StratumTooSmall {
        /// The stratum's name.
        stratum: String,
        /// Entities requested.
        requested: usize,
        /// Entities eligible.
        available: usize,
    },
    /// The same entity appears twice in one stratum. Remedy: deduplicate the roster.
    #[error("stratum {stratum:?} lists {uscc} more than once")]
    DuplicateMember {
        /// The stratum's name.
        stratum: String,
        /// The repeated entity.
        uscc: Uscc,
    },
    /// A stratum with no eligible entity was asked for a count. Remedy: drop
    /// the stratum or check the filter and the rules that excluded its members.
    #[error(
        "tasks[{task}]: stratum of class {class:?} has no eligible entity but a count of {count} was asked for"
    )]
    EmptyStratum {
        /// Task index.
        task: usize,
        /// The stratum's class.
        class: String,
        /// The count asked for.
        count: u64,
    },
    /// A plan field is invalid. Remedy: fix the field named.
    #[error("plan field `{field}` {problem}")]
    InvalidPlan {
        /// Path of the field, e.g. `tasks[0].strata`.
        field: String,
        /// What is wrong.
        problem: String,
    },
    /// A plan names an item the catalog does not have.
    #[error("tasks[{task}]: item {code:?} is not in the catalog")]
    UnknownItem {
        /// Task index.
        task: usize,
        /// The unknown code.
        code: String,
    },
    /// A roster row is invalid.
    #[error("target roster row {row} ({uscc}): {problem}")]
    InvalidRoster {
        /// Row number, from 0, in the order given.
        row: usize,
        /// The entity.
        uscc: Uscc,
        /// What is wrong.
        problem: String,
    },
    /// A code appears twice in a target roster (or in two of its parts).
    #[error("target roster lists {uscc} more than once")]
    DuplicateEntity {
        /// The repeated code.
        uscc: Uscc,
    },
    /// Roster parts folded into one digest overlap or are out of code order.
    /// Remedy: sort the roster by code and split it by code ranges.
    #[error(
        "roster part starting at {first} does not come after the previous part, which ended at {previous}: parts must be sorted by code and must not overlap"
    )]
    PartsOutOfOrder {
        /// The last code of the parts before.
        previous: Uscc,
        /// The first code of the part refused.
        first: Uscc,
    },
    /// A saved digester state (see [`super::RosterDigester::save`]) that
    /// cannot be read.
    #[error("roster digester state: {problem}")]
    InvalidPartState {
        /// What is wrong.
        problem: String,
    },
    /// An entity's credit class is not among the plan's classes.
    #[error("target roster entity {uscc} has credit class {class:?}, not one of the plan's classes {}", allowed.join(", "))]
    UnknownClass {
        /// The first entity with that class.
        uscc: Uscc,
        /// The class given.
        class: String,
        /// The plan's classes.
        allowed: Vec<String>,
    },
    /// An inspection-history entry is invalid.
    #[error("inspection history row {row}: {problem}")]
    InvalidHistory {
        /// Row number, from 0.
        row: usize,
        /// What is wrong.
        problem: String,
    },
    /// An inspector-roster entry is invalid.
    #[error("inspector {id:?}: {problem}")]
    InvalidInspector {
        /// The inspector's id.
        id: String,
        /// What is wrong.
        problem: String,
    },
    /// The public values do not match the labels the plan fixed, in number or
    /// order. Remedy: give exactly the plan's values, in the plan's order.
    #[error("entropy value {position}: the plan fixed {expected:?} but {} was given", found.as_deref().map_or("nothing".to_string(), |f| format!("{f:?}")))]
    EntropyMismatch {
        /// Position in the list, from 0.
        position: usize,
        /// The label the plan fixed there.
        expected: String,
        /// The label given there, if any.
        found: Option<String>,
    },
    /// A publicity task draws fewer than the legal minimum share
    /// (企业公示信息抽查办法 Art. 4: not less than 3%). Remedy: raise the ratios.
    #[error(
        "tasks[{task}]: a publicity check must draw at least {needed} of {population} entities (企业公示信息抽查办法 Art. 4) but the strata draw {planned}"
    )]
    PublicityMinimum {
        /// Task index.
        task: usize,
        /// Entities passing the filter.
        population: u64,
        /// The minimum.
        needed: u64,
        /// What the strata give.
        planned: u64,
    },
    /// Too few inspectors can be drawn for a visit. Remedy: add qualified
    /// inspectors, relax the workload cap or team rule, or reduce the draw.
    #[error(
        "visit to {uscc}: {department} needs {needed} inspectors but only {found} can be drawn ({detail})"
    )]
    InsufficientInspectors {
        /// The entity.
        uscc: Uscc,
        /// The department.
        department: String,
        /// Inspectors required.
        needed: usize,
        /// Inspectors drawn.
        found: usize,
        /// Counts of why the others could not be.
        detail: String,
    },
    /// A record of another format or algorithm version.
    #[error("record format {format:?} / algorithm {algorithm:?} is not one this version verifies")]
    UnsupportedRecord {
        /// The record's format.
        format: String,
        /// The record's algorithm.
        algorithm: String,
    },
    /// The host's catalog source failed while the plan's items were looked
    /// up; nothing was drawn. Remedy: as the source's message says.
    #[error("plan: the catalog source failed: {message}")]
    CatalogSource {
        /// The source's message.
        message: String,
    },
    /// The record does not match the draw recomputed from the rosters.
    #[error(
        "verification failed at `{path}`: the record has {recorded}, recomputation gives {recomputed}"
    )]
    VerificationFailed {
        /// Path of the first differing field, e.g. `tasks[0].strata[1].selected[4]`.
        path: String,
        /// The record's value there.
        recorded: String,
        /// The recomputed value there.
        recomputed: String,
    },
}

impl SamplingError {
    /// The refusal's kind as a stable snake_case name: what the conformance
    /// vectors (tests/vectors/draw/) record and the C and Python bindings
    /// report. Names never change once released.
    pub fn kind(&self) -> &'static str {
        self.error_kind().as_str()
    }

    /// The refusal's [`ErrorKind`](crate::ErrorKind).
    pub fn error_kind(&self) -> crate::ErrorKind {
        use crate::ErrorKind as K;
        match self {
            SamplingError::StratumTooSmall { .. } => K::StratumTooSmall,
            SamplingError::DuplicateMember { .. } => K::DuplicateMember,
            SamplingError::EmptyStratum { .. } => K::EmptyStratum,
            SamplingError::InvalidPlan { .. } => K::InvalidPlan,
            SamplingError::UnknownItem { .. } => K::UnknownItem,
            SamplingError::InvalidRoster { .. } => K::InvalidRoster,
            SamplingError::DuplicateEntity { .. } => K::DuplicateEntity,
            SamplingError::PartsOutOfOrder { .. } => K::PartsOutOfOrder,
            SamplingError::InvalidPartState { .. } => K::InvalidPartState,
            SamplingError::UnknownClass { .. } => K::UnknownClass,
            SamplingError::InvalidHistory { .. } => K::InvalidHistory,
            SamplingError::InvalidInspector { .. } => K::InvalidInspector,
            SamplingError::EntropyMismatch { .. } => K::EntropyMismatch,
            SamplingError::PublicityMinimum { .. } => K::PublicityMinimum,
            SamplingError::InsufficientInspectors { .. } => K::InsufficientInspectors,
            SamplingError::UnsupportedRecord { .. } => K::UnsupportedRecord,
            SamplingError::VerificationFailed { .. } => K::VerificationFailed,
            SamplingError::CatalogSource { .. } => K::CatalogSource,
        }
    }

    pub(crate) fn plan(field: &str, problem: String) -> Self {
        SamplingError::InvalidPlan {
            field: field.into(),
            problem,
        }
    }
}
