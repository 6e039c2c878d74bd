//! Grading by required inspection frequency (RULES.md §8), and the
//! next-inspection and 31 March self-inspection report duties.

mod common;

use common::{Op, date, plugin, table};
use jianguan_drugs::{DrugsConfig, DrugsPlugin, GRADE_LABELS, cite, duties};
use jianguan_plugin::{Plugin, PluginErrorKind};
use serde_json::json;

#[test]
fn each_category_gets_its_frequency_grade_and_score() {
    let cases = [
        (
            "special_control_drug_maker",
            "特殊管理药品季检",
            4.0,
            cite::ORDER28_ART55,
        ),
        (
            "high_risk_drug_maker",
            "高风险药品年检",
            1.0,
            cite::ORDER28_ART55,
        ),
        (
            "device_key_product_maker",
            "重点器械年检",
            1.0,
            cite::ORDER53_ART49,
        ),
        (
            "other_drug_maker",
            "三年覆盖",
            12.0 / 36.0,
            cite::ORDER28_ART55,
        ),
        (
            "drug_material_supplier",
            "五年覆盖",
            0.2,
            cite::ORDER28_ART55,
        ),
        ("device_other_maker", "计划定频", 0.0, cite::ORDER53_ART49),
        ("device_trader", "计划定频", 0.0, cite::ORDER54_ART48),
        ("cosmetics_operator", "计划定频", 0.0, cite::ORDER46_ART50),
        (
            "drug_wholesaler",
            "计划定频",
            0.0,
            cite::DRUG_INSPECTION_MEASURES,
        ),
        (
            "drug_retailer",
            "计划定频",
            0.0,
            cite::DRUG_INSPECTION_MEASURES,
        ),
    ];
    let rows: Vec<_> = cases.iter().map(|c| json!({"category": c.0})).collect();
    let batch = plugin().grade(&table(Op::Grading, &rows)).unwrap();
    for (i, (code, label, score, citation)) in cases.iter().enumerate() {
        assert_eq!(GRADE_LABELS[batch.grades[i] as usize], *label, "{code}");
        assert!((batch.scores[i] - score).abs() < 1e-9, "{code}");
        assert_eq!(batch.reasons[i][0].citation, *citation, "{code}");
    }
    assert!(batch.reasons[2][0].detail.contains("每年至少检查一次"));
}

#[test]
fn bad_credit_adds_the_more_inspections_rule_for_devices_only() {
    let rows = [
        json!({"category": "device_other_maker", "bad_credit_record": true}),
        json!({"category": "device_trader", "bad_credit_record": true}),
        json!({"category": "drug_retailer", "bad_credit_record": true}),
    ];
    let batch = plugin().grade(&table(Op::Grading, &rows)).unwrap();
    assert_eq!(batch.reasons[0][1].citation, cite::ORDER53_ART67);
    assert_eq!(batch.reasons[1][1].citation, cite::ORDER54_ART60);
    assert_eq!(batch.reasons[2].len(), 1);
}

/// The next-inspection duty of one row as of `as_of`: (due, overdue, detail).
fn next_inspection(
    plugin: &DrugsPlugin,
    row: serde_json::Value,
    as_of: &str,
) -> (i32, bool, String) {
    let facts = table(Op::Duties, &[row]);
    let batch = plugin.duties(&facts, date(as_of)).unwrap();
    let duty = batch.rows[0]
        .iter()
        .find(|d| d.code.as_str() == duties::NEXT_INSPECTION)
        .expect("a next-inspection duty");
    (duty.due, duty.overdue, duty.reason.detail.to_string())
}

#[test]
fn next_inspection_per_calendar_period_or_rolling_coverage() {
    let p = plugin();
    // (category, last inspection, expected due), as of 2026-03-01.
    let cases = [
        // Quarter: last in Q4 2025 → Q1 2026 needs one, by 31 March.
        ("special_control_drug_maker", "2025-11-30", "2026-03-31"),
        // Year: last in 2025 → 2026 needs one, by 31 December.
        ("high_risk_drug_maker", "2025-04-15", "2026-12-31"),
        // Year: last in 2024 → 2025 needed one, by 2025-12-31 (overdue).
        ("device_key_product_maker", "2024-02-29", "2025-12-31"),
        // Rolling 3 and 5 years.
        ("other_drug_maker", "2023-06-01", "2026-06-01"),
        ("drug_material_supplier", "2021-09-10", "2026-09-10"),
    ];
    for (category, last, due) in cases {
        let row =
            json!({"category": category, "licensed_on": "2015-01-01", "last_inspection": last});
        let (d, overdue, _) = next_inspection(&p, row, "2026-03-01");
        assert_eq!(d, date(due), "{category}");
        assert_eq!(overdue, date(due) < date("2026-03-01"), "{category}");
    }
    // No national interval: no inspection duty.
    let facts = table(
        Op::Duties,
        &[json!({"category": "drug_retailer", "licensed_on": "2025-10-01"})],
    );
    assert!(p.duties(&facts, 0).unwrap().rows[0].is_empty());
}

