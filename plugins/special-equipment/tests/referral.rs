//! Arts. 134, 135 and 134之一; Decree 493 grades.

mod common;

use jianguan_plugin::{Plugin, ReferralAssessment, decisions::*};
use jianguan_plugin_rules::production_safety::{Consequence, accident_grade};
use jianguan_special_equipment::{Config, SpecialEquipment, cite};
use serde_json::{Value, json};

fn assess(rows: Value) -> Vec<ReferralAssessment> {
    let specs = SpecialEquipment::describe().schema.referral;
    SpecialEquipment::open(Config::default())
        .unwrap()
        .assess_referral(&common::table(&specs, &rows))
        .unwrap()
}

fn accident(deaths: i64, injuries: i64, loss: f64) -> Value {
    json!({ "accident": true, "violated_safety_rules": true, "unsafe_conditions": true, "deaths": deaths, "serious_injuries": injuries, "direct_loss_cny": loss })
}

#[test]
fn art_6_thresholds_at_under_and_over_for_134_and_135() {
    let rows = json!([
        accident(1, 0, 0.0),
        accident(0, 3, 0.0),
        accident(0, 2, 999_999.0),
        accident(0, 0, 1_000_000.0),
        accident(0, 0, 1_000_001.0),
        accident(2, 4, 10.0),
    ]);
    let got = assess(rows);
    let d134: Vec<_> = got.iter().map(|a| a.findings[0].decision).collect();
    let d135: Vec<_> = got.iter().map(|a| a.findings[1].decision).collect();
    assert_eq!(d134, [Refer, Refer, DoNotRefer, Refer, Refer, Refer]);
    assert_eq!(d135, d134);
    assert!(
        got.iter()
            .all(|a| a.findings[0].reason.citation == cite::INTERP_6)
    );
    let detail = got[2].findings[0].reason.detail.as_str();
    assert!(
        detail.starts_with("刑法第一百三十四条第一款（重大责任事故罪）；法释〔2015〕22号第六条"),
        "{detail}"
    );
    // The accident grade is its own note, cited to Decree 493 Art. 3.
    let grade = &got[2].findings[4];
    assert_eq!(
        (grade.decision, grade.reason.citation),
        (DoNotRefer, cite::DECREE_493_3)
    );
    assert_eq!(
        grade.reason.detail.as_str(),
        "事故等级（不决定移送）：死亡 0 人，重伤 2 人，直接经济损失 999999 元 → 一般事故"
    );
    assert!(
        detail.contains("死亡 0 人 < 1 人，重伤 2 人 < 3 人，直接经济损失 999999 元 < 1000000 元"),
        "{detail}"
    );
    assert!(
        got[3].findings[1]
            .reason
            .detail
            .contains("直接经济损失 1000000 元 ≥ 1000000 元")
    );
}

