//! Dated duties:
//!
//! - the next inspection, only for categories with a national rule (see
//!   [`crate::grading::Schedule`]):
//!   - calendar rules ("每年至少检查一次", "≥1 per quarter"): each calendar
//!     period (year, quarter) needs one inspection. The first period not yet
//!     covered is the one after the period of the last inspection, or, with
//!     no inspection yet, the period in which the licence was granted; the
//!     duty falls due on that period's last day (31 December for a year;
//!     31 March, 30 June, 30 September, 31 December for quarters). So an
//!     inspection in the current period moves the duty to the end of the
//!     next period, and an enterprise is overdue only when a whole period
//!     has ended without an inspection;
//!   - rolling rules ("within 3 / 5 years"): due one period after the last
//!     inspection, or after the licence date when there has been none;
//! - the device quality-system self-inspection report for a year, due
//!   31 March of the next year (Order 53 Art. 45 for registrants, filers
//!   and contract makers; Order 54 Art. 44 for traders).

use jianguan_plugin::{CivilDate, Duty, DutyBatch, FactTable, PluginError, RVec, Reason};

use crate::{
    cite,
    config::DrugsConfig,
    grading::{self, GRADE_LABELS, Schedule},
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
        if let Some(schedule) = grading::schedule(config, category) {
            let (due, detail) = next_inspection(schedule, last.date(row), licence);
            let (citation, _) = grading::frequency_rule(config, category);
            let days = due.to_days();
            duties.push(Duty {
                code: NEXT_INSPECTION.into(),
                due: days,
                overdue: days < as_of,
                reason: Reason::new(
                    citation,
                    format!(
                        "{}：{}；{detail}",
                        GRADE_LABELS[grading::grade_of(category)],
                        grading::schedule_text(schedule)
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

/// The due date of the next inspection and how it was found.
pub fn next_inspection(
    schedule: Schedule,
    last: Option<CivilDate>,
    licence: CivilDate,
) -> (CivilDate, String) {
    match schedule {
        Schedule::Calendar(months) => {
            let (due, detail) = match last {
                Some(d) => {
                    let (start, end) = calendar_period(d, months);
                    let next_start = start.add_months(months as i32);
                    let (_, due) = calendar_period(next_start, months);
                    (
                        due,
                        format!(
                            "最近一次检查 {d} 在 {start}–{end} 周期内，下一周期 {next_start}–{due} 内应当检查，即 {due} 前"
                        ),
                    )
                }
                None => {
                    let (start, due) = calendar_period(licence, months);
                    (
                        due,
                        format!(
                            "尚无检查：取得许可 {licence} 所在周期 {start}–{due} 内应当检查，即 {due} 前"
                        ),
                    )
                }
            };
            (due, detail)
        }
        Schedule::Rolling(months) => {
            let (base, what) = match last {
                Some(d) => (d, "最近一次检查"),
                None => (licence, "取得许可（尚无检查）"),
            };
            let due = base.add_months(months as i32);
            (due, format!("{what} {base} + {months} 个月 = {due}"))
        }
    }
}

/// The first and last day of the calendar period of `months` months
/// (a divisor of 12, counted from 1 January) that contains `date`.
pub fn calendar_period(date: CivilDate, months: u32) -> (CivilDate, CivilDate) {
    let first_month = (date.month - 1) / months * months + 1;
    let start = CivilDate {
        year: date.year,
        month: first_month,
        day: 1,
    };
    let end = CivilDate::from_days(start.add_months(months as i32).to_days() - 1);
    (start, end)
}
