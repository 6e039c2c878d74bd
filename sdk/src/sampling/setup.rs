//! Binding a plan to its rosters and public values (the seed, §5) and
//! drawing it: per task over roster parts, then visits and inspectors (§7–§8).

use std::collections::BTreeMap;

use super::canonical::canonical_json;
use super::error::SamplingError;
use super::inspectors::InspectorRoster;
use super::plan::Plan;
use super::prf::{ALGORITHM, Digest32, Prf, derive_key, hex, push_lp, sha256, uscc_block};
use super::record::{
    Digests, DrawRecord, EntropyValue, RECORD_FORMAT, StratumOutcome, StratumPart, TaskOutcome,
};
use super::roster::{InspectionHistory, TargetRoster, digest_sorted_parts};
use super::select::{PartialSelection, TaskCounts, TaskScan, takes};
use super::visits::{Visit, assign_inspectors_watched};
use super::watch::DrawWatch;
use crate::entity::Uscc;

/// One task's part of a draw over roster parts: the counts summed over all
/// parts, the takes from them, and the selections merged; what
/// [`DrawSetup::finish`] takes, one per task.
#[derive(Debug, Clone, Default)]
pub struct TaskDraw {
    /// Pool sizes summed over every part ([`DrawSetup::count`]).
    pub counts: TaskCounts,
    /// How many each stratum part takes ([`DrawSetup::takes`]).
    pub takes: Vec<u64>,
    /// Winners, exclusions and reduced entities merged over every part
    /// ([`DrawSetup::select`], [`PartialSelection::merge`]).
    pub selection: PartialSelection,
}

/// A plan bound to its rosters and public values: the seed is fixed, and
/// roster parts can be counted and selected separately, then finished into a
/// record identical to the single-pass one (§7).
#[derive(Debug)]
pub struct DrawSetup<'a> {
    plan: &'a Plan,
    history: &'a InspectionHistory,
    inspectors: &'a InspectorRoster,
    entropy: Vec<EntropyValue>,
    /// Read by `verify`, which compares them with the record's first.
    pub(super) digests: Digests,
    seed: Digest32,
}

impl<'a> DrawSetup<'a> {
    /// Derives the seed (§5) from the plan, the rosters' digests and the
    /// public values, which must come with the labels the plan fixed, in
    /// that order. `targets` is the target roster's digest (see
    /// [`TargetRoster::digest`] and [`digest_sorted_parts`]).
    ///
    /// The plan must have been [`resolve`](Plan::resolve)d.
    ///
    /// # Errors
    /// [`SamplingError::EntropyMismatch`] when the values' labels differ from
    /// the plan's, in number or order, or a value is blank.
    pub fn new(
        plan: &'a Plan,
        targets: &Digest32,
        history: &'a InspectionHistory,
        inspectors: &'a InspectorRoster,
        entropy: &[EntropyValue],
    ) -> Result<Self, SamplingError> {
        // Refuse a plan that was never checked: the scans rely on it.
        plan.clone().resolve(None)?;
        check_entropy(plan, entropy)?;
        let plan_digest = sha256(canonical_json(plan).as_bytes());
        let mut buf = Vec::new();
        push_lp(&mut buf, ALGORITHM.as_bytes());
        buf.extend_from_slice(&plan_digest);
        buf.extend_from_slice(targets);
        buf.extend_from_slice(&history.digest());
        buf.extend_from_slice(inspectors.digest());
        buf.extend_from_slice(&(entropy.len() as u32).to_be_bytes());
        for e in entropy {
            push_lp(&mut buf, e.label.as_bytes());
            push_lp(&mut buf, e.value.as_bytes());
        }
        Ok(DrawSetup {
            plan,
            history,
            inspectors,
            entropy: entropy.to_vec(),
            digests: Digests {
                plan: hex(&plan_digest),
                targets: hex(targets),
                history: hex(&history.digest()),
                inspectors: hex(inspectors.digest()),
            },
            seed: sha256(&buf),
        })
    }

    /// The seed.
    pub fn seed(&self) -> &Digest32 {
        &self.seed
    }

