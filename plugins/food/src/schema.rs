//! The facts each operation reads, the codes of text facts, and strict
//! readers that name the row and fact of a bad value.

use jianguan_plugin::{FactKind, FactSpec, Facts, PluginError, RString, Schemas};

/// Business type (业态) of a food operator, as Order 49 Art. 22 sorts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusinessType {
    /// 食品生产者 (ordinary food producer).
    Producer,
    /// 特殊食品生产者 (health food, special medical, infant formula producer).
    SpecialFoodProducer,
    /// 食品销售者 (seller).
    Seller,
    /// 餐饮服务提供者 (caterer).
    Caterer,
    /// 中央厨房 (central kitchen).
    CentralKitchen,
    /// 集体用餐配送单位 (group-meal distributor).
    GroupMealDistributor,
}

/// The accepted codes of `business_type`, in [`BusinessType`] order.
pub const BUSINESS_TYPES: [&str; 6] = [
    "producer",
    "special_food_producer",
    "seller",
    "caterer",
    "central_kitchen",
    "group_meal_distributor",
];

impl BusinessType {
    fn parse(code: &str) -> Option<Self> {
        Some(match code {
            "producer" => Self::Producer,
            "special_food_producer" => Self::SpecialFoodProducer,
            "seller" => Self::Seller,
            "caterer" => Self::Caterer,
            "central_kitchen" => Self::CentralKitchen,
            "group_meal_distributor" => Self::GroupMealDistributor,
            _ => return None,
        })
    }

    /// Whether Order 49 counts it as a producer (生产者) rather than an
    /// operator (经营者: seller or caterer).
    pub fn is_producer(self) -> bool {
        matches!(self, Self::Producer | Self::SpecialFoodProducer)
    }
}

/// The state of a fact that may need testing (检验、鉴定) first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tested {
    /// Not alleged.
    None,
    /// Alleged, no test report or appraisal yet.
    Suspected,
    /// Confirmed by a test report, appraisal or written opinion (Interp. Art. 24).
    Confirmed,
}

/// The accepted codes of a [`Tested`] fact.
pub const TESTED: [&str; 3] = ["none", "suspected", "confirmed"];

/// Risk-level codes for the duties schema.
pub const LEVELS: [&str; 4] = ["A", "B", "C", "D"];

/// Reads the business type of `row`.
///
/// # Errors
/// `InvalidFacts` naming the row, fact and token.
pub fn business_type(
    facts: &Facts<'_, RString>,
    row: usize,
    name: &str,
) -> Result<BusinessType, PluginError> {
    let code = facts.required(row, name)?.as_str();
    BusinessType::parse(code)
        .ok_or_else(|| PluginError::unknown_code(row, name, code, &BUSINESS_TYPES))
}

/// Reads an optional [`Tested`] fact (missing reads as `none`).
///
/// # Errors
/// `InvalidFacts` naming the row, fact and token.
pub fn tested(facts: &Facts<'_, RString>, row: usize, name: &str) -> Result<Tested, PluginError> {
    Ok(match facts.code(row, name, &TESTED)? {
        None | Some(0) => Tested::None,
        Some(1) => Tested::Suspected,
        Some(_) => Tested::Confirmed,
    })
}

/// Reads an optional risk level (0 = A … 3 = D).
///
/// # Errors
/// `InvalidFacts` naming the row, fact and token.
pub fn level(
    facts: &Facts<'_, RString>,
    row: usize,
    name: &str,
) -> Result<Option<usize>, PluginError> {
    facts.code(row, name, &LEVELS)
}

/// Reads a number that must lie in `min..=max`; missing is `None`.
///
/// # Errors
/// `InvalidFacts` naming the row and fact when the value is out of range.
pub fn number_in(
    facts: &Facts<'_, f64>,
    row: usize,
    name: &str,
    min: f64,
    max: f64,
) -> Result<Option<f64>, PluginError> {
    match facts.get(row) {
        None => Ok(None),
        Some(&v) if v.is_finite() && v >= min && v <= max => Ok(Some(v)),
        Some(&v) => Err(PluginError::invalid_facts(format!(
            "row {row}: fact `{name}` = {v} is outside {min}–{max}"
        ))),
    }
}

/// Reads a required number in `min..=max`.
///
/// # Errors
/// `InvalidFacts` when missing or out of range.
pub fn required_in(
    facts: &Facts<'_, f64>,
    row: usize,
    name: &str,
    min: f64,
    max: f64,
) -> Result<f64, PluginError> {
    number_in(facts, row, name, min, max)?
        .ok_or_else(|| PluginError::invalid_facts(format!("row {row}: fact `{name}` is missing")))
}

/// Reads an optional count (≥ 0); missing reads as 0.
///
/// # Errors
/// `InvalidFacts` naming the row and fact when negative.
pub fn count(facts: &Facts<'_, i64>, row: usize, name: &str) -> Result<i64, PluginError> {
    match facts.get(row) {
        None => Ok(0),
        Some(&v) if v >= 0 => Ok(v),
        Some(&v) => Err(PluginError::invalid_facts(format!(
            "row {row}: fact `{name}` = {v} is negative"
        ))),
    }
}

fn money(name: &str, kind: FactKind, required: bool, description: &str) -> FactSpec {
    let spec = if required {
        FactSpec::required(name, kind, description)
    } else {
        FactSpec::optional(name, kind, description)
    };
    spec.unit("CNY").min(0.0)
}

