//! Builds fact tables from JSON rows, typed by the plugin's schema.
#![allow(dead_code, unused_imports)] // each test binary uses a part

use jianguan_plugin::{FactSpec, FactTable};
use serde_json::Value;

pub use jianguan_plugin::testing::day;

/// A table of `rows` (a JSON array) under `specs`; a fact not in the
/// schema, a wrong type or a missing required fact panics, so fixtures stay
/// valid against the schema.
pub fn table(specs: &[FactSpec], rows: &Value) -> FactTable {
    jianguan_plugin::testing::table(specs, rows.as_array().expect("an array of rows"))
}

/// As [`table`] with every fact optional, to test the plugin's own check of
/// a missing required fact.
pub fn table_without_required(specs: &[FactSpec], rows: &Value) -> FactTable {
    let optional: Vec<FactSpec> = specs
        .iter()
        .map(|s| FactSpec {
            required: false,
            ..s.clone()
        })
        .collect();
    table(&optional, rows)
}
