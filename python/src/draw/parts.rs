//! Draws over roster parts, the steps a distributed engine runs
//! (docs/draw-algorithm.md §2, §7): a [`Setup`] bound to the rosters'
//! digests counts each part, selects from each part and finishes; the
//! roster digest is folded part by part. What crosses between processes is
//! exact JSON tagged with the part it came from.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple, PyType};
use sdk::supervisor::codes::Uscc;
use sdk::supervisor::draw::{
    Digest32, DrawSetup, EntropyValue, InspectionHistory, Inspector, InspectorRoster,
    PartialSelection, PastInspection, Plan, RosterDigester, TargetRoster, TaskCounts, TaskDraw,
    hex, parse_digest,
};
use std::sync::Arc;

use arrow_array::{ArrayRef, DictionaryArray, RecordBatch, StringArray, UInt16Array};
use arrow_buffer::{Buffer, OffsetBuffer, ScalarBuffer};
use serde::{Deserialize, Serialize};

use super::{Record, Roster};
use crate::errors::{Failure, Result};
use crate::{from_json, to_json};

/// Which part of the roster a result was computed over: its size and its
/// code range, so that finishing can tell a part lost, repeated or out of
/// order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartId {
    rows: u64,
    range: Option<(Uscc, Uscc)>,
}

impl PartId {
    fn of(part: &TargetRoster) -> Self {
        PartId {
            rows: part.len() as u64,
            range: part.code_range(),
        }
    }
}

/// A part's pool sizes for one task, as they cross between processes.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartCounts {
    part: PartId,
    counts: TaskCounts,
}

/// A part's selection for one task, as it crosses between processes.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartSelected {
    part: PartId,
    selection: PartialSelection,
}

/// What a setup is made of, as it crosses to a worker process (pickle).
#[derive(Serialize, Deserialize)]
struct SetupState {
    plan: Plan,
    targets: String,
    rows: Option<u64>,
    history: Vec<PastInspection>,
    inspectors: Vec<Inspector>,
    entropy: Vec<EntropyValue>,
}

/// A plan bound to its rosters' digests and public values, for a draw over
/// roster parts: count each part, select from each part, finish. Picklable,
/// so that a distributed engine can send it to its workers.
#[derive(Debug)]
#[pyclass(frozen, module = "jianguan._native")]
pub struct Setup {
    plan: Plan,
    targets: Digest32,
    /// Entities in the whole roster, when the caller knows (the digester
    /// counts them): finishing checks the parts add up to it.
    rows: Option<u64>,
    history: InspectionHistory,
    inspectors: InspectorRoster,
    entropy: Vec<EntropyValue>,
    state: String,
}

impl Setup {
    /// Checks everything a [`DrawSetup`] checks, once, up front.
    pub(crate) fn new(
        plan: Plan,
        targets_hex: &str,
        rows: Option<u64>,
        history_json: &str,
        inspectors_json: &str,
        entropy_json: &str,
    ) -> Result<Self> {
        let targets = parse_digest(targets_hex).ok_or_else(|| {
            Failure::Input(format!(
                "targets digest {targets_hex:?} is not 64 hexadecimal digits"
            ))
        })?;
        let history: Vec<PastInspection> = from_json("history", history_json)?;
        let inspectors: Vec<Inspector> = from_json("inspectors", inspectors_json)?;
        let entropy: Vec<EntropyValue> = from_json("entropy", entropy_json)?;
        let state = to_json(&SetupState {
            plan: plan.clone(),
            targets: targets_hex.to_string(),
            rows,
            history: history.clone(),
            inspectors: inspectors.clone(),
            entropy: entropy.clone(),
        });
        let setup = Setup {
            plan,
            targets,
            rows,
            history: InspectionHistory::new(history)?,
            inspectors: InspectorRoster::new(inspectors)?,
            entropy,
            state,
        };
        setup.draw_setup()?;
        Ok(setup)
    }

