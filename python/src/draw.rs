//! Draws (双随机) through Python: target rosters fixed once and reused,
//! records, and the part-by-part steps a distributed engine runs
//! (docs/draw-algorithm.md §2, §7). Plans, histories, inspector rosters and
//! records cross as JSON in the shapes of tests/vectors/draw/.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple, PyType};
use sdk::entity::Uscc;
use sdk::sampling::{
    self, DrawRecord, DrawSetup, EntropyValue, InspectionHistory, InspectorRoster,
    PartialSelection, PastInspection, Plan, RosterDigester, RosterEntry, TargetRoster, TaskCounts,
    TaskDraw,
};
use std::sync::Arc;

use arrow_array::{ArrayRef, DictionaryArray, RecordBatch, StringArray, UInt16Array};
use arrow_buffer::{Buffer, OffsetBuffer, ScalarBuffer};
use serde::{Deserialize, Serialize};

use crate::columns::{self, Frame};
use crate::errors::{Failure, Result};

/// Parses JSON text into `T`, naming the path of the field at fault
/// (`[3].registered_on`) and what was being read.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        Failure::Input(match path.as_str() {
            // At the top: where in the text is what helps.
            "." | "?" => format!("{what}: {inner}"),
            // Deeper: the path says where; the text position is noise.
            _ => {
                let inner = match inner.rfind(" at line ") {
                    Some(at) => &inner[..at],
                    None => inner.as_str(),
                };
                let sep = if path.starts_with('[') { "" } else { "." };
                format!("{what}{sep}{path}: {inner}")
            }
        })
    })
}

/// A target roster (检查对象名录库), checked and sorted by code; its digest
/// (§2) is computed the first time it is asked for.
#[derive(Debug)]
#[pyclass(frozen, module = "jianguan._native")]
pub struct Roster {
    pub(crate) inner: TargetRoster,
}

impl Roster {
    fn build(entries: impl IntoIterator<Item = RosterEntry>) -> Result<Self> {
        Ok(Roster {
            inner: TargetRoster::new(entries)?,
        })
    }
}

#[pymethods]
impl Roster {
    /// Reads a roster from an object exporting `__arrow_c_stream__`.
    #[staticmethod]
    fn from_arrow(py: Python<'_>, frame: &Bound<'_, PyAny>) -> PyResult<Self> {
        let frame = Frame::read("roster", frame)?;
        Ok(py.detach(|| columns::roster_of(&frame).map(|inner| Roster { inner }))?)
    }

    /// Reads a roster from a JSON array of entries.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        Ok(py.detach(|| from_json::<Vec<RosterEntry>>("roster", text).and_then(Roster::build))?)
    }

    /// The §2 digest in hex.
    #[getter]
    fn digest(&self, py: Python<'_>) -> String {
        py.detach(|| sampling::prf::hex(self.inner.digest()))
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!("<jianguan.Roster of {} entities>", self.inner.len())
    }
}

/// A draw's published record (canonical JSON, docs/draw-algorithm.md §9).
#[derive(Debug)]
#[pyclass(frozen, module = "jianguan._native")]
pub struct Record {
    pub(crate) inner: DrawRecord,
}

