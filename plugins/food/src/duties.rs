//! Dated duties of the regulator towards each operator:
//!
//! - the full-coverage inspection every two years (Order 49 Art. 22 para. 1),
//!   due two years after the last inspection covering every check point, or
//!   after the licence date when there has been none;
//! - the level's minimum number of routine inspections in the calendar
//!   year of the as-of date (CFDA 2016 scheme), due 31 December, listed only
//!   while the count is short.
//!
//! Not encoded: publishing the result within 20 working days (Order 49
//! Art. 39). Counting working days needs the State Council holiday and
//! make-up-day calendar, which the SDK has and plugins do not; a plugin
//! that skipped only weekends would give wrong dates around every holiday.

use jianguan_plugin::{CivilDate, Duty, DutyBatch, FactTable, PluginError, RVec, Reason};

use crate::{catalogue::GRADE_LABELS, cite, config::FoodConfig, schema};

/// Duty code of the two-year full-coverage inspection.
pub const FULL_COVERAGE: &str = "full-coverage-inspection";
/// Duty code of the yearly minimum routine inspections.
pub const ANNUAL_MINIMUM: &str = "annual-minimum-inspections";

/// Lists each row's duties as of `as_of` (days since 1970-01-01).
///
/// # Errors
/// `InvalidFacts` naming the row when the licence date is missing, the
/// level is unknown, or a level is given without the year's count.
pub fn duties(
    config: &FoodConfig,
    facts: &FactTable,
    as_of: i32,
) -> Result<DutyBatch, PluginError> {
    let licensed = facts.dates("licensed_on")?;
    let last_full = facts.dates("last_full_inspection")?;
    let levels = facts.texts("risk_level")?;
    let counts = facts.integers("inspections_this_year")?;
    let year_end = CivilDate::new(CivilDate::from_days(as_of).year, 12, 31)
        .map(CivilDate::to_days)
        .ok_or_else(|| PluginError::internal("31 December does not exist"))?;
    let mut rows = RVec::with_capacity(facts.len());
    for row in 0..facts.len() {
        let mut duties = RVec::with_capacity(2);
        let licence = *licensed.required(row, "licensed_on")?;
        let (base, what) = match last_full.get(row) {
            Some(&d) => (d, "最近一次全项监督检查"),
            None => (licence, "取得许可（尚无全项检查）"),
        };
        let base_date = CivilDate::from_days(base);
        let due = base_date.add_years(2).to_days();
        duties.push(Duty {
            code: FULL_COVERAGE.into(),
            due,
            overdue: due < as_of,
            reason: Reason::new(
                cite::ORDER49_ART22,
                format!(
                    "每两年至少一次覆盖全部检查要点的监督检查：{what} {base_date} + 2 年 = {}",
                    CivilDate::from_days(due)
                ),
            ),
        });
        if let Some(level) = schema::level(&levels, row, "risk_level")? {
            let done = match counts.get(row) {
                Some(&n) if n >= 0 => n,
                Some(&n) => {
                    return Err(PluginError::invalid_facts(format!(
                        "row {row}: fact `inspections_this_year` = {n} is negative"
                    )));
                }
                None => {
                    return Err(PluginError::invalid_facts(format!(
                        "row {row}: fact `inspections_this_year` is missing (required with `risk_level`)"
                    )));
                }
            };
            let min = config.frequency(level).min_per_year;
            if (done as f64) < min {
                duties.push(Duty {
                    code: ANNUAL_MINIMUM.into(),
                    due: year_end,
                    overdue: year_end < as_of,
                    reason: Reason::new(
                        cite::CFDA_FREQUENCY,
                        format!(
                            "{}级每年至少检查 {min} 次，本年度已检查 {done} 次，年底 {} 前尚需 {} 次",
                            GRADE_LABELS[level],
                            CivilDate::from_days(year_end),
                            (min - done as f64).ceil()
                        ),
                    ),
                });
            }
        }
        rows.push(duties);
    }
    Ok(DutyBatch { rows })
}
