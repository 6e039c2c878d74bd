//! Criminal-referral assessment of hazardous-chemical cases (one row = one
//! case). Three offences are considered for every case:
//!
//! - 刑法 Art. 125 para 2: illegal making, trading, transport or storage of
//!   toxic substances endangering public safety. Whether the substance is
//!   toxic may need appraisal (鉴定) first → `NeedsTesting` until confirmed.
//! - 刑法 Art. 134之一 (危险作业罪): one of its three listed acts, with a
//!   real danger (现实危险) of a major accident; no accident needed.
//! - 刑法 Art. 136 (危险物品肇事罪): an accident with dangerous goods meets
//!   法释〔2015〕22号 Art. 6's "严重后果" at **≥1 death, ≥3 serious injuries,
//!   or ≥1,000,000 CNY direct loss** ("以上" includes the figure). Serious
//!   injuries need 伤情鉴定 and losses an assessment: when a missing figure
//!   could still decide, the finding is `NeedsTesting`.
//!
//! A case with an accident gets a fourth finding, Art. 7's aggravated band
//! (≥3 deaths or ≥10 serious injuries, or the configurable loss,
//! UNCONFIRMED; with main responsibility), cited as 法释〔2015〕22号 Art. 7
//! (unconfirmed): `Refer` only when Art. 136 is referred and the band is
//! met with main responsibility; `NeedsTesting` while an unappraised figure
//! could still reach it.

use jianguan_plugin::{
    FactTable, Facts, Finding, PluginError, ReferralAssessment, ReferralDecision,
};

use crate::cite;
use crate::config::Config;

/// 法释〔2015〕22号 Art. 6: deaths.
pub const ART6_DEATHS: i64 = 1;
/// 法释〔2015〕22号 Art. 6: serious injuries.
pub const ART6_SERIOUS_INJURIES: i64 = 3;
/// 法释〔2015〕22号 Art. 6: direct economic loss, CNY.
pub const ART6_LOSS_CNY: f64 = 1_000_000.0;
/// 法释〔2015〕22号 Art. 7: deaths.
pub const ART7_DEATHS: i64 = 3;
/// 法释〔2015〕22号 Art. 7: serious injuries.
pub const ART7_SERIOUS_INJURIES: i64 = 10;

/// Assesses every row.
///
/// # Errors
/// `InvalidFacts` for negative counts or losses, or an accident without a
/// death count.
pub fn assess(config: &Config, facts: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
    let toxic_handling = facts.flags("toxic_substance_illegal_handling")?;
    let endangers = facts.flags("endangers_public_safety")?;
    let toxic_confirmed = facts.flags("toxic_substance_confirmed")?;
    let act1 = facts.flags("act_disabled_safety_equipment")?;
    let act2 = facts.flags("act_refused_hazard_rectification")?;
    let act3 = facts.flags("act_unapproved_dangerous_goods")?;
    let real_danger = facts.flags("real_danger")?;
    let accident = facts.flags("dangerous_goods_accident")?;
    let consequences = Consequences::read(facts)?;
    let main_resp = facts.flags("main_responsibility")?;
    let mut out = Vec::with_capacity(facts.len());
    for row in 0..facts.len() {
        let art125 = if !toxic_handling.is_set(row) {
            Finding::new(
                ReferralDecision::DoNotRefer,
                cite::CRIM_125,
                "刑法第一百二十五条第二款：无非法制造、买卖、运输、储存毒害性物质的行为",
            )
        } else if !endangers.is_set(row) {
            Finding::new(
                ReferralDecision::DoNotRefer,
                cite::CRIM_125,
                "刑法第一百二十五条第二款：非法处置毒害性物质，但未危害公共安全",
            )
        } else if !toxic_confirmed.is_set(row) {
            Finding::new(
                ReferralDecision::NeedsTesting,
                cite::CRIM_125,
                "刑法第一百二十五条第二款：非法处置物质并危害公共安全，物质是否属毒害性物质须先经检验、鉴定",
            )
        } else {
            Finding::new(
                ReferralDecision::Refer,
                cite::CRIM_125,
                "刑法第一百二十五条第二款：非法制造、买卖、运输、储存毒害性物质，危害公共安全",
            )
        };
        let acts: Vec<&str> = [
            (
                act1.is_set(row),
                "（一）关闭、破坏监控、报警、防护、救生设备或篡改、隐瞒、销毁数据",
            ),
            (
                act2.is_set(row),
                "（二）拒不执行重大事故隐患停产停业、停止施工、停止使用或立即整改的决定",
            ),
            (
                act3.is_set(row),
                "（三）未经批准或许可擅自从事危险物品生产、经营、储存等高度危险作业",
            ),
        ]
        .into_iter()
        .filter_map(|(set, text)| set.then_some(text))
        .collect();
        let art134_1 = danger_finding(&acts, real_danger.is_set(row));
        let mut findings = vec![art125, art134_1];
        if accident.is_set(row) {
            let c = consequences.row(row)?;
            let art136 = accident_finding("刑法第一百三十六条（危险物品肇事罪）", &c);
            let offences: &[&str] = if art136.decision == ReferralDecision::DoNotRefer {
                &[]
            } else {
                &["第一百三十六条"]
            };
            let art7 = aggravated_finding(config, offences, &c, main_resp.is_set(row));
            findings.extend([art136, art7]);
        } else {
            findings.push(Finding::new(
                ReferralDecision::DoNotRefer,
                cite::CRIM_136,
                "刑法第一百三十六条：未发生危险物品肇事事故",
            ));
        }
        out.push(ReferralAssessment::from_findings(findings));
    }
    Ok(out)
}

