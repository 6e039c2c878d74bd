//! Referral thresholds of RULES.md §6.1, §6.3, §6.4 at, just under and just over.

mod common;

use common::{Op, plugin, table};
use jianguan_drugs::cite;
use jianguan_plugin::{
    Plugin, ReferralAssessment, ReferralDecision,
    decisions::{DoNotRefer, NeedsTesting, Refer},
};
use serde_json::{Value, json};

fn assess(row: Value) -> ReferralAssessment {
    plugin()
        .assess_referral(&table(Op::Referral, &[row]))
        .unwrap()
        .remove(0)
}

fn finding(a: &ReferralAssessment, citation: u32) -> Option<(ReferralDecision, String)> {
    a.findings
        .iter()
        .find(|f| f.reason.citation == citation)
        .map(|f| (f.decision, f.reason.detail.to_string()))
}

fn last(a: &ReferralAssessment) -> (ReferralDecision, u32) {
    let f = a.findings.last().unwrap();
    (f.decision, f.reason.citation)
}

#[test]
fn counterfeit_drugs_are_a_conduct_crime() {
    let a = assess(json!({"product": "drug", "sales_cny": 100.0, "counterfeit_drug": "confirmed"}));
    assert_eq!(a.decision, Refer);
    assert_eq!(finding(&a, cite::CRIM_141).unwrap().0, Refer);
    let s = assess(json!({"product": "drug", "sales_cny": 100.0, "counterfeit_drug": "suspected"}));
    assert_eq!(s.decision, NeedsTesting);
    let n = assess(json!({"product": "drug", "sales_cny": 100.0}));
    assert_eq!(n.decision, DoNotRefer);
}

fn fake(sales: f64) -> Value {
    json!({"product": "drug", "sales_cny": sales, "counterfeit_drug": "confirmed"})
}

#[test]
fn article_141_seriousness_bands_of_the_2022_interpretation() {
    assert!(
        finding(&assess(fake(200_000.0)), cite::INTERP_ART3)
            .unwrap()
            .1
            .contains("200000 元 ≥ 200000 元")
    );
    assert!(finding(&assess(fake(200_000.01)), cite::INTERP_ART3).is_some());
    assert!(finding(&assess(fake(199_999.99)), cite::INTERP_ART3).is_none());
    assert!(finding(&assess(fake(499_999.99)), cite::INTERP_ART3).is_some());
    let at_500k = assess(fake(500_000.0));
    assert!(finding(&at_500k, cite::INTERP_ART3).is_none());
    assert!(
        finding(&at_500k, cite::INTERP_ART4)
            .unwrap()
            .1
            .contains("未核实")
    );
    let with = |sales: f64| {
        let mut row = fake(sales);
        row["aggravating_type"] = json!(true);
        finding(&assess(row), cite::INTERP_ART3)
    };
    assert!(with(100_000.0).is_some());
    assert!(with(100_000.01).is_some());
    assert!(with(99_999.99).is_none());
    let mut harmed = fake(10.0);
    harmed["serious_harm"] = json!(true);
    assert_eq!(
        finding(&assess(harmed), cite::INTERP_ART2).unwrap().0,
        Refer
    );
}

#[test]
fn substandard_drugs_need_serious_harm() {
    let row = |state: &str, harm: bool| json!({"product": "drug", "sales_cny": 1000.0, "substandard_drug": state, "serious_harm": harm});
    assert_eq!(
        finding(&assess(row("confirmed", true)), cite::CRIM_142)
            .unwrap()
            .0,
        Refer
    );
    assert_eq!(
        finding(&assess(row("confirmed", false)), cite::CRIM_142)
            .unwrap()
            .0,
        DoNotRefer
    );
    assert_eq!(
        finding(&assess(row("suspected", true)), cite::CRIM_142)
            .unwrap()
            .0,
        NeedsTesting
    );
    assert_eq!(assess(row("confirmed", false)).decision, DoNotRefer);
}

#[test]
fn article_142_1_needs_enough_to_seriously_endanger_health() {
    let row = |act: &str, endangers: &str| json!({"product": "drug", "sales_cny": 0.0, "drug_admin_act": act, "endangers_health": endangers});
    let (d, detail) = finding(
        &assess(row("fabricated_records", "confirmed")),
        cite::CRIM_142_1,
    )
    .unwrap();
    assert_eq!(d, Refer);
    assert!(detail.contains("（四）编造生产、检验记录"));
    assert_eq!(
        finding(&assess(row("unapproved", "suspected")), cite::CRIM_142_1)
            .unwrap()
            .0,
        NeedsTesting
    );
    assert_eq!(
        finding(&assess(row("banned_drug", "none")), cite::CRIM_142_1)
            .unwrap()
            .0,
        DoNotRefer
    );
    assert_eq!(
        finding(&assess(row("none", "confirmed")), cite::CRIM_142_1)
            .unwrap()
            .0,
        DoNotRefer
    );
}

