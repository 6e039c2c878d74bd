//! Referral: each criminal threshold of RULES.md §6.1–§6.2 at, just under and
//! just over its figure.

mod common;

use common::{Op, plugin, table};
use jianguan_food::cite;
use jianguan_plugin::{
    Plugin, PluginErrorKind, ReferralAssessment,
    ReferralDecision::{self, DoNotRefer, NeedsTesting, Refer},
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

// --- Interp. Art. 4 (后果特别严重) and Art. 8 (Art. 144 其他特别严重情节) ---

const TOP_143: &str = "（七年以上有期徒刑或者无期徒刑）";
const TOP_144: &str = "（依照第一百四十一条处罚：十年以上有期徒刑、无期徒刑或者死刑）";

/// A substandard food with an Art. 1 item (basic crime met) and one count.
fn substandard_with(key: &str, n: i64) -> Value {
    let mut row = basic(1_000.0);
    row[key] = json!(n);
    row
}

/// A confirmed toxic food (Art. 144 basic crime met) and one count.
fn toxic_with(key: &str, n: i64) -> Value {
    let mut row = toxic(1_000.0, "confirmed");
    row[key] = json!(n);
    row
}

/// (fact, figure, detail at the figure) of each Art. 4 item.
const ARTICLE_4_FIGURES: [(&str, i64, &str); 6] = [
    ("death_count", 1, "第一项：致人死亡 1 人 ≥ 1 人"),
    (
        "severe_disability_count",
        1,
        "第二项：造成重度残疾以上 1 人 ≥ 1 人",
    ),
    (
        "serious_injury_count",
        3,
        "第三项：重伤、中度残疾或者器官组织损伤导致严重功能障碍 3 人 ≥ 3 人",
    ),
    ("minor_injury_count", 10, "第四项：轻伤 10 人 ≥ 10 人"),
    (
        "mild_disability_count",
        5,
        "第四项：轻度残疾或者器官组织损伤导致一般功能障碍 5 人 ≥ 5 人",
    ),
    (
        "serious_poisoning_count",
        30,
        "第五项：严重食物中毒 30 人 ≥ 30 人",
    ),
];

#[test]
fn article_143_especially_serious_consequences_at_each_article_4_figure() {
    for (key, figure, text) in ARTICLE_4_FIGURES {
        // At the figure: the ≥ 7 years band, and not the 3–7 years one.
        let at = assess(substandard_with(key, figure));
        assert_eq!(at.decision, Refer, "{key} = {figure}");
        let (d, detail) = finding(&at, cite::INTERP_ART4).expect(key);
        assert_eq!(d, Refer);
        assert!(
            detail.starts_with("第一百四十三条“后果特别严重”：解释第四条"),
            "{detail}"
        );
        assert!(detail.contains(text), "{key}: {detail}");
        assert!(detail.ends_with(TOP_143), "{detail}");
        assert!(
            finding(&at, cite::INTERP_ART2).is_none(),
            "{key}: no 3–7 band"
        );
        assert_eq!(common::article(cite::INTERP_ART4), "第四条");

        // Just over.
        let over = assess(substandard_with(key, figure + 1));
        assert!(finding(&over, cite::INTERP_ART4).is_some(), "{key} over");

        // Just under: no Art. 4; a count ≥ 1 of injuries is still Art. 2.
        let under = assess(substandard_with(key, figure - 1));
        assert!(finding(&under, cite::INTERP_ART4).is_none(), "{key} under");
        let art2 = finding(&under, cite::INTERP_ART2);
        if figure > 1 {
            let (d, detail) = art2.expect(key);
            assert_eq!(d, Refer);
            assert!(detail.ends_with("（三年以上七年以下）"), "{detail}");
        } else {
            assert!(art2.is_none(), "{key} = 0");
        }
    }
}

#[test]
fn twenty_nine_and_thirty_seriously_poisoned() {
    // With an Art. 1 item, so the first finding citing Art. 2 / Art. 4 is the band.
    let row = |n: i64| substandard_with("serious_poisoning_count", n);
    let a29 = assess(row(29));
    let (_, detail) = finding(&a29, cite::INTERP_ART2).unwrap();
    assert_eq!(
        detail,
        "第一百四十三条“对人体健康造成严重危害”：严重食物中毒 29 人 ≥ 10 人（三年以上七年以下）"
    );
    assert!(finding(&a29, cite::INTERP_ART4).is_none());

    let a30 = assess(row(30));
    assert_eq!(a30.decision, Refer);
    let (_, detail) = finding(&a30, cite::INTERP_ART4).unwrap();
    assert_eq!(
        detail,
        "第一百四十三条“后果特别严重”：解释第四条第五项：严重食物中毒 30 人 ≥ 30 人（七年以上有期徒刑或者无期徒刑）"
    );
    assert!(finding(&a30, cite::INTERP_ART2).is_none());
    assert!(finding(&a30, cite::INTERP_ART3).is_none());
}

#[test]
fn a_death_alone_makes_the_article_143_crime_with_the_top_band() {
    // Substandard food, no Art. 1 item proven, one death.
    let a = assess(json!({"sales_cny": 500.0, "substandard_food": true, "death_count": 1}));
    assert_eq!(a.decision, Refer);
    let basic = &a.findings[0];
    assert_eq!(basic.reason.citation, cite::INTERP_ART4);
    assert!(
        basic
            .reason
            .detail
            .contains("已造成特别严重后果（解释第四条第一项：致人死亡 1 人 ≥ 1 人）"),
        "{}",
        basic.reason.detail
    );
    let top = a
        .findings
        .iter()
        .filter(|f| f.reason.citation == cite::INTERP_ART4)
        .count();
    assert_eq!(top, 2, "the basic finding and the band finding");
    // No death: nothing proves the basic crime.
    let none = assess(json!({"sales_cny": 500.0, "substandard_food": true, "death_count": 0}));
    assert_eq!(none.decision, DoNotRefer);
}

#[test]
fn several_article_4_items_are_listed_together() {
    let mut row = basic(1_000.0);
    row["death_count"] = json!(1);
    row["serious_poisoning_count"] = json!(31);
    let (_, detail) = finding(&assess(row), cite::INTERP_ART4).unwrap();
    assert_eq!(
        detail,
        "第一百四十三条“后果特别严重”：解释第四条第一项：致人死亡 1 人 ≥ 1 人；第五项：严重食物中毒 31 人 ≥ 30 人（七年以上有期徒刑或者无期徒刑）"
    );
}

#[test]
fn article_144_death_is_punished_under_article_141() {
    let a = assess(toxic_with("death_count", 1));
    assert_eq!(a.decision, Refer);
    let deaths: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.reason.citation == cite::CRIM_144)
        .map(|f| f.reason.detail.to_string())
        .collect();
    assert_eq!(
        deaths.len(),
        2,
        "basic crime and the death band: {deaths:?}"
    );
    assert_eq!(
        deaths[1],
        format!("第一百四十四条“致人死亡”：死亡 1 人 ≥ 1 人{TOP_144}")
    );
    // Interp. Art. 8 covers Art. 4 items 2–6 only, not the death (item 1).
    assert!(finding(&a, cite::INTERP_ART8).is_none());
    assert!(finding(&a, cite::INTERP_ART6).is_none());
    assert!(finding(&a, cite::INTERP_ART7).is_none());

    let none = assess(toxic_with("death_count", 0));
    let count = none
        .findings
        .iter()
        .filter(|f| f.reason.citation == cite::CRIM_144)
        .count();
    assert_eq!(count, 1);
}

