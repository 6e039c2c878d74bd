//! Figures the sources leave open, with the defaults RULES.md §7.2 gives.

use jianguan_plugin::PluginError;
use serde::{Deserialize, Serialize};

/// Minimum (and where set, maximum) inspections per year for one level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrequencyBand {
    /// Minimum inspections per year.
    pub min_per_year: f64,
    /// Maximum inspections per year, when the scheme sets one.
    pub max_per_year: Option<f64>,
}

impl FrequencyBand {
    const fn new(min_per_year: f64, max_per_year: Option<f64>) -> Self {
        Self {
            min_per_year,
            max_per_year,
        }
    }
}

/// The food plugin's configuration.
///
/// Level cut-offs apply to the total score (static 0–40 + dynamic 0–60):
/// total ≤ `level_a_max_score` → A; ≤ `level_b_max_score` → B;
/// ≤ `level_c_max_score` → C; above → D. RULES.md recalls
/// "0–30 (inclusive) → A; 30–45 → B; 45–60 → C; >60 → D"; each upper bound
/// is read as inclusive, since only ">60" is named as D.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FoodConfig {
    /// Highest total score graded A (inclusive). UNCONFIRMED: recalled
    /// figure of the CFDA 2016 scheme (食药监食监一〔2016〕115号), RULES.md §7.2;
    /// default 30.
    pub level_a_max_score: f64,
    /// Highest total score graded B (inclusive). UNCONFIRMED, as above;
    /// default 45.
    pub level_b_max_score: f64,
    /// Highest total score graded C (inclusive); higher is D. UNCONFIRMED,
    /// as above; default 60.
    pub level_c_max_score: f64,
    /// Inspections per year for level A. CORROBORATED (CFDA 2016 scheme,
    /// two news sources, RULES.md §7.2), configurable as a local policy
    /// table; default at least 1.
    pub frequency_a: FrequencyBand,
    /// Inspections per year for level B. CORROBORATED, as above; default 1–2.
    pub frequency_b: FrequencyBand,
    /// Inspections per year for level C. CORROBORATED, as above; default 2–3.
    pub frequency_c: FrequencyBand,
    /// Inspections per year for level D. CORROBORATED, as above; default 3–4.
    pub frequency_d: FrequencyBand,
}

impl Default for FoodConfig {
    fn default() -> Self {
        Self {
            level_a_max_score: 30.0,
            level_b_max_score: 45.0,
            level_c_max_score: 60.0,
            frequency_a: FrequencyBand::new(1.0, None),
            frequency_b: FrequencyBand::new(1.0, Some(2.0)),
            frequency_c: FrequencyBand::new(2.0, Some(3.0)),
            frequency_d: FrequencyBand::new(3.0, Some(4.0)),
        }
    }
}

/// The total score range: 40 static + 60 dynamic points.
pub const MAX_TOTAL_SCORE: f64 = 100.0;

impl FoodConfig {
    /// The frequency band of level `level` (0 = A … 3 = D).
    pub fn frequency(&self, level: usize) -> FrequencyBand {
        [
            self.frequency_a,
            self.frequency_b,
            self.frequency_c,
            self.frequency_d,
        ][level]
    }

    /// Checks that the cut-offs increase within 0–100 and that each
    /// frequency band is positive with max ≥ min.
    ///
    /// # Errors
    /// `InvalidConfig` naming the field.
    pub fn validate(&self) -> Result<(), PluginError> {
        let cuts = [
            ("level_a_max_score", self.level_a_max_score),
            ("level_b_max_score", self.level_b_max_score),
            ("level_c_max_score", self.level_c_max_score),
        ];
        let mut previous = ("0", 0.0);
        for (name, value) in cuts {
            if !value.is_finite() || value <= previous.1 || value >= MAX_TOTAL_SCORE {
                return Err(PluginError::invalid_config(format!(
                    "`{name}` = {value} must be finite, above `{}` ({}) and below {MAX_TOTAL_SCORE}",
                    previous.0, previous.1
                )));
            }
            previous = (name, value);
        }
        let bands = [
            ("frequency_a", self.frequency_a),
            ("frequency_b", self.frequency_b),
            ("frequency_c", self.frequency_c),
            ("frequency_d", self.frequency_d),
        ];
        for (name, band) in bands {
            if !band.min_per_year.is_finite() || band.min_per_year <= 0.0 {
                return Err(PluginError::invalid_config(format!(
                    "`{name}.min_per_year` = {} must be a positive number",
                    band.min_per_year
                )));
            }
            if let Some(max) = band.max_per_year
                && (!max.is_finite() || max < band.min_per_year)
            {
                return Err(PluginError::invalid_config(format!(
                    "`{name}.max_per_year` = {max} must be at least `min_per_year` ({})",
                    band.min_per_year
                )));
            }
        }
        Ok(())
    }
}