#[test]
fn yearly_rule_is_per_calendar_year_not_twelve_months_after_the_last() {
    let p = plugin();
    // Inspected 2 January 2025: the 2026 inspection may come as late as
    // 31 December 2026. Twelve months after the last (2026-01-02) would
    // wrongly be overdue on 1 April 2026.
    let row = json!({"category": "high_risk_drug_maker", "licensed_on": "2015-01-01", "last_inspection": "2025-01-02"});
    let (due, overdue, detail) = next_inspection(&p, row, "2026-04-01");
    assert_eq!(due, date("2026-12-31"));
    assert!(!overdue);
    assert_eq!(
        detail,
        "高风险药品年检：每个自然年度至少检查一次；最近一次检查 2025-01-02 在 2025-01-01–2025-12-31 周期内，下一周期 2026-01-01–2026-12-31 内应当检查，即 2026-12-31 前"
    );
    // Already inspected this year: next due at the end of next year.
    let row = json!({"category": "device_key_product_maker", "licensed_on": "2015-01-01", "last_inspection": "2026-02-10"});
    assert_eq!(next_inspection(&p, row, "2026-04-01").0, date("2027-12-31"));
    // Last inspected 31 December 2024: 2025 was missed; due 2025-12-31.
    let row = json!({"category": "device_key_product_maker", "licensed_on": "2015-01-01", "last_inspection": "2024-12-31"});
    let (due, overdue, _) = next_inspection(&p, row.clone(), "2025-12-31");
    assert_eq!(due, date("2025-12-31"));
    assert!(!overdue, "due on the as-of date itself");
    assert!(next_inspection(&p, row, "2026-01-01").1, "one day later");
    // No inspection yet: the licence year needs one.
    let row = json!({"category": "high_risk_drug_maker", "licensed_on": "2025-10-01"});
    let (due, _, detail) = next_inspection(&p, row, "2025-11-01");
    assert_eq!(due, date("2025-12-31"));
    assert!(
        detail.ends_with("尚无检查：取得许可 2025-10-01 所在周期 2025-01-01–2025-12-31 内应当检查，即 2025-12-31 前"),
        "{detail}"
    );
}

#[test]
fn quarterly_rule_is_per_calendar_quarter() {
    let p = plugin();
    let due = |last: &str| {
        let row = json!({"category": "special_control_drug_maker", "licensed_on": "2015-01-01", "last_inspection": last});
        next_inspection(&p, row, "2026-04-01")
    };
    // Last day of Q1 → Q2 ends 30 June; first day of Q2 → Q3 ends 30 September.
    assert_eq!(due("2026-03-31").0, date("2026-06-30"));
    assert_eq!(due("2026-04-01").0, date("2026-09-30"));
    assert_eq!(due("2026-07-15").0, date("2026-12-31"));
    assert_eq!(due("2026-10-01").0, date("2027-03-31"));
    // Last in Q4 2025: Q1 2026 had none; overdue since 31 March 2026.
    let (d, overdue, _) = due("2025-12-31");
    assert_eq!(d, date("2026-03-31"));
    assert!(overdue);
    // Inspected 1 January 2026 (Q1): Q2's is due 30 June, not 1 April.
    let (d, overdue, _) = due("2026-01-01");
    assert_eq!(d, date("2026-06-30"));
    assert!(!overdue);
    // No inspection yet: the licence quarter needs one.
    let row = json!({"category": "special_control_drug_maker", "licensed_on": "2026-02-15"});
    assert_eq!(next_inspection(&p, row, "2026-03-01").0, date("2026-03-31"));
}