#[test]
fn art_7_band_paragraph_2_and_pending_figures() {
    let rows = json!([
        { "accident": true, "forced_risky_operation": true, "deaths": 3, "serious_injuries": 0, "direct_loss_cny": 0.0, "main_responsibility": true },
        { "accident": true, "violated_safety_rules": true, "deaths": 0, "serious_injuries": 10, "direct_loss_cny": 0.0 },
        { "accident": true, "violated_safety_rules": true, "deaths": 0, "serious_injuries": 0, "direct_loss_cny": 5_000_000.0, "main_responsibility": true },
        { "accident": true, "violated_safety_rules": true, "deaths": 2, "serious_injuries": 9, "direct_loss_cny": 4_999_999.0, "main_responsibility": true },
        { "accident": true, "violated_safety_rules": true, "deaths": 0, "direct_loss_cny": 100.0 },
        { "accident": true, "deaths": 5, "main_responsibility": true },
        { "accident": true, "violated_safety_rules": true, "unsafe_conditions": true, "deaths": 0, "serious_injuries": 0, "direct_loss_cny": 5_000_000.01, "main_responsibility": true },
    ]);
    let got = assess(rows);
    // Findings: 134, 135, 134之一, then the Art. 7 band and the grade note.
    assert!(got.iter().all(|a| a.findings.len() == 5));
    let band = |i: usize| {
        let f = &got[i].findings[3];
        assert_eq!(f.reason.citation, cite::INTERP_7);
        (f.decision, f.reason.detail.to_string())
    };
    let grade = |i: usize| got[i].findings[4].reason.detail.to_string();
    assert!(got[0].findings[0].reason.detail.contains("第二款"));
    assert_eq!(got[0].findings[0].reason.citation, cite::INTERP_6);
    let (d, t) = band(0);
    assert_eq!(d, Refer);
    assert!(
        t.contains(
            "死亡 3 人 ≥ 3 人，且负事故主要责任：第一百三十四条第二款情节特别恶劣或后果特别严重"
        ),
        "{t}"
    );
    assert!(grade(0).ends_with("→ 较大事故"), "{}", grade(0));
    // 10 injuries, responsibility not established.
    let (d, t) = band(1);
    assert_eq!(d, DoNotRefer);
    assert!(
        t.contains("重伤 10 人 ≥ 10 人") && t.contains("是否负事故主要责任待认定"),
        "{t}"
    );
    assert!(grade(1).ends_with("→ 较大事故"));
    // Exactly 5,000,000 CNY (the UNCONFIRMED default).
    let (d, t) = band(2);
    assert_eq!(d, Refer);
    assert!(
        t.contains("直接经济损失 5000000 元 ≥ 5000000 元")
            && t.contains("直接经济损失5000000元以上〔数额UNCONFIRMED，可配置〕"),
        "{t}"
    );
    // Just under every Art. 7 figure.
    let (d, t) = band(3);
    assert_eq!(d, DoNotRefer);
    assert!(
        t.contains(
            "死亡 2 人 < 3 人，重伤 9 人 < 10 人，直接经济损失 4999999 元 < 5000000 元，未达加重档"
        ),
        "{t}"
    );
    assert_eq!(got[3].findings[0].decision, Refer);
    // Pending injuries: Art. 6 and Art. 7 both need the appraisal.
    assert_eq!(got[4].findings[0].decision, NeedsTesting);
    assert!(
        got[4].findings[0]
            .reason
            .detail
            .contains("重伤人数待伤情鉴定")
    );
    assert_eq!(band(4).0, NeedsTesting);
    assert!(
        grade(4).contains("重伤 待鉴定") && grade(4).ends_with("一般事故（按已知数字）"),
        "{}",
        grade(4)
    );
    // An accident with no act of Art. 134 or 135: no band applies.
    assert_eq!(
        (
            got[5].findings[0].decision,
            got[5].findings[0].reason.citation
        ),
        (DoNotRefer, cite::CRIM_134)
    );
    assert_eq!(
        (
            got[5].findings[1].decision,
            got[5].findings[1].reason.citation
        ),
        (DoNotRefer, cite::CRIM_135)
    );
    assert_eq!(band(5).0, DoNotRefer);
    assert!(band(5).1.ends_with("无依第六条移送的事故犯罪，不适用"));
    assert_eq!(got[5].decision, DoNotRefer);
    // Just over 5,000,000 under both Arts. 134 and 135.
    let (d, t) = band(6);
    assert_eq!(d, Refer);
    assert!(
        t.contains("第一百三十四条第一款、第一百三十五条情节特别恶劣"),
        "{t}"
    );
}

#[test]
fn the_configured_aggravated_loss_applies() {
    let specs = SpecialEquipment::describe().schema.referral;
    let p = SpecialEquipment::open(Config {
        aggravated_direct_loss_cny: 2_000_000.0,
        ..Config::default()
    })
    .unwrap();
    let row = |loss: f64| json!({ "accident": true, "violated_safety_rules": true, "deaths": 0, "serious_injuries": 0, "direct_loss_cny": loss, "main_responsibility": true });
    let rows = json!([row(2_000_000.0), row(1_999_999.0)]);
    let got = p.assess_referral(&common::table(&specs, &rows)).unwrap();
    let band: Vec<_> = got.iter().map(|a| &a.findings[3]).collect();
    assert_eq!((band[0].decision, band[1].decision), (Refer, DoNotRefer));
    assert!(band[0].reason.detail.contains("直接经济损失2000000元以上"));
    assert!(
        band[1]
            .reason
            .detail
            .contains("直接经济损失 1999999 元 < 2000000 元")
    );
}

