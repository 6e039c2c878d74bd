//! Test helpers: fact tables typed by the plugin's own schema, and readable
//! results (see `jianguan_plugin::testing`).

#![allow(dead_code, unused_imports)] // each test binary uses a part

use jianguan_food::FoodPlugin;
use jianguan_plugin::{FactTable, ReferralAssessment, ReferralDecision, testing};
use serde_json::Value;

/// Which schema a table is for.
pub use jianguan_plugin::Operation as Op;
pub use jianguan_plugin::testing::day as date;

/// A table of `rows` under the plugin's schema for `op` (panics on a schema error).
pub fn table(op: Op, rows: &[Value]) -> FactTable {
    testing::plugin_table::<FoodPlugin>(op, rows)
}

pub fn plugin() -> FoodPlugin {
    testing::open_default()
}

pub fn article(index: u32) -> String {
    testing::article::<FoodPlugin>(index)
}

pub fn findings(a: &ReferralAssessment) -> Vec<(ReferralDecision, String, String)> {
    testing::findings::<FoodPlugin>(a)
}

pub fn fixture(name: &str) -> Vec<Value> {
    testing::fixture(env!("CARGO_MANIFEST_DIR"), name)
}
