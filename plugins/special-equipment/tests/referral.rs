//! Arts. 134, 135 and 134之一; Decree 493 grades.

mod common;

use jianguan_plugin::{Plugin, ReferralAssessment, ReferralDecision::*};
use jianguan_special_equipment::referral::{Consequence, accident_grade};
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
    assert!(detail.starts_with("刑法第一百三十四条第一款（重大责任事故罪）；事故等级（国务院令第493号第三条）：一般事故；"), "{detail}");
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
        { "accident": true, "violated_safety_rules": true, "deaths": 0, "serious_injuries": 0, "direct_loss_cny": 5_000_000.0 },
        { "accident": true, "violated_safety_rules": true, "deaths": 0, "serious_injuries": 9, "direct_loss_cny": 4_999_999.0 },
        { "accident": true, "violated_safety_rules": true, "deaths": 0, "direct_loss_cny": 100.0 },
        { "accident": true, "deaths": 5 },
    ]);
    let got = assess(rows);
    let f = |i: usize| got[i].findings[0].reason.detail.to_string();
    assert!(
        f(0).contains("第二款")
            && f(0).contains("较大事故")
            && f(0).contains("达到第七条")
            && f(0).contains("且负事故主要责任"),
        "{}",
        f(0)
    );
    assert!(
        f(1).contains("达到第七条") && f(1).contains("较大事故"),
        "{}",
        f(1)
    );
    assert!(f(2).contains("达到第七条"), "{}", f(2));
    assert!(!f(3).contains("达到第七条"), "{}", f(3));
    assert_eq!(got[4].findings[0].decision, NeedsTesting);
    assert!(
        f(4).contains("一般事故（按已知数字）") && f(4).contains("重伤人数待伤情鉴定"),
        "{}",
        f(4)
    );
    // An accident with no act of Art. 134 or 135.
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
}

#[test]
fn the_configured_aggravated_loss_applies() {
    let specs = SpecialEquipment::describe().schema.referral;
    let p = SpecialEquipment::open(Config {
        aggravated_direct_loss_cny: 2_000_000.0,
        ..Config::default()
    })
    .unwrap();
    let rows = json!([{ "accident": true, "violated_safety_rules": true, "deaths": 0, "serious_injuries": 0, "direct_loss_cny": 2_000_000.0 }]);
    let got = p.assess_referral(&common::table(&specs, &rows)).unwrap();
    assert!(
        got[0].findings[0]
            .reason
            .detail
            .contains("直接经济损失2000000元以上")
    );
}

#[test]
fn art_134_1_acts_and_real_danger() {
    let got = assess(json!([
        { "act_refused_hazard_rectification": true, "real_danger": true },
        { "act_refused_hazard_rectification": true },
        { "real_danger": true },
        {},
    ]));
    let d: Vec<_> = got.iter().map(|a| a.findings[2].decision).collect();
    assert_eq!(d, [Refer, DoNotRefer, DoNotRefer, DoNotRefer]);
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
