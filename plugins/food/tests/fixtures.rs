//! The JSON fixtures the host tests and `jianguan plugins grade` feed to the
//! loaded plugin: valid against the schema, and giving the expected results.

mod common;

use common::{Op, date, fixture, plugin, table};
use jianguan_food::FoodPlugin;
use jianguan_plugin::Plugin;

fn citation_count() -> u32 {
    FoodPlugin::describe().citations.len() as u32
}

#[test]
fn grading_fixture() {
    let rows = fixture("grading.json");
    let batch = plugin().grade(&table(Op::Grading, &rows)).unwrap();
    let labels: Vec<_> = batch
        .grades
        .iter()
        .map(|g| ["A", "B", "C", "D"][*g as usize])
        .collect();
    assert_eq!(labels, ["A", "B", "B", "C", "D", "A", "C", "D", "A", "D"]);
    let n = citation_count();
    assert!(batch.reasons.iter().flatten().all(|r| r.citation < n));
}

#[test]
fn duties_fixture() {
    let rows = fixture("duties.json");
    let batch = plugin()
        .duties(&table(Op::Duties, &rows), date("2026-04-01"))
        .unwrap();
    let counts: Vec<_> = batch.rows.iter().map(|r| r.len()).collect();
    assert_eq!(counts, [1, 1, 2, 1, 2, 1]);
    assert_eq!(batch.rows[0][0].due, date("2026-03-15"));
    assert!(batch.rows[0][0].overdue);
    let n = citation_count();
    assert!(batch.rows.iter().flatten().all(|d| d.reason.citation < n));
}

#[test]
fn referral_fixture() {
    use jianguan_plugin::decisions::{DoNotRefer, NeedsTesting, Refer};
    let rows = fixture("referral.json");
    let out = plugin()
        .assess_referral(&table(Op::Referral, &rows))
        .unwrap();
    let decisions: Vec<_> = out.iter().map(|a| a.decision).collect();
    assert_eq!(
        decisions,
        [
            Refer,
            DoNotRefer,
            Refer,
            DoNotRefer,
            Refer,
            DoNotRefer,
            Refer,
            NeedsTesting,
            Refer,
            NeedsTesting,
            Refer,
            DoNotRefer,
            Refer,
            Refer,
            Refer,
            Refer
        ]
    );
    // Row 12: 30 seriously poisoned → Interp. Art. 4 (≥ 7 years), not Art. 2.
    let cited = |row: usize, c: u32| out[row].findings.iter().any(|f| f.reason.citation == c);
    assert!(cited(12, jianguan_food::cite::INTERP_ART4));
    assert!(!cited(12, jianguan_food::cite::INTERP_ART2));
    // Row 13: 2 / 9 / 4 persons, each just under its Art. 4 figure → Art. 2.
    assert!(cited(13, jianguan_food::cite::INTERP_ART2));
    assert!(!cited(13, jianguan_food::cite::INTERP_ART4));
    // Row 15: severe disability → Interp. Art. 8 rather than Art. 7.
    assert!(cited(15, jianguan_food::cite::INTERP_ART8));
    assert!(!cited(15, jianguan_food::cite::INTERP_ART7));
    let n = citation_count();
    assert!(
        out.iter()
            .flat_map(|a| a.findings.iter())
            .all(|f| f.reason.citation < n)
    );
}
