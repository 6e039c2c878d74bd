//! The points docs/draw-algorithm.md settles for `jianguan-draw/1` (issue
//! 19), one test per behaviour: what the record says, what the digests
//! cover, what is refused and in which order, and how refusals read.

#[path = "draw_vectors/scenarios.rs"]
mod scenarios;

use jianguan::ErrorKind;
use jianguan::entity::{Industry, Uscc};
use jianguan::sampling::{
    self, DrawInputs, DrawRecord, EntropyValue, InspectionHistory, Inspector, InspectorRoster,
    PastInspection, Plan, PlanItem, RosterEntry, SamplingError,
};
use jianguan::supervisor::Supervisor;
use scenarios::*;
use serde_json::{Value, json};

fn run(inputs: &DrawInputs) -> Result<DrawRecord, SamplingError> {
    let r = inputs.build_rosters()?;
    sampling::draw(
        &inputs.plan,
        &r.roster,
        &r.history,
        &r.inspectors,
        &inputs.entropy,
    )
}

fn settled() -> (DrawInputs, DrawRecord) {
    let inputs = settled_inputs();
    let record = run(&inputs).expect("the settled-points draw");
    (inputs, record)
}

fn settled_code(i: u64) -> Uscc {
    code(1000 + i, "91")
}

#[test]
fn population_counts_excluded_entities_and_pool_is_the_eligible_count() {
    let (_, record) = settled();
    let task = &record.tasks[0];
    // 12 entities, one outside the region filter; four excluded ones count.
    assert_eq!(task.population, 11);
    assert_eq!(task.excluded.len(), 4);
    let pools: Vec<u64> = task.strata.iter().map(|s| s.pool).collect();
    assert_eq!(pools, [2, 3, 2, 0]);
    let eligible: u64 = pools.iter().sum();
    assert_eq!(eligible + task.excluded.len() as u64, task.population);
}

#[test]
fn the_region_filter_reads_the_region_field_not_the_code() {
    let (_, record) = settled();
    let task = &record.tasks[0];
    // Entity 5's code says 370283 but its field says 370211: outside.
    let outside = settled_code(5);
    assert!(task.excluded.iter().all(|e| e.uscc != outside));
    assert!(task.strata.iter().all(|s| !s.selected.contains(&outside)));
    // Entity 1's field says 370281 while its code says 370283: inside.
    assert_eq!(task.strata[0].selected.len(), 2);
    assert!(task.strata[0].selected.contains(&settled_code(1)));
}

#[test]
fn every_exclusion_rule_has_its_documented_detail() {
    let (_, record) = settled();
    let detail = |i: u64| {
        let e = record.tasks[0]
            .excluded
            .iter()
            .find(|e| e.uscc == settled_code(i))
            .expect("excluded");
        (serde_json::to_value(e.rule).unwrap(), e.detail.clone())
    };
    assert_eq!(
        detail(6),
        (json!("undisturbed_class"), "credit class A".into())
    );
    assert_eq!(detail(7), (json!("no_stratum"), "credit class D".into()));
    assert_eq!(detail(8).0, "recently_inspected");
    assert_eq!(detail(9).0, "yearly_cap");
    // Two identical history entries: two identical pieces, both kept.
    assert_eq!(
        detail(8).1,
        "F-04 by market_regulation (county) on 2026-05-10; F-04 by market_regulation (county) on 2026-05-10"
    );
    // The yearly cap counts a province-level check on other items.
    assert_eq!(detail(9).1, "1 inspections by market_regulation in 2026");
}

#[test]
fn another_departments_check_does_not_count_towards_the_yearly_cap() {
    let (_, record) = settled();
    let other = settled_code(10);
    assert!(record.tasks[0].excluded.iter().all(|e| e.uscc != other));
}

#[test]
fn a_factor_of_zero_fills_a_count_from_the_reduced_part_only_when_short() {
    let (_, record) = settled();
    let b: Vec<(u64, u64)> = record.tasks[0].strata[..2]
        .iter()
        .map(|s| (s.pool, s.take))
        .collect();
    // n = 2, r = 3, c = 3, f = 0: take_n = 2, take_r = 1.
    assert_eq!(b, [(2, 2), (3, 1)]);
}

