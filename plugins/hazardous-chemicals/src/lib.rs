//! # jianguan-hazardous-chemicals
//!
//! The hazardous-chemicals plugin (domain `hazardous_chemicals`) for
//! production, storage and trade enterprises. It encodes (RULES.md §10, §6.5):
//!
//! - **GB 18218-2018 危险化学品重大危险源辨识**: identification
//!   S = Σq/Q (S ≥ 1 → 重大危险源, as 安全生产法 Art. 117 defines it) and
//!   grading R = α·Σβq/Q with Tables 1–6 (一级 R ≥ 100, 二级 100 > R ≥ 50,
//!   三级 50 > R ≥ 10, 四级 R < 10), computed in exact integer arithmetic
//!   ([`grading`]). The inventory is a text fact in the mini-format of
//!   [`inventory`]. Table-1 rows RULES.md marks weaker are kept and flagged.
//! - **危险化学品安全管理条例** (国务院令第591号, 2013 revision): the safety
//!   assessment every 3 years (Art. 22); violations and penalties of
//!   Arts. 77, 78, 80 and 81.
//! - **重大危险源安全包保责任制办法（试行）**: the technical lead's quarterly
//!   check (interval configurable: a single source).
//! - **刑法** Arts. 125 para 2, 134之一 and 136, with 法释〔2015〕22号 Art. 6
//!   thresholds (≥1 death, ≥3 serious injuries, ≥1,000,000 CNY) and Art. 7's
//!   aggravated band (its money figure UNCONFIRMED, configurable) ([`referral`]).
//!
//! Grades, lowest risk first: 非重大危险源, 四级, 三级, 二级, 一级. The
//! score of a row is R (computed for every row; S decides whether R grades).

pub mod catalogue;
pub mod cite;
pub mod config;
pub mod duties;
pub mod grading;
pub mod inventory;
pub mod referral;
pub mod tables;

use jianguan_plugin::{
    DutyBatch, FactTable, GradeBatch, Plugin, PluginDescription, PluginError, ReferralAssessment,
};

pub use config::Config;

/// The plugin: an opened, validated configuration.
#[derive(Debug, Clone)]
pub struct HazardousChemicals {
    config: Config,
}

impl Plugin for HazardousChemicals {
    type Config = Config;

    fn describe() -> PluginDescription {
        catalogue::describe()
    }

    fn open(config: Config) -> Result<Self, PluginError> {
        config.validate()?;
        Ok(Self { config })
    }

    fn grade(&self, facts: &FactTable) -> Result<GradeBatch, PluginError> {
        grading::grade(facts)
    }

    fn duties(&self, facts: &FactTable, as_of: i32) -> Result<DutyBatch, PluginError> {
        duties::duties(&self.config, facts, as_of)
    }

    fn assess_referral(&self, facts: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
        referral::assess(&self.config, facts)
    }
}

jianguan_plugin::export_plugin!(HazardousChemicals);