/// The Art. 134之一 finding.
fn danger_finding(acts: &[&str], real_danger: bool) -> Finding {
    if acts.is_empty() {
        Finding::new(
            ReferralDecision::DoNotRefer,
            cite::CRIM_134_1,
            "刑法第一百三十四条之一：无所列三种危险作业行为",
        )
    } else if real_danger {
        Finding::new(
            ReferralDecision::Refer,
            cite::CRIM_134_1,
            format!(
                "刑法第一百三十四条之一：{}，具有发生重大伤亡事故或者其他严重后果的现实危险",
                acts.join("；")
            ),
        )
    } else {
        Finding::new(
            ReferralDecision::DoNotRefer,
            cite::CRIM_134_1,
            format!(
                "刑法第一百三十四条之一：{}，但无现实危险，依法行政处理",
                acts.join("；")
            ),
        )
    }
}

/// Accident figures of one case; serious injuries and loss may be pending.
#[derive(Debug, Clone, Copy)]
pub struct Consequence {
    /// Deaths.
    pub deaths: i64,
    /// Serious injuries, when appraised.
    pub serious_injuries: Option<i64>,
    /// Direct economic loss in CNY, when assessed.
    pub loss_cny: Option<f64>,
}

/// The three accident-figure columns.
#[derive(Debug)]
pub struct Consequences<'a> {
    deaths: Facts<'a, i64>,
    injuries: Facts<'a, i64>,
    loss: Facts<'a, f64>,
}

impl<'a> Consequences<'a> {
    /// Reads the columns.
    ///
    /// # Errors
    /// A column of the wrong kind.
    pub fn read(facts: &'a FactTable) -> Result<Self, PluginError> {
        Ok(Self {
            deaths: facts.integers("deaths")?,
            injuries: facts.integers("serious_injuries")?,
            loss: facts.numbers("direct_loss_cny")?,
        })
    }

    /// The figures of `row`.
    ///
    /// # Errors
    /// Missing deaths; negative or non-finite figures.
    pub fn row(&self, row: usize) -> Result<Consequence, PluginError> {
        let deaths = *self.deaths.required(row, "deaths")?;
        let serious_injuries = self.injuries.get(row).copied();
        let loss_cny = self.loss.get(row).copied();
        let negative =
            |name: &str| PluginError::invalid_facts(format!("row {row}: fact `{name}` is below 0"));
        if deaths < 0 {
            return Err(negative("deaths"));
        }
        if serious_injuries.is_some_and(|n| n < 0) {
            return Err(negative("serious_injuries"));
        }
        if loss_cny.is_some_and(|x| !x.is_finite() || x < 0.0) {
            return Err(negative("direct_loss_cny"));
        }
        Ok(Consequence {
            deaths,
            serious_injuries,
            loss_cny,
        })
    }
}

