//! The draw record (抽查记录) and its verification: everything needed to
//! re-run a draw, in canonical JSON, and a check that points at the first
//! difference (draw algorithm §9–§10).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::SamplingError;
use super::inspectors::{InspectorRoster, assign_inspectors};
use super::plan::Plan;
use super::prf::{ALGORITHM, Digest32, Prf, derive_key, hex, push_lp, sha256};
use super::roster::{InspectionHistory, TargetRoster, digest_sorted_parts};
use super::select::{Exclusion, PartialSelection, TaskCounts, TaskScan, takes};
use crate::entity::Uscc;

/// The record format this crate writes.
pub const RECORD_FORMAT: &str = "jianguan-draw-record/1";

/// Canonical JSON (§3): no whitespace, object keys sorted by their UTF-8
/// bytes, strings escaped as serde_json does (only `"`, `\` and control
/// characters), integers only.
///
/// # Panics
/// If `value` cannot be represented as JSON (never for this crate's types).
pub fn canonical_json<T: Serialize>(value: &T) -> String {
    let v = serde_json::to_value(value).expect("serialisable");
    let mut out = String::new();
    write_canonical(&v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let sorted: BTreeMap<&String, &Value> = m.iter().collect();
            out.push('{');
            for (n, (k, v)) in sorted.into_iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).expect("string"));
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (n, v) in a.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// One public value that seeds the draw, with the label the plan fixed for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntropyValue {
    /// The label, as the plan lists it.
    pub label: String,
    /// The value as published (e.g. "03 07 12 19 26 31 + 09").
    pub value: String,
}

/// The digests the seed is derived from (hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(rename_all = "snake_case")]
pub enum StratumPart {
    /// Entities at the stratum's own ratio.
    Normal,
    /// Penalty-free entities at the reduced ratio (Pingdu plan §(六)).
    Reduced,
}

/// The outcome of one stratum part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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

/// One department's inspectors on a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// Department.
    pub department: String,
    /// Inspector ids, in draw order.
    pub inspectors: Vec<String>,
}

/// One visit (进一次门、查多项事): an entity drawn by one or more tasks,
/// checked on all their items at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// The entity.
    pub uscc: Uscc,
    /// Indexes of the tasks that drew it.
    pub tasks: Vec<u32>,
    /// Departments involved, sorted.
    pub departments: Vec<String>,
    /// Items checked, in task order.
    pub items: Vec<String>,
    /// Inspectors per department.
    pub inspectors: Vec<Assignment>,
}

/// An inspector removed from a visit's candidates for a declared conflict
/// (回避, 行政处罚法 Art. 43).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recusal {
    /// The entity.
    pub uscc: Uscc,
    /// The inspector.
    pub inspector: String,
    /// The inspector's department.
    pub department: String,
}

/// A draw, complete enough for anyone holding the rosters to re-run it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawRecord {
    /// Record format, [`RECORD_FORMAT`].
    pub format: String,
    /// Algorithm name and version, [`ALGORITHM`].
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

