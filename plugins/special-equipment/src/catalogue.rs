//! The plugin's description: rule sets, grades, items, violations,
//! exemptions and fact schemas.

use jianguan_plugin::{
    CheckPoint, Exemption, FactKind, FactSpec, Grade, Item, PenaltyRange, PluginDescription,
    RuleSet, Schemas, Violation,
};

use crate::cite;
use crate::scope::{CATEGORIES, all_kinds};

/// The SDK domain id.
pub const ID: &str = "special_equipment";

/// Builds the description.
pub fn describe() -> PluginDescription {
    PluginDescription {
        id: ID.into(),
        name_zh: "特种设备".into(),
        name_en: "Special equipment".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        industries: vec!["special_equipment_use".into()],
        rule_sets: rule_sets(),
        citations: cite::citations(),
        grades: grades(),
        // Order 57 gives key units a larger sampling share but no frequency.
        frequencies: Vec::new(),
        items: items(),
        violations: violations(),
        exemptions: exemptions(),
        schema: Schemas {
            grading: grading_schema(),
            duties: duties_schema(),
            referral: referral_schema(),
        },
        // The export macro fills in the defaults (JSON null here).
        config: Default::default(),
    }
}

fn rule_sets() -> Vec<RuleSet> {
    let r = |title: &str, number: &str, effective: &str| RuleSet {
        title: title.into(),
        number: number.into(),
        effective: effective.into(),
    };
    vec![
        r("中华人民共和国特种设备安全法", "主席令第四号", "2014-01-01"),
        r(
            "特种设备安全监察条例（2009年修订）",
            "国务院令第549号",
            "2009-05-01",
        ),
        r(
            "固定式压力容器安全技术监察规程",
            "TSG 21-2016",
            "2016-10-01",
        ),
        r(
            "特种设备安全监督检查办法",
            "国家市场监督管理总局令第57号",
            "2022-07-01",
        ),
        r(
            "生产安全事故报告和调查处理条例",
            "国务院令第493号",
            "2007-06-01",
        ),
        r(
            "中华人民共和国刑法修正案（十一）",
            "主席令第六十六号",
            "2021-03-01",
        ),
        r(
            "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释",
            "法释〔2015〕22号",
            "2015-12-16",
        ),
        r(
            "中华人民共和国行政处罚法（2021年修订）",
            "主席令第七十号",
            "2021-07-15",
        ),
    ]
}

fn grades() -> Vec<Grade> {
    let g = |label: &str, description: &str| Grade {
        label: label.into(),
        description: description.into(),
    };
    vec![
        g(
            "目录外",
            "未达特种设备安全监察条例第九十九条的范围界限，不属于特种设备",
        ),
        g("一般", "无第五十七号令所列风险因素"),
        g("重点单位", "第五十七号令第九条第（一）至（三）项情形之一"),
        g("申报逾期", "有效期届满前一个月未提出定期检验要求"),
        g("重大违法", "第五十七号令第二十四条所列重大违法行为"),
        g(
            "严重隐患停用",
            "第五十七号令第二十五条所列严重事故隐患（含超期未检继续使用）：立即停止使用",
        ),
    ]
}

fn items() -> Vec<Item> {
    vec![
        Item {
            code: "SE-USE-ROUTINE".into(),
            name: "特种设备使用单位常规监督检查".into(),
            checklist: vec![
                CheckPoint::new(
                    "REGISTERED",
                    "特种设备办理使用登记，设置使用登记标志、定期检验标志",
                    true,
                ),
                CheckPoint::new(
                    "IN-VALIDITY",
                    "在检验合格有效期内使用，未使用未经检验或检验不合格的设备",
                    true,
                ),
                CheckPoint::new(
                    "REQUEST",
                    "有效期届满前一个月向检验机构提出定期检验要求",
                    false,
                ),
                CheckPoint::new(
                    "ACCESSORIES",
                    "安全附件、安全保护装置齐全有效并定期校验、检修",
                    true,
                ),
                CheckPoint::new("MAINTENANCE", "经常性维护保养和定期自行检查并作记录", false),
                CheckPoint::new("STAFF", "安全管理人员、作业人员持证上岗", true),
                CheckPoint::new("EMERGENCY", "制定特种设备事故应急专项预案并定期演练", false),
            ],
            citation: cite::ORDER57_25,
        },
        Item {
            code: "SE-SCOPE".into(),
            name: "特种设备范围认定".into(),
            checklist: vec![CheckPoint::new(
                "THRESHOLDS",
                "按类别核对压力、容积、功率、公称直径、起重量、提升高度、速度、高度等参数",
                true,
            )],
            citation: cite::SE_REG_99,
        },
    ]
}

fn fine(min: f64, max: f64, text: &str) -> PenaltyRange {
    PenaltyRange {
        min_fine_cny: Some(min),
        max_fine_cny: Some(max),
        text: text.into(),
    }
}