#[test]
fn article_144_especially_serious_through_article_4_items_2_to_6() {
    for (key, figure, text) in &ARTICLE_4_FIGURES[1..] {
        let at = assess(toxic_with(key, *figure));
        let (d, detail) = finding(&at, cite::INTERP_ART8).expect(key);
        assert_eq!(d, Refer);
        assert!(
            detail.starts_with("第一百四十四条“其他特别严重情节”：解释第四条"),
            "{detail}"
        );
        assert!(detail.contains(text), "{key}: {detail}");
        assert!(detail.ends_with(TOP_144), "{detail}");
        // The 5–10-year band is not shown when the top band applies.
        assert!(finding(&at, cite::INTERP_ART6).is_none(), "{key}");

        assert!(
            finding(&assess(toxic_with(key, figure + 1)), cite::INTERP_ART8).is_some(),
            "{key} over"
        );

        let under = assess(toxic_with(key, figure - 1));
        assert!(finding(&under, cite::INTERP_ART8).is_none(), "{key} under");
        let art6 = finding(&under, cite::INTERP_ART6);
        if *figure > 1 {
            let (_, detail) = art6.expect(key);
            assert!(detail.ends_with("（五年以上十年以下）"), "{detail}");
        } else {
            assert!(art6.is_none(), "{key} = 0");
        }
    }
}

