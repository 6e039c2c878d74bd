//! The plugin's description: rule sets, grades, items, violations,
//! exemptions and fact schemas.

use jianguan_plugin::{
    CheckPoint, Exemption, FactKind, FactSpec, Grade, Item, PenaltyRange, PluginDescription,
    RuleSet, Schemas, Violation,
};

use crate::{cite, duties::BUSINESSES};

/// The SDK domain id.
pub const ID: &str = "hazardous_chemicals";

/// Builds the description.
pub fn describe() -> PluginDescription {
    PluginDescription {
        id: ID.into(),
        name_zh: "危险化学品".into(),
        name_en: "Hazardous chemicals".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        industries: vec![
            "hazardous_chemical_production".into(),
            "hazardous_chemical_storage".into(),
            "hazardous_chemical_trade".into(),
        ],
        rule_sets: rule_sets(),
        citations: cite::citations(),
        grades: grades(),
        // No source read sets an inspection frequency per major-hazard level.
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
        r("危险化学品重大危险源辨识", "GB 18218-2018", "2019-03-01"),
        r(
            "危险化学品安全管理条例",
            "国务院令第591号（国务院令第645号修订）",
            "2013-12-07",
        ),
        r(
            "中华人民共和国安全生产法（2021年修正）",
            "主席令第八十八号",
            "2021-09-01",
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
        g("非重大危险源", "S = Σq/Q < 1：不构成重大危险源"),
        g("四级", "重大危险源，R < 10"),
        g("三级", "重大危险源，50 > R ≥ 10"),
        g("二级", "重大危险源，100 > R ≥ 50"),
        g("一级", "重大危险源，R ≥ 100"),
    ]
}

fn items() -> Vec<Item> {
    vec![
        Item {
            code: "HC-MAJOR-HAZARD".into(),
            name: "危险化学品重大危险源安全管理".into(),
            checklist: vec![
                CheckPoint::new("IDENTIFY", "按GB 18218-2018辨识重大危险源并分级", true),
                CheckPoint::new(
                    "REGISTER",
                    "重大危险源登记建档，定期检测、评估、监控，制定应急预案并报应急管理部门备案",
                    true,
                ),
                CheckPoint::new(
                    "STORE-APART",
                    "剧毒化学品及构成重大危险源的危险化学品在专用仓库内单独存放",
                    true,
                ),
                CheckPoint::new("TWO-PERSON", "实行双人收发、双人保管制度", true),
                CheckPoint::new(
                    "TECH-LEAD",
                    "技术负责人定期组织针对性安全风险隐患排查（包保责任制）",
                    false,
                ),
            ],
            citation: cite::SAFETY_LAW_40,
        },
        Item {
            code: "HC-SAFETY-ASSESSMENT".into(),
            name: "安全评价".into(),
            checklist: vec![
                CheckPoint::new(
                    "EVERY-3-YEARS",
                    "生产、储存企业每3年委托有资质机构进行一次安全评价",
                    true,
                ),
                CheckPoint::new("FILED", "安全评价报告及整改方案落实情况报县级备案", false),
            ],
            citation: cite::HC_REG_22,
        },
        Item {
            code: "HC-TRADE".into(),
            name: "危险化学品经营".into(),
            checklist: vec![
                CheckPoint::new("LICENCE", "取得危险化学品经营许可证", true),
                CheckPoint::new(
                    "SDS-LABEL",
                    "不经营没有化学品安全技术说明书或者化学品安全标签的危险化学品",
                    false,
                ),
            ],
            citation: cite::HC_REG_33,
        },
    ]
}

fn fine(min: Option<f64>, max: Option<f64>, text: &str) -> PenaltyRange {
    PenaltyRange {
        min_fine_cny: min,
        max_fine_cny: max,
        text: text.into(),
    }
}

/// The violation codes, for the exemption check.
pub fn violations() -> Vec<Violation> {
    let v = |code: &str, description: &str, citation: u32, penalty: PenaltyRange| Violation {
        code: code.into(),
        description: description.into(),
        citation,
        penalty,
    };
    vec![
        v(
            "HC-NO-ASSESSMENT",
            "未依照条例规定对安全生产条件定期进行安全评价（第八十条第一款第三项）",
            cite::HC_REG_80,
            fine(
                Some(50_000.0),
                Some(100_000.0),
                "责令改正，处5万元以上10万元以下的罚款；拒不改正的，责令停产停业整顿直至吊销相关许可证件",
            ),
        ),
        v(
            "HC-NOT-STORED-APART",
            "未将剧毒化学品以及储存数量构成重大危险源的其他危险化学品在专用仓库内单独存放（第八十条第一款第四项）",
            cite::HC_REG_80,
            fine(
                Some(50_000.0),
                Some(100_000.0),
                "责令改正，处5万元以上10万元以下的罚款；拒不改正的，责令停产停业整顿直至吊销相关许可证件",
            ),
        ),
        v(
            "HC-NO-TWO-PERSON",
            "专用仓库未设专人负责管理，或者对剧毒化学品以及构成重大危险源的其他危险化学品未实行双人收发、双人保管制度（第七十八条第一款第九项）",
            cite::HC_REG_78,
            fine(
                None,
                Some(100_000.0),
                "责令改正，可以处5万元以下的罚款；拒不改正的，处5万元以上10万元以下的罚款；情节严重的，责令停产停业整顿",
            ),
        ),
        v(
            "HC-NO-SDS-LABEL",
            "危险化学品经营企业经营没有化学品安全技术说明书和化学品安全标签的危险化学品（第七十八条第一款第六项）",
            cite::HC_REG_78,
            fine(
                None,
                Some(100_000.0),
                "责令改正，可以处5万元以下的罚款；拒不改正的，处5万元以上10万元以下的罚款；情节严重的，责令停产停业整顿",
            ),
        ),
        v(
            "HC-ASSESSMENT-NOT-FILED",
            "未将安全评价报告以及整改方案的落实情况备案（第八十一条第二款）",
            cite::HC_REG_81,
            fine(
                None,
                Some(50_000.0),
                "责令改正，可以处1万元以下的罚款；拒不改正的，处1万元以上5万元以下的罚款",
            ),
        ),
        v(
            "HC-UNLICENSED-TRADE",
            "未取得危险化学品经营许可证从事危险化学品经营（第七十七条第三款）",
            cite::HC_REG_77,
            fine(
                Some(100_000.0),
                Some(200_000.0),
                "责令停止经营活动，没收违法经营的危险化学品以及违法所得，并处10万元以上20万元以下的罚款",
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
            "HC-ASSESSMENT-NOT-FILED",
            "首次未按时将安全评价报告及整改落实情况备案，已及时补报",
        ),
        first_offence(
            "HC-NO-SDS-LABEL",
            "首次经营个别缺少安全技术说明书或安全标签的危险化学品，已及时补齐",
        ),
    ]
}

fn grading_schema() -> Vec<FactSpec> {
    vec![
        FactSpec::required(
            "inventory",
            FactKind::Text,
            "单元内危险化学品实际存在量：`KEY=吨数`，以`;`分隔；KEY为表1物质的CAS号或T1.<行号>（不在表3的须加`@类别`取表4的β，如`67-56-1@W5.3=400`），或表2类别符号（如`W5.3=800`）；表3所列但表1未列的毒性气体写`CAS@类别`（如`630-08-0@J3=20`）。吨数至多6位小数",
        )
        .unit("t"),
        FactSpec::required("people_within_500m", FactKind::Integer, "厂区边界外500 m范围内常住人口数（表5，取α）")
            .unit("人")
            .min(0.0),
    ]
}

fn duties_schema() -> Vec<FactSpec> {
    vec![
        FactSpec::required(
            "business",
            FactKind::Text,
            "经营类型：生产、储存、使用危险化学品从事生产、经营（无储存）",
        )
        .allowed(BUSINESSES),
        FactSpec::optional(
            "last_safety_assessment",
            FactKind::Date,
            "上次安全评价报告日期（生产、储存及使用危险化学品从事生产的企业必填）",
        ),
        FactSpec::optional("major_hazard", FactKind::Flag, "是否有重大危险源"),
        FactSpec::optional(
            "last_technical_lead_check",
            FactKind::Date,
            "重大危险源技术负责人上次针对性排查日期",
        ),
    ]
}

fn referral_schema() -> Vec<FactSpec> {
    let flag =
        |name: &str, description: &str| FactSpec::optional(name, FactKind::Flag, description);
    vec![
        flag(
            "toxic_substance_illegal_handling",
            "非法制造、买卖、运输、储存毒害性物质（刑法第一百二十五条第二款）",
        ),
        flag("endangers_public_safety", "危害公共安全"),
        flag(
            "toxic_substance_confirmed",
            "涉案物质已经检验、鉴定为毒害性物质",
        ),
        flag(
            "act_disabled_safety_equipment",
            "关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施，或者篡改、隐瞒、销毁其相关数据、信息",
        ),
        flag(
            "act_refused_hazard_rectification",
            "因存在重大事故隐患被依法责令停产停业、停止施工、停止使用有关设备、设施、场所或者立即采取排除危险的整改措施，而拒不执行",
        ),
        flag(
            "act_unapproved_dangerous_goods",
            "未经依法批准或者许可，擅自从事危险物品生产、经营、储存等高度危险的生产作业活动",
        ),
        flag(
            "real_danger",
            "具有发生重大伤亡事故或者其他严重后果的现实危险",
        ),
        flag(
            "dangerous_goods_accident",
            "违反危险物品管理规定，在生产、储存、运输、使用中发生重大事故",
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
    ]
}
