//! Replays the test vectors of docs/draw-algorithm.md (tests/vectors/draw/):
//! each vector's inputs must give exactly its recorded draw, byte for byte in
//! canonical JSON, or be refused with its recorded error. The same files are
//! replayed by scripts/draw_reference.py, written from the document alone.
//!
//! Regenerate after a deliberate algorithm change (a new version!) with
//! `cargo test -p jianguan --test draw_vectors -- --ignored write_vectors`.

#[path = "draw_vectors/scenarios.rs"]
mod scenarios;

use std::path::PathBuf;

use jianguan::sampling::prf::{Prf, derive_key, hex, parse_digest, uscc_block};
use jianguan::sampling::{
    self, DrawRecord, InspectionHistory, InspectorRoster, SamplingError, TargetRoster,
    canonical_json,
};
use scenarios::*;
use serde_json::{Value, json};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/draw")
}

fn run(inputs: &Inputs) -> Result<DrawRecord, SamplingError> {
    let roster = TargetRoster::new(inputs.roster.clone())?;
    let history = InspectionHistory::new(inputs.history.clone())?;
    let inspectors = InspectorRoster::new(inputs.inspectors.clone())?;
    sampling::draw(
        &inputs.plan,
        &roster,
        &history,
        &inspectors,
        &inputs.entropy,
    )
}

fn scenarios() -> Vec<(&'static str, &'static str, Inputs)> {
    let joint = plan(JOINT_PLAN);
    let base_roster = roster(90);
    let base = Inputs {
        entropy: entropy(&joint, &["03 07 12 19 26 31 + 09", "4 0 9 1 7"]),
        plan: joint.clone(),
        inspectors: inspectors(&base_roster),
        history: history(&base_roster),
        roster: base_roster.clone(),
    };
    let weighted = plan(WEIGHTED_PLAN);
    let weighted_inputs = Inputs {
        entropy: entropy(&weighted, &["6C1E9F0A2B7D44E1"]),
        plan: weighted.clone(),
        ..base.clone()
    };
    let mut redraw = base.clone();
    let replaced = run(&base).expect("base draws").digest();
    redraw.plan.replaces = Some(sampling::Replaces {
        record: replaced,
        reason: "两名检查人员因公调离，经局长批准重新抽取".into(),
    });
    redraw.plan.entropy = vec!["中国福利彩票双色球 2026138期 开奖号码".into()];
    redraw.entropy = entropy(&redraw.plan, &["02 11 14 20 27 33 + 05"]);

    let mut plain = base.clone();
    plain.history.clear();
    let mut swapped = base.clone();
    swapped.entropy.reverse();
    let mut below_minimum = weighted_inputs.clone();
    below_minimum.plan.tasks[0]
        .strata
        .retain(|s| s.class == "B");
    below_minimum.plan.tasks[0].strata[0].size = sampling::Size::Count(2);
    let mut short_of_inspectors = base.clone();
    short_of_inspectors.plan.inspectors.per_department = 4;
    let mut too_many = base.clone();
    too_many.plan.tasks[0].strata[2].size = sampling::Size::Count(40);
    let mut empty = base.clone();
    empty.plan.tasks[0].filter.kinds = vec![jianguan::entity::EntityKind::FarmersCooperative];
    let mut unknown_class = base.clone();
    unknown_class.roster[17].credit_class = "E".into();
    let mut duplicate = base.clone();
    duplicate.roster.push(duplicate.roster[33].clone());
    let mut one_inspector = base.clone();
    one_inspector.plan.inspectors.per_department = 1;
    // Appendix D's order: the roster's refusal comes before the plan's.
    let mut roster_first = base.clone();
    roster_first.roster[5].credit_class = " ".into();
    roster_first.plan.id = String::new();
    let mut no_workload = base.clone();
    no_workload.plan.inspectors.workload_cap = Some(0);
    let mut inspector_twice = base.clone();
    inspector_twice
        .inspectors
        .push(inspector_twice.inspectors[3].clone());

    vec![
        (
            "edge-city",
            "City-level plan: month-end window clamp, lower-level and other-department history, yearly cap of one, count strata at factor 0.9 rounding to nearest, a domain-only item, three inspectors per department, control characters in a string.",
            edge_inputs(),
        ),
        (
            "settled-points",
            "The points the document settles for jianguan-draw/1 in one draw: unsorted and repeated filter lists and an upper-case replaced record kept as given, factor 0 beside a count stratum, the region field, identical history entries, a yearly cap across levels and items, a domain-only item, qualifications naming a domain, repeated qualifications, conflicts, history items and business lines.",
            settled_inputs(),
        ),
        (
            "joint-county-no-history",
            "The joint plan with an empty history: uniform keys, no history (the scan's fast path).",
            plain,
        ),
        (
            "joint-county",
            "Joint plan of two departments: directed filters, every proportionality rule, distinct teams, workload caps, recusals.",
            base,
        ),
        (
            "weighted-publicity",
            "Risk-weighted undirected publicity check drawing class A, count strata shared between normal and reduced parts.",
            weighted_inputs,
        ),
        (
            "redraw",
            "A redraw naming the record of joint-county it replaces, seeded by a new public value.",
            redraw,
        ),
        (
            "error-entropy-order",
            "Public values given in another order than the plan fixed.",
            swapped,
        ),
        (
            "error-publicity-minimum",
            "A publicity check drawing fewer than 3% of its population.",
            below_minimum,
        ),
        (
            "error-inspectors",
            "Four inspectors per department cannot be found for every visit.",
            short_of_inspectors,
        ),
        (
            "error-count-exceeds-pool",
            "A stratum asked for more entities than it holds.",
            too_many,
        ),
        (
            "error-empty-stratum",
            "A stratum with no eligible entity asked for a count.",
            empty,
        ),
        (
            "error-unknown-class",
            "A roster entity in a class the plan does not list.",
            unknown_class,
        ),
        (
            "error-duplicate-entity",
            "A roster listing one code twice.",
            duplicate,
        ),
        (
            "error-roster-before-plan",
            "A blank credit class in the roster and a blank plan id: the roster is refused first (Appendix D).",
            roster_first,
        ),
        (
            "error-plan-workload-cap-zero",
            "A plan workload cap of 0, which would leave no inspector without a cap of its own to draw.",
            no_workload,
        ),
        (
            "error-inspector-twice",
            "An inspector id listed twice.",
            inspector_twice,
        ),
        (
            "error-one-inspector",
            "A plan asking for one inspector per department (行政处罚法 Art. 42 requires two).",
            one_inspector,
        ),
    ]
}

