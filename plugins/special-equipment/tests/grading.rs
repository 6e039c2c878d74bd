//! Scope thresholds (条例 Art. 99) and the Order 57 grade scheme.

mod common;

use jianguan_plugin::{GradeBatch, Plugin};
use jianguan_special_equipment::{Config, SpecialEquipment, cite};
use serde_json::{Value, json};

const OUT: u32 = 0;
const ORDINARY: u32 = 1;
const KEY_UNIT: u32 = 2;
const REQUEST_OVERDUE: u32 = 3;
const MAJOR_VIOLATION: u32 = 4;
const STOP_USE: u32 = 5;

fn grade(rows: Value) -> GradeBatch {
    let specs = SpecialEquipment::describe().schema.grading;
    SpecialEquipment::open(Config::default())
        .unwrap()
        .grade(&common::table(&specs, &rows))
        .unwrap()
}

fn grades(rows: Value) -> Vec<u32> {
    grade(rows).grades.to_vec()
}

#[test]
fn scope_thresholds_at_under_and_over() {
    let rows = json!([
        { "category": "boiler", "kind": "steam", "volume_l": 30.0 },
        { "category": "boiler", "kind": "steam", "volume_l": 29.9 },
        { "category": "boiler", "kind": "hot_water", "pressure_mpa": 0.1, "power_mw": 0.1 },
        { "category": "boiler", "kind": "hot_water", "pressure_mpa": 0.1, "power_mw": 0.09 },
        { "category": "boiler", "kind": "organic_heat_carrier" },
        // p = 0.1 MPa, V = 25 L → p·V = 2.5 MPa·L.
        { "category": "pressure_vessel", "kind": "vessel", "pressure_mpa": 0.1, "volume_l": 25.0 },
        { "category": "pressure_vessel", "kind": "vessel", "pressure_mpa": 0.1, "volume_l": 24.0 },
        { "category": "pressure_vessel", "kind": "vessel", "pressure_mpa": 0.09, "volume_l": 1000.0 },
        { "category": "pressure_vessel", "kind": "hyperbaric_chamber" },
        // Gas cylinders: ≥0.2 MPa and p·V ≥ 1.0 MPa·L.
        { "category": "gas_cylinder", "kind": "general_gas", "pressure_mpa": 0.2, "volume_l": 5.0 },
        { "category": "gas_cylinder", "kind": "general_gas", "pressure_mpa": 0.2, "volume_l": 4.0 },
        { "category": "gas_cylinder", "kind": "general_gas", "pressure_mpa": 0.19, "volume_l": 100.0 },
        // Piping: ≥0.1 MPa and DN > 25 mm.
        { "category": "pressure_piping", "pressure_mpa": 0.1, "diameter_mm": 26.0 },
        { "category": "pressure_piping", "pressure_mpa": 0.1, "diameter_mm": 25.0 },
        { "category": "elevator" },
        { "category": "lifting", "kind": "hoist", "rated_load_t": 0.5 },
        { "category": "lifting", "kind": "hoist", "rated_load_t": 0.49 },
        { "category": "lifting", "kind": "crane", "rated_load_t": 1.0, "lift_height_m": 2.0 },
        { "category": "lifting", "kind": "crane", "rated_load_t": 1.0, "lift_height_m": 1.9 },
        { "category": "lifting", "kind": "bridge_gantry_crane", "rated_load_t": 0.9, "lift_height_m": 10.0 },
        { "category": "ropeway" },
        { "category": "amusement_ride", "speed_m_s": 2.0, "height_m": 0.5 },
        { "category": "amusement_ride", "speed_m_s": 1.0, "height_m": 2.0 },
        { "category": "amusement_ride", "speed_m_s": 1.99, "height_m": 1.99 },
        { "category": "site_vehicle" },
    ]);
    let o = ORDINARY;
    assert_eq!(
        grades(rows),
        [
            o, OUT, o, OUT, o, o, OUT, OUT, o, o, OUT, OUT, o, OUT, o, o, OUT, o, OUT, OUT, o, o,
            o, OUT, o
        ]
    );
}

#[test]
fn scope_reasons_give_the_figures() {
    let batch = grade(json!([
        { "category": "pressure_vessel", "kind": "vessel", "pressure_mpa": 0.1, "volume_l": 24.0 },
        { "category": "pressure_piping", "pressure_mpa": 0.1, "diameter_mm": 25.0 },
    ]));
    let r0 = &batch.reasons[0][0];
    assert_eq!(r0.citation, cite::SE_REG_99);
    assert_eq!(
        r0.detail.as_str(),
        "最高工作压力 0.1 MPa ≥ 0.1 MPa，压力与容积的乘积 2.4 MPa·L < 2.5 MPa·L：不属于特种设备"
    );
    assert!(
        batch.reasons[1][0]
            .detail
            .contains("公称直径 25 mm ≤ 25 mm")
    );
    assert_eq!(batch.scores[0], 0.0);
}

