//! Periodic-inspection duties of each piece of equipment.
//!
//! The expiry of the current inspection is `inspection_expiry` when given
//! (it is on the certificate); otherwise it is computed from the last
//! inspection:
//!
//! - fixed pressure vessels (TSG 21-2016, CORROBORATED): first inspection
//!   within 3 years of entering service (non-metallic: 1 year); then by
//!   safety grade — metallic: 1–2 every 6 years; 3 every 3–6 years and 4
//!   monitored use at an interval of 1–3 years, both "set by the inspection
//!   body", so `interval_years` is required for them (no default is
//!   guessed); grade 4's monitored use is capped at 3 years in total,
//!   counted from `monitored_use_since` (when not given, from the last
//!   inspection, which is taken to be the one that rated it grade 4):
//!   due = min(last + interval, since + 3 years); 5 stop use.
//!   Non-metallic: 1 every 3 years, 2 every 2 years, 3 monitored use for
//!   at most 1 year, 4 only for other suitable media and at most 1 year
//!   (the cap is the due date; a shorter interval set by the body goes in
//!   `inspection_expiry`), 5 stop use;
//! - gas cylinders, elevators, lifting machinery, ropeways, amusement rides
//!   and site vehicles: the configured intervals (RULES §9.3);
//! - boilers, pressure piping and hyperbaric chambers: no interval is
//!   encoded, so `inspection_expiry` is required.
//!
//! Duties: `periodic-inspection-request` one month before expiry
//! (特种设备安全法 Art. 40: "届满前一个月"; a day the month lacks becomes
//! its last day, so expiry 2026-03-31 → 2026-02-28), and
//! `periodic-inspection` at expiry (uninspected equipment may not be used).
//! A grade-5 pressure vessel gets `stop-use` instead, due at its last
//! inspection.

use jianguan_plugin::{CivilDate, Duty, DutyBatch, FactTable, PluginError, RVec, Reason};

use crate::cite;
use crate::config::Config;
use crate::scope;

/// Duty code: request the periodic inspection (Art. 40).
pub const REQUEST: &str = "periodic-inspection-request";
/// Duty code: the periodic inspection itself, at expiry.
pub const INSPECTION: &str = "periodic-inspection";
/// Duty code: stop use (safety grade 5).
pub const STOP_USE: &str = "stop-use";

enum Due {
    Expiry(CivilDate, Reason),
    StopUse(CivilDate, Reason),
}