#[test]
fn the_plan_keeps_filter_lists_and_replaced_record_as_given() {
    let (inputs, record) = settled();
    let plan = serde_json::to_value(&record.plan).unwrap();
    assert_eq!(
        plan["tasks"][0]["filter"]["industries"],
        json!(["food_sales", "catering", "catering"])
    );
    assert_eq!(
        plan["tasks"][0]["filter"]["regions"],
        json!(["370283", "37028", "370281"])
    );
    assert_eq!(
        plan["replaces"]["record"],
        "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789"
    );
    // Sorting the lists changes the plan digest, hence the seed, not the
    // populations or pools.
    let mut sorted = inputs.clone();
    sorted.plan.tasks[0].filter.industries = vec![Industry::Catering, Industry::FoodSales];
    let other = run(&sorted).unwrap();
    assert_ne!(other.digests.plan, record.digests.plan);
    assert_eq!(other.tasks[0].population, record.tasks[0].population);
    assert_eq!(
        other.tasks[0]
            .strata
            .iter()
            .map(|s| s.pool)
            .collect::<Vec<_>>(),
        record.tasks[0]
            .strata
            .iter()
            .map(|s| s.pool)
            .collect::<Vec<_>>()
    );
}

#[test]
fn repeats_count_once_in_roster_lines_and_stay_in_history_and_inspector_lines() {
    let (inputs, record) = settled();
    // Roster: entity 0 lists catering twice; once is the same digest.
    let mut once = inputs.clone();
    once.roster[0].industries = vec![Industry::Catering];
    let r = once.build_rosters().unwrap();
    assert_eq!(
        sampling::prf::hex(r.roster.digest()),
        record.digests.targets
    );
    // History: ["F-04","F-04"] is not ["F-04"].
    let mut history = inputs.history.clone();
    history[0].items = vec!["F-04".into()];
    let h = InspectionHistory::new(history).unwrap();
    assert_ne!(sampling::prf::hex(&h.digest()), record.digests.history);
    // Inspectors: ["food","food"] is not ["food"].
    let mut inspectors = inputs.inspectors.clone();
    inspectors[0].qualifications = vec!["food".into()];
    let i = InspectorRoster::new(inspectors).unwrap();
    assert_ne!(sampling::prf::hex(i.digest()), record.digests.inspectors);
}

#[test]
fn a_domain_as_qualification_qualifies_for_nothing_and_industry_beats_domain() {
    let (_, record) = settled();
    let drawn: Vec<&str> = record
        .visits
        .iter()
        .flat_map(|v| &v.inspectors)
        .flat_map(|a| a.inspectors.iter().map(String::as_str))
        .collect();
    assert!(!drawn.is_empty());
    // MR-1 holds "food" only; MR-2 "food_sales", not F-04's industry;
    // MR-6 "special_equipment", a domain, not an industry of S-03's.
    for never in ["MR-1", "MR-2", "MR-6"] {
        assert!(!drawn.contains(&never), "{never} was drawn");
    }
    // MR-4 qualifies for S-03 by its code.
    assert!(drawn.contains(&"MR-4"));
    let item: PlanItem = serde_json::from_value(
        json!({"code": "F-04", "industry": "catering", "domain": "drugs", "category": null}),
    )
    .unwrap();
    let domain_only: PlanItem = serde_json::from_value(
        json!({"code": "X-01", "industry": null, "domain": "food", "category": null}),
    )
    .unwrap();
    let with = |quals: &[&str]| inspector("I", "market_regulation", "所", quals);
    assert!(!with(&["food"]).qualified_for(&domain_only));
    assert!(with(&["food_sales"]).qualified_for(&domain_only));
    assert!(with(&["catering"]).qualified_for(&item));
    assert!(!with(&["drug_retail"]).qualified_for(&item));
}

