//! Referral: the top bands of Arts. 143 and 144 (2021 food interpretation
//! Arts. 4 and 8, RULES.md §6.2) and Art. 144's 100,000–200,000 band with an
//! aggravator (Art. 7), each figure at, just under and just over.

mod common;

use common::{Op, plugin, table};
use jianguan_food::cite;
use jianguan_plugin::{
    Plugin, PluginErrorKind, ReferralAssessment, ReferralDecision,
    decisions::{DoNotRefer, Refer},
};
use serde_json::{Value, json};

fn assess(row: Value) -> ReferralAssessment {
    plugin()
        .assess_referral(&table(Op::Referral, &[row]))
        .expect("assesses")
        .remove(0)
}

/// The first finding citing `citation`, if any.
fn finding(a: &ReferralAssessment, citation: u32) -> Option<(ReferralDecision, String)> {
    a.findings
        .iter()
        .find(|f| f.reason.citation == citation)
        .map(|f| (f.decision, f.reason.detail.to_string()))
}

/// Substandard food with an Interp. Art. 1 item: Art. 143's basic crime met.
fn basic(sales: f64) -> Value {
    json!({"sales_cny": sales, "substandard_food": true, "diseased_meat": true})
}

fn toxic(sales: f64, state: &str) -> Value {
    json!({"sales_cny": sales, "substandard_food": false, "toxic_substance": state})
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
