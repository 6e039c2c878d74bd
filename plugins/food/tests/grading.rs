//! Grading: level cut-offs (RULES.md §7.2, UNCONFIRMED defaults 30/45/60,
//! inclusive), frequencies per level, key inspection targets (Order 49
//! Art. 22 para. 2), and range checks.

mod common;

use common::{Op, article, plugin, table};
use jianguan_food::{FoodConfig, FoodPlugin, cite};
use jianguan_plugin::{GradeBatch, Plugin, PluginErrorKind};
use serde_json::json;

fn grade_of(p: &FoodPlugin, business: &str, s: f64, d: f64) -> GradeBatch {
    p.grade(&table(
        Op::Grading,
        &[json!({"business_type": business, "static_score": s, "dynamic_score": d})],
    ))
    .expect("grades")
}

fn label(batch: &GradeBatch) -> &'static str {
    ["A", "B", "C", "D"][batch.grades[0] as usize]
}

#[test]
fn each_cut_off_is_inclusive_and_the_next_score_moves_up() {
    let p = plugin();
    let cases = [
        (0.0, 0.0, "A"),
        (10.0, 20.0, "A"),  // 30: top of A
        (10.0, 20.01, "B"), // just over 30
        (20.0, 24.99, "B"), // just under 45
        (20.0, 25.0, "B"),  // 45: top of B
        (20.0, 25.01, "C"), // just over 45
        (30.0, 29.99, "C"), // just under 60
        (30.0, 30.0, "C"),  // 60: top of C
        (30.0, 30.01, "D"), // just over 60
        (40.0, 60.0, "D"),  // maximum 100
    ];
    for (s, d, expected) in cases {
        let batch = grade_of(&p, "seller", s, d);
        assert_eq!(label(&batch), expected, "static {s} + dynamic {d}");
        assert!((batch.scores[0] - (s + d)).abs() < 1e-9);
    }
}

#[test]
fn the_score_reason_cites_the_unconfirmed_cut_offs_with_the_figures() {
    let batch = grade_of(&plugin(), "seller", 15.0, 30.0);
    let model = &batch.reasons[0][0];
    assert_eq!(model.citation, cite::CFDA_SCORE_MODEL);
    assert_eq!(
        model.detail.as_str(),
        "静态风险因素 15 分（满分 40）+ 动态风险因素 30 分（满分 60）= 总分 45"
    );
    let reason = &batch.reasons[0][1];
    assert_eq!(reason.citation, cite::CFDA_LEVEL_CUTOFFS);
    assert_eq!(reason.detail.as_str(), "总分 45：30 < 45 ≤ 45 → B级风险");
}

#[test]
fn each_level_states_its_minimum_frequency() {
    let p = plugin();
    let expected = [
        (10.0, "A级：每年至少监督检查 1 次"),
        (40.0, "B级：每年监督检查 1–2 次"),
        (50.0, "C级：每年监督检查 2–3 次"),
        (70.0, "D级：每年监督检查 3–4 次"),
    ];
    for (total, text) in expected {
        let batch = grade_of(&p, "seller", 0.0_f64.max(total - 60.0), total.min(60.0));
        let reason = &batch.reasons[0][2];
        assert_eq!(reason.citation, cite::CFDA_FREQUENCY);
        assert_eq!(reason.detail.as_str(), text);
    }
}

fn key_reason(batch: &GradeBatch) -> Option<String> {
    batch.reasons[0]
        .iter()
        .find(|r| r.citation == cite::ORDER49_ART22)
        .map(|r| r.detail.to_string())
}

#[test]
fn key_inspection_targets_follow_order_49_article_22() {
    let p = plugin();
    // (business type, total score, expected ground)
    let cases: [(&str, f64, Option<&str>); 12] = [
        (
            "special_food_producer",
            10.0,
            Some("重点监督检查对象：特殊食品生产者"),
        ),
        ("central_kitchen", 10.0, Some("重点监督检查对象：中央厨房")),
        (
            "group_meal_distributor",
            10.0,
            Some("重点监督检查对象：集体用餐配送单位"),
        ),
        ("producer", 45.0, None), // B producer
        (
            "producer",
            50.0,
            Some("重点监督检查对象：风险等级为C级的食品生产者"),
        ), // C producer
        (
            "producer",
            61.0,
            Some("重点监督检查对象：风险等级为D级的食品生产者"),
        ),
        ("seller", 60.0, None), // C seller
        (
            "seller",
            61.0,
            Some("重点监督检查对象：风险等级为D级的食品经营者"),
        ),
        ("caterer", 60.0, None),
        (
            "caterer",
            61.0,
            Some("重点监督检查对象：风险等级为D级的食品经营者"),
        ),
        ("caterer", 10.0, None),
        ("producer", 10.0, None),
    ];
    for (kind, total, expected) in cases {
        let batch = grade_of(&p, kind, (total - 60.0).max(0.0), total.min(60.0));
        assert_eq!(key_reason(&batch).as_deref(), expected, "{kind} at {total}");
    }
    assert_eq!(article(cite::ORDER49_ART22), "第二十二条");
}

