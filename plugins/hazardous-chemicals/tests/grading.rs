//! GB 18218-2018 S and R, by hand from RULES.md §10.1's tables.

mod common;

use jianguan_hazardous_chemicals::{Config, HazardousChemicals};
use jianguan_plugin::{GradeBatch, Plugin, PluginErrorKind};
use serde_json::json;

const NOT_MAJOR: u32 = 0;
const LEVEL_4: u32 = 1;
const LEVEL_3: u32 = 2;
const LEVEL_2: u32 = 3;
const LEVEL_1: u32 = 4;

fn plugin() -> HazardousChemicals {
    HazardousChemicals::open(Config::default()).unwrap()
}

fn grade_rows(rows: serde_json::Value) -> GradeBatch {
    let specs = HazardousChemicals::describe().schema.grading;
    plugin().grade(&common::table(&specs, &rows)).unwrap()
}

fn grade_one(inventory: &str, people: i64) -> (u32, f64, Vec<String>) {
    let batch = grade_rows(json!([{ "inventory": inventory, "people_within_500m": people }]));
    let reasons = batch.reasons[0]
        .iter()
        .map(|r| r.detail.to_string())
        .collect();
    (batch.grades[0], batch.scores[0], reasons)
}

fn error(inventory: &str) -> String {
    let specs = HazardousChemicals::describe().schema.grading;
    let rows = json!([{ "inventory": "", "people_within_500m": 0 }, { "inventory": inventory, "people_within_500m": 0 }]);
    let err = plugin().grade(&common::table(&specs, &rows)).unwrap_err();
    assert_eq!(err.kind, PluginErrorKind::InvalidFacts);
    err.message.to_string()
}

#[test]
fn ammonia_and_a_category_2_flammable_liquid() {
    // Ammonia 12.5 t / Q 10 t = 1.25 (Table 3 β 2); W5.3 800 t / 1000 t = 0.8 (Table 4 β 1).
    // S = 2.05; Σβq/Q = 2.5 + 0.8 = 3.3; 45 people → α 1.2; R = 3.96 → 四级.
    let (grade, r, reasons) = grade_one("7664-41-7=12.5; W5.3=800", 45);
    assert_eq!(grade, LEVEL_4);
    assert!((r - 3.96).abs() < 1e-12, "{r}");
    assert!(
        reasons[0].contains("S = Σq/Q") && reasons[0].contains("= 2.05 ≥ 1"),
        "{reasons:?}"
    );
    assert!(reasons[2].contains("α = 1.2"), "{reasons:?}");
    assert!(
        reasons[2].contains("7664-41-7 β = 2（表3 氨）"),
        "{reasons:?}"
    );
    assert!(
        reasons[2].contains("R = α·Σβq/Q = 1.2 × 3.3 = 3.96，R < 10 → 四级"),
        "{reasons:?}"
    );
}

#[test]
fn chlorine_methanol_and_a_flammable_gas() {
    // Cl2 20/5 = 4 (β 4); methanol 600/500 = 1.2 (@W5.3, β 1); W2 5/10 = 0.5 (β 1.5).
    // S = 5.7; Σβq/Q = 16 + 1.2 + 0.75 = 17.95; 120 people → α 2; R = 35.9 → 三级.
    let (grade, r, reasons) = grade_one("7782-50-5=20;67-56-1@W5.3=600;W2=5", 120);
    assert_eq!(grade, LEVEL_3);
    assert!((r - 35.9).abs() < 1e-12, "{r}");
    assert!(reasons[0].contains("= 5.7 ≥ 1"));
    assert!(reasons[2].contains("67-56-1@W5.3 β = 1（表4 W5.3）"));
    assert!(reasons[2].contains("W2 β = 1.5（表4 W2）"));
    assert!(reasons[2].contains("50 > R ≥ 10 → 三级"));
}

