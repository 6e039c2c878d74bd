//! Criminal-referral assessment of food cases (one row = one case).
//!
//! Findings, in order:
//! 1. Criminal Law Art. 143 (food below safety standards): the basic crime
//!    needs "足以造成严重食物中毒事故或者其他严重食源性疾病", i.e. one of the
//!    2021 interpretation's Art. 1 items, or serious harm already done
//!    (Art. 2). A seriously excessive contaminant that is alleged but not yet
//!    tested gives `NeedsTesting` (Interp. Art. 24).
//!    When the basic crime is met (or awaits testing), the highest band met:
//!    - Art. 4 "后果特别严重" (≥ 7 years to life): a death; severe disability
//!      (重度残疾以上); ≥ 3 persons seriously injured, moderately disabled or
//!      with severe organ dysfunction; ≥ 10 minor injuries, or ≥ 5 persons
//!      mildly disabled or with ordinary organ dysfunction; ≥ 30 persons
//!      seriously poisoned;
//!    - otherwise one finding per 3–7-year band met: Art. 2 serious harm;
//!      Art. 3 other serious circumstances (sales ≥ 200,000; or
//!      100,000–200,000 with an aggravator).
//! 2. Art. 144 (toxic or harmful food): a conduct crime without an amount;
//!    a suspected substance that is not yet identified gives `NeedsTesting`.
//!    The highest band met:
//!    - "致人死亡" (the statute itself) and Art. 8 "其他特别严重情节"
//!      (sales ≥ 500,000, or any of Art. 4 items 2–6): penalties of
//!      Art. 141 (≥ 10 years, life or death);
//!    - otherwise (5–10 years) Art. 6 harm; Art. 7 (sales 200,000–500,000;
//!      100,000–200,000 with an aggravator; highly toxic or high content).
//!
//! Only the highest band is reported, so the sentence range shown is the one
//! that applies.
//! 3. Art. 140 directly (adulteration) or through Art. 149 (products of
//!    Arts. 143–144 that do not make those crimes): sales ≥ 50,000; or, under
//!    the police filing standard (一) Art. 16, unsold value ≥ 150,000, or
//!    3 × sales + unsold ≥ 150,000.
//!
//! "以上" includes the figure, "不满" excludes it.

use jianguan_plugin::{FactTable, Finding, PluginError, ReferralAssessment};
use jianguan_plugin_rules::fake_products::{Limb, amount_test};

use crate::{
    cite,
    schema::{self, Tested},
};

/// Interp. Arts. 3 and 7: sales amount that is serious on its own.
pub const SERIOUS_SALES: f64 = 200_000.0;
/// Interp. Arts. 3 and 7: sales amount that is serious with an aggravator.
pub const SERIOUS_SALES_WITH_AGGRAVATOR: f64 = 100_000.0;
/// Interp. Art. 8: sales amount that is especially serious under Art. 144.
pub const ESPECIALLY_SERIOUS_SALES_144: f64 = 500_000.0;
/// Interp. Art. 2 item 4: seriously poisoned persons that make serious harm.
pub const SERIOUS_POISONING_PERSONS: i64 = 10;
/// Interp. Art. 4 item 1: deaths that make the consequences especially serious.
pub const ESPECIALLY_SERIOUS_DEATHS: i64 = 1;
/// Interp. Art. 4 item 2: persons severely disabled (重度残疾以上).
pub const ESPECIALLY_SERIOUS_SEVERE_DISABILITIES: i64 = 1;
/// Interp. Art. 4 item 3: persons seriously injured, moderately disabled or
/// with severe organ dysfunction.
pub const ESPECIALLY_SERIOUS_SERIOUS_INJURIES: i64 = 3;
/// Interp. Art. 4 item 4: persons with minor injuries.
pub const ESPECIALLY_SERIOUS_MINOR_INJURIES: i64 = 10;
/// Interp. Art. 4 item 4: persons mildly disabled or with ordinary organ
/// dysfunction.
pub const ESPECIALLY_SERIOUS_MILD_DISABILITIES: i64 = 5;
/// Interp. Art. 4 item 5: seriously poisoned persons.
pub const ESPECIALLY_SERIOUS_POISONING_PERSONS: i64 = 30;