/// A plan bound to its rosters and public values: the seed is fixed, and
/// roster parts can be counted and selected separately, then finished into a
/// record identical to the single-pass one (§7).
#[derive(Debug)]
pub struct DrawSetup<'a> {
    plan: &'a Plan,
    history: &'a InspectionHistory,
    inspectors: &'a InspectorRoster,
    entropy: Vec<EntropyValue>,
    digests: Digests,
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
    ) -> Result<(TaskCounts, Vec<u64>, PartialSelection), SamplingError> {
        self.scan(t).count_and_select(t, part)
    }

    /// Builds the record from each task's summed counts and merged
    /// selection: visits, then inspectors (§8).
    ///
    /// # Errors
    /// [`SamplingError::InsufficientInspectors`] when a visit cannot be staffed.
    pub fn finish(
        self,
        tasks: Vec<(TaskCounts, Vec<u64>, PartialSelection)>,
    ) -> Result<DrawRecord, SamplingError> {
        let malformed = tasks.len() != self.plan.tasks.len()
            || tasks.iter().zip(&self.plan.tasks).any(|((c, t, s), task)| {
                let parts = 2 * task.strata.len();
                c.pools.len() != parts || t.len() != parts || s.winners.len() != parts
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
        for (t, (counts, takes, mut sel)) in tasks.into_iter().enumerate() {
            sel.sort();
            let task = &self.plan.tasks[t];
            let mut strata = Vec::with_capacity(takes.len());
            for (i, winners) in sel.winners.iter().enumerate() {
                let spec = &task.strata[i / 2];
                for w in winners {
                    let e = drawn.entry(w.uscc).or_insert_with(|| {
                        (order.eval(super::prf::uscc_block(&w.uscc)), Vec::new())
                    });
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
        let recusals = assign_inspectors(&self.seed, self.inspectors, self.plan, &mut visits)?;
        Ok(DrawRecord {
            format: RECORD_FORMAT.into(),
            algorithm: ALGORITHM.into(),
            plan: self.plan.clone(),
            digests: self.digests,
            entropy: self.entropy,
            seed: hex(&self.seed),
            tasks: outcomes,
            visits,
            recusals,
        })
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
    let targets = match parts {
        [one] => *one.digest(),
        _ => digest_sorted_parts(parts)?,
    };
    let mut plan = plan.clone();
    plan.resolve(None)?;
    let setup = DrawSetup::new(&plan, &targets, history, inspectors, entropy)?;
    let mut tasks = Vec::with_capacity(plan.tasks.len());
    for t in 0..plan.tasks.len() {
        if let [one] = parts {
            tasks.push(setup.count_and_select(t, one)?);
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
        tasks.push((counts, takes, sel));
    }
    setup.finish(tasks)
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

/// Re-runs the draw a record describes over the given rosters and compares
/// the result with the record, field by field.
///
/// # Errors
/// [`SamplingError::UnsupportedRecord`] for another format or algorithm;
/// [`SamplingError::VerificationFailed`] naming the first field that differs
/// (a roster digest, the seed, a selected entity, an inspector) and both
/// values; any error the draw itself raises on these rosters.
pub fn verify(
    record: &DrawRecord,
    roster: &TargetRoster,
    history: &InspectionHistory,
    inspectors: &InspectorRoster,
) -> Result<(), SamplingError> {
    if record.format != RECORD_FORMAT || record.algorithm != ALGORITHM {
        return Err(SamplingError::UnsupportedRecord {
            format: record.format.clone(),
            algorithm: record.algorithm.clone(),
        });
    }
    // Digests and seed first (§10): a wrong roster is named as such, not as
    // whatever the draw over it would refuse.
    let setup = DrawSetup::new(
        &record.plan,
        roster.digest(),
        history,
        inspectors,
        &record.entropy,
    )?;
    let fixed = [
        ("digests.plan", &record.digests.plan, &setup.digests.plan),
        (
            "digests.targets",
            &record.digests.targets,
            &setup.digests.targets,
        ),
        (
            "digests.history",
            &record.digests.history,
            &setup.digests.history,
        ),
        (
            "digests.inspectors",
            &record.digests.inspectors,
            &setup.digests.inspectors,
        ),
        ("seed", &record.seed, &hex(setup.seed())),
    ];
    for (path, recorded, recomputed) in fixed {
        if recorded != recomputed {
            return Err(SamplingError::VerificationFailed {
                path: path.into(),
                recorded: format!("{recorded:?}"),
                recomputed: format!("{recomputed:?}"),
            });
        }
    }
    let again = draw(&record.plan, roster, history, inspectors, &record.entropy)?;
    let (a, b) = (serde_json::to_value(record), serde_json::to_value(&again));
    let (a, b) = (a.expect("serialisable"), b.expect("serialisable"));
    match first_difference(&a, &b, String::new()) {
        None => Ok(()),
        Some((path, recorded, recomputed)) => Err(SamplingError::VerificationFailed {
            path,
            recorded,
            recomputed,
        }),
    }
}

/// The first place two JSON values differ, in field order of the record's
/// layout for digests and seed first: (path, left, right).
fn first_difference(a: &Value, b: &Value, path: String) -> Option<(String, String, String)> {
    let show = |v: Option<&Value>| v.map_or("(absent)".to_string(), |v| clip(&v.to_string()));
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            // Digests and seed explain most failures, so they are compared first.
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            let rank = |k: &str| match k {
                "digests" => 0,
                "seed" => 1,
                _ => 2,
            };
            keys.sort_by(|p, q| (rank(p), p).cmp(&(rank(q), q)));
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = first_difference(u, v, p) {
                            return Some(d);
                        }
                    }
                    (u, v) => return Some((p, show(u), show(v))),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let p = format!("{path}[{i}]");
                match (x.get(i), y.get(i)) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = first_difference(u, v, p) {
                            return Some(d);
                        }
                    }
                    (u, v) => return Some((p, show(u), show(v))),
                }
            }
            None
        }
        _ if a == b => None,
        _ => Some((path, show(Some(a)), show(Some(b)))),
    }
}

fn clip(s: &str) -> String {
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s.to_string()
    }
}
