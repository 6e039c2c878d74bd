//! Criminal-referral assessment of drug, device and cosmetics cases (one
//! row = one case). Findings, by product:
//!
//! - drugs: Art. 141 (counterfeit: a conduct crime → Refer once determined;
//!   bands from the 2022 interpretation: Art. 2 harm, Art. 3 sales
//!   200,000–500,000 or 100,000–200,000 with an Art. 1 aggravator, and a
//!   note at ≥ 500,000 citing Art. 4, whose amount clause is UNCONFIRMED);
//!   Art. 142 (substandard: a crime only with serious harm); Art. 142之一
//!   (the listed acts, when "足以严重危害人体健康");
//! - devices: Art. 145 (below the national or industry standard, when
//!   "足以严重危害人体健康");
//! - cosmetics: Art. 148 (below the hygiene standard, with "严重后果");
//! - all: Art. 149 → Art. 140 for the listed products: sales ≥ 50,000, or
//!   under the police filing standard (一) Art. 16 unsold value ≥ 150,000,
//!   or 3 × sales + unsold ≥ 150,000.
//!
//! A decisive fact that still needs testing or a regulator's determination
//! gives `NeedsTesting`. "以上" includes the figure, "不满" excludes it.

use jianguan_plugin::{FactTable, Finding, PluginError, ReferralAssessment};
use jianguan_plugin_rules::fake_products::{Limb, amount_test};

use crate::{
    cite,
    schema::{self, DRUG_ADMIN_ACT_TEXT, Product, Tested},
};

use jianguan_plugin::decisions::{DoNotRefer, NeedsTesting, Refer};

/// 2022 interpretation Art. 3: sales that are serious on their own (lower bound).
pub const SERIOUS_SALES: f64 = 200_000.0;
/// 2022 interpretation Art. 3: sales that are serious with an Art. 1 aggravator.
pub const SERIOUS_SALES_WITH_AGGRAVATOR: f64 = 100_000.0;
/// Upper bound of the Art. 3 band (200,000 to under 500,000).
pub const SERIOUS_SALES_UPPER: f64 = 500_000.0;

/// Assesses each row.
///
/// # Errors
/// `InvalidFacts` naming the row and fact when the product or an amount is
/// missing or invalid, or a code is unknown.
pub fn assess(facts: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
    let products = facts.texts("product")?;
    let sales = facts.numbers("sales_cny")?;
    let unsold = facts.numbers("unsold_value_cny")?;
    let counterfeit = facts.texts("counterfeit_drug")?;
    let substandard = facts.texts("substandard_drug")?;
    let acts = facts.texts("drug_admin_act")?;
    let device_below = facts.flags("device_below_standard")?;
    let endangers = facts.texts("endangers_health")?;
    let cosmetic_below = facts.flags("cosmetic_below_standard")?;
    let consequences = facts.flags("serious_consequences")?;
    let harm = facts.flags("serious_harm")?;
    let aggravating = facts.flags("aggravating_type")?;

    let mut out = Vec::with_capacity(facts.len());
    for row in 0..facts.len() {
        let product = schema::product(&products, row)?;
        let sales = schema::amount(&sales, row, "sales_cny")?.ok_or_else(|| {
            PluginError::invalid_facts(format!("row {row}: fact `sales_cny` is missing"))
        })?;
        let unsold = schema::amount(&unsold, row, "unsold_value_cny")?.unwrap_or(0.0);
        let harm = harm.is_set(row);
        let mut findings = Vec::with_capacity(6);
        // The strongest state of the product's defect, for Art. 149.
        let defect = match product {
            Product::Drug => {
                let counterfeit = schema::tested(&counterfeit, row, "counterfeit_drug")?;
                let substandard = schema::tested(&substandard, row, "substandard_drug")?;
                let act = schema::drug_admin_act(&acts, row)?;
                let endangers = schema::tested(&endangers, row, "endangers_health")?;
                art_141(
                    &mut findings,
                    counterfeit,
                    sales,
                    harm,
                    aggravating.is_set(row),
                );
                findings.push(art_142(substandard, harm));
                findings.push(art_142_1(act, endangers, harm));
                // Items (一) and (二) concern products; (三) and (四) do not.
                let product_act = if matches!(act, 1 | 2) {
                    Tested::Confirmed
                } else {
                    Tested::None
                };
                strongest(&[counterfeit, substandard, product_act])
            }
            Product::Device => {
                let endangers = schema::tested(&endangers, row, "endangers_health")?;
                let below = device_below.is_set(row);
                findings.push(art_145(below, endangers, harm));
                if below {
                    Tested::Confirmed
                } else {
                    Tested::None
                }
            }
            Product::Cosmetic => {
                let below = cosmetic_below.is_set(row);
                findings.push(art_148(below, consequences.is_set(row)));
                if below {
                    Tested::Confirmed
                } else {
                    Tested::None
                }
            }
        };
        findings.push(art_149(sales, unsold, defect));
        out.push(ReferralAssessment::from_findings(findings));
    }
    Ok(out)
}

