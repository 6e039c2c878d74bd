//! # jianguan-special-equipment
//!
//! The special-equipment plugin (domain `special_equipment`) for units that
//! use special equipment. It encodes (RULES.md §9, §6.5, §6.6):
//!
//! - **特种设备安全法** (主席令第四号): the eight categories (Art. 2); the
//!   request for periodic inspection one month before expiry (Art. 40);
//!   penalties of Arts. 83, 84, 86 and 89.
//! - **特种设备安全监察条例** (2009) Art. 99: the scope thresholds ([`scope`]).
//! - **TSG 21-2016**: pressure-vessel intervals by safety grade; other
//!   intervals configurable ([`duties`], [`Config`]).
//! - **SAMR Order 57**: key units (Art. 9), major violations (Art. 24) and
//!   serious hazards (Art. 25) as risk factors. Order 57 defines the
//!   factors, not a score: the grade scheme is this plugin's own
//!   ([`grading`]).
//! - **刑法** Arts. 134, 135 and 134之一 with 法释〔2015〕22号 Art. 6 thresholds
//!   and Art. 7's aggravated band (its money figure UNCONFIRMED, configurable),
//!   and the accident grade of **国务院令第493号** Art. 3 ([`referral`]).

pub mod catalogue;
pub mod cite;
pub mod config;
pub mod duties;
pub mod grading;
pub mod referral;
pub mod scope;

use jianguan_plugin::{
    DutyBatch, FactTable, GradeBatch, Plugin, PluginDescription, PluginError, ReferralAssessment,
};

pub use config::Config;

/// The plugin: an opened, validated configuration.
#[derive(Debug, Clone)]
pub struct SpecialEquipment {
    config: Config,
}

impl Plugin for SpecialEquipment {
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

jianguan_plugin::export_plugin!(SpecialEquipment);