#[test]
fn art_134_1_acts_and_real_danger() {
    let got = assess(json!([
        { "act_refused_hazard_rectification": true, "real_danger": true },
        { "act_refused_hazard_rectification": true },
        { "real_danger": true },
        {},
        { "act_disabled_safety_equipment": true, "real_danger": true },
        { "act_unapproved_high_risk_activity": true, "real_danger": true },
        { "act_disabled_safety_equipment": true, "act_unapproved_high_risk_activity": true },
    ]));
    let d: Vec<_> = got.iter().map(|a| a.findings[2].decision).collect();
    assert_eq!(
        d,
        [
            Refer, DoNotRefer, DoNotRefer, DoNotRefer, Refer, Refer, DoNotRefer
        ]
    );
    let detail = |i: usize| got[i].findings[2].reason.detail.to_string();
    assert_eq!(
        detail(4),
        "刑法第一百三十四条之一：（一）关闭、破坏监控、报警、防护、救生设备或篡改、隐瞒、销毁数据，具有发生重大伤亡事故或者其他严重后果的现实危险"
    );
    assert_eq!(
        detail(5),
        "刑法第一百三十四条之一：（三）未经批准或许可擅自从事高度危险的生产作业活动，具有发生重大伤亡事故或者其他严重后果的现实危险"
    );
    assert!(
        detail(6).contains("（一）")
            && detail(6).contains("（三）")
            && detail(6).ends_with("但无现实危险，依法行政处理"),
        "{}",
        detail(6)
    );
    // No accident: only the three offence findings.
    assert!(got.iter().all(|a| a.findings.len() == 3));
    assert_eq!(got[0].decision, Refer);
    assert_eq!(got[3].decision, DoNotRefer);
    assert!(
        got.iter()
            .all(|a| a.findings[2].reason.citation == cite::CRIM_134_1)
    );
    assert_eq!(
        got[3].findings[0].reason.detail.as_str(),
        "刑法第一百三十四条：未发生事故"
    );
}

#[test]
fn decree_493_grades_at_each_boundary() {
    let g = |deaths: i64, injuries: i64, loss: f64| {
        accident_grade(&Consequence {
            deaths,
            serious_injuries: Some(injuries),
            loss_cny: Some(loss),
        })
    };
    assert_eq!(g(30, 0, 0.0), "特别重大事故");
    assert_eq!(g(29, 0, 0.0), "重大事故");
    assert_eq!(g(10, 0, 0.0), "重大事故");
    assert_eq!(g(9, 0, 0.0), "较大事故");
    assert_eq!(g(3, 0, 0.0), "较大事故");
    assert_eq!(g(2, 0, 0.0), "一般事故");
    assert_eq!(g(0, 100, 0.0), "特别重大事故");
    assert_eq!(g(0, 99, 0.0), "重大事故");
    assert_eq!(g(0, 50, 0.0), "重大事故");
    assert_eq!(g(0, 49, 0.0), "较大事故");
    assert_eq!(g(0, 10, 0.0), "较大事故");
    assert_eq!(g(0, 9, 0.0), "一般事故");
    assert_eq!(g(0, 0, 100_000_000.0), "特别重大事故");
    assert_eq!(g(0, 0, 99_999_999.0), "重大事故");
    assert_eq!(g(0, 0, 50_000_000.0), "重大事故");
    assert_eq!(g(0, 0, 49_999_999.0), "较大事故");
    assert_eq!(g(0, 0, 10_000_000.0), "较大事故");
    assert_eq!(g(0, 0, 9_999_999.0), "一般事故");
}

#[test]
fn an_accident_without_a_death_count_is_refused() {
    let specs = SpecialEquipment::describe().schema.referral;
    let p = SpecialEquipment::open(Config::default()).unwrap();
    let err = p
        .assess_referral(&common::table(&specs, &json!([{ "accident": true }])))
        .unwrap_err();
    assert_eq!(err.message.as_str(), "row 0: fact `deaths` is missing");
}
