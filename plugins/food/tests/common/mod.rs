//! Test helpers: build a `FactTable` from JSON rows, typed by the plugin's
//! own schema, and read results.

#![allow(dead_code)]

use jianguan_food::FoodPlugin;
use jianguan_plugin::{
    CivilDate, FactSpec, FactTable, Plugin, ReferralAssessment, facts_from_json_rows,
};
use serde_json::Value;

/// Which schema a table is for.
pub use jianguan_plugin::Operation as Op;

pub fn specs(op: Op) -> Vec<FactSpec> {
    FoodPlugin::describe().schema.get(op).to_vec()
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub fn date(text: &str) -> i32 {
    text.parse::<CivilDate>().expect("a date").to_days()
}

/// Builds a table from row objects; a key not in the schema, a wrong type
/// or a missing required fact panics, so the fixtures are checked against
/// the schema too.
pub fn table(op: Op, rows: &[Value]) -> FactTable {
    facts_from_json_rows(rows, &specs(op)).unwrap_or_else(|e| panic!("{e}"))
}

pub fn plugin() -> FoodPlugin {
    FoodPlugin::open(Default::default()).expect("default config opens")
}

pub fn article(index: u32) -> String {
    FoodPlugin::describe().citations[index as usize]
        .article
        .clone()
}

/// The findings of an assessment as (decision, article, detail).
pub fn findings(
    a: &ReferralAssessment,
) -> Vec<(jianguan_plugin::ReferralDecision, String, String)> {
    a.findings
        .iter()
        .map(|f| {
            (
                f.decision,
                article(f.reason.citation),
                f.reason.detail.to_string(),
            )
        })
        .collect()
}

pub fn fixture(name: &str) -> Vec<Value> {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    serde_json::from_str(&text).expect("fixture is a JSON array")
}