/// Art. 143's top band (Interp. Art. 4).
const BAND_143_TOP: &str = "七年以上有期徒刑或者无期徒刑";
/// Art. 144's top band: "依照本法第一百四十一条的规定处罚".
const BAND_144_TOP: &str = "依照第一百四十一条处罚：十年以上有期徒刑、无期徒刑或者死刑";
/// Interp. Art. 3 item 2: months of activity that aggravate.
pub const AGGRAVATING_MONTHS: f64 = 6.0;
/// Interp. Arts. 3 item 5 and 25: years since an administrative penalty.
pub const PRIOR_PENALTY_YEARS: i32 = 2;

use jianguan_plugin::decisions::{DoNotRefer, NeedsTesting, Refer};

/// Assesses each row.
///
/// # Errors
/// `InvalidFacts` naming the row and fact when an amount is missing or
/// negative, a code is unknown, or a penalty date comes without `act_date`.
pub fn assess(facts: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
    let sales = facts.numbers("sales_cny")?;
    let unsold = facts.numbers("unsold_value_cny")?;
    let substandard = facts.flags("substandard_food")?;
    let adulterated = facts.flags("adulterated")?;
    let contaminant = facts.texts("contaminant_excess")?;
    let diseased = facts.flags("diseased_meat")?;
    let banned = facts.flags("banned_for_disease_control")?;
    let nutrients = facts.flags("special_food_nutrients_noncompliant")?;
    let toxic = facts.texts("toxic_substance")?;
    let highly_toxic = facts.flags("highly_toxic_or_high_content")?;
    let injury = facts.flags("injury_or_disability")?;
    let poisoned = facts.integers("serious_poisoning_count")?;
    let deaths = facts.integers("death_count")?;
    let severe = facts.integers("severe_disability_count")?;
    let serious_injured = facts.integers("serious_injury_count")?;
    let minor_injured = facts.integers("minor_injury_count")?;
    let mild_disabled = facts.integers("mild_disability_count")?;
    let large = facts.flags("large_quantity")?;
    let months = facts.numbers("duration_months")?;
    let special = facts.flags("special_medical_or_infant_food")?;
    let near = facts.flags("near_schools_or_elderly")?;
    let prior_crime = facts.flags("prior_food_crime")?;
    let penalty = facts.dates("prior_food_penalty_effective")?;
    let act = facts.dates("act_date")?;

    let mut out = Vec::with_capacity(facts.len());
    for row in 0..facts.len() {
        let sales = schema::required_in(&sales, row, "sales_cny", 0.0, f64::MAX)?;
        let unsold =
            schema::number_in(&unsold, row, "unsold_value_cny", 0.0, f64::MAX)?.unwrap_or(0.0);
        let substandard = *substandard.required(row, "substandard_food")?;
        let contaminant = schema::tested(&contaminant, row, "contaminant_excess")?;
        let toxic = schema::tested(&toxic, row, "toxic_substance")?;
        let poisoned = schema::count(&poisoned, row, "serious_poisoning_count")?;
        let deaths = schema::count(&deaths, row, "death_count")?;
        let severe = schema::count(&severe, row, "severe_disability_count")?;
        let serious_injured = schema::count(&serious_injured, row, "serious_injury_count")?;
        let minor_injured = schema::count(&minor_injured, row, "minor_injury_count")?;
        let mild_disabled = schema::count(&mild_disabled, row, "mild_disability_count")?;
        let months =
            schema::number_in(&months, row, "duration_months", 0.0, f64::MAX)?.unwrap_or(0.0);

        // Interp. Art. 2 (and Art. 6 for Art. 144): serious harm done.
        let mut harm = Vec::new();
        if injury.is_set(row) {
            harm.push("造成轻伤以上伤害、轻度或中度残疾或器官组织损伤".to_string());
        }
        if !injury.is_set(row) {
            // Counts of Art. 4 items 2–4 are also Art. 2 items 1–3 harm.
            let counted = [
                ("重度残疾以上", severe),
                (
                    "重伤、中度残疾或者器官组织损伤导致严重功能障碍",
                    serious_injured,
                ),
                ("轻伤", minor_injured),
                ("轻度残疾或者器官组织损伤导致一般功能障碍", mild_disabled),
            ];
            for (what, n) in counted {
                if n > 0 {
                    harm.push(format!("{what} {n} 人（轻伤以上伤害或残疾）"));
                }
            }
        }
        if poisoned >= SERIOUS_POISONING_PERSONS {
            harm.push(format!(
                "严重食物中毒 {poisoned} 人 ≥ {SERIOUS_POISONING_PERSONS} 人"
            ));
        }

        // Interp. Art. 4 items 1–5: especially serious consequences, as
        // (item, detail).
        let mut especially: Vec<(usize, String)> = Vec::new();
        if deaths >= ESPECIALLY_SERIOUS_DEATHS {
            especially.push((
                1,
                format!("致人死亡 {deaths} 人 ≥ {ESPECIALLY_SERIOUS_DEATHS} 人"),
            ));
        }
        if severe >= ESPECIALLY_SERIOUS_SEVERE_DISABILITIES {
            especially.push((
                2,
                format!(
                    "造成重度残疾以上 {severe} 人 ≥ {ESPECIALLY_SERIOUS_SEVERE_DISABILITIES} 人"
                ),
            ));
        }
        if serious_injured >= ESPECIALLY_SERIOUS_SERIOUS_INJURIES {
            especially.push((
                3,
                format!(
                    "重伤、中度残疾或者器官组织损伤导致严重功能障碍 {serious_injured} 人 ≥ {ESPECIALLY_SERIOUS_SERIOUS_INJURIES} 人"
                ),
            ));
        }
        if minor_injured >= ESPECIALLY_SERIOUS_MINOR_INJURIES {
            especially.push((
                4,
                format!("轻伤 {minor_injured} 人 ≥ {ESPECIALLY_SERIOUS_MINOR_INJURIES} 人"),
            ));
        }
        if mild_disabled >= ESPECIALLY_SERIOUS_MILD_DISABILITIES {
            especially.push((
                4,
                format!(
                    "轻度残疾或者器官组织损伤导致一般功能障碍 {mild_disabled} 人 ≥ {ESPECIALLY_SERIOUS_MILD_DISABILITIES} 人"
                ),
            ));
        }
        if poisoned >= ESPECIALLY_SERIOUS_POISONING_PERSONS {
            especially.push((
                5,
                format!("严重食物中毒 {poisoned} 人 ≥ {ESPECIALLY_SERIOUS_POISONING_PERSONS} 人"),
            ));
        }

        // Interp. Arts. 3 and 7, items 2–5: aggravators of the 10万–20万 band.
        let mut aggravators = Vec::new();
        if large.is_set(row) {
            aggravators.push("数量较大".to_string());
        }
        if months >= AGGRAVATING_MONTHS {
            aggravators.push(format!("持续 {months} 个月 ≥ {AGGRAVATING_MONTHS} 个月"));
        }
        if special.is_set(row) {
            aggravators.push("特殊医学用途配方食品或专供婴幼儿的主辅食品".to_string());
        }
        if near.is_set(row) {
            aggravators.push("在学校、托幼、养老机构及周边面向未成年人、老年人销售".to_string());
        }
        if prior_crime.is_set(row) {
            aggravators.push("曾因危害食品安全犯罪受过刑事处罚".to_string());
        }
        if let Some(p) = penalty.date(row) {
            let a = act.date(row).ok_or_else(|| {
                PluginError::invalid_facts(format!(
                    "row {row}: fact `act_date` is missing (required with `prior_food_penalty_effective`)"
                ))
            })?;
            let limit = p.add_years(PRIOR_PENALTY_YEARS);
            if p <= a && a <= limit {
                aggravators.push(format!(
                    "二年内受过行政处罚（处罚生效 {p}，本次行为 {a} ≤ {limit}）"
                ));
            }
        }

        let mut findings = Vec::with_capacity(6);
        let basic_143 = art_143(
            substandard,
            contaminant,
            diseased.is_set(row),
            banned.is_set(row),
            nutrients.is_set(row),
            &harm,
            &especially,
        );
        let decision_143 = basic_143.decision;
        findings.push(basic_143);
        if decision_143 != DoNotRefer && !especially.is_empty() {
            findings.push(Finding::new(
                decision_143,
                cite::INTERP_ART4,
                format!(
                    "第一百四十三条“后果特别严重”：{}（{BAND_143_TOP}）",
                    items_text(&especially)
                ),
            ));
        } else if decision_143 != DoNotRefer {
            if !harm.is_empty() {
                findings.push(Finding::new(
                    decision_143,
                    cite::INTERP_ART2,
                    format!(
                        "第一百四十三条“对人体健康造成严重危害”：{}（三年以上七年以下）",
                        harm.join("；")
                    ),
                ));
            }
            if let Some(detail) = serious_circumstances(sales, &aggravators, None) {
                findings.push(Finding::new(
                    decision_143,
                    cite::INTERP_ART3,
                    format!("第一百四十三条“其他严重情节”：{detail}（三年以上七年以下）"),
                ));
            }
        }

        let basic_144 = art_144(toxic);
        let decision_144 = basic_144.decision;
        findings.push(basic_144);
        // Art. 144 itself: "致人死亡…的，依照本法第一百四十一条的规定处罚".
        let died = deaths >= ESPECIALLY_SERIOUS_DEATHS;
        if decision_144 != DoNotRefer && died {
            findings.push(Finding::new(
                decision_144,
                cite::CRIM_144,
                format!(
                    "第一百四十四条“致人死亡”：死亡 {deaths} 人 ≥ {ESPECIALLY_SERIOUS_DEATHS} 人（{BAND_144_TOP}）"
                ),
            ));
        }
        // Interp. Art. 8: sales ≥ 500,000, or Art. 4 items 2–6.
        let mut art8 = Vec::new();
        if sales >= ESPECIALLY_SERIOUS_SALES_144 {
            art8.push(format!(
                "销售金额 {sales} 元 ≥ {ESPECIALLY_SERIOUS_SALES_144} 元"
            ));
        }
        let items_2_to_6: Vec<(usize, String)> = especially
            .iter()
            .filter(|(item, _)| *item >= 2)
            .cloned()
            .collect();
        if !items_2_to_6.is_empty() {
            art8.push(items_text(&items_2_to_6));
        }
        if decision_144 != DoNotRefer && !art8.is_empty() {
            findings.push(Finding::new(
                decision_144,
                cite::INTERP_ART8,
                format!(
                    "第一百四十四条“其他特别严重情节”：{}（{BAND_144_TOP}）",
                    art8.join("；")
                ),
            ));
        } else if decision_144 != DoNotRefer && !died {
            if !harm.is_empty() {
                findings.push(Finding::new(
                    decision_144,
                    cite::INTERP_ART6,
                    format!(
                        "第一百四十四条“对人体健康造成严重危害”：{}（五年以上十年以下）",
                        harm.join("；")
                    ),
                ));
            }
            if let Some(detail) = serious_circumstances(
                sales,
                &aggravators,
                highly_toxic
                    .is_set(row)
                    .then_some("有毒、有害的非食品原料毒害性强或者含量高"),
            ) {
                findings.push(Finding::new(
                    decision_144,
                    cite::INTERP_ART7,
                    format!("第一百四十四条“其他严重情节”：{detail}（五年以上十年以下）"),
                ));
            }
        }

        let listed = if substandard || toxic == Tested::Confirmed {
            Tested::Confirmed
        } else {
            toxic
        };
        findings.push(art_140_149(sales, unsold, adulterated.is_set(row), listed));
        out.push(ReferralAssessment::from_findings(findings));
    }
    Ok(out)
}

