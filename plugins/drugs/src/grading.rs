//! Grading by the minimum inspection frequency a category attracts.
//!
//! The sources give no risk score for these industries: what they fix is how
//! often a category must be inspected (RULES.md §8). The grades therefore
//! rank categories by that national minimum, lowest first, and the score is
//! the minimum number of inspections per year (0 where the sources leave the
//! frequency to a local annual plan). Ties are ordered device key products
//! before high-risk drugs; both default to once a year.

use jianguan_plugin::{FactTable, GradeBatch, PluginError, RVec, Reason};

use crate::{
    cite,
    config::DrugsConfig,
    schema::{self, Category},
};

/// Grade labels, lowest minimum frequency first.
pub const GRADE_LABELS: [&str; 6] = [
    "计划定频",
    "五年覆盖",
    "三年覆盖",
    "重点器械年检",
    "高风险药品年检",
    "特殊管理药品季检",
];

/// The grade index of a category.
pub fn grade_of(category: Category) -> usize {
    match category {
        Category::SpecialControlMaker => 5,
        Category::HighRiskMaker => 4,
        Category::DeviceKeyProductMaker => 3,
        Category::OtherDrugMaker => 2,
        Category::MaterialSupplier => 1,
        Category::DeviceOtherMaker
        | Category::DeviceTrader
        | Category::DrugWholesaler
        | Category::DrugRetailer
        | Category::CosmeticsOperator => 0,
    }
}

/// How a national frequency rule is read.
///
/// - "每年至少检查一次" (Order 53 Art. 49; high-risk drug makers) and
///   "≥1 per quarter" (special-control drug makers) ask for at least one
///   inspection in each calendar period: each calendar year, each calendar
///   quarter. An inspection on 2 January and the next on 31 December of the
///   following year meet the yearly rule, though 23 months apart.
/// - "all covered within 3 years / 5 years" (other drug makers, material
///   suppliers) is a rolling period: within N years of the last inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schedule {
    /// At least one inspection in each calendar period of this many months,
    /// counted from 1 January (12 = calendar year, 3 = calendar quarter); a
    /// divisor of 12.
    Calendar(u32),
    /// At least one inspection within this many months of the last one.
    Rolling(u32),
}

impl Schedule {
    /// The months of the period.
    pub fn months(self) -> u32 {
        match self {
            Self::Calendar(m) | Self::Rolling(m) => m,
        }
    }
}

/// The national frequency rule of a category, where one is set.
pub fn schedule(config: &DrugsConfig, category: Category) -> Option<Schedule> {
    match category {
        Category::SpecialControlMaker => {
            Some(Schedule::Calendar(config.special_control_maker_months))
        }
        Category::HighRiskMaker => Some(Schedule::Calendar(config.high_risk_maker_months)),
        Category::OtherDrugMaker => Some(Schedule::Rolling(config.other_maker_months)),
        Category::MaterialSupplier => Some(Schedule::Rolling(config.material_supplier_months)),
        // Order 53 Art. 49: "每年至少检查一次" (read in the text).
        Category::DeviceKeyProductMaker => Some(Schedule::Calendar(12)),
        _ => None,
    }
}

/// Months of the period of a category's national rule, where one is set.
pub fn interval_months(config: &DrugsConfig, category: Category) -> Option<u32> {
    schedule(config, category).map(Schedule::months)
}

/// The rule's wording for a period.
pub fn schedule_text(schedule: Schedule) -> String {
    match schedule {
        Schedule::Calendar(12) => "每个自然年度至少检查一次".into(),
        Schedule::Calendar(3) => "每个自然季度至少检查一次".into(),
        Schedule::Calendar(m) => format!("自 1 月 1 日起每 {m} 个月的每个周期内至少检查一次"),
        Schedule::Rolling(m) => format!("距上次检查 {m} 个月内至少检查一次（期内全覆盖）"),
    }
}

/// The rule behind a category's frequency, and what it says.
pub fn frequency_rule(config: &DrugsConfig, category: Category) -> (u32, String) {
    match (category, schedule(config, category)) {
        (Category::DeviceKeyProductMaker, _) => (
            cite::ORDER53_ART49,
            "生产重点监管产品目录品种的企业：每年至少检查一次（按自然年度）".into(),
        ),
        (_, Some(schedule)) => (
            cite::ORDER28_ART55,
            format!(
                "{}：{}（全国频次，未核实）",
                match category {
                    Category::SpecialControlMaker =>
                        "麻醉药品、第一类精神药品、药品类易制毒化学品生产企业",
                    Category::HighRiskMaker =>
                        "疫苗、血液制品、放射性药品、医疗用毒性药品、无菌药品生产企业",
                    Category::OtherDrugMaker => "其他药品生产企业（抽查）",
                    _ => "原料、辅料、直接接触药品的包装材料和容器供应商",
                },
                schedule_text(schedule)
            ),
        ),
        (Category::DeviceOtherMaker, None) => (
            cite::ORDER53_ART49,
            "其他医疗器械生产企业：省级年度检查计划确定检查频次和覆盖范围，无全国最低频次".into(),
        ),
        (Category::DeviceTrader, None) => (
            cite::ORDER54_ART48,
            "医疗器械经营企业：设区的市级、县级年度检查计划确定检查频次".into(),
        ),
        (Category::CosmeticsOperator, None) => (
            cite::ORDER46_ART50,
            "化妆品生产经营者：按照风险管理的原则确定检查频次，无固定次数".into(),
        ),
        (_, None) => (
            cite::DRUG_INSPECTION_MEASURES,
            "药品经营企业：未编码全国最低检查频次，按年度检查计划".into(),
        ),
    }
}

/// Grades each row.
///
/// # Errors
/// `InvalidFacts` naming the row when the category is missing or unknown.
pub fn grade(config: &DrugsConfig, facts: &FactTable) -> Result<GradeBatch, PluginError> {
    let categories = facts.texts("category")?;
    let bad_credit = facts.flags("bad_credit_record")?;
    let mut batch = GradeBatch::with_capacity(facts.len());
    for row in 0..facts.len() {
        let category = schema::category(&categories, row)?;
        let grade = grade_of(category);
        let per_year = interval_months(config, category).map_or(0.0, |m| 12.0 / f64::from(m));
        let (citation, text) = frequency_rule(config, category);
        let mut reasons = RVec::with_capacity(2);
        reasons.push(Reason::new(
            citation,
            format!("{text} → {}（每年至少 {per_year} 次）", GRADE_LABELS[grade]),
        ));
        if bad_credit.is_set(row) {
            match category {
                Category::DeviceKeyProductMaker | Category::DeviceOtherMaker => reasons.push(
                    Reason::new(cite::ORDER53_ART67, "有不良信用记录：应当增加监督检查频次"),
                ),
                Category::DeviceTrader => reasons.push(Reason::new(
                    cite::ORDER54_ART60,
                    "有不良信用记录：应当增加监督检查频次",
                )),
                _ => {}
            }
        }
        batch.push(grade as u32, per_year, reasons);
    }
    Ok(batch)
}
