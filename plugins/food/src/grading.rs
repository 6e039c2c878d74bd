//! Risk grading: levels A–D (Order 49 Art. 21) cut from the CFDA 2016 score
//! (static 0–40 + dynamic 0–60), with the level's minimum inspection
//! frequency and the mandatory key inspection of Order 49 Art. 22 para. 2.

use jianguan_plugin::{FactTable, GradeBatch, PluginError, RVec, Reason};

use crate::{
    catalogue::GRADE_LABELS,
    cite,
    config::FoodConfig,
    schema::{self, BusinessType},
};

/// Highest static risk-factor score.
pub const MAX_STATIC: f64 = 40.0;
/// Highest dynamic risk-factor score.
pub const MAX_DYNAMIC: f64 = 60.0;

/// Grades each row.
///
/// # Errors
/// `InvalidFacts` naming the row when a score is missing or out of range or
/// the business type is unknown.
pub fn grade(config: &FoodConfig, facts: &FactTable) -> Result<GradeBatch, PluginError> {
    let business = facts.texts("business_type")?;
    let statics = facts.numbers("static_score")?;
    let dynamics = facts.numbers("dynamic_score")?;
    let mut batch = GradeBatch::with_capacity(facts.len());
    for row in 0..facts.len() {
        let kind = schema::business_type(&business, row, "business_type")?;
        let s = schema::required_in(&statics, row, "static_score", 0.0, MAX_STATIC)?;
        let d = schema::required_in(&dynamics, row, "dynamic_score", 0.0, MAX_DYNAMIC)?;
        let total = s + d;
        let level = level_of(config, total);
        let mut reasons = RVec::with_capacity(4);
        reasons.push(Reason::new(
            cite::CFDA_SCORE_MODEL,
            format!(
                "静态风险因素 {s} 分（满分 {MAX_STATIC}）+ 动态风险因素 {d} 分（满分 {MAX_DYNAMIC}）= 总分 {total}"
            ),
        ));
        reasons.push(Reason::new(
            cite::CFDA_LEVEL_CUTOFFS,
            format!(
                "总分 {total}：{} → {}级风险",
                band_text(config, level, total),
                GRADE_LABELS[level]
            ),
        ));
        let band = config.frequency(level);
        reasons.push(Reason::new(
            cite::CFDA_FREQUENCY,
            match band.max_per_year {
                Some(max) => format!(
                    "{}级：每年监督检查 {}–{} 次",
                    GRADE_LABELS[level], band.min_per_year, max
                ),
                None => format!(
                    "{}级：每年至少监督检查 {} 次",
                    GRADE_LABELS[level], band.min_per_year
                ),
            },
        ));
        if let Some(ground) = key_inspection_ground(kind, level) {
            reasons.push(Reason::new(
                cite::ORDER49_ART22,
                format!("重点监督检查对象：{ground}"),
            ));
        }
        batch.push(level as u32, total, reasons);
    }
    Ok(batch)
}

/// The level (0 = A … 3 = D) of a total score; each cut-off is inclusive.
pub fn level_of(config: &FoodConfig, total: f64) -> usize {
    if total <= config.level_a_max_score {
        0
    } else if total <= config.level_b_max_score {
        1
    } else if total <= config.level_c_max_score {
        2
    } else {
        3
    }
}

fn band_text(config: &FoodConfig, level: usize, total: f64) -> String {
    let (a, b, c) = (
        config.level_a_max_score,
        config.level_b_max_score,
        config.level_c_max_score,
    );
    match level {
        0 => format!("{total} ≤ {a}"),
        1 => format!("{a} < {total} ≤ {b}"),
        2 => format!("{b} < {total} ≤ {c}"),
        _ => format!("{total} > {c}"),
    }
}

/// Why Order 49 Art. 22 para. 2 makes the operator a key inspection target:
/// special-food producers, C and D producers, D operators (sellers and
/// caterers), central kitchens and group-meal distributors.
pub fn key_inspection_ground(kind: BusinessType, level: usize) -> Option<String> {
    let label = GRADE_LABELS[level];
    match kind {
        BusinessType::SpecialFoodProducer => Some("特殊食品生产者".into()),
        BusinessType::CentralKitchen => Some("中央厨房".into()),
        BusinessType::GroupMealDistributor => Some("集体用餐配送单位".into()),
        BusinessType::Producer if level >= 2 => Some(format!("风险等级为{label}级的食品生产者")),
        BusinessType::Seller | BusinessType::Caterer if level == 3 => {
            Some(format!("风险等级为{label}级的食品经营者"))
        }
        _ => None,
    }
}
