//! The inputs of the draw test vectors in tests/vectors/draw/: small,
//! deterministic rosters that exercise every rule of docs/draw-algorithm.md.

// Shared by several test binaries; each uses a different part.
#![allow(dead_code)]

use jianguan::NaiveDate;
use jianguan::entity::{EntityStatus, Industry, RegionCode, Uscc};
use jianguan::sampling::{
    EntropyValue, Inspector, InspectorStatus, Level, PastInspection, Plan, RosterEntry,
};
use jianguan_synth::mix64;

/// Everything a draw takes: the SDK's own request shape.
pub use jianguan::sampling::DrawInputs as Inputs;

pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

pub fn code(i: u64, kind: &str) -> Uscc {
    Uscc::with_check_character(&format!("{kind}370283MA{:07}", i * 7919 % 10_000_000))
        .expect("valid pattern")
}

/// `n` entities of Pingdu and Qingdao's other districts, classes, lines,
/// registration and penalty dates spread by a hash of the index.
pub fn roster(n: u64) -> Vec<RosterEntry> {
    let lines = [
        vec![Industry::Catering],
        vec![Industry::FoodSales],
        vec![Industry::FoodSales, Industry::Catering],
        vec![Industry::DrugRetail],
        vec![],
    ];
    (0..n)
        .map(|i| {
            let h = mix64(i + 0x5eed);
            let class = ["A", "B", "B", "C", "C", "D"][(h % 6) as usize];
            let registered =
                ["2015-05-20", "2021-03-01", "2024-07-15", "2023-11-28"][(h >> 8) as usize % 4];
            let penalty = [
                None,
                None,
                Some("2025-02-10"),
                Some("2023-11-28"),
                Some("2023-11-29"),
            ][(h >> 16) as usize % 5];
            RosterEntry {
                uscc: code(i, if h >> 40 & 3 == 0 { "92" } else { "91" }),
                region: RegionCode::parse(if h >> 24 & 7 == 0 { "370281" } else { "370283" })
                    .expect("region"),
                industries: lines[(h >> 32) as usize % lines.len()].clone(),
                status: if h >> 44 & 15 == 0 {
                    EntityStatus::Closed
                } else {
                    EntityStatus::Operating
                },
                credit_class: class.into(),
                registered_on: day(registered),
                last_penalty_on: penalty.map(day),
                weight: 1 + (h >> 50) as u32 % 5,
            }
        })
        .collect()
}

pub fn inspector(id: &str, department: &str, team: &str, quals: &[&str]) -> Inspector {
    Inspector {
        id: id.into(),
        name: format!("检查员{id}"),
        department: department.into(),
        team: team.into(),
        qualifications: quals.iter().map(|q| q.to_string()).collect(),
        status: InspectorStatus::Active,
        workload_cap: None,
        conflicts: vec![],
    }
}

pub fn inspectors(roster: &[RosterEntry]) -> Vec<Inspector> {
    let mut out = Vec::new();
    for n in 0..8 {
        let team = ["凤台所", "李园所", "同和所"][n % 3];
        let quals: &[&str] = if n % 4 == 3 {
            &["drug_retail"]
        } else {
            &["catering", "food_sales"]
        };
        out.push(inspector(
            &format!("370283-MR-{n:04}"),
            "market_regulation",
            team,
            quals,
        ));
    }
    for n in 0..4 {
        out.push(inspector(
            &format!("370283-HE-{n:04}"),
            "health",
            ["卫生监督所", "疾控科"][n % 2],
            &[],
        ));
    }
    out[1].status = InspectorStatus::OnLeave;
    out[2].workload_cap = Some(3);
    // Conflicts of interest (回避): two inspectors with a handful of entities.
    out[0].conflicts = roster.iter().step_by(5).map(|e| e.uscc).collect();
    out[9].conflicts = roster.iter().skip(2).step_by(7).map(|e| e.uscc).collect();
    out
}

pub fn history(roster: &[RosterEntry]) -> Vec<PastInspection> {
    let mut out = Vec::new();
    for (n, e) in roster.iter().enumerate().filter(|(n, _)| n % 6 == 1) {
        let (date, level, items): (&str, Level, &[&str]) = match (n / 6) % 4 {
            0 => ("2026-10-15", Level::County, &["F-04"]),
            1 => ("2026-08-28", Level::City, &["F-07", "G-01"]),
            2 => ("2026-09-01", Level::County, &["F-04"]),
            _ => ("2026-03-02", Level::Province, &["J-01"]),
        };
        out.push(PastInspection {
            uscc: e.uscc,
            date: day(date),
            department: "market_regulation".into(),
            level,
            items: items.iter().map(|s| s.to_string()).collect(),
        });
        if n % 3 == 1 {
            out.push(PastInspection {
                uscc: e.uscc,
                date: day("2026-02-14"),
                department: "market_regulation".into(),
                level: Level::County,
                items: vec!["G-09".into()],
            });
        }
    }
    out
}

