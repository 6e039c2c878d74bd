//! Referral: each criminal threshold of RULES.md §6.1–§6.2 at, just under and
//! just over its figure.

mod common;

use common::{Op, plugin, table};
use jianguan_food::cite;
use jianguan_plugin::{
    Plugin, PluginErrorKind, ReferralAssessment, ReferralDecision,
    decisions::{DoNotRefer, NeedsTesting, Refer},
};
use serde_json::{Value, json};

fn assess(row: Value) -> ReferralAssessment {
    plugin()
        .assess_referral(&table(Op::Referral, &[row]))
        .expect("assesses")
        .remove(0)
}

/// The finding citing `citation`, if any.
fn finding(a: &ReferralAssessment, citation: u32) -> Option<(ReferralDecision, String)> {
    a.findings
        .iter()
        .find(|f| f.reason.citation == citation)
        .map(|f| (f.decision, f.reason.detail.to_string()))
}

/// The fake-product finding (Art. 140 / 149 / filing standard Art. 16), which is always last.
fn fake_product(a: &ReferralAssessment) -> (ReferralDecision, u32, String) {
    let f = a.findings.last().unwrap();
    (f.decision, f.reason.citation, f.reason.detail.to_string())
}

fn substandard(sales: f64, unsold: f64) -> Value {
    json!({"sales_cny": sales, "unsold_value_cny": unsold, "substandard_food": true})
}

#[test]
fn article_149_sales_threshold_50000() {
    let (d, c, detail) = fake_product(&assess(substandard(50_000.0, 0.0)));
    assert_eq!((d, c), (Refer, cite::CRIM_149));
    assert!(detail.contains("销售金额 50000 元 ≥ 50000 元"), "{detail}");

    let (d, c, _) = fake_product(&assess(substandard(50_000.01, 0.0)));
    assert_eq!((d, c), (Refer, cite::CRIM_149));

    // Just under: 3 × 49999.99 = 149999.97 < 150000 as well.
    let (d, c, detail) = fake_product(&assess(substandard(49_999.99, 0.0)));
    assert_eq!((d, c), (DoNotRefer, cite::FILING_STD_ART16));
    assert!(detail.contains("149999.97 元 < 150000 元"), "{detail}");
}

#[test]
fn adulteration_goes_to_article_140_directly() {
    let row = json!({"sales_cny": 50_000.0, "substandard_food": false, "adulterated": true});
    let (d, c, detail) = fake_product(&assess(row));
    assert_eq!((d, c), (Refer, cite::CRIM_140));
    assert!(
        detail.starts_with("生产、销售伪劣产品罪（第一百四十条）"),
        "{detail}"
    );
}

#[test]
fn filing_standard_unsold_value_150000() {
    for (unsold, expected) in [
        (150_000.0, Refer),
        (150_000.01, Refer),
        (149_999.99, DoNotRefer),
    ] {
        let (d, c, _) = fake_product(&assess(substandard(0.0, unsold)));
        assert_eq!(
            (d, c),
            (expected, cite::FILING_STD_ART16),
            "unsold {unsold}"
        );
    }
}

#[test]
fn filing_standard_three_times_sold_plus_unsold_150000() {
    let (d, c, detail) = fake_product(&assess(substandard(40_000.0, 30_000.0)));
    assert_eq!((d, c), (Refer, cite::FILING_STD_ART16));
    assert!(
        detail.contains("3 × 40000 + 货值 30000 = 150000 元 ≥ 150000 元"),
        "{detail}"
    );
    assert_eq!(
        fake_product(&assess(substandard(40_000.0, 30_000.01))).0,
        Refer
    );
    assert_eq!(
        fake_product(&assess(substandard(40_000.0, 29_999.99))).0,
        DoNotRefer
    );
}

#[test]
fn no_fake_product_without_a_defect() {
    let a = assess(json!({"sales_cny": 900_000.0, "substandard_food": false}));
    assert_eq!(a.decision, DoNotRefer);
    assert_eq!(fake_product(&a).1, cite::CRIM_140);
    assert_eq!(a.findings.len(), 3);
}