    fn draw_setup(&self) -> Result<DrawSetup<'_>> {
        Ok(DrawSetup::new(
            &self.plan,
            &self.targets,
            &self.history,
            &self.inspectors,
            &self.entropy,
        )?)
    }

    /// Task number `t` checked against the plan. Taken as a signed
    /// number so that a negative one is this refusal, not pyo3's
    /// OverflowError.
    fn task(&self, t: i64) -> Result<usize> {
        let n = self.plan.tasks.len();
        match usize::try_from(t) {
            Ok(t) if t < n => Ok(t),
            _ => Err(Failure::Input(format!(
                "task {t}: the plan has {n} tasks, numbered from 0"
            ))),
        }
    }

    /// The counts of task `t` summed over every part, each part's counts
    /// checked to have task `t`'s stratum parts, and the parts they came
    /// from.
    fn summed(&self, t: usize, counts: &[String]) -> Result<(TaskCounts, Vec<PartId>)> {
        let parts = 2 * self.plan.tasks[t].strata.len();
        if counts.is_empty() {
            return Err(Failure::Input(format!(
                "task {t}: no counts given; every roster part's counts are needed"
            )));
        }
        let mut sum = TaskCounts {
            population: 0,
            pools: vec![0; parts],
        };
        let mut ids = Vec::with_capacity(counts.len());
        for (i, c) in counts.iter().enumerate() {
            let c: PartCounts = from_json(&format!("task {t} counts[{i}]"), c)?;
            if c.counts.pools.len() != parts {
                return Err(Failure::Input(format!(
                    "task {t} counts[{i}]: {} stratum parts, task {t} has {parts}",
                    c.counts.pools.len()
                )));
            }
            let overflow = || Failure::Input(format!("task {t} counts[{i}]: the sums overflow"));
            sum.population = sum
                .population
                .checked_add(c.counts.population)
                .ok_or_else(overflow)?;
            for (a, b) in sum.pools.iter_mut().zip(&c.counts.pools) {
                *a = a.checked_add(*b).ok_or_else(overflow)?;
            }
            ids.push(c.part);
        }
        Ok((sum, ids))
    }

    /// Checks that the parts are in code order, disjoint, and (when the
    /// roster's size is known) add up to the whole roster.
    fn check_parts(&self, t: usize, ids: &[PartId]) -> Result<()> {
        let mut last: Option<Uscc> = None;
        for (i, id) in ids.iter().enumerate() {
            if let Some((first, end)) = id.range {
                if last.is_some_and(|l| first.as_str() <= l.as_str()) {
                    return Err(Failure::Input(format!(
                        "task {t} part {i}: starts at {first}, not after the part before it; parts must be given once each, in code order"
                    )));
                }
                last = Some(end);
            }
        }
        let rows: u64 = ids.iter().map(|p| p.rows).sum();
        if let Some(total) = self.rows
            && rows != total
        {
            return Err(Failure::Input(format!(
                "task {t}: the parts hold {rows} entities, the roster {total}; a part is missing"
            )));
        }
        Ok(())
    }
}

#[pymethods]
impl Setup {
    #[classmethod]
    fn _restore(_cls: &Bound<'_, PyType>, state: &str) -> PyResult<Self> {
        let s: SetupState = from_json("setup state", state)?;
        Ok(Setup::new(
            s.plan,
            &s.targets,
            s.rows,
            &to_json(&s.history),
            &to_json(&s.inspectors),
            &to_json(&s.entropy),
        )?)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let restore = slf.get_type().getattr("_restore")?;
        let args = PyTuple::new(py, [slf.get().state.as_str()])?;
        PyTuple::new(py, [restore.into_any(), args.into_any()])
    }

    /// Number of tasks in the plan.
    #[getter]
    fn task_count(&self) -> usize {
        self.plan.tasks.len()
    }

    /// The seed, in hex (§5).
    #[getter]
    fn seed(&self) -> PyResult<String> {
        Ok(hex(self.draw_setup()?.seed()))
    }

    /// Pass 1 over one part: task `t`'s pool sizes, as JSON.
    fn count(&self, py: Python<'_>, t: i64, part: &Roster) -> PyResult<String> {
        let t = self.task(t)?;
        Ok(py.detach(|| -> Result<String> {
            let counts = self.draw_setup()?.count(t, &part.inner)?;
            let out = PartCounts {
                part: PartId::of(&part.inner),
                counts,
            };
            Ok(to_json(&out))
        })?)
    }