/// Lists each row's duties.
///
/// # Errors
/// `InvalidFacts` naming the fact the category's rule needs.
pub fn duties(config: &Config, facts: &FactTable, as_of: i32) -> Result<DutyBatch, PluginError> {
    let category = facts.texts("category")?;
    let kind = facts.texts("kind")?;
    let expiry = facts.dates("inspection_expiry")?;
    let last = facts.dates("last_inspection")?;
    let since = facts.dates("in_service_since")?;
    let safety_grade = facts.integers("safety_grade")?;
    let interval = facts.integers("interval_years")?;
    let non_metallic = facts.flags("non_metallic")?;
    let monitored_since = facts.dates("monitored_use_since")?;
    let mut rows = RVec::with_capacity(facts.len());
    for row in 0..facts.len() {
        let cat = category.required(row, "category")?.as_str();
        let k = scope::check_kind(row, cat, kind.get(row).map(|k| k.as_str()))?;
        let missing = |name: &str, why: &str| {
            PluginError::invalid_facts(format!("row {row}: fact `{name}` is missing: {why}"))
        };
        let due = if let Some(exp) = expiry.date(row) {
            Due::Expiry(
                exp,
                Reason::new(cite::SE_LAW_40, format!("检验合格有效期届满 {exp}")),
            )
        } else {
            let from_last = |months: u32, what: &str| -> Result<Due, PluginError> {
                let l = last
                    .date(row)
                    .ok_or_else(|| missing("last_inspection", "the interval counts from it"))?;
                let exp = l.add_months(months as i32);
                Ok(Due::Expiry(
                    exp,
                    Reason::new(
                        cite::OTHER_INTERVALS,
                        format!("{what}：上次检验 {l} + {months} 个月 = {exp}（周期可配置）"),
                    ),
                ))
            };
            match (cat, k) {
                ("pressure_vessel", Some("vessel")) => pressure_vessel(
                    row,
                    Vessel {
                        last: last.date(row),
                        since: since.date(row),
                        grade: safety_grade.get(row).copied(),
                        interval: interval.get(row).copied(),
                        monitored_since: monitored_since.date(row),
                        non_metallic: non_metallic.is_set(row),
                    },
                )?,
                ("gas_cylinder", Some(gas)) => {
                    let (years, what) = match gas {
                        "corrosive_gas" => {
                            (config.gas_cylinder_corrosive_years, "盛装腐蚀性气体的气瓶")
                        }
                        "inert_gas" => (config.gas_cylinder_inert_years, "盛装惰性气体的气瓶"),
                        _ => (config.gas_cylinder_general_years, "盛装一般气体的气瓶"),
                    };
                    from_last(years * 12, what)?
                }
                ("elevator", _) => from_last(config.elevator_interval_months, "电梯")?,
                ("lifting", Some("bridge_gantry_crane")) => from_last(
                    config.bridge_gantry_crane_interval_months,
                    "桥式、门式起重机",
                )?,
                ("lifting", _) => from_last(config.lifting_interval_months, "起重机械")?,
                ("ropeway", _) => from_last(config.ropeway_interval_months, "客运索道")?,
                ("amusement_ride", _) => {
                    from_last(config.amusement_ride_interval_months, "大型游乐设施")?
                }
                ("site_vehicle", _) => from_last(
                    config.site_vehicle_interval_months,
                    "场（厂）内专用机动车辆",
                )?,
                _ => {
                    return Err(missing(
                        "inspection_expiry",
                        &format!(
                            "no inspection interval is encoded for `{}`",
                            k.unwrap_or(cat)
                        ),
                    ));
                }
            }
        };
        let mut list = RVec::new();
        match due {
            Due::Expiry(exp, reason) => {
                let remind = exp.add_months(-1);
                list.push(duty(
                    REQUEST,
                    remind,
                    as_of,
                    Reason::new(
                        cite::SE_LAW_40,
                        format!("有效期届满 {exp} 前一个月，即 {remind} 前，向特种设备检验机构提出定期检验要求"),
                    ),
                ));
                list.push(duty(INSPECTION, exp, as_of, reason));
            }
            Due::StopUse(date, reason) => list.push(duty(STOP_USE, date, as_of, reason)),
        }
        rows.push(list);
    }
    Ok(DutyBatch { rows })
}

/// The pressure-vessel facts of one row.
struct Vessel {
    last: Option<CivilDate>,
    since: Option<CivilDate>,
    grade: Option<i64>,
    interval: Option<i64>,
    monitored_since: Option<CivilDate>,
    non_metallic: bool,
}

/// Metallic grade 4: cumulative monitored use at most this many years.
pub const MONITORED_USE_CAP_YEARS: i32 = 3;

