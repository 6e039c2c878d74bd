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

use jianguan_plugin::{FactTable, Finding, PluginError, ReferralAssessment, ReferralDecision};
use jianguan_plugin_rules::production_safety::{
    AccidentRules, Consequences, dangerous_operation_finding,
};

use crate::cite;
use crate::config::Config;

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
    let rules = accident_rules(config);
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
        let art134_1 =
            dangerous_operation_finding(cite::CRIM_134_1, &acts, real_danger.is_set(row));
        let mut findings = vec![art125, art134_1];
        if accident.is_set(row) {
            let c = consequences.row(row)?;
            let art136 = rules.serious_consequences("刑法第一百三十六条（危险物品肇事罪）", &c);
            let offences: &[&str] = if art136.decision == ReferralDecision::DoNotRefer {
                &[]
            } else {
                &["第一百三十六条"]
            };
            let art7 = rules.aggravated(offences, &c, main_resp.is_set(row));
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

/// The accident rules with this plugin's citations and configured loss.
fn accident_rules(config: &Config) -> AccidentRules {
    AccidentRules {
        art6_citation: cite::INTERP_6,
        art7_citation: cite::INTERP_7,
        aggravated_loss_cny: config.aggravated_direct_loss_cny,
    }
}
