//! `jianguan catalog` on the Pingdu default catalog.

mod common;
use common::jianguan;

#[test]
fn show_filters_by_industry() {
    let (code, out, _) = jianguan(&["catalog", "show", "--industry", "food_production", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"F-01"), "{codes:?}");
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|i| i["industry"] == "food_production")
    );
}

/// Pingdu plan §(一): "对于采取虚假承诺或违背承诺取得审批的，由审批部门负责处置".
#[test]
fn resolve_separated_item_with_breached_commitment() {
    let (code, out, _) = jianguan(&[
        "catalog",
        "resolve",
        "F-01",
        "--commitment-breached",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let roles: Vec<(String, String)> = v[0]["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["department"].as_str().unwrap().to_owned(),
                a["role"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(roles[0], ("market_regulation".into(), "lead".into()));
    assert!(
        roles.contains(&("administrative_approval".into(), "disposing".into())),
        "{roles:?}"
    );
    assert_eq!(v[0]["record_in_credit"], true);
}

#[test]
fn unknown_item_and_department_are_refused() {
    let (code, _, err) = jianguan(&["catalog", "resolve", "X-99"]);
    assert_eq!(code, 1);
    assert!(err.contains("X-99"), "{err}");
    let (code, _, err) = jianguan(&["catalog", "resolve", "F-01", "--approved-by", "tax_bureau"]);
    assert_eq!(code, 1);
    assert!(err.contains("tax_bureau"), "{err}");
    let (code, _, err) = jianguan(&["catalog", "show", "--department", "tax_bureau"]);
    assert_eq!(code, 1);
    assert!(err.contains("tax_bureau"), "{err}");
}

#[test]
fn extra_file_with_duplicate_code_is_refused() {
    let dir = std::env::temp_dir().join(format!("jianguan-cat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("extra.json");
    // Re-declaring G-01 without --replace is a duplicate code.
    let (_, g01, _) = jianguan(&["catalog", "show", "--json"]);
    let all: serde_json::Value = serde_json::from_str(&g01).unwrap();
    let item = all
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "G-01")
        .unwrap()
        .clone();
    std::fs::write(&file, serde_json::json!({ "items": [item] }).to_string()).unwrap();
    let (code, _, err) = jianguan(&["catalog", "show", "--extra", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("G-01"), "{err}");
    let (code, _, _) = jianguan(&[
        "catalog",
        "show",
        "--extra",
        file.to_str().unwrap(),
        "--replace",
    ]);
    assert_eq!(code, 0);
    std::fs::remove_dir_all(&dir).unwrap();
}
