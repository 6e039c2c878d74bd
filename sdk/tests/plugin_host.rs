//! The host against deliberately broken plugins (plugins/testing): each one
//! is refused with a one-line summary, the process survives, and the host
//! keeps working.

mod plugins;

use jianguan::plugin_host::{
    LoadFailure, PluginCallError, PluginConfigs, PluginHost, facts_from_json_rows,
    facts_from_text_rows,
};
use jianguan_plugin::{Column, ColumnData, FactTable, PluginErrorKind};
use serde_json::json;

fn load(name: &str) -> Result<String, Box<jianguan::plugin_host::PluginLoadError>> {
    PluginHost::new().load_file(&plugins::lib(name), &PluginConfigs::new())
}

fn failure(name: &str) -> jianguan::plugin_host::PluginLoadError {
    *load(name).expect_err("a broken plugin must be refused")
}

/// A host with the panicking fixture loaded, and its id.
fn panics_host() -> (PluginHost, String) {
    let mut host = PluginHost::new();
    let id = host
        .load_file(
            &plugins::lib("jianguan-testing-panics"),
            &PluginConfigs::new(),
        )
        .unwrap();
    (host, id)
}

#[test]
fn a_host_and_its_plugins_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<PluginHost>();
    shared::<jianguan::plugin_host::LoadedPlugin>();
}

fn one_line(e: &jianguan::plugin_host::PluginLoadError) -> String {
    let summary = e.summary();
    assert!(
        !summary.contains('\n'),
        "summary must be one line: {summary}"
    );
    assert!(
        e.to_string().starts_with(&summary),
        "Display starts with the summary"
    );
    summary
}

#[test]
fn a_missing_file_is_refused() {
    let dir = plugins::scratch("missing");
    let e = *PluginHost::new()
        .load_file(&dir.join("libnothing.so"), &PluginConfigs::new())
        .unwrap_err();
    assert_eq!(e.failure, LoadFailure::Open);
    let s = one_line(&e);
    assert!(
        s.contains("libnothing.so") && s.contains("cannot be opened"),
        "{s}"
    );
}

#[test]
fn a_corrupt_file_is_refused() {
    let dir = plugins::scratch("corrupt");
    let path = dir.join(format!("libcorrupt{}", std::env::consts::DLL_SUFFIX));
    // A truncated copy of a real plugin: the right magic, a broken body.
    let real = std::fs::read(plugins::lib("jianguan-testing-panics")).unwrap();
    std::fs::write(&path, &real[..real.len().min(4096)]).unwrap();
    let e = *PluginHost::new()
        .load_file(&path, &PluginConfigs::new())
        .unwrap_err();
    assert_eq!(e.failure, LoadFailure::Open);
    assert!(one_line(&e).contains("plugin `corrupt`"));
    assert!(
        e.details.contains("(truncated?)") || e.details.starts_with("not an object file"),
        "{}",
        e.details
    );
    // Not an object file at all.
    std::fs::write(&path, "这不是动态库").unwrap();
    let e = *PluginHost::new()
        .load_file(&path, &PluginConfigs::new())
        .unwrap_err();
    assert_eq!(e.failure, LoadFailure::Open);
    assert!(e.details.starts_with("not an object file"), "{}", e.details);
}

#[test]
fn a_library_without_a_root_module_is_not_a_plugin() {
    let e = failure("jianguan-testing-not-a-plugin");
    assert_eq!(e.failure, LoadFailure::NotAPlugin);
    assert!(one_line(&e).contains("is not a jianguan plugin"));
}

#[test]
fn another_contract_major_is_refused_before_any_plugin_code_runs() {
    let e = failure("jianguan-testing-future-contract");
    assert_eq!(
        e.failure,
        LoadFailure::ContractVersion {
            expected: "2.0.0".into(),
            found: "3.0.0".into()
        }
    );
    let s = one_line(&e);
    assert!(
        s.contains("plugin contract 3.0.0")
            && s.contains("implements 2.0.0")
            && s.contains("rebuild"),
        "{s}"
    );
}