/// "解释第四条第一项：…；第五项：…" for (item, detail) pairs.
fn items_text(items: &[(usize, String)]) -> String {
    const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
    let parts: Vec<String> = items
        .iter()
        .map(|(item, detail)| format!("第{}项：{detail}", NUMERALS[item - 1]))
        .collect();
    format!("解释第四条{}", parts.join("；"))
}

/// Art. 143's basic crime, through Interp. Art. 1 (or harm done, Art. 2,
/// or especially serious consequences, Art. 4).
fn art_143(
    substandard: bool,
    contaminant: Tested,
    diseased: bool,
    banned: bool,
    nutrients: bool,
    harm: &[String],
    especially: &[(usize, String)],
) -> Finding {
    if !substandard {
        return Finding::new(
            DoNotRefer,
            cite::CRIM_143,
            "涉案食品未认定为不符合食品安全标准，第一百四十三条不适用",
        );
    }
    let mut grounds = Vec::new();
    if contaminant == Tested::Confirmed {
        grounds.push("第一项：污染物质严重超出标准限量（已经检验认定）");
    }
    if diseased {
        grounds.push("第二项：病死、死因不明或者检验检疫不合格的动物肉类及其制品");
    }
    if banned {
        grounds.push("第三项：国家为防控疾病等特殊需要明令禁止生产、销售");
    }
    if nutrients {
        grounds.push(
            "第四项：特殊医学用途配方食品、专供婴幼儿的主辅食品营养成分严重不符合食品安全标准",
        );
    }
    if !grounds.is_empty() {
        return Finding::new(
            Refer,
            cite::INTERP_ART1,
            format!(
                "足以造成严重食物中毒事故或者其他严重食源性疾病（解释第一条{}）：涉嫌第一百四十三条，应当移送",
                grounds.join("；")
            ),
        );
    }
    if !especially.is_empty() {
        return Finding::new(
            Refer,
            cite::INTERP_ART4,
            format!(
                "不符合食品安全标准的食品已造成特别严重后果（{}）：涉嫌第一百四十三条，应当移送",
                items_text(especially)
            ),
        );
    }
    if !harm.is_empty() {
        return Finding::new(
            Refer,
            cite::INTERP_ART2,
            format!(
                "不符合食品安全标准的食品已对人体健康造成严重危害（{}）：涉嫌第一百四十三条，应当移送",
                harm.join("；")
            ),
        );
    }
    if contaminant == Tested::Suspected {
        return Finding::new(
            NeedsTesting,
            cite::INTERP_ART1,
            "污染物质严重超出标准限量尚未经检验：先行检验，或由地市级以上主管部门出具书面意见（解释第二十四条），再判断是否足以造成严重食物中毒事故",
        );
    }
    Finding::new(
        DoNotRefer,
        cite::CRIM_143,
        "无证据证明足以造成严重食物中毒事故或者其他严重食源性疾病（解释第一条各项均未满足）；依解释第十三条第二款考虑生产、销售伪劣产品罪",
    )
}