#[test]
fn article_144_thirty_poisoned_is_not_the_five_to_ten_year_band() {
    let a = assess(toxic_with("serious_poisoning_count", 30));
    let (_, detail) = finding(&a, cite::INTERP_ART8).unwrap();
    assert_eq!(
        detail,
        format!(
            "第一百四十四条“其他特别严重情节”：解释第四条第五项：严重食物中毒 30 人 ≥ 30 人{TOP_144}"
        )
    );
    assert!(finding(&a, cite::INTERP_ART6).is_none());
    let (_, detail) = finding(
        &assess(toxic_with("serious_poisoning_count", 29)),
        cite::INTERP_ART6,
    )
    .unwrap();
    assert_eq!(
        detail,
        "第一百四十四条“对人体健康造成严重危害”：严重食物中毒 29 人 ≥ 10 人（五年以上十年以下）"
    );
}

#[test]
fn article_144_sales_and_article_4_items_together() {
    let mut row = toxic(600_000.0, "confirmed");
    row["serious_injury_count"] = json!(3);
    let (_, detail) = finding(&assess(row), cite::INTERP_ART8).unwrap();
    assert_eq!(
        detail,
        format!(
            "第一百四十四条“其他特别严重情节”：销售金额 600000 元 ≥ 500000 元；解释第四条第三项：重伤、中度残疾或者器官组织损伤导致严重功能障碍 3 人 ≥ 3 人{TOP_144}"
        )
    );
}

// --- Interp. Art. 7 items 2–5: 100,000 to under 200,000 with an aggravator ---

#[test]
fn article_144_serious_circumstances_at_100000_with_an_aggravator() {
    let with = |sales: f64, key: &str, value: Value| {
        let mut row = toxic(sales, "confirmed");
        row[key] = value;
        finding(&assess(row), cite::INTERP_ART7)
    };
    for (key, value) in [
        ("large_quantity", json!(true)),
        ("duration_months", json!(6.0)),
        ("special_medical_or_infant_food", json!(true)),
        ("near_schools_or_elderly", json!(true)),
        ("prior_food_crime", json!(true)),
    ] {
        let (d, detail) = with(100_000.0, key, value.clone()).expect(key);
        assert_eq!(d, Refer);
        assert!(
            detail.starts_with(
                "第一百四十四条“其他严重情节”：销售金额 100000 元在 100000–200000 元之间，且"
            ),
            "{detail}"
        );
        assert!(detail.ends_with("（五年以上十年以下）"), "{detail}");
        assert!(with(100_000.01, key, value.clone()).is_some(), "{key}");
        assert!(with(199_999.99, key, value.clone()).is_some(), "{key}");
        assert!(with(99_999.99, key, value).is_none(), "{key} under");
    }
    // Duration just under six months: no aggravator.
    assert!(with(150_000.0, "duration_months", json!(5.99)).is_none());
    let (_, detail) = with(150_000.0, "duration_months", json!(6.0)).unwrap();
    assert!(detail.contains("持续 6 个月 ≥ 6 个月"), "{detail}");
    // No aggravator in the band: no Art. 7 finding.
    assert!(finding(&assess(toxic(150_000.0, "confirmed")), cite::INTERP_ART7).is_none());
}

#[test]
fn article_144_administrative_penalty_aggravates_for_two_years() {
    let with = |act: &str| {
        let mut row = toxic(150_000.0, "confirmed");
        row["prior_food_penalty_effective"] = json!("2024-03-01");
        row["act_date"] = json!(act);
        finding(&assess(row), cite::INTERP_ART7)
    };
    let (_, detail) = with("2026-03-01").expect("exactly two years");
    assert!(
        detail.contains(
            "二年内受过行政处罚（处罚生效 2024-03-01，本次行为 2026-03-01 ≤ 2026-03-01）"
        ),
        "{detail}"
    );
    assert!(with("2026-03-02").is_none(), "one day more");
}

#[test]
fn negative_harm_counts_are_refused() {
    let err = plugin()
        .assess_referral(&table(
            Op::Referral,
            &[substandard_with("minor_injury_count", -1)],
        ))
        .unwrap_err();
    assert_eq!(err.kind, PluginErrorKind::InvalidFacts);
    assert!(
        err.message
            .contains("row 0: fact `minor_injury_count` = -1 is negative"),
        "{err}"
    );
}
