//! Everything a draw takes, in one serializable value: the shape of the
//! conformance vectors' `inputs` (tests/vectors/draw/) and of a draw request
//! through the C and Python bindings.

use serde::{Deserialize, Serialize};

use super::{
    EntropyValue, InspectionHistory, Inspector, InspectorRoster, PastInspection, Plan, RosterEntry,
    SamplingError, TargetRoster,
};

/// The plan, the rosters it is drawn over and the public values that seed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
pub type BuiltRosters = (TargetRoster, InspectionHistory, InspectorRoster);

fn build(
    roster: &[RosterEntry],
    history: &[PastInspection],
    inspectors: &[Inspector],
) -> Result<BuiltRosters, SamplingError> {
    Ok((
        TargetRoster::new(roster.iter().cloned())?,
        InspectionHistory::new(history.iter().cloned())?,
        InspectorRoster::new(inspectors.iter().cloned())?,
    ))
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