fn violations() -> Vec<Violation> {
    let v = |code: &str, description: &str, citation: u32, penalty: PenaltyRange| Violation {
        code: code.into(),
        description: description.into(),
        citation,
        penalty,
    };
    const ART83: &str =
        "责令限期改正；逾期未改正的，责令停止使用有关特种设备，处一万元以上十万元以下罚款";
    const ART84: &str = "责令停止使用有关特种设备，处三万元以上三十万元以下罚款";
    vec![
        v(
            "SE-UNREGISTERED",
            "使用特种设备未按照规定办理使用登记（第八十三条第一项）",
            cite::SE_LAW_83,
            fine(10_000.0, 100_000.0, ART83),
        ),
        v(
            "SE-NO-MARKS",
            "未建立安全技术档案，或者未依法设置使用登记标志、定期检验标志（第八十三条第二项）",
            cite::SE_LAW_83,
            fine(10_000.0, 100_000.0, ART83),
        ),
        v(
            "SE-NO-MAINTENANCE",
            "未进行经常性维护保养和定期自行检查，或者未对安全附件、安全保护装置定期校验、检修并作记录（第八十三条第三项）",
            cite::SE_LAW_83,
            fine(10_000.0, 100_000.0, ART83),
        ),
        v(
            "SE-LATE-INSPECTION-REQUEST",
            "未按照安全技术规范的要求及时申报并接受检验（第八十三条第四项）",
            cite::SE_LAW_83,
            fine(10_000.0, 100_000.0, ART83),
        ),
        v(
            "SE-NO-EMERGENCY-PLAN",
            "未制定特种设备事故应急专项预案（第八十三条第六项）",
            cite::SE_LAW_83,
            fine(10_000.0, 100_000.0, ART83),
        ),
        v(
            "SE-UNINSPECTED-USE",
            "使用未取得许可生产、未经检验或者检验不合格的特种设备，或者国家明令淘汰、已经报废的特种设备（第八十四条第一项）",
            cite::SE_LAW_84,
            fine(30_000.0, 300_000.0, ART84),
        ),
        v(
            "SE-FAULT-USE",
            "特种设备出现故障或者发生异常情况，未进行全面检查、消除事故隐患，继续使用（第八十四条第二项）",
            cite::SE_LAW_84,
            fine(30_000.0, 300_000.0, ART84),
        ),
        v(
            "SE-UNQUALIFIED-STAFF",
            "未配备具有相应资格的安全管理人员、检测人员和作业人员，或者使用未取得相应资格的人员（第八十六条）",
            cite::SE_LAW_86,
            fine(
                10_000.0,
                50_000.0,
                "责令限期改正；逾期未改正的，责令停止使用有关特种设备或者停产停业整顿，处一万元以上五万元以下罚款",
            ),
        ),
        v(
            "SE-ACCIDENT-CONCEALED",
            "对特种设备事故迟报、谎报或者瞒报（第八十九条第二项）",
            cite::SE_LAW_89,
            fine(
                50_000.0,
                200_000.0,
                "对单位处五万元以上二十万元以下罚款；对主要负责人处一万元以上五万元以下罚款",
            ),
        ),
    ]
}

fn exemptions() -> Vec<Exemption> {
    let first_offence = |violation: &str, description: &str| Exemption {
        violation: violation.into(),
        description: description.into(),
        conditions: vec!["初次违法".into(), "危害后果轻微".into(), "及时改正".into()],
        outcome: "可以不予行政处罚，责令改正".into(),
        citation: cite::PENALTY_LAW_33,
    };
    vec![
        first_offence(
            "SE-NO-MARKS",
            "首次未设置使用登记标志或定期检验标志，已及时补设",
        ),
        first_offence(
            "SE-LATE-INSPECTION-REQUEST",
            "首次未在届满前一个月申报定期检验，在有效期内已补报并接受检验",
        ),
    ]
}

fn number(name: &str, unit: &str, description: &str) -> FactSpec {
    FactSpec::optional(name, FactKind::Number, description)
        .unit(unit)
        .min(0.0)
}

fn category_specs(required: bool) -> Vec<FactSpec> {
    let description = "类别：锅炉、压力容器、气瓶、压力管道、电梯、起重机械、客运索道、大型游乐设施、场（厂）内专用机动车辆";
    let category = if required {
        FactSpec::required("category", FactKind::Text, description)
    } else {
        FactSpec::optional(
            "category",
            FactKind::Text,
            &format!("{description}（空：只按单位因素分级）"),
        )
    };
    vec![
        category.allowed(CATEGORIES),
        FactSpec::optional(
            "kind",
            FactKind::Text,
            "品种：锅炉 steam/hot_water/organic_heat_carrier；压力容器 vessel/hyperbaric_chamber；气瓶 corrosive_gas/general_gas/inert_gas；起重机械 hoist/crane/bridge_gantry_crane",
        )
        .allowed(&all_kinds()),
    ]
}

