//! Art. 40 reminders and inspection intervals.

mod common;

use jianguan_plugin::{CivilDate, Plugin};
use jianguan_special_equipment::{Config, SpecialEquipment, cite};
use serde_json::{Value, json};

type Row = Vec<(String, String, bool, u32)>;

fn duties_with(config: Config, rows: Value, as_of: &str) -> Vec<Row> {
    let specs = SpecialEquipment::describe().schema.duties;
    let batch = SpecialEquipment::open(config)
        .unwrap()
        .duties(&common::table(&specs, &rows), common::day(as_of))
        .unwrap();
    batch
        .rows
        .iter()
        .map(|list| {
            list.iter()
                .map(|d| {
                    (
                        d.code.to_string(),
                        CivilDate::from_days(d.due).to_string(),
                        d.overdue,
                        d.reason.citation,
                    )
                })
                .collect()
        })
        .collect()
}

fn duties(rows: Value, as_of: &str) -> Vec<Row> {
    duties_with(Config::default(), rows, as_of)
}

fn dues(row: &Row) -> Vec<&str> {
    row.iter().map(|d| d.1.as_str()).collect()
}

#[test]
fn art_40_reminder_is_one_month_before_expiry() {
    let got = duties(
        json!([{ "category": "boiler", "kind": "steam", "inspection_expiry": "2026-03-31" }]),
        "2026-03-01",
    );
    assert_eq!(
        got[0],
        vec![
            (
                "periodic-inspection-request".into(),
                "2026-02-28".into(),
                true,
                cite::SE_LAW_40
            ),
            (
                "periodic-inspection".into(),
                "2026-03-31".into(),
                false,
                cite::SE_LAW_40
            ),
        ]
    );
    let got = duties(
        json!([{ "category": "elevator", "inspection_expiry": "2024-03-31" }]),
        "2024-02-29",
    );
    assert_eq!(dues(&got[0]), ["2024-02-29", "2024-03-31"]);
    assert!(!got[0][0].2, "due on the as-of date is not overdue");
}

#[test]
fn pressure_vessel_intervals_by_safety_grade() {
    let v = |grade: i64, interval: Option<i64>| json!({ "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-06-15", "safety_grade": grade, "interval_years": interval });
    let rows = json!([
        v(1, None),
        v(2, None),
        v(3, None),
        v(3, Some(6)),
        v(4, None),
        v(4, Some(2)),
        v(5, None),
        { "category": "pressure_vessel", "kind": "vessel", "in_service_since": "2024-02-29" },
        { "category": "pressure_vessel", "kind": "vessel", "in_service_since": "2024-02-29", "non_metallic": true },
        { "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-06-15", "safety_grade": 1, "non_metallic": true },
        { "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-06-15", "safety_grade": 2, "non_metallic": true },
        { "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-06-15", "safety_grade": 3, "non_metallic": true },
    ]);
    let got = duties(rows, "2026-01-01");
    assert_eq!(dues(&got[0]), ["2026-05-15", "2026-06-15"]);
    assert_eq!(dues(&got[1]), ["2026-05-15", "2026-06-15"]);
    assert_eq!(dues(&got[2]), ["2023-05-15", "2023-06-15"]);
    assert_eq!(dues(&got[3]), ["2026-05-15", "2026-06-15"]);
    assert_eq!(dues(&got[4]), ["2023-05-15", "2023-06-15"]);
    assert_eq!(dues(&got[5]), ["2022-05-15", "2022-06-15"]);
    assert_eq!(
        got[6],
        vec![(
            "stop-use".into(),
            "2020-06-15".into(),
            true,
            cite::TSG21_METAL
        )]
    );
    assert_eq!(dues(&got[7]), ["2027-01-28", "2027-02-28"]);
    assert_eq!(dues(&got[8]), ["2025-01-28", "2025-02-28"]);
    assert_eq!(dues(&got[9]), ["2023-05-15", "2023-06-15"]);
    assert_eq!(dues(&got[10]), ["2022-05-15", "2022-06-15"]);
    assert_eq!(dues(&got[11]), ["2021-05-15", "2021-06-15"]);
    assert_eq!(got[0][1].3, cite::TSG21_METAL);
    assert_eq!(got[9][1].3, cite::TSG21_NON_METAL);
    assert!(got[2][1].2 && !got[0][1].2);
}

#[test]
fn configured_intervals_for_other_equipment() {
    let last = "2025-01-31";
    let rows = json!([
        { "category": "elevator", "last_inspection": last },
        { "category": "gas_cylinder", "kind": "corrosive_gas", "last_inspection": last },
        { "category": "gas_cylinder", "kind": "general_gas", "last_inspection": last },
        { "category": "gas_cylinder", "kind": "inert_gas", "last_inspection": last },
        { "category": "lifting", "kind": "crane", "last_inspection": last },
        { "category": "lifting", "kind": "bridge_gantry_crane", "last_inspection": last },
        { "category": "ropeway", "last_inspection": last },
        { "category": "amusement_ride", "last_inspection": last },
        { "category": "site_vehicle", "last_inspection": last },
    ]);
    let got = duties(rows.clone(), "2026-01-01");
    let expiries: Vec<_> = got.iter().map(|r| r[1].1.as_str()).collect();
    assert_eq!(
        expiries,
        [
            "2026-01-31",
            "2027-01-31",
            "2028-01-31",
            "2030-01-31",
            "2026-01-31",
            "2027-01-31",
            "2026-01-31",
            "2026-01-31",
            "2026-01-31"
        ]
    );
    assert_eq!(got[0][0].1, "2025-12-31");
    assert!(got[0][0].2);
    assert_eq!(got[0][1].3, cite::OTHER_INTERVALS);
    let config = Config {
        elevator_interval_months: 24,
        ..Config::default()
    };
    assert_eq!(
        duties_with(config, rows, "2026-01-01")[0][1].1,
        "2027-01-31"
    );
}

#[test]
fn missing_or_out_of_range_facts_are_refused() {
    let specs = SpecialEquipment::describe().schema.duties;
    let p = SpecialEquipment::open(Config::default()).unwrap();
    let error = |rows: Value| {
        p.duties(&common::table(&specs, &rows), 0)
            .unwrap_err()
            .message
            .to_string()
    };
    assert!(
        error(json!([{ "category": "pressure_piping" }]))
            .starts_with("row 0: fact `inspection_expiry` is missing")
    );
    assert!(
        error(json!([{ "category": "elevator" }]))
            .starts_with("row 0: fact `last_inspection` is missing")
    );
    assert!(
        error(json!([{ "category": "pressure_vessel", "kind": "vessel" }]))
            .contains("`in_service_since` is missing")
    );
    let v = |grade: i64, interval: i64| json!([{ "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-01-01", "safety_grade": grade, "interval_years": interval }]);
    assert!(error(v(4, 4)).contains("`interval_years` is 4; a grade-4 金属压力容器 allows 1–3"));
    assert!(error(v(3, 2)).contains("allows 3–6"));
    assert!(error(v(6, 3)).contains("`safety_grade` is 6, not 1–5"));
}
