//! A plugin built against the previous contract (1.0.0, plugins/testing/
//! contract-1-0) loads into this host (contract 2.x) and runs: grades,
//! duties, referral assessments, its error values and its refusal of a
//! configuration all come through as from a plugin of the current contract.

mod plugins;

use jianguan::NaiveDate;
use jianguan::plugin_host::{
    LoadFailure, PluginCallError, PluginConfigs, PluginHost, ReferralDecision,
};
use jianguan_plugin::{Column, ColumnData, FactTable, PluginErrorKind};
use serde_json::json;

const LIB: &str = "jianguan-testing-contract-1-0";

fn host(configs: &PluginConfigs) -> (PluginHost, String) {
    let mut host = PluginHost::new();
    let id = host
        .load_file(&plugins::lib(LIB), configs)
        .unwrap_or_else(|e| panic!("{e}"));
    (host, id)
}

fn values(v: &[f64]) -> FactTable {
    FactTable::new(v.len()).with(Column::new("value", ColumnData::Number(v.to_vec().into())))
}

#[test]
fn the_library_reports_contract_1_0_and_this_host_implements_2_0() {
    assert_eq!(jianguan_plugin::CONTRACT_VERSION, "2.0.0");
    assert_eq!(jianguan_plugin::v1::CONTRACT_VERSION, "1.0.0");
    let (host, id) = host(&PluginConfigs::new());
    assert_eq!(id, "testing_contract_1_0");
    let p = host.get(&id).unwrap();
    assert_eq!(p.description().name_en, "contract 1.0 plugin");
    assert_eq!(p.description().config, json!({ "threshold": 10.0 }));
}

#[test]
fn a_contract_1_0_plugin_grades() {
    let (host, id) = host(&PluginConfigs::new());
    let grades = host
        .get(&id)
        .unwrap()
        .grade(&values(&[1.0, 10.0, 25.0]))
        .unwrap();
    let labels: Vec<&str> = (0..3).map(|r| grades.label(r)).collect();
    assert_eq!(labels, ["low", "high", "high"]);
    assert_eq!(grades.score(2), 25.0);
    assert_eq!(grades.reasons(0).count(), 0);
    let reason = grades.reasons(1).next().unwrap();
    assert_eq!(reason.citation.article, "第一条");
    assert_eq!(reason.detail, "value 10 ≥ threshold 10");
}

#[test]
fn a_contract_1_0_plugin_computes_duties() {
    let (host, id) = host(&PluginConfigs::new());
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let duties = host
        .get(&id)
        .unwrap()
        .duties(&values(&[0.0, 31.0]), as_of)
        .unwrap();
    assert_eq!(duties.len(), 2);
    assert_eq!(duties[0][0].due, as_of);
    assert_eq!(duties[1][0].code, "report");
    assert_eq!(
        duties[1][0].due,
        NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()
    );
    assert_eq!(duties[1][0].reason.detail, "report within 31 days");
}

#[test]
fn a_contract_1_0_plugin_assesses_referral_and_its_decisions_convert() {
    let (host, id) = host(&PluginConfigs::new());
    let cases = host
        .get(&id)
        .unwrap()
        .assess_referral(&values(&[9.0, 10.0, 20.0]))
        .unwrap();
    let decisions: Vec<ReferralDecision> = cases.iter().map(|c| c.decision).collect();
    assert_eq!(
        decisions,
        [
            ReferralDecision::DoNotRefer,
            ReferralDecision::NeedsTesting,
            ReferralDecision::Refer
        ]
    );
    let (decision, reason) = &cases[2].findings[0];
    assert_eq!(*decision, ReferralDecision::Refer);
    assert_eq!(reason.citation.article, "第二条");
    assert_eq!(reason.detail, "value 20 against threshold 10");
}

#[test]
fn a_contract_1_0_plugin_is_opened_with_its_configuration() {
    let configs: PluginConfigs =
        [("testing_contract_1_0".into(), json!({ "threshold": 30 }))].into();
    let (host, id) = host(&configs);
    let grades = host.get(&id).unwrap().grade(&values(&[25.0])).unwrap();
    assert_eq!(grades.label(0), "low");
}

#[test]
fn a_contract_1_0_plugins_errors_keep_their_kind_and_message() {
    let (host, id) = host(&PluginConfigs::new());
    match host
        .get(&id)
        .unwrap()
        .grade(&values(&[1.0, -2.0]))
        .unwrap_err()
    {
        PluginCallError::Plugin { plugin, error, .. } => {
            assert_eq!(plugin, "testing_contract_1_0");
            assert_eq!(error.kind, PluginErrorKind::InvalidFacts);
            assert_eq!(error.message.as_str(), "row 1: value -2 is negative");
        }
        other => panic!("expected the plugin's error, got {other:?}"),
    }
    let configs: PluginConfigs =
        [("testing_contract_1_0".into(), json!({ "threshold": 0 }))].into();
    let e = PluginHost::new()
        .load_file(&plugins::lib(LIB), &configs)
        .unwrap_err();
    assert_eq!(e.failure, LoadFailure::Refused);
    assert!(
        e.details
            .starts_with("invalid configuration: configuration {\"threshold\":0}"),
        "{e}"
    );
}
