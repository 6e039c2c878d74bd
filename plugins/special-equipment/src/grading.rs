//! Risk grades of special equipment and its using unit.
//!
//! SAMR Order 57 defines the **factors** (key units, Art. 9 items 1–3;
//! major violations, Art. 24; serious accident hazards, Art. 25), not a
//! score. The grade scheme below is this plugin's own, lowest risk first:
//!
//! 0. 目录外 — the equipment is outside the 2009 scope thresholds.
//! 1. 一般 — no factor.
//! 2. 重点单位 — any of Art. 9 items 1–3 (larger share in random checks).
//! 3. 申报逾期 — the Art. 40 request date passed without a request (safety
//!    order with a deadline, Art. 23; 特种设备安全法 Art. 83 item 4).
//! 4. 重大违法 — a major violation (Art. 24): stop the violation.
//! 5. 严重隐患停用 — a serious hazard (Art. 25), including equipment used
//!    past its inspection validity: stop use, seal or seize (Art. 26).
//!
//! The grade is the highest tier met; the score is the number of factors met.

use jianguan_plugin::{FactTable, GradeBatch, PluginError, RVec, Reason};

use crate::cite;
use crate::scope::{self, Measures};

/// Grade indices.
pub mod grade {
    /// Outside the scope thresholds.
    pub const OUT_OF_SCOPE: u32 = 0;
    /// No factor.
    pub const ORDINARY: u32 = 1;
    /// Key unit.
    pub const KEY_UNIT: u32 = 2;
    /// Inspection request overdue.
    pub const REQUEST_OVERDUE: u32 = 3;
    /// Major violation.
    pub const MAJOR_VIOLATION: u32 = 4;
    /// Serious hazard: stop use.
    pub const STOP_USE: u32 = 5;
}

/// Grades every row.
///
/// # Errors
/// `InvalidFacts` for an unknown category or kind, a missing measurement
/// the category needs, or negative counts.
pub fn grade(facts: &FactTable) -> Result<GradeBatch, PluginError> {
    let category = facts.texts("category")?;
    let kind = facts.texts("kind")?;
    let measures = Measures::read(facts)?;
    let public = facts.flags("public_gathering_place")?;
    let accident = facts.flags("accident_liable_within_2_years")?;
    let complaints = facts.flags("many_verified_complaints")?;
    let request_overdue = facts.flags("inspection_request_overdue")?;
    let violations = facts.integers("major_violations")?;
    let hazards = facts.integers("serious_hazards")?;
    let expired = facts.flags("expired_inspection_in_use")?;
    let mut batch = GradeBatch::with_capacity(facts.len());
    for row in 0..facts.len() {
        let mut reasons = RVec::new();
        if let Some(cat) = category.get(row) {
            let k = scope::check_kind(row, cat.as_str(), kind.get(row).map(|k| k.as_str()))?;
            let (ok, detail) = scope::in_scope(row, cat.as_str(), k, &measures)?;
            if !ok {
                reasons.push(Reason::new(
                    cite::SE_REG_99,
                    format!("{detail}：不属于特种设备"),
                ));
                batch.push(grade::OUT_OF_SCOPE, 0.0, reasons);
                continue;
            }
            reasons.push(Reason::new(
                cite::SE_REG_99,
                format!("{detail}：属于特种设备"),
            ));
        }
        let count =
            |facts: &jianguan_plugin::Facts<'_, i64>, name: &str| -> Result<i64, PluginError> {
                let n = facts.get(row).copied().unwrap_or(0);
                if n < 0 {
                    return Err(PluginError::invalid_facts(format!(
                        "row {row}: fact `{name}` is {n}, below 0"
                    )));
                }
                Ok(n)
            };
        let violations = count(&violations, "major_violations")?;
        let hazards = count(&hazards, "serious_hazards")?;
        let mut grade = grade::ORDINARY;
        let mut score = 0.0;
        let key_items = [
            (
                public.is_set(row),
                "（一）学校、幼儿园、医院、车站、客运码头、商场、体育场馆、展览馆、公园、旅游景区等公众聚集场所",
            ),
            (
                accident.is_set(row),
                "（二）近两年发生过特种设备事故并负有责任",
            ),
            (complaints.is_set(row), "（三）投诉举报较多且经核实"),
        ];
        for (set, text) in key_items {
            if set {
                grade = grade.max(grade::KEY_UNIT);
                score += 1.0;
                reasons.push(Reason::new(cite::ORDER57_9, format!("重点单位：{text}")));
            }
        }
        if request_overdue.is_set(row) {
            grade = grade.max(grade::REQUEST_OVERDUE);
            score += 1.0;
            reasons.push(Reason::new(
                cite::SE_LAW_40,
                "检验合格有效期届满前一个月未提出定期检验要求：下达安全监察指令限期改正（第五十七号令第二十三条）",
            ));
        }
        if violations > 0 {
            grade = grade.max(grade::MAJOR_VIOLATION);
            score += violations as f64;
            reasons.push(Reason::new(
                cite::ORDER57_24,
                format!("重大违法行为 {violations} 项：责令立即停止违法行为"),
            ));
        }
        let expired = expired.is_set(row);
        if hazards > 0 || expired {
            grade = grade::STOP_USE;
            score += hazards as f64 + f64::from(u8::from(expired));
            if expired {
                reasons.push(Reason::new(
                    cite::ORDER57_25,
                    "严重事故隐患：未经定期检验（有效期已届满）继续使用",
                ));
            }
            if hazards > 0 {
                reasons.push(Reason::new(
                    cite::ORDER57_25,
                    format!("严重事故隐患 {hazards} 项"),
                ));
            }
            reasons.push(Reason::new(
                cite::ORDER57_26,
                "责令立即停止使用，必要时查封、扣押",
            ));
        }
        if grade == grade::ORDINARY {
            reasons.push(Reason::new(
                cite::ORDER57_9,
                "无重点单位情形、逾期、重大违法行为或严重事故隐患",
            ));
        }
        batch.push(grade, score, reasons);
    }
    Ok(batch)
}