fn strongest(states: &[Tested]) -> Tested {
    if states.contains(&Tested::Confirmed) {
        Tested::Confirmed
    } else if states.contains(&Tested::Suspected) {
        Tested::Suspected
    } else {
        Tested::None
    }
}

/// Art. 141 and, when met or pending, the 2022 interpretation's bands.
fn art_141(
    findings: &mut Vec<Finding>,
    counterfeit: Tested,
    sales: f64,
    harm: bool,
    aggravating: bool,
) {
    let decision = match counterfeit {
        Tested::None => {
            findings.push(Finding::new(
                DoNotRefer,
                cite::CRIM_141,
                "未认定为假药，第一百四十一条不适用",
            ));
            return;
        }
        Tested::Suspected => {
            findings.push(Finding::new(
                NeedsTesting,
                cite::CRIM_141,
                "疑似假药尚未认定：由省级以上药品检验机构出具质量检验结论，或（标签类等情形）地市级以上药品监督管理部门出具认定意见",
            ));
            NeedsTesting
        }
        Tested::Confirmed => {
            findings.push(Finding::new(
                Refer,
                cite::CRIM_141,
                "生产、销售假药：行为犯，无数额门槛，应当移送",
            ));
            Refer
        }
    };
    if harm {
        findings.push(Finding::new(
            decision,
            cite::INTERP_ART2,
            "假药“对人体健康造成严重危害”（轻伤或重伤、轻度或中度残疾、器官组织损伤导致功能障碍）→ 三年以上十年以下",
        ));
    }
    if sales >= SERIOUS_SALES_UPPER {
        findings.push(Finding::new(
            decision,
            cite::INTERP_ART4,
            format!(
                "销售金额 {sales} 元 ≥ {SERIOUS_SALES_UPPER} 元，超出第三条“二十万元以上不满五十万元”区间：可能属“其他特别严重情节”（第四条数额条款未核实）"
            ),
        ));
    } else if sales >= SERIOUS_SALES {
        findings.push(Finding::new(
            decision,
            cite::INTERP_ART3,
            format!(
                "假药“其他严重情节”：销售金额 {sales} 元 ≥ {SERIOUS_SALES} 元且 < {SERIOUS_SALES_UPPER} 元 → 三年以上十年以下"
            ),
        ));
    } else if sales >= SERIOUS_SALES_WITH_AGGRAVATOR && aggravating {
        findings.push(Finding::new(
            decision,
            cite::INTERP_ART3,
            format!(
                "假药“其他严重情节”：销售金额 {sales} 元在 {SERIOUS_SALES_WITH_AGGRAVATOR}–{SERIOUS_SALES} 元之间，且有第一条从重情形 → 三年以上十年以下"
            ),
        ));
    }
    if aggravating {
        findings.push(Finding::new(
            decision,
            cite::INTERP_ART1,
            "假药具有2022年解释第一条所列情形（以孕产妇、儿童或者危重病人为主要使用对象；麻醉药品、精神药品、医疗用毒性药品、放射性药品、生物制品；注射剂药品、急救药品；用于应对突发事件；药品使用单位及其工作人员生产、销售）：应当酌情从重处罚",
        ));
    }
}

/// Art. 142: substandard drugs are a crime only with serious harm.
fn art_142(substandard: Tested, harm: bool) -> Finding {
    match (substandard, harm) {
        (Tested::None, _) => Finding::new(
            DoNotRefer,
            cite::CRIM_142,
            "未认定为劣药，第一百四十二条不适用",
        ),
        (_, false) => Finding::new(
            DoNotRefer,
            cite::CRIM_142,
            "劣药未对人体健康造成严重危害：第一百四十二条不构成，依第一百四十九条考虑销售金额",
        ),
        (Tested::Suspected, true) => Finding::new(
            NeedsTesting,
            cite::CRIM_142,
            "已造成严重危害，劣药尚待质量检验结论认定",
        ),
        (Tested::Confirmed, true) => Finding::new(
            Refer,
            cite::CRIM_142,
            "生产、销售劣药，对人体健康造成严重危害（2022年解释第二条）：三年以上十年以下，应当移送",
        ),
    }
}