pub fn entropy(plan: &Plan, values: &[&str]) -> Vec<EntropyValue> {
    plan.entropy
        .iter()
        .zip(values)
        .map(|(l, v)| EntropyValue {
            label: l.clone(),
            value: v.to_string(),
        })
        .collect()
}

/// A joint plan (部门联合抽查): market regulation's food task and the health
/// department's supermarket task, with every proportionality rule on.
pub const JOINT_PLAN: &str = r#"{
  "id": "平市监随机〔2026〕12号", "title": "2026年第四批部门联合双随机抽查", "level": "county",
  "as_of": "2026-11-28", "period": ["2026-12-01", "2026-12-31"],
  "entropy": ["中国福利彩票双色球 2026137期 开奖号码", "中国体育彩票排列5 26320期 开奖号码"],
  "tasks": [
    { "department": "market_regulation", "kind": "routine",
      "items": [{"code": "F-04", "industry": "catering", "domain": null, "category": "general"},
                {"code": "F-07", "industry": "food_sales", "domain": null, "category": "key"}],
      "direction": "directed", "filter": {"industries": ["catering", "food_sales"], "regions": ["370283"]},
      "strata": [{"class": "B", "size": {"ratio": "0.2"}}, {"class": "C", "size": {"ratio": "0.3"}},
                 {"class": "D", "size": {"count": 4}}] },
    { "department": "health", "kind": "routine",
      "items": [{"code": "J-01", "industry": null, "domain": null, "category": "unknown"}],
      "direction": "directed", "filter": {"industries": ["food_sales"], "statuses": ["operating", "closed"]},
      "strata": [{"class": "C", "size": {"count": 3}}, {"class": "D", "size": {"ratio": "0.5"}}],
      "rules": {"penalty_free": null, "yearly_cap": null} }
  ],
  "inspectors": {"per_department": 2, "distinct_teams": true, "workload_cap": 6}
}"#;

/// A risk-weighted undirected publicity task that also draws class A.
pub const WEIGHTED_PLAN: &str = r#"{
  "id": "平市监公示〔2026〕3号", "title": "2026年企业公示信息加权抽查", "level": "county",
  "as_of": "2026-11-28", "period": ["2026-12-01", "2026-12-20"],
  "entropy": ["NIST Randomness Beacon 2.0 pulse 1500000"],
  "tasks": [
    { "department": "market_regulation", "kind": "publicity",
      "items": [{"code": "G-09", "industry": null, "domain": null, "category": "general"}],
      "direction": "undirected",
      "strata": [{"class": "A", "size": {"ratio": "0.05"}}, {"class": "B", "size": {"count": 5}},
                 {"class": "C", "size": {"ratio": "0.25"}}, {"class": "D", "size": {"ratio": "1"}}],
      "rules": {"draw_undisturbed": true, "penalty_free": {"years": 3, "factor": "0.4"},
                "repeat_window_months": null, "yearly_cap": 1},
      "weighted": true }
  ]
}"#;

pub fn plan(json: &str) -> Plan {
    let mut p: Plan = serde_json::from_str(json).expect("plan");
    p.resolve(None).expect("valid plan");
    p
}

