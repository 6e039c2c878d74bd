//! Dated duties:
//!
//! - the next inspection, due one interval (see [`crate::grading`]) after
//!   the last inspection, or after the licence date when there has been
//!   none; only for categories with a national interval;
//! - the device quality-system self-inspection report for a year, due
//!   31 March of the next year (Order 53 Art. 45 for registrants, filers
//!   and contract makers; Order 54 Art. 44 for traders).

use jianguan_plugin::{CivilDate, Duty, DutyBatch, FactTable, PluginError, RVec, Reason};

use crate::{
    cite,
    config::DrugsConfig,
    grading::{self, GRADE_LABELS},
    schema::{self, Category},
};

/// Duty code of the next required inspection.
pub const NEXT_INSPECTION: &str = "next-inspection";
/// Duty code of the device annual self-inspection report.
pub const SELF_INSPECTION_REPORT: &str = "device-self-inspection-report";

/// Lists each row's duties as of `as_of` (days since 1970-01-01).
///
/// # Errors
/// `InvalidFacts` naming the row when the category or licence date is
/// missing, or the last report year is out of range.
pub fn duties(
    config: &DrugsConfig,
    facts: &FactTable,
    as_of: i32,
) -> Result<DutyBatch, PluginError> {
    let categories = facts.texts("category")?;
    let licensed = facts.dates("licensed_on")?;
    let last = facts.dates("last_inspection")?;
    let reports = facts.integers("last_self_report_year")?;
    let mut rows = RVec::with_capacity(facts.len());
    for row in 0..facts.len() {
        let category = schema::category(&categories, row)?;
        let licence = CivilDate::from_days(*licensed.required(row, "licensed_on")?);
        let mut duties = RVec::with_capacity(2);
        if let Some(months) = grading::interval_months(config, category) {
            let (base, what) = match last.date(row) {
                Some(d) => (d, "最近一次检查"),
                None => (licence, "取得许可（尚无检查）"),
            };
            let due = base.add_months(months as i32);
            let (citation, _) = grading::frequency_rule(config, category);
            let days = due.to_days();
            duties.push(Duty {
                code: NEXT_INSPECTION.into(),
                due: days,
                overdue: days < as_of,
                reason: Reason::new(
                    citation,
                    format!(
                        "{}：{what} {base} + {months} 个月 = {due}",
                        GRADE_LABELS[grading::grade_of(category)]
                    ),
                ),
            });
        }
        if category.is_device() {
            let year = match reports.get(row) {
                Some(&y) if (1900..=9998).contains(&y) => y as i32 + 1,
                Some(&y) => {
                    return Err(PluginError::invalid_facts(format!(
                        "row {row}: fact `last_self_report_year` = {y} is not a year"
                    )));
                }
                None => licence.year,
            };
            let due = CivilDate::new(year + 1, 3, 31)
                .ok_or_else(|| PluginError::internal("31 March does not exist"))?;
            let citation = if category == Category::DeviceTrader {
                cite::ORDER54_ART44
            } else {
                cite::ORDER53_ART45
            };
            let days = due.to_days();
            duties.push(Duty {
                code: SELF_INSPECTION_REPORT.into(),
                due: days,
                overdue: days < as_of,
                reason: Reason::new(
                    citation,
                    format!("{year} 年度质量管理体系自查报告：次年 3 月 31 日前提交，即 {due} 前"),
                ),
            });
        }
        rows.push(duties);
    }
    Ok(DutyBatch { rows })
}
