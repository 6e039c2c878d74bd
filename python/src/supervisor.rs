//! The `Supervisor` facade for Python: catalog, credit, calendar, plugins
//! and draws, as the Rust and C APIs give them. Cold data (items, plans,
//! profiles, plugin descriptions) crosses as JSON; fact tables and rosters
//! cross as columns.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use sdk::calendar::WorkCalendar;
use sdk::catalog::{ApprovalFacts, InMemoryCatalog};
use sdk::credit::{CreditProfile, CreditScheme, InMemoryCreditLookup};
use sdk::plugin_host::{FactTable, Operation, facts_from_json_rows};
use sdk::sampling::{EntropyValue, Plan, RostersRef};
use sdk::supervisor::Supervisor as Inner;

use crate::columns::{self, Frame};
use crate::draw::{Record, Roster, Setup, from_json, side_rosters};
use crate::errors::{Failure, Result};

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serializable")
}

/// The supervision system: everything fixed when it is made.
#[derive(Debug)]
#[pyclass(frozen, module = "jianguan._native")]
pub struct Supervisor {
    inner: Inner,
}

fn scheme(name: &str) -> Result<CreditScheme> {
    match name {
        "national_2022" => Ok(CreditScheme::national_2022()),
        "shandong_2020" => Ok(CreditScheme::shandong_2020()),
        other => Err(Failure::Input(format!(
            "credit_scheme {other:?} is not one of national_2022, shandong_2020"
        ))),
    }
}

impl Supervisor {
    fn grades_out<'py>(
        &self,
        py: Python<'py>,
        plugin: &str,
        facts: &FactTable,
        ids: Option<Vec<Option<String>>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let grades = py.detach(|| self.inner.grade(plugin, facts).map_err(Failure::from))?;
        let n = grades.len();
        let out = PyDict::new(py);
        out.set_item("grade", (0..n).map(|r| grades.grade(r)).collect::<Vec<_>>())?;
        out.set_item("label", (0..n).map(|r| grades.label(r)).collect::<Vec<_>>())?;
        out.set_item("score", (0..n).map(|r| grades.score(r)).collect::<Vec<_>>())?;
        let reasons: Vec<Vec<(String, String)>> = (0..n)
            .map(|r| {
                grades
                    .reasons(r)
                    .map(|c| (c.citation.to_string(), c.detail))
                    .collect()
            })
            .collect();
        out.set_item("reasons", reasons)?;
        if let Some(ids) = ids {
            out.set_item("uscc", ids)?;
        }
        Ok(out)
    }
}