fn primitives() -> Value {
    let seed = sampling::prf::sha256(b"jianguan");
    let codes: Vec<jianguan::entity::Uscc> = vec![
        "914403001922038216".parse().unwrap(),
        jianguan::entity::Uscc::with_check_character("91370283MA3C4X9T3").unwrap(),
        jianguan::entity::Uscc::with_check_character("Y2370283000000000").unwrap(),
    ];
    let key = derive_key(&seed, "targets", 0);
    let prf = Prf::new(&key);
    let derived: Vec<Value> = [("targets", 0), ("targets", 1), ("visits", 0)]
        .iter()
        .map(|(l, i)| json!({"label": l, "index": i, "key": hex(&derive_key(&seed, l, *i))}))
        .collect();
    let blocks: Vec<Value> = codes
        .iter()
        .map(|c| json!({"uscc": c, "block": format!("{:032x}", uscc_block(c))}))
        .collect();
    let values: Vec<Value> = codes
        .iter()
        .map(|c| json!({"key": hex(&key), "uscc": c, "value": format!("{:032x}", prf.eval(uscc_block(c)))}))
        .collect();
    let weighted: Vec<Value> = codes
        .iter()
        .zip([1u32, 3, 7])
        .map(|(c, w)| {
            let v = prf.eval(uscc_block(c));
            let bits = sampling::prf::weighted_key(v, w).to_bits();
            json!({"value": format!("{v:032x}"), "weight": w, "key_bits": format!("{bits:016x}")})
        })
        .collect();
    json!({"seed": hex(&seed), "derived_keys": derived, "blocks": blocks, "prf": values, "weighted": weighted})
}

#[test]
#[ignore = "writes the vector files; run deliberately"]
fn write_vectors() {
    std::fs::create_dir_all(dir()).unwrap();
    for (name, description, inputs) in scenarios() {
        let expected = match run(&inputs) {
            Ok(r) => json!({"record": r, "record_digest": r.digest()}),
            Err(e) => json!({"error": e.kind(), "message": e.to_string()}),
        };
        let v = json!({"name": name, "description": description, "inputs": inputs, "expected": expected});
        std::fs::write(
            dir().join(format!("{name}.json")),
            serde_json::to_string_pretty(&v).unwrap() + "\n",
        )
        .unwrap();
    }
    std::fs::write(
        dir().join("primitives.json"),
        serde_json::to_string_pretty(&primitives()).unwrap() + "\n",
    )
    .unwrap();
}

#[test]
fn every_vector_replays() {
    let mut seen = 0;
    for entry in std::fs::read_dir(dir()).expect("tests/vectors/draw exists") {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() == "primitives.json" {
            continue;
        }
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let inputs: Inputs = serde_json::from_value(v["inputs"].clone()).unwrap();
        let name = v["name"].as_str().unwrap();
        match (run(&inputs), v["expected"].get("error")) {
            (Ok(record), None) => {
                let expected: DrawRecord =
                    serde_json::from_value(v["expected"]["record"].clone()).unwrap();
                assert_eq!(canonical_json(&record), canonical_json(&expected), "{name}");
                assert_eq!(record.digest(), v["expected"]["record_digest"], "{name}");
            }
            (Err(e), Some(k)) => assert_eq!(e.kind(), k, "{name}: {e}"),
            (got, want) => panic!("{name}: got {got:?}, expected {want:?}"),
        }
        seen += 1;
    }
    assert_eq!(seen, scenarios().len(), "one file per scenario");
}

#[test]
fn the_scenarios_are_the_vectors() {
    // The files are generated from these inputs; a stale file would replay
    // its own inputs happily, so also check the inputs themselves.
    for (name, _, inputs) in scenarios() {
        let v: Value = serde_json::from_str(
            &std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(
            v["inputs"],
            serde_json::to_value(&inputs).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn primitives_replay() {
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir().join("primitives.json")).unwrap())
            .unwrap();
    assert_eq!(v, primitives());
    let seed = parse_digest(v["seed"].as_str().unwrap()).unwrap();
    assert_eq!(
        v["derived_keys"][0]["key"],
        hex(&derive_key(&seed, "targets", 0))
    );
}
