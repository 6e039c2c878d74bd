//! `jianguan draw results`: a draw's inspection results (抽查检查结果) with
//! their publication deadlines, follow-up events and the history they feed
//! to the next batch, through the facade's `record_results`.

mod common;

use std::path::PathBuf;

use common::draw::{Draw, county, example, read_json, s, write_json};
use common::jianguan;
use serde_json::{Value, json};

/// `draw results`: deadlines in working days, follow-up events, history that
/// the next batch's draw reads and spares; bad results refused, nothing written.
#[test]
fn results_give_deadlines_events_and_history() {
    let dir = county("results");
    let mut d = Draw::new(&dir);
    // Batch 3 runs in September: its deadlines fall in years whose holiday
    // notices are published (December results would need the 2027 notice).
    d.plan = example("pingdu-batch3-2026.json");
    d.entropy = example("entropy-pingdu-batch3-2026.json");
    let (code, out, err) = d.run(true);
    assert_eq!(code, 0, "{err}");
    let record = PathBuf::from(
        serde_json::from_str::<Value>(&out).unwrap()["record"]
            .as_str()
            .unwrap(),
    );
    let rec = read_json(&record);
    let visit = &rec["visits"][0];
    let (uscc, dept) = (
        visit["uscc"].as_str().unwrap(),
        visit["departments"][0].as_str().unwrap(),
    );
    // Concluded Friday 2026-09-25 (中秋节 holiday 9-25…9-27): 20 working
    // days later, across National Day (10-1…10-7) with the make-up working
    // Saturday 10-10, is 2026-10-29 — counted day by day in the SDK's
    // results tests.
    let entered = dir.join("entered.json");
    write_json(
        &entered,
        &json!([{"uscc": uscc, "department": dept, "concluded_on": "2026-09-25", "outcomes": ["6", "E"]}]),
    );
    let (out_json, history) = (dir.join("results.json"), dir.join("history.csv"));
    let (code, out, err) = jianguan(&[
        "draw",
        "results",
        "--record",
        s(&record),
        "--results",
        s(&entered),
        "--out",
        s(&out_json),
        "--history-out",
        s(&history),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2026-10-29"), "{out}");
    assert!(out.contains("abnormal_operations_listing"), "{out}");
    let recorded = read_json(&out_json);
    assert_eq!(recorded[0]["publish_by"], "2026-10-29");
    assert_eq!(
        recorded[0]["follow_ups"][0]["event"],
        "abnormal_operations_listing"
    );
    let hist = std::fs::read_to_string(&history).unwrap();
    assert!(
        hist.starts_with("uscc,date,department,level,items\n"),
        "{hist}"
    );
    assert!(
        hist.contains(&format!("{uscc},2026-09-25,{dept},county,")),
        "{hist}"
    );

    // Refused, nothing written: an entity that is not a visit, an unknown
    // code, and 1 (no problem) ticked with a problem code.
    for (uscc, outcomes, why) in [
        (
            "914403001922038216",
            json!(["1"]),
            "is not a visit of this draw",
        ),
        (uscc, json!(["Q"]), "Q"),
        (uscc, json!(["1", "6"]), "1"),
    ] {
        let bad = dir.join("bad.json");
        write_json(
            &bad,
            &json!([{"uscc": uscc, "department": dept, "concluded_on": "2026-09-25", "outcomes": outcomes}]),
        );
        let out_bad = dir.join("bad-out.json");
        let (code, _, err) = jianguan(&[
            "draw",
            "results",
            "--record",
            s(&record),
            "--results",
            s(&bad),
            "--out",
            s(&out_bad),
        ]);
        assert_eq!(code, 1, "{why}");
        assert!(err.contains(why), "{why}: {err}");
        assert!(!out_bad.exists());
    }
    std::fs::remove_dir_all(dir).unwrap();
}
