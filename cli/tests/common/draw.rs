//! Draws on a generated county from the command-line tests: the scratch
//! county, the files of one draw and the helpers that run it.
// Each test binary uses a part of this.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{jianguan, scratch};

pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/plans")
        .join(name)
}

pub fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

pub fn write_json(p: &Path, v: &Value) {
    std::fs::write(p, serde_json::to_string_pretty(v).unwrap()).unwrap();
}

/// A scratch folder holding a generated county of 5,000 entities
/// (`roster generate`: entities.csv, inspectors.csv, …).
pub fn county(name: &str) -> PathBuf {
    let dir = scratch(name);
    let (code, _, err) = jianguan(&[
        "roster",
        "generate",
        "--entities",
        "5000",
        "--out",
        s(&dir.join("county")),
    ]);
    assert_eq!(code, 0, "{err}");
    dir
}

/// The files of one draw; each may be replaced before `run`.
pub struct Draw {
    pub dir: PathBuf,
    pub plan: PathBuf,
    pub roster: PathBuf,
    pub inspectors: PathBuf,
    pub history: Option<PathBuf>,
    pub entropy: PathBuf,
    pub out: PathBuf,
}

impl Draw {
    pub fn new(dir: &Path) -> Self {
        Draw {
            dir: dir.to_path_buf(),
            plan: example("pingdu-joint-2026.json"),
            roster: dir.join("county/entities.csv"),
            inspectors: dir.join("county/inspectors.csv"),
            history: None,
            entropy: example("entropy-pingdu-joint-2026.json"),
            out: dir.join("records"),
        }
    }

    /// The example plan changed by `edit`, written into the scratch folder.
    pub fn plan_with(&mut self, name: &str, edit: impl FnOnce(&mut Value)) {
        let mut plan = read_json(&example("pingdu-joint-2026.json"));
        edit(&mut plan);
        self.plan = self.dir.join(name);
        write_json(&self.plan, &plan);
    }

    pub fn run(&self, json: bool) -> (i32, String, String) {
        let mut args = vec![
            "draw",
            "run",
            "--plan",
            s(&self.plan),
            "--roster",
            s(&self.roster),
            "--inspectors",
            s(&self.inspectors),
            "--entropy",
            s(&self.entropy),
            "--out",
            s(&self.out),
        ];
        if let Some(h) = &self.history {
            args.extend(["--history", s(h)]);
        }
        if json {
            args.push("--json");
        }
        jianguan(&args)
    }

    pub fn verify(&self, record: &Path, json: bool) -> (i32, String, String) {
        let mut args = vec![
            "draw",
            "verify",
            "--record",
            s(record),
            "--roster",
            s(&self.roster),
            "--inspectors",
            s(&self.inspectors),
        ];
        if let Some(h) = &self.history {
            args.extend(["--history", s(h)]);
        }
        if json {
            args.push("--json");
        }
        jianguan(&args)
    }

    /// Runs the draw, which must succeed; returns the JSON summary.
    pub fn ok(&self) -> Value {
        let (code, out, err) = self.run(true);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    }

    /// Runs the draw, which must be refused with nothing written; returns stderr.
    pub fn refused(&self) -> String {
        let (code, out, err) = self.run(false);
        assert_eq!(code, 1, "{out}\n{err}");
        assert!(out.is_empty(), "{out}");
        assert!(
            !self.out.exists(),
            "a refused draw wrote {}",
            self.out.display()
        );
        err
    }
}

pub fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}