#[test]
fn a_layout_mismatch_is_one_line_first_and_details_below() {
    let e = failure("jianguan-testing-mislaid");
    assert_eq!(
        e.failure,
        LoadFailure::Layout {
            expected: "2.0.0".into(),
            found: "2.0.0".into()
        }
    );
    let s = one_line(&e);
    assert!(s.contains("do not match contract 2.0.0"), "{s}");
    assert!(!e.details.is_empty());
    assert!(e.to_string().contains("\n  details:\n"));
}

#[test]
fn a_panicking_root_module_constructor_is_contained() {
    let e = failure("jianguan-testing-loader-panics");
    assert_eq!(e.failure, LoadFailure::Constructor);
    assert!(one_line(&e).contains("failed while constructing"));
}

#[test]
fn a_description_citing_a_missing_article_is_refused() {
    let e = failure("jianguan-testing-bad-description");
    assert_eq!(e.failure, LoadFailure::Description);
    assert_eq!(e.plugin, "testing_bad_description");
    assert!(
        e.details.contains("cites index 7 of 1 citations"),
        "{}",
        e.details
    );
}

#[test]
fn panics_inside_entry_points_come_back_as_errors_and_the_host_keeps_working() {
    let (host, id) = panics_host();
    let plugin = host.get(&id).unwrap();
    let facts = FactTable::new(1).with(Column::new("value", ColumnData::Number(vec![1.0].into())));
    for _ in 0..3 {
        match plugin.grade(&facts).unwrap_err() {
            PluginCallError::Plugin {
                plugin,
                operation,
                error,
            } => {
                assert_eq!((plugin.as_str(), operation), ("testing_panics", "grading"));
                assert_eq!(error.kind, PluginErrorKind::Panicked);
                assert_eq!(error.message.as_str(), "fixture: grade panicked on purpose");
            }
            other => panic!("expected a plugin error, got {other:?}"),
        }
    }
    let date = jianguan::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let e = plugin.duties(&facts, date).unwrap_err().to_string();
    assert!(
        e.ends_with("plugin panicked: fixture: duties panicked with a String"),
        "{e}"
    );
    let e = plugin.assess_referral(&facts).unwrap_err().to_string();
    assert!(
        e.ends_with("plugin panicked: panic with a non-text payload"),
        "{e}"
    );
}

#[test]
fn a_panic_while_opening_refuses_the_plugin() {
    let configs: PluginConfigs =
        [("testing_panics".to_string(), json!({"panic_on_open": true}))].into();
    let e = *PluginHost::new()
        .load_file(&plugins::lib("jianguan-testing-panics"), &configs)
        .unwrap_err();
    assert_eq!(e.failure, LoadFailure::Refused);
    assert!(
        e.details.contains("fixture: open panicked on purpose"),
        "{}",
        e.details
    );
    let configs: PluginConfigs = [("testing_panics".to_string(), json!({"no_such_key": 1}))].into();
    let e = *PluginHost::new()
        .load_file(&plugins::lib("jianguan-testing-panics"), &configs)
        .unwrap_err();
    assert_eq!(e.failure, LoadFailure::Refused);
    assert!(e.details.contains("no_such_key"), "{}", e.details);
}

#[test]
fn a_folder_loads_what_it_can_and_reports_the_rest() {
    let dir = plugins::folder_with(
        "folder",
        &[
            "jianguan-testing-panics",
            "jianguan-testing-bad-description",
            "jianguan-testing-future-contract",
            "jianguan-testing-loader-panics",
            "jianguan-testing-mislaid",
            "jianguan-testing-not-a-plugin",
        ],
    );
    std::fs::write(dir.join("README.txt"), "not a library").unwrap();
    // A second copy of a loaded plugin registers the same id.
    std::fs::copy(
        plugins::lib("jianguan-testing-panics"),
        dir.join(format!("libzz_copy{}", std::env::consts::DLL_SUFFIX)),
    )
    .unwrap();
    let mut host = PluginHost::new();
    let report = host.load_dir(&dir, &PluginConfigs::new()).unwrap();
    assert_eq!(report.loaded, ["testing_panics"]);
    let kinds: Vec<_> = report.failures.iter().map(|f| f.failure.clone()).collect();
    assert_eq!(kinds.len(), 6, "{kinds:?}");
    assert!(matches!(kinds[0], LoadFailure::Description));
    assert!(matches!(kinds[1], LoadFailure::ContractVersion { .. }));
    assert!(matches!(kinds[2], LoadFailure::Constructor));
    assert!(matches!(kinds[3], LoadFailure::Layout { .. }));
    assert!(matches!(kinds[4], LoadFailure::NotAPlugin));
    match &kinds[5] {
        LoadFailure::DuplicateId { id, first } => {
            assert_eq!(id, "testing_panics");
            assert!(first.ends_with("libjianguan_testing_panics.so"), "{first}");
        }
        other => panic!("expected a duplicate id, got {other:?}"),
    }
    for f in &report.failures {
        one_line(f);
    }
    assert_eq!(host.len(), 1);
}