    /// Pass 2 over one part: task `t`'s winners and exclusions there, as
    /// JSON, sized from the counts of every part.
    fn select(
        &self,
        py: Python<'_>,
        t: i64,
        part: &Roster,
        counts: Vec<String>,
    ) -> PyResult<String> {
        let t = self.task(t)?;
        Ok(py.detach(|| -> Result<String> {
            let setup = self.draw_setup()?;
            let takes = setup.takes(t, &self.summed(t, &counts)?.0)?;
            let out = PartSelected {
                part: PartId::of(&part.inner),
                selection: setup.select(t, &part.inner, &takes)?,
            };
            Ok(to_json(&out))
        })?)
    }

    /// The stratified selection alone over a roster held whole (passes 1
    /// and 2, §6-§7, fused where the task allows), without visits and
    /// inspectors: a pyarrow Table of `class`, `part` and `uscc`, stratum
    /// part by stratum part, in no particular order within one (a large
    /// selection comes in two record batches).
    fn select_targets<'py>(
        &self,
        py: Python<'py>,
        t: i64,
        roster: &Roster,
    ) -> PyResult<Bound<'py, PyAny>> {
        let t = self.task(t)?;
        let batches = py.detach(|| -> Result<Vec<RecordBatch>> {
            let sel = self
                .draw_setup()?
                .count_and_select(t, &roster.inner)?
                .selection;
            let classes: Vec<&str> = self.plan.tasks[t]
                .strata
                .iter()
                .map(|s| s.class.as_str())
                .collect();
            let sizes: Vec<usize> = (0..sel.parts())
                .map(|p| sel.selected_in(p).count())
                .collect();
            let n: usize = sizes.iter().sum();
            // Rows lo..hi of the selection, parts end to end, as one batch.
            let batch = |lo: usize, hi: usize| -> Result<RecordBatch> {
                let k = hi - lo;
                // Every code is 18 ASCII bytes: the string column's offsets
                // are multiples of 18 and its bytes the codes end to end.
                let mut codes = Vec::with_capacity(k * 18);
                let (mut class_keys, mut part_keys) =
                    (Vec::with_capacity(k), Vec::with_capacity(k));
                let mut start = 0;
                for (p, &size) in sizes.iter().enumerate() {
                    let (from, to) = (lo.max(start), hi.min(start + size));
                    if from < to {
                        for u in sel.selected_in(p).skip(from - start).take(to - from) {
                            codes.extend_from_slice(u.as_bytes());
                        }
                        // Class and part repeat: dictionary columns (a task's
                        // strata have distinct classes).
                        class_keys.resize(class_keys.len() + to - from, (p / 2) as u16);
                        part_keys.resize(part_keys.len() + to - from, (p % 2) as u16);
                    }
                    start += size;
                }
                let offsets = (0..=k)
                    .map(|i| i32::try_from(i * 18))
                    .collect::<std::result::Result<Vec<i32>, _>>()
                    .map_err(|_| {
                        Failure::Input(format!("{k} codes do not fit an Arrow string column"))
                    })?;
                let uscc = StringArray::try_new(
                    OffsetBuffer::new(ScalarBuffer::from(offsets)),
                    Buffer::from(codes),
                    None,
                )
                .map_err(|e| Failure::Input(e.to_string()))?;
                let dictionary = |keys: Vec<u16>, values: &[&str]| -> Result<ArrayRef> {
                    let d = DictionaryArray::try_new(
                        UInt16Array::from(keys),
                        Arc::new(StringArray::from(values.to_vec())),
                    )
                    .map_err(|e| Failure::Input(e.to_string()))?;
                    Ok(Arc::new(d))
                };
                let columns: Vec<ArrayRef> = vec![
                    dictionary(class_keys, &classes)?,
                    dictionary(part_keys, &["normal", "reduced"])?,
                    Arc::new(uscc),
                ];
                RecordBatch::try_from_iter(["class", "part", "uscc"].into_iter().zip(columns))
                    .map_err(|e| Failure::Input(e.to_string()))
            };
            // A large selection is written as two batches, one per thread:
            // its columns are fresh memory, and writing them is the cost.
            if n < 1 << 16 {
                return Ok(vec![batch(0, n)?]);
            }
            let half = n / 2;
            std::thread::scope(|scope| {
                let other = scope.spawn(|| batch(half, n));
                let first = batch(0, half)?;
                Ok(vec![
                    first,
                    other.join().expect("the batch writer does not panic")?,
                ])
            })
        })?;
        let schema = batches[0].schema();
        pyo3_arrow::PyTable::try_new(batches, schema)?.into_pyarrow(py)
    }

    /// The record, from every task's part counts and (merged) selections.
    fn finish(
        &self,
        py: Python<'_>,
        counts: Vec<Vec<String>>,
        selections: Vec<Vec<String>>,
    ) -> PyResult<Record> {
        let n = self.plan.tasks.len();
        if counts.len() != n || selections.len() != n {
            return Err(Failure::Input(format!(
                "finish takes counts and selections for each of the plan's {n} tasks, given {} and {}",
                counts.len(),
                selections.len()
            ))
            .into());
        }
        Ok(py.detach(|| -> Result<Record> {
            let setup = self.draw_setup()?;
            let mut tasks = Vec::with_capacity(n);
            for t in 0..n {
                if counts[t].len() != selections[t].len() {
                    return Err(Failure::Input(format!(
                        "task {t}: counts of {} parts but selections of {}",
                        counts[t].len(),
                        selections[t].len()
                    )));
                }
                let (summed, ids) = self.summed(t, &counts[t])?;
                self.check_parts(t, &ids)?;
                // The takes are recomputed, never taken from the caller.
                let takes = setup.takes(t, &summed)?;
                let sel = merge_all(t, &takes, &ids, &selections[t])?;
                sel.check_against(&summed, &takes)
                    .map_err(|e| Failure::Input(format!("task {t}: {e}")))?;
                tasks.push(TaskDraw {
                    counts: summed,
                    takes,
                    selection: sel,
                });
            }
            Ok(Record {
                inner: setup.finish(tasks)?,
            })
        })?)
    }
}