#[test]
fn a_code_is_valid_by_its_gb_32100_check_character_alone() {
    let entry = |code: &str| {
        json!({"uscc": code, "region": "370283", "status": "operating",
               "credit_class": "B", "registered_on": "2020-01-01"})
    };
    // An organisation code failing GB 11714: valid.
    let odd = (0..10)
        .map(|i| Uscc::with_check_character(&format!("91370283MA000000{i}")).unwrap())
        .find(|c| c.organisation_code_warning().is_some())
        .expect("one fails GB 11714");
    assert!(serde_json::from_value::<RosterEntry>(entry(odd.as_str())).is_ok());
    // A first pair GB 32100 does not list: valid, of kind `other`.
    let y2 = Uscc::with_check_character("Y2370283000000000").unwrap();
    assert!(serde_json::from_value::<RosterEntry>(entry(y2.as_str())).is_ok());
    assert_eq!(
        jianguan::entity::EntityKind::from_uscc(&y2),
        jianguan::entity::EntityKind::Other
    );
    // A wrong check character, lower case: refused when read.
    let mut wrong = odd.as_str().to_owned();
    let last = if wrong.ends_with('0') { "1" } else { "0" };
    wrong.replace_range(17.., last);
    let e = serde_json::from_value::<RosterEntry>(entry(&wrong)).unwrap_err();
    assert!(e.to_string().contains("check character"), "{e}");
    let lower = odd.as_str().to_lowercase();
    assert!(serde_json::from_value::<RosterEntry>(entry(&lower)).is_err());
}

const PLAN: &str = r#"{
  "id": "P-1", "title": "t", "level": "county", "as_of": "2026-06-30",
  "period": ["2026-07-01", "2026-07-31"], "entropy": ["福彩3D 2026-170"],
  "tasks": [{ "department": "market_regulation", "kind": "routine",
              "items": [{"code": "G-01", "industry": null, "domain": null, "category": null}],
              "direction": "undirected",
              "strata": [{"class": "B", "size": {"ratio": "0.5"}}] }]
}"#;

fn plan_with(edit: impl FnOnce(&mut Value)) -> Result<Plan, String> {
    let mut v: Value = serde_json::from_str(PLAN).unwrap();
    edit(&mut v);
    serde_json::from_value::<Plan>(v).map_err(|e| e.to_string())
}

/// Messages a C or Python user reads: no Rust type names.
fn no_rust_names(message: &str) {
    for name in [
        "struct",
        "enum ",
        "u32",
        "u64",
        "Raw",
        "Plan",
        "RosterEntry",
        "Inspector",
        "Option",
    ] {
        assert!(!message.contains(name), "{message:?} names {name}");
    }
}

#[test]
fn ratios_are_read_in_every_documented_spelling_and_held_in_normal_form() {
    for (given, normal) in [
        (json!("0.050"), "0.05"),
        (json!("1.0"), "1"),
        (json!("00.5"), "0.5"),
        (json!("0.000"), "0"),
        (json!(0.050), "0.05"),
        (json!(1.0), "1"),
        (json!(1e-2), "0.01"),
        (json!(0.000001), "0.000001"),
        (json!(5e-5), "0.00005"),
    ] {
        let plan = plan_with(|v| v["tasks"][0]["strata"][0]["size"]["ratio"] = given.clone())
            .unwrap_or_else(|e| panic!("{given}: {e}"));
        let held = serde_json::to_value(&plan).unwrap();
        assert_eq!(
            held["tasks"][0]["strata"][0]["size"]["ratio"], normal,
            "{given}"
        );
    }
    for bad in [
        json!(".5"),
        json!("1."),
        json!("+0.5"),
        json!(" 0.5"),
        json!("5e-2"),
        json!("0.0000001"),
        json!("1.01"),
        json!(1e-7),
        json!(-0.5),
        json!(true),
    ] {
        let e = plan_with(|v| v["tasks"][0]["strata"][0]["size"]["ratio"] = bad.clone())
            .expect_err(&bad.to_string());
        no_rust_names(&e);
    }
}

/// A change to the test plan's JSON.
type Edit = Box<dyn Fn(&mut Value)>;

