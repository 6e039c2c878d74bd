//! A draw over a roster split by code ranges, as a distributed engine runs
//! it (docs/draw-algorithm.md §2, §7): the digest folded part by part with
//! its state saved and restored between parts, counts and selections
//! serialized to JSON and back between every step, then summed, merged and
//! finished. Each vector of tests/vectors/draw/ that has a record must come
//! out byte for byte.

use std::path::PathBuf;

use jianguan::sampling::prf::hex;
use jianguan::sampling::{
    DrawInputs, DrawSetup, InspectionHistory, InspectorRoster, PartialSelection, RosterDigester,
    TargetRoster, TaskCounts, TaskDraw,
};
use serde_json::Value;

fn vectors() -> Vec<(String, DrawInputs, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/draw");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(digest) = v["expected"]["record_digest"].as_str() else {
            continue;
        };
        let inputs: DrawInputs = serde_json::from_value(v["inputs"].clone()).unwrap();
        out.push((path.display().to_string(), inputs, digest.to_string()));
    }
    assert!(out.len() >= 4, "the record vectors are there");
    out
}

/// A JSON round trip, as a value crosses between worker processes.
fn wire<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

#[test]
fn parts_drawn_apart_and_merged_give_the_vector_records() {
    for (name, inputs, expected) in vectors() {
        let mut entries = inputs.roster.clone();
        entries.sort_by(|a, b| a.uscc.as_str().cmp(b.uscc.as_str()));
        for n_parts in [2, 3, 7] {
            let size = entries.len().div_ceil(n_parts);
            let parts: Vec<TargetRoster> = entries
                .chunks(size)
                .map(|c| TargetRoster::new(c.to_vec()).unwrap())
                .collect();
            let mut state = RosterDigester::new().save();
            for p in &parts {
                let mut d = RosterDigester::restore(&state).unwrap();
                d.update(p).unwrap();
                state = d.save();
            }
            let targets = RosterDigester::restore(&state).unwrap().finish();
            let mut plan = inputs.plan.clone();
            plan.resolve(None).unwrap();
            let history = InspectionHistory::new(inputs.history.clone()).unwrap();
            let inspectors = InspectorRoster::new(inputs.inspectors.clone()).unwrap();
            let setup =
                DrawSetup::new(&plan, &targets, &history, &inspectors, &inputs.entropy).unwrap();
            let mut tasks = Vec::new();
            for t in 0..plan.tasks.len() {
                let mut counts = TaskCounts::default();
                for p in &parts {
                    counts.add(&wire(&setup.count(t, p).unwrap()));
                }
                counts.pools.resize(2 * plan.tasks[t].strata.len(), 0);
                let takes = setup.takes(t, &counts).unwrap();
                let mut sel = PartialSelection::default();
                for p in &parts {
                    sel.merge(wire(&setup.select(t, p, &takes).unwrap()), &takes);
                }
                tasks.push(TaskDraw {
                    counts,
                    takes,
                    selection: wire(&sel),
                });
            }
            let record = setup.finish(tasks).unwrap();
            assert_eq!(record.digest(), expected, "{name} in {n_parts} parts");
            assert_eq!(
                hex(&targets),
                record.digests.targets,
                "{name}: folded digest"
            );
        }
    }
}

#[test]
fn a_corrupt_selection_is_refused_when_read() {
    let bad = r#"{"winners":[[[0,"00ff","91370283MA00000009"]]],"exclusions":[],"reduced":[]}"#;
    let err = serde_json::from_str::<PartialSelection>(bad).unwrap_err();
    assert!(
        err.to_string()
            .contains("candidate key \"00ff\" is not 32 lower-case hex digits"),
        "{err}"
    );
}
