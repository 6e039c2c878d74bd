//! Duties: the two-year full-coverage inspection (Order 49 Art. 22 para. 1)
//! and the yearly minimum inspections per level (CFDA 2016 scheme).

mod common;

use common::{Op, date, plugin, table};
use jianguan_food::{cite, duties};
use jianguan_plugin::{Plugin, PluginErrorKind};
use serde_json::json;

#[test]
fn full_coverage_is_due_two_years_after_the_last_full_inspection() {
    let facts = table(
        Op::Duties,
        &[json!({"licensed_on": "2019-05-01", "last_full_inspection": "2024-03-15"})],
    );
    let batch = plugin().duties(&facts, date("2026-01-10")).unwrap();
    let duty = &batch.rows[0][0];
    assert_eq!(duty.code.as_str(), duties::FULL_COVERAGE);
    assert_eq!(duty.due, date("2026-03-15"));
    assert!(!duty.overdue);
    assert_eq!(duty.reason.citation, cite::ORDER49_ART22);
    assert!(
        duty.reason
            .detail
            .contains("2024-03-15 + 2 年 = 2026-03-15")
    );
    assert_eq!(batch.rows[0].len(), 1, "no level given: no frequency duty");
}

#[test]
fn without_a_full_inspection_the_cycle_runs_from_the_licence_date() {
    let facts = table(Op::Duties, &[json!({"licensed_on": "2023-07-01"})]);
    let duty = &plugin().duties(&facts, date("2025-07-02")).unwrap().rows[0][0];
    assert_eq!(duty.due, date("2025-07-01"));
    assert!(duty.overdue, "due 2025-07-01 < as of 2025-07-02");
    // On the due date itself it is not yet overdue.
    let duty = &plugin().duties(&facts, date("2025-07-01")).unwrap().rows[0][0];
    assert!(!duty.overdue);
}

#[test]
fn a_29_february_inspection_falls_due_on_28_february() {
    let facts = table(
        Op::Duties,
        &[json!({"licensed_on": "2020-01-01", "last_full_inspection": "2024-02-29"})],
    );
    let duty = &plugin().duties(&facts, date("2025-01-01")).unwrap().rows[0][0];
    assert_eq!(duty.due, date("2026-02-28"));
}

#[test]
fn the_yearly_minimum_is_listed_while_short_and_due_31_december() {
    let p = plugin();
    // (level, inspections so far, expected remaining or None)
    let cases = [
        (
            "A",
            0,
            Some("A级每年至少检查 1 次，本年度已检查 0 次，年底 2026-12-31 前尚需 1 次"),
        ),
        ("A", 1, None),
        (
            "B",
            0,
            Some("B级每年至少检查 1 次，本年度已检查 0 次，年底 2026-12-31 前尚需 1 次"),
        ),
        ("B", 1, None),
        (
            "C",
            1,
            Some("C级每年至少检查 2 次，本年度已检查 1 次，年底 2026-12-31 前尚需 1 次"),
        ),
        ("C", 2, None),
        (
            "D",
            1,
            Some("D级每年至少检查 3 次，本年度已检查 1 次，年底 2026-12-31 前尚需 2 次"),
        ),
        ("D", 3, None),
    ];
    for (level, done, expected) in cases {
        let facts = table(
            Op::Duties,
            &[
                json!({"licensed_on": "2020-01-01", "last_full_inspection": "2025-06-01",
                     "risk_level": level, "inspections_this_year": done}),
            ],
        );
        let row = &p.duties(&facts, date("2026-04-01")).unwrap().rows[0];
        let duty = row
            .iter()
            .find(|d| d.code.as_str() == duties::ANNUAL_MINIMUM);
        match expected {
            Some(text) => {
                let duty = duty.expect("frequency duty");
                assert_eq!(duty.due, date("2026-12-31"));
                assert!(!duty.overdue);
                assert_eq!(duty.reason.citation, cite::CFDA_FREQUENCY);
                assert_eq!(duty.reason.detail.as_str(), text);
            }
            None => assert!(duty.is_none(), "{level} with {done}"),
        }
    }
}

#[test]
fn a_level_without_the_years_count_is_refused() {
    let facts = table(
        Op::Duties,
        &[
            json!({"licensed_on": "2020-01-01"}),
            json!({"licensed_on": "2020-01-01", "risk_level": "C"}),
        ],
    );
    let err = plugin().duties(&facts, date("2026-04-01")).unwrap_err();
    assert_eq!(err.kind, PluginErrorKind::InvalidFacts);
    assert!(err.message.contains("row 1") && err.message.contains("inspections_this_year"));
}

#[test]
fn a_missing_licence_date_is_refused() {
    use jianguan_plugin::{Column, ColumnData, FactTable};
    let facts = FactTable::new(1).with(Column {
        present: vec![false].into(),
        ..Column::new("licensed_on", ColumnData::Date(vec![0].into()))
    });
    let err = plugin().duties(&facts, 0).unwrap_err();
    assert!(
        err.message.contains("row 0: fact `licensed_on` is missing"),
        "{err}"
    );
}