#[test]
fn article_143_basic_crime_through_interpretation_article_1() {
    let confirmed = assess(
        json!({"sales_cny": 1000.0, "substandard_food": true, "contaminant_excess": "confirmed"}),
    );
    assert_eq!(confirmed.decision, Refer);
    let (d, detail) = finding(&confirmed, cite::INTERP_ART1).unwrap();
    assert_eq!(d, Refer);
    assert!(detail.contains("第一项"), "{detail}");

    let suspected = assess(
        json!({"sales_cny": 1000.0, "substandard_food": true, "contaminant_excess": "suspected"}),
    );
    assert_eq!(suspected.decision, NeedsTesting);
    assert_eq!(
        finding(&suspected, cite::INTERP_ART1).unwrap().0,
        NeedsTesting
    );

    for flag in [
        "diseased_meat",
        "banned_for_disease_control",
        "special_food_nutrients_noncompliant",
    ] {
        let mut row = json!({"sales_cny": 1000.0, "substandard_food": true});
        row[flag] = json!(true);
        assert_eq!(
            finding(&assess(row), cite::INTERP_ART1).unwrap().0,
            Refer,
            "{flag}"
        );
    }

    let neither = assess(json!({"sales_cny": 1000.0, "substandard_food": true}));
    assert_eq!(neither.decision, DoNotRefer);
    let (d, detail) = finding(&neither, cite::CRIM_143).unwrap();
    assert_eq!(d, DoNotRefer);
    assert!(detail.contains("第十三条第二款"));

    // The excess counts only for food found below the standard.
    let not_substandard = assess(
        json!({"sales_cny": 1000.0, "substandard_food": false, "contaminant_excess": "confirmed"}),
    );
    assert_eq!(
        finding(&not_substandard, cite::CRIM_143).unwrap().0,
        DoNotRefer
    );
}

#[test]
fn ten_seriously_poisoned_is_serious_harm() {
    let row = |n: i64| json!({"sales_cny": 1000.0, "substandard_food": true, "serious_poisoning_count": n});
    let ten = assess(row(10));
    assert_eq!(ten.decision, Refer);
    let (d, detail) = finding(&ten, cite::INTERP_ART2).unwrap();
    assert_eq!(d, Refer);
    assert!(detail.contains("严重食物中毒 10 人 ≥ 10 人"), "{detail}");
    assert!(finding(&assess(row(11)), cite::INTERP_ART2).is_some());
    let nine = assess(row(9));
    assert_eq!(nine.decision, DoNotRefer);
    assert!(finding(&nine, cite::INTERP_ART2).is_none());
}

fn basic(sales: f64) -> Value {
    json!({"sales_cny": sales, "substandard_food": true, "diseased_meat": true})
}

#[test]
fn article_143_serious_circumstances_at_200000() {
    let (d, detail) = finding(&assess(basic(200_000.0)), cite::INTERP_ART3).unwrap();
    assert_eq!(d, Refer);
    assert!(
        detail.contains("销售金额 200000 元 ≥ 200000 元"),
        "{detail}"
    );
    assert!(finding(&assess(basic(200_000.01)), cite::INTERP_ART3).is_some());
    assert!(finding(&assess(basic(199_999.99)), cite::INTERP_ART3).is_none());
}

#[test]
fn article_143_serious_circumstances_at_100000_with_an_aggravator() {
    let with = |sales: f64, key: &str, value: Value| {
        let mut row = basic(sales);
        row[key] = value;
        finding(&assess(row), cite::INTERP_ART3)
    };
    assert!(with(100_000.0, "large_quantity", json!(true)).is_some());
    assert!(with(100_000.01, "large_quantity", json!(true)).is_some());
    assert!(with(99_999.99, "large_quantity", json!(true)).is_none());
    assert!(with(150_000.0, "special_medical_or_infant_food", json!(true)).is_some());
    assert!(with(150_000.0, "near_schools_or_elderly", json!(true)).is_some());
    assert!(with(150_000.0, "prior_food_crime", json!(true)).is_some());
    // Six months of activity, at and under.
    let (_, detail) = with(150_000.0, "duration_months", json!(6.0)).unwrap();
    assert!(detail.contains("持续 6 个月 ≥ 6 个月"), "{detail}");
    assert!(with(150_000.0, "duration_months", json!(5.99)).is_none());
    // No aggravator: nothing between 100,000 and 200,000.
    assert!(finding(&assess(basic(150_000.0)), cite::INTERP_ART3).is_none());
}