#[test]
fn devices_below_standard_and_cosmetics_with_serious_consequences() {
    let device = |endangers: &str| json!({"product": "device", "sales_cny": 0.0, "device_below_standard": true, "endangers_health": endangers});
    assert_eq!(assess(device("confirmed")).decision, Refer);
    assert_eq!(assess(device("suspected")).decision, NeedsTesting);
    assert_eq!(assess(device("none")).decision, DoNotRefer);
    assert_eq!(
        finding(&assess(device("confirmed")), cite::CRIM_145)
            .unwrap()
            .0,
        Refer
    );
    let cosmetic = |c: bool| json!({"product": "cosmetic", "sales_cny": 0.0, "cosmetic_below_standard": true, "serious_consequences": c});
    assert_eq!(
        finding(&assess(cosmetic(true)), cite::CRIM_148).unwrap().0,
        Refer
    );
    assert_eq!(assess(cosmetic(false)).decision, DoNotRefer);
}

#[test]
fn article_149_fallback_at_50000_150000_and_three_times() {
    let cosmetic = |sales: f64, unsold: f64| json!({"product": "cosmetic", "sales_cny": sales, "unsold_value_cny": unsold, "cosmetic_below_standard": true});
    assert_eq!(
        last(&assess(cosmetic(50_000.0, 0.0))),
        (Refer, cite::CRIM_149)
    );
    assert_eq!(
        last(&assess(cosmetic(50_000.01, 0.0))),
        (Refer, cite::CRIM_149)
    );
    assert_eq!(
        last(&assess(cosmetic(49_999.99, 0.0))),
        (DoNotRefer, cite::FILING_STD_ART16)
    );
    assert_eq!(
        last(&assess(cosmetic(0.0, 150_000.0))),
        (Refer, cite::FILING_STD_ART16)
    );
    assert_eq!(
        last(&assess(cosmetic(0.0, 149_999.99))),
        (DoNotRefer, cite::FILING_STD_ART16)
    );
    assert_eq!(
        last(&assess(cosmetic(40_000.0, 30_000.0))),
        (Refer, cite::FILING_STD_ART16)
    );
    assert_eq!(
        last(&assess(cosmetic(40_000.0, 29_999.99))),
        (DoNotRefer, cite::FILING_STD_ART16)
    );
    // A suspected counterfeit with a met amount awaits testing.
    let s =
        assess(json!({"product": "drug", "sales_cny": 60_000.0, "counterfeit_drug": "suspected"}));
    assert_eq!(last(&s), (NeedsTesting, cite::CRIM_149));
    // No listed product: no fallback.
    let none = assess(json!({"product": "device", "sales_cny": 900_000.0}));
    assert_eq!(last(&none), (DoNotRefer, cite::CRIM_149));
    // Registration fraud is not a product defect.
    let fraud = assess(
        json!({"product": "drug", "sales_cny": 900_000.0, "drug_admin_act": "registration_fraud"}),
    );
    assert_eq!(last(&fraud), (DoNotRefer, cite::CRIM_149));
}

#[test]
fn negative_amounts_are_refused() {
    let err = plugin()
        .assess_referral(&table(
            Op::Referral,
            &[json!({"product": "drug", "sales_cny": -5.0})],
        ))
        .unwrap_err();
    assert!(err.message.contains("row 0: fact `sales_cny`"), "{err}");
}

#[test]
fn article_142_1_acts_quote_the_statute() {
    // Criminal Law Art. 142之一 para. 1 items (一)–(四), LawRefBook 刑法/刑法.md.
    let expected = [
        (
            "banned_drug",
            "（一）生产、销售国务院药品监督管理部门禁止使用的药品的",
        ),
        (
            "unapproved",
            "（二）未取得药品相关批准证明文件生产、进口药品或者明知是上述药品而销售的",
        ),
        (
            "registration_fraud",
            "（三）药品申请注册中提供虚假的证明、数据、资料、样品或者采取其他欺骗手段的",
        ),
        ("fabricated_records", "（四）编造生产、检验记录的"),
    ];
    for (code, text) in expected {
        let a = assess(
            json!({"product": "drug", "sales_cny": 0.0, "drug_admin_act": code, "endangers_health": "confirmed"}),
        );
        let (d, detail) = finding(&a, cite::CRIM_142_1).unwrap();
        assert_eq!(d, Refer);
        assert_eq!(detail, format!("{text}，足以严重危害人体健康：应当移送"));
    }
    let c = &jianguan_drugs::DrugsPlugin::describe().citations[cite::CRIM_142_1 as usize];
    assert_eq!(
        (c.article.as_str(), c.certainty),
        ("第一百四十二条之一", jianguan_plugin::Certainty::Solid)
    );
}

#[test]
fn an_article_1_type_counterfeit_is_punished_more_heavily() {
    let mut row = fake(1_000.0);
    row["aggravating_type"] = json!(true);
    let (d, detail) = finding(&assess(row), cite::INTERP_ART1).unwrap();
    assert_eq!(d, Refer);
    assert!(detail.ends_with("应当酌情从重处罚"), "{detail}");
    // Not for a suspected-only counterfeit: the finding follows the decision.
    let mut row = json!({"product": "drug", "sales_cny": 1_000.0, "counterfeit_drug": "suspected", "aggravating_type": true});
    assert_eq!(
        finding(&assess(row.clone()), cite::INTERP_ART1).unwrap().0,
        NeedsTesting
    );
    // No counterfeit: no aggravation finding.
    row["counterfeit_drug"] = json!("none");
    assert!(finding(&assess(row), cite::INTERP_ART1).is_none());
    // Without the flag: none.
    assert!(finding(&assess(fake(1_000.0)), cite::INTERP_ART1).is_none());
}