    fn scan(&self, t: usize) -> TaskScan<'_> {
        TaskScan::new(
            self.plan,
            t,
            self.history,
            Prf::new(&derive_key(&self.seed, "targets", t as u32)),
        )
    }

    /// Pass 1 over one roster part: task `t`'s pool sizes.
    ///
    /// # Errors
    /// [`SamplingError::UnknownClass`] for an entity whose class the plan lacks.
    pub fn count(&self, t: usize, part: &TargetRoster) -> Result<TaskCounts, SamplingError> {
        self.scan(t).count(part)
    }

    /// How many each stratum part of task `t` takes, from counts summed over all parts.
    ///
    /// # Errors
    /// [`SamplingError::EmptyStratum`], [`SamplingError::StratumTooSmall`] or
    /// [`SamplingError::PublicityMinimum`].
    pub fn takes(&self, t: usize, counts: &TaskCounts) -> Result<Vec<u64>, SamplingError> {
        takes(&self.plan.tasks[t], t, counts)
    }

    /// Pass 2 over one roster part: task `t`'s winners and exclusions there.
    ///
    /// # Errors
    /// As [`DrawSetup::count`].
    pub fn select(
        &self,
        t: usize,
        part: &TargetRoster,
        takes: &[u64],
    ) -> Result<PartialSelection, SamplingError> {
        self.scan(t).select(part, takes)
    }

    /// Passes 1 and 2 over a roster in one part, fused into one scan where
    /// the task allows (uniform keys, no history): the counts, takes and
    /// selection [`DrawSetup::count`], [`DrawSetup::takes`] and
    /// [`DrawSetup::select`] would give.
    ///
    /// # Errors
    /// As those three.
    pub fn count_and_select(
        &self,
        t: usize,
        part: &TargetRoster,
    ) -> Result<TaskDraw, SamplingError> {
        let (counts, takes, selection) = self.scan(t).count_and_select(t, part)?;
        Ok(TaskDraw {
            counts,
            takes,
            selection,
        })
    }

    /// Builds the record from each task's summed counts and merged
    /// selection: visits, then inspectors (§8).
    ///
    /// # Errors
    /// [`SamplingError::InsufficientInspectors`] when a visit cannot be staffed.
    pub fn finish(self, tasks: Vec<TaskDraw>) -> Result<DrawRecord, SamplingError> {
        self.finish_watched(tasks, None)
            .map(|r| r.expect("an unwatched draw is never stopped"))
    }

    /// [`DrawSetup::finish`], advancing `watch` and returning `None` as
    /// soon as it asks to stop.
    fn finish_watched(
        self,
        tasks: Vec<TaskDraw>,
        watch: Option<&DrawWatch>,
    ) -> Result<Option<DrawRecord>, SamplingError> {
        let malformed = tasks.len() != self.plan.tasks.len()
            || tasks.iter().zip(&self.plan.tasks).any(|(d, task)| {
                let parts = 2 * task.strata.len();
                d.counts.pools.len() != parts
                    || d.takes.len() != parts
                    || d.selection.winners.len() != parts
            });
        if malformed {
            return Err(SamplingError::plan(
                "tasks",
                "the task results given to finish do not match the plan's tasks and strata".into(),
            ));
        }
        let mut outcomes = Vec::with_capacity(tasks.len());
        let mut drawn: BTreeMap<Uscc, (u128, Vec<u32>)> = BTreeMap::new();
        let order = Prf::new(&derive_key(&self.seed, "visits", 0));
        for (t, draw) in tasks.into_iter().enumerate() {
            let TaskDraw {
                counts,
                takes,
                selection: mut sel,
            } = draw;
            sel.sort();
            let task = &self.plan.tasks[t];
            let mut strata = Vec::with_capacity(takes.len());
            for (i, winners) in sel.winners.iter().enumerate() {
                let spec = &task.strata[i / 2];
                for w in winners {
                    let e = drawn
                        .entry(w.uscc)
                        .or_insert_with(|| (order.eval(uscc_block(&w.uscc)), Vec::new()));
                    e.1.push(t as u32);
                }
                strata.push(StratumOutcome {
                    class: spec.class.clone(),
                    part: if i % 2 == 0 {
                        StratumPart::Normal
                    } else {
                        StratumPart::Reduced
                    },
                    pool: counts.pools[i],
                    take: takes[i],
                    selected: winners.iter().map(|w| w.uscc).collect(),
                });
            }
            sel.exclusions
                .sort_by(|a, b| a.uscc.as_str().cmp(b.uscc.as_str()));
            sel.reduced.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            outcomes.push(TaskOutcome {
                department: task.department.clone(),
                population: counts.population,
                strata,
                excluded: sel.exclusions,
                reduced: sel.reduced,
            });
        }
        let mut visits: Vec<(u128, Visit)> = drawn
            .into_iter()
            .map(|(uscc, (key, tasks))| {
                let mut departments: Vec<String> = tasks
                    .iter()
                    .map(|&t| self.plan.tasks[t as usize].department.clone())
                    .collect();
                departments.sort();
                departments.dedup();
                let mut items: Vec<String> = Vec::new();
                for &t in &tasks {
                    for i in &self.plan.tasks[t as usize].items {
                        if !items.contains(&i.code) {
                            items.push(i.code.clone());
                        }
                    }
                }
                (
                    key,
                    Visit {
                        uscc,
                        tasks,
                        departments,
                        items,
                        inspectors: Vec::new(),
                    },
                )
            })
            .collect();
        visits.sort_unstable_by_key(|(k, _)| *k);
        let mut visits: Vec<Visit> = visits.into_iter().map(|(_, v)| v).collect();
        let Some(recusals) =
            assign_inspectors_watched(&self.seed, self.inspectors, self.plan, &mut visits, watch)?
        else {
            return Ok(None);
        };
        Ok(Some(DrawRecord {
            format: RECORD_FORMAT.into(),
            algorithm: ALGORITHM.into(),
            plan: self.plan.clone(),
            digests: self.digests,
            entropy: self.entropy,
            seed: hex(&self.seed),
            tasks: outcomes,
            visits,
            recusals,
        }))
    }
}

