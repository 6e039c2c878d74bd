//! Test helpers: build a `FactTable` from JSON rows, typed by the plugin's
//! own schema, and read results.

#![allow(dead_code)]

use jianguan_drugs::DrugsPlugin;
use jianguan_plugin::{
    CivilDate, Column, ColumnData, FactKind, FactSpec, FactTable, Plugin, RString, RVec,
    ReferralAssessment,
};
use serde_json::Value;

/// Which schema a table is for.
#[derive(Debug, Clone, Copy)]
pub enum Op {
    Grading,
    Duties,
    Referral,
}

pub fn specs(op: Op) -> Vec<FactSpec> {
    let schema = DrugsPlugin::describe().schema;
    match op {
        Op::Grading => schema.grading,
        Op::Duties => schema.duties,
        Op::Referral => schema.referral,
    }
}

pub fn date(text: &str) -> i32 {
    let mut parts = text
        .split('-')
        .map(|p| p.parse::<u32>().expect("date part"));
    let (y, m, d) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    CivilDate::new(y as i32, m, d)
        .expect("valid date")
        .to_days()
}

/// Builds a table from row objects; a key not in the schema panics, so the
/// fixtures are checked against the schema too.
pub fn table(op: Op, rows: &[Value]) -> FactTable {
    let specs = specs(op);
    for (i, row) in rows.iter().enumerate() {
        for key in row.as_object().expect("row object").keys() {
            assert!(
                specs.iter().any(|s| &s.name == key),
                "row {i}: `{key}` is not in the schema"
            );
        }
    }
    let mut table = FactTable::new(rows.len());
    for spec in &specs {
        let values: Vec<Option<&Value>> = rows
            .iter()
            .map(|r| r.get(&spec.name).filter(|v| !v.is_null()))
            .collect();
        if values.iter().all(Option::is_none) {
            assert!(
                !spec.required || rows.is_empty(),
                "required `{}` missing",
                spec.name
            );
            continue;
        }
        let present: RVec<bool> = values.iter().map(Option::is_some).collect();
        let data = match spec.kind {
            FactKind::Number => ColumnData::Number(
                values
                    .iter()
                    .map(|v| v.map_or(0.0, |v| v.as_f64().expect("number")))
                    .collect(),
            ),
            FactKind::Integer => ColumnData::Integer(
                values
                    .iter()
                    .map(|v| v.map_or(0, |v| v.as_i64().expect("integer")))
                    .collect(),
            ),
            FactKind::Flag => ColumnData::Flag(
                values
                    .iter()
                    .map(|v| v.is_some_and(|v| v.as_bool().expect("flag")))
                    .collect(),
            ),
            FactKind::Text => ColumnData::Text(
                values
                    .iter()
                    .map(|v| RString::from(v.map_or("", |v| v.as_str().expect("text"))))
                    .collect(),
            ),
            FactKind::Date => ColumnData::Date(
                values
                    .iter()
                    .map(|v| v.map_or(0, |v| date(v.as_str().expect("date"))))
                    .collect(),
            ),
        };
        if spec.kind == FactKind::Text && !spec.allowed.is_empty() {
            for v in values.iter().flatten() {
                let code = v.as_str().unwrap();
                assert!(
                    spec.allowed.iter().any(|a| a == code),
                    "`{}`: `{code}` not allowed",
                    spec.name
                );
            }
        }
        table = table.with(Column {
            name: spec.name.as_str().into(),
            data,
            present,
        });
    }
    table
}

pub fn plugin() -> DrugsPlugin {
    DrugsPlugin::open(Default::default()).expect("default config opens")
}

pub fn article(index: u32) -> String {
    DrugsPlugin::describe().citations[index as usize]
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