#[test]
fn grade_tiers_follow_order_57_factors() {
    let rows = json!([
        {},
        { "public_gathering_place": true },
        { "accident_liable_within_2_years": true, "many_verified_complaints": true },
        { "public_gathering_place": true, "inspection_request_overdue": true },
        { "major_violations": 1, "public_gathering_place": true },
        { "serious_hazards": 2 },
        { "expired_inspection_in_use": true },
        { "category": "elevator", "expired_inspection_in_use": true, "major_violations": 1 },
    ]);
    let batch = grade(rows);
    assert_eq!(
        batch.grades.as_slice(),
        [
            ORDINARY,
            KEY_UNIT,
            KEY_UNIT,
            REQUEST_OVERDUE,
            MAJOR_VIOLATION,
            STOP_USE,
            STOP_USE,
            STOP_USE
        ]
    );
    assert_eq!(
        batch.scores.as_slice(),
        [0.0, 1.0, 2.0, 2.0, 2.0, 2.0, 1.0, 2.0]
    );
    assert!(
        batch.reasons[1]
            .iter()
            .any(|r| r.citation == cite::ORDER57_9 && r.detail.contains("公众聚集场所"))
    );
    assert!(
        batch.reasons[5]
            .iter()
            .any(|r| r.citation == cite::ORDER57_26)
    );
    assert!(
        batch.reasons[6]
            .iter()
            .any(|r| r.citation == cite::ORDER57_25 && r.detail.contains("未经定期检验"))
    );
}

#[test]
fn bad_categories_kinds_and_measurements_are_refused() {
    let specs = SpecialEquipment::describe().schema.grading;
    let p = SpecialEquipment::open(Config::default()).unwrap();
    let error = |rows: Value| {
        p.grade(&common::table(&specs, &rows))
            .unwrap_err()
            .message
            .to_string()
    };
    assert_eq!(
        error(json!([{ "category": "boiler", "kind": "steam" }])),
        "row 0: fact `volume_l` is missing"
    );
    assert!(
        error(json!([{ "category": "boiler" }]))
            .contains("fact `kind` must be one of steam, hot_water")
    );
    assert!(
        error(json!([{ "category": "elevator", "kind": "steam" }]))
            .contains("does not apply to a `elevator`")
    );
    assert!(error(json!([{ "serious_hazards": -1 }])).contains("fact `serious_hazards` is -1"));
}

#[test]
fn an_amusement_ride_qualifies_on_either_figure_even_with_the_other_missing() {
    let batch = grade(json!([
        { "category": "amusement_ride", "speed_m_s": 2.0 },
        { "category": "amusement_ride", "height_m": 2.0 },
        { "category": "amusement_ride", "speed_m_s": 2.01 },
        { "category": "amusement_ride", "speed_m_s": 1.99, "height_m": 1.99 },
    ]));
    assert_eq!(batch.grades.as_slice(), [ORDINARY, ORDINARY, ORDINARY, OUT]);
    assert_eq!(
        batch.reasons[0][0].detail.as_str(),
        "最大运行线速度 2 m/s ≥ 2 m/s（任一达到即属）：属于特种设备"
    );
    assert_eq!(
        batch.reasons[1][0].detail.as_str(),
        "运行高度 2 m ≥ 2 m（任一达到即属）：属于特种设备"
    );
    assert_eq!(
        batch.reasons[3][0].detail.as_str(),
        "最大运行线速度 1.99 m/s < 2 m/s，运行高度 1.99 m < 2 m（任一达到即属）：不属于特种设备"
    );
    let specs = SpecialEquipment::describe().schema.grading;
    let p = SpecialEquipment::open(Config::default()).unwrap();
    let error = |rows: Value| {
        p.grade(&common::table(&specs, &rows))
            .unwrap_err()
            .message
            .to_string()
    };
    // Below the figure with the other fact missing: the missing one decides.
    assert_eq!(
        error(json!([{ "category": "amusement_ride", "speed_m_s": 1.99 }])),
        "row 0: fact `height_m` is missing: the speed is below 2 m/s, so the height decides"
    );
    assert_eq!(
        error(json!([{ "category": "amusement_ride", "height_m": 1.99 }])),
        "row 0: fact `speed_m_s` is missing: the height is below 2 m, so the speed decides"
    );
    assert!(
        error(json!([{ "category": "amusement_ride" }]))
            .contains("facts `speed_m_s` and `height_m` are missing")
    );
}
