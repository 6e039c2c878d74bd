//! `jianguan draw`: a joint draw on a generated county, its verification,
//! a tampered record, and the refusals that must leave nothing written.

mod common;

use std::path::{Path, PathBuf};

use common::{jianguan, scratch};
use serde_json::{Value, json};

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/plans")
        .join(name)
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn write_json(p: &Path, v: &Value) {
    std::fs::write(p, serde_json::to_string_pretty(v).unwrap()).unwrap();
}

/// A scratch folder holding a generated county of 5,000 entities
/// (`roster generate`: entities.csv, inspectors.csv, …).
fn county(name: &str) -> PathBuf {
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
struct Draw {
    dir: PathBuf,
    plan: PathBuf,
    roster: PathBuf,
    inspectors: PathBuf,
    history: Option<PathBuf>,
    entropy: PathBuf,
    out: PathBuf,
}

impl Draw {
    fn new(dir: &Path) -> Self {
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
    fn plan_with(&mut self, name: &str, edit: impl FnOnce(&mut Value)) {
        let mut plan = read_json(&example("pingdu-joint-2026.json"));
        edit(&mut plan);
        self.plan = self.dir.join(name);
        write_json(&self.plan, &plan);
    }

    fn run(&self, json: bool) -> (i32, String, String) {
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

    fn verify(&self, record: &Path, json: bool) -> (i32, String, String) {
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
    fn ok(&self) -> Value {
        let (code, out, err) = self.run(true);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    }

    /// Runs the draw, which must be refused with nothing written; returns stderr.
    fn refused(&self) -> String {
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

fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// A joint plan (market regulation's food items F-04/F-07 directed by
/// industry, emergency management's E-07/E-13) on a generated county with
/// one recent inspection in the history: the record is written under its
/// digest, verifies, and a record with one selected code changed does not.
#[test]
fn joint_county_draw_verifies_and_a_tampered_record_fails() {
    let dir = county("joint");
    let mut d = Draw::new(&dir);
    // An operating class-B restaurant checked on F-04 by the county six weeks
    // before as_of: the repeat window (SAMR Order 49 Art. 42) spares it.
    let (header, rows) = csv_rows(&d.roster);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let spared = rows
        .iter()
        .find(|r| {
            r[col("status")] == "operating"
                && r[col("credit_class")] == "B"
                && r[col("industries")].split(';').any(|i| i == "catering")
        })
        .expect("a class-B restaurant")[col("uscc")]
    .clone();
    let history = dir.join("history.csv");
    std::fs::write(
        &history,
        format!(
            "uscc,date,department,level,items\n{spared},2026-10-15,market_regulation,county,F-04;G-01\n"
        ),
    )
    .unwrap();
    d.history = Some(history);

    let summary = d.ok();
    let digest = summary["digest"].as_str().unwrap().to_string();
    let record_path = PathBuf::from(summary["record"].as_str().unwrap());
    assert_eq!(record_path, d.out.join(format!("{digest}.json")));
    let bytes = std::fs::read(&record_path).unwrap();
    assert_eq!(
        jianguan::sampling::prf::hex(&jianguan::sampling::prf::sha256(&bytes)),
        digest,
        "the file is the canonical JSON its name is the digest of"
    );
    let entries: Vec<_> = std::fs::read_dir(&d.out).unwrap().collect();
    assert_eq!(entries.len(), 1, "no temporary file is left behind");

    assert_eq!(summary["plan"], "平市监随机〔2026〕15号");
    let tasks = summary["tasks"].as_array().unwrap();
    assert_eq!(tasks[0]["department"], "market_regulation");
    assert_eq!(tasks[0]["items"], json!(["F-04", "F-07"]));
    assert_eq!(tasks[1]["department"], "emergency_management");
    assert_eq!(tasks[0]["excluded"]["recently_inspected"], 1);
    assert!(tasks[0]["excluded"]["undisturbed_class"].as_u64().unwrap() > 0);
    for t in tasks {
        assert!(t["population"].as_u64().unwrap() > 0, "{t}");
        assert!(t["selected"].as_u64().unwrap() > 0, "{t}");
        // Strata B, C, D, each a normal and a reduced part.
        assert_eq!(t["strata"].as_array().unwrap().len(), 6, "{t}");
    }
    let record = read_json(&record_path);
    let visits = record["visits"].as_array().unwrap();
    assert_eq!(summary["visits"], visits.len());
    for v in visits {
        let depts = v["departments"].as_array().unwrap();
        let teams = v["inspectors"].as_array().unwrap();
        assert_eq!(teams.len(), depts.len(), "{v}");
        for t in teams {
            assert_eq!(t["inspectors"].as_array().unwrap().len(), 2, "{v}");
        }
    }
    let selected = |t: usize| -> Vec<String> {
        record["tasks"][t]["strata"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["selected"].as_array().unwrap())
            .map(|c| c.as_str().unwrap().to_string())
            .collect()
    };
    assert!(!selected(0).contains(&spared));
    // One visit per entity drawn by either task; an entity drawn by both is
    // one joint visit for both departments (进一次门、查多项事).
    let (food, safety) = (selected(0), selected(1));
    let both: Vec<&String> = food.iter().filter(|c| safety.contains(c)).collect();
    assert_eq!(visits.len(), food.len() + safety.len() - both.len());
    assert_eq!(summary["joint_visits"], both.len());
    for v in visits {
        let joint = both.iter().any(|c| **c == v["uscc"]);
        assert_eq!(
            v["departments"].as_array().unwrap().len(),
            1 + usize::from(joint),
            "{v}"
        );
    }

    let (code, out, err) = d.verify(&record_path, false);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("verified"), "{out}");
    assert!(out.contains(&digest), "{out}");
    let (code, out, err) = d.verify(&record_path, true);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["verified"],
        true
    );

    // Without the history the spared restaurant is back in the pool: the
    // history digest differs, and verification says so first.
    let no_history = Draw {
        history: None,
        ..Draw::new(&dir)
    };
    let (code, _, err) = no_history.verify(&record_path, false);
    assert_eq!(code, 1);
    assert!(
        err.contains("verification failed at `digests.history`"),
        "{err}"
    );

    // Swap the first selected entity of task 0 for an unselected one.
    let chosen = selected(0);
    let other = rows
        .iter()
        .map(|r| r[col("uscc")].clone())
        .find(|c| !chosen.contains(c))
        .unwrap();
    let mut tampered = record.clone();
    tampered["tasks"][0]["strata"][0]["selected"][0] = json!(other);
    let tampered_path = dir.join("tampered.json");
    write_json(&tampered_path, &tampered);
    let (code, out, err) = d.verify(&tampered_path, false);
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("verification failed at `tasks[0].strata[0].selected[0]`")
            && err.contains(&other),
        "{err}"
    );
    let (code, out, _) = d.verify(&tampered_path, true);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["verified"], false);
    assert_eq!(v["path"], "tasks[0].strata[0].selected[0]");

    let bad = dir.join("not-a-record.json");
    std::fs::write(&bad, "{\"format\": \"jianguan-draw-record/1\"}").unwrap();
    let (code, _, err) = d.verify(&bad, false);
    assert_eq!(code, 1);
    assert!(err.contains("is not a draw record"), "{err}");

    std::fs::remove_dir_all(dir).unwrap();
}

/// The county files, a minimal CSV (required columns only, reordered) and
/// JSON arrays of the SDK's objects are the same rosters: same record.
#[test]
fn county_csv_minimal_csv_and_json_rosters_give_the_same_record() {
    let dir = county("forms");
    let d = Draw::new(&dir);
    let first = d.ok();
    // The summary's joint visits are the entities both tasks drew.
    let record = read_json(Path::new(first["record"].as_str().unwrap()));
    let both = record["visits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["departments"].as_array().unwrap().len() == 2)
        .count();
    assert_eq!(first["joint_visits"], both, "{first}");

    let (header, rows) = csv_rows(&d.roster);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut minimal =
        String::from("credit_class,registered_on,uscc,status,region,industries,last_penalty_on\n");
    let mut entries = Vec::new();
    let mut weighted_csv = String::from("uscc,region,status,credit_class,registered_on,weight\n");
    let mut weighted_json = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let f = |n: &str| r[col(n)].as_str();
        let weight = 1 + i % 4;
        weighted_csv.push_str(&format!(
            "{},{},{},{},{},{weight}\n",
            f("uscc"),
            f("region"),
            f("status"),
            f("credit_class"),
            f("registered_on")
        ));
        weighted_json.push(json!({
            "uscc": f("uscc"), "region": f("region"), "status": f("status"),
            "credit_class": f("credit_class"), "registered_on": f("registered_on"),
            "weight": weight,
        }));
        minimal.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            f("credit_class"),
            f("registered_on"),
            f("uscc"),
            f("status"),
            f("region"),
            f("industries"),
            f("last_penalty_on")
        ));
        let industries: Vec<&str> = f("industries")
            .split(';')
            .filter(|i| !i.is_empty())
            .collect();
        entries.push(json!({
            "uscc": f("uscc"), "region": f("region"), "industries": industries,
            "status": f("status"), "credit_class": f("credit_class"),
            "registered_on": f("registered_on"),
            "last_penalty_on": if f("last_penalty_on").is_empty() { Value::Null } else { json!(f("last_penalty_on")) },
            "weight": 1,
        }));
    }
    let (iheader, irows) = csv_rows(&d.inspectors);
    let icol = |name: &str| iheader.iter().position(|h| h == name).unwrap();
    let inspectors: Vec<Value> = irows
        .iter()
        .map(|r| {
            let quals: Vec<&str> = r[icol("qualifications")]
                .split(';')
                .filter(|q| !q.is_empty())
                .collect();
            json!({
                "id": r[icol("id")], "name": r[icol("name")],
                "department": r[icol("department")], "team": r[icol("team")],
                "qualifications": quals, "status": r[icol("status")],
                "conflicts": r[icol("conflicts")].split(';').filter(|c| !c.is_empty()).collect::<Vec<_>>(),
            })
        })
        .collect();

    let min_csv = dir.join("minimal.csv");
    std::fs::write(&min_csv, minimal).unwrap();
    let roster_json = dir.join("roster.json");
    write_json(&roster_json, &Value::Array(entries));
    let inspectors_json = dir.join("inspectors.json");
    write_json(&inspectors_json, &Value::Array(inspectors));

    let forms = [(&min_csv, &d.inspectors), (&roster_json, &inspectors_json)];
    for (n, (roster, inspectors)) in forms.into_iter().enumerate() {
        let other = Draw {
            roster: roster.clone(),
            inspectors: inspectors.clone(),
            out: dir.join(format!("records-{n}")),
            ..Draw::new(&dir)
        };
        let summary = other.ok();
        assert_eq!(summary["digest"], first["digest"], "{}", roster.display());
        assert_eq!(summary["digests"], first["digests"]);
    }

    // Weights 1–4 from a `weight` column and from JSON give the same
    // risk-weighted undirected draw (no industries in these rosters); a
    // weight the CSV reader dropped would change the target digest.
    let weighted = [dir.join("weighted.csv"), dir.join("weighted.json")];
    std::fs::write(&weighted[0], weighted_csv).unwrap();
    write_json(&weighted[1], &Value::Array(weighted_json));
    let mut digests = Vec::new();
    for (n, roster) in weighted.iter().enumerate() {
        let mut other = Draw {
            roster: roster.clone(),
            out: dir.join(format!("weighted-{n}")),
            ..Draw::new(&dir)
        };
        other.plan_with("weighted-plan.json", |p| {
            p["tasks"] = json!([p["tasks"][0].clone()]);
            let task = &mut p["tasks"][0];
            task["weighted"] = json!(true);
            task["direction"] = json!("undirected");
            task["items"] = json!(["G-01"]);
            task["filter"] = json!({});
        });
        let summary = other.ok();
        assert!(summary["visits"].as_u64().unwrap() > 0, "{summary}");
        digests.push(summary["digest"].clone());
    }
    assert_eq!(digests[0], digests[1]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_record_is_never_overwritten() {
    let dir = county("twice");
    let d = Draw::new(&dir);
    let (code, out, err) = d.run(false);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("visits: "), "{out}");
    assert!(out.contains("wrote "), "{out}");
    let file = std::fs::read_dir(&d.out)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let before = std::fs::read(&file).unwrap();
    let (code, _, err) = d.run(false);
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(std::fs::read_dir(&d.out).unwrap().count(), 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn refusals_name_the_problem_and_write_nothing() {
    let dir = county("refusals");

    let mut d = Draw::new(&dir);
    d.plan_with("unknown-item.json", |p| {
        p["tasks"][0]["items"][1] = json!("F-99")
    });
    let err = d.refused();
    assert!(
        err.contains("tasks[0]: item \"F-99\" is not in the catalog"),
        "{err}"
    );

    let mut d = Draw::new(&dir);
    d.plan_with("not-random.json", |p| {
        p["tasks"][1]["items"][1] = json!("E-20")
    });
    let err = d.refused();
    assert!(
        err.contains("is not on the random-inspection list"),
        "{err}"
    );

    let mut d = Draw::new(&dir);
    d.plan_with("ratio.json", |p| {
        p["tasks"][0]["strata"][0]["size"] = json!({"ratio": "1.5"});
    });
    let err = d.refused();
    assert!(err.contains("\"1.5\" is outside 0–1"), "{err}");

    let mut d = Draw::new(&dir);
    let mut entropy = read_json(&d.entropy);
    entropy.as_array_mut().unwrap().reverse();
    d.entropy = dir.join("entropy-reversed.json");
    write_json(&d.entropy, &entropy);
    let err = d.refused();
    assert!(
        err.contains("entropy value 0: the plan fixed \"中国福利彩票双色球 2026138期 开奖号码\""),
        "{err}"
    );

    let county_csv = std::fs::read_to_string(dir.join("county/entities.csv")).unwrap();
    let lines: Vec<&str> = county_csv.lines().collect();

    let mut d = Draw::new(&dir);
    let mut bad = lines.clone();
    let broken = format!("{}X{}", &lines[2][..17], &lines[2][18..]);
    bad[2] = &broken;
    d.roster = dir.join("bad-uscc.csv");
    std::fs::write(&d.roster, bad.join("\n")).unwrap();
    let err = d.refused();
    assert!(
        err.contains("bad-uscc.csv, row 2, column uscc: unified social credit code"),
        "{err}"
    );

    let mut d = Draw::new(&dir);
    let mut dup = lines.clone();
    dup.push(lines[1]);
    d.roster = dir.join("duplicate.csv");
    std::fs::write(&d.roster, dup.join("\n")).unwrap();
    let err = d.refused();
    let code = &lines[1][..18];
    assert!(
        err.contains(&format!(
            "target roster lists {code} more than once (rows 1, {})",
            lines.len()
        )),
        "{err}"
    );

    let mut d = Draw::new(&dir);
    let mut bad = lines.clone();
    let broken =
        lines[3]
            .replacen(",operating,", ",open,", 1)
            .replacen(",deregistered,", ",open,", 1);
    bad[3] = &broken;
    d.roster = dir.join("bad-status.csv");
    std::fs::write(&d.roster, bad.join("\n")).unwrap();
    let err = d.refused();
    assert!(
        err.contains("row 3, column status: unknown variant `open`"),
        "{err}"
    );

    // Emergency management has three inspectors in this county.
    let mut d = Draw::new(&dir);
    d.plan_with("too-few.json", |p| {
        p["inspectors"]["per_department"] = json!(5)
    });
    let err = d.refused();
    assert!(err.contains("needs 5 inspectors but only"), "{err}");

    std::fs::remove_dir_all(dir).unwrap();
}

/// A redraw names the record it replaces, which must be in the records
/// folder; the replaced record stays.
#[test]
fn a_redraw_needs_the_record_it_replaces() {
    let dir = county("redraw");
    let absent = "0".repeat(64);
    let mut d = Draw::new(&dir);
    d.plan_with("redraw-absent.json", |p| {
        p["replaces"] = json!({"record": absent, "reason": "抽中对象已注销"});
    });
    let err = d.refused();
    assert!(err.contains("the record it replaces is not in"), "{err}");

    let first = Draw::new(&dir).ok();
    let old = first["digest"].as_str().unwrap().to_string();
    let mut d = Draw::new(&dir);
    d.plan_with("redraw.json", |p| {
        p["id"] = json!("平市监随机〔2026〕15号-重抽");
        p["replaces"] = json!({"record": old, "reason": "开奖号码录入有误，经公告后重新抽取"});
    });
    let second = d.ok();
    let new = second["digest"].as_str().unwrap();
    assert_ne!(new, old);
    assert_eq!(second["replaces"]["record"], old.as_str());
    assert!(d.out.join(format!("{old}.json")).is_file());
    assert!(d.out.join(format!("{new}.json")).is_file());
    let record = read_json(&d.out.join(format!("{new}.json")));
    assert_eq!(record["plan"]["replaces"]["record"], old.as_str());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bench_roster_writes_the_uniform_roster() {
    let dir = scratch("bench");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bench.csv");
    let (code, _, err) = jianguan(&["draw", "bench-roster", "--rows", "500", "--out", s(&file)]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&file).unwrap();
    let expected: String = std::iter::once("uscc,credit_class".to_string())
        .chain(
            jianguan_synth::uniform_roster(500)
                .into_iter()
                .map(|e| format!("{},{}", e.uscc, e.credit_class)),
        )
        .map(|l| l + "\n")
        .collect();
    assert_eq!(text, expected);
    let (code, _, err) = jianguan(&[
        "draw",
        "bench-roster",
        "--rows",
        "27512614112",
        "--out",
        s(&file),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("at most 31^7"), "{err}");
    let (_, help, _) = jianguan(&["draw", "bench-roster", "--help"]);
    assert!(help.contains("Benchmarks only"), "{help}");
    std::fs::remove_dir_all(dir).unwrap();
}

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
