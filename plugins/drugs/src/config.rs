//! Figures the sources leave open, with the defaults RULES.md §8.1 gives.

use jianguan_plugin::PluginError;
use serde::{Deserialize, Serialize};

/// The drugs plugin's configuration: the drug-maker inspection intervals
/// (药品生产监督管理办法 Art. 55; 药品检查管理办法（试行）), all recalled from
/// memory in RULES.md §8.1 and so UNCONFIRMED. The device key-product
/// interval (Order 53 Art. 49, "每年至少检查一次") is read in the text and is
/// not configurable.
///
/// The first two are calendar periods ("per quarter", "per year": one
/// inspection in each period counted from 1 January), so they must divide
/// 12; the last two are rolling coverage periods ("within 3 / 5 years").
/// See [`crate::grading::Schedule`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DrugsConfig {
    /// Calendar period (months from 1 January; a divisor of 12) in which
    /// makers of narcotics, class-I psychotropics and drug-type precursor
    /// chemicals need at least one inspection. UNCONFIRMED (RULES.md §8.1,
    /// "≥1 per quarter", from memory); default 3 (each calendar quarter).
    pub special_control_maker_months: u32,
    /// Calendar period (months from 1 January; a divisor of 12) in which
    /// makers of vaccines, blood products, radioactive, toxic and sterile
    /// drugs need at least one GMP compliance check. UNCONFIRMED (RULES.md
    /// §8.1, "≥1 per year", from memory); default 12 (each calendar year).
    pub high_risk_maker_months: u32,
    /// Months within which every other drug maker is covered, counted from
    /// the last inspection (rolling). UNCONFIRMED (RULES.md §8.1, "all
    /// covered within 3 years"); default 36.
    pub other_maker_months: u32,
    /// Months within which every API, excipient and packaging supplier is
    /// covered, counted from the last inspection (rolling). UNCONFIRMED
    /// (RULES.md §8.1, "all within 5 years"); default 60.
    pub material_supplier_months: u32,
}

impl Default for DrugsConfig {
    fn default() -> Self {
        Self {
            special_control_maker_months: 3,
            high_risk_maker_months: 12,
            other_maker_months: 36,
            material_supplier_months: 60,
        }
    }
}

impl DrugsConfig {
    /// Checks that each interval is 1–120 months, that the two calendar
    /// periods divide 12, and that stricter categories are inspected at
    /// least as often as laxer ones.
    ///
    /// # Errors
    /// `InvalidConfig` naming the field.
    pub fn validate(&self) -> Result<(), PluginError> {
        let fields = [
            (
                "special_control_maker_months",
                self.special_control_maker_months,
            ),
            ("high_risk_maker_months", self.high_risk_maker_months),
            ("other_maker_months", self.other_maker_months),
            ("material_supplier_months", self.material_supplier_months),
        ];
        for (name, months) in &fields[..2] {
            if !(1..=12).contains(months) || 12 % months != 0 {
                return Err(PluginError::invalid_config(format!(
                    "`{name}` = {months} must be a calendar period dividing the year: 1, 2, 3, 4, 6 or 12 months"
                )));
            }
        }
        let mut previous: Option<(&str, u32)> = None;
        for (name, months) in fields {
            if !(1..=120).contains(&months) {
                return Err(PluginError::invalid_config(format!(
                    "`{name}` = {months} must be 1–120 months"
                )));
            }
            if let Some((before, m)) = previous
                && months < m
            {
                return Err(PluginError::invalid_config(format!(
                    "`{name}` = {months} must not be shorter than `{before}` ({m})"
                )));
            }
            previous = Some((name, months));
        }
        Ok(())
    }
}
