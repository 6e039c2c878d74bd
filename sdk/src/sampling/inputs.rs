//! Everything a draw takes, in one serializable value: the shape of the
//! conformance vectors' `inputs` (tests/vectors/draw/) and of a draw request
//! through the C and Python bindings.

use serde::{Deserialize, Serialize};

use super::wire::object_only;
use super::{
    EntropyValue, InspectionHistory, Inspector, InspectorRoster, PastInspection, Plan, RosterEntry,
    SamplingError, TargetRoster,
};

/// The plan, the rosters it is drawn over and the public values that seed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "an object with `plan`, `roster`, `history`, `inspectors` and `entropy`"
)]
pub struct DrawInputs {
    /// The plan, fixed before the public values existed.
    pub plan: Plan,
    /// The target roster (检查对象名录库).
    pub roster: Vec<RosterEntry>,
    /// Past inspections the proportionality rules look at.
    #[serde(default)]
    pub history: Vec<PastInspection>,
    /// The inspector roster (执法检查人员名录库).
    pub inspectors: Vec<Inspector>,
    /// The public values, in the plan's order.
    pub entropy: Vec<EntropyValue>,
}

/// The three rosters a draw runs over, and that `verify` re-runs it over.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "an object with `roster`, `history` and `inspectors`"
)]
pub struct DrawRosters {
    /// The target roster (检查对象名录库).
    pub roster: Vec<RosterEntry>,
    /// Past inspections the proportionality rules look at.
    #[serde(default)]
    pub history: Vec<PastInspection>,
    /// The inspector roster (执法检查人员名录库).
    pub inspectors: Vec<Inspector>,
}

/// The three rosters, checked and indexed.
#[derive(Debug, Clone)]
pub struct BuiltRosters {
    /// The target roster (检查对象名录库).
    pub roster: TargetRoster,
    /// Past inspections the proportionality rules look at.
    pub history: InspectionHistory,
    /// The inspector roster (执法检查人员名录库).
    pub inspectors: InspectorRoster,
}

impl BuiltRosters {
    /// The three, borrowed, as a draw over them takes them.
    pub fn refs(&self) -> RostersRef<'_> {
        RostersRef {
            roster: &self.roster,
            history: &self.history,
            inspectors: &self.inspectors,
        }
    }
}

/// The three rosters a draw runs over, checked and indexed, borrowed from
/// wherever the host keeps them (a large target roster is fixed once and
/// kept apart from the others).
#[derive(Debug, Clone, Copy)]
pub struct RostersRef<'a> {
    /// The target roster (检查对象名录库).
    pub roster: &'a TargetRoster,
    /// Past inspections the proportionality rules look at.
    pub history: &'a InspectionHistory,
    /// The inspector roster (执法检查人员名录库).
    pub inspectors: &'a InspectorRoster,
}

impl<'a> From<&'a BuiltRosters> for RostersRef<'a> {
    fn from(built: &'a BuiltRosters) -> Self {
        built.refs()
    }
}

fn build(
    roster: &[RosterEntry],
    history: &[PastInspection],
    inspectors: &[Inspector],
) -> Result<BuiltRosters, SamplingError> {
    Ok(BuiltRosters {
        roster: TargetRoster::new(roster.iter().cloned())?,
        history: InspectionHistory::new(history.iter().cloned())?,
        inspectors: InspectorRoster::new(inspectors.iter().cloned())?,
    })
}

impl DrawInputs {
    /// Checks and indexes the three rosters.
    ///
    /// # Errors
    /// As [`DrawRosters::build`].
    pub fn build_rosters(&self) -> Result<BuiltRosters, SamplingError> {
        build(&self.roster, &self.history, &self.inspectors)
    }
}

impl DrawRosters {
    /// Checks and indexes the three rosters.
    ///
    /// # Errors
    /// What [`TargetRoster::new`], [`InspectionHistory::new`] and
    /// [`InspectorRoster::new`] refuse: a repeated entity or inspector, an
    /// inconsistent entry, each named.
    pub fn build(&self) -> Result<BuiltRosters, SamplingError> {
        build(&self.roster, &self.history, &self.inspectors)
    }
}

object_only!(DrawInputs, DrawRosters);
