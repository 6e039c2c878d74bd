//! `jianguan draw rfc3797`: the RFC 3797 selection mode.

mod common;

use common::jianguan;
use serde_json::Value;

/// RFC 3797 §6: the worked example's key string and selections.
#[test]
fn rfc3797_reproduces_the_worked_example() {
    let (code, out, err) = jianguan(&[
        "draw",
        "rfc3797",
        "--pool",
        "25",
        "--count",
        "10",
        "--source",
        "9319",
        "--source",
        "2 5 12 8 10",
        "--source",
        "9 18 26 34 41 45",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["key"], "9319./2.5.8.10.12./9.18.26.34.41.45./");
    let picks: Vec<u64> = v["picks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["selected"].as_u64().unwrap())
        .collect();
    assert_eq!(picks, [17, 7, 2, 16, 25, 23, 8, 24, 19, 13]);
    assert_eq!(v["picks"][0]["md5"], "990DD0A5692A029A98B5E01AA28F3459");
    let (code, _, err) = jianguan(&[
        "draw", "rfc3797", "--pool", "3", "--count", "4", "--source", "1",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains('4') && err.contains('3'), "{err}");
    let (code, _, err) = jianguan(&[
        "draw", "rfc3797", "--pool", "3", "--count", "1", "--source", "1 x",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("\"x\""), "{err}");
}
