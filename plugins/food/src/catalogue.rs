//! The plugin's description: rule sets, grades, frequencies, items with
//! checklists (Order 49 Arts. 15–20), violations and exemptions (Art. 37).

use jianguan_plugin::{
    CheckPoint, Exemption, Frequency, Grade, Item, PenaltyRange, PluginDescription, RuleSet,
    Violation,
};

use crate::{cite, config::FoodConfig, schema};

/// Violation code: result sheet not displayed or tampered with (Order 49 Art. 48).
pub const V_RESULT_SHEET: &str = "FOOD-RESULT-SHEET";
/// Violation code: obstructing inspection (Order 49 Art. 49).
pub const V_OBSTRUCTION: &str = "FOOD-OBSTRUCTION";
/// Violation code: label or instruction flaw (Food Safety Law Art. 125 para. 2).
pub const V_LABEL_FLAW: &str = "FOOD-LABEL-FLAW";

/// The grade labels, lowest risk first (Order 49 Art. 21: "从低到高").
pub const GRADE_LABELS: [&str; 4] = ["A", "B", "C", "D"];

/// The full description.
pub fn describe() -> PluginDescription {
    let config = FoodConfig::default();
    PluginDescription {
        id: "food".into(),
        name_zh: "食品生产经营".into(),
        name_en: "Food production, sales and catering".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        industries: vec![
            "food_production".into(),
            "food_sales".into(),
            "catering".into(),
        ],
        rule_sets: rule_sets(),
        citations: cite::citations(),
        grades: grades(),
        frequencies: (0..4)
            .map(|level| {
                let band = config.frequency(level);
                Frequency {
                    grade: GRADE_LABELS[level].into(),
                    min_per_year: band.min_per_year,
                    max_per_year: band.max_per_year,
                    citation: cite::CFDA_FREQUENCY,
                }
            })
            .collect(),
        items: items(),
        violations: violations(),
        exemptions: exemptions(),
        schema: schema::schemas(),
        // Null; the export macro fills in the defaults.
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
        r(
            "食品生产经营监督检查管理办法",
            "国家市场监督管理总局令第49号",
            "2022-03-15",
        ),
        // The effective date of the CFDA 2016 scheme was not found in the
        // sources read; left empty rather than guessed.
        r(
            "食品生产经营风险分级管理办法（试行）",
            "食药监食监一〔2016〕115号",
            "",
        ),
        r(
            "最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释",
            "法释〔2021〕24号",
            "2022-01-01",
        ),
    ]
}

fn grades() -> Vec<Grade> {
    let g = |label: &str, description: &str| Grade {
        label: label.into(),
        description: description.into(),
    };
    vec![
        g("A", "A级风险（最低）：总分不超过 A 级界限（默认 30 分）"),
        g(
            "B",
            "B级风险：总分高于 A 级界限且不超过 B 级界限（默认 45 分）",
        ),
        g(
            "C",
            "C级风险：总分高于 B 级界限且不超过 C 级界限（默认 60 分）",
        ),
        g("D", "D级风险（最高）：总分高于 C 级界限（默认 60 分）"),
    ]
}

fn points(prefix: &str, texts: &[(&str, bool)]) -> Vec<CheckPoint> {
    CheckPoint::numbered(prefix, texts)
}

/// Items and checklists from Order 49's own list of check points. The
/// national 检查要点表 splits points into 一般项目 and 重点项目 (Art. 13),
/// but that table was not read: `key` is set only where Order 49 itself
/// makes a point a focus (Art. 16 entrusted production, Art. 18 special
/// foods, Art. 20 para. 2 school supply).
fn items() -> Vec<Item> {
    let item = |code: &str, name: &str, checklist, citation| Item {
        code: code.into(),
        name: name.into(),
        checklist,
        citation,
    };
    vec![
        item(
            "FOOD-PROD",
            "食品生产环节监督检查",
            points(
                "PROD",
                &[
                    ("食品生产者资质", false),
                    ("生产环境条件", false),
                    ("进货查验", false),
                    ("生产过程控制", false),
                    ("产品检验", false),
                    ("贮存及交付控制", false),
                    ("不合格食品管理和食品召回", false),
                    ("标签和说明书", false),
                    ("食品安全自查", false),
                    ("从业人员管理", false),
                    ("信息记录和追溯", false),
                    ("食品安全事故处置", false),
                    ("委托生产情况（第十六条：作为监督检查的重点）", true),
                ],
            ),
            cite::ORDER49_ART15,
        ),
        item(
            "FOOD-SALES",
            "食品销售环节监督检查",
            points(
                "SALES",
                &[
                    ("食品销售者资质", false),
                    ("一般规定执行", false),
                    ("禁止性规定执行", false),
                    ("经营场所环境卫生", false),
                    ("经营过程控制", false),
                    ("进货查验", false),
                    ("食品贮存", false),
                    ("食品召回", false),
                    ("温度控制及记录", false),
                    ("过期及其他不符合食品安全标准食品处置", false),
                    ("标签和说明书", false),
                    ("食品安全自查", false),
                    ("从业人员管理", false),
                    ("食品安全事故处置", false),
                    ("进口食品销售", false),
                    ("食用农产品销售", false),
                    ("网络食品销售", false),
                ],
            ),
            cite::ORDER49_ART17,
        ),
        item(
            "FOOD-SPECIAL",
            "特殊食品生产、销售环节监督检查（另加第十五条、第十七条要点）",
            points(
                "SPECIAL",
                &[
                    ("注册备案要求执行（生产）", true),
                    ("生产质量管理体系运行（生产）", true),
                    ("原辅料管理（生产）", true),
                    ("原料前处理（保健食品生产）", true),
                    ("禁止混放要求落实（销售）", true),
                    ("标签和说明书核对（销售）", true),
                ],
            ),
            cite::ORDER49_ART18,
        ),
        item(
            "FOOD-CATERING",
            "餐饮服务环节监督检查",
            points(
                "CATER",
                &[
                    ("餐饮服务提供者资质", false),
                    ("从业人员健康管理", false),
                    ("原料控制", false),
                    ("加工制作过程", false),
                    ("食品添加剂使用管理", false),
                    ("场所和设备设施清洁维护", false),
                    ("餐饮具清洗消毒", false),
                    ("食品安全事故处置", false),
                    (
                        "学校等集中用餐单位供餐的食品安全要求（第二十条第二款：强化）",
                        true,
                    ),
                ],
            ),
            cite::ORDER49_ART20,
        ),
    ]
}

