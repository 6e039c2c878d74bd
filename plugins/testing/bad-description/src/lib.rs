//! Test fixture: a plugin whose description cites an article index it does
//! not list, which the host must refuse at load.

use jianguan_plugin::{
    DutyBatch, FactTable, Frequency, GradeBatch, Plugin, PluginError, ReferralAssessment,
};

/// The fixture plugin.
#[derive(Debug)]
pub struct BadDescription;

impl Plugin for BadDescription {
    type Config = ();

    fn describe() -> jianguan_plugin::PluginDescription {
        let mut d = jianguan_plugin::fixtures::minimal_description("testing_bad_description");
        d.frequencies.push(Frequency {
            grade: "low".into(),
            min_per_year: 1.0,
            max_per_year: None,
            citation: 7,
        });
        d
    }

    fn open(_: ()) -> Result<Self, PluginError> {
        Ok(Self)
    }

    fn grade(&self, facts: &FactTable) -> Result<GradeBatch, PluginError> {
        Ok(GradeBatch {
            grades: vec![0; facts.len()].into(),
            scores: vec![0.0; facts.len()].into(),
            reasons: vec![Default::default(); facts.len()].into(),
        })
    }

    fn duties(&self, facts: &FactTable, _: i32) -> Result<DutyBatch, PluginError> {
        Ok(DutyBatch {
            rows: vec![Default::default(); facts.len()].into(),
        })
    }

    fn assess_referral(&self, facts: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
        Ok((0..facts.len())
            .map(|_| ReferralAssessment::from_findings(Vec::new()))
            .collect())
    }
}

jianguan_plugin::export_plugin!(BadDescription);
