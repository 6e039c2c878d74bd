//! Industry plugins: what loaded, risk grading, due-date duties and
//! criminal-referral assessment, each result citing its legal basis.

pub use crate::plugin_host::{
    Citation, CitedReason, Column, ColumnData, DutyView, FactKind, FactRowsError, FactSpec,
    FactTable, Grades, LoadFailure, LoadReport, LoadedPlugin, Operation, PluginCallError,
    PluginConfigs, PluginDescription, PluginError, PluginErrorKind, PluginLoadError,
    ReferralDecision, ReferralView, facts_from_json_rows, facts_from_text_rows,
};

/// A plugin linked into the host, registered with
/// [`SupervisorBuilder::static_plugin`](super::SupervisorBuilder::static_plugin).
pub use jianguan_plugin::PluginModRef;

use super::Supervisor;
use crate::plugin_host::PluginHost;
use crate::{Error, NaiveDate};

impl Supervisor {
    /// The loaded plugins.
    pub fn plugins(&self) -> &PluginHost {
        &self.plugins
    }

    /// What loading the plugins folder did: loaded ids, refused files,
    /// configurations no plugin used.
    pub fn load_report(&self) -> &LoadReport {
        &self.load_report
    }

    /// The loaded plugins and what loading refused, as the C and Python
    /// bindings publish it: `{"loaded": [{"id", "name_zh", "name_en",
    /// "version", "industries", "origin"}], "failures": ["<one line per
    /// file>"], "unused_configs": ["<id>"]}`.
    pub fn plugins_summary(&self) -> serde_json::Value {
        let loaded: Vec<serde_json::Value> = self
            .plugins
            .plugins()
            .map(|p| {
                let d = p.description();
                serde_json::json!({
                    "id": d.id, "name_zh": d.name_zh, "name_en": d.name_en,
                    "version": d.version, "industries": d.industries,
                    "origin": p.origin().display().to_string(),
                })
            })
            .collect();
        let report = &self.load_report;
        let failures: Vec<String> = report.failures.iter().map(|f| f.summary()).collect();
        serde_json::json!({
            "loaded": loaded, "failures": failures, "unused_configs": report.unused_configs,
        })
    }

    /// The loaded plugin with `id`: its description, schemas and exemptions.
    ///
    /// # Errors
    /// [`Error::Plugin`] ([`PluginCallError::NotLoaded`]) when none is loaded.
    pub fn plugin(&self, id: &str) -> Result<&LoadedPlugin, Error> {
        self.plugins
            .get(id)
            .ok_or_else(|| Error::Plugin(PluginCallError::NotLoaded(id.to_string()).into()))
    }

    /// Risk-grades a batch of entities (one row each) through plugin `id`.
    ///
    /// # Errors
    /// [`Error::Plugin`]: no such plugin; facts that fail the plugin's
    /// schema (row and fact named, nothing called); a plugin failure or
    /// panic; a result that breaks the contract.
    pub fn grade(&self, id: &str, facts: &FactTable) -> Result<Grades<'_>, Error> {
        self.plugin(id)?
            .grade(facts)
            .map_err(|e| Error::Plugin(PluginError::Call(e)))
    }

    /// The due-date duties of each row as of `as_of`, through plugin `id`
    /// (e.g. a periodic inspection of special equipment falling due).
    ///
    /// # Errors
    /// As [`Supervisor::grade`].
    pub fn duties(
        &self,
        id: &str,
        facts: &FactTable,
        as_of: NaiveDate,
    ) -> Result<Vec<Vec<DutyView<'_>>>, Error> {
        self.plugin(id)?
            .duties(facts, as_of)
            .map_err(|e| Error::Plugin(PluginError::Call(e)))
    }

    /// Assesses each row (one case per row) for referral to the police
    /// (行刑衔接) through plugin `id`, citing the criminal-law article and
    /// prosecution standard applied.
    ///
    /// # Errors
    /// As [`Supervisor::grade`].
    pub fn assess_referral(
        &self,
        id: &str,
        facts: &FactTable,
    ) -> Result<Vec<ReferralView<'_>>, Error> {
        self.plugin(id)?
            .assess_referral(facts)
            .map_err(|e| Error::Plugin(PluginError::Call(e)))
    }
}

/// A cited reason as JSON: `{"citation", "certainty", "detail"}`, the shape
/// every face prints.
pub fn reason_json(c: &CitedReason<'_>) -> serde_json::Value {
    serde_json::json!({
        "citation": c.citation.to_string(),
        "certainty": c.citation.certainty,
        "detail": c.detail,
    })
}

/// The snake_case name of a referral decision (`refer`, `needs_testing`,
/// `do_not_refer`).
pub fn decision_name(d: ReferralDecision) -> &'static str {
    match d {
        ReferralDecision::Refer => "refer",
        ReferralDecision::NeedsTesting => "needs_testing",
        ReferralDecision::DoNotRefer => "do_not_refer",
    }
}

/// Duties as JSON, one element per row: `[{"row", "duties": [{"code",
/// "due", "overdue", "reason"}]}]`.
pub fn duties_json(duties: &[Vec<DutyView<'_>>]) -> Vec<serde_json::Value> {
    duties
        .iter()
        .enumerate()
        .map(|(r, list)| {
            serde_json::json!({
                "row": r,
                "duties": list.iter().map(|d| serde_json::json!({
                    "code": d.code,
                    "due": d.due.to_string(),
                    "overdue": d.overdue,
                    "reason": reason_json(&d.reason),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// Referral assessments as JSON, one element per case: `[{"row",
/// "decision", "findings": [{"decision", "reason"}]}]`.
pub fn referral_json(assessments: &[ReferralView<'_>]) -> Vec<serde_json::Value> {
    assessments
        .iter()
        .enumerate()
        .map(|(r, a)| {
            serde_json::json!({
                "row": r,
                "decision": decision_name(a.decision),
                "findings": a.findings.iter().map(|(d, c)| serde_json::json!({
                    "decision": decision_name(*d),
                    "reason": reason_json(c),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}
