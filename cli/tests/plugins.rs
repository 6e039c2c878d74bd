//! `jianguan plugins`: listing a folder with a broken plugin in it, and the
//! refusals of `grade`, `duties` and `assess`. The real plugins' figures are
//! tested in their own crates and in sdk/tests.

mod common;

use std::path::{Path, PathBuf};

use common::{jianguan, scratch};

/// A folder holding copies of the named workspace libraries (built by
/// `cargo build --workspace`, which scripts/test.sh runs first).
fn folder(name: &str, crates: &[&str]) -> PathBuf {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_jianguan"));
    let libs = bin.parent().expect("target/<profile>");
    let dir = scratch(name);
    std::fs::create_dir_all(&dir).unwrap();
    for c in crates {
        let file = format!(
            "{}{}{}",
            std::env::consts::DLL_PREFIX,
            c.replace('-', "_"),
            std::env::consts::DLL_SUFFIX
        );
        let from = libs.join(&file);
        assert!(
            from.is_file(),
            "{} is not built; run cargo build --workspace",
            from.display()
        );
        std::fs::copy(&from, dir.join(&file)).unwrap();
    }
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn list_shows_the_good_plugins_and_one_line_per_broken_one() {
    let dir = folder(
        "list",
        &[
            "jianguan-testing-panics",
            "jianguan-testing-future-contract",
        ],
    );
    let (code, out, err) = jianguan(&["plugins", "list", "--dir", s(&dir)]);
    assert_eq!(code, 1, "a refused plugin makes the listing fail");
    assert!(
        out.contains("testing_panics — 测试插件 (test plugin) 0.0.0"),
        "{out}"
    );
    assert!(out.contains("1 plugin(s) loaded from"), "{out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].starts_with("jianguan: plugin `jianguan_testing_future_contract` (")
            && lines[0].contains("was built for plugin contract 3.0.0, this host implements 2.0.0"),
        "{err}"
    );
    let (_, json, _) = jianguan(&["plugins", "list", "--dir", s(&dir), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["plugins"][0]["id"], "testing_panics");
    assert_eq!(v["failures"].as_array().unwrap().len(), 1);
}

#[test]
fn bad_facts_and_plugin_panics_are_refused_with_exit_1() {
    let dir = folder("grade", &["jianguan-testing-panics"]);
    let facts = dir.join("facts.csv");
    std::fs::write(&facts, "value,colour\n1,red\n").unwrap();
    let run = |cmd: &str, file: &Path| {
        jianguan(&[
            "plugins",
            cmd,
            "--dir",
            s(&dir),
            "--plugin",
            "testing_panics",
            s(file),
        ])
    };
    let (code, _, err) = run("grade", &facts);
    assert_eq!(code, 1);
    assert!(
        err.contains("header, column `colour`: not a fact of this operation (facts: value)"),
        "{err}"
    );
    std::fs::write(&facts, "value\n1\nabc\n").unwrap();
    let (code, _, err) = run("grade", &facts);
    assert_eq!(code, 1);
    assert!(
        err.contains("row 1, fact `value`: expected a number, found `abc`"),
        "{err}"
    );
    std::fs::write(&facts, "value\n1\n").unwrap();
    let (code, _, err) = run("grade", &facts);
    assert_eq!(code, 1);
    assert!(
        err.contains("plugin `testing_panics` grading failed: plugin panicked: fixture: grade panicked on purpose"),
        "{err}"
    );
    let json = dir.join("facts.json");
    std::fs::write(&json, r#"{"value": 1}"#).unwrap();
    let (code, _, err) = run("assess", &json);
    assert_eq!(code, 1);
    assert!(err.contains("expected a JSON array of objects"), "{err}");
    let (code, _, err) = jianguan(&[
        "plugins",
        "grade",
        "--dir",
        s(&dir),
        "--plugin",
        "food",
        s(&facts),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no plugin `food` is loaded from") && err.contains("(loaded: testing_panics)"),
        "{err}"
    );
}

#[test]
fn grade_a_csv_with_ids_and_summarise_it() {
    let dir = folder("food", &["jianguan-food"]);
    let facts = dir.join("food.csv");
    // Static + dynamic scores at the default cut-offs (UNCONFIRMED, CFDA 2016
    // scheme): 30 → A, 30.5 → B, 60 → C, 60.5 → D; a central kitchen is a
    // key target under SAMR Order 49 Art. 22.
    std::fs::write(
        &facts,
        "uscc,business_type,static_score,dynamic_score\n\
         91370283MA5HPBWNX5,seller,10,20\n\
         x2,caterer,10,20.5\n\
         x3,producer,30,30\n\
         x4,central_kitchen,30,30.5\n",
    )
    .unwrap();
    let (code, out, err) = jianguan(&[
        "plugins",
        "grade",
        "--dir",
        s(&dir),
        "--plugin",
        "food",
        s(&facts),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let grades: Vec<&str> = (0..4).map(|r| rows[r]["grade"].as_str().unwrap()).collect();
    assert_eq!(grades, ["A", "B", "C", "D"]);
    assert_eq!(rows[0]["id"], "91370283MA5HPBWNX5");
    assert_eq!(rows[3]["score"], 60.5);
    let key = rows[3]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["detail"].as_str().unwrap().contains("中央厨房"))
        .expect("central kitchen is a key target");
    assert!(key["citation"].as_str().unwrap().ends_with("第二十二条"));
    let (code, out, _) = jianguan(&[
        "plugins",
        "grade",
        "--dir",
        s(&dir),
        "--plugin",
        "food",
        s(&facts),
        "--summary",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("4 rows graded by `food`"), "{out}");
    assert!(out.contains("       1  D  "), "{out}");
}

#[test]
fn show_lists_schema_and_the_exemptions_of_a_violation() {
    let dir = folder("show", &["jianguan-food"]);
    let (code, out, _) = jianguan(&["plugins", "show", "--dir", s(&dir), "--plugin", "food"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("static_score (number, required) [points]"),
        "{out}"
    );
    // SAMR Order 49 Art. 37: six label-flaw situations.
    let (code, out, _) = jianguan(&[
        "plugins",
        "show",
        "--dir",
        s(&dir),
        "--plugin",
        "food",
        "--violation",
        "FOOD-LABEL-FLAW",
        "--json",
    ]);
    assert_eq!(code, 0);
    let list: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let art37 = list
        .iter()
        .filter(|e| {
            e["description"]
                .as_str()
                .unwrap()
                .contains("第三十七条第二款")
        })
        .count();
    assert_eq!(art37, 6);
    let (code, _, err) = jianguan(&[
        "plugins",
        "show",
        "--dir",
        s(&dir),
        "--plugin",
        "food",
        "--violation",
        "NOPE",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("has no violation `NOPE`"), "{err}");
}

#[test]
fn duties_and_referral_assessment_of_real_cases() {
    let dir = folder("cases", &["jianguan-special-equipment", "jianguan-food"]);
    // Special Equipment Safety Law Art. 40: request the periodic inspection a
    // month before the certificate expires (2026-03-31 → by 2026-02-28).
    let facts = dir.join("equipment.json");
    std::fs::write(
        &facts,
        r#"[{"uscc": "91370283MA5HPBWNX5", "category": "elevator", "inspection_expiry": "2026-03-31"}]"#,
    )
    .unwrap();
    let (code, out, err) = jianguan(&[
        "plugins",
        "duties",
        "--dir",
        s(&dir),
        "--plugin",
        "special_equipment",
        "--as-of",
        "2026-01-15",
        s(&facts),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["id"], "91370283MA5HPBWNX5");
    let request = rows[0]["duties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "periodic-inspection-request")
        .expect("the Art. 40 request duty");
    assert_eq!(
        (request["due"].as_str(), request["overdue"].as_bool()),
        (Some("2026-02-28"), Some(false))
    );
    assert!(
        request["reason"]["citation"]
            .as_str()
            .unwrap()
            .ends_with("第四十条")
    );

    // Substandard food sold for 50,000 CNY (at the figure) and 49,999.99
    // (just under): Criminal Law Art. 149 → Art. 140.
    let cases = dir.join("cases.csv");
    std::fs::write(
        &cases,
        "sales_cny,substandard_food\n50000,true\n49999.99,true\n",
    )
    .unwrap();
    let (code, out, err) = jianguan(&[
        "plugins",
        "assess",
        "--dir",
        s(&dir),
        "--plugin",
        "food",
        s(&cases),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("row 0: refer\n"), "{out}");
    assert!(out.contains("row 1: do_not_refer\n"), "{out}");
}

#[test]
fn a_configuration_for_an_unknown_plugin_is_refused() {
    let dir = folder("config", &["jianguan-food"]);
    let config = dir.join("config.json");
    std::fs::write(&config, r#"{"fod": {}}"#).unwrap();
    let (code, _, err) = jianguan(&["plugins", "list", "--dir", s(&dir), "--config", s(&config)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("plugin configuration names `fod`, but no plugin in"),
        "{err}"
    );
    // A bad figure in a real plugin's configuration: one line, with the cause.
    std::fs::write(&config, r#"{"food": {"no_such_figure": 1}}"#).unwrap();
    let (code, _, err) = jianguan(&["plugins", "list", "--dir", s(&dir), "--config", s(&config)]);
    assert_eq!(code, 1);
    let line = err.lines().next().unwrap();
    assert!(
        line.contains("refused to open with the given configuration")
            && line.contains("no_such_figure"),
        "{err}"
    );
    let (_, _, verbose) = jianguan(&[
        "plugins",
        "list",
        "--dir",
        s(&dir),
        "--config",
        s(&config),
        "--verbose",
    ]);
    assert!(verbose.contains("\n  details:\n"), "{verbose}");
}
