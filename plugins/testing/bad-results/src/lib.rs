//! Test fixture: a plugin whose results break the contract in the way its
//! configuration names (`{"fault": "…"}`), so that the host's result checks
//! can be tested; with no fault it behaves. Its schema has a fact of every
//! kind, with a minimum and a closed list, for the host's validation tests.

use jianguan_plugin::{
    Duty, DutyBatch, FactKind, FactSpec, FactTable, Finding, GradeBatch, Plugin, PluginError,
    PluginErrorKind, Reason, ReferralAssessment, ReferralDecision,
};
use serde::{Deserialize, Serialize};

/// The fixture plugin.
#[derive(Debug)]
pub struct BadResults {
    fault: String,
}

/// Which contract rule to break.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `rows`, `grade`, `citation`, `score`, `due`, `duty-rows`,
    /// `decision`, `unknown-decision` (a finding's decision code no contract
    /// defines yet), `unknown-kind` (an error of such a kind from `grade`),
    /// or empty for none.
    pub fault: String,
}

impl Plugin for BadResults {
    type Config = Config;

    fn describe() -> jianguan_plugin::PluginDescription {
        let mut d = jianguan_plugin::fixtures::minimal_description("testing_bad_results");
        d.schema.grading = vec![
            FactSpec::required("value", FactKind::Number, "a quantity").min(0.0),
            FactSpec::optional("count", FactKind::Integer, "a count").min(0.0),
            FactSpec::optional("code", FactKind::Text, "a code").allowed(&["a", "b"]),
            FactSpec::optional("when", FactKind::Date, "a date"),
        ];
        d
    }

    fn open(config: Config) -> Result<Self, PluginError> {
        Ok(Self {
            fault: config.fault,
        })
    }

    fn grade(&self, facts: &FactTable) -> Result<GradeBatch, PluginError> {
        if self.fault == "unknown-kind" {
            // As a plugin of a later minor contract might report.
            return Err(PluginError::new(
                PluginErrorKind::from_code(200),
                "quota exceeded",
            ));
        }
        let mut batch = GradeBatch::with_capacity(facts.len());
        for _ in 0..facts.len() {
            let citation = if self.fault == "citation" { 5 } else { 0 };
            batch.push(0, 0.0, vec![Reason::new(citation, "fixture")].into());
        }
        match self.fault.as_str() {
            "rows" => {
                batch.scores.pop();
            }
            "grade" => batch.grades[0] = 9,
            "score" => batch.scores[0] = f64::NAN,
            _ => {}
        }
        Ok(batch)
    }

    fn duties(&self, facts: &FactTable, as_of: i32) -> Result<DutyBatch, PluginError> {
        let due = if self.fault == "due" { i32::MAX } else { as_of };
        let duty = Duty {
            code: "fixture".into(),
            due,
            overdue: false,
            reason: Reason::new(0, "fixture"),
        };
        let rows = facts.len() + usize::from(self.fault == "duty-rows");
        Ok(DutyBatch {
            rows: vec![vec![duty].into(); rows].into(),
        })
    }

    fn assess_referral(&self, facts: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
        let finding = Finding::new(ReferralDecision::Refer, 0, "fixture");
        let mut a = ReferralAssessment::from_findings(vec![finding]);
        if self.fault == "decision" {
            a.decision = ReferralDecision::DoNotRefer;
        }
        let mut cases = vec![a; facts.len()];
        if self.fault == "unknown-decision"
            && let Some(last) = cases.last_mut()
        {
            last.findings[0].decision = ReferralDecision::from_code(7);
        }
        Ok(cases)
    }
}

jianguan_plugin::export_plugin!(BadResults);