fn check_entropy(plan: &Plan, given: &[EntropyValue]) -> Result<(), SamplingError> {
    for (i, label) in plan.entropy.iter().enumerate() {
        let found = given.get(i).map(|e| e.label.clone());
        if found.as_deref() != Some(label.as_str()) {
            return Err(SamplingError::EntropyMismatch {
                position: i,
                expected: label.clone(),
                found,
            });
        }
        if given[i].value.trim().is_empty() {
            return Err(SamplingError::EntropyMismatch {
                position: i,
                expected: label.clone(),
                found: Some(format!("{label} with a blank value")),
            });
        }
    }
    if let Some(extra) = given.get(plan.entropy.len()) {
        return Err(SamplingError::EntropyMismatch {
            position: plan.entropy.len(),
            expected: "no further value".into(),
            found: Some(extra.label.clone()),
        });
    }
    Ok(())
}

/// Draws a plan over a roster given in parts (one part is the single-pass
/// draw): digests, seed, per task pass 1 over every part, takes, pass 2 over
/// every part, merge, then visits and inspectors. Nothing is written.
///
/// # Errors
/// Any [`SamplingError`] from checking the plan (see [`Plan::resolve`]),
/// the entropy, the parts (a code in two parts), the strata, or the
/// inspector draw; no partial record is returned.
pub fn draw_parts(
    plan: &Plan,
    parts: &[&TargetRoster],
    history: &InspectionHistory,
    inspectors: &InspectorRoster,
    entropy: &[EntropyValue],
) -> Result<DrawRecord, SamplingError> {
    draw_parts_watched(plan, parts, history, inspectors, entropy, None)
        .map(|r| r.expect("an unwatched draw is never stopped"))
}

/// [`draw_parts`], advancing `watch` and returning `None` as soon as it
/// asks to stop (checked between tasks and while inspectors are drawn).
pub(crate) fn draw_parts_watched(
    plan: &Plan,
    parts: &[&TargetRoster],
    history: &InspectionHistory,
    inspectors: &InspectorRoster,
    entropy: &[EntropyValue],
    watch: Option<&DrawWatch>,
) -> Result<Option<DrawRecord>, SamplingError> {
    let targets = match parts {
        [one] => *one.digest(),
        _ => digest_sorted_parts(parts)?,
    };
    let mut plan = plan.clone();
    plan.resolve(None)?;
    let setup = DrawSetup::new(&plan, &targets, history, inspectors, entropy)?;
    let mut tasks = Vec::with_capacity(plan.tasks.len());
    if let Some(w) = watch {
        w.start_tasks(plan.tasks.len());
    }
    for t in 0..plan.tasks.len() {
        if watch.is_some_and(DrawWatch::is_cancelled) {
            return Ok(None);
        }
        if let [one] = parts {
            tasks.push(setup.count_and_select(t, one)?);
            watch.inspect(|w| w.task_done());
            continue;
        }
        let mut counts = TaskCounts::default();
        for p in parts {
            counts.add(&setup.count(t, p)?);
        }
        counts.pools.resize(2 * plan.tasks[t].strata.len(), 0);
        let takes = setup.takes(t, &counts)?;
        // Sized up front: a draw over no parts still lists every stratum part.
        let mut sel = PartialSelection {
            winners: vec![Vec::new(); takes.len()],
            ..PartialSelection::default()
        };
        for p in parts {
            sel.merge(setup.select(t, p, &takes)?, &takes);
        }
        tasks.push(TaskDraw {
            counts,
            takes,
            selection: sel,
        });
        watch.inspect(|w| w.task_done());
    }
    setup.finish_watched(tasks, watch)
}

/// Draws a plan over one roster. See [`draw_parts`].
///
/// # Errors
/// As [`draw_parts`].
pub fn draw(
    plan: &Plan,
    roster: &TargetRoster,
    history: &InspectionHistory,
    inspectors: &InspectorRoster,
    entropy: &[EntropyValue],
) -> Result<DrawRecord, SamplingError> {
    draw_parts(plan, &[roster], history, inspectors, entropy)
}

/// [`draw`] watched from another thread: `Ok(None)` when `watch` asked it
/// to stop before the record was complete.
///
/// # Errors
/// As [`draw_parts`].
pub fn draw_watched(
    plan: &Plan,
    roster: &TargetRoster,
    history: &InspectionHistory,
    inspectors: &InspectorRoster,
    entropy: &[EntropyValue],
    watch: &DrawWatch,
) -> Result<Option<DrawRecord>, SamplingError> {
    draw_parts_watched(plan, &[roster], history, inspectors, entropy, Some(watch))
}
