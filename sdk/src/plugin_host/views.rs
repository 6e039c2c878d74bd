//! What the host hands back from a plugin call: results read through the
//! plugin's description (grade labels, citations resolved), and the
//! referral decision decoded into the host's own enum.

use jianguan_plugin::{Citation, GradeBatch};

use super::LoadedPlugin;
use crate::NaiveDate;

/// The outcome of a criminal-referral assessment (行刑衔接), weakest first.
///
/// The host's own exhaustive enum, decoded from the contract's one-byte
/// code ([`jianguan_plugin::ReferralDecision`]) after the call: a code the
/// contract does not define is refused as a contract violation there, so
/// code matching on this enum never meets an unknown value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReferralDecision {
    /// No criminal threshold is met: handle administratively.
    DoNotRefer,
    /// A threshold turns on a fact that needs testing or appraisal
    /// (检验、鉴定) first.
    NeedsTesting,
    /// A criminal threshold is met: refer to public security (Decree 310 Art. 3).
    Refer,
}

impl ReferralDecision {
    /// The decision a plugin's code stands for; `None` for a code this
    /// host's contract does not define.
    pub fn decode(code: jianguan_plugin::ReferralDecision) -> Option<Self> {
        use jianguan_plugin::decisions;
        match code {
            decisions::DoNotRefer => Some(Self::DoNotRefer),
            decisions::NeedsTesting => Some(Self::NeedsTesting),
            decisions::Refer => Some(Self::Refer),
            _ => None,
        }
    }
}

impl From<ReferralDecision> for jianguan_plugin::ReferralDecision {
    fn from(d: ReferralDecision) -> Self {
        match d {
            ReferralDecision::DoNotRefer => Self::DoNotRefer,
            ReferralDecision::NeedsTesting => Self::NeedsTesting,
            ReferralDecision::Refer => Self::Refer,
        }
    }
}

/// Grades of a batch, read through the plugin's description.
#[derive(Debug)]
pub struct Grades<'a> {
    pub(super) plugin: &'a LoadedPlugin,
    pub(super) batch: GradeBatch,
}

impl<'a> Grades<'a> {
    /// Number of rows.
    pub fn len(&self) -> usize {
        self.batch.grades.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.batch.grades.is_empty()
    }

    /// The grade label of `row` (e.g. `C`, `一级`).
    ///
    /// # Panics
    /// When `row` is not below [`Grades::len`] (as every accessor here).
    pub fn label(&self, row: usize) -> &'a str {
        &self.plugin.description().grades[self.batch.grades[row] as usize].label
    }

    /// The grade index of `row` (0 = lowest risk).
    pub fn grade(&self, row: usize) -> u32 {
        self.batch.grades[row]
    }

    /// The score of `row`.
    pub fn score(&self, row: usize) -> f64 {
        self.batch.scores[row]
    }

    /// The reasons of `row`, each with its citation.
    pub fn reasons(&self, row: usize) -> impl Iterator<Item = CitedReason<'a>> + '_ {
        self.batch.reasons[row].iter().map(|r| CitedReason {
            citation: &self.plugin.description().citations[r.citation as usize],
            detail: r.detail.to_string(),
        })
    }

    /// The raw batch as the plugin returned it.
    pub fn batch(&self) -> &GradeBatch {
        &self.batch
    }
}

/// A reason with its citation resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct CitedReason<'a> {
    /// The article applied.
    pub citation: &'a Citation,
    /// What in the facts met it.
    pub detail: String,
}

/// A dated duty with its citation resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct DutyView<'a> {
    /// The duty's code.
    pub code: String,
    /// Its due date.
    pub due: NaiveDate,
    /// Whether it was overdue on the as-of date.
    pub overdue: bool,
    /// The rule.
    pub reason: CitedReason<'a>,
}

/// A referral assessment with its citations resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralView<'a> {
    /// The overall decision.
    pub decision: ReferralDecision,
    /// Each offence considered.
    pub findings: Vec<(ReferralDecision, CitedReason<'a>)>,
}
