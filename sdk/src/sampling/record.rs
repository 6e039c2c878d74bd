//! The draw record (抽查记录): everything needed to re-run a draw, in
//! canonical JSON (draw algorithm §9).

use serde::{Deserialize, Serialize};

use super::canonical::canonical_json;
use super::plan::Plan;
use super::prf::{hex, sha256};
use super::select::Exclusion;
use super::visits::{Recusal, Visit};
use super::wire::object_only;
use crate::entity::Uscc;

/// The record format this crate writes.
pub const RECORD_FORMAT: &str = "jianguan-draw-record/1";

/// One public value that seeds the draw, with the label the plan fixed for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a public value object {label, value}"
)]
pub struct EntropyValue {
    /// The label, as the plan lists it.
    pub label: String,
    /// The value as published (e.g. "03 07 12 19 26 31 + 09").
    pub value: String,
}

/// The digests the seed is derived from (hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "an object of digests"
)]
pub struct Digests {
    /// SHA-256 of the plan's canonical JSON.
    pub plan: String,
    /// Target roster digest (§2).
    pub targets: String,
    /// Inspection history digest (§2).
    pub history: String,
    /// Inspector roster digest (§2).
    pub inspectors: String,
}

/// Whether a stratum part holds the full-ratio or the reduced-ratio entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "`normal` or `reduced`")]
pub enum StratumPart {
    /// Entities at the stratum's own ratio.
    Normal,
    /// Penalty-free entities at the reduced ratio (Pingdu plan §(六)).
    Reduced,
}

/// The outcome of one stratum part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a stratum part object"
)]
pub struct StratumOutcome {
    /// Credit class.
    pub class: String,
    /// Which part.
    pub part: StratumPart,
    /// Eligible entities.
    pub pool: u64,
    /// How many were to be drawn.
    pub take: u64,
    /// The drawn entities, smallest key first.
    pub selected: Vec<Uscc>,
}

/// The outcome of one task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a task outcome object"
)]
pub struct TaskOutcome {
    /// The department.
    pub department: String,
    /// Entities passing the filter.
    pub population: u64,
    /// Stratum parts, in plan order, normal before reduced.
    pub strata: Vec<StratumOutcome>,
    /// Entities left out, by code, with the rule and facts.
    pub excluded: Vec<Exclusion>,
    /// Entities drawn at the reduced ratio for having no penalty in the
    /// plan's window (Pingdu plan §(六)), by code.
    pub reduced: Vec<Uscc>,
}

/// A draw, complete enough for anyone holding the rosters to re-run it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a draw record object"
)]
pub struct DrawRecord {
    /// Record format, [`RECORD_FORMAT`].
    pub format: String,
    /// Algorithm name and version, [`ALGORITHM`](super::prf::ALGORITHM).
    pub algorithm: String,
    /// The plan, with items resolved.
    pub plan: Plan,
    /// Digests of the plan and the rosters.
    pub digests: Digests,
    /// The public values, in the plan's order.
    pub entropy: Vec<EntropyValue>,
    /// The seed (hex).
    pub seed: String,
    /// Per-task outcomes, in plan order.
    pub tasks: Vec<TaskOutcome>,
    /// Visits, in the order inspectors were drawn.
    pub visits: Vec<Visit>,
    /// Recusals made while drawing inspectors.
    pub recusals: Vec<Recusal>,
}

impl DrawRecord {
    /// The record's canonical JSON (§3).
    pub fn to_canonical_json(&self) -> String {
        canonical_json(self)
    }

    /// The record's identity: SHA-256 of its canonical JSON, in hex. A redraw
    /// names the record it replaces by this digest.
    pub fn digest(&self) -> String {
        hex(&sha256(self.to_canonical_json().as_bytes()))
    }
}

object_only!(
    Digests,
    StratumOutcome,
    TaskOutcome,
    DrawRecord,
    EntropyValue
);
