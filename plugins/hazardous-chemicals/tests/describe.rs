//! The description, citations, catalogue and configuration.

use jianguan_hazardous_chemicals::{Config, HazardousChemicals, cite};
use jianguan_plugin::testing::assert_config_refused;
use jianguan_plugin::{Certainty, Plugin, PluginDescription};

#[test]
fn the_description_round_trips_through_json() {
    let d = HazardousChemicals::describe();
    let text = serde_json::to_string(&d).unwrap();
    let back: PluginDescription = serde_json::from_str(&text).unwrap();
    assert_eq!(back, d);
    assert_eq!(d.id, "hazardous_chemicals");
    assert_eq!(
        d.industries,
        [
            "hazardous_chemical_production",
            "hazardous_chemical_storage",
            "hazardous_chemical_trade"
        ]
    );
    let labels: Vec<_> = d.grades.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["非重大危险源", "四级", "三级", "二级", "一级"]);
    assert!(
        d.rule_sets
            .iter()
            .any(|r| r.number == "GB 18218-2018" && r.effective == "2019-03-01")
    );
    for r in &d.rule_sets {
        assert_eq!(r.effective.len(), 10, "{r:?}");
    }
}

#[test]
fn every_citation_index_is_in_range_and_certainties_follow_rules() {
    let d = HazardousChemicals::describe();
    let n = d.citations.len() as u32;
    // The last constant names the last citation.
    assert_eq!(n, cite::PENALTY_LAW_33 + 1);
    assert_eq!(d.check_references(), Ok(()));
    assert_eq!(
        d.citations[cite::GB_IDENTIFY as usize].certainty,
        Certainty::Corroborated
    );
    assert_eq!(
        d.citations[cite::GB_BETA_RULE as usize].certainty,
        Certainty::Unconfirmed
    );
    assert_eq!(d.citations[cite::HC_REG_22 as usize].article, "第二十二条");
    assert_eq!(
        d.citations[cite::CRIM_134_1 as usize].article,
        "第一百三十四条之一"
    );
    assert_eq!(
        d.citations[cite::INTERP_6 as usize].number,
        "法释〔2015〕22号"
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
fn every_item_has_key_points_and_penalties_follow_the_regulations() {
    let d = HazardousChemicals::describe();
    for item in &d.items {
        assert!(item.checklist.iter().any(|p| p.key), "{}", item.code);
    }
    assert!(!d.exemptions.is_empty());
    let assessment = d
        .violations
        .iter()
        .find(|v| v.code == "HC-NO-ASSESSMENT")
        .unwrap();
    assert_eq!(assessment.penalty.min_fine_cny, Some(50_000.0));
    assert_eq!(assessment.penalty.max_fine_cny, Some(100_000.0));
}

#[test]
fn config_defaults_are_rules_figures_and_bad_values_are_refused() {
    let c = Config::default();
    assert_eq!(c.aggravated_direct_loss_cny, 5_000_000.0);
    assert_eq!(c.technical_lead_check_months, 3);
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(
        json,
        serde_json::json!({ "aggravated_direct_loss_cny": 5_000_000.0, "technical_lead_check_months": 3 })
    );
    assert_config_refused::<HazardousChemicals>(
        Config {
            aggravated_direct_loss_cny: 1_000_000.0,
            ..c.clone()
        },
        "`aggravated_direct_loss_cny`",
    );
    assert_config_refused::<HazardousChemicals>(
        Config {
            technical_lead_check_months: 0,
            ..c
        },
        "`technical_lead_check_months`",
    );
    assert!(serde_json::from_str::<Config>(r#"{"unknown": 1}"#).is_err());
    let partial: Config = serde_json::from_str(r#"{"technical_lead_check_months": 1}"#).unwrap();
    assert_eq!(partial.aggravated_direct_loss_cny, 5_000_000.0);
}

#[test]
fn the_exported_module_describes_the_plugin_with_its_default_config() {
    let module = jianguan_hazardous_chemicals::plugin_module();
    let text = module.describe()().unwrap();
    let d: PluginDescription = serde_json::from_str(text.as_str()).unwrap();
    assert_eq!(d.config["technical_lead_check_months"], 3);
}
