//! Dated duties of hazardous-chemical enterprises.
//!
//! - 危险化学品安全管理条例 Art. 22: an enterprise that produces or stores
//!   hazardous chemicals (and, by Art. 32, one that uses them in production)
//!   has its safety conditions assessed **every 3 years**: due three years
//!   after the last assessment.
//! - 包保 scheme: the technical lead of each major hazard organises a
//!   targeted check at least once per quarter (months configurable,
//!   UNCONFIRMED): due that many months after the last check; with no check
//!   recorded, due on the as-of date.

use jianguan_plugin::{CivilDate, Duty, DutyBatch, FactTable, PluginError, RVec, Reason};

use crate::cite;
use crate::config::Config;

/// Business codes (`business` fact).
pub const BUSINESSES: &[&str] = &["production", "storage", "use_in_production", "trade"];

/// Years between safety assessments (Art. 22).
pub const ASSESSMENT_YEARS: i32 = 3;

/// Duty code: the Art. 22 safety assessment.
pub const SAFETY_ASSESSMENT: &str = "safety-assessment";
/// Duty code: the technical lead's check of a major hazard.
pub const TECH_LEAD_CHECK: &str = "major-hazard-technical-lead-check";

/// Lists each row's duties.
///
/// # Errors
/// `InvalidFacts` for a missing or unknown business, or a producer or
/// storer without a last assessment date.
pub fn duties(config: &Config, facts: &FactTable, as_of: i32) -> Result<DutyBatch, PluginError> {
    let business = facts.texts("business")?;
    let last_assessment = facts.dates("last_safety_assessment")?;
    let major = facts.flags("major_hazard")?;
    let last_check = facts.dates("last_technical_lead_check")?;
    let months = config.technical_lead_check_months as i32;
    let mut rows = RVec::with_capacity(facts.len());
    for row in 0..facts.len() {
        let mut list = RVec::new();
        let kind = business.required(row, "business")?.as_str();
        if !BUSINESSES.contains(&kind) {
            return Err(PluginError::invalid_facts(format!(
                "row {row}: fact `business` is `{kind}`, not one of {}",
                BUSINESSES.join(", ")
            )));
        }
        if kind != "trade" {
            let last = last_assessment.date(row).ok_or_else(|| {
                PluginError::invalid_facts(format!(
                    "row {row}: fact `last_safety_assessment` is missing: a `{kind}` enterprise is assessed every {ASSESSMENT_YEARS} years (条例 Art. 22)"
                ))
            })?;
            let due = last.add_years(ASSESSMENT_YEARS);
            list.push(duty(
                SAFETY_ASSESSMENT,
                due,
                as_of,
                Reason::new(
                    cite::HC_REG_22,
                    format!("上次安全评价 {last} + {ASSESSMENT_YEARS} 年 = {due}：每3年进行一次安全评价并报县级备案"),
                ),
            ));
        }
        if major.is_set(row) {
            let (due, detail) = match last_check.date(row) {
                Some(last) => {
                    let due = last.add_months(months);
                    (
                        due,
                        format!("技术负责人上次排查 {last} + {months} 个月 = {due}"),
                    )
                }
                None => {
                    let today = CivilDate::from_days(as_of);
                    (today, format!("无技术负责人排查记录：{today} 即应排查"))
                }
            };
            list.push(duty(
                TECH_LEAD_CHECK,
                due,
                as_of,
                Reason::new(cite::BAOBAO_TECH_LEAD, detail),
            ));
        }
        rows.push(list);
    }
    Ok(DutyBatch { rows })
}

fn duty(code: &str, due: CivilDate, as_of: i32, reason: Reason) -> Duty {
    let due = due.to_days();
    Duty {
        code: code.into(),
        due,
        overdue: due < as_of,
        reason,
    }
}
