//! What a plugin returns across the boundary: errors, grades, duties and
//! referral assessments. Every result points at the citation (in the
//! plugin's [`crate::PluginDescription::citations`]) of the rule it applied.

use std::fmt;

use abi_stable::{
    StableAbi,
    std_types::{RString, RVec},
};

/// What kind of failure a plugin reports.
#[repr(u8)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluginErrorKind {
    /// The facts are incomplete or out of range for the rule (the message
    /// names the row and fact).
    InvalidFacts,
    /// The configuration given at open is not valid.
    InvalidConfig,
    /// The plugin panicked; the export macro caught it at the boundary.
    Panicked,
    /// The plugin hit a failure of its own (a bug, a broken data file).
    Internal,
}

/// An error value returned across the boundary in place of a result.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq, Eq)]
pub struct PluginError {
    /// What kind of failure.
    pub kind: PluginErrorKind,
    /// What was wrong, naming the row and fact where there is one.
    pub message: RString,
}

impl PluginError {
    /// An `InvalidFacts` error.
    pub fn invalid_facts(message: impl Into<String>) -> Self {
        Self::new(PluginErrorKind::InvalidFacts, message)
    }

    /// An `InvalidFacts` error for a coded text fact whose code in `row` is
    /// not one of `allowed`: "row 2: fact `product` has unknown code `x`
    /// (expected one of drug, device)".
    pub fn unknown_code(row: usize, name: &str, code: &str, allowed: &[&str]) -> Self {
        Self::invalid_facts(format!(
            "row {row}: fact `{name}` has unknown code `{code}` (expected one of {})",
            allowed.join(", ")
        ))
    }

    /// An `InvalidConfig` error.
    pub fn invalid_config(message: impl Into<String>) -> Self {
        Self::new(PluginErrorKind::InvalidConfig, message)
    }

    /// An `Internal` error.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(PluginErrorKind::Internal, message)
    }

    /// An error of `kind`.
    pub fn new(kind: PluginErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: RString::from(message.into()),
        }
    }
}

impl fmt::Display for PluginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            PluginErrorKind::InvalidFacts => "invalid facts",
            PluginErrorKind::InvalidConfig => "invalid configuration",
            PluginErrorKind::Panicked => "plugin panicked",
            PluginErrorKind::Internal => "plugin failure",
        };
        write!(f, "{kind}: {}", self.message)
    }
}

impl std::error::Error for PluginError {}

/// One reason behind a result: the rule (by citation index) and what in the
/// facts met it.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct Reason {
    /// Index into the plugin's citation list.
    pub citation: u32,
    /// What in the facts met the rule, with the figures, e.g.
    /// "S = 1.000 ≥ 1: major hazard source".
    pub detail: RString,
}

impl Reason {
    /// A reason citing `citation`.
    pub fn new(citation: u32, detail: impl Into<String>) -> Self {
        Self {
            citation,
            detail: RString::from(detail.into()),
        }
    }
}

/// Risk grades for a batch, one entry per input row in every column.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq, Default)]
pub struct GradeBatch {
    /// Grade of each row, as an index into the plugin's grade list.
    pub grades: RVec<u32>,
    /// Score of each row (the measure the grade was cut from).
    pub scores: RVec<f64>,
    /// Reasons of each row.
    pub reasons: RVec<RVec<Reason>>,
}

impl GradeBatch {
    /// An empty batch with room for `rows` rows.
    pub fn with_capacity(rows: usize) -> Self {
        Self {
            grades: RVec::with_capacity(rows),
            scores: RVec::with_capacity(rows),
            reasons: RVec::with_capacity(rows),
        }
    }

    /// Appends one row's result.
    pub fn push(&mut self, grade: u32, score: f64, reasons: RVec<Reason>) {
        self.grades.push(grade);
        self.scores.push(score);
        self.reasons.push(reasons);
    }
}

/// A dated duty of the entity or of the regulator, e.g. "request periodic
/// inspection by …" or "safety assessment due".
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct Duty {
    /// Short stable code, e.g. `periodic-inspection-request`.
    pub code: RString,
    /// The date by which the duty must be done (days since 1970-01-01).
    pub due: i32,
    /// Whether the due date has already passed on the as-of date.
    pub overdue: bool,
    /// The rule, as a reason with its citation.
    pub reason: Reason,
}

/// Duties of each input row.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq, Default)]
pub struct DutyBatch {
    /// One list per input row.
    pub rows: RVec<RVec<Duty>>,
}

/// The outcome of a criminal-referral assessment (行刑衔接).
#[repr(u8)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReferralDecision {
    /// No criminal threshold is met: handle administratively.
    DoNotRefer,
    /// A threshold turns on a fact that needs testing or appraisal
    /// (检验、鉴定) first.
    NeedsTesting,
    /// A criminal threshold is met: refer to public security (Decree 310 Art. 3).
    Refer,
}

/// The assessment of one case.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct ReferralAssessment {
    /// The overall decision: the strongest among the findings.
    pub decision: ReferralDecision,
    /// Each offence considered, with its decision and the threshold that
    /// decided it.
    pub findings: RVec<Finding>,
}

/// One offence considered for a case.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct Finding {
    /// The decision for this offence.
    pub decision: ReferralDecision,
    /// The threshold and the facts that decided, with the citation.
    pub reason: Reason,
}

impl ReferralAssessment {
    /// Builds an assessment whose decision is the strongest finding's
    /// (`DoNotRefer` when there are none).
    pub fn from_findings(findings: Vec<Finding>) -> Self {
        let decision = findings
            .iter()
            .map(|f| f.decision)
            .max()
            .unwrap_or(ReferralDecision::DoNotRefer);
        Self {
            decision,
            findings: findings.into(),
        }
    }
}

impl Finding {
    /// A finding citing `citation`.
    pub fn new(decision: ReferralDecision, citation: u32, detail: impl Into<String>) -> Self {
        Self {
            decision,
            reason: Reason::new(citation, detail),
        }
    }
}
