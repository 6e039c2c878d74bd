//! Plugins written in C (include/jianguan_plugin.h): the host loads them from
//! the same folder as Rust plugins, checks the contract version before
//! anything else, refuses a broken table, and runs their results through the
//! same checks. Fixtures: plugins/testing/c/fixture.c, built by
//! scripts/build-c-plugins.sh.

mod plugins;

use jianguan::NaiveDate;
use jianguan::plugin_host::{
    LoadFailure, Operation, PluginCallError, PluginConfigs, PluginHost, ReferralDecision,
    facts_from_json_rows,
};
use jianguan_plugin::PluginErrorKind;
use serde_json::json;

fn configs(fault: &str) -> PluginConfigs {
    let mut c = PluginConfigs::new();
    c.insert("testing_c".into(), json!({ "fault": fault }));
    c
}

fn host(fault: &str) -> PluginHost {
    let mut host = PluginHost::new();
    let id = host
        .load_file(&plugins::c_fixture("ok"), &configs(fault))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(id, "testing_c");
    host
}

fn values(v: &[f64]) -> jianguan::plugin_host::FactTable {
    let rows: Vec<_> = v.iter().map(|x| json!({ "value": x })).collect();
    let host = host("");
    let schema = host
        .get("testing_c")
        .unwrap()
        .schema(Operation::Grading)
        .to_vec();
    facts_from_json_rows(&rows, &schema).expect("facts")
}

fn refused(name: &str) -> jianguan::plugin_host::PluginLoadError {
    *PluginHost::new()
        .load_file(&plugins::c_fixture(name), &PluginConfigs::new())
        .expect_err("must be refused")
}

#[test]
fn a_c_plugin_grades_assesses_and_lists_duties() {
    let host = host("");
    let p = host.get("testing_c").expect("loaded");
    assert_eq!(p.description().name_zh, "测试C插件");
    let facts = values(&[3.0, 12.5, 60000.0]);
    let grades = p.grade(&facts).expect("grades");
    assert_eq!((grades.label(0), grades.label(1)), ("low", "high"));
    assert_eq!(grades.score(2), 60000.0);
    let reasons: Vec<_> = grades.reasons(1).collect();
    assert_eq!(reasons.len(), 1);
    assert_eq!(reasons[0].detail, "value read");
    assert_eq!(reasons[0].citation.article, "第一条");
    let day = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let duties = p.duties(&facts, day).expect("duties");
    assert_eq!(
        duties[0][0].due,
        NaiveDate::from_ymd_opt(2026, 12, 28).unwrap()
    );
    let cases = p.assess_referral(&facts).expect("referral");
    assert_eq!(cases[0].decision, ReferralDecision::DoNotRefer);
    assert_eq!(cases[2].decision, ReferralDecision::Refer);
}

/// The version symbol is read before the table: another major, a newer
/// minor, or text that is no version is refused naming what was found.
#[test]
fn a_wrong_contract_version_is_refused_first() {
    for (name, found) in [("major2", "2.0.0"), ("minor1", "1.1.0"), ("garbled", "one")] {
        let e = refused(name);
        assert_eq!(
            e.failure,
            LoadFailure::CContractVersion {
                expected: "1.0.0".into(),
                found: found.into()
            },
            "{name}"
        );
        let line = e.summary();
        assert!(
            line.contains(&format!(
                "built for C contract {found}, this host implements 1.0.0"
            )),
            "{line}"
        );
    }
}

#[test]
fn a_broken_table_is_refused() {
    for (name, detail) in [
        ("null_table", "jg_plugin_api_table() returned NULL"),
        ("short_table", "size 16 bytes; contract 1.0.0 needs 64"),
        ("null_entry", "entry `grade` is NULL"),
    ] {
        let e = refused(name);
        assert_eq!(e.failure, LoadFailure::CEntryPoints, "{name}");
        assert_eq!(e.details, detail, "{name}");
    }
    let e = refused("bad_json");
    assert_eq!(e.failure, LoadFailure::Description);
}

/// A library with an undefined symbol (a build that forgot `-lm`) is
/// refused at load: with lazy binding it would end the process at its first
/// call.
#[test]
fn an_unresolved_symbol_is_refused_at_load() {
    let e = refused("undefined");
    assert_eq!(e.failure, LoadFailure::Open);
    assert!(
        e.details.contains("undefined symbol: vendor_round"),
        "{}",
        e.details
    );
}

/// Reasons added from the plugin's own threads are all kept.
#[test]
fn callbacks_from_plugin_threads_are_all_collected() {
    let host = host("parallel");
    let rows: Vec<f64> = (0..5000).map(f64::from).collect();
    let grades = host
        .get("testing_c")
        .unwrap()
        .grade(&values(&rows))
        .expect("grades");
    let total: usize = (0..grades.len()).map(|r| grades.reasons(r).count()).sum();
    assert_eq!(total, 4 * 5000);
}

#[test]
fn a_refused_open_carries_the_plugins_message() {
    let e = *PluginHost::new()
        .load_file(&plugins::c_fixture("ok"), &configs("open-fails"))
        .expect_err("refused");
    assert_eq!(e.failure, LoadFailure::Refused);
    assert!(
        e.details.contains("fixture refuses configuration"),
        "{}",
        e.details
    );
}

