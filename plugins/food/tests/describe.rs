//! The description: serde round trip, citation indices, catalogue codes,
//! and the configuration's defaults and validation.

mod common;

use jianguan_food::{FoodConfig, FoodPlugin, FrequencyBand, cite};
use jianguan_plugin::testing::assert_config_refused;
use jianguan_plugin::{Certainty, Plugin, PluginDescription};

#[test]
fn the_description_round_trips_through_json() {
    let d = FoodPlugin::describe();
    let text = serde_json::to_string(&d).unwrap();
    let back: PluginDescription = serde_json::from_str(&text).unwrap();
    assert_eq!(back, d);
    assert_eq!(d.id, "food");
    assert_eq!(d.industries, ["food_production", "food_sales", "catering"]);
    assert_eq!(d.version, env!("CARGO_PKG_VERSION"));
    let labels: Vec<_> = d.grades.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["A", "B", "C", "D"]);
}

#[test]
fn every_citation_index_in_the_description_is_in_range() {
    let d = FoodPlugin::describe();
    let n = d.citations.len() as u32;
    assert_eq!(n, cite::FOOD_SAFETY_LAW_ART125 + 1);
    assert_eq!(d.check_references(), Ok(()));
}

#[test]
fn certainty_follows_rules_md() {
    let c = FoodPlugin::describe().citations;
    assert_eq!(
        c[cite::CFDA_LEVEL_CUTOFFS as usize].certainty,
        Certainty::Unconfirmed
    );
    assert_eq!(
        c[cite::CFDA_FREQUENCY as usize].certainty,
        Certainty::Corroborated
    );
    assert_eq!(
        c[cite::CFDA_SCORE_MODEL as usize].certainty,
        Certainty::Corroborated
    );
    assert_eq!(c[cite::CRIM_143 as usize].certainty, Certainty::Solid);
    assert_eq!(
        c[cite::ORDER49_ART22 as usize].number,
        "国家市场监督管理总局令第49号"
    );
}

#[test]
fn exemptions_and_penalties_follow_order_49() {
    let d = FoodPlugin::describe();
    // Order 49 Art. 37's six label-flaw situations.
    let label_flaws = d
        .exemptions
        .iter()
        .filter(|e| e.violation == jianguan_food::V_LABEL_FLAW)
        .count();
    assert_eq!(label_flaws, 6);
    let sheet = d
        .violations
        .iter()
        .find(|v| v.code == jianguan_food::V_RESULT_SHEET)
        .unwrap();
    assert_eq!(
        (sheet.penalty.min_fine_cny, sheet.penalty.max_fine_cny),
        (Some(5_000.0), Some(50_000.0))
    );
    // Order 49 Art. 48: the fine is optional ("可以并处"), after a refusal to
    // correct and a warning.
    assert!(
        sheet
            .penalty
            .text
            .starts_with("由县级以上地方市场监督管理部门责令改正；拒不改正的，给予警告，可以并处5000元以上5万元以下罚款"),
        "{}",
        sheet.penalty.text
    );
    assert!(
        sheet.penalty.text.contains("罚款为可选"),
        "{}",
        sheet.penalty.text
    );
}

#[test]
fn frequencies_are_the_2016_defaults() {
    let f = FoodPlugin::describe().frequencies;
    let got: Vec<_> = f
        .iter()
        .map(|f| (f.grade.as_str(), f.min_per_year, f.max_per_year))
        .collect();
    assert_eq!(
        got,
        [
            ("A", 1.0, None),
            ("B", 1.0, Some(2.0)),
            ("C", 2.0, Some(3.0)),
            ("D", 3.0, Some(4.0))
        ]
    );
}

#[test]
fn config_defaults_are_the_rules_md_figures() {
    let c = FoodConfig::default();
    assert_eq!(
        (
            c.level_a_max_score,
            c.level_b_max_score,
            c.level_c_max_score
        ),
        (30.0, 45.0, 60.0)
    );
    assert_eq!(
        c.frequency_c,
        FrequencyBand {
            min_per_year: 2.0,
            max_per_year: Some(3.0)
        }
    );
    // An empty JSON object is the default configuration.
    let parsed: FoodConfig = serde_json::from_str("{}").unwrap();
    assert_eq!(parsed, c);
}

#[test]
fn invalid_configs_are_refused_naming_the_field() {
    assert_config_refused::<FoodPlugin>(
        FoodConfig {
            level_b_max_score: 25.0,
            ..FoodConfig::default()
        },
        "level_b_max_score",
    );

    assert_config_refused::<FoodPlugin>(
        FoodConfig {
            level_c_max_score: 100.0,
            ..FoodConfig::default()
        },
        "level_c_max_score",
    );

    let bad = FrequencyBand {
        min_per_year: 3.0,
        max_per_year: Some(2.0),
    };
    assert_config_refused::<FoodPlugin>(
        FoodConfig {
            frequency_d: bad,
            ..FoodConfig::default()
        },
        "frequency_d.max_per_year",
    );

    assert_config_refused::<FoodPlugin>(
        FoodConfig {
            frequency_a: FrequencyBand {
                min_per_year: 0.0,
                max_per_year: None,
            },
            ..FoodConfig::default()
        },
        "frequency_a.min_per_year",
    );

    assert!(serde_json::from_str::<FoodConfig>(r#"{"level_e_max_score": 1}"#).is_err());
}
