//! Criminal-referral assessment of special-equipment cases (one row = one
//! case). Three offences are considered for every case:
//!
//! - 刑法 Art. 134 (重大责任事故罪; para 2 强令、组织他人违章冒险作业罪) and
//!   Art. 135 (重大劳动安全事故罪): an accident meets 法释〔2015〕22号
//!   Art. 6's "严重后果" at **≥1 death, ≥3 serious injuries, or ≥1,000,000
//!   CNY direct loss** ("以上" includes the figure; under Art. 134 para 2 the
//!   same facts carry up to 5 years). A missing injury count or loss that
//!   could still decide → `NeedsTesting`.
//! - 刑法 Art. 134之一 (危险作业罪): one of its three acts with a real danger.
//!
//! A case with an accident gets two more findings after those three:
//!
//! - Art. 7's aggravated band (≥3 deaths or ≥10 serious injuries, or the
//!   configurable loss, UNCONFIRMED; with main responsibility), cited as
//!   法释〔2015〕22号 Art. 7 (unconfirmed). It is `Refer` only when an accident
//!   offence is referred and the band is met with main responsibility;
//!   `NeedsTesting` while an unappraised figure could still reach it.
//! - The accident grade of Decree 493 Art. 3, a note: always `DoNotRefer`,
//!   since the grade decides no referral (the API has no note type).

use jianguan_plugin::{FactTable, Finding, PluginError, ReferralAssessment, ReferralDecision};
use jianguan_plugin_rules::production_safety::{
    AccidentRules, Consequences, dangerous_operation_finding,
};

use crate::cite;
use crate::config::Config;

/// Assesses every row.
///
/// # Errors
/// `InvalidFacts` for negative figures or an accident without a death count.
pub fn assess(config: &Config, facts: &FactTable) -> Result<Vec<ReferralAssessment>, PluginError> {
    let accident = facts.flags("accident")?;
    let violated = facts.flags("violated_safety_rules")?;
    let forced = facts.flags("forced_risky_operation")?;
    let unsafe_conditions = facts.flags("unsafe_conditions")?;
    let consequences = Consequences::read(facts)?;
    let main_resp = facts.flags("main_responsibility")?;
    let act1 = facts.flags("act_disabled_safety_equipment")?;
    let act2 = facts.flags("act_refused_hazard_rectification")?;
    let act3 = facts.flags("act_unapproved_high_risk_activity")?;
    let real_danger = facts.flags("real_danger")?;
    let rules = accident_rules(config);
    let mut out = Vec::with_capacity(facts.len());
    for row in 0..facts.len() {
        let c = if accident.is_set(row) {
            Some(consequences.row(row)?)
        } else {
            None
        };
        let main = main_resp.is_set(row);
        let art134 = match (&c, forced.is_set(row), violated.is_set(row)) {
            (None, ..) => Finding::new(
                ReferralDecision::DoNotRefer,
                cite::CRIM_134,
                "刑法第一百三十四条：未发生事故",
            ),
            (Some(c), true, _) => rules.serious_consequences(
                "刑法第一百三十四条第二款（强令、组织他人违章冒险作业罪，处五年以下）",
                c,
            ),
            (Some(c), false, true) => {
                rules.serious_consequences("刑法第一百三十四条第一款（重大责任事故罪）", c)
            }
            (Some(_), false, false) => Finding::new(
                ReferralDecision::DoNotRefer,
                cite::CRIM_134,
                "刑法第一百三十四条：无在生产、作业中违反安全管理规定或强令冒险作业的事实",
            ),
        };
        let art135 = match (&c, unsafe_conditions.is_set(row)) {
            (None, _) => Finding::new(
                ReferralDecision::DoNotRefer,
                cite::CRIM_135,
                "刑法第一百三十五条：未发生事故",
            ),
            (Some(c), true) => rules.serious_consequences(
                "刑法第一百三十五条（重大劳动安全事故罪：安全生产设施或者安全生产条件不符合国家规定）",
                c,
            ),
            (Some(_), false) => Finding::new(
                ReferralDecision::DoNotRefer,
                cite::CRIM_135,
                "刑法第一百三十五条：无安全生产设施或者安全生产条件不符合国家规定的事实",
            ),
        };
        let acts: Vec<&str> = [
            (
                act1.is_set(row),
                "（一）关闭、破坏监控、报警、防护、救生设备或篡改、隐瞒、销毁数据",
            ),
            (
                act2.is_set(row),
                "（二）拒不执行重大事故隐患停产停业、停止使用有关设备或立即整改的决定",
            ),
            (
                act3.is_set(row),
                "（三）未经批准或许可擅自从事高度危险的生产作业活动",
            ),
        ]
        .into_iter()
        .filter_map(|(set, text)| set.then_some(text))
        .collect();
        let art134_1 =
            dangerous_operation_finding(cite::CRIM_134_1, &acts, real_danger.is_set(row));
        let mut findings = vec![art134, art135, art134_1];
        if let Some(c) = &c {
            let offences: Vec<&str> = [
                (
                    &findings[0],
                    if forced.is_set(row) {
                        "第一百三十四条第二款"
                    } else {
                        "第一百三十四条第一款"
                    },
                ),
                (&findings[1], "第一百三十五条"),
            ]
            .into_iter()
            .filter(|(f, _)| f.decision != ReferralDecision::DoNotRefer)
            .map(|(_, name)| name)
            .collect();
            findings.push(rules.aggravated(&offences, c, main));
            findings.push(rules.grade_note(cite::DECREE_493_3, c));
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