/// The Art. 6 finding for an accident offence named `offence`.
pub fn accident_finding(offence: &str, c: &Consequence) -> Finding {
    let mut met = Vec::new();
    let mut unmet = Vec::new();
    let mut pending = Vec::new();
    let mut compare = |value: Option<f64>,
                       threshold: f64,
                       what: &str,
                       unit: &str,
                       pending_text: &str| {
        match value {
            Some(v) if v >= threshold => met.push(format!(
                "{what} {} {unit} ≥ {} {unit}",
                fmt(v),
                fmt(threshold)
            )),
            Some(v) => unmet.push(format!(
                "{what} {} {unit} < {} {unit}",
                fmt(v),
                fmt(threshold)
            )),
            None => pending.push(pending_text.to_string()),
        }
    };
    compare(Some(c.deaths as f64), ART6_DEATHS as f64, "死亡", "人", "");
    compare(
        c.serious_injuries.map(|n| n as f64),
        ART6_SERIOUS_INJURIES as f64,
        "重伤",
        "人",
        "重伤人数待伤情鉴定",
    );
    compare(
        c.loss_cny,
        ART6_LOSS_CNY,
        "直接经济损失",
        "元",
        "直接经济损失待评估",
    );
    let head = format!(
        "{offence}；法释〔2015〕22号第六条（死亡1人以上，或者重伤3人以上，或者直接经济损失100万元以上）"
    );
    if !met.is_empty() {
        Finding::new(
            ReferralDecision::Refer,
            cite::INTERP_6,
            format!("{head}：{}，造成严重后果", met.join("，")),
        )
    } else if !pending.is_empty() {
        Finding::new(
            ReferralDecision::NeedsTesting,
            cite::INTERP_6,
            format!("{head}：{}；{}", unmet.join("，"), pending.join("，")),
        )
    } else {
        Finding::new(
            ReferralDecision::DoNotRefer,
            cite::INTERP_6,
            format!("{head}：{}，未达追诉标准", unmet.join("，")),
        )
    }
}

/// The Art. 7 (aggravated band) finding of an accident case; `offences`
/// names the accident offences referred or pending under Art. 6.
pub fn aggravated_finding(
    config: &Config,
    offences: &[&str],
    c: &Consequence,
    main_resp: bool,
) -> Finding {
    let head = format!(
        "法释〔2015〕22号第七条（死亡3人以上或者重伤10人以上，或者直接经济损失{}元以上〔数额UNCONFIRMED，可配置〕，负事故主要责任：处三年以上七年以下有期徒刑）",
        fmt(config.aggravated_direct_loss_cny)
    );
    if offences.is_empty() {
        return Finding::new(
            ReferralDecision::DoNotRefer,
            cite::INTERP_7,
            format!("{head}：无依第六条移送的事故犯罪，不适用"),
        );
    }
    let mut met = Vec::new();
    let mut unmet = Vec::new();
    let mut pending = Vec::new();
    let deaths = c.deaths as f64;
    let figures = [
        (Some(deaths), ART7_DEATHS as f64, "死亡", "人", ""),
        (
            c.serious_injuries.map(|n| n as f64),
            ART7_SERIOUS_INJURIES as f64,
            "重伤",
            "人",
            "重伤人数待伤情鉴定",
        ),
        (
            c.loss_cny,
            config.aggravated_direct_loss_cny,
            "直接经济损失",
            "元",
            "直接经济损失待评估",
        ),
    ];
    for (value, threshold, what, unit, pending_text) in figures {
        match value {
            Some(v) if v >= threshold => met.push(format!(
                "{what} {} {unit} ≥ {} {unit}",
                fmt(v),
                fmt(threshold)
            )),
            Some(v) => unmet.push(format!(
                "{what} {} {unit} < {} {unit}",
                fmt(v),
                fmt(threshold)
            )),
            None => pending.push(pending_text),
        }
    }
    let offences = offences.join("、");
    if !met.is_empty() && main_resp {
        Finding::new(
            ReferralDecision::Refer,
            cite::INTERP_7,
            format!(
                "{head}：{}，且负事故主要责任：{offences}情节特别恶劣或后果特别严重",
                met.join("，")
            ),
        )
    } else if !met.is_empty() {
        Finding::new(
            ReferralDecision::DoNotRefer,
            cite::INTERP_7,
            format!(
                "{head}：{}，但是否负事故主要责任待认定：{offences}暂按第六条",
                met.join("，")
            ),
        )
    } else if !pending.is_empty() {
        Finding::new(
            ReferralDecision::NeedsTesting,
            cite::INTERP_7,
            format!("{head}：{}；{}", unmet.join("，"), pending.join("，")),
        )
    } else {
        Finding::new(
            ReferralDecision::DoNotRefer,
            cite::INTERP_7,
            format!("{head}：{}，未达加重档", unmet.join("，")),
        )
    }
}

fn fmt(x: f64) -> String {
    crate::grading::num(x)
}
