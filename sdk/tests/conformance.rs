//! The conformance vectors of tests/vectors/ (other than the draw vectors,
//! replayed by draw_vectors.rs), through the Rust API. The C tests
//! (examples/c/tests/test_vectors.c) and the Python tests replay the same
//! files and must agree.

use std::path::PathBuf;

use jianguan::NaiveDate;
use jianguan::entity::Uscc;
use jianguan::supervisor::Supervisor;
use serde_json::Value;

fn vectors(name: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(name);
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
    v["cases"].as_array().expect("cases").clone()
}

fn day(v: &Value) -> NaiveDate {
    v.as_str().expect("date").parse().expect("date")
}

#[test]
fn uscc_vectors() {
    let cases = vectors("uscc.json");
    assert_eq!(cases.len(), 9);
    for case in cases {
        let code = case["code"].as_str().expect("code");
        let parsed = code.parse::<Uscc>();
        if case["valid"] == true {
            let u = parsed.unwrap_or_else(|e| panic!("{code}: {e}"));
            let s = u.as_str();
            assert_eq!(&s[0..1], case["authority"], "{code}");
            assert_eq!(&s[1..2], case["category"], "{code}");
            assert_eq!(u.region().as_str(), case["region"], "{code}");
            assert_eq!(u.organisation_code(), case["organisation_code"], "{code}");
        } else {
            let e = parsed.expect_err(code);
            assert_eq!(e.to_string(), case["message"].as_str().expect("message"));
        }
    }
}

#[test]
fn working_day_vectors() {
    let sup = Supervisor::builder().build().expect("defaults");
    let cases = vectors("working-days.json");
    assert_eq!(cases.len(), 11);
    for case in cases {
        let got: Result<Value, jianguan::Error> = match case["op"].as_str().expect("op") {
            "is_working_day" => sup.is_working_day(day(&case["date"])).map(Value::from),
            "add" => sup
                .add_working_days(day(&case["start"]), case["n"].as_u64().expect("n") as u32)
                .map(|d| Value::from(d.to_string())),
            "between" => sup
                .working_days_between(day(&case["start"]), day(&case["end"]))
                .map(Value::from),
            other => panic!("unknown op {other}"),
        };
        match (got, case.get("error")) {
            (Ok(v), None) => assert_eq!(v, case["expected"], "{case}"),
            (Err(jianguan::Error::Calendar(_)), Some(kind)) => assert_eq!(kind, "calendar"),
            (other, _) => panic!("{case}: got {other:?}"),
        }
    }
}