/// The three fact schemas.
pub fn schemas() -> Schemas {
    use FactKind::{Date, Flag, Integer, Number, Text};
    let opt = FactSpec::optional;
    let req = FactSpec::required;
    Schemas {
        grading: vec![
            req("business_type", Text, "业态：producer 食品生产者；special_food_producer 特殊食品生产者；seller 食品销售者；caterer 餐饮服务提供者；central_kitchen 中央厨房；group_meal_distributor 集体用餐配送单位")
                .allowed(&BUSINESS_TYPES),
            req("static_score", Number, "静态风险因素得分（0–40；食品类别、业态规模等），按风险因素量化分值表评定")
                .unit("points")
                .min(0.0),
            req("dynamic_score", Number, "动态风险因素得分（0–60；风险控制能力、信用、检查情况等）")
                .unit("points")
                .min(0.0),
        ],
        duties: vec![
            req("licensed_on", Date, "取得食品生产经营许可（或开业）日期；尚无全项检查时两年周期自此起算"),
            opt("last_full_inspection", Date, "最近一次覆盖全部检查要点的监督检查日期"),
            opt("risk_level", Text, "现行风险等级 A/B/C/D（用于年度最低检查频次）").allowed(&LEVELS),
            opt("inspections_this_year", Integer, "截至基准日本年度已实施的日常监督检查次数（给出 risk_level 时必填）")
                .min(0.0),
        ],
        referral: vec![
            money("sales_cny", Number, true, "生产、销售金额（元）；未售出为 0"),
            money("unsold_value_cny", Number, false, "尚未销售的货值金额（元）（标价，无标价按同类合格产品市场中间价）"),
            req("substandard_food", Flag, "涉案食品不符合食品安全标准（刑法第一百四十三条所列产品）"),
            opt("adulterated", Flag, "掺杂、掺假，以假充真，以次充好或者以不合格产品冒充合格产品（刑法第一百四十条）"),
            opt("contaminant_excess", Text, "致病性微生物、农药兽药残留、生物毒素、重金属等严重超出标准限量：none 无；suspected 有线索但未经检验；confirmed 经检验报告、鉴定意见或书面意见认定（解释第一条第一项）")
                .allowed(&TESTED),
            opt("diseased_meat", Flag, "病死、死因不明或者检验检疫不合格的畜、禽、兽、水产动物肉类及其制品（解释第一条第二项）"),
            opt("banned_for_disease_control", Flag, "国家为防控疾病等特殊需要明令禁止生产、销售（解释第一条第三项）"),
            opt("special_food_nutrients_noncompliant", Flag, "特殊医学用途配方食品、专供婴幼儿的主辅食品营养成分严重不符合食品安全标准（解释第一条第四项）"),
            opt("toxic_substance", Text, "掺入有毒、有害的非食品原料（解释第九条）：none；suspected 未经检验鉴定；confirmed 已认定")
                .allowed(&TESTED),
            opt("highly_toxic_or_high_content", Flag, "有毒、有害的非食品原料毒害性强或者含量高（解释第七条第六项）"),
            opt("injury_or_disability", Flag, "造成轻伤以上伤害、轻度或中度残疾、或器官组织损伤导致功能障碍（解释第二条第一至三项）"),
            opt("serious_poisoning_count", Integer, "严重食物中毒或者其他严重食源性疾病人数（解释第二条第四项：十人以上；第四条第五项：三十人以上）")
                .unit("persons")
                .min(0.0),
            opt("death_count", Integer, "致死亡人数（解释第四条第一项：致人死亡的，一人以上即后果特别严重；第一百四十四条：致人死亡的，依照第一百四十一条处罚）")
                .unit("persons")
                .min(0.0),
            opt("severe_disability_count", Integer, "造成重度残疾以上的人数（解释第四条第二项：一人以上）")
                .unit("persons")
                .min(0.0),
            opt("serious_injury_count", Integer, "重伤、中度残疾或者器官组织损伤导致严重功能障碍的人数（解释第四条第三项：三人以上）")
                .unit("persons")
                .min(0.0),
            opt("minor_injury_count", Integer, "轻伤人数（解释第四条第四项：十人以上）")
                .unit("persons")
                .min(0.0),
            opt("mild_disability_count", Integer, "轻度残疾或者器官组织损伤导致一般功能障碍的人数（解释第四条第四项：五人以上）")
                .unit("persons")
                .min(0.0),
            opt("large_quantity", Flag, "涉案食品数量较大（解释第三条第二项）"),
            opt("duration_months", Number, "生产、销售持续时间（月）（解释第三条第二项：六个月以上）")
                .unit("months")
                .min(0.0),
            opt("special_medical_or_infant_food", Flag, "属于特殊医学用途配方食品、专供婴幼儿的主辅食品（解释第三条第三项）"),
            opt("near_schools_or_elderly", Flag, "在中小学校园、托幼机构、养老机构及周边面向未成年人、老年人销售（解释第三条第四项）"),
            opt("prior_food_crime", Flag, "曾因危害食品安全犯罪受过刑事处罚（解释第三条第五项）"),
            opt("prior_food_penalty_effective", Date, "此前因危害食品安全违法行为受行政处罚的生效日期（解释第二十五条）"),
            opt("act_date", Date, "本次行为实施日期（给出 prior_food_penalty_effective 时必填）"),
        ],
    }
}
