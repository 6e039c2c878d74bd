//! Industry plugins: what loaded, and the three operations (risk grading,
//! due-date duties, criminal-referral assessment) over facts given as a
//! frame or as JSON rows. Grades cross as columns; duties and assessments
//! as JSON in the facade's shapes (`duties_json`, `referral_json`), which
//! the C API writes too.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use sdk::supervisor::plugins::{
    Citation, FactTable, Operation, duties_json, facts_from_json_rows, reason_json, referral_json,
};
use std::collections::HashMap;

use crate::columns::{self, Frame};
use crate::errors::{Failure, Result, reading};
use crate::supervisor::Supervisor;
use crate::{from_json, to_json};

/// The loaded plugins, the files refused and unused configurations, as
/// JSON (the shape of `jg_supervisor_plugins_json`).
#[pyfunction]
fn plugins_json(sup: &Supervisor) -> String {
    sup.inner.plugins_summary().to_string()
}

/// A plugin's whole description, as JSON.
#[pyfunction]
fn plugin_description_json(sup: &Supervisor, plugin: &str) -> PyResult<String> {
    Ok(to_json(
        sup.inner
            .plugin(plugin)
            .map_err(Failure::from)?
            .description(),
    ))
}

/// The rows' ids: a `uscc` column the operation's schema does not name.
type Ids = Option<Vec<Option<String>>>;

/// Reads `facts` for `operation` of `plugin`: a frame exporting
/// `__arrow_c_stream__`, or JSON text of an array of objects (the form a
/// list of dicts crosses in). A `uscc` column or key the schema does not
/// name is taken apart as the rows' ids, in both forms alike.
fn read_facts(
    py: Python<'_>,
    sup: &Supervisor,
    plugin: &str,
    operation: Operation,
    facts: &Bound<'_, PyAny>,
) -> Result<(FactTable, Ids)> {
    let schema = sup.inner.plugin(plugin)?.schema(operation);
    if !facts.is_instance_of::<PyString>() {
        let frame = Frame::read("facts", facts)?;
        return py.detach(|| columns::facts(&frame, schema));
    }
    let text: String = facts.extract().map_err(|e| reading("facts", e))?;
    let mut rows: Vec<serde_json::Value> = from_json("facts", &text)?;
    let mut ids = None;
    if !schema.iter().any(|s| s.name == "uscc") {
        let taken: Vec<Option<serde_json::Value>> = rows
            .iter_mut()
            .map(|r| r.as_object_mut().and_then(|o| o.remove("uscc")))
            .collect();
        if taken.iter().any(Option::is_some) {
            ids = Some(
                taken
                    .into_iter()
                    .map(|v| match v {
                        Some(serde_json::Value::String(s)) => Some(s),
                        None | Some(serde_json::Value::Null) => None,
                        Some(other) => Some(other.to_string()),
                    })
                    .collect(),
            );
        }
    }
    let table =
        facts_from_json_rows(&rows, schema).map_err(|e| Failure::Facts(format!("facts {e}")))?;
    Ok((table, ids))
}

/// Risk-grades facts (a frame, or JSON rows) through a plugin: columns
/// `grade`, `label`, `score`, `reasons` (and `uscc` when the facts have it).
/// A reason crosses as `(citation, detail, certainty)`; a batch cites few
/// articles, so each citation's two strings are made once and shared.
#[pyfunction]
fn grade<'py>(
    py: Python<'py>,
    sup: &Supervisor,
    plugin: &str,
    facts: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let (facts, ids) = read_facts(py, sup, plugin, Operation::Grading, facts)?;
    let grades = py.detach(|| sup.inner.grade(plugin, &facts).map_err(Failure::from))?;
    let n = grades.len();
    let out = PyDict::new(py);
    out.set_item("grade", (0..n).map(|r| grades.grade(r)).collect::<Vec<_>>())?;
    out.set_item("label", (0..n).map(|r| grades.label(r)).collect::<Vec<_>>())?;
    out.set_item("score", (0..n).map(|r| grades.score(r)).collect::<Vec<_>>())?;
    // Keyed by the citation's address: the plugin's description holds each once.
    type Shared<'py> = (Bound<'py, PyString>, Bound<'py, PyString>);
    let mut cited: HashMap<*const Citation, Shared<'py>> = HashMap::new();
    let reasons = PyList::empty(py);
    for r in 0..n {
        // A million rows take seconds to hand over: Ctrl-C is seen meanwhile.
        if r % 4096 == 4095 {
            py.check_signals()?;
        }
        let row = PyList::empty(py);
        for c in grades.reasons(r) {
            let (citation, certainty) =
                cited
                    .entry(std::ptr::from_ref(c.citation))
                    .or_insert_with(|| {
                        // The facade's one JSON shape of a cited reason names
                        // the certainty as every face does.
                        let j = reason_json(&c);
                        let certainty = j["certainty"].as_str().unwrap_or_default();
                        (
                            PyString::new(py, &c.citation.to_string()),
                            PyString::new(py, certainty),
                        )
                    });
            let detail = PyString::new(py, &c.detail);
            row.append(PyTuple::new(
                py,
                [citation.clone(), detail, certainty.clone()],
            )?)?;
        }
        reasons.append(row)?;
    }
    out.set_item("reasons", reasons)?;
    if let Some(ids) = ids {
        out.set_item("uscc", ids)?;
    }
    Ok(out)
}

/// Runs a plugin operation whose answer the facade writes as JSON
/// (`run`) over facts read for it ([`read_facts`]), with the GIL released;
/// the JSON text and the rows' ids.
fn answer_json(
    py: Python<'_>,
    (facts, ids): (FactTable, Ids),
    run: impl FnOnce(&FactTable) -> std::result::Result<Vec<serde_json::Value>, sdk::Error> + Send,
) -> PyResult<(String, Ids)> {
    let text = py
        .detach(|| run(&facts).map(|rows| serde_json::Value::from(rows).to_string()))
        .map_err(Failure::from)?;
    Ok((text, ids))
}

/// The due-date duties of each row of facts as of `as_of`, through a
/// plugin: JSON `[{"row", "duties": [{"code", "due", "overdue",
/// "reason"}]}]`, and the rows' ids.
#[pyfunction]
fn duties(
    py: Python<'_>,
    sup: &Supervisor,
    plugin: &str,
    facts: &Bound<'_, PyAny>,
    as_of: NaiveDate,
) -> PyResult<(String, Ids)> {
    let read = read_facts(py, sup, plugin, Operation::Duties, facts)?;
    answer_json(py, read, |t| {
        Ok(duties_json(&sup.inner.duties(plugin, t, as_of)?))
    })
}

/// The criminal-referral assessment (行刑衔接) of each case (row) of facts,
/// through a plugin: JSON `[{"row", "decision", "findings": [{"decision",
/// "reason"}]}]`, and the rows' ids.
#[pyfunction]
fn assess_referral(
    py: Python<'_>,
    sup: &Supervisor,
    plugin: &str,
    facts: &Bound<'_, PyAny>,
) -> PyResult<(String, Ids)> {
    let read = read_facts(py, sup, plugin, Operation::Referral, facts)?;
    answer_json(py, read, |t| {
        Ok(referral_json(&sup.inner.assess_referral(plugin, t)?))
    })
}

/// Registers the functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(plugins_json, m)?)?;
    m.add_function(wrap_pyfunction!(plugin_description_json, m)?)?;
    m.add_function(wrap_pyfunction!(grade, m)?)?;
    m.add_function(wrap_pyfunction!(duties, m)?)?;
    m.add_function(wrap_pyfunction!(assess_referral, m)?)?;
    Ok(())
}
