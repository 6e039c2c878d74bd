//! Art. 22 and 包保 duties; Arts. 125, 134之一 and 136 referral.

mod common;

use common::day;
use jianguan_hazardous_chemicals::{Config, HazardousChemicals, cite};
use jianguan_plugin::{Plugin, PluginErrorKind, ReferralAssessment, decisions::*};
use serde_json::json;

fn plugin() -> HazardousChemicals {
    HazardousChemicals::open(Config::default()).unwrap()
}

fn duties(
    p: &HazardousChemicals,
    rows: serde_json::Value,
    as_of: &str,
) -> Vec<Vec<(String, String, bool, u32)>> {
    let specs = HazardousChemicals::describe().schema.duties;
    let batch = p.duties(&common::table(&specs, &rows), day(as_of)).unwrap();
    batch
        .rows
        .iter()
        .map(|list| {
            list.iter()
                .map(|d| {
                    let due = jianguan_plugin::CivilDate::from_days(d.due).to_string();
                    (d.code.to_string(), due, d.overdue, d.reason.citation)
                })
                .collect()
        })
        .collect()
}

#[test]
fn safety_assessment_every_three_years_from_the_last() {
    let rows = json!([
        { "business": "production", "last_safety_assessment": "2023-05-10" },
        { "business": "storage", "last_safety_assessment": "2024-02-29" },
        { "business": "use_in_production", "last_safety_assessment": "2023-05-11" },
        { "business": "trade" },
    ]);
    let got = duties(&plugin(), rows, "2026-05-11");
    assert_eq!(
        got[0],
        vec![(
            "safety-assessment".into(),
            "2026-05-10".into(),
            true,
            cite::HC_REG_22
        )]
    );
    assert_eq!(
        got[1],
        vec![(
            "safety-assessment".into(),
            "2027-02-28".into(),
            false,
            cite::HC_REG_22
        )]
    );
    // Due on the as-of date itself is not yet overdue.
    assert_eq!(
        got[2],
        vec![(
            "safety-assessment".into(),
            "2026-05-11".into(),
            false,
            cite::HC_REG_22
        )]
    );
    assert!(got[3].is_empty());
}

#[test]
fn the_technical_lead_checks_each_major_hazard_every_quarter() {
    let rows = json!([
        { "business": "trade", "major_hazard": true, "last_technical_lead_check": "2025-11-30" },
        { "business": "trade", "major_hazard": true },
        { "business": "trade", "major_hazard": false, "last_technical_lead_check": "2020-01-01" },
    ]);
    let got = duties(&plugin(), rows.clone(), "2026-03-01");
    let code = "major-hazard-technical-lead-check".to_string();
    assert_eq!(
        got[0],
        vec![(
            code.clone(),
            "2026-02-28".into(),
            true,
            cite::BAOBAO_TECH_LEAD
        )]
    );
    assert_eq!(
        got[1],
        vec![(
            code.clone(),
            "2026-03-01".into(),
            false,
            cite::BAOBAO_TECH_LEAD
        )]
    );
    assert!(got[2].is_empty());
    let monthly = HazardousChemicals::open(Config {
        technical_lead_check_months: 1,
        ..Config::default()
    })
    .unwrap();
    assert_eq!(duties(&monthly, rows, "2026-03-01")[0][0].1, "2025-12-30");
}

#[test]
fn a_producer_without_an_assessment_date_is_refused() {
    let specs = HazardousChemicals::describe().schema.duties;
    let rows = json!([{ "business": "trade" }, { "business": "storage" }]);
    let err = plugin()
        .duties(&common::table(&specs, &rows), 0)
        .unwrap_err();
    assert_eq!(err.kind, PluginErrorKind::InvalidFacts);
    assert!(
        err.message
            .starts_with("row 1: fact `last_safety_assessment` is missing"),
        "{}",
        err.message
    );
}

fn assess(rows: serde_json::Value) -> Vec<ReferralAssessment> {
    let specs = HazardousChemicals::describe().schema.referral;
    plugin()
        .assess_referral(&common::table(&specs, &rows))
        .unwrap()
}

fn art136(a: &ReferralAssessment) -> (jianguan_plugin::ReferralDecision, u32, String) {
    let f = &a.findings[2];
    (f.decision, f.reason.citation, f.reason.detail.to_string())
}