#[test]
fn unknown_names_fields_and_partial_objects_are_refused_when_read() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["tasks"][0]["kind"] = "Routine".into()),
            "`Routine`",
        ),
        (
            Box::new(|v| v["tasks"][0]["filter"] = json!({"statuses": ["open"]})),
            "`open`",
        ),
        (
            Box::new(|v| {
                v["tasks"][0]["direction"] = "directed".into();
                v["tasks"][0]["filter"] = json!({"kinds": ["company"]});
            }),
            "`company`",
        ),
        (
            Box::new(|v| {
                v["tasks"][0]["direction"] = "directed".into();
                v["tasks"][0]["filter"] = json!({"industries": ["bakery"]});
            }),
            "`bakery`",
        ),
        (
            Box::new(|v| v["notes"] = "x".into()),
            "unknown field `notes`",
        ),
        (
            Box::new(|v| v["tasks"][0]["rules"] = json!({"penalty_free": {"years": 3}})),
            "missing field `factor`",
        ),
        (
            Box::new(|v| {
                v["tasks"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("kind")
                    .map(drop)
                    .unwrap()
            }),
            "missing field `kind`",
        ),
        (
            Box::new(|v| v["tasks"][0]["items"] = json!([5])),
            "an item: a code text or an item object",
        ),
        (
            Box::new(|v| v["tasks"][0]["items"][0]["industry"] = "bakery".into()),
            "item \"G-01\"",
        ),
        (
            Box::new(|v| v["tasks"][0]["strata"][0]["size"] = json!({"count": -1})),
            "a whole number from 0 to 18446744073709551615",
        ),
        (
            Box::new(|v| v["inspectors"] = json!({"per_department": 1.0})),
            "a whole number from 0 to 4294967295",
        ),
    ];
    for (edit, expected) in cases {
        let e = plan_with(edit).expect_err(expected);
        assert!(e.contains(expected), "{e:?} lacks {expected:?}");
        no_rust_names(&e);
    }
}

#[test]
fn roster_history_inspector_and_entropy_refusals_name_no_rust_types() {
    let code = settled_code(0);
    let entry = json!({"uscc": code, "region": "370283", "status": "operating",
                       "credit_class": "B", "registered_on": "2020-01-01"});
    let with = |k: &str, v: Value| {
        let mut e = entry.clone();
        e[k] = v;
        e
    };
    // Weights are whole numbers up to 2^32 − 1: above 2^53 never reads.
    assert!(serde_json::from_value::<RosterEntry>(with("weight", json!(4_294_967_295u64))).is_ok());
    for (doc, expected) in [
        (
            with("weight", json!(9_007_199_254_740_993u64)),
            "from 1 to 4294967295",
        ),
        (with("weight", json!(0)), "from 1 to 4294967295"),
        (with("weight", json!(1.0)), "from 1 to 4294967295"),
        (with("status", json!("open")), "`open`"),
        (with("name", json!("x")), "unknown field `name`"),
        (json!(5), "a target roster entry object"),
    ] {
        let e = serde_json::from_value::<RosterEntry>(doc)
            .unwrap_err()
            .to_string();
        assert!(e.contains(expected), "{e:?} lacks {expected:?}");
        no_rust_names(&e);
    }
    // Dates are written exactly YYYY-MM-DD, and real.
    assert!(serde_json::from_value::<RosterEntry>(with("last_penalty_on", json!(null))).is_ok());
    for bad in [
        "2026-1-5",
        "+2026-01-05",
        " 2026-01-05",
        "2026-01-05 ",
        "2026-02-30",
        "20260105",
    ] {
        let e = serde_json::from_value::<RosterEntry>(with("registered_on", json!(bad)))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("YYYY-MM-DD") || e.contains("no such day"),
            "{bad}: {e}"
        );
        let e = serde_json::from_value::<RosterEntry>(with("last_penalty_on", json!(bad)))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("YYYY-MM-DD") || e.contains("no such day"),
            "{bad}: {e}"
        );
    }
    let e = plan_with(|v| v["period"][1] = json!("2026-7-31")).unwrap_err();
    assert!(e.contains("a date written YYYY-MM-DD"), "{e}");
    let e = plan_with(|v| v["as_of"] = json!("2026-06-31")).unwrap_err();
    assert!(e.contains("no such day"), "{e}");
    let e = serde_json::from_value::<PastInspection>(json!({"uscc": code, "date": "2026-01-01",
        "department": "d", "level": "town", "items": ["a"]}))
    .unwrap_err()
    .to_string();
    assert!(e.contains("`town`"), "{e}");
    let e = serde_json::from_value::<Inspector>(json!({"id": "i", "name": "n", "department": "d",
        "team": "t", "status": "active", "workload_cap": -1}))
    .unwrap_err()
    .to_string();
    assert!(e.contains("a whole number from 0 to 4294967295"), "{e}");
    no_rust_names(&e);
    let e = serde_json::from_value::<Vec<EntropyValue>>(json!([{"label": "a"}]))
        .unwrap_err()
        .to_string();
    assert!(e.contains("missing field `value`"), "{e}");
    let e = serde_json::from_str::<DrawRecord>("[]")
        .unwrap_err()
        .to_string();
    assert!(e.contains("a draw record object"), "{e}");
    no_rust_names(&e);
    let e = serde_json::from_value::<DrawInputs>(json!({"plan": 5}))
        .unwrap_err()
        .to_string();
    assert!(e.contains("a plan object"), "{e}");
    no_rust_names(&e);
}