/// Art. 144: a conduct crime once a toxic or harmful non-food substance is
/// identified (Interp. Art. 9).
fn art_144(toxic: Tested) -> Finding {
    match toxic {
        Tested::Confirmed => Finding::new(
            Refer,
            cite::CRIM_144,
            "在食品中掺入有毒、有害的非食品原料（解释第九条）：行为犯，无数额门槛，应当移送",
        ),
        Tested::Suspected => Finding::new(
            NeedsTesting,
            cite::INTERP_ART9,
            "疑似掺入有毒、有害的非食品原料，尚未认定：先行检验、鉴定或出具书面意见（解释第二十四条）",
        ),
        Tested::None => Finding::new(
            DoNotRefer,
            cite::CRIM_144,
            "未发现掺入有毒、有害的非食品原料，第一百四十四条不适用",
        ),
    }
}

/// Interp. Art. 3 item 1 / Art. 7 item 1 (sales ≥ 200,000, for Art. 7 below
/// 500,000, which the caller checks first), or items 2–5 (100,000 to under
/// 200,000 with an aggravator), or `extra` (Art. 7 item 6).
fn serious_circumstances(
    sales: f64,
    aggravators: &[String],
    extra: Option<&str>,
) -> Option<String> {
    let mut grounds = Vec::new();
    if sales >= SERIOUS_SALES {
        grounds.push(format!("销售金额 {sales} 元 ≥ {SERIOUS_SALES} 元"));
    } else if sales >= SERIOUS_SALES_WITH_AGGRAVATOR && !aggravators.is_empty() {
        grounds.push(format!(
            "销售金额 {sales} 元在 {SERIOUS_SALES_WITH_AGGRAVATOR}–{SERIOUS_SALES} 元之间，且{}",
            aggravators.join("、")
        ));
    }
    if let Some(extra) = extra {
        grounds.push(extra.to_string());
    }
    (!grounds.is_empty()).then(|| grounds.join("；"))
}

