//! `jianguan uscc check` as a user runs it.

mod common;
use common::jianguan;

#[test]
fn valid_code_exits_zero_with_its_parts() {
    let (code, out, _) = jianguan(&["uscc", "check", "914403001922038216", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["valid"], true);
    assert_eq!(v[0]["region"], "440300");
    assert_eq!(v[0]["category"], "企业 (enterprise)");
    assert_eq!(v[0]["organisation_code"], "192203821");
}

#[test]
fn invalid_code_exits_one_and_names_the_fault() {
    let (code, out, _) = jianguan(&["uscc", "check", "914403001922038216", "9I440300708461136T"]);
    assert_eq!(code, 1);
    assert!(out.contains("914403001922038216  valid"), "{out}");
    assert!(
        out.contains("9I440300708461136T  INVALID") && out.contains("position 2"),
        "{out}"
    );
}

#[test]
fn usage_error_exits_two() {
    let (code, _, err) = jianguan(&["uscc", "check"]);
    assert_eq!(code, 2);
    assert!(err.contains("CODES"), "{err}");
}