fn grading_schema() -> Vec<FactSpec> {
    let flag =
        |name: &str, description: &str| FactSpec::optional(name, FactKind::Flag, description);
    let mut specs = category_specs(false);
    specs.extend([
        number("pressure_mpa", "MPa", "最高工作压力（锅炉为出口水压，气瓶为公称工作压力），表压"),
        number("volume_l", "L", "容积"),
        number("power_mw", "MW", "额定功率（热水锅炉）"),
        number("diameter_mm", "mm", "公称直径（压力管道）"),
        number("rated_load_t", "t", "额定起重量"),
        number("lift_height_m", "m", "提升高度（起重机）"),
        number("speed_m_s", "m/s", "最大运行线速度（大型游乐设施）"),
        number("height_m", "m", "运行高度距地面（大型游乐设施）"),
        flag("public_gathering_place", "第九条（一）：学校、幼儿园、医院、车站、客运码头、商场、体育场馆、展览馆、公园、旅游景区等公众聚集场所"),
        flag("accident_liable_within_2_years", "第九条（二）：近两年发生过特种设备事故并负有责任"),
        flag("many_verified_complaints", "第九条（三）：投诉举报较多且经核实"),
        flag("inspection_request_overdue", "已过有效期届满前一个月仍未提出定期检验要求"),
        FactSpec::optional("major_violations", FactKind::Integer, "第二十四条所列重大违法行为项数").min(0.0),
        FactSpec::optional("serious_hazards", FactKind::Integer, "第二十五条所列严重事故隐患项数").min(0.0),
        flag("expired_inspection_in_use", "检验合格有效期已届满仍在使用"),
    ]);
    specs
}

fn duties_schema() -> Vec<FactSpec> {
    let mut specs = category_specs(true);
    specs.extend([
        FactSpec::optional(
            "inspection_expiry",
            FactKind::Date,
            "检验合格有效期届满日（锅炉、压力管道、氧舱必填）",
        ),
        FactSpec::optional("last_inspection", FactKind::Date, "上次定期检验日期"),
        FactSpec::optional(
            "in_service_since",
            FactKind::Date,
            "投入使用日期（未检验过的压力容器）",
        ),
        FactSpec::optional(
            "safety_grade",
            FactKind::Integer,
            "压力容器安全状况等级 1–5",
        )
        .min(1.0),
        FactSpec::optional(
            "interval_years",
            FactKind::Integer,
            "检验机构确定的检验周期（金属压力容器3级 3–6 年、4级 1–3 年时必填；其余等级填写时须与规程周期相符）",
        )
        .unit("年")
        .min(1.0),
        FactSpec::optional(
            "monitored_use_since",
            FactKind::Date,
            "金属压力容器4级监控使用的起始日期（累计监控使用不超过3年）；未填按上次定期检验日期",
        ),
        FactSpec::optional("non_metallic", FactKind::Flag, "非金属压力容器"),
    ]);
    specs
}

fn referral_schema() -> Vec<FactSpec> {
    let flag =
        |name: &str, description: &str| FactSpec::optional(name, FactKind::Flag, description);
    vec![
        flag("accident", "发生特种设备事故"),
        flag(
            "violated_safety_rules",
            "在生产、作业中违反有关安全管理的规定（刑法第一百三十四条第一款）",
        ),
        flag(
            "forced_risky_operation",
            "强令他人违章冒险作业，或者明知存在重大事故隐患而不排除，仍冒险组织作业（第一百三十四条第二款）",
        ),
        flag(
            "unsafe_conditions",
            "安全生产设施或者安全生产条件不符合国家规定（第一百三十五条）",
        ),
        FactSpec::optional(
            "deaths",
            FactKind::Integer,
            "事故死亡人数（发生事故时必填）",
        )
        .unit("人")
        .min(0.0),
        FactSpec::optional(
            "serious_injuries",
            FactKind::Integer,
            "重伤人数（含急性工业中毒）；未鉴定时留空",
        )
        .unit("人")
        .min(0.0),
        FactSpec::optional(
            "direct_loss_cny",
            FactKind::Number,
            "直接经济损失；未评估时留空",
        )
        .unit("CNY")
        .min(0.0),
        flag("main_responsibility", "负事故主要责任"),
        flag(
            "act_disabled_safety_equipment",
            "关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施，或者篡改、隐瞒、销毁其相关数据、信息",
        ),
        flag(
            "act_refused_hazard_rectification",
            "因存在重大事故隐患被依法责令停产停业、停止使用有关设备、设施、场所或者立即采取排除危险的整改措施，而拒不执行",
        ),
        flag(
            "act_unapproved_high_risk_activity",
            "未经依法批准或者许可，擅自从事高度危险的生产作业活动",
        ),
        flag(
            "real_danger",
            "具有发生重大伤亡事故或者其他严重后果的现实危险",
        ),
    ]
}
