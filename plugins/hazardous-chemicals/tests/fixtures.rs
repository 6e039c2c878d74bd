//! The fixture files are valid against the schema and give the expected results.

mod common;

use jianguan_hazardous_chemicals::{Config, HazardousChemicals};
use jianguan_plugin::{Plugin, decisions::*};

fn load(name: &str) -> serde_json::Value {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn fixtures_run_through_the_plugin() {
    let d = HazardousChemicals::describe();
    let n = d.citations.len() as u32;
    let p = HazardousChemicals::open(Config::default()).unwrap();

    let grades = p
        .grade(&common::table(&d.schema.grading, &load("grading.json")))
        .unwrap();
    assert_eq!(
        grades.grades.as_slice(),
        [1, 2, 4, 3, 2, 1, 0, 1, 1, 1, 1, 0]
    );
    assert!(grades.reasons.iter().flatten().all(|r| r.citation < n));

    let duties = p
        .duties(
            &common::table(&d.schema.duties, &load("duties.json")),
            common::day("2026-03-01"),
        )
        .unwrap();
    let counts: Vec<_> = duties.rows.iter().map(|r| r.len()).collect();
    assert_eq!(counts, [1, 2, 1, 0, 1, 2]);
    assert!(duties.rows.iter().flatten().all(|d| d.reason.citation < n));
    assert!(duties.rows[5][0].overdue); // 2022-12-31 + 3 years
    assert!(duties.rows[1][1].overdue); // 2025-11-30 + 3 months = 2026-02-28

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
            NeedsTesting,
            Refer,
            Refer,
            DoNotRefer,
            NeedsTesting,
            Refer,
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