/// TSG 21-2016 for a fixed pressure vessel.
fn pressure_vessel(row: usize, v: Vessel) -> Result<Due, PluginError> {
    let non_metallic = v.non_metallic;
    let cite = if non_metallic {
        cite::TSG21_NON_METAL
    } else {
        cite::TSG21_METAL
    };
    let material = if non_metallic {
        "非金属压力容器"
    } else {
        "金属压力容器"
    };
    let Some(last) = v.last else {
        let since = v.since.ok_or_else(|| {
            PluginError::invalid_facts(format!(
                "row {row}: fact `in_service_since` is missing: a vessel never inspected counts from it"
            ))
        })?;
        let years = if non_metallic { 1 } else { 3 };
        let exp = since.add_years(years);
        return Ok(Due::Expiry(
            exp,
            Reason::new(
                cite,
                format!("{material}投用 {since} 后 {years} 年内首次定期检验：{exp}"),
            ),
        ));
    };
    let grade = v.grade.ok_or_else(|| {
        PluginError::invalid_facts(format!(
            "row {row}: fact `safety_grade` is missing: the interval depends on it"
        ))
    })?;
    // The interval rule of the grade.
    enum Rule {
        /// A fixed number of years.
        Fixed(i64),
        /// Years the inspection body sets, within a range (required).
        SetByBody(i64, i64),
        /// At most this many years (the cap is the due date).
        AtMost(i64),
    }
    let (rule, how) = match (non_metallic, grade) {
        (_, 5) => {
            return Ok(Due::StopUse(
                last,
                Reason::new(
                    cite,
                    format!("安全状况等级5级（{last} 检验）：对缺陷进行处理，否则不得继续使用"),
                ),
            ));
        }
        (false, 1 | 2) => (Rule::Fixed(6), ""),
        (false, 3) => (Rule::SetByBody(3, 6), "由检验机构确定"),
        (false, 4) => (
            Rule::SetByBody(1, 3),
            "监控使用，由检验机构确定，累计监控使用不超过3年",
        ),
        (true, 1) => (Rule::Fixed(3), ""),
        (true, 2) => (Rule::Fixed(2), ""),
        (true, 3) => (Rule::AtMost(1), "监控使用，不超过1年"),
        (true, 4) => (
            Rule::AtMost(1),
            "仅限用于盛装其他适合的介质，监控使用不超过1年",
        ),
        _ => {
            return Err(PluginError::invalid_facts(format!(
                "row {row}: fact `safety_grade` is {grade}, not 1–5"
            )));
        }
    };
    let (min, max) = match rule {
        Rule::Fixed(y) => (y, y),
        Rule::SetByBody(a, b) => (a, b),
        Rule::AtMost(y) => (y, y),
    };
    let allowed = match rule {
        Rule::Fixed(y) => format!("{y} years"),
        Rule::SetByBody(a, b) => format!("{a}–{b} years"),
        Rule::AtMost(y) => {
            format!("at most {y} year(s); a shorter interval goes in `inspection_expiry`")
        }
    };
    let years = match (v.interval, &rule) {
        (Some(y), _) if (min..=max).contains(&y) => y,
        (Some(y), _) => {
            return Err(PluginError::invalid_facts(format!(
                "row {row}: fact `interval_years` is {y}; a grade-{grade} {material} allows {allowed}"
            )));
        }
        (None, Rule::SetByBody(..)) => {
            return Err(PluginError::invalid_facts(format!(
                "row {row}: fact `interval_years` is missing: a grade-{grade} {material}'s interval ({min}–{max} years) is set by the inspection body"
            )));
        }
        (None, _) => max,
    };
    let range = match rule {
        Rule::SetByBody(..) => format!("{min}–{max} 年"),
        Rule::AtMost(y) => format!("不超过 {y} 年"),
        Rule::Fixed(y) => format!("{y} 年"),
    };
    let sep = if how.is_empty() { "" } else { "，" };
    let by_interval = last.add_years(years as i32);
    let mut text = format!(
        "{material}安全状况等级{grade}级，周期 {range}{sep}{how}：上次检验 {last} + {years} 年 = {by_interval}"
    );
    let mut exp = by_interval;
    if let (false, 4) = (non_metallic, grade) {
        let (since, whence) = match v.monitored_since {
            Some(s) => (s, "监控使用起始"),
            None => (last, "监控使用起始（未填，按上次检验）"),
        };
        if since > last {
            return Err(PluginError::invalid_facts(format!(
                "row {row}: fact `monitored_use_since` {since} is after `last_inspection` {last}"
            )));
        }
        let cap = since.add_years(MONITORED_USE_CAP_YEARS);
        text.push_str(&format!(
            "；{whence} {since} + {MONITORED_USE_CAP_YEARS} 年 = {cap}"
        ));
        if cap < exp {
            exp = cap;
        }
        text.push_str(&format!("；取较早者 {exp}"));
    }
    Ok(Due::Expiry(exp, Reason::new(cite, text)))
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