#[test]
fn objects_are_read_only_from_json_objects() {
    // serde would also take an array of field values; the document has none.
    let plan: Value = serde_json::from_str(PLAN).unwrap();
    let fields: Vec<Value> = plan.as_object().unwrap().values().cloned().collect();
    let e = serde_json::from_value::<Plan>(Value::Array(fields)).unwrap_err();
    assert!(e.to_string().contains("expected a plan object"), "{e}");
    let row = json!([
        settled_code(0),
        "370283",
        [],
        "operating",
        "B",
        "2020-01-01",
        null,
        1
    ]);
    let e = serde_json::from_value::<RosterEntry>(row).unwrap_err();
    assert!(
        e.to_string()
            .contains("expected a target roster entry object"),
        "{e}"
    );
    let e = serde_json::from_value::<Vec<EntropyValue>>(json!([["福彩3D 2026-170", "5 0 2"]]))
        .unwrap_err();
    assert!(
        e.to_string().contains("expected a public value object"),
        "{e}"
    );
    let e = serde_json::from_str::<DrawRecord>("[1]").unwrap_err();
    assert!(
        e.to_string().contains("expected a draw record object"),
        "{e}"
    );
    // Nested objects too.
    let e = plan_with(|v| v["tasks"][0]["strata"][0] = json!(["B", {"count": 1}])).unwrap_err();
    assert!(e.contains("a stratum object"), "{e}");
}

#[test]
fn caps_of_zero_are_refused_and_name_the_field() {
    let resolve = |edit: fn(&mut Value)| {
        let mut plan = plan_with(edit).expect("reads");
        plan.resolve(None).unwrap_err()
    };
    for (edit, field) in [
        (
            (|v: &mut Value| v["tasks"][0]["rules"] = json!({"yearly_cap": 0})) as fn(&mut Value),
            "tasks[0].rules.yearly_cap",
        ),
        (
            |v: &mut Value| v["tasks"][0]["rules"] = json!({"repeat_window_months": 0}),
            "tasks[0].rules.repeat_window_months",
        ),
        (
            |v: &mut Value| v["inspectors"] = json!({"workload_cap": 0}),
            "inspectors.workload_cap",
        ),
    ] {
        match resolve(edit) {
            SamplingError::InvalidPlan { field: f, .. } => assert_eq!(f, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    let mut cap = inspector("I-1", "market_regulation", "所", &[]);
    cap.workload_cap = Some(0);
    assert_eq!(
        InspectorRoster::new([cap]).unwrap_err().kind(),
        "invalid_inspector"
    );
    // A factor of 0 is a literal rule, not a refusal.
    let mut plan = plan_with(|v| {
        v["tasks"][0]["rules"] = json!({"penalty_free": {"years": 3, "factor": "0"}})
    })
    .unwrap();
    assert!(plan.resolve(None).is_ok());
}

#[test]
fn the_facade_refuses_the_roster_before_the_plan() {
    let mut inputs = settled_inputs();
    inputs.roster[3].credit_class = " ".into();
    inputs.plan.id = String::new();
    let sup = Supervisor::builder().build().unwrap();
    assert_eq!(
        sup.draw(&inputs).unwrap_err().kind(),
        ErrorKind::InvalidRoster
    );
    // With the roster mended, the plan is what is refused.
    inputs.roster[3].credit_class = "B".into();
    assert_eq!(
        sup.draw(&inputs).unwrap_err().kind(),
        ErrorKind::InvalidPlan
    );
}
