//! Bad input to a draw is refused with an error naming what and where, and
//! nothing is produced (issue: "an unknown item, a ratio outside 0–1, …").
//! The refusals that need a full draw are pinned by the vectors in
//! tests/vectors/draw/error-*.json; these cover plan, roster and catalog checks.

#[path = "draw_vectors/scenarios.rs"]
mod scenarios;

use jianguan::catalog::InMemoryCatalog;
use jianguan::sampling::{
    InspectionHistory, InspectorRoster, PastInspection, Plan, SamplingError, TargetRoster,
};
use scenarios::*;

const PLAN: &str = r#"{
  "id": "平市监随机〔2026〕9号", "title": "refusals", "level": "county",
  "as_of": "2026-11-28", "period": ["2026-12-01", "2026-12-31"], "entropy": ["双色球 2026137"],
  "tasks": [{ "department": "market_regulation", "kind": "routine", "items": ["F-04", "G-09"],
              "direction": "directed", "filter": {"industries": ["catering"]},
              "strata": [{"class": "B", "size": {"ratio": "0.05"}}] }]
}"#;

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> Plan {
    let mut v: serde_json::Value = serde_json::from_str(PLAN).unwrap();
    edit(&mut v);
    serde_json::from_value(v).unwrap()
}

fn resolve(plan: &mut Plan) -> Result<(), SamplingError> {
    let catalog = InMemoryCatalog::pingdu_default();
    plan.resolve(Some(&catalog))
}

#[test]
fn a_plan_resolves_its_items_from_the_catalog() {
    let mut plan = with(|_| {});
    resolve(&mut plan).unwrap();
    let f04 = &plan.tasks[0].items[0];
    assert_eq!(f04.industry, Some(jianguan::entity::Industry::Catering));
    assert_eq!(
        f04.category,
        Some(jianguan::catalog::InspectionCategory::General)
    );
}

#[test]
fn unknown_foreign_and_non_random_items_are_refused() {
    let mut unknown = with(|v| v["tasks"][0]["items"][1] = "F-99".into());
    assert_eq!(
        resolve(&mut unknown).unwrap_err(),
        SamplingError::UnknownItem {
            task: 0,
            code: "F-99".into()
        }
    );
    // E-07 belongs to emergency management, not market regulation.
    let mut foreign = with(|v| v["tasks"][0]["items"][1] = "E-07".into());
    let e = resolve(&mut foreign).unwrap_err().to_string();
    assert!(
        e.contains("tasks[0].items") && e.contains("emergency_management"),
        "{e}"
    );
    // A host catalog where G-09 is a supervision item but not drawn at random.
    let mut file = InMemoryCatalog::pingdu_default().file().clone();
    file.items
        .iter_mut()
        .find(|i| i.code == "G-09")
        .unwrap()
        .random_inspection = None;
    let catalog = InMemoryCatalog::from_file(file).unwrap();
    let mut p = with(|_| {});
    let e = p.resolve(Some(&catalog)).unwrap_err().to_string();
    assert!(e.contains("not on the random-inspection list"), "{e}");
}

#[test]
fn ratios_outside_zero_to_one_are_refused_when_read() {
    for bad in [r#""1.5""#, "1.5", r#""-0.1""#, r#""0.0000001""#] {
        let mut v: serde_json::Value = serde_json::from_str(PLAN).unwrap();
        v["tasks"][0]["strata"][0]["size"]["ratio"] = serde_json::from_str(bad).unwrap();
        let e = serde_json::from_value::<Plan>(v).unwrap_err().to_string();
        assert!(e.contains("0–1") || e.contains("decimal"), "{bad}: {e}");
    }
}

#[test]
fn inconsistent_plans_are_refused_naming_the_field() {
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["tasks"][0]["direction"] = "undirected".into()),
            "tasks[0].filter",
        ),
        (
            Box::new(|v| v["tasks"][0]["filter"] = serde_json::json!({})),
            "tasks[0].filter",
        ),
        (
            Box::new(|v| v["tasks"][0]["strata"][0]["class"] = "A".into()),
            "tasks[0].strata",
        ),
        (
            Box::new(|v| v["tasks"][0]["strata"][0]["class"] = "Z".into()),
            "tasks[0].strata",
        ),
        (
            Box::new(|v| v["inspectors"] = serde_json::json!({"per_department": 1})),
            "inspectors.per_department",
        ),
        (
            Box::new(|v| v["entropy"] = serde_json::json!([])),
            "entropy",
        ),
        (
            Box::new(|v| v["entropy"] = serde_json::json!(["x", "x"])),
            "entropy",
        ),
        (
            Box::new(|v| v["period"] = serde_json::json!(["2026-12-31", "2026-12-01"])),
            "period",
        ),
        (
            Box::new(|v| v["replaces"] = serde_json::json!({"record": "abc", "reason": "x"})),
            "replaces.record",
        ),
        (
            Box::new(|v| v["tasks"][0]["items"][1] = "F-04".into()),
            "tasks[0].items",
        ),
    ];
    for (edit, field) in cases {
        let mut plan = with(edit);
        match resolve(&mut plan) {
            Err(SamplingError::InvalidPlan { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{field}: {other:?}"),
        }
    }
}

#[test]
fn roster_history_and_inspector_faults_are_refused() {
    let mut r = roster(5);
    r[3].weight = 0;
    let e = TargetRoster::new(r).unwrap_err();
    assert!(
        matches!(e, SamplingError::InvalidRoster { row: 3, .. }),
        "{e}"
    );
    let mut r = roster(5);
    r.push(r[1].clone());
    assert_eq!(
        TargetRoster::new(r).unwrap_err(),
        SamplingError::DuplicateEntity {
            uscc: roster(5)[1].uscc
        }
    );
    // An invalid code never becomes a roster entry: the parse refuses it.
    let bad = r#"{"uscc": "91370283MA0000001X", "region": "370283", "status": "operating",
                  "credit_class": "B", "registered_on": "2020-01-01"}"#;
    let e = serde_json::from_str::<jianguan::sampling::RosterEntry>(bad)
        .unwrap_err()
        .to_string();
    assert!(e.contains("check"), "{e}");
    let mut i = inspectors(&roster(5));
    i.push(i[0].clone());
    let e = InspectorRoster::new(i).unwrap_err().to_string();
    assert!(e.contains("370283-MR-0000") && e.contains("twice"), "{e}");
    let e = InspectionHistory::new([PastInspection {
        uscc: roster(1)[0].uscc,
        date: day("2026-01-01"),
        department: "market_regulation".into(),
        level: jianguan::sampling::Level::County,
        items: vec![],
    }])
    .unwrap_err();
    assert!(
        matches!(e, SamplingError::InvalidHistory { row: 0, .. }),
        "{e}"
    );
}
