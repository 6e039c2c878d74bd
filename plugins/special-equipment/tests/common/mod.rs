//! Builds fact tables from JSON rows, typed by the plugin's schema.
#![allow(dead_code)]

use jianguan_plugin::{
    CivilDate, Column, ColumnData, FactKind, FactSpec, FactTable, RString, RVec,
};
use serde_json::Value;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub fn day(text: &str) -> i32 {
    parse_date(text).to_days()
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> CivilDate {
    let mut parts = text
        .split('-')
        .map(|p| p.parse::<u32>().expect("date part"));
    let (y, m, d) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    CivilDate::new(y as i32, m, d).expect("valid date")
}

/// A table with one column per fact of `specs` that any row mentions; a
/// row without the fact (or with `null`) marks it missing. Unknown facts
/// panic, so fixtures stay valid against the schema.
pub fn table(specs: &[FactSpec], rows: &Value) -> FactTable {
    let rows = rows.as_array().expect("an array of rows");
    for row in rows {
        for name in row.as_object().expect("a row object").keys() {
            assert!(
                specs.iter().any(|s| &s.name == name),
                "fact `{name}` is not in the schema"
            );
        }
    }
    let mut table = FactTable::new(rows.len());
    for spec in specs {
        let values: Vec<Option<&Value>> = rows
            .iter()
            .map(|r| r.get(&spec.name).filter(|v| !v.is_null()))
            .collect();
        if values.iter().all(Option::is_none) {
            continue;
        }
        let present: Vec<bool> = values.iter().map(Option::is_some).collect();
        let data = match spec.kind {
            FactKind::Number => ColumnData::Number(
                values
                    .iter()
                    .map(|v| v.map_or(0.0, |v| v.as_f64().expect("number")))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            FactKind::Integer => ColumnData::Integer(
                values
                    .iter()
                    .map(|v| v.map_or(0, |v| v.as_i64().expect("integer")))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            FactKind::Flag => ColumnData::Flag(
                values
                    .iter()
                    .map(|v| v.is_some_and(|v| v.as_bool().expect("flag")))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            FactKind::Text => ColumnData::Text(
                values
                    .iter()
                    .map(|v| RString::from(v.map_or("", |v| v.as_str().expect("text"))))
                    .collect::<RVec<_>>(),
            ),
            FactKind::Date => ColumnData::Date(
                values
                    .iter()
                    .map(|v| v.map_or(0, |v| day(v.as_str().expect("date"))))
                    .collect::<Vec<_>>()
                    .into(),
            ),
        };
        if spec.kind == FactKind::Text && !spec.allowed.is_empty() {
            for v in values.iter().flatten() {
                let v = v.as_str().unwrap();
                assert!(
                    spec.allowed.iter().any(|a| a == v),
                    "`{v}` not allowed for `{}`",
                    spec.name
                );
            }
        }
        let mut column = Column::new(&spec.name, data);
        if present.iter().any(|p| !p) {
            column.present = present.into();
        }
        table = table.with(column);
    }
    table
}
