//! Figures RULES.md leaves UNCONFIRMED, configurable with its defaults.

use jianguan_plugin::PluginError;
use serde::{Deserialize, Serialize};

use jianguan_plugin_rules::production_safety::validate_aggravated_loss;

/// The plugin's configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Direct loss (CNY) of the aggravated band (情节特别恶劣 / 后果特别严重)
    /// of 法释〔2015〕22号 Art. 7 item (二), reported in Art. 136 findings.
    /// UNCONFIRMED: the item was cut off in the excerpts read; RULES §6.5
    /// believes 500万元以上，负事故主要责任. Default 5,000,000.
    pub aggravated_direct_loss_cny: f64,
    /// Months between the technical lead's targeted checks of each major
    /// hazard under 《危险化学品企业重大危险源安全包保责任制办法（试行）》.
    /// UNCONFIRMED: one secondary source (RULES §10.2, tegots.com) says at
    /// least once per quarter. Default 3.
    pub technical_lead_check_months: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            aggravated_direct_loss_cny: 5_000_000.0,
            technical_lead_check_months: 3,
        }
    }
}

impl Config {
    /// Checks the figures.
    ///
    /// # Errors
    /// `InvalidConfig` naming the field.
    pub fn validate(&self) -> Result<(), PluginError> {
        validate_aggravated_loss(self.aggravated_direct_loss_cny)?;
        if !(1..=12).contains(&self.technical_lead_check_months) {
            return Err(PluginError::invalid_config(format!(
                "`technical_lead_check_months` = {} must be 1–12",
                self.technical_lead_check_months
            )));
        }
        Ok(())
    }
}