#[test]
fn a_failure_status_carries_its_kind_and_message() {
    let host = host("grade-fails");
    match host.get("testing_c").unwrap().grade(&values(&[1.0])) {
        Err(PluginCallError::Plugin { error, .. }) => {
            assert_eq!(error.kind, PluginErrorKind::InvalidFacts);
            assert_eq!(
                error.message.as_str(),
                "row 0: fact `value` is not what the fixture wants"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// Results that break the contract are discarded with a message saying how.
#[test]
fn broken_results_are_refused() {
    for (fault, message) in [
        ("unfilled", "row 1: no grade was written"),
        ("bad-row", "add_reason: row 5 of 2 rows"),
        ("bad-utf8", "add_reason: row 0: `detail` is not UTF-8"),
        ("null-detail", "add_reason: row 0: `detail` is NULL"),
        ("citation", "row 0: citation index 5 of 1 citations"),
    ] {
        let host = host(fault);
        match host.get("testing_c").unwrap().grade(&values(&[1.0, 2.0])) {
            Err(PluginCallError::BadResult { message: m, .. }) => {
                assert!(m.starts_with(message), "{fault}: {m}")
            }
            other => panic!("{fault}: {other:?}"),
        }
    }
    let host = host("bad-decision");
    match host
        .get("testing_c")
        .unwrap()
        .assess_referral(&values(&[1.0]))
    {
        Err(PluginCallError::BadResult { message, .. }) => {
            assert_eq!(
                message,
                "add_finding: row 0: decision 7 is not one of 0, 1, 2"
            )
        }
        other => panic!("{other:?}"),
    }
}

/// Facts are validated before the call, for C plugins as for Rust ones.
#[test]
fn invalid_facts_never_reach_a_c_plugin() {
    let host = host("");
    let facts = jianguan_plugin::FactTable::new(1);
    match host.get("testing_c").unwrap().grade(&facts) {
        Err(PluginCallError::InvalidFacts { message, .. }) => {
            assert!(message.contains("value"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

/// C and Rust plugins in one folder load side by side, and a broken C
/// library does not stop the others.
#[test]
fn c_and_rust_plugins_share_a_folder() {
    let dir = plugins::folder_with("c-and-rust", &["jianguan-food"]);
    for name in ["ok", "major2"] {
        let from = plugins::c_fixture(name);
        std::fs::copy(&from, dir.join(from.file_name().unwrap())).expect("copy");
    }
    let mut host = PluginHost::new();
    let report = host.load_dir(&dir, &PluginConfigs::new()).expect("folder");
    assert_eq!(
        report.loaded,
        vec!["food".to_string(), "testing_c".to_string()]
    );
    assert_eq!(report.failures.len(), 1);
    assert!(matches!(
        report.failures[0].failure,
        LoadFailure::CContractVersion { .. }
    ));
}

fn product_quality() -> PluginHost {
    let mut host = PluginHost::new();
    let path = plugins::c_plugin_dir().join("libjianguan_product_quality.so");
    host.load_file(&path, &PluginConfigs::new())
        .unwrap_or_else(|e| panic!("{e}"));
    host
}

/// The example C plugin (examples/c/plugins/product_quality) through the
/// host: the net-content tolerance of the Order 70 table (Qn = 250 g: T =
/// 9 g) and the lot-mean rule.
#[test]
fn the_product_quality_plugin_grades_lots() {
    let host = product_quality();
    let p = host.get("product_quality").expect("loaded");
    assert_eq!(
        p.description().industries,
        vec!["industrial_products".to_string()]
    );
    let lot = |mean: f64| {
        json!({"nominal_quantity": 250, "unit": "g", "mean_actual": mean, "sample_size": 20,
               "units_over_t": 0, "units_over_2t": 0, "allowed_units_over_t": 1})
    };
    let facts = facts_from_json_rows(&[lot(251.0), lot(249.5)], p.schema(Operation::Grading))
        .expect("facts");
    let grades = p.grade(&facts).expect("grades");
    assert_eq!(grades.label(0), "compliant");
    assert_eq!(grades.label(1), "nonconforming");
    let first = grades.reasons(0).next().expect("a reason").detail;
    assert!(first.starts_with("Qn = 250 g：T = 9 g"), "{first}");
}

/// Criminal Law Art. 140 through the police filing standard (立案追诉标准
/// (一) Art. 16): sales of 50,000 refer, 49,999.99 alone does not, and
/// 3 × 43,691.70 + 18,924.90 unsold = 150,000.00 refers (RULES.md §6.1).
#[test]
fn the_product_quality_plugin_assesses_referral_at_the_filing_thresholds() {
    let host = product_quality();
    let p = host.get("product_quality").expect("loaded");
    let cases = [
        json!({"sales_cny": 50000, "adulteration": "confirmed"}),
        json!({"sales_cny": 49999.99, "adulteration": "confirmed"}),
        json!({"sales_cny": 43691.70, "unsold_value_cny": 18924.90, "adulteration": "confirmed"}),
    ];
    let facts = facts_from_json_rows(&cases, p.schema(Operation::Referral)).expect("facts");
    let decisions: Vec<_> = p
        .assess_referral(&facts)
        .expect("assessed")
        .iter()
        .map(|a| a.decision)
        .collect();
    assert_eq!(
        decisions,
        [
            ReferralDecision::Refer,
            ReferralDecision::DoNotRefer,
            ReferralDecision::Refer
        ]
    );
}

#[test]
fn the_product_quality_plugin_built_for_contract_2_is_refused() {
    let path = plugins::c_plugin_dir().join("wrong-version/libjianguan_product_quality.so");
    let e = *PluginHost::new()
        .load_file(&path, &PluginConfigs::new())
        .expect_err("refused");
    assert_eq!(
        e.failure,
        LoadFailure::CContractVersion {
            expected: "1.0.0".into(),
            found: "2.0.0".into()
        }
    );
}
