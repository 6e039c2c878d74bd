//! Checking a fact table against a plugin's schema before the plugin sees it.

use std::collections::BTreeSet;

use jianguan_plugin::{ColumnData, FactSpec, FactTable};

/// 1900-01-01 and 9999-12-31 as days since 1970-01-01: no supervision date
/// falls outside, and plugins' date arithmetic stays in range within them.
const FIRST_DAY: i32 = -25_567;
const LAST_DAY: i32 = 2_932_896;

/// Checks `facts` against `schema`; the error names the row and fact.
pub(super) fn validate_facts(facts: &FactTable, schema: &[FactSpec]) -> Result<(), String> {
    let rows = facts.len();
    let mut seen = BTreeSet::new();
    for column in facts.columns.iter() {
        let name = column.name.as_str();
        if !seen.insert(name) {
            return Err(format!("fact `{name}` is given twice"));
        }
        let Some(spec) = schema.iter().find(|s| s.name == name) else {
            let known: Vec<&str> = schema.iter().map(|s| s.name.as_str()).collect();
            return Err(format!(
                "`{name}` is not a fact of this operation (facts: {})",
                known.join(", ")
            ));
        };
        // A table built by a newer contract's code may hold a kind of
        // values this host does not define; no schema here can ask for it.
        let Some(data) = column.values() else {
            return Err(format!(
                "fact `{name}` must be {}, found values of a kind this host does not know",
                spec.kind
            ));
        };
        if data.kind() != spec.kind {
            return Err(format!(
                "fact `{name}` must be {}, found {} values",
                spec.kind,
                data.kind()
            ));
        }
        if data.len() != rows {
            return Err(format!(
                "fact `{name}` has {} values for {rows} rows",
                data.len()
            ));
        }
        if !column.present.is_empty() && column.present.len() != rows {
            return Err(format!(
                "fact `{name}` has a presence mask of {} for {rows} rows",
                column.present.len()
            ));
        }
        if spec.required
            && let Some(row) = (0..rows).find(|&r| !column.is_present(r))
        {
            return Err(format!("row {row}: required fact `{name}` is missing"));
        }
        check_values(spec, data, |r| column.is_present(r))?;
    }
    if let Some(spec) = schema
        .iter()
        .find(|s| s.required && facts.column(&s.name).is_none())
    {
        return Err(format!(
            "required fact `{}` ({}{}) is missing",
            spec.name,
            spec.kind,
            spec.unit
                .as_deref()
                .map(|u| format!(", {u}"))
                .unwrap_or_default()
        ));
    }
    Ok(())
}

fn check_values(
    spec: &FactSpec,
    data: &ColumnData,
    present: impl Fn(usize) -> bool,
) -> Result<(), String> {
    let name = &spec.name;
    let min = spec.min.unwrap_or(f64::NEG_INFINITY);
    match data {
        ColumnData::Number(values) => {
            for (row, v) in values.iter().enumerate().filter(|(r, _)| present(*r)) {
                if !v.is_finite() {
                    return Err(format!(
                        "row {row}: fact `{name}` is not a finite number ({v})"
                    ));
                }
                if *v < min {
                    return Err(format!(
                        "row {row}: fact `{name}` is {v}, below its minimum {min}"
                    ));
                }
            }
        }
        ColumnData::Integer(values) => {
            for (row, v) in values.iter().enumerate().filter(|(r, _)| present(*r)) {
                if (*v as f64) < min {
                    return Err(format!(
                        "row {row}: fact `{name}` is {v}, below its minimum {min}"
                    ));
                }
            }
        }
        ColumnData::Text(values) if !spec.allowed.is_empty() => {
            for (row, v) in values.iter().enumerate().filter(|(r, _)| present(*r)) {
                if !spec.allowed.iter().any(|a| a == v.as_str()) {
                    return Err(format!(
                        "row {row}: fact `{name}` is `{v}`, not one of: {}",
                        spec.allowed.join(", ")
                    ));
                }
            }
        }
        ColumnData::Date(values) => {
            for (row, v) in values.iter().enumerate().filter(|(r, _)| present(*r)) {
                if !(FIRST_DAY..=LAST_DAY).contains(v) {
                    let date = jianguan_plugin::CivilDate::from_days(*v);
                    return Err(format!(
                        "row {row}: fact `{name}` is {date}, outside 1900-01-01..9999-12-31"
                    ));
                }
            }
        }
        _ => {}
    }
    Ok(())
}
