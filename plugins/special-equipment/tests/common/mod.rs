//! Builds fact tables from JSON rows, typed by the plugin's schema.
#![allow(dead_code)]

use jianguan_plugin::{CivilDate, FactSpec, FactTable, facts_from_json_rows};
use serde_json::Value;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub fn day(text: &str) -> i32 {
    text.parse::<CivilDate>().expect("a date").to_days()
}

/// A table of `rows` (a JSON array) under `specs`; a fact not in the
/// schema, a wrong type or a missing required fact panics, so fixtures stay
/// valid against the schema.
pub fn table(specs: &[FactSpec], rows: &Value) -> FactTable {
    let rows = rows.as_array().expect("an array of rows");
    facts_from_json_rows(rows, specs).unwrap_or_else(|e| panic!("{e}"))
}
