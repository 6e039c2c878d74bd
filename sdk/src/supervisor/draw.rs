//! The verifiable double-random draw (双随机、一公开; 国发〔2019〕5号):
//! plans, rosters, records and verification, in one process or over roster
//! parts (docs/draw-algorithm.md).

pub use crate::sampling::prf::{Digest32, hex, parse_digest};
pub use crate::sampling::{
    ALGORITHM, BuiltRosters, Digests, Direction, DrawInputs, DrawProgress, DrawRecord, DrawRosters,
    DrawSetup, DrawWatch, EntropyValue, EntryRef, InspectionHistory, Inspector, InspectorRoster,
    InspectorStatus, Level, PartialSelection, PastInspection, Plan, RECORD_FORMAT, Replaces,
    RosterBuilder, RosterDigester, RosterEntry, RostersRef, SamplingError, StratumPart,
    TargetRoster, TaskCounts, TaskDraw, Visit,
};

use super::Supervisor;
use crate::Error;
use crate::sampling;

impl Supervisor {
    /// Makes a verifiable draw (双随机): resolves the plan against the
    /// catalog, then draws as docs/draw-algorithm.md specifies. Nothing is
    /// stored; the host publishes and keeps the record.
    ///
    /// # Errors
    /// [`Error::Sampling`] for any refusal (see [`Error::kind`]): an unknown
    /// item, an invalid plan, roster or entropy, too few entities or
    /// inspectors.
    pub fn draw(&self, inputs: &DrawInputs) -> Result<DrawRecord, Error> {
        // Rosters first, then the plan: the order of refusals that
        // docs/draw-algorithm.md Appendix D gives.
        let rosters = inputs.build_rosters()?;
        let plan = self.resolve_plan(&inputs.plan)?;
        self.draw_resolved(&plan, rosters.refs(), &inputs.entropy)
    }

    /// The plan checked and resolved against the catalog (items filled in),
    /// as [`Supervisor::draw`] resolves it: what a draw over roster parts
    /// ([`DrawSetup`]) takes.
    ///
    /// # Errors
    /// [`Error::Sampling`]: an invalid plan or an item the catalog lacks.
    pub fn resolve_plan(&self, plan: &Plan) -> Result<Plan, Error> {
        let mut plan = plan.clone();
        plan.resolve(Some(self.catalog()))?;
        Ok(plan)
    }

    /// Makes a draw over rosters already checked and indexed (a host that
    /// fixes a large roster once and keeps it): the plan is resolved against
    /// the catalog, then drawn as [`Supervisor::draw`] draws.
    ///
    /// # Errors
    /// As [`Supervisor::draw`].
    pub fn draw_over(
        &self,
        plan: &Plan,
        rosters: RostersRef<'_>,
        entropy: &[EntropyValue],
    ) -> Result<DrawRecord, Error> {
        let plan = self.resolve_plan(plan)?;
        self.draw_resolved(&plan, rosters, entropy)
    }

    /// [`Supervisor::draw_over`] watched from another thread (a host that
    /// shows progress or lets a user interrupt a long draw): `watch` is
    /// advanced as tasks are selected and visits staffed, and
    /// [`DrawWatch::cancel`] stops the draw at its next check (between
    /// tasks, and every few hundred visits), which then returns `Ok(None)`.
    /// The record, when there is one, is the one `draw_over` makes.
    ///
    /// # Errors
    /// As [`Supervisor::draw`].
    pub fn draw_over_watched(
        &self,
        plan: &Plan,
        r: RostersRef<'_>,
        entropy: &[EntropyValue],
        watch: &DrawWatch,
    ) -> Result<Option<DrawRecord>, Error> {
        let plan = self.resolve_plan(plan)?;
        Ok(sampling::draw_watched(
            &plan,
            r.roster,
            r.history,
            r.inspectors,
            entropy,
            watch,
        )?)
    }

    fn draw_resolved(
        &self,
        plan: &Plan,
        r: RostersRef<'_>,
        entropy: &[EntropyValue],
    ) -> Result<DrawRecord, Error> {
        Ok(sampling::draw(
            plan,
            r.roster,
            r.history,
            r.inspectors,
            entropy,
        )?)
    }

    /// Re-runs the draw `record` describes over `rosters` and compares.
    ///
    /// # Errors
    /// [`Error::Sampling`]: `verification_failed` naming the first field that
    /// differs, `unsupported_record`, or what the rosters themselves refuse.
    pub fn verify(&self, record: &DrawRecord, rosters: &DrawRosters) -> Result<(), Error> {
        self.verify_over(record, rosters.build()?.refs())
    }

    /// Verifies a record over rosters already checked and indexed; see
    /// [`Supervisor::verify`].
    ///
    /// # Errors
    /// As [`Supervisor::verify`].
    pub fn verify_over(&self, record: &DrawRecord, r: RostersRef<'_>) -> Result<(), Error> {
        Ok(sampling::verify(record, r.roster, r.history, r.inspectors)?)
    }

    /// [`Supervisor::verify_over`] watched from another thread, as
    /// [`Supervisor::draw_over_watched`] is: `Ok(None)` when `watch` asked
    /// it to stop before the re-run draw was complete, `Ok(Some(()))` when
    /// the record verifies.
    ///
    /// # Errors
    /// As [`Supervisor::verify`].
    pub fn verify_over_watched(
        &self,
        record: &DrawRecord,
        r: RostersRef<'_>,
        watch: &DrawWatch,
    ) -> Result<Option<()>, Error> {
        Ok(sampling::verify_watched(
            record,
            r.roster,
            r.history,
            r.inspectors,
            Some(watch),
        )?)
    }
}
