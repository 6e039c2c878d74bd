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

#[test]
fn next_inspection_is_one_interval_after_the_last() {
    let p = plugin();
    // (category, last inspection, expected due)
    let cases = [
        ("special_control_drug_maker", "2025-11-30", "2026-02-28"),
        ("high_risk_drug_maker", "2025-04-15", "2026-04-15"),
        ("device_key_product_maker", "2024-02-29", "2025-02-28"),
        ("other_drug_maker", "2023-06-01", "2026-06-01"),
        ("drug_material_supplier", "2021-09-10", "2026-09-10"),
    ];
    for (category, last, due) in cases {
        let facts = table(
            Op::Duties,
            &[json!({"category": category, "licensed_on": "2015-01-01", "last_inspection": last})],
        );
        let row = &p.duties(&facts, date("2026-03-01")).unwrap().rows[0];
        let duty = row
            .iter()
            .find(|d| d.code.as_str() == duties::NEXT_INSPECTION)
            .unwrap();
        assert_eq!(duty.due, date(due), "{category}");
        assert_eq!(duty.overdue, date(due) < date("2026-03-01"), "{category}");
    }
    // No inspection yet: from the licence date.
    let facts = table(
        Op::Duties,
        &[json!({"category": "high_risk_drug_maker", "licensed_on": "2025-10-01"})],
    );
    assert_eq!(
        p.duties(&facts, 0).unwrap().rows[0][0].due,
        date("2026-10-01")
    );
    // No national interval: no inspection duty.
    let facts = table(
        Op::Duties,
        &[json!({"category": "drug_retailer", "licensed_on": "2025-10-01"})],
    );
    assert!(p.duties(&facts, 0).unwrap().rows[0].is_empty());
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