#[test]
fn facts_are_checked_against_the_schema_before_the_plugin_is_called() {
    // The fixture panics on any grading call, so each InvalidFacts below
    // proves the plugin was never reached.
    let (host, id) = panics_host();
    let plugin = host.get(&id).unwrap();
    let cases = [
        (
            FactTable::new(1).with(Column::new("valu", ColumnData::Number(vec![1.0].into()))),
            "`valu` is not a fact of this operation (facts: value)",
        ),
        (
            FactTable::new(1).with(Column::new("value", ColumnData::Integer(vec![1].into()))),
            "fact `value` must be number, found integer values",
        ),
        (
            FactTable::new(1),
            "required fact `value` (number) is missing",
        ),
        (
            FactTable::new(2).with(Column::new(
                "value",
                ColumnData::Number(vec![1.0, f64::NAN].into()),
            )),
            "row 1: fact `value` is not a finite number (NaN)",
        ),
        (
            FactTable::new(2).with(Column::new("value", ColumnData::Number(vec![1.0].into()))),
            "fact `value` has 1 values for 2 rows",
        ),
        (
            FactTable::new(2).with(Column {
                present: vec![true, false].into(),
                ..Column::new("value", ColumnData::Number(vec![1.0, 2.0].into()))
            }),
            "row 1: required fact `value` is missing",
        ),
    ];
    for (facts, expected) in cases {
        match plugin.grade(&facts).unwrap_err() {
            PluginCallError::InvalidFacts { message, .. } => assert_eq!(message, expected),
            other => panic!("expected InvalidFacts, got {other:?}"),
        }
    }
}

#[test]
fn rows_become_typed_columns_by_the_schema() {
    let (host, id) = panics_host();
    let schema = host.get(&id).unwrap().description().schema.grading.clone();
    let t = facts_from_json_rows(&[json!({"value": 1.5}), json!({"value": 2})], &schema).unwrap();
    assert_eq!(t.numbers("value").unwrap().get(1), Some(&2.0));
    let e =
        facts_from_json_rows(&[json!({"value": 1}), json!({"value": "x"})], &schema).unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 1, fact `value`: expected a number, found \"x\""
    );
    let e = facts_from_json_rows(&[json!({"value": 1, "extra": 2})], &schema).unwrap_err();
    assert_eq!((e.row, e.fact.as_deref()), (Some(0), Some("extra")));
    let e = facts_from_json_rows(&[json!({})], &schema).unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 0, fact `value`: required fact is missing"
    );
    let header = vec!["value".to_string()];
    let t = facts_from_text_rows(&header, vec![vec!["3"], vec!["4.25"]], &schema).unwrap();
    assert_eq!(t.len(), 2);
    assert_eq!(t.numbers("value").unwrap().get(1), Some(&4.25));
    let e = facts_from_text_rows(&header, vec![vec!["3"], vec![""]], &schema).unwrap_err();
    assert_eq!(
        e.to_string(),
        "row 1, fact `value`: required fact is missing"
    );
    let e = facts_from_text_rows(&header, vec![vec!["3", "4"]], &schema).unwrap_err();
    assert_eq!(e.message, "2 cells under a header of 1");
}

