//! GB 18218-2018 identification (S) and grading (R) of each unit.
//!
//! Exact arithmetic: q is parsed to whole grams, β held in halves and α in
//! tenths, and every q/Q is scaled to the common denominator
//! [`DENOMINATOR_G`] (the least common multiple of all critical
//! quantities), so S·D and 20·R·D are integers. The comparisons S ≥ 1 and
//! R ≥ 100 / 50 / 10 are therefore exact: a unit holding exactly its
//! critical quantity has S = 1 with no floating-point epsilon. Floating
//! point is used only for the reported score and the detail text.

use jianguan_plugin::{FactTable, GradeBatch, PluginError, RVec, Reason};

use crate::cite;
use crate::inventory::{self, Beta, Entry, Source};
use crate::tables::{self, DENOMINATOR_G};

/// Grade indices (lowest risk first), as in the description.
pub mod grade {
    /// S < 1.
    pub const NOT_MAJOR: u32 = 0;
    /// 四级.
    pub const LEVEL_4: u32 = 1;
    /// 三级.
    pub const LEVEL_3: u32 = 2;
    /// 二级.
    pub const LEVEL_2: u32 = 3;
    /// 一级.
    pub const LEVEL_1: u32 = 4;
}

/// The exact result for one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessment {
    /// S · D.
    pub s_num: i128,
    /// Σ β·q/Q, times 2·D.
    pub beta_sum_num: i128,
    /// α in tenths.
    pub alpha10: u32,
    /// The grade index.
    pub grade: u32,
}

impl Assessment {
    /// S as a float.
    pub fn s(&self) -> f64 {
        self.s_num as f64 / DENOMINATOR_G as f64
    }

    /// R as a float.
    pub fn r(&self) -> f64 {
        (i128::from(self.alpha10) * self.beta_sum_num) as f64 / (20 * DENOMINATOR_G) as f64
    }
}

/// S and R of a parsed inventory with `people` within 500 m.
pub fn assess(entries: &[Entry<'_>], people: i64) -> Assessment {
    let mut s_num = 0i128;
    let mut beta_sum_num = 0i128;
    for e in entries {
        let term = e.q_g * (DENOMINATOR_G / e.critical_g());
        s_num += term;
        beta_sum_num += i128::from(e.beta2()) * term;
    }
    let alpha10 = tables::alpha10(people);
    let grade = if s_num < DENOMINATOR_G {
        grade::NOT_MAJOR
    } else {
        let r_num = i128::from(alpha10) * beta_sum_num;
        match tables::level(r_num, 20 * DENOMINATOR_G) {
            1 => grade::LEVEL_1,
            2 => grade::LEVEL_2,
            3 => grade::LEVEL_3,
            _ => grade::LEVEL_4,
        }
    };
    Assessment {
        s_num,
        beta_sum_num,
        alpha10,
        grade,
    }
}

/// Figures in details are written one way in every plugin.
pub use jianguan_plugin_rules::figure as num;

fn tonnes(q_g: i128) -> String {
    num(q_g as f64 / 1e6)
}

/// Grades every row.
///
/// # Errors
/// `InvalidFacts` for a missing fact, a negative head count, or an
/// inventory entry that does not parse.
pub fn grade(facts: &FactTable) -> Result<GradeBatch, PluginError> {
    let inventory = facts.texts("inventory")?;
    let people = facts.integers("people_within_500m")?;
    let mut batch = GradeBatch::with_capacity(facts.len());
    let mut entries = Vec::new();
    for row in 0..facts.len() {
        let text = inventory.required(row, "inventory")?;
        let people = *people.required(row, "people_within_500m")?;
        if people < 0 {
            return Err(PluginError::invalid_facts(format!(
                "row {row}: fact `people_within_500m` is {people}, below 0"
            )));
        }
        inventory::parse(row, text.as_str(), &mut entries)?;
        let a = assess(&entries, people);
        batch.push(a.grade, a.r(), reasons(&entries, people, &a));
    }
    Ok(batch)
}

fn reasons(entries: &[Entry<'_>], people: i64, a: &Assessment) -> RVec<Reason> {
    let mut reasons = RVec::new();
    let terms: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "{}: {} t/{} t",
                e.key,
                tonnes(e.q_g),
                tonnes(e.critical_g())
            )
        })
        .collect();
    let terms = if terms.is_empty() {
        "无危险化学品".to_string()
    } else {
        terms.join(" + ")
    };
    let major = a.grade != grade::NOT_MAJOR;
    reasons.push(Reason::new(
        cite::GB_IDENTIFY,
        format!(
            "S = Σq/Q = {terms} = {} {} 1：{}",
            num(a.s()),
            if major { "≥" } else { "<" },
            if major {
                "构成重大危险源"
            } else {
                "不构成重大危险源"
            }
        ),
    ));
    for e in entries {
        if let Source::Named(c) = e.source
            && let Some(note) = c.note
        {
            reasons.push(Reason::new(
                cite::GB_TABLE1_WEAK,
                format!(
                    "{}（表1第{}行，Q = {} t）：{note}",
                    c.name,
                    c.row,
                    tonnes(e.critical_g())
                ),
            ));
        }
    }
    if !major {
        return reasons;
    }
    reasons.push(Reason::new(
        cite::SAFETY_LAW_117,
        format!(
            "危险化学品数量等于或者超过临界量（S = {}）：重大危险源",
            num(a.s())
        ),
    ));
    let betas: Vec<String> = entries
        .iter()
        .map(|e| {
            let from = match e.beta {
                Beta::Gas(g) => format!("表3 {}", g.name),
                Beta::Category(c) => format!("表4 {}", c.symbol),
            };
            format!(
                "{} β = {}（{from}）",
                e.key,
                inventory::beta_text(e.beta2())
            )
        })
        .collect();
    let (cut, label) = match a.grade {
        grade::LEVEL_1 => ("R ≥ 100", "一级"),
        grade::LEVEL_2 => ("100 > R ≥ 50", "二级"),
        grade::LEVEL_3 => ("50 > R ≥ 10", "三级"),
        _ => ("R < 10", "四级"),
    };
    reasons.push(Reason::new(
        cite::GB_GRADE,
        format!(
            "厂外500 m内 {people} 人 → α = {}；{}；R = α·Σβq/Q = {} × {} = {}，{cut} → {label}",
            num(f64::from(a.alpha10) / 10.0),
            betas.join("，"),
            num(f64::from(a.alpha10) / 10.0),
            num(a.beta_sum_num as f64 / (2 * DENOMINATOR_G) as f64),
            num(a.r()),
        ),
    ));
    if entries.iter().any(|e| matches!(e.source, Source::Named(_))) {
        reasons.push(Reason::new(
            cite::GB_BETA_RULE,
            "表1物质的β按表3（所列毒性气体）或表4（按危险性类别）取值，该取值规则待核对标准原文",
        ));
    }
    reasons
}
