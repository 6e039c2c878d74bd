//! `jianguan roster generate`: deterministic files, refused counts.

mod common;
use common::jianguan;
use common::scratch;

#[test]
fn same_seed_same_files_and_a_consistent_summary() {
    let (a, b) = (scratch("a"), scratch("b"));
    let mut summaries = Vec::new();
    for d in [&a, &b] {
        let (code, out, err) = jianguan(&[
            "roster",
            "generate",
            "--entities",
            "3000",
            "--seed",
            "7",
            "--out",
            d.to_str().unwrap(),
            "--jsonl",
            "--json",
        ]);
        assert_eq!(code, 0, "{err}");
        summaries.push(serde_json::from_str::<serde_json::Value>(&out).unwrap());
    }
    for f in [
        "entities.csv",
        "entities.jsonl",
        "penalties.csv",
        "credit-lists.csv",
        "inspectors.csv",
        "spec.json",
    ] {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f}"
        );
    }
    let csv = std::fs::read_to_string(a.join("entities.csv")).unwrap();
    // Header plus one line per entity (generated names contain no newline).
    assert_eq!(csv.lines().count(), 3001);
    let v = &summaries[0];
    assert_eq!(v["summary"]["entities"], 3000);
    let by_kind: u64 = v["summary"]["by_kind"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(by_kind, 3000);
    assert!(
        v["supervision"]["by_department"]["market_regulation"]
            .as_u64()
            .unwrap()
            > 0
    );
    for d in [a, b] {
        std::fs::remove_dir_all(d).unwrap();
    }
}

#[test]
fn zero_negative_and_malformed_counts_are_refused_before_anything_is_written() {
    for (arg, problem) in [
        ("0", "is zero"),
        ("-5", "is negative"),
        ("12k", "is not a whole number"),
    ] {
        let d = scratch(&format!("bad{arg}"));
        let (code, _, err) = jianguan(&[
            "roster",
            "generate",
            "--entities",
            arg,
            "--out",
            d.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "{arg}");
        assert!(
            err.contains("entities") && err.contains(problem),
            "{arg}: {err}"
        );
        assert!(!d.exists(), "{arg}: the output folder was created");
    }
}

/// A run that fails part-way leaves the previous files as they were and no
/// partial file behind.
#[test]
fn a_failed_run_changes_nothing() {
    let d = scratch("fail");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("entities.csv"), "OLD").unwrap();
    // A folder where the penalties file would be staged makes its creation fail.
    std::fs::create_dir(d.join(".penalties.csv.partial")).unwrap();
    let (code, _, err) = jianguan(&[
        "roster",
        "generate",
        "--entities",
        "500",
        "--out",
        d.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains(".penalties.csv.partial"), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("entities.csv")).unwrap(),
        "OLD"
    );
    assert!(!d.join(".entities.csv.partial").exists());
    assert!(!d.join("penalties.csv").exists());
    std::fs::remove_dir_all(&d).unwrap();
}