#[test]
fn a_plugin_built_for_a_newer_minor_contract_loads() {
    // Contract 2.1.0 appends an entry point; a 2.0 host uses the ones it knows.
    let mut host = PluginHost::new();
    let id = host
        .load_file(
            &plugins::lib("jianguan-testing-newer-minor"),
            &PluginConfigs::new(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(id, "testing_minimal");
    let facts = FactTable::new(2).with(Column::new(
        "value",
        ColumnData::Number(vec![1.0, 2.0].into()),
    ));
    let grades = host.get(&id).unwrap().grade(&facts).unwrap();
    assert_eq!((grades.label(0), grades.label(1)), ("low", "low"));
}

fn bad_results(fault: &str) -> (PluginHost, String) {
    let configs: PluginConfigs =
        [("testing_bad_results".to_string(), json!({ "fault": fault }))].into();
    let mut host = PluginHost::new();
    let id = host
        .load_file(&plugins::lib("jianguan-testing-bad-results"), &configs)
        .unwrap_or_else(|e| panic!("{e}"));
    (host, id)
}

fn one_value() -> FactTable {
    FactTable::new(2).with(Column::new(
        "value",
        ColumnData::Number(vec![1.0, 2.0].into()),
    ))
}

fn bad_result_message(e: PluginCallError) -> String {
    match e {
        PluginCallError::BadResult { message, .. } => message,
        other => panic!("expected BadResult, got {other:?}"),
    }
}

/// The error of a referral assessment by the bad-results fixture with `fault`.
fn referral_error(fault: &str) -> PluginCallError {
    let (host, id) = bad_results(fault);
    host.get(&id)
        .unwrap()
        .assess_referral(&one_value())
        .unwrap_err()
}

#[test]
fn results_that_break_the_contract_are_discarded_with_the_reason() {
    let as_of = jianguan::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let (host, id) = bad_results("");
    let p = host.get(&id).unwrap();
    assert_eq!(p.grade(&one_value()).unwrap().len(), 2);
    assert_eq!(p.duties(&one_value(), as_of).unwrap()[1][0].due, as_of);
    // The export macro itself refuses a batch of the wrong length.
    let (host, id) = bad_results("rows");
    match host.get(&id).unwrap().grade(&one_value()).unwrap_err() {
        PluginCallError::Plugin { error, .. } => assert_eq!(
            error.to_string(),
            "plugin failure: 2 grades, 1 scores and 2 reason lists for 2 input rows"
        ),
        other => panic!("expected a plugin error, got {other:?}"),
    }
    for (fault, expected) in [
        ("grade", "row 0: grade index 9 of 2 grades"),
        ("citation", "row 0: citation index 5 of 1 citations"),
        ("score", "row 0: score NaN is not a finite number"),
    ] {
        let (host, id) = bad_results(fault);
        let e = host.get(&id).unwrap().grade(&one_value()).unwrap_err();
        assert_eq!(bad_result_message(e), expected, "{fault}");
    }
    let (host, id) = bad_results("due");
    let e = host
        .get(&id)
        .unwrap()
        .duties(&one_value(), as_of)
        .unwrap_err();
    assert_eq!(
        bad_result_message(e),
        "row 0: duty `fixture` is due on day 2147483647, outside the calendar"
    );
    let (host, id) = bad_results("duty-rows");
    let e = host
        .get(&id)
        .unwrap()
        .duties(&one_value(), as_of)
        .unwrap_err();
    assert_eq!(bad_result_message(e), "3 rows of duties for 2 rows");
    assert_eq!(
        bad_result_message(referral_error("decision")),
        "row 0: decision DoNotRefer is not the strongest finding's (Refer)"
    );
}

#[test]
fn codes_no_contract_defines_yet_are_contract_violations_naming_plugin_row_and_value() {
    // A plugin of a later minor may return a decision or error kind this
    // host does not know: refused as a bad result, never read as another.
    assert_eq!(
        referral_error("unknown-decision").to_string(),
        "plugin `testing_bad_results` referral returned an invalid result: \
         row 1: decision code 7, which plugin contract 2.0.0 does not define"
    );
    let (host, id) = bad_results("unknown-kind");
    let e = host.get(&id).unwrap().grade(&one_value()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "plugin `testing_bad_results` grading returned an invalid result: \
         an error of kind 200, which plugin contract 2.0.0 does not define: quota exceeded"
    );
}

#[test]
fn every_schema_rule_refuses_its_bad_value() {
    let (host, id) = bad_results("");
    let p = host.get(&id).unwrap();
    let base = || one_value();
    let cases = [
        (
            base().with(Column::new(
                "value",
                ColumnData::Number(vec![1.0, 2.0].into()),
            )),
            "fact `value` is given twice",
        ),
        (
            FactTable::new(2).with(Column {
                present: vec![true].into(),
                ..Column::new("value", ColumnData::Number(vec![1.0, 2.0].into()))
            }),
            "fact `value` has a presence mask of 1 for 2 rows",
        ),
        (
            FactTable::new(2).with(Column::new(
                "value",
                ColumnData::Number(vec![1.0, -0.5].into()),
            )),
            "row 1: fact `value` is -0.5, below its minimum 0",
        ),
        (
            base().with(Column::new(
                "count",
                ColumnData::Integer(vec![0, -1].into()),
            )),
            "row 1: fact `count` is -1, below its minimum 0",
        ),
        (
            base().with(Column::new(
                "code",
                ColumnData::Text(vec!["a".into(), "c".into()].into()),
            )),
            "row 1: fact `code` is `c`, not one of: a, b",
        ),
        (
            base().with(Column::new(
                "when",
                ColumnData::Date(vec![0, -25_568].into()),
            )),
            "row 1: fact `when` is 1899-12-31, outside 1900-01-01..9999-12-31",
        ),
    ];
    for (facts, expected) in cases {
        match p.grade(&facts).unwrap_err() {
            PluginCallError::InvalidFacts { message, .. } => assert_eq!(message, expected),
            other => panic!("expected InvalidFacts, got {other:?}"),
        }
    }
    // At the edges: zero, the first and the last accepted day.
    let ok = base()
        .with(Column::new("count", ColumnData::Integer(vec![0, 0].into())))
        .with(Column::new(
            "when",
            ColumnData::Date(vec![-25_567, 2_932_896].into()),
        ));
    assert_eq!(p.grade(&ok).unwrap().len(), 2);
}

#[test]
fn two_plugins_serving_one_industry_are_refused() {
    let mut host = PluginHost::new();
    let food = plugins::lib("jianguan-food");
    host.load_file(&food, &PluginConfigs::new()).unwrap();
    // The minimal fixture also serves food_sales.
    let e = *host
        .load_file(
            &plugins::lib("jianguan-testing-newer-minor"),
            &PluginConfigs::new(),
        )
        .unwrap_err();
    match &e.failure {
        LoadFailure::IndustryTaken { industry, first } => {
            assert_eq!(industry, "food_sales");
            assert!(first.starts_with("`food` ("), "{first}");
        }
        other => panic!("expected IndustryTaken, got {other:?}"),
    }
    assert!(one_line(&e).contains("keep one plugin per industry"));
    assert_eq!(host.len(), 1);
    assert_eq!(
        host.for_industry(jianguan::entity::Industry::FoodSales)
            .map(|p| p.id()),
        Some("food")
    );
}

/// A plugin offering only the essential operations: describe, open, grade.
struct GradesOnly;

impl jianguan_plugin::Plugin for GradesOnly {
    type Config = ();

    fn describe() -> jianguan_plugin::PluginDescription {
        jianguan_plugin::fixtures::minimal_description("testing_grades_only")
    }

    fn open(_: ()) -> Result<Self, jianguan_plugin::PluginError> {
        Ok(Self)
    }

    fn grade(
        &self,
        facts: &FactTable,
    ) -> Result<jianguan_plugin::GradeBatch, jianguan_plugin::PluginError> {
        let mut batch = jianguan_plugin::GradeBatch::with_capacity(facts.len());
        for _ in 0..facts.len() {
            batch.push(1, 1.0, Default::default());
        }
        Ok(batch)
    }
}

#[test]
fn an_operation_a_plugin_does_not_offer_is_an_unsupported_error_for_that_call() {
    let mut host = PluginHost::new();
    let id = host
        .register_static(
            jianguan_plugin::export::module::<GradesOnly>(),
            &PluginConfigs::new(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let p = host.get(&id).unwrap();
    assert_eq!(p.grade(&one_value()).unwrap().label(1), "high");
    let as_of = jianguan::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    match p.duties(&one_value(), as_of).unwrap_err() {
        PluginCallError::Plugin { error, .. } => {
            assert_eq!(error.kind, PluginErrorKind::Unsupported)
        }
        other => panic!("expected the plugin's error, got {other:?}"),
    }
    assert_eq!(
        p.assess_referral(&one_value()).unwrap_err().to_string(),
        "plugin `testing_grades_only` referral failed: operation not supported: \
         operation `referral` is not supported by this plugin"
    );
}