fn violations() -> Vec<Violation> {
    vec![
        Violation {
            code: V_RESULT_SHEET.into(),
            description: "未按照规定在显著位置张贴或者公开展示监督检查结果记录表，撕毁、涂改，或者未保持至下次日常监督检查".into(),
            citation: cite::ORDER49_ART48,
            penalty: PenaltyRange {
                min_fine_cny: Some(5_000.0),
                max_fine_cny: Some(50_000.0),
                // Order 49 Art. 48 (LawRefBook text): "由县级以上地方市场监督管理部门责令改正；
                // 拒不改正的，给予警告，可以并处5000元以上5万元以下罚款". The fine is
                // optional ("可以并处"); min/max are the range of that optional fine.
                text: "由县级以上地方市场监督管理部门责令改正；拒不改正的，给予警告，可以并处5000元以上5万元以下罚款（罚款为可选：仅在拒不改正并给予警告时可以并处；所列最低、最高额为该可选罚款的幅度，不是必处罚款）".into(),
            },
        },
        Violation {
            code: V_OBSTRUCTION.into(),
            description: "拒绝、阻挠、干涉监督检查（第四十九条所列八种情形）".into(),
            citation: cite::ORDER49_ART49,
            penalty: PenaltyRange {
                min_fine_cny: None,
                max_fine_cny: None,
                text: "依照食品安全法第一百三十三条第一款处理（罚则数额未在本插件编码）".into(),
            },
        },
        Violation {
            code: V_LABEL_FLAW.into(),
            description: "食品、食品添加剂的标签、说明书存在瑕疵".into(),
            citation: cite::FOOD_SAFETY_LAW_ART125,
            penalty: PenaltyRange {
                min_fine_cny: None,
                max_fine_cny: None,
                text: "责令改正（数额见食品安全法第一百二十五条第二款，本插件未编码）".into(),
            },
        },
    ]
}

/// Order 49 Art. 37's six situations that count as label flaws (corrective
/// order only), and Art. 51's first-minor-violation and no-fault rules.
fn exemptions() -> Vec<Exemption> {
    const SITUATIONS: [&str; 6] = [
        "文字、符号、数字的字号、字体、字高不规范，出现错别字、多字、漏字、繁体字，或者外文翻译不准确以及外文字号、字高大于中文等",
        "净含量、规格的标示方式和格式不规范，或者对没有特殊贮存条件要求的食品，未按照规定标注贮存条件",
        "食品、食品添加剂以及配料使用的俗称或者简称等不规范",
        "营养成分表、配料表顺序、数值、单位标示不规范，或者营养成分表数值修约间隔、“0”界限值、标示单位不规范",
        "对有证据证明未实际添加的成分，标注了“未添加”，但未按照规定标示具体含量",
        "国家市场监督管理总局认定的其他情节轻微，不影响食品安全，没有故意误导消费者的情形",
    ];
    let mut out: Vec<Exemption> = SITUATIONS
        .iter()
        .enumerate()
        .map(|(i, situation)| Exemption {
            violation: V_LABEL_FLAW.into(),
            description: format!("标签、说明书瑕疵（第三十七条第二款第{}项）：{situation}", ["一", "二", "三", "四", "五", "六"][i]),
            conditions: vec![
                situation.to_string(),
                "综合考虑标注内容与食品安全的关联性、当事人的主观过错、消费者对食品安全的理解和选择等因素".into(),
            ],
            outcome: "认定为标签瑕疵，责令改正；经食品生产者采取补救措施且能保证食品安全的可以继续销售，销售时应当向消费者明示补救措施".into(),
            citation: cite::ORDER49_ART37,
        })
        .collect();
    out.push(Exemption {
        violation: V_RESULT_SHEET.into(),
        description: "初次违法且危害后果轻微并及时改正（第五十一条第二款）".into(),
        conditions: vec!["初次违法".into(), "危害后果轻微".into(), "及时改正".into()],
        outcome: "可以不予行政处罚".into(),
        citation: cite::ORDER49_ART51,
    });
    out.push(Exemption {
        violation: V_RESULT_SHEET.into(),
        description: "当事人有证据足以证明没有主观过错（第五十一条第三款）".into(),
        conditions: vec!["有证据足以证明没有主观过错".into()],
        outcome: "不予行政处罚（法律、行政法规另有规定的，从其规定）".into(),
        citation: cite::ORDER49_ART51,
    });
    out
}