#[test]
fn an_administrative_penalty_aggravates_for_two_years() {
    let with = |act: &str| {
        let mut row = basic(150_000.0);
        row["prior_food_penalty_effective"] = json!("2024-03-01");
        row["act_date"] = json!(act);
        finding(&assess(row), cite::INTERP_ART3)
    };
    assert!(with("2026-03-01").is_some(), "exactly two years");
    assert!(with("2026-03-02").is_none(), "one day more");
    assert!(with("2025-01-01").is_some());

    let mut row = basic(150_000.0);
    row["prior_food_penalty_effective"] = json!("2024-03-01");
    let err = plugin()
        .assess_referral(&table(Op::Referral, &[row]))
        .unwrap_err();
    assert_eq!(err.kind, PluginErrorKind::InvalidFacts);
    assert!(err.message.contains("row 0: fact `act_date`"), "{err}");
}

#[test]
fn no_serious_band_without_the_basic_crime() {
    let a = assess(substandard(300_000.0, 0.0));
    assert!(finding(&a, cite::INTERP_ART3).is_none());
    assert_eq!(a.decision, Refer, "Art. 149 → 140 still applies");
    assert_eq!(fake_product(&a).1, cite::CRIM_149);
}

fn toxic(sales: f64, state: &str) -> Value {
    json!({"sales_cny": sales, "substandard_food": false, "toxic_substance": state})
}

#[test]
fn article_144_is_a_conduct_crime() {
    let a = assess(toxic(0.0, "confirmed"));
    assert_eq!(a.decision, Refer);
    assert_eq!(finding(&a, cite::CRIM_144).unwrap().0, Refer);
    let s = assess(toxic(0.0, "suspected"));
    assert_eq!(s.decision, NeedsTesting);
    assert_eq!(finding(&s, cite::INTERP_ART9).unwrap().0, NeedsTesting);
    let n = assess(toxic(0.0, "none"));
    assert_eq!(n.decision, DoNotRefer);
}

#[test]
fn article_144_bands_at_200000_and_500000() {
    let (d, detail) = finding(&assess(toxic(500_000.0, "confirmed")), cite::INTERP_ART8).unwrap();
    assert_eq!(d, Refer);
    assert!(
        detail.contains("销售金额 500000 元 ≥ 500000 元"),
        "{detail}"
    );
    assert!(finding(&assess(toxic(500_000.01, "confirmed")), cite::INTERP_ART8).is_some());
    let under = assess(toxic(499_999.99, "confirmed"));
    assert!(finding(&under, cite::INTERP_ART8).is_none());
    assert!(finding(&under, cite::INTERP_ART7).is_some());
    assert!(finding(&assess(toxic(200_000.0, "confirmed")), cite::INTERP_ART7).is_some());
    assert!(finding(&assess(toxic(199_999.99, "confirmed")), cite::INTERP_ART7).is_none());
    let mut strong = toxic(1_000.0, "confirmed");
    strong["highly_toxic_or_high_content"] = json!(true);
    let (_, detail) = finding(&assess(strong), cite::INTERP_ART7).unwrap();
    assert!(detail.contains("毒害性强或者含量高"));
}

#[test]
fn the_overall_decision_is_the_strongest_finding() {
    let row = json!({"sales_cny": 10_000.0, "substandard_food": true, "contaminant_excess": "suspected", "toxic_substance": "confirmed"});
    let a = assess(row);
    assert_eq!(a.decision, Refer);
    assert_eq!(finding(&a, cite::INTERP_ART1).unwrap().0, NeedsTesting);
}

#[test]
fn negative_amounts_and_unknown_codes_are_refused() {
    let err = plugin()
        .assess_referral(&table(Op::Referral, &[substandard(-1.0, 0.0)]))
        .unwrap_err();
    assert!(err.message.contains("row 0: fact `sales_cny`"), "{err}");
    use jianguan_plugin::{Column, ColumnData, FactTable};
    let facts = FactTable::new(1)
        .with(Column::new(
            "sales_cny",
            ColumnData::Number(vec![1.0].into()),
        ))
        .with(Column::new(
            "substandard_food",
            ColumnData::Flag(vec![true].into()),
        ))
        .with(Column::new(
            "toxic_substance",
            ColumnData::Text(vec!["maybe".into()].into()),
        ));
    let err = plugin().assess_referral(&facts).unwrap_err();
    assert!(
        err.message
            .contains("row 0: fact `toxic_substance` has unknown code `maybe`"),
        "{err}"
    );
}

#[test]
fn an_amount_on_a_still_untested_toxic_substance_needs_testing() {
    let a = assess(toxic(60_000.0, "suspected"));
    let (d, c, _) = fake_product(&a);
    assert_eq!((d, c), (NeedsTesting, cite::CRIM_149));
    assert_eq!(a.decision, NeedsTesting);
}
