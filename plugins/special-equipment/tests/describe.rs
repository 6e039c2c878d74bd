//! The description, citations, catalogue and configuration.

use jianguan_plugin::testing::assert_config_refused;
use jianguan_plugin::{Certainty, Plugin, PluginDescription};
use jianguan_special_equipment::{Config, SpecialEquipment, cite};

#[test]
fn the_description_round_trips_through_json() {
    let d = SpecialEquipment::describe();
    let text = serde_json::to_string(&d).unwrap();
    let back: PluginDescription = serde_json::from_str(&text).unwrap();
    assert_eq!(back, d);
    assert_eq!(d.id, "special_equipment");
    assert_eq!(d.industries, ["special_equipment_use"]);
    let labels: Vec<_> = d.grades.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "目录外",
            "一般",
            "重点单位",
            "申报逾期",
            "重大违法",
            "严重隐患停用"
        ]
    );
    assert!(
        d.rule_sets
            .iter()
            .any(|r| r.number == "国家市场监督管理总局令第57号" && r.effective == "2022-07-01")
    );
    for r in &d.rule_sets {
        assert_eq!(r.effective.len(), 10, "{r:?}");
    }
}

#[test]
fn every_citation_index_is_in_range_and_certainties_follow_rules() {
    let d = SpecialEquipment::describe();
    let n = d.citations.len() as u32;
    // The last constant names the last citation.
    assert_eq!(n, cite::PENALTY_LAW_33 + 1);
    assert_eq!(d.check_references(), Ok(()));
    assert_eq!(d.citations[cite::SE_LAW_40 as usize].article, "第四十条");
    assert_eq!(
        d.citations[cite::TSG21_METAL as usize].certainty,
        Certainty::Corroborated
    );
    assert_eq!(
        d.citations[cite::OTHER_INTERVALS as usize].certainty,
        Certainty::Unconfirmed
    );
    assert_eq!(
        d.citations[cite::ORDER57_25 as usize].number,
        "国家市场监督管理总局令第57号"
    );
    assert_eq!(
        d.citations[cite::CRIM_134_1 as usize].article,
        "第一百三十四条之一"
    );
    assert_eq!(
        d.citations[cite::DECREE_493_3 as usize].number,
        "国务院令第493号"
    );
    // Art. 7's money figure is UNCONFIRMED, so its citation is (RULES §6.5).
    let art7 = &d.citations[cite::INTERP_7 as usize];
    assert_eq!(
        (art7.number.as_str(), art7.article.as_str(), art7.certainty),
        ("法释〔2015〕22号", "第七条", Certainty::Unconfirmed)
    );
    assert_eq!(
        d.citations[cite::INTERP_6 as usize].certainty,
        Certainty::Corroborated
    );
}

#[test]
fn exemptions_and_penalties_follow_the_regulations() {
    let d = SpecialEquipment::describe();
    assert!(!d.exemptions.is_empty());
    let uninspected = d
        .violations
        .iter()
        .find(|v| v.code == "SE-UNINSPECTED-USE")
        .unwrap();
    assert_eq!(uninspected.penalty.min_fine_cny, Some(30_000.0));
    assert_eq!(uninspected.penalty.max_fine_cny, Some(300_000.0));
}

#[test]
fn config_defaults_are_rules_figures_and_bad_values_are_refused() {
    let c = Config::default();
    assert_eq!(c.aggravated_direct_loss_cny, 5_000_000.0);
    assert_eq!(c.elevator_interval_months, 12);
    assert_eq!(
        (
            c.gas_cylinder_corrosive_years,
            c.gas_cylinder_general_years,
            c.gas_cylinder_inert_years
        ),
        (2, 3, 5)
    );
    assert_eq!(
        (
            c.lifting_interval_months,
            c.bridge_gantry_crane_interval_months
        ),
        (12, 24)
    );
    assert_eq!(
        (
            c.ropeway_interval_months,
            c.amusement_ride_interval_months,
            c.site_vehicle_interval_months
        ),
        (12, 12, 12)
    );
    assert_config_refused::<SpecialEquipment>(
        Config {
            aggravated_direct_loss_cny: 999_999.0,
            ..c.clone()
        },
        "`aggravated_direct_loss_cny`",
    );
    assert_config_refused::<SpecialEquipment>(
        Config {
            elevator_interval_months: 0,
            ..c.clone()
        },
        "`elevator_interval_months`",
    );
    assert_config_refused::<SpecialEquipment>(
        Config {
            gas_cylinder_inert_years: 11,
            ..c
        },
        "`gas_cylinder_inert_years`",
    );
    assert!(serde_json::from_str::<Config>(r#"{"unknown": 1}"#).is_err());
    let partial: Config = serde_json::from_str(r#"{"elevator_interval_months": 36}"#).unwrap();
    assert_eq!(partial.bridge_gantry_crane_interval_months, 24);
}

#[test]
fn the_exported_module_describes_the_plugin_with_its_default_config() {
    let module = jianguan_special_equipment::plugin_module();
    let text = module.describe()().unwrap();
    let d: PluginDescription = serde_json::from_str(text.as_str()).unwrap();
    assert_eq!(d.config["elevator_interval_months"], 12);
}
