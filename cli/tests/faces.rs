//! The architecture of the faces: the C API (`ffi/src`), the Python
//! bindings (`python/src`) and the command (`cli/src`) reach the SDK through
//! the `Supervisor` facade only, and docs/parity.md lists every facade
//! method with what offers it in each face.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The SDK paths a face may name: the facade and the crate-root items it
/// re-exports. Everything else of the SDK is an engine module.
const ALLOWED: [&str; 4] = ["supervisor", "Error", "ErrorKind", "NaiveDate"];

/// Every use of an SDK path in `text` (the crate is `jianguan`, or `sdk`
/// as the bindings rename it) that is not the facade: `(line, path)`.
/// Comment lines are skipped; a grouped `use jianguan::{…}` is refused,
/// since what it names is not checked.
fn engine_paths(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for crate_name in ["jianguan::", "sdk::"] {
            let mut rest = line;
            while let Some(at) = rest.find(crate_name) {
                let before = rest[..at].chars().last();
                let after = &rest[at + crate_name.len()..];
                rest = after;
                // `jianguan_synth::` or `my_sdk::` are other crates.
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let segment: String = if after.starts_with('{') {
                    "{".into()
                } else {
                    after
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect()
                };
                if !ALLOWED.contains(&segment.as_str()) {
                    found.push((n + 1, format!("{crate_name}{segment}")));
                }
            }
        }
    }
    found
}

#[test]
fn the_path_check_finds_engine_paths_and_lets_the_facade_through() {
    let text = "use sdk::supervisor::draw::Plan;\nuse jianguan::sampling::draw;\n\
                // jianguan::catalog in a comment\nlet e: sdk::Error = x; use jianguan::{a, b};\n\
                use jianguan_synth::county;";
    assert_eq!(
        engine_paths(text),
        [
            (2, "jianguan::sampling".to_string()),
            (4, "jianguan::{".to_string())
        ]
    );
}

/// One door: no face names an engine module of the SDK.
#[test]
fn every_face_reaches_the_sdk_through_the_facade_only() {
    let mut files = Vec::new();
    for face in ["ffi/src", "python/src", "cli/src"] {
        rust_files(&root().join(face), &mut files);
    }
    assert!(files.len() > 20, "only {} face files found", files.len());
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source");
        for (line, path) in engine_paths(&text) {
            offences.push(format!("{}:{line}: {path}", file.display()));
        }
    }
    assert!(
        offences.is_empty(),
        "faces must use jianguan::supervisor::… only:\n{}",
        offences.join("\n")
    );
}

/// The facade's public methods, as `Supervisor::name` and
/// `SupervisorBuilder::name`, read from sdk/src/supervisor/.
fn facade_methods() -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root().join("sdk/src/supervisor"), &mut files);
    let mut methods = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        let mut owner: Option<&str> = None;
        for line in text.lines() {
            if line.starts_with("impl") {
                owner = if line.starts_with("impl Supervisor {") {
                    Some("Supervisor")
                } else if line.starts_with("impl SupervisorBuilder {") {
                    Some("SupervisorBuilder")
                } else {
                    None
                };
            } else if line == "}" {
                owner = None;
            } else if let (Some(owner), Some(rest)) = (owner, line.strip_prefix("    pub fn ")) {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                methods.push(format!("{owner}::{name}"));
            }
        }
    }
    methods.sort();
    methods
}

/// The rows of docs/parity.md: (method, C, Python, command).
fn parity_rows() -> Vec<[String; 4]> {
    let text = std::fs::read_to_string(root().join("docs/parity.md")).expect("docs/parity.md");
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<String> = l.split('|').map(|c| c.trim().to_string()).collect();
            assert_eq!(cells.len(), 6, "a row of four cells: {l}");
            [
                cells[1].clone(),
                cells[2].clone(),
                cells[3].clone(),
                cells[4].clone(),
            ]
        })
        .collect()
}

/// The code spans of a cell, or `None` when it says "not offered: why".
fn offered(cell: &str, what: &str) -> Option<Vec<String>> {
    if let Some(why) = cell.strip_prefix("not offered:") {
        assert!(why.trim().len() > 10, "{what}: say why it is not offered");
        return None;
    }
    let spans: Vec<String> = cell
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    assert!(
        !spans.is_empty(),
        "{what}: neither a name nor `not offered: why`"
    );
    Some(spans)
}

fn python_sources() -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(root().join("python/jianguan")).expect("python/jianguan") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "py" || e == "pyi") {
            text.push_str(&std::fs::read_to_string(&path).expect("source"));
            text.push('\n');
        }
    }
    text
}

/// docs/parity.md has one row per facade method, and every name it gives
/// exists: the C function in include/jianguan.h, the Python method,
/// property, argument or function in python/jianguan, the command (its
/// `--help` succeeds and shows the option).
#[test]
fn the_parity_table_covers_every_facade_method_in_every_face() {
    let rows = parity_rows();
    let mut documented: Vec<String> = rows
        .iter()
        .map(|r| r[0].trim_matches('`').to_string())
        .collect();
    documented.sort();
    assert_eq!(
        documented,
        facade_methods(),
        "docs/parity.md rows against the facade"
    );

    let header = std::fs::read_to_string(root().join("include/jianguan.h")).expect("header");
    let python = python_sources();
    let init = std::fs::read_to_string(root().join("python/jianguan/__init__.py")).expect("init");
    for [method, c, py, command] in &rows {
        for f in offered(c, &format!("{method}, C")).unwrap_or_default() {
            assert!(
                header.contains(&format!(" {f}(")),
                "{method}: {f} is not in include/jianguan.h"
            );
        }
        for name in offered(py, &format!("{method}, Python")).unwrap_or_default() {
            let found = if let Some(arg) = name
                .strip_prefix("Supervisor(")
                .and_then(|a| a.strip_suffix("=)"))
            {
                python.contains(&format!("        {arg}: "))
            } else if let Some(m) = name.strip_prefix("Supervisor.") {
                python.contains(&format!("    def {m}("))
            } else if let Some(f) = name.strip_prefix("jianguan.") {
                init.contains(&format!("\ndef {f}("))
            } else {
                panic!(
                    "{method}: Python name {name} is not Supervisor.x, Supervisor(x=) or jianguan.x"
                )
            };
            assert!(found, "{method}: {name} is not in python/jianguan");
        }
        for line in offered(command, &format!("{method}, command")).unwrap_or_default() {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(words[0], "jianguan", "{method}: {line}");
            let (path, option): (Vec<&str>, Vec<&str>) =
                words[1..].iter().partition(|w| !w.starts_with("--"));
            let out = Command::new(env!("CARGO_BIN_EXE_jianguan"))
                .args(&path)
                .arg("--help")
                .output()
                .expect("run jianguan");
            let help = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "{method}: `{line} --help` failed");
            for o in option {
                assert!(help.contains(o), "{method}: `{line}`: no {o} in its help");
            }
        }
    }
}
