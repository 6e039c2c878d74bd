//! The description, configuration, and the JSON fixtures.

mod common;

use common::{Op, date, fixture, plugin, table};
use jianguan_drugs::{DrugsConfig, DrugsPlugin, cite};
use jianguan_plugin::testing::assert_config_refused;
use jianguan_plugin::{Certainty, Plugin, PluginDescription};

#[test]
fn the_description_round_trips_and_is_consistent() {
    let d = DrugsPlugin::describe();
    let back: PluginDescription =
        serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(back, d);
    assert_eq!(d.id, "drugs");
    assert_eq!(
        d.industries,
        [
            "drug_manufacturing",
            "drug_wholesale",
            "drug_retail",
            "medical_device_trade",
            "cosmetics_trade"
        ]
    );
    let n = d.citations.len() as u32;
    assert_eq!(n, cite::DRUG_INSPECTION_MEASURES + 1);
    assert_eq!(d.check_references(), Ok(()));
    assert_eq!(d.grades.len(), d.frequencies.len());
    let per_year: Vec<_> = d.frequencies.iter().map(|f| f.min_per_year).collect();
    assert_eq!(per_year, [0.0, 0.2, 12.0 / 36.0, 1.0, 1.0, 4.0]);
    assert_eq!(
        d.citations[cite::ORDER28_ART55 as usize].certainty,
        Certainty::Unconfirmed
    );
    assert_eq!(
        d.citations[cite::INTERP_ART3 as usize].certainty,
        Certainty::Corroborated
    );
    assert_eq!(
        d.citations[cite::INTERP_ART4 as usize].certainty,
        Certainty::Unconfirmed
    );
    assert_eq!(
        d.citations[cite::ORDER53_ART49 as usize].certainty,
        Certainty::Solid
    );
}

#[test]
fn config_defaults_and_validation() {
    let c = DrugsConfig::default();
    assert_eq!(
        (
            c.special_control_maker_months,
            c.high_risk_maker_months,
            c.other_maker_months,
            c.material_supplier_months
        ),
        (3, 12, 36, 60)
    );
    assert_eq!(serde_json::from_str::<DrugsConfig>("{}").unwrap(), c);
    assert_config_refused::<DrugsPlugin>(
        DrugsConfig {
            high_risk_maker_months: 2,
            ..c.clone()
        },
        "high_risk_maker_months",
    );
    assert_config_refused::<DrugsPlugin>(
        DrugsConfig {
            material_supplier_months: 0,
            ..c
        },
        "material_supplier_months",
    );
    assert!(serde_json::from_str::<DrugsConfig>(r#"{"vaccine_months": 6}"#).is_err());
}

#[test]
fn fixtures_run_through_the_plugin() {
    use jianguan_plugin::decisions::{DoNotRefer, NeedsTesting, Refer};
    let n = DrugsPlugin::describe().citations.len() as u32;
    let p = plugin();

    let grades = p
        .grade(&table(Op::Grading, &fixture("grading.json")))
        .unwrap();
    assert_eq!(grades.grades.as_slice(), [5, 4, 3, 2, 1, 0, 0, 0, 0, 0]);
    assert!(grades.reasons.iter().flatten().all(|r| r.citation < n));

    let duties = p
        .duties(
            &table(Op::Duties, &fixture("duties.json")),
            date("2026-04-01"),
        )
        .unwrap();
    let counts: Vec<_> = duties.rows.iter().map(|r| r.len()).collect();
    assert_eq!(counts, [1, 1, 2, 1, 1, 0, 1, 1]);
    assert!(duties.rows[3][0].overdue, "2025 report due 2026-03-31");
    // Quarterly: last in Q4 2025, Q1 2026 had none → due 2026-03-31, overdue.
    assert_eq!(duties.rows[0][0].due, date("2026-03-31"));
    assert!(duties.rows[0][0].overdue);
    // Yearly per calendar year: inspected 2025-01-02 → 2026's by 2026-12-31.
    assert_eq!(duties.rows[6][0].due, date("2026-12-31"));
    assert!(!duties.rows[6][0].overdue);
    // Quarterly: inspected in Q1 2026 → Q2's by 2026-06-30.
    assert_eq!(duties.rows[7][0].due, date("2026-06-30"));
    assert!(!duties.rows[7][0].overdue);
    assert!(duties.rows.iter().flatten().all(|d| d.reason.citation < n));

    let out = p
        .assess_referral(&table(Op::Referral, &fixture("referral.json")))
        .unwrap();
    let decisions: Vec<_> = out.iter().map(|a| a.decision).collect();
    assert_eq!(
        decisions,
        [
            Refer,
            NeedsTesting,
            Refer,
            DoNotRefer,
            Refer,
            NeedsTesting,
            Refer,
            DoNotRefer,
            Refer,
            DoNotRefer
        ]
    );
    assert!(
        out.iter()
            .flat_map(|a| a.findings.iter())
            .all(|f| f.reason.citation < n)
    );
}
