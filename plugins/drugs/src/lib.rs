//! # jianguan-drugs
//!
//! The drugs, medical devices and cosmetics plugin of jianguan (domain
//! `drugs`; industries `drug_manufacturing`, `drug_wholesale`,
//! `drug_retail`, `medical_device_trade`, `cosmetics_trade`). It encodes:
//!
//! - 医疗器械生产监督管理办法 (国家市场监督管理总局令第53号): the yearly
//!   inspection of key-product makers (第四十九条), the 31 March self-inspection
//!   report (第四十五条), the focus check points (第五十一条), penalties
//!   (第七十八、七十九条);
//! - 医疗器械经营监督管理办法 (第54号令): the traders' 31 March report
//!   (第四十四条) and its penalty (第六十八条);
//! - drug-maker inspection intervals (药品生产监督管理办法 第五十五条,
//!   药品检查管理办法（试行）): each calendar quarter / each calendar year /
//!   within 3 years / within 5 years (rolling), all UNCONFIRMED and
//!   configurable ([`DrugsConfig`]); see [`grading::Schedule`];
//! - criminal thresholds: 刑法 第一百四十一、一百四十二、一百四十二条之一、
//!   一百四十五、一百四十八、一百四十九条, the 2022 drug interpretation
//!   (高检发释字〔2022〕1号, CORROBORATED) for the seriousness bands, and the
//!   police filing standard (一) Art. 16.
//!
//! Grades rank categories by the national minimum inspection frequency they
//! attract (see [`grading`]); the sources give no risk score.

mod catalogue;
pub mod cite;
mod config;
pub mod duties;
pub mod grading;
pub mod referral;
mod schema;

pub use catalogue::{V_TRADER_SELF_REPORT, V_UDI, V_VARIETY_REPORT};
pub use config::DrugsConfig;
pub use grading::GRADE_LABELS;

use jianguan_plugin::{
    DutyBatch, FactTable, GradeBatch, Plugin, PluginDescription, PluginError, ReferralAssessment,
};

/// The drugs plugin: an opened instance with its configuration.
#[derive(Debug, Clone)]
pub struct DrugsPlugin {
    config: DrugsConfig,
}

impl DrugsPlugin {
    /// The configuration in effect.
    pub fn config(&self) -> &DrugsConfig {
        &self.config
    }
}

impl Plugin for DrugsPlugin {
    type Config = DrugsConfig;

    fn describe() -> PluginDescription {
        catalogue::describe()
    }

    fn open(config: DrugsConfig) -> Result<Self, PluginError> {
        config.validate()?;
        Ok(Self { config })
    }

    fn grade(&self, facts: &FactTable) -> Result<GradeBatch, PluginError> {
        grading::grade(&self.config, facts)
    }

    fn duties(&self, facts: &FactTable, as_of: i32) -> Result<DutyBatch, PluginError> {
        duties::duties(&self.config, facts, as_of)
    }

    fn assess_referral(&self, facts: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
        referral::assess(facts)
    }
}

jianguan_plugin::export_plugin!(DrugsPlugin);