#[test]
fn coverage_periods_stay_rolling() {
    let p = plugin();
    let row = json!({"category": "other_drug_maker", "licensed_on": "2010-01-01", "last_inspection": "2023-04-01"});
    let (due, overdue, detail) = next_inspection(&p, row.clone(), "2026-04-01");
    assert_eq!(due, date("2026-04-01"));
    assert!(!overdue);
    assert!(
        detail.ends_with("最近一次检查 2023-04-01 + 36 个月 = 2026-04-01"),
        "{detail}"
    );
    assert!(next_inspection(&p, row, "2026-04-02").1);
    let row = json!({"category": "drug_material_supplier", "licensed_on": "2020-02-29"});
    assert_eq!(
        next_inspection(&p, row, "2020-03-01").0,
        date("2025-02-28"),
        "no inspection: five years after the licence"
    );
}

#[test]
fn a_configured_half_year_period_and_a_period_not_dividing_the_year() {
    let p = DrugsPlugin::open(DrugsConfig {
        high_risk_maker_months: 6,
        ..DrugsConfig::default()
    })
    .unwrap();
    let row = json!({"category": "high_risk_drug_maker", "licensed_on": "2015-01-01", "last_inspection": "2026-05-01"});
    assert_eq!(next_inspection(&p, row, "2026-06-01").0, date("2026-12-31"));
    let err = DrugsPlugin::open(DrugsConfig {
        high_risk_maker_months: 5,
        ..DrugsConfig::default()
    })
    .unwrap_err();
    assert_eq!(err.kind, PluginErrorKind::InvalidConfig);
    assert!(
        err.message.contains("`high_risk_maker_months` = 5"),
        "{err}"
    );
    let err = DrugsPlugin::open(DrugsConfig {
        special_control_maker_months: 24,
        ..DrugsConfig::default()
    })
    .unwrap_err();
    assert!(
        err.message.contains("`special_control_maker_months` = 24"),
        "{err}"
    );
}

#[test]
fn configured_intervals_move_the_due_date() {
    let p = DrugsPlugin::open(DrugsConfig {
        other_maker_months: 24,
        ..DrugsConfig::default()
    })
    .unwrap();
    let facts = table(
        Op::Duties,
        &[
            json!({"category": "other_drug_maker", "licensed_on": "2015-01-01", "last_inspection": "2024-05-20"}),
        ],
    );
    assert_eq!(
        p.duties(&facts, 0).unwrap().rows[0][0].due,
        date("2026-05-20")
    );
}

#[test]
fn the_self_inspection_report_is_due_31_march_of_the_next_year() {
    let p = plugin();
    let report = |row: serde_json::Value, as_of: &str| {
        let facts = table(Op::Duties, &[row]);
        p.duties(&facts, date(as_of)).unwrap().rows[0]
            .iter()
            .find(|d| d.code.as_str() == duties::SELF_INSPECTION_REPORT)
            .cloned()
    };
    let d = report(json!({"category": "device_trader", "licensed_on": "2020-01-01", "last_self_report_year": 2024}), "2026-03-31").unwrap();
    assert_eq!(d.due, date("2026-03-31"));
    assert!(!d.overdue, "due on the as-of date itself");
    assert_eq!(d.reason.citation, cite::ORDER54_ART44);
    assert!(d.reason.detail.contains("2025 年度"));
    let d = report(json!({"category": "device_trader", "licensed_on": "2020-01-01", "last_self_report_year": 2024}), "2026-04-01").unwrap();
    assert!(d.overdue);
    // Makers cite Order 53 Art. 45; a first report covers the licence year.
    let d = report(
        json!({"category": "device_other_maker", "licensed_on": "2025-07-01"}),
        "2026-01-01",
    )
    .unwrap();
    assert_eq!(
        (d.due, d.reason.citation),
        (date("2026-03-31"), cite::ORDER53_ART45)
    );
    assert!(
        report(
            json!({"category": "other_drug_maker", "licensed_on": "2025-07-01"}),
            "2026-01-01"
        )
        .is_none()
    );
}

#[test]
fn bad_facts_name_row_and_fact() {
    let facts = table(
        Op::Duties,
        &[
            json!({"category": "device_trader", "licensed_on": "2020-01-01", "last_self_report_year": 12345}),
        ],
    );
    let err = plugin().duties(&facts, 0).unwrap_err();
    assert_eq!(err.kind, PluginErrorKind::InvalidFacts);
    assert!(
        err.message.contains("row 0: fact `last_self_report_year`"),
        "{err}"
    );
    use jianguan_plugin::{Column, ColumnData, FactTable};
    let facts = FactTable::new(1).with(Column::new(
        "category",
        ColumnData::Text(vec!["pharmacy".into()].into()),
    ));
    let err = plugin().grade(&facts).unwrap_err();
    assert!(
        err.message
            .contains("row 0: fact `category` has unknown code `pharmacy`"),
        "{err}"
    );
}
