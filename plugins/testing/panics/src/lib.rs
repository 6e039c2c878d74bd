//! Test fixture: a plugin that panics inside its entry points. The export
//! macro must turn each panic into an error value for the host.

use jianguan_plugin::{DutyBatch, FactTable, GradeBatch, Plugin, PluginError, ReferralAssessment};
use serde::{Deserialize, Serialize};

/// The fixture plugin.
#[derive(Debug)]
pub struct Panics;

/// Configuration: whether `open` panics.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Panic in `open`.
    pub panic_on_open: bool,
}

impl Plugin for Panics {
    type Config = Config;

    fn describe() -> jianguan_plugin::PluginDescription {
        jianguan_plugin::fixtures::minimal_description("testing_panics")
    }

    fn open(config: Config) -> Result<Self, PluginError> {
        if config.panic_on_open {
            panic!("fixture: open panicked on purpose");
        }
        Ok(Self)
    }

    fn grade(&self, _: &FactTable) -> Result<GradeBatch, PluginError> {
        panic!("fixture: grade panicked on purpose")
    }

    fn duties(&self, _: &FactTable, _: i32) -> Result<DutyBatch, PluginError> {
        let message = String::from("fixture: duties panicked with a String");
        std::panic::panic_any(message)
    }

    fn assess_referral(&self, _: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
        std::panic::panic_any(42_u32)
    }
}

jianguan_plugin::export_plugin!(Panics);