#[test]
fn carbon_monoxide_and_town_gas_need_a_category() {
    // CO 25 t measured by J3 (Q 50): 0.5, β 2 from Table 3.
    // Town gas (row 13, weaker) 20 t / Q 20: 1, β from J3's Table-4 β 2.
    // S = 1.5; Σβ = 1 + 2 = 3; 10 people → α 1; R = 3 → 四级.
    let (grade, r, reasons) = grade_one("630-08-0@J3=25;T1.13@J3=20", 10);
    assert_eq!(grade, LEVEL_4);
    assert_eq!(r, 3.0);
    assert!(
        reasons
            .iter()
            .any(|d| d.contains("煤气") && d.contains("仅见于一个来源")),
        "{reasons:?}"
    );
}

#[test]
fn s_exactly_one_is_a_major_hazard_and_just_below_is_not() {
    let (grade, r, reasons) = grade_one("7664-41-7=10", 0);
    assert_eq!(grade, LEVEL_4);
    assert_eq!(r, 1.0); // 0.5 × 2 × 1
    assert!(reasons[0].contains("= 1 ≥ 1"), "{reasons:?}");
    let (grade, _, reasons) = grade_one("7664-41-7=9.999999", 0);
    assert_eq!(grade, NOT_MAJOR);
    assert!(reasons[0].contains("< 1：不构成重大危险源"), "{reasons:?}");
    assert_eq!(reasons.len(), 1);
}

#[test]
fn s_of_one_from_terms_that_do_not_add_to_one_in_floating_point() {
    // 0.7 + 0.2 + 0.1 is 0.9999999999999999 in f64; the plugin sums exactly.
    let terms = std::hint::black_box([0.7_f64, 0.2, 0.1]);
    assert!(terms.iter().sum::<f64>() < 1.0);
    let (grade, _, _) = grade_one("W5.1=7;W2=2;W6.1=1", 1);
    assert_eq!(grade, LEVEL_4);
    let (grade, _, _) = grade_one("W5.1=7;W2=2;W6.1=0.999999", 1);
    assert_eq!(grade, NOT_MAJOR);
}

#[test]
fn every_level_boundary() {
    // Phosgene: Q 0.3 t, β 20; no people → α 0.5, so R = 0.5 × 20 × q/0.3.
    let cases = [
        ("75-44-5=3", 0, LEVEL_1, 100.0),
        ("75-44-5=2.999999", 0, LEVEL_2, 0.5 * 20.0 * 2.999999 / 0.3),
        ("75-44-5=1.5", 0, LEVEL_2, 50.0),
        ("75-44-5=1.499999", 0, LEVEL_3, 0.5 * 20.0 * 1.499999 / 0.3),
        // Ammonia 25 t: β 2 × 2.5 = 5; 100 people → α 2 → R = 10.
        ("7664-41-7=25", 100, LEVEL_3, 10.0),
        (
            "7664-41-7=24.999999",
            100,
            LEVEL_4,
            2.0 * 2.0 * 24.999999 / 10.0,
        ),
        ("75-44-5=3.000001", 0, LEVEL_1, 0.5 * 20.0 * 3.000001 / 0.3),
        // Just over 50: phosgene alone, and phosgene at R = 50 plus 1 kg of
        // a W5.3 liquid (1e-6 of Q 1000 t, β 1): R = 0.5 × (100 + 0.000001).
        ("75-44-5=1.500001", 0, LEVEL_2, 0.5 * 20.0 * 1.500001 / 0.3),
        ("75-44-5=1.5;W5.3=0.001", 0, LEVEL_2, 50.0000005),
        (
            "7664-41-7=25.000001",
            100,
            LEVEL_3,
            2.0 * 2.0 * 25.000001 / 10.0,
        ),
    ];
    for (inventory, people, expected, r) in cases {
        let (grade, score, reasons) = grade_one(inventory, people);
        assert_eq!(grade, expected, "{inventory}: {reasons:?}");
        assert!((score - r).abs() < 1e-9, "{inventory}: {score} vs {r}");
    }
    let (_, _, reasons) = grade_one("75-44-5=3", 0);
    assert!(reasons[2].contains("R ≥ 100 → 一级"), "{reasons:?}");
    let (_, _, reasons) = grade_one("75-44-5=1.5", 0);
    assert!(reasons[2].contains("100 > R ≥ 50 → 二级"), "{reasons:?}");
}