#[test]
fn configured_cut_offs_move_the_boundaries() {
    let config = FoodConfig {
        level_a_max_score: 20.0,
        level_b_max_score: 40.0,
        level_c_max_score: 70.0,
        ..FoodConfig::default()
    };
    let p = FoodPlugin::open(config).unwrap();
    assert_eq!(label(&grade_of(&p, "seller", 0.0, 20.0)), "A");
    assert_eq!(label(&grade_of(&p, "seller", 0.0, 20.5)), "B");
    assert_eq!(label(&grade_of(&p, "seller", 10.0, 60.0)), "C");
    assert_eq!(label(&grade_of(&p, "seller", 10.5, 60.0)), "D");
}

#[test]
fn out_of_range_scores_and_unknown_codes_name_row_and_fact() {
    let p = plugin();
    let rows = [
        json!({"business_type": "seller", "static_score": 10.0, "dynamic_score": 10.0}),
        json!({"business_type": "seller", "static_score": 40.5, "dynamic_score": 10.0}),
    ];
    let err = p.grade(&table(Op::Grading, &rows)).unwrap_err();
    assert_eq!(err.kind, PluginErrorKind::InvalidFacts);
    assert!(
        err.message.contains("row 1") && err.message.contains("static_score"),
        "{err}"
    );

    let err = p
        .grade(&table(
            Op::Grading,
            &[json!({"business_type": "seller", "static_score": 1.0, "dynamic_score": 60.5})],
        ))
        .unwrap_err();
    assert!(
        err.message.contains("row 0") && err.message.contains("dynamic_score"),
        "{err}"
    );

    // An unknown code bypassing the host's schema check.
    use jianguan_plugin::{Column, ColumnData, FactTable};
    let facts = FactTable::new(1)
        .with(Column::new(
            "business_type",
            ColumnData::Text(vec!["bakery".into()].into()),
        ))
        .with(Column::new(
            "static_score",
            ColumnData::Number(vec![1.0].into()),
        ))
        .with(Column::new(
            "dynamic_score",
            ColumnData::Number(vec![1.0].into()),
        ));
    let err = p.grade(&facts).unwrap_err();
    assert!(
        err.message.contains("row 0") && err.message.contains("`bakery`"),
        "{err}"
    );
}

#[test]
fn grades_many_rows_one_result_each() {
    use jianguan_plugin::{Column, ColumnData, FactTable};
    let n = 100_000;
    let kinds = ["producer", "seller", "caterer", "central_kitchen"];
    let facts = FactTable::new(n)
        .with(Column::new(
            "business_type",
            ColumnData::Text((0..n).map(|i| kinds[i % 4].into()).collect()),
        ))
        .with(Column::new(
            "static_score",
            ColumnData::Number((0..n).map(|i| (i % 41) as f64).collect()),
        ))
        .with(Column::new(
            "dynamic_score",
            ColumnData::Number((0..n).map(|i| (i % 61) as f64).collect()),
        ));
    // Speed is measured by the benchmarks (sdk/benches), never by a timed
    // assertion here; this checks one result per row and the cut-offs.
    let batch = plugin().grade(&facts).unwrap();
    assert_eq!(batch.grades.len(), n);
    assert_eq!(batch.scores.len(), n);
    // Row 0: 0 + 0 → A; row 40: 40 + 40 = 80 → D; row 35: 35 + 35 = 70 → D;
    // row 20: 20 + 20 = 40 → B; row 25: 25 + 25 = 50 → C.
    for (row, grade) in [(0, 0), (40, 3), (35, 3), (20, 1), (25, 2)] {
        assert_eq!(batch.grades[row], grade, "row {row}");
    }
}