#[pymethods]
impl Supervisor {
    #[new]
    #[pyo3(signature = (*, plugins_dir=None, plugin_configs_json=None, require_all_plugins=false,
                        catalog_json=None, holidays_json=None, credit_scheme="national_2022",
                        credit_profiles_json=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        plugins_dir: Option<std::path::PathBuf>,
        plugin_configs_json: Option<&str>,
        require_all_plugins: bool,
        catalog_json: Option<&str>,
        holidays_json: Option<&str>,
        credit_scheme: &str,
        credit_profiles_json: Option<&str>,
    ) -> PyResult<Self> {
        let mut b = Inner::builder().require_all_plugins(require_all_plugins);
        if let Some(dir) = plugins_dir {
            b = b.plugins_dir(dir);
        }
        if let Some(text) = plugin_configs_json {
            let configs: std::collections::BTreeMap<String, serde_json::Value> =
                from_json("plugin_configs", text)?;
            for (id, config) in configs {
                b = b.plugin_config(id, config);
            }
        }
        if let Some(text) = catalog_json {
            b = b
                .catalog(InMemoryCatalog::from_json_str(text).map_err(|e| Failure::Sdk(e.into()))?);
        }
        if let Some(text) = holidays_json {
            let mut calendar = WorkCalendar::china();
            calendar
                .load_json(text)
                .map_err(|e| Failure::Sdk(e.into()))?;
            b = b.calendar(calendar);
        }
        let scheme = scheme(credit_scheme)?;
        let profiles: Vec<CreditProfile> = match credit_profiles_json {
            Some(text) => from_json("credit_profiles", text)?,
            None => Vec::new(),
        };
        let lookup = InMemoryCreditLookup::from_profiles(scheme, profiles)
            .map_err(|e| Failure::Sdk(e.into()))?;
        b = b.credit(lookup);
        let inner = py.detach(|| b.build()).map_err(Failure::from)?;
        Ok(Supervisor { inner })
    }

    /// The supervision item with `code`, as JSON.
    fn item_json(&self, code: &str) -> PyResult<String> {
        Ok(json(self.inner.item(code).map_err(Failure::from)?))
    }

    /// Every supervision item, as a JSON array.
    fn items_json(&self) -> String {
        json(&self.inner.catalog().items().collect::<Vec<_>>())
    }

    /// Who supervises item `code` given the approval facts (JSON), as JSON.
    fn resolve_json(&self, code: &str, facts_json: &str) -> PyResult<String> {
        let facts: ApprovalFacts = from_json("approval facts", facts_json)?;
        Ok(json(
            &self.inner.resolve(code, &facts).map_err(Failure::from)?,
        ))
    }

    /// The credit scheme, as JSON.
    fn credit_scheme_json(&self) -> String {
        json(self.inner.credit_scheme())
    }

    /// The credit profile of `code` as JSON, or `None` when unknown.
    fn credit_profile_json(&self, code: &str) -> PyResult<Option<String>> {
        let uscc = self.inner.check_uscc(code).map_err(Failure::from)?;
        let p = self.inner.credit_profile(&uscc).map_err(Failure::from)?;
        Ok(p.as_ref().map(json))
    }

    fn is_working_day(&self, date: NaiveDate) -> PyResult<bool> {
        Ok(self.inner.is_working_day(date).map_err(Failure::from)?)
    }

    fn add_working_days(&self, start: NaiveDate, n: u32) -> PyResult<NaiveDate> {
        Ok(self
            .inner
            .add_working_days(start, n)
            .map_err(Failure::from)?)
    }

    fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> PyResult<u32> {
        Ok(self
            .inner
            .working_days_between(start, end)
            .map_err(Failure::from)?)
    }

    /// The loaded plugins, the files refused and unused configurations, as
    /// JSON (the shape of `jg_supervisor_plugins_json`).
    fn plugins_json(&self) -> String {
        self.inner.plugins_summary().to_string()
    }

    /// A plugin's whole description, as JSON.
    fn plugin_description_json(&self, plugin: &str) -> PyResult<String> {
        Ok(json(
            self.inner
                .plugin(plugin)
                .map_err(Failure::from)?
                .description(),
        ))
    }

    /// Grades a frame of facts (`__arrow_c_stream__`) through a plugin:
    /// columns `grade`, `label`, `score`, `reasons` (and `uscc` when the
    /// frame has it).
    fn grade_arrow<'py>(
        &self,
        py: Python<'py>,
        plugin: &str,
        frame: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let loaded = self.inner.plugin(plugin).map_err(Failure::from)?;
        let frame = Frame::read("facts", frame)?;
        let (facts, ids) =
            py.detach(|| columns::facts(&frame, loaded.schema(Operation::Grading)))?;
        self.grades_out(py, plugin, &facts, ids)
    }

    /// Grades rows of facts given as a JSON array of objects.
    fn grade_json<'py>(
        &self,
        py: Python<'py>,
        plugin: &str,
        rows_json: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let loaded = self.inner.plugin(plugin).map_err(Failure::from)?;
        let mut rows: Vec<serde_json::Value> = from_json("facts", rows_json)?;
        // A `uscc` key the schema does not name is the row's id, as in frames.
        let schema = loaded.schema(Operation::Grading);
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
                        .collect::<Vec<_>>(),
                );
            }
        }
        let facts = facts_from_json_rows(&rows, schema)
            .map_err(|e| Failure::Facts(format!("facts {e}")))?;
        self.grades_out(py, plugin, &facts, ids)
    }

    /// The plan (JSON) checked and resolved against the catalog, as JSON.
    fn resolve_plan_json(&self, plan_json: &str) -> PyResult<String> {
        let plan: Plan = from_json("plan", plan_json)?;
        Ok(json(
            &self.inner.resolve_plan(&plan).map_err(Failure::from)?,
        ))
    }

    /// Draws a plan over a fixed roster.
    fn draw(
        &self,
        py: Python<'_>,
        plan_json: &str,
        roster: &Roster,
        history_json: &str,
        inspectors_json: &str,
        entropy_json: &str,
    ) -> PyResult<Record> {
        Ok(py.detach(|| -> Result<Record> {
            let plan: Plan = from_json("plan", plan_json)?;
            let entropy: Vec<EntropyValue> = from_json("entropy", entropy_json)?;
            let (history, inspectors) = side_rosters(history_json, inspectors_json)?;
            let rosters = RostersRef {
                roster: &roster.inner,
                history: &history,
                inspectors: &inspectors,
            };
            let inner = self.inner.draw_over(&plan, rosters, &entropy)?;
            Ok(Record { inner })
        })?)
    }

    /// Re-runs a recorded draw over the rosters and compares.
    fn verify(
        &self,
        py: Python<'_>,
        record: &Record,
        roster: &Roster,
        history_json: &str,
        inspectors_json: &str,
    ) -> PyResult<()> {
        Ok(py.detach(|| -> Result<()> {
            let (history, inspectors) = side_rosters(history_json, inspectors_json)?;
            let rosters = RostersRef {
                roster: &roster.inner,
                history: &history,
                inspectors: &inspectors,
            };
            self.inner.verify_over(&record.inner, rosters)?;
            Ok(())
        })?)
    }

    /// A setup for drawing over roster parts (the plan resolved against the
    /// catalog, the targets digest folded from the parts and, when known,
    /// the number of entities in them).
    #[pyo3(signature = (plan_json, targets_digest, targets_rows, history_json, inspectors_json, entropy_json))]
    fn draw_setup(
        &self,
        plan_json: &str,
        targets_digest: &str,
        targets_rows: Option<u64>,
        history_json: &str,
        inspectors_json: &str,
        entropy_json: &str,
    ) -> PyResult<Setup> {
        let plan: Plan = from_json("plan", plan_json)?;
        let plan = self.inner.resolve_plan(&plan).map_err(Failure::from)?;
        Ok(Setup::new(
            plan,
            targets_digest,
            targets_rows,
            history_json,
            inspectors_json,
            entropy_json,
        )?)
    }
}
