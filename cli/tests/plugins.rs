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
            && lines[0].contains("was built for plugin contract 2.0.0, this host implements 1.0.0"),
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
        err.contains("row 0, fact `colour`: not a fact of this operation (facts: value)"),
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
    assert!(err.contains("no plugin is loaded for `food`"), "{err}");
}