/// Art. 142之一: the listed acts, when "足以严重危害人体健康".
fn art_142_1(act: usize, endangers: Tested, harm: bool) -> Finding {
    if act == 0 {
        return Finding::new(DoNotRefer, cite::CRIM_142_1, "无第一百四十二条之一所列行为");
    }
    let what = DRUG_ADMIN_ACT_TEXT[act];
    let band = if harm {
        "；已对人体健康造成严重危害 → 三年以上七年以下"
    } else {
        ""
    };
    match endangers {
        Tested::Confirmed => Finding::new(
            Refer,
            cite::CRIM_142_1,
            format!("{what}，足以严重危害人体健康：应当移送{band}"),
        ),
        Tested::Suspected => Finding::new(
            NeedsTesting,
            cite::CRIM_142_1,
            format!("{what}；是否“足以严重危害人体健康”尚待检验或认定{band}"),
        ),
        Tested::None => Finding::new(
            DoNotRefer,
            cite::CRIM_142_1,
            format!("{what}，但未认定足以严重危害人体健康"),
        ),
    }
}

/// Art. 145: devices below standard, when "足以严重危害人体健康".
fn art_145(below: bool, endangers: Tested, harm: bool) -> Finding {
    if !below {
        return Finding::new(
            DoNotRefer,
            cite::CRIM_145,
            "医疗器械未认定不符合保障人体健康的国家标准、行业标准",
        );
    }
    let band = if harm {
        "；已对人体健康造成严重危害 → 三年以上十年以下"
    } else {
        ""
    };
    match endangers {
        Tested::Confirmed => Finding::new(
            Refer,
            cite::CRIM_145,
            format!("医疗器械不符合保障人体健康的标准，足以严重危害人体健康：应当移送{band}"),
        ),
        Tested::Suspected => Finding::new(
            NeedsTesting,
            cite::CRIM_145,
            format!("医疗器械不符合标准；是否“足以严重危害人体健康”尚待检验或认定{band}"),
        ),
        Tested::None => Finding::new(
            DoNotRefer,
            cite::CRIM_145,
            "医疗器械不符合标准，但未认定足以严重危害人体健康：依第一百四十九条考虑销售金额",
        ),
    }
}

/// Art. 148: cosmetics below the hygiene standard, with serious consequences.
fn art_148(below: bool, consequences: bool) -> Finding {
    match (below, consequences) {
        (false, _) => Finding::new(DoNotRefer, cite::CRIM_148, "化妆品未认定不符合卫生标准"),
        (true, false) => Finding::new(
            DoNotRefer,
            cite::CRIM_148,
            "化妆品不符合卫生标准，但未造成严重后果：依第一百四十九条考虑销售金额",
        ),
        (true, true) => Finding::new(
            Refer,
            cite::CRIM_148,
            "化妆品不符合卫生标准，造成严重后果：应当移送",
        ),
    }
}

/// Art. 149 → Art. 140, with the filing standard's 5万 / 15万 / ×3 rule.
fn art_149(sales: f64, unsold: f64, defect: Tested) -> Finding {
    if defect == Tested::None {
        return Finding::new(
            DoNotRefer,
            cite::CRIM_149,
            "无第一百四十一条至第一百四十八条所列伪劣产品，第一百四十九条不适用",
        );
    }
    let test = amount_test(sales, unsold);
    let citation = match test.limb {
        Some(Limb::Sales) => cite::CRIM_149,
        _ => cite::FILING_STD_ART16,
    };
    let figure = test.figures;
    match (test.limb, defect) {
        (None, _) => Finding::new(
            DoNotRefer,
            citation,
            format!("第一百四十九条依照第一百四十条：{figure}"),
        ),
        (Some(_), Tested::Confirmed) => Finding::new(
            Refer,
            citation,
            format!("第一百四十九条依照第一百四十条：{figure}"),
        ),
        (Some(_), _) => Finding::new(
            NeedsTesting,
            citation,
            format!("第一百四十九条依照第一百四十条：{figure}，但产品是否伪劣尚待检验或认定"),
        ),
    }
}
