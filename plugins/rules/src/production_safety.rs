//! Production-safety accident crimes: the thresholds of
//! 《最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释》
//! (法释〔2015〕22号) Arts. 6 and 7, the dangerous-operation crime of 刑法
//! Art. 134之一, and the accident grades of 《生产安全事故报告和调查处理条例》
//! (国务院令第493号) Art. 3.
//!
//! - Art. 6 ("造成严重后果"): **≥1 death, ≥3 serious injuries, or
//!   ≥1,000,000 CNY direct loss**; "以上" includes the figure. A missing
//!   injury count (伤情鉴定 pending) or loss (assessment pending) that could
//!   still decide gives `NeedsTesting`.
//! - Art. 7 (aggravated band, 3–7 years): ≥3 deaths or ≥10 serious
//!   injuries, or a direct loss the plugin configures (its figure is
//!   UNCONFIRMED), with main responsibility for the accident.
//! - Decree 493 Art. 3: 特别重大 / 重大 / 较大 / 一般事故 by deaths, serious
//!   injuries and direct loss.
//!
//! The accident figures are read from the facts `deaths` (integer),
//! `serious_injuries` (integer) and `direct_loss_cny` (number).

use super::figure;
use jianguan_plugin::{FactTable, Facts, Finding, PluginError, ReferralDecision};

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

/// 国务院令第493号 Art. 3 grades, most serious first, with (deaths, serious
/// injuries, direct loss CNY) lower bounds; "以上" includes the figure.
pub const ACCIDENT_GRADES: [(&str, i64, i64, f64); 3] = [
    ("特别重大事故", 30, 100, 100_000_000.0),
    ("重大事故", 10, 50, 50_000_000.0),
    ("较大事故", 3, 10, 10_000_000.0),
];

/// The 国务院令第493号 Art. 3 grade of an accident by its known figures
/// (a pending figure counts as 0).
pub fn accident_grade(c: &Consequence) -> &'static str {
    let injuries = c.serious_injuries.unwrap_or(0);
    let loss = c.loss_cny.unwrap_or(0.0);
    ACCIDENT_GRADES
        .iter()
        .find(|(_, d, i, l)| c.deaths >= *d || injuries >= *i || loss >= *l)
        .map_or("一般事故", |g| g.0)
}