/// Merges a task's part selections, each checked to come from the part
/// the counts at its position came from.
fn merge_all(
    t: usize,
    takes: &[u64],
    ids: &[PartId],
    selections: &[String],
) -> Result<PartialSelection> {
    let mut merged = PartialSelection::default();
    for (i, (s, id)) in selections.iter().zip(ids).enumerate() {
        let s: PartSelected = from_json(&format!("task {t} selections[{i}]"), s)?;
        if s.part != *id {
            return Err(Failure::Input(format!(
                "task {t} selections[{i}] comes from another roster part than counts[{i}]"
            )));
        }
        if s.selection.parts() > takes.len() {
            return Err(Failure::Input(format!(
                "task {t} selections[{i}]: {} stratum parts, the task has {}",
                s.selection.parts(),
                takes.len()
            )));
        }
        merged.merge(s.selection, takes);
    }
    // A task drawn over no part still lists every stratum part.
    merged.merge(PartialSelection::default(), takes);
    Ok(merged)
}

/// Folds one roster part into a digest state (`None` to start), returning
/// the new state: parts must come in code order.
#[pyfunction]
#[pyo3(signature = (state, part))]
pub fn roster_digest_update<'py>(
    py: Python<'py>,
    state: Option<&[u8]>,
    part: &Roster,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = py.detach(|| -> Result<Vec<u8>> {
        let mut d = match state {
            None => RosterDigester::new(),
            Some(s) => RosterDigester::restore(s)?,
        };
        d.update(&part.inner)?;
        Ok(d.save())
    })?;
    Ok(PyBytes::new(py, &bytes))
}

/// The digest, in hex, of everything a state has folded in, and how many
/// entities that is.
#[pyfunction]
pub fn roster_digest_finish(state: &[u8]) -> PyResult<(String, u64)> {
    let d = RosterDigester::restore(state).map_err(Failure::from)?;
    let rows = d.rows();
    Ok((hex(&d.finish()), rows))
}

/// Registers the setup and the roster-digest functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Setup>()?;
    m.add_function(wrap_pyfunction!(roster_digest_update, m)?)?;
    m.add_function(wrap_pyfunction!(roster_digest_finish, m)?)?;
    Ok(())
}
