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

fn details(rows: Value, as_of: &str) -> Vec<Vec<String>> {
    let specs = SpecialEquipment::describe().schema.duties;
    SpecialEquipment::open(Config::default())
        .unwrap()
        .duties(&common::table(&specs, &rows), common::day(as_of))
        .unwrap()
        .rows
        .iter()
        .map(|list| list.iter().map(|d| d.reason.detail.to_string()).collect())
        .collect()
}

#[test]
fn pressure_vessel_intervals_by_safety_grade() {
    let v = |grade: i64, interval: Option<i64>| json!({ "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-06-15", "safety_grade": grade, "interval_years": interval });
    let rows = json!([
        v(1, None),
        v(2, None),
        v(3, Some(3)),
        v(3, Some(6)),
        v(4, Some(3)),
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
fn metallic_grade_4_monitored_use_is_capped_at_3_years_in_total() {
    let v = |interval: i64, since: &str| json!({ "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-06-15", "safety_grade": 4, "interval_years": interval, "monitored_use_since": since });
    let rows = json!([
        // 2020-06-15 + 2 = 2022-06-15; 2019-01-10 + 3 = 2022-01-10 → the cap.
        v(2, "2019-01-10"),
        // Cap 2017-06-16 + 3 = 2020-06-16 vs 2021-06-15: the cap, a day after the last inspection.
        v(1, "2017-06-16"),
        // Cap 2018-06-16 + 3 = 2021-06-16 vs 2020-06-15 + 1 = 2021-06-15: the interval.
        v(1, "2018-06-16"),
        // Monitored use from the last inspection: 2023-06-15 either way.
        v(3, "2020-06-15"),
    ]);
    let got = duties(rows.clone(), "2026-01-01");
    assert_eq!(dues(&got[0]), ["2021-12-10", "2022-01-10"]);
    assert_eq!(dues(&got[1]), ["2020-05-16", "2020-06-16"]);
    assert_eq!(dues(&got[2]), ["2021-05-15", "2021-06-15"]);
    assert_eq!(dues(&got[3]), ["2023-05-15", "2023-06-15"]);
    let text = &details(rows, "2026-01-01")[0][1];
    assert!(
        text.contains("监控使用，由检验机构确定，累计监控使用不超过3年")
            && text.contains("上次检验 2020-06-15 + 2 年 = 2022-06-15")
            && text.contains("监控使用起始 2019-01-10 + 3 年 = 2022-01-10；取较早者 2022-01-10"),
        "{text}"
    );
}

#[test]
fn non_metallic_grade_4_is_at_most_one_year_and_only_for_other_media() {
    let rows = json!([
        { "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2024-02-29", "safety_grade": 4, "non_metallic": true },
        { "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2024-02-29", "safety_grade": 3, "non_metallic": true },
    ]);
    let got = duties(rows.clone(), "2025-03-01");
    assert_eq!(dues(&got[0]), ["2025-01-28", "2025-02-28"]);
    assert!(got[0][1].2);
    assert_eq!(got[0][1].3, cite::TSG21_NON_METAL);
    assert_eq!(dues(&got[1]), ["2025-01-28", "2025-02-28"]);
    let text = details(rows, "2025-03-01");
    assert!(
        text[0][1].contains("非金属压力容器安全状况等级4级，周期 不超过 1 年，仅限用于盛装其他适合的介质，监控使用不超过1年"),
        "{}",
        text[0][1]
    );
    assert!(
        text[1][1].contains("安全状况等级3级，周期 不超过 1 年，监控使用，不超过1年"),
        "{}",
        text[1][1]
    );
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
        { "category": "lifting", "kind": "hoist", "last_inspection": last },
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
    assert!(
        error(v(4, 4)).contains("`interval_years` is 4; a grade-4 金属压力容器 allows 1–3 years")
    );
    assert!(error(v(3, 2)).contains("allows 3–6 years"));
    assert!(error(v(1, 5)).contains("allows 6 years"));
    // Grades 3 and 4 have the interval the inspection body set: no default.
    let no_interval = |grade: i64| json!([{ "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-01-01", "safety_grade": grade }]);
    assert_eq!(
        error(no_interval(3)),
        "row 0: fact `interval_years` is missing: a grade-3 金属压力容器's interval (3–6 years) is set by the inspection body"
    );
    assert!(error(no_interval(4)).contains("grade-4 金属压力容器's interval (1–3 years)"));
    let nm = json!([{ "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-01-01", "safety_grade": 4, "interval_years": 2, "non_metallic": true }]);
    assert!(error(nm).contains("allows at most 1 year(s)"));
    let late = json!([{ "category": "pressure_vessel", "kind": "vessel", "last_inspection": "2020-01-01", "safety_grade": 4, "interval_years": 1, "monitored_use_since": "2020-01-02" }]);
    assert!(
        error(late)
            .contains("`monitored_use_since` 2020-01-02 is after `last_inspection` 2020-01-01")
    );
    assert!(error(v(6, 3)).contains("`safety_grade` is 6, not 1–5"));
}