#[test]
fn alpha_at_each_people_band_edge() {
    // Ammonia 10 t: Σβq/Q = 2, so R = 2α.
    let cases = [
        (0, 0.5),
        (1, 1.0),
        (29, 1.0),
        (30, 1.2),
        (49, 1.2),
        (50, 1.5),
        (99, 1.5),
        (100, 2.0),
        (5000, 2.0),
    ];
    for (people, alpha) in cases {
        let (grade, r, reasons) = grade_one("7664-41-7=10", people);
        assert_eq!(grade, LEVEL_4);
        assert_eq!(r, 2.0 * alpha, "{people} people");
        assert!(
            reasons[2].contains(&format!("{people} 人 → α = {alpha}")),
            "{reasons:?}"
        );
    }
}

#[test]
fn an_empty_inventory_is_no_major_hazard() {
    for empty in ["", " none "] {
        let (grade, r, reasons) = grade_one(empty, 300);
        assert_eq!((grade, r), (NOT_MAJOR, 0.0));
        assert!(reasons[0].contains("无危险化学品"));
    }
}

#[test]
fn inventory_errors_name_the_row_and_the_entry() {
    let cases = [
        ("7664-41-7", "entry 1 `7664-41-7`: expected KEY=TONNES"),
        (
            "W5.3=1;7664-41-7=-3",
            "entry 2 `7664-41-7=-3`: quantity `-3`",
        ),
        ("67-56-1=400", "is not in Table 3: give its hazard category"),
        (
            "7664-41-7@J3=1",
            "is a Table-3 toxic gas (β = 2); drop the `@` category",
        ),
        (
            "9004-70-0=1",
            "CAS 9004-70-0 names several Table-1 rows; write one of T1.37, T1.38, T1.39, T1.40, T1.41, T1.42",
        ),
        ("50-00-1=1", "CAS 50-00-1 is not in Table 1 or Table 3"),
        ("W12=1", "`W12` is neither a CAS number"),
        ("T1.86=1", "Table 1 has no row 86"),
        (
            "630-08-0=1",
            "is not named in Table 1: give its Table-2 category",
        ),
        (
            "67-56-1@X9=1",
            "`X9` is not a GB 18218-2018 Table-2 category symbol",
        ),
        ("W2=1;W2=2", "`W2` is listed twice"),
        ("W2=1;;W3=1", "entry 2 ``: expected KEY=TONNES"),
        ("W2=1.1234567", "at most 6 decimals"),
    ];
    for (inventory, expected) in cases {
        let message = error(inventory);
        assert!(message.starts_with("row 1: fact `inventory`"), "{message}");
        assert!(message.contains(expected), "{inventory}: {message}");
    }
}

#[test]
fn negative_people_and_missing_facts_are_refused() {
    let specs = HazardousChemicals::describe().schema.grading;
    let err = plugin()
        .grade(&common::table(
            &specs,
            &json!([{ "inventory": "W2=1", "people_within_500m": -1 }]),
        ))
        .unwrap_err();
    assert_eq!(
        err.message.as_str(),
        "row 0: fact `people_within_500m` is -1, below 0"
    );
    let err = plugin()
        .grade(&common::table_without_required(
            &specs,
            &json!([{ "inventory": "W2=1" }]),
        ))
        .unwrap_err();
    assert_eq!(
        err.message.as_str(),
        "row 0: fact `people_within_500m` is missing"
    );
}