/// Art. 140 (adulteration) or Art. 149 → Art. 140 (products of Arts.
/// 143–144), with the filing standard's 5万 / 15万 / ×3 rule.
/// `listed` is whether the food is a product of Arts. 143–144; when that
/// still awaits testing, a met amount gives `NeedsTesting`.
fn art_140_149(sales: f64, unsold: f64, adulterated: bool, listed: Tested) -> Finding {
    if !adulterated && listed == Tested::None {
        return Finding::new(
            DoNotRefer,
            cite::CRIM_140,
            "未认定为伪劣产品（无掺杂掺假、以次充好等情形，亦非不符合安全标准或有毒有害食品）",
        );
    }
    let statute = if adulterated {
        cite::CRIM_140
    } else {
        cite::CRIM_149
    };
    let route = if adulterated {
        "生产、销售伪劣产品罪（第一百四十条）"
    } else {
        "第一百四十九条依照第一百四十条（不构成第一百四十三、一百四十四条之罪的；同时构成的依照处罚较重的规定）"
    };
    let met = if adulterated || listed == Tested::Confirmed {
        Refer
    } else {
        NeedsTesting
    };
    let test = amount_test(sales, unsold);
    let (decision, citation) = match test.limb {
        Some(Limb::Sales) => (met, statute),
        Some(_) => (met, cite::FILING_STD_ART16),
        None => (DoNotRefer, cite::FILING_STD_ART16),
    };
    Finding::new(decision, citation, format!("{route}：{}", test.figures))
}