#[test]
fn art_136_thresholds_at_under_and_over() {
    let accident = |deaths: i64, injuries: i64, loss: f64| json!({ "dangerous_goods_accident": true, "deaths": deaths, "serious_injuries": injuries, "direct_loss_cny": loss });
    let rows = json!([
        accident(1, 0, 0.0),
        accident(0, 3, 0.0),
        accident(0, 2, 999_999.99),
        accident(0, 0, 1_000_000.0),
        accident(0, 0, 1_000_000.01),
        accident(0, 0, 999_999.0),
        accident(2, 4, 0.0),
    ]);
    let got: Vec<_> = assess(rows).iter().map(art136).collect();
    let decisions: Vec<_> = got.iter().map(|g| g.0).collect();
    assert_eq!(
        decisions,
        vec![Refer, Refer, DoNotRefer, Refer, Refer, DoNotRefer, Refer]
    );
    assert!(got.iter().all(|g| g.1 == cite::INTERP_6));
    assert!(got[0].2.contains("死亡 1 人 ≥ 1 人"), "{}", got[0].2);
    assert!(got[1].2.contains("重伤 3 人 ≥ 3 人"), "{}", got[1].2);
    assert!(
        got[2].2.contains("重伤 2 人 < 3 人")
            && got[2].2.contains("直接经济损失 999999.99 元 < 1000000 元"),
        "{}",
        got[2].2
    );
    assert!(
        got[3].2.contains("直接经济损失 1000000 元 ≥ 1000000 元"),
        "{}",
        got[3].2
    );
    assert!(got[0].2.starts_with("刑法第一百三十六条"));
}

fn art7(a: &ReferralAssessment) -> (jianguan_plugin::ReferralDecision, u32, String) {
    let f = &a.findings[3];
    (f.decision, f.reason.citation, f.reason.detail.to_string())
}

#[test]
fn art_136_aggravated_band_and_pending_appraisals() {
    let rows = json!([
        { "dangerous_goods_accident": true, "deaths": 3, "serious_injuries": 0, "direct_loss_cny": 0.0, "main_responsibility": true },
        { "dangerous_goods_accident": true, "deaths": 2, "serious_injuries": 9, "direct_loss_cny": 4_999_999.0, "main_responsibility": true },
        { "dangerous_goods_accident": true, "deaths": 0, "serious_injuries": 10 },
        { "dangerous_goods_accident": true, "deaths": 0, "direct_loss_cny": 10.0 },
        { "dangerous_goods_accident": false },
        { "dangerous_goods_accident": true, "deaths": 1, "direct_loss_cny": 10.0, "main_responsibility": true },
    ]);
    let all = assess(rows);
    let got: Vec<_> = all.iter().map(art136).collect();
    // Art. 136 itself cites Art. 6 only.
    assert_eq!(got[0].0, Refer);
    assert!(!got[0].2.contains("第七条"), "{}", got[0].2);
    assert_eq!(got[3].0, NeedsTesting);
    assert!(got[3].2.contains("重伤人数待伤情鉴定"), "{}", got[3].2);
    assert_eq!((got[4].0, got[4].1), (DoNotRefer, cite::CRIM_136));
    assert_eq!(all[4].findings.len(), 3);
    // The Art. 7 band is its own finding, cited as Art. 7 (unconfirmed).
    let band: Vec<_> = [0, 1, 2, 3, 5].iter().map(|&i| art7(&all[i])).collect();
    assert!(band.iter().all(|b| b.1 == cite::INTERP_7));
    assert_eq!(band[0].0, Refer);
    assert!(
        band[0].2.contains(
            "死亡 3 人 ≥ 3 人，且负事故主要责任：第一百三十六条情节特别恶劣或后果特别严重"
        ),
        "{}",
        band[0].2
    );
    // 2 deaths, 9 injuries, 4,999,999 CNY: just under every Art. 7 figure.
    assert_eq!(band[1].0, DoNotRefer);
    assert!(
        band[1].2.contains(
            "死亡 2 人 < 3 人，重伤 9 人 < 10 人，直接经济损失 4999999 元 < 5000000 元，未达加重档"
        ),
        "{}",
        band[1].2
    );
    // 10 injuries met, responsibility not established; the loss is unassessed.
    assert_eq!(band[2].0, DoNotRefer);
    assert!(
        band[2].2.contains("重伤 10 人 ≥ 10 人") && band[2].2.contains("待认定"),
        "{}",
        band[2].2
    );
    // Art. 6 pending, so Art. 7 is pending too.
    assert_eq!(band[3].0, NeedsTesting);
    // Referred under Art. 6 (1 death); the unappraised injuries could reach 10.
    assert_eq!(band[4].0, NeedsTesting);
    assert!(band[4].2.contains("重伤人数待伤情鉴定"), "{}", band[4].2);
}

