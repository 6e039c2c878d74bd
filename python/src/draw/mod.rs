//! Draws (双随机) through Python: target rosters fixed once and reused,
//! records, the facade's draw and verification, and (in [`parts`]) the
//! part-by-part steps a distributed engine runs (docs/draw-algorithm.md
//! §2, §7). Plans, histories, inspector rosters and records cross as JSON
//! in the shapes of tests/vectors/draw/.

mod parts;
mod watch;

pub(crate) use parts::Setup;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use sdk::supervisor::draw::{
    DrawRecord, EntropyValue, InspectionHistory, Inspector, InspectorRoster, PastInspection, Plan,
    RosterEntry, RostersRef, StratumPart, TargetRoster, hex,
};

use crate::columns::{self, Frame};
use crate::errors::{Failure, Result};
use crate::from_json;
use crate::supervisor::Supervisor;

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
        py.detach(|| hex(self.inner.digest()))
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Pickled as its entries' JSON (the shape `from_json` reads), so that a
    /// roster sent to a worker process is the same roster, digest and all.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let inner = &slf.get().inner;
        let text = py.detach(|| crate::to_json(&inner.entries().collect::<Vec<_>>()));
        let restore = slf.get_type().getattr("from_json")?;
        let args = PyTuple::new(py, [text])?;
        PyTuple::new(py, [restore.into_any(), args.into_any()])
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
                        StratumPart::Normal => "normal",
                        StratumPart::Reduced => "reduced",
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

/// Calls `f` with the rosters of a draw: `roster` as fixed, the history
/// and inspector rosters read from their JSON and checked.
fn with_rosters<T>(
    roster: &Roster,
    history_json: &str,
    inspectors_json: &str,
    f: impl FnOnce(RostersRef<'_>) -> Result<T>,
) -> Result<T> {
    let history: Vec<PastInspection> = from_json("history", history_json)?;
    let inspectors: Vec<Inspector> = from_json("inspectors", inspectors_json)?;
    let history = InspectionHistory::new(history)?;
    let inspectors = InspectorRoster::new(inspectors)?;
    f(RostersRef {
        roster: &roster.inner,
        history: &history,
        inspectors: &inspectors,
    })
}

/// The plan (JSON) checked and resolved against the catalog, as JSON.
#[pyfunction]
fn resolve_plan_json(sup: &Supervisor, plan_json: &str) -> PyResult<String> {
    let plan: Plan = from_json("plan", plan_json)?;
    Ok(crate::to_json(
        &sup.inner.resolve_plan(&plan).map_err(Failure::from)?,
    ))
}

/// Draws a plan over a fixed roster on a thread of its own, interruptible
/// (Ctrl-C stops it within a poll) and reporting to `progress`
/// (`(tasks_done, tasks, visits_done, visits)`) when given.
#[pyfunction]
#[pyo3(signature = (sup, plan_json, roster, history_json, inspectors_json, entropy_json, progress=None))]
#[allow(clippy::too_many_arguments)] // the facade's inputs, each as it crosses
fn draw(
    py: Python<'_>,
    sup: &Supervisor,
    plan_json: &str,
    roster: &Roster,
    history_json: &str,
    inspectors_json: &str,
    entropy_json: &str,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<Record> {
    watch::run_watched(py, progress, |w| {
        let plan: Plan = from_json("plan", plan_json)?;
        let entropy: Vec<EntropyValue> = from_json("entropy", entropy_json)?;
        with_rosters(roster, history_json, inspectors_json, |rosters| {
            let drawn = sup.inner.draw_over_watched(&plan, rosters, &entropy, w)?;
            Ok(drawn.map(|inner| Record { inner }))
        })
    })
}

/// Re-runs a recorded draw over the rosters and compares, watched as
/// [`draw`] is.
#[pyfunction]
#[pyo3(signature = (sup, record, roster, history_json, inspectors_json, progress=None))]
fn verify(
    py: Python<'_>,
    sup: &Supervisor,
    record: &Record,
    roster: &Roster,
    history_json: &str,
    inspectors_json: &str,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    watch::run_watched(py, progress, |w| {
        with_rosters(roster, history_json, inspectors_json, |rosters| {
            Ok(sup.inner.verify_over_watched(&record.inner, rosters, w)?)
        })
    })
}

/// A setup for drawing over roster parts (the plan resolved against the
/// catalog, the targets digest folded from the parts and, when known, the
/// number of entities in them).
#[pyfunction]
#[pyo3(signature = (sup, plan_json, targets_digest, targets_rows, history_json, inspectors_json, entropy_json))]
fn draw_setup(
    sup: &Supervisor,
    plan_json: &str,
    targets_digest: &str,
    targets_rows: Option<u64>,
    history_json: &str,
    inspectors_json: &str,
    entropy_json: &str,
) -> PyResult<Setup> {
    let plan: Plan = from_json("plan", plan_json)?;
    let plan = sup.inner.resolve_plan(&plan).map_err(Failure::from)?;
    Ok(Setup::new(
        plan,
        targets_digest,
        targets_rows,
        history_json,
        inspectors_json,
        entropy_json,
    )?)
}

/// Registers the draw classes and functions, and those of [`parts`].
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ALGORITHM", sdk::supervisor::draw::ALGORITHM)?;
    m.add("RECORD_FORMAT", sdk::supervisor::draw::RECORD_FORMAT)?;
    m.add("ROSTER_REQUIRED", columns::ROSTER_REQUIRED.to_vec())?;
    m.add("ROSTER_OPTIONAL", columns::ROSTER_OPTIONAL.to_vec())?;
    m.add_class::<Roster>()?;
    m.add_class::<Record>()?;
    m.add_function(wrap_pyfunction!(resolve_plan_json, m)?)?;
    m.add_function(wrap_pyfunction!(draw, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(draw_setup, m)?)?;
    parts::register(m)
}