#[test]
fn table_1_rows_with_shared_or_no_cas_are_reached_by_row_number() {
    // Ammonium nitrate >0.2% combustibles (row 43, Q 5 t) vs ≤0.2% (row 44, Q 50 t, weaker).
    let (g43, r43, _) = grade_one("T1.43@W9.1=5", 1);
    assert_eq!((g43, r43), (LEVEL_4, 1.0));
    let (g44, _, reasons) = grade_one("T1.44@W9.1=5", 1);
    assert_eq!(g44, NOT_MAJOR);
    assert!(
        reasons.iter().any(|d| d.contains("表1第44行")),
        "{reasons:?}"
    );
    // LPG by any of its CAS numbers: row 52, Q 50 t; propane and butane
    // together in one entry.
    for key in ["74-98-6@W2", "106-97-8@W2", "68476-85-7@W2", "T1.52@W2"] {
        let (g, r, _) = grade_one(&format!("{key}=50"), 1);
        assert_eq!((g, r), (LEVEL_4, 1.5), "{key}"); // β 1.5 × 50/50
    }
}

#[test]
fn a_chemical_listed_twice_under_different_keys_is_refused() {
    let cases = [
        (
            "T1.1=1;T1.01=1",
            "`T1.01` is Table-1 row 1, already listed as `T1.1`",
        ),
        (
            "T1.1=1;7664-41-7=1",
            "`7664-41-7` is Table-1 row 1, already listed as `T1.1`",
        ),
        (
            "74-98-6@W2=30;106-97-8@W2=20",
            "`106-97-8@W2` is Table-1 row 52, already listed as `74-98-6@W2`: give the total in one entry",
        ),
        (
            "67-56-1@W5.3=1;67-56-1@W5.4=1",
            "is Table-1 row 65, already listed as `67-56-1@W5.3`",
        ),
        (
            "630-08-0@J3=1;630-08-0 @J3=1",
            "`630-08-0 @J3` is the Table-3 gas 630-08-0, already listed as `630-08-0@J3`",
        ),
        (
            "630-08-0@J3=1;630-08-0@J4=1",
            "is the Table-3 gas 630-08-0, already listed",
        ),
        ("W5.3=500;W5.3=300", "`W5.3` is listed twice"),
    ];
    for (inventory, expected) in cases {
        let message = error(inventory);
        assert!(
            message.starts_with("row 1: fact `inventory` entry 2"),
            "{message}"
        );
        assert!(message.contains(expected), "{inventory}: {message}");
    }
    // Different chemicals of one category are fine: a named one (methanol
    // @W5.3) and the unnamed W5.3 ones; CO beside a J3 category entry.
    let (g, _, _) = grade_one("67-56-1@W5.3=1;W5.3=1", 0);
    assert_eq!(g, NOT_MAJOR);
    let (g, r, _) = grade_one("630-08-0@J3=25;J3=25", 1);
    // CO 25/50 β 2 + J3 25/50 β 2 = 2; α 1 → R = 2.
    assert_eq!((g, r), (LEVEL_4, 2.0));
}

#[test]
fn many_rows_grade_alike() {
    // Σβq/Q = 2 × 1.25 + 0.8 + 1.2 = 4.5, so R = 4.5α ≤ 9 → 四级 on every row.
    // Speed is measured by the benchmarks, not here.
    let specs = HazardousChemicals::describe().schema.grading;
    let rows: Vec<_> = (0..10_000)
        .map(|i| json!({ "inventory": "7664-41-7=12.5;W5.3=800;67-56-1@W5.3=600", "people_within_500m": i % 150 }))
        .collect();
    let table = common::table(&specs, &serde_json::Value::Array(rows));
    let batch = plugin().grade(&table).unwrap();
    assert_eq!(batch.grades.len(), 10_000);
    assert!(batch.grades.iter().all(|&g| g == LEVEL_4));
    assert!((batch.scores[0] - 2.25).abs() < 1e-12);
    assert!((batch.scores[100] - 9.0).abs() < 1e-12);
}