/// Checks a configured Art. 7 direct-loss figure: it must be finite and
/// above the Art. 6 figure ([`ART6_LOSS_CNY`]).
///
/// # Errors
/// `InvalidConfig` naming the field `aggravated_direct_loss_cny`.
pub fn validate_aggravated_loss(aggravated_direct_loss_cny: f64) -> Result<(), PluginError> {
    if !aggravated_direct_loss_cny.is_finite() || aggravated_direct_loss_cny <= ART6_LOSS_CNY {
        return Err(PluginError::invalid_config(format!(
            "`aggravated_direct_loss_cny` = {aggravated_direct_loss_cny} must be a finite amount above the Art. 6 figure {ART6_LOSS_CNY}"
        )));
    }
    Ok(())
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

/// The three accident-figure columns: `deaths`, `serious_injuries`,
/// `direct_loss_cny`.
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
    /// `InvalidFacts` for missing deaths, or negative or non-finite figures.
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

/// The 刑法 Art. 134之一 (危险作业罪) finding: `acts` are the texts of the
/// listed acts the case shows (joined with "；"), `real_danger` whether they
/// carried a real danger (现实危险) of a major accident. No accident is
/// needed; without a real danger the acts are handled administratively.
pub fn dangerous_operation_finding(citation: u32, acts: &[&str], real_danger: bool) -> Finding {
    if acts.is_empty() {
        Finding::new(
            ReferralDecision::DoNotRefer,
            citation,
            "刑法第一百三十四条之一：无所列三种危险作业行为",
        )
    } else if real_danger {
        Finding::new(
            ReferralDecision::Refer,
            citation,
            format!(
                "刑法第一百三十四条之一：{}，具有发生重大伤亡事故或者其他严重后果的现实危险",
                acts.join("；")
            ),
        )
    } else {
        Finding::new(
            ReferralDecision::DoNotRefer,
            citation,
            format!(
                "刑法第一百三十四条之一：{}，但无现实危险，依法行政处理",
                acts.join("；")
            ),
        )
    }
}

/// How one plugin applies the accident rules: its citation indices, its
/// configured Art. 7 loss and how it writes amounts in details.
#[derive(Debug, Clone, Copy)]
pub struct AccidentRules {
    /// The plugin's citation of 法释〔2015〕22号 Art. 6.
    pub art6_citation: u32,
    /// The plugin's citation of 法释〔2015〕22号 Art. 7.
    pub art7_citation: u32,
    /// The Art. 7 direct-loss figure, CNY (UNCONFIRMED, configurable; see
    /// [`validate_aggravated_loss`]).
    pub aggravated_loss_cny: f64,
}

/// Figures compared against thresholds, as detail fragments.
#[derive(Default)]
struct Comparison {
    met: Vec<String>,
    unmet: Vec<String>,
    pending: Vec<&'static str>,
}

impl Comparison {
    /// Compares deaths, serious injuries and loss with their thresholds.
    fn of(c: &Consequence, thresholds: [f64; 3]) -> Self {
        let mut out = Self::default();
        let figures = [
            (Some(c.deaths as f64), "死亡", "人", ""),
            (
                c.serious_injuries.map(|n| n as f64),
                "重伤",
                "人",
                "重伤人数待伤情鉴定",
            ),
            (c.loss_cny, "直接经济损失", "元", "直接经济损失待评估"),
        ];
        for ((value, what, unit, pending_text), threshold) in figures.into_iter().zip(thresholds) {
            match value {
                Some(v) if v >= threshold => out.met.push(format!(
                    "{what} {} {unit} ≥ {} {unit}",
                    figure(v),
                    figure(threshold)
                )),
                Some(v) => out.unmet.push(format!(
                    "{what} {} {unit} < {} {unit}",
                    figure(v),
                    figure(threshold)
                )),
                None => out.pending.push(pending_text),
            }
        }
        out
    }
}

impl AccidentRules {
    /// The Art. 6 ("严重后果") finding for the accident offence named
    /// `offence` (e.g. "刑法第一百三十六条（危险物品肇事罪）"): `Refer` when
    /// any figure is met, `NeedsTesting` when none is but a pending figure
    /// could still be, else `DoNotRefer`.
    pub fn serious_consequences(&self, offence: &str, c: &Consequence) -> Finding {
        let Comparison {
            met,
            unmet,
            pending,
        } = Comparison::of(
            c,
            [
                ART6_DEATHS as f64,
                ART6_SERIOUS_INJURIES as f64,
                ART6_LOSS_CNY,
            ],
        );
        let head = format!(
            "{offence}；法释〔2015〕22号第六条（死亡1人以上，或者重伤3人以上，或者直接经济损失100万元以上）"
        );
        let citation = self.art6_citation;
        if !met.is_empty() {
            Finding::new(
                ReferralDecision::Refer,
                citation,
                format!("{head}：{}，造成严重后果", met.join("，")),
            )
        } else if !pending.is_empty() {
            Finding::new(
                ReferralDecision::NeedsTesting,
                citation,
                format!("{head}：{}；{}", unmet.join("，"), pending.join("，")),
            )
        } else {
            Finding::new(
                ReferralDecision::DoNotRefer,
                citation,
                format!("{head}：{}，未达追诉标准", unmet.join("，")),
            )
        }
    }

    /// The Art. 7 (aggravated band) finding of an accident case; `offences`
    /// names the accident offences referred or pending under Art. 6 (e.g.
    /// "第一百三十六条"). `Refer` only when an offence is named and a figure
    /// is met with main responsibility (`main_resp`); `NeedsTesting` while a
    /// pending figure could still reach the band.
    pub fn aggravated(&self, offences: &[&str], c: &Consequence, main_resp: bool) -> Finding {
        let citation = self.art7_citation;
        let head = format!(
            "法释〔2015〕22号第七条（死亡3人以上或者重伤10人以上，或者直接经济损失{}元以上〔数额UNCONFIRMED，可配置〕，负事故主要责任：处三年以上七年以下有期徒刑）",
            figure(self.aggravated_loss_cny)
        );
        if offences.is_empty() {
            return Finding::new(
                ReferralDecision::DoNotRefer,
                citation,
                format!("{head}：无依第六条移送的事故犯罪，不适用"),
            );
        }
        let Comparison {
            met,
            unmet,
            pending,
        } = Comparison::of(
            c,
            [
                ART7_DEATHS as f64,
                ART7_SERIOUS_INJURIES as f64,
                self.aggravated_loss_cny,
            ],
        );
        let offences = offences.join("、");
        if !met.is_empty() && main_resp {
            Finding::new(
                ReferralDecision::Refer,
                citation,
                format!(
                    "{head}：{}，且负事故主要责任：{offences}情节特别恶劣或后果特别严重",
                    met.join("，")
                ),
            )
        } else if !met.is_empty() {
            Finding::new(
                ReferralDecision::DoNotRefer,
                citation,
                format!(
                    "{head}：{}，但是否负事故主要责任待认定：{offences}暂按第六条",
                    met.join("，")
                ),
            )
        } else if !pending.is_empty() {
            Finding::new(
                ReferralDecision::NeedsTesting,
                citation,
                format!("{head}：{}；{}", unmet.join("，"), pending.join("，")),
            )
        } else {
            Finding::new(
                ReferralDecision::DoNotRefer,
                citation,
                format!("{head}：{}，未达加重档", unmet.join("，")),
            )
        }
    }

    /// The 国务院令第493号 Art. 3 grade of an accident as a note citing
    /// `citation`: always `DoNotRefer`, since the grade decides no referral.
    pub fn grade_note(&self, citation: u32, c: &Consequence) -> Finding {
        let pending = c.serious_injuries.is_none() || c.loss_cny.is_none();
        let figures = format!(
            "死亡 {} 人，重伤 {}，直接经济损失 {}",
            c.deaths,
            c.serious_injuries
                .map_or("待鉴定".to_string(), |n| format!("{n} 人")),
            c.loss_cny
                .map_or("待评估".to_string(), |x| format!("{} 元", figure(x)))
        );
        Finding::new(
            ReferralDecision::DoNotRefer,
            citation,
            format!(
                "事故等级（不决定移送）：{figures} → {}{}",
                accident_grade(c),
                if pending { "（按已知数字）" } else { "" }
            ),
        )
    }
}

#[cfg(test)]
mod tests;