#[pymethods]
impl Record {
    /// Reads a record from its JSON.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        Ok(Record {
            inner: from_json("record", text)?,
        })
    }

    /// The record as canonical JSON: the text its digest is taken over.
    fn to_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_canonical_json())
    }

    /// SHA-256 of the canonical JSON, in hex: the name it is published under.
    #[getter]
    fn digest(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.digest())
    }

    /// The seed, in hex.
    #[getter]
    fn seed(&self) -> &str {
        &self.inner.seed
    }

    /// The visits, as columns: `uscc`, `tasks`, `departments`, `items` and
    /// `inspectors` (`department:id,id` per department, `;` between them).
    fn visit_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let v = &self.inner.visits;
        let join =
            |f: &dyn Fn(&sampling::Visit) -> String| -> Vec<String> { v.iter().map(f).collect() };
        let out = PyDict::new(py);
        out.set_item("uscc", join(&|x| x.uscc.to_string()))?;
        out.set_item(
            "tasks",
            join(&|x| {
                x.tasks
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(";")
            }),
        )?;
        out.set_item("departments", join(&|x| x.departments.join(";")))?;
        out.set_item("items", join(&|x| x.items.join(";")))?;
        out.set_item(
            "inspectors",
            join(&|x| {
                x.inspectors
                    .iter()
                    .map(|a| format!("{}:{}", a.department, a.inspectors.join(",")))
                    .collect::<Vec<_>>()
                    .join(";")
            }),
        )?;
        Ok(out)
    }

    /// The selected entities, as columns: `task`, `department`, `class`,
    /// `part`, `rank` (from 0, smallest key first) and `uscc`.
    fn selection_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let (mut task, mut dept, mut class, mut part, mut rank, mut uscc) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        for (t, outcome) in self.inner.tasks.iter().enumerate() {
            for s in &outcome.strata {
                for (r, u) in s.selected.iter().enumerate() {
                    task.push(t);
                    dept.push(outcome.department.as_str());
                    class.push(s.class.as_str());
                    part.push(match s.part {
                        sampling::StratumPart::Normal => "normal",
                        sampling::StratumPart::Reduced => "reduced",
                    });
                    rank.push(r);
                    uscc.push(u.as_str());
                }
            }
        }
        let out = PyDict::new(py);
        out.set_item("task", task)?;
        out.set_item("department", dept)?;
        out.set_item("class", class)?;
        out.set_item("part", part)?;
        out.set_item("rank", rank)?;
        out.set_item("uscc", uscc)?;
        Ok(out)
    }

    fn __repr__(&self) -> String {
        format!(
            "<jianguan.DrawRecord {} of plan {:?}: {} visits>",
            &self.inner.digest()[..16],
            self.inner.plan.id,
            self.inner.visits.len()
        )
    }
}

/// The history and inspector rosters of a draw, from their JSON.
pub(crate) fn side_rosters(
    history_json: &str,
    inspectors_json: &str,
) -> Result<(InspectionHistory, InspectorRoster)> {
    let history: Vec<PastInspection> = from_json("history", history_json)?;
    let inspectors: Vec<sampling::Inspector> = from_json("inspectors", inspectors_json)?;
    Ok((
        InspectionHistory::new(history)?,
        InspectorRoster::new(inspectors)?,
    ))
}

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
    inspectors: Vec<sampling::Inspector>,
    entropy: Vec<EntropyValue>,
}

/// A plan bound to its rosters' digests and public values, for a draw over
/// roster parts: count each part, select from each part, finish. Picklable,
/// so that a distributed engine can send it to its workers.
#[derive(Debug)]
#[pyclass(frozen, module = "jianguan._native")]
pub struct Setup {
    plan: Plan,
    targets: sampling::prf::Digest32,
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
        let targets = sampling::prf::parse_digest(targets_hex).ok_or_else(|| {
            Failure::Input(format!(
                "targets digest {targets_hex:?} is not 64 hexadecimal digits"
            ))
        })?;
        let history: Vec<PastInspection> = from_json("history", history_json)?;
        let inspectors: Vec<sampling::Inspector> = from_json("inspectors", inspectors_json)?;
        let entropy: Vec<EntropyValue> = from_json("entropy", entropy_json)?;
        let state = serde_json::to_string(&SetupState {
            plan: plan.clone(),
            targets: targets_hex.to_string(),
            rows,
            history: history.clone(),
            inspectors: inspectors.clone(),
            entropy: entropy.clone(),
        })
        .expect("serializable");
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
            &serde_json::to_string(&s.history).expect("serializable"),
            &serde_json::to_string(&s.inspectors).expect("serializable"),
            &serde_json::to_string(&s.entropy).expect("serializable"),
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
        Ok(sampling::prf::hex(self.draw_setup()?.seed()))
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
            Ok(serde_json::to_string(&out).expect("serializable"))
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
            Ok(serde_json::to_string(&out).expect("serializable"))
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
    Ok((sampling::prf::hex(&d.finish()), rows))
}

/// Registers this module's classes and functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Roster>()?;
    m.add_class::<Record>()?;
    m.add_class::<Setup>()?;
    m.add_function(wrap_pyfunction!(roster_digest_update, m)?)?;
    m.add_function(wrap_pyfunction!(roster_digest_finish, m)?)?;
    Ok(())
}
