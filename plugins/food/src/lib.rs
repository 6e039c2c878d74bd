//! # jianguan-food
//!
//! The food industry plugin of jianguan (domain `food`; industries
//! `food_production`, `food_sales`, `catering`). It encodes:
//!
//! - 食品生产经营监督检查管理办法 (国家市场监督管理总局令第49号, in force
//!   2022-03-15): risk levels A–D (第二十一条, named by the grades), the two-year full-coverage
//!   inspection and the mandatory key inspection targets (第二十二条), the
//!   check points of 第十五、十七、十八、二十条, the six label-flaw situations
//!   (第三十七条), and the penalties of 第四十八、四十九、五十一条;
//! - the CFDA 2016 食品生产经营风险分级管理办法（试行） score model (static
//!   40 + dynamic 60 points) and minimum frequencies per level; its level
//!   cut-offs (30/45/60) are UNCONFIRMED and configurable ([`FoodConfig`]);
//! - the criminal thresholds of 刑法 第一百四十、一百四十三、一百四十四、
//!   一百四十九条, the 2021 food interpretation (法释〔2021〕24号) Arts. 1–4,
//!   6–9, 24, 25 (Art. 4 "后果特别严重" and Art. 8 "其他特别严重情节" by
//!   deaths, disability, injury and poisoning counts), and the police filing
//!   standard (一) Art. 16 (5万 / 15万 / ×3).
//!
//! Not encoded: publishing results within 20 working days (Order 49
//! Art. 39), which needs a holiday calendar (see [`duties`]).

mod catalogue;
pub mod cite;
mod config;
pub mod duties;
pub mod grading;
pub mod referral;
mod schema;

pub use catalogue::{GRADE_LABELS, V_LABEL_FLAW, V_OBSTRUCTION, V_RESULT_SHEET};
pub use config::{FoodConfig, FrequencyBand};

use jianguan_plugin::{
    DutyBatch, FactTable, GradeBatch, Plugin, PluginDescription, PluginError, ReferralAssessment,
};

/// The food plugin: an opened instance with its configuration.
#[derive(Debug, Clone)]
pub struct FoodPlugin {
    config: FoodConfig,
}

impl FoodPlugin {
    /// The configuration in effect.
    pub fn config(&self) -> &FoodConfig {
        &self.config
    }
}

impl Plugin for FoodPlugin {
    type Config = FoodConfig;

    fn describe() -> PluginDescription {
        catalogue::describe()
    }

    fn open(config: FoodConfig) -> Result<Self, PluginError> {
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

jianguan_plugin::export_plugin!(FoodPlugin);