/// A city-level plan on 31 May: the repeat window's month-end clamp
/// (2026-02-28), lower-level and other-department history, a yearly cap of
/// one, count strata split at factor 0.9 (B: 8 × 0.9 / 11.9 = 0.605 rounds to 1), a domain-only item, three
/// inspectors per department, and control characters in the title.
pub const EDGE_PLAN: &str = "{
  \"id\": \"青市监随机〔2026〕5号\", \"title\": \"市级抽查\\t(标题含控制字符\\u007f与\\u0001)\", \"level\": \"city\",
  \"as_of\": \"2026-05-31\", \"period\": [\"2026-06-01\", \"2026-06-30\"],
  \"entropy\": [\"上海证券交易所 2026-05-29 上证指数收盘点位\"],
  \"tasks\": [
    { \"department\": \"market_regulation\", \"kind\": \"routine\",
      \"items\": [{\"code\": \"F-04\", \"industry\": \"catering\", \"domain\": null, \"category\": \"general\"}],
      \"direction\": \"directed\", \"filter\": {\"industries\": [\"catering\"]},
      \"strata\": [{\"class\": \"B\", \"size\": {\"count\": 8}}, {\"class\": \"C\", \"size\": {\"count\": 3}},
                 {\"class\": \"D\", \"size\": {\"ratio\": \"0.5\"}}],
      \"rules\": {\"yearly_cap\": 1, \"penalty_free\": {\"years\": 3, \"factor\": \"0.9\"}} },
    { \"department\": \"emergency_management\", \"kind\": \"routine\",
      \"items\": [{\"code\": \"E-12\", \"industry\": null, \"domain\": \"hazardous_chemicals\", \"category\": \"unknown\"}],
      \"direction\": \"undirected\",
      \"strata\": [{\"class\": \"C\", \"size\": {\"ratio\": \"0.1\"}}, {\"class\": \"D\", \"size\": {\"ratio\": \"0.2\"}}] }
  ],
  \"inspectors\": {\"per_department\": 3, \"distinct_teams\": false, \"workload_cap\": null}
}";

pub fn edge_inputs() -> Inputs {
    let plan = plan(EDGE_PLAN);
    let roster = roster(90);
    let catering: Vec<&RosterEntry> = roster
        .iter()
        .filter(|e| e.industries.contains(&Industry::Catering) && e.credit_class != "A")
        .collect();
    let past = |e: &RosterEntry, date: &str, department: &str, level: Level, items: &[&str]| {
        PastInspection {
            uscc: e.uscc,
            date: day(date),
            department: department.into(),
            level,
            items: items.iter().map(|s| s.to_string()).collect(),
        }
    };
    let history = vec![
        // Within the window, same level: skipped.
        past(
            catering[0],
            "2026-03-01",
            "market_regulation",
            Level::City,
            &["F-04"],
        ),
        // On the window's first excluded day (31 May − 3 months = 28 Feb):
        // not recent, but it is this year's one inspection by the department.
        past(
            catering[1],
            "2026-02-28",
            "market_regulation",
            Level::Province,
            &["F-04", "G-01"],
        ),
        // Lower level and another department: neither rule applies.
        past(
            catering[2],
            "2026-04-01",
            "health",
            Level::County,
            &["F-04"],
        ),
        // Another department at the same level on the same item: recent.
        past(
            catering[3],
            "2026-05-20",
            "health",
            Level::City,
            &["G-02", "F-04"],
        ),
        // Last year: counts for nothing.
        past(
            catering[4],
            "2025-12-20",
            "market_regulation",
            Level::City,
            &["F-04"],
        ),
        // After as_of: ignored.
        past(
            catering[5],
            "2026-06-02",
            "market_regulation",
            Level::City,
            &["F-04"],
        ),
    ];
    let mut inspectors = inspectors(&roster);
    for n in 0..6 {
        let quals: &[&str] = match n % 3 {
            0 => &["hazardous_chemical_trade"],
            1 => &["E-12"],
            _ => &["catering"],
        };
        inspectors.push(inspector(
            &format!("370200-EM-{n:04}"),
            "emergency_management",
            "危化科",
            quals,
        ));
    }
    Inputs {
        entropy: entropy(&plan, &["3391.27"]),
        plan,
        roster,
        history,
        inspectors,
    }
}

/// The points docs/draw-algorithm.md settles for `jianguan-draw/1`, in one
/// draw: filter lists unsorted and repeated (kept as given), an upper-case
/// `replaces.record` (kept as given), `penalty_free.factor` 0 beside a
/// count stratum (the reduced part fills what the normal part lacks), the
/// `region` field rather than the code's characters 3–8, identical history
/// entries (one detail piece each) and repeated history items, a yearly
/// cap counting other levels' and items' checks, a domain-only item,
/// qualifications naming a domain (they qualify for nothing), repeated
/// qualifications and conflicts, and repeated business lines on an entity
/// (one line in the roster digest). Its items are the catalog's, as
/// resolved, so the faces (which look items up) draw the same record.
pub fn settled_inputs() -> Inputs {
    let c = |i: u64| code(1000 + i, "91").to_string();
    let entity = |i: u64, region: &str, class: &str, lines: &[&str], registered: &str| {
        serde_json::json!({
            "uscc": c(i), "region": region, "industries": lines, "status": "operating",
            "credit_class": class, "registered_on": registered, "last_penalty_on": null, "weight": 1
        })
    };
    let old = "2015-01-01";
    let new = "2025-01-01";
    let mut roster = serde_json::json!([
        // Normal part of B: two entities (registered recently).
        entity(0, "370283", "B", &["catering", "catering"], new),
        entity(1, "370281", "B", &["catering"], new),
        // Reduced part of B (penalty-free for three years).
        entity(2, "370283", "B", &["food_sales"], old),
        entity(3, "370283", "B", &["catering"], old),
        entity(4, "370283", "B", &["catering"], old),
        // Outside the region filter by its field, though its code says 370283.
        entity(5, "370211", "B", &["catering"], new),
        // Excluded: class A (undisturbed), class D (no stratum).
        entity(6, "370283", "A", &["catering"], new),
        entity(7, "370283", "D", &["catering"], new),
        // Excluded by history: twice the same check; the yearly cap.
        entity(8, "370283", "C", &["catering"], new),
        entity(9, "370283", "C", &["catering"], new),
        // Eligible in C; a check by another department does not count.
        entity(10, "370283", "C", &["catering"], new),
        entity(11, "370283", "C", &["food_sales"], new),
    ]);
    // A penalty after the cut: not penalty-free (and not every
    // `last_penalty_on` null, which a frame would type as no dates at all).
    roster[11]["last_penalty_on"] = "2025-06-01".into();
    let history = serde_json::json!([
        {"uscc": c(8), "date": "2026-05-10", "department": "market_regulation", "level": "county", "items": ["F-04", "F-04"]},
        {"uscc": c(8), "date": "2026-05-10", "department": "market_regulation", "level": "county", "items": ["F-04", "F-04"]},
        {"uscc": c(9), "date": "2026-01-20", "department": "market_regulation", "level": "province", "items": ["G-09"]},
        {"uscc": c(10), "date": "2026-02-03", "department": "health", "level": "county", "items": ["J-01"]}
    ]);
    let inspector = |id: &str, quals: &[&str], conflicts: &[String]| {
        serde_json::json!({
            "id": id, "name": format!("检查员{id}"), "department": "market_regulation",
            "team": "凤台所", "qualifications": quals, "status": "active",
            "workload_cap": null, "conflicts": conflicts
        })
    };
    let inspectors = serde_json::json!([
        inspector("MR-1", &["food", "food"], &[]),
        inspector("MR-2", &["food_sales", "special_equipment_use"], &[]),
        inspector(
            "MR-3",
            &["catering", "special_equipment_use"],
            &[c(0), c(0)]
        ),
        inspector("MR-4", &["catering", "S-03"], &[]),
        inspector("MR-5", &["special_equipment_use", "catering"], &[]),
        inspector("MR-6", &["catering", "special_equipment"], &[]),
        inspector("MR-7", &["catering", "special_equipment_use"], &[]),
    ]);
    let plan = serde_json::json!({
        "id": "平市监随机〔2026〕20号", "title": "settled points", "level": "county",
        "as_of": "2026-06-30", "period": ["2026-07-01", "2026-07-31"],
        "entropy": ["福彩3D 2026-170"],
        "tasks": [{
            "department": "market_regulation", "kind": "routine",
            "items": [
                {"code": "F-04", "industry": "catering", "domain": null, "category": "general"},
                {"code": "S-03", "industry": null, "domain": "special_equipment", "category": "unknown"}
            ],
            "direction": "directed",
            "filter": {"industries": ["food_sales", "catering", "catering"], "regions": ["370283", "37028", "370281"]},
            "strata": [{"class": "B", "size": {"count": 3}}, {"class": "C", "size": {"ratio": "0.5"}}],
            "rules": {"penalty_free": {"years": 3, "factor": "0"}, "yearly_cap": 1}
        }],
        "replaces": {"record": "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
                     "reason": "大写十六进制的被替换记录"}
    });
    let inputs = serde_json::json!({
        "plan": plan, "roster": roster, "history": history, "inspectors": inspectors,
        "entropy": [{"label": "福彩3D 2026-170", "value": "5 0 2"}]
    });
    let mut inputs: Inputs = serde_json::from_value(inputs).expect("settled inputs");
    inputs.plan.resolve(None).expect("valid plan");
    inputs
}
