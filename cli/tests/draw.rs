//! `jianguan draw`: a joint draw on a generated county, its verification,
//! a tampered record, and the refusals that must leave nothing written.

mod common;

use std::path::{Path, PathBuf};

use common::draw::{Draw, county, csv_rows, read_json, s, write_json};
use common::{jianguan, scratch};
use serde_json::{Value, json};

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

    // A weight beyond 2^32 − 1 (here above 2^53) is named by entry and
    // field, in words rather than a Rust type.
    let mut heavy = read_json(&roster_json);
    heavy[2]["weight"] = json!(9_007_199_254_740_993u64);
    let heavy_json = dir.join("heavy.json");
    write_json(&heavy_json, &heavy);
    let err = Draw {
        roster: heavy_json,
        out: dir.join("records-heavy"),
        ..Draw::new(&dir)
    }
    .refused();
    assert!(
        err.contains(
            "entry 3, field `weight`: 9007199254740993 is not a whole number from 1 to 4294967295"
        ),
        "{err}"
    );
    assert!(!err.contains("u32"), "{err}");

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

    // Dates are written YYYY-MM-DD exactly (docs/draw-algorithm.md Appendix D).
    let header: Vec<&str> = lines[0].split(',').collect();
    let at = header.iter().position(|h| *h == "registered_on").unwrap();
    let mut cells: Vec<String> = lines[4].split(',').map(String::from).collect();
    // 2019-03-01 as 2019-3-1: the same day, another spelling.
    let ymd: Vec<u32> = cells[at].split('-').map(|p| p.parse().unwrap()).collect();
    cells[at] = format!("{}-{}-{}", ymd[0], ymd[1], ymd[2]);
    assert_ne!(cells[at].len(), 10, "a one-digit month or day in row 4");
    let short = cells.join(",");
    let mut bad = lines.clone();
    bad[4] = &short;
    let mut d = Draw::new(&dir);
    d.roster = dir.join("short-date.csv");
    std::fs::write(&d.roster, bad.join("\n")).unwrap();
    let err = d.refused();
    assert!(
        err.contains("row 4, column registered_on:")
            && err.contains("is not a date written YYYY-MM-DD"),
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
