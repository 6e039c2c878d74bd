//! Figures RULES.md leaves UNCONFIRMED, configurable with its defaults.

use jianguan_plugin::PluginError;
use serde::{Deserialize, Serialize};

use jianguan_plugin_rules::production_safety::validate_aggravated_loss;

/// The plugin's configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Direct loss (CNY) of 法释〔2015〕22号 Art. 7 item (二)'s aggravated
    /// band, reported in accident findings. UNCONFIRMED: cut off in the
    /// excerpts read; RULES §6.5 believes 500万元以上. Default 5,000,000.
    pub aggravated_direct_loss_cny: f64,
    /// Months between elevator periodic inspections. UNCONFIRMED: TSG
    /// T7001-2009 was yearly; the 2023 reform varies it by age (RULES §9.3).
    /// Default 12.
    pub elevator_interval_months: u32,
    /// Years between gas-cylinder inspections for corrosive gases.
    /// CORROBORATED in RULES §9.3, but the TSG text was not read. Default 2.
    pub gas_cylinder_corrosive_years: u32,
    /// Years for general gases (as above). Default 3.
    pub gas_cylinder_general_years: u32,
    /// Years for inert gases (as above). Default 5.
    pub gas_cylinder_inert_years: u32,
    /// Months for lifting machinery other than bridge and gantry cranes
    /// (tower cranes, hoists, mobile cranes). UNCONFIRMED (RULES §9.3:
    /// "每年1次"). Default 12.
    pub lifting_interval_months: u32,
    /// Months for bridge and gantry cranes. UNCONFIRMED (RULES §9.3:
    /// "每2年1次"). Default 24.
    pub bridge_gantry_crane_interval_months: u32,
    /// Months for passenger ropeways. UNCONFIRMED (RULES §9.3). Default 12.
    pub ropeway_interval_months: u32,
    /// Months for large amusement rides. UNCONFIRMED (RULES §9.3). Default 12.
    pub amusement_ride_interval_months: u32,
    /// Months for on-site special motor vehicles. UNCONFIRMED (RULES §9.3).
    /// Default 12.
    pub site_vehicle_interval_months: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            aggravated_direct_loss_cny: 5_000_000.0,
            elevator_interval_months: 12,
            gas_cylinder_corrosive_years: 2,
            gas_cylinder_general_years: 3,
            gas_cylinder_inert_years: 5,
            lifting_interval_months: 12,
            bridge_gantry_crane_interval_months: 24,
            ropeway_interval_months: 12,
            amusement_ride_interval_months: 12,
            site_vehicle_interval_months: 12,
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
        let months = [
            ("elevator_interval_months", self.elevator_interval_months),
            ("lifting_interval_months", self.lifting_interval_months),
            (
                "bridge_gantry_crane_interval_months",
                self.bridge_gantry_crane_interval_months,
            ),
            ("ropeway_interval_months", self.ropeway_interval_months),
            (
                "amusement_ride_interval_months",
                self.amusement_ride_interval_months,
            ),
            (
                "site_vehicle_interval_months",
                self.site_vehicle_interval_months,
            ),
        ];
        for (name, value) in months {
            if !(1..=120).contains(&value) {
                return Err(PluginError::invalid_config(format!(
                    "`{name}` = {value} must be 1–120 months"
                )));
            }
        }
        let years = [
            (
                "gas_cylinder_corrosive_years",
                self.gas_cylinder_corrosive_years,
            ),
            (
                "gas_cylinder_general_years",
                self.gas_cylinder_general_years,
            ),
            ("gas_cylinder_inert_years", self.gas_cylinder_inert_years),
        ];
        for (name, value) in years {
            if !(1..=10).contains(&value) {
                return Err(PluginError::invalid_config(format!(
                    "`{name}` = {value} must be 1–10 years"
                )));
            }
        }
        Ok(())
    }
}
