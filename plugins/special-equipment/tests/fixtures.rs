//! The fixture files are valid against the schema and give the expected results.

mod common;

use jianguan_plugin::{Plugin, decisions::*};
use jianguan_special_equipment::{Config, SpecialEquipment};

fn load(name: &str) -> serde_json::Value {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn fixtures_run_through_the_plugin() {
    let d = SpecialEquipment::describe();
    let n = d.citations.len() as u32;
    let p = SpecialEquipment::open(Config::default()).unwrap();

    let grades = p
        .grade(&common::table(&d.schema.grading, &load("grading.json")))
        .unwrap();
    assert_eq!(grades.grades.as_slice(), [1, 0, 0, 2, 3, 4, 1, 5, 2, 5, 1]);
    assert!(grades.reasons.iter().flatten().all(|r| r.citation < n));

    let duties = p
        .duties(
            &common::table(&d.schema.duties, &load("duties.json")),
            common::day("2026-03-01"),
        )
        .unwrap();
    let counts: Vec<_> = duties.rows.iter().map(|r| r.len()).collect();
    assert_eq!(counts, [2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 2]);
    assert!(duties.rows.iter().flatten().all(|d| d.reason.citation < n));
    assert_eq!(duties.rows[0][0].due, common::day("2026-02-28"));
    assert!(duties.rows[0][0].overdue);
    // Grade 4, interval 1 year from 2025-09-01, but monitored since
    // 2023-03-01: the 3-year cap, 2026-03-01, comes first.
    assert_eq!(duties.rows[3][1].due, common::day("2026-03-01"));
    assert!(!duties.rows[3][1].overdue);
    // Non-metallic grade 4: at most 1 year.
    assert_eq!(duties.rows[4][1].due, common::day("2026-09-01"));
    assert_eq!(duties.rows[5][0].code.as_str(), "stop-use");

    let cases = p
        .assess_referral(&common::table(&d.schema.referral, &load("referral.json")))
        .unwrap();
    let decisions: Vec<_> = cases.iter().map(|c| c.decision).collect();
    assert_eq!(
        decisions,
        [
            Refer,
            Refer,
            DoNotRefer,
            Refer,
            Refer,
            NeedsTesting,
            Refer,
            DoNotRefer,
            DoNotRefer,
            DoNotRefer
        ]
    );
    assert!(
        cases
            .iter()
            .flat_map(|c| c.findings.iter())
            .all(|f| f.reason.citation < n)
    );
}
