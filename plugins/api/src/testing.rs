//! Helpers for the tests of plugins (feature `test-fixtures`): fact tables
//! from JSON rows that panic on any schema error, dates, fixtures, and
//! readable findings.

use serde_json::Value;

use crate::{
    CivilDate, FactSpec, FactTable, Operation, Plugin, ReferralAssessment, ReferralDecision,
    facts_from_json_rows,
};

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
///
/// # Panics
/// When `text` is not a valid date.
pub fn day(text: &str) -> i32 {
    text.parse::<CivilDate>().expect("a date").to_days()
}

/// A table of `rows` under `specs`.
///
/// # Panics
/// On a fact not in the schema, a wrong type or a missing required fact, so
/// that test rows and fixtures stay valid against the schema.
pub fn table(specs: &[FactSpec], rows: &[Value]) -> FactTable {
    facts_from_json_rows(rows, specs).unwrap_or_else(|e| panic!("{e}"))
}

/// [`table`] under plugin `P`'s schema for `op`.
///
/// # Panics
/// As [`table`].
pub fn plugin_table<P: Plugin>(op: Operation, rows: &[Value]) -> FactTable {
    table(P::describe().schema.get(op), rows)
}

/// Plugin `P` opened with its default configuration.
///
/// # Panics
/// When the defaults do not open.
pub fn open_default<P: Plugin>() -> P {
    P::open(Default::default()).expect("the default configuration opens")
}

/// The article of plugin `P`'s citation `index`, e.g. `第一百四十三条`.
pub fn article<P: Plugin>(index: u32) -> String {
    P::describe().citations[index as usize].article.clone()
}

/// The findings of an assessment as (decision, article, detail).
pub fn findings<P: Plugin>(a: &ReferralAssessment) -> Vec<(ReferralDecision, String, String)> {
    let citations = P::describe().citations;
    a.findings
        .iter()
        .map(|f| {
            (
                f.decision,
                citations[f.reason.citation as usize].article.clone(),
                f.reason.detail.to_string(),
            )
        })
        .collect()
}

/// The rows of fixture file `name` in `<manifest_dir>/fixtures/`.
///
/// # Panics
/// When the file is missing or not a JSON array.
pub fn fixture(manifest_dir: &str, name: &str) -> Vec<Value> {
    let path = format!("{manifest_dir}/fixtures/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Asserts that opening plugin `P` with `config` is refused as
/// `InvalidConfig` with a message naming `field`.
///
/// # Panics
/// When the configuration opens, or the error is of another kind or does
/// not name the field.
pub fn assert_config_refused<P: Plugin>(config: P::Config, field: &str) {
    match P::open(config) {
        Ok(_) => panic!("a configuration with a bad `{field}` opened"),
        Err(e) => {
            assert_eq!(e.kind, crate::PluginErrorKind::InvalidConfig, "{e}");
            assert!(e.message.contains(field), "`{field}` not named in: {e}");
        }
    }
}

/// Asserts that every citation constant a plugin declares with
/// [`citations!`](crate::citations) (`names`: its `CITATION_NAMES`) is used
/// as `cite::NAME` somewhere in `users` (the sources of the modules that
/// build results and the catalogue).
///
/// # Panics
/// On a constant that is never used.
pub fn assert_citations_used(names: &[&str], users: &[&str]) {
    let users = users.concat();
    for name in names {
        assert!(
            users.contains(&format!("cite::{name}")),
            "{name} is never used"
        );
    }
}
