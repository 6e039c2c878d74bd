//! The plugin's description: rule sets, grades, frequencies, device items
//! with checklists, violations and exemptions.

use jianguan_plugin::{
    CheckPoint, Exemption, Frequency, Grade, Item, PenaltyRange, PluginDescription, RuleSet,
    Violation,
};

use crate::{
    cite,
    config::DrugsConfig,
    grading::{self, GRADE_LABELS},
    schema::{self, Category},
};

/// Violation code: device trader's self-inspection report not submitted (Order 54 Art. 68).
pub const V_TRADER_SELF_REPORT: &str = "DEV-TRADER-SELF-REPORT";
/// Violation code: device maker did not report its product varieties (Order 53 Art. 78 (一)).
pub const V_VARIETY_REPORT: &str = "DEV-VARIETY-REPORT";
/// Violation code: unique device identification not done (Order 53 Art. 79 (二)).
pub const V_UDI: &str = "DEV-UDI";

/// The full description.
pub fn describe() -> PluginDescription {
    let config = DrugsConfig::default();
    // One representative category per grade, for the frequency table.
    let representative = [
        Category::DeviceOtherMaker,
        Category::MaterialSupplier,
        Category::OtherDrugMaker,
        Category::DeviceKeyProductMaker,
        Category::HighRiskMaker,
        Category::SpecialControlMaker,
    ];
    PluginDescription {
        id: "drugs".into(),
        name_zh: "药品、医疗器械、化妆品".into(),
        name_en: "Drugs, medical devices and cosmetics".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        industries: [
            "drug_manufacturing",
            "drug_wholesale",
            "drug_retail",
            "medical_device_trade",
            "cosmetics_trade",
        ]
        .map(String::from)
        .to_vec(),
        rule_sets: rule_sets(),
        citations: cite::citations(),
        grades: grades(),
        frequencies: representative
            .iter()
            .enumerate()
            .map(|(grade, &category)| {
                let months = grading::interval_months(&config, category);
                Frequency {
                    grade: GRADE_LABELS[grade].into(),
                    min_per_year: months.map_or(0.0, |m| 12.0 / f64::from(m)),
                    max_per_year: None,
                    citation: grading::frequency_rule(&config, category).0,
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
            "医疗器械生产监督管理办法",
            "国家市场监督管理总局令第53号",
            "2022-05-01",
        ),
        r(
            "医疗器械经营监督管理办法",
            "国家市场监督管理总局令第54号",
            "2022-05-01",
        ),
        r(
            "化妆品生产经营监督管理办法",
            "国家市场监督管理总局令第46号",
            "2022-01-01",
        ),
        // Effective dates not in the sources read; left empty rather than guessed.
        r("药品生产监督管理办法", "国家市场监督管理总局令第28号", ""),
        r("药品检查管理办法（试行）", "国药监药管〔2021〕31号", ""),
        r(
            "最高人民法院、最高人民检察院关于办理危害药品安全刑事案件适用法律若干问题的解释",
            "高检发释字〔2022〕1号",
            "2022-03-06",
        ),
    ]
}

fn grades() -> Vec<Grade> {
    let descriptions = [
        "无全国最低检查频次：其他医疗器械生产企业、医疗器械经营企业、药品批发零售企业、化妆品生产经营者，按年度检查计划",
        "原料、辅料、直接接触药品的包装材料和容器供应商：期内全覆盖（默认 60 个月，未核实）",
        "其他药品生产企业：期内全覆盖（默认 36 个月，未核实）",
        "生产重点监管产品目录品种的医疗器械企业：每年至少检查一次（第53号令第四十九条；按自然年度）",
        "疫苗、血液制品、放射性药品、医疗用毒性药品、无菌药品生产企业：默认每个自然年度至少一次（未核实）",
        "麻醉药品、第一类精神药品、药品类易制毒化学品生产企业：默认每个自然季度至少一次（未核实）",
    ];
    GRADE_LABELS
        .iter()
        .zip(descriptions)
        .map(|(label, description)| Grade {
            label: (*label).into(),
            description: description.into(),
        })
        .collect()
}

fn points(prefix: &str, texts: &[(&str, bool)]) -> Vec<CheckPoint> {
    CheckPoint::numbered(prefix, texts)
}

/// Device items only: Order 53 Art. 51 lists the focus points (重点检查) for
/// registrants who make their own products; Order 54 Art. 50–51 the trade
/// checks. No drug or cosmetics checklist was read, so none is declared.
fn items() -> Vec<Item> {
    vec![
        Item {
            code: "DEV-PROD-SELF".into(),
            name: "医疗器械注册人、备案人自行生产的监督检查（重点检查内容）".into(),
            checklist: points(
                "DEVP",
                &[
                    ("执行法律法规、医疗器械生产质量管理规范情况", true),
                    (
                        "按照强制性标准以及经注册、备案的产品技术要求组织生产，实际生产与注册备案、生产许可备案内容的一致情况",
                        true,
                    ),
                    ("质量管理体系运行持续合规、有效情况", true),
                    (
                        "法定代表人、企业负责人、管理者代表等人员了解熟悉医疗器械相关法律法规情况",
                        true,
                    ),
                    ("管理者代表履职情况", true),
                    (
                        "法定代表人、企业负责人、管理者代表、质量检验机构或者专职人员、生产场地、环境条件、关键生产检验设备等变化情况",
                        true,
                    ),
                    ("用户反馈、企业内部审核等所发现问题的纠正预防措施", true),
                    (
                        "企业产品抽检、监督检查、投诉举报等发现问题的整改落实情况",
                        true,
                    ),
                    ("内部审核、管理评审、变更控制、年度自查报告等情况", true),
                ],
            ),
            citation: cite::ORDER53_ART51,
        },
        Item {
            code: "DEV-TRADE".into(),
            name: "医疗器械经营企业监督检查".into(),
            checklist: points(
                "DEVT",
                &[
                    ("符合医疗器械经营质量管理规范要求的情况（第五十条）", false),
                    ("年度自查报告反映的情况（第五十一条）", false),
                ],
            ),
            citation: cite::ORDER54_ART50,
        },
    ]
}

fn violations() -> Vec<Violation> {
    vec![
        Violation {
            code: V_TRADER_SELF_REPORT.into(),
            description: "医疗器械经营企业未按照要求提交质量管理体系年度自查报告".into(),
            citation: cite::ORDER54_ART68,
            penalty: PenaltyRange {
                min_fine_cny: Some(10_000.0),
                max_fine_cny: Some(100_000.0),
                text: "责令限期改正；拒不改正的，处1万元以上5万元以下罚款；情节严重的，处5万元以上10万元以下罚款".into(),
            },
        },
        Violation {
            code: V_VARIETY_REPORT.into(),
            description: "医疗器械生产企业未依照第四十二条第二款向药品监督管理部门报告所生产的产品品种情况及相关信息".into(),
            citation: cite::ORDER53_ART78,
            penalty: PenaltyRange {
                min_fine_cny: Some(10_000.0),
                max_fine_cny: Some(50_000.0),
                text: "给予警告，并处1万元以上5万元以下罚款".into(),
            },
        },
        Violation {
            code: V_UDI.into(),
            description: "未按照国家实施医疗器械唯一标识的有关要求，组织开展赋码、数据上传和维护更新等工作".into(),
            citation: cite::ORDER53_ART79,
            penalty: PenaltyRange {
                min_fine_cny: Some(10_000.0),
                max_fine_cny: Some(100_000.0),
                text: "责令限期改正；拒不改正的，处1万元以上5万元以下罚款；情节严重的，处5万元以上10万元以下罚款".into(),
            },
        },
    ]
}

fn exemptions() -> Vec<Exemption> {
    let in_time = |violation: &str, citation| Exemption {
        violation: violation.into(),
        description: "在责令改正的期限内改正（罚款以“拒不改正”为前提）".into(),
        conditions: vec!["已责令限期改正".into(), "在期限内改正".into()],
        outcome: "不予罚款，责令改正".into(),
        citation,
    };
    vec![
        in_time(V_TRADER_SELF_REPORT, cite::ORDER54_ART68),
        in_time(V_UDI, cite::ORDER53_ART79),
        Exemption {
            violation: V_VARIETY_REPORT.into(),
            description: "初次违法且危害后果轻微并及时改正".into(),
            conditions: vec!["初次违法".into(), "危害后果轻微".into(), "及时改正".into()],
            outcome: "可以不予行政处罚".into(),
            citation: cite::PENALTY_LAW_ART33,
        },
    ]
}