#[test]
fn art_7_loss_at_and_around_the_default_and_a_configured_figure() {
    let row = |loss: f64| json!({ "dangerous_goods_accident": true, "deaths": 0, "serious_injuries": 0, "direct_loss_cny": loss, "main_responsibility": true });
    let rows = json!([row(5_000_000.0), row(4_999_999.99), row(5_000_000.01)]);
    let band: Vec<_> = assess(rows.clone()).iter().map(art7).collect();
    assert_eq!(
        band.iter().map(|b| b.0).collect::<Vec<_>>(),
        vec![Refer, DoNotRefer, Refer]
    );
    assert!(
        band[0].2.contains("直接经济损失 5000000 元 ≥ 5000000 元"),
        "{}",
        band[0].2
    );
    assert!(
        band[0]
            .2
            .contains("直接经济损失5000000元以上〔数额UNCONFIRMED，可配置〕")
    );
    // A configured figure of 3,000,000 CNY.
    let p = HazardousChemicals::open(Config {
        aggravated_direct_loss_cny: 3_000_000.0,
        ..Config::default()
    })
    .unwrap();
    let specs = HazardousChemicals::describe().schema.referral;
    let rows = json!([row(3_000_000.0), row(2_999_999.0)]);
    let got = p.assess_referral(&common::table(&specs, &rows)).unwrap();
    let band: Vec<_> = got.iter().map(art7).collect();
    assert_eq!((band[0].0, band[1].0), (Refer, DoNotRefer));
    assert!(
        band[0].2.contains("直接经济损失 3000000 元 ≥ 3000000 元")
            && band[0].2.contains("直接经济损失3000000元以上"),
        "{}",
        band[0].2
    );
    assert!(
        band[1].2.contains("直接经济损失 2999999 元 < 3000000 元"),
        "{}",
        band[1].2
    );
    // Art. 6 is met by 2,999,999 ≥ 1,000,000 either way.
    assert_eq!(got[1].findings[2].decision, Refer);
}

#[test]
fn an_accident_without_a_death_count_is_refused() {
    let specs = HazardousChemicals::describe().schema.referral;
    let rows = json!([{ "dangerous_goods_accident": true, "serious_injuries": 5 }]);
    let err = plugin()
        .assess_referral(&common::table(&specs, &rows))
        .unwrap_err();
    assert_eq!(err.message.as_str(), "row 0: fact `deaths` is missing");
}

#[test]
fn art_125_needs_public_danger_and_a_confirmed_toxic_substance() {
    let rows = json!([
        {},
        { "toxic_substance_illegal_handling": true },
        { "toxic_substance_illegal_handling": true, "endangers_public_safety": true },
        { "toxic_substance_illegal_handling": true, "endangers_public_safety": true, "toxic_substance_confirmed": true },
    ]);
    let got = assess(rows);
    let decisions: Vec<_> = got.iter().map(|a| a.findings[0].decision).collect();
    assert_eq!(decisions, vec![DoNotRefer, DoNotRefer, NeedsTesting, Refer]);
    assert!(
        got.iter()
            .all(|a| a.findings[0].reason.citation == cite::CRIM_125)
    );
    assert_eq!(got[2].decision, NeedsTesting);
    assert_eq!(got[3].decision, Refer);
}

#[test]
fn art_134_1_needs_a_listed_act_and_a_real_danger() {
    let rows = json!([
        { "act_unapproved_dangerous_goods": true, "real_danger": true },
        { "act_disabled_safety_equipment": true },
        { "real_danger": true },
        { "act_refused_hazard_rectification": true, "act_disabled_safety_equipment": true, "real_danger": true },
        { "act_disabled_safety_equipment": true, "real_danger": true },
    ]);
    let got = assess(rows);
    let decisions: Vec<_> = got.iter().map(|a| a.findings[1].decision).collect();
    assert_eq!(decisions, vec![Refer, DoNotRefer, DoNotRefer, Refer, Refer]);
    assert_eq!(
        got[4].findings[1].reason.detail.as_str(),
        "刑法第一百三十四条之一：（一）关闭、破坏监控、报警、防护、救生设备或篡改、隐瞒、销毁数据，具有发生重大伤亡事故或者其他严重后果的现实危险"
    );
    assert_eq!(
        got[0].findings[1].reason.detail.as_str(),
        "刑法第一百三十四条之一：（三）未经批准或许可擅自从事危险物品生产、经营、储存等高度危险作业，具有发生重大伤亡事故或者其他严重后果的现实危险"
    );
    assert!(
        got.iter()
            .all(|a| a.findings[1].reason.citation == cite::CRIM_134_1)
    );
    assert!(
        got[0].findings[1]
            .reason
            .detail
            .contains("（三）未经批准或许可")
    );
    assert!(got[1].findings[1].reason.detail.contains("无现实危险"));
    let d = got[3].findings[1].reason.detail.as_str();
    assert!(d.contains("（一）") && d.contains("（二）"), "{d}");
    assert_eq!(got[0].findings.len(), 3);
}
