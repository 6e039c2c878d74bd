//! Building a [`FactTable`] from rows (JSON objects, or text cells as a CSV
//! reader gives them), typed by a plugin's schema.

use std::fmt;

use abi_stable::std_types::{RString, RVec};

use crate::{CivilDate, Column, ColumnData, FactKind, FactSpec, FactTable};

/// A row (or a header) that could not be turned into facts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FactRowsError {
    /// Data row number, from 0; `None` for the header of text rows.
    pub row: Option<usize>,
    /// The fact (column) name, when the error is about one.
    pub fact: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl FactRowsError {
    fn at(row: usize, fact: &str, message: impl Into<String>) -> Self {
        Self {
            row: Some(row),
            fact: (!fact.is_empty()).then(|| fact.to_string()),
            message: message.into(),
        }
    }

    fn header(fact: &str, message: impl Into<String>) -> Self {
        Self {
            row: None,
            fact: Some(fact.to_string()),
            message: message.into(),
        }
    }
}

impl fmt::Display for FactRowsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.fact) {
            (Some(r), Some(fact)) => write!(f, "row {r}, fact `{fact}`: {}", self.message),
            (Some(r), None) => write!(f, "row {r}: {}", self.message),
            (None, Some(fact)) => write!(f, "header, column `{fact}`: {}", self.message),
            (None, None) => write!(f, "header: {}", self.message),
        }
    }
}

/// One value, typed.
enum Value {
    Number(f64),
    Integer(i64),
    Flag(bool),
    Text(String),
    Date(i32),
}

/// Accumulates one column.
struct Builder<'a> {
    spec: &'a FactSpec,
    data: ColumnData,
    present: Vec<bool>,
    any: bool,
}

impl<'a> Builder<'a> {
    fn new(spec: &'a FactSpec, rows: usize) -> Self {
        let data = match spec.kind {
            FactKind::Number => ColumnData::Number(RVec::with_capacity(rows)),
            FactKind::Integer => ColumnData::Integer(RVec::with_capacity(rows)),
            FactKind::Flag => ColumnData::Flag(RVec::with_capacity(rows)),
            FactKind::Text => ColumnData::Text(RVec::with_capacity(rows)),
            FactKind::Date => ColumnData::Date(RVec::with_capacity(rows)),
        };
        Self {
            spec,
            data,
            present: Vec::with_capacity(rows),
            any: false,
        }
    }

    fn push(&mut self, value: Option<Value>) {
        self.any |= value.is_some();
        self.present.push(value.is_some());
        match (&mut self.data, value) {
            (ColumnData::Number(v), Some(Value::Number(x))) => v.push(x),
            (ColumnData::Integer(v), Some(Value::Integer(x))) => v.push(x),
            (ColumnData::Flag(v), Some(Value::Flag(x))) => v.push(x),
            (ColumnData::Text(v), Some(Value::Text(x))) => v.push(RString::from(x)),
            (ColumnData::Date(v), Some(Value::Date(x))) => v.push(x),
            // Missing: a placeholder the presence mask hides.
            (ColumnData::Number(v), _) => v.push(0.0),
            (ColumnData::Integer(v), _) => v.push(0),
            (ColumnData::Flag(v), _) => v.push(false),
            (ColumnData::Text(v), _) => v.push(RString::new()),
            (ColumnData::Date(v), _) => v.push(0),
        }
    }

    fn finish(self) -> Option<Column> {
        self.any.then(|| {
            let all = self.present.iter().all(|p| *p);
            Column {
                present: if all {
                    RVec::new()
                } else {
                    self.present.into()
                },
                ..Column::new(&self.spec.name, self.data)
            }
        })
    }
}

/// Builds a table from JSON objects, one per row: keys are fact names,
/// `null` or an absent key is a missing value, dates are `"YYYY-MM-DD"`.
///
/// # Errors
/// [`FactRowsError`] naming the row and fact for a non-object row, a key
/// that is not in the schema, a value of the wrong type, or a missing
/// required fact.
pub fn facts_from_json_rows(
    rows: &[serde_json::Value],
    schema: &[FactSpec],
) -> Result<FactTable, FactRowsError> {
    let mut builders: Vec<Builder<'_>> =
        schema.iter().map(|s| Builder::new(s, rows.len())).collect();
    for (row, value) in rows.iter().enumerate() {
        let err = |fact: &str, message: String| FactRowsError::at(row, fact, message);
        let object = value
            .as_object()
            .ok_or_else(|| err("", "a row must be a JSON object".into()))?;
        if let Some(key) = object
            .keys()
            .find(|k| !schema.iter().any(|s| &s.name == *k))
        {
            return Err(err(key, unknown_fact(schema)));
        }
        for b in &mut builders {
            let v = match object.get(&b.spec.name) {
                None | Some(serde_json::Value::Null) => None,
                Some(v) => Some(from_json(b.spec, v).map_err(|m| err(&b.spec.name, m))?),
            };
            if v.is_none() && b.spec.required {
                return Err(err(&b.spec.name, "required fact is missing".into()));
            }
            b.push(v);
        }
    }
    Ok(finish(rows.len(), builders))
}

/// Builds a table from text rows (e.g. CSV records) under a header of fact
/// names; an empty cell is a missing value. Flags read `true`/`false`,
/// `1`/`0`, `yes`/`no` or `是`/`否`; dates `YYYY-MM-DD`.
///
/// # Errors
/// [`FactRowsError`] for a header name not in the schema (an error with no
/// row, naming the column), a row with
/// another number of cells, a cell that does not parse as its fact's type,
/// or a missing required fact.
pub fn facts_from_text_rows<R, C>(
    header: &[String],
    rows: R,
    schema: &[FactSpec],
) -> Result<FactTable, FactRowsError>
where
    R: IntoIterator<Item = Vec<C>>,
    C: AsRef<str>,
{
    let mut columns = Vec::with_capacity(header.len());
    for name in header {
        let Some(spec) = schema.iter().find(|s| &s.name == name) else {
            return Err(FactRowsError::header(name, unknown_fact(schema)));
        };
        columns.push(spec);
    }
    if let Some(spec) = schema
        .iter()
        .find(|s| s.required && !header.contains(&s.name))
    {
        return Err(FactRowsError::header(
            &spec.name,
            "required fact has no column",
        ));
    }
    let mut builders: Vec<Builder<'_>> = columns.iter().map(|s| Builder::new(s, 0)).collect();
    let mut n = 0;
    for (row, cells) in rows.into_iter().enumerate() {
        if cells.len() != header.len() {
            return Err(FactRowsError::at(
                row,
                "",
                format!("{} cells under a header of {}", cells.len(), header.len()),
            ));
        }
        for (b, cell) in builders.iter_mut().zip(&cells) {
            let text = cell.as_ref().trim();
            let v = if text.is_empty() {
                if b.spec.required {
                    return Err(FactRowsError::at(
                        row,
                        &b.spec.name,
                        "required fact is missing",
                    ));
                }
                None
            } else {
                Some(from_text(b.spec, text).map_err(|m| FactRowsError::at(row, &b.spec.name, m))?)
            };
            b.push(v);
        }
        n = row + 1;
    }
    Ok(finish(n, builders))
}

fn finish(rows: usize, builders: Vec<Builder<'_>>) -> FactTable {
    let mut table = FactTable::new(rows);
    for column in builders.into_iter().filter_map(Builder::finish) {
        table.columns.push(column);
    }
    table
}

fn unknown_fact(schema: &[FactSpec]) -> String {
    let known: Vec<&str> = schema.iter().map(|s| s.name.as_str()).collect();
    format!("not a fact of this operation (facts: {})", known.join(", "))
}

fn from_json(spec: &FactSpec, v: &serde_json::Value) -> Result<Value, String> {
    let wrong = || format!("expected {}, found {v}", describe(spec.kind));
    Ok(match spec.kind {
        FactKind::Number => Value::Number(v.as_f64().ok_or_else(wrong)?),
        FactKind::Integer => Value::Integer(v.as_i64().ok_or_else(wrong)?),
        FactKind::Flag => Value::Flag(v.as_bool().ok_or_else(wrong)?),
        FactKind::Text => Value::Text(v.as_str().ok_or_else(wrong)?.to_string()),
        FactKind::Date => Value::Date(parse_date(v.as_str().ok_or_else(wrong)?)?),
    })
}

fn from_text(spec: &FactSpec, text: &str) -> Result<Value, String> {
    let wrong = || format!("expected {}, found `{text}`", describe(spec.kind));
    Ok(match spec.kind {
        FactKind::Number => Value::Number(text.parse().map_err(|_| wrong())?),
        FactKind::Integer => Value::Integer(text.parse().map_err(|_| wrong())?),
        FactKind::Flag => Value::Flag(match text.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "是" => true,
            "false" | "0" | "no" | "否" => false,
            _ => return Err(wrong()),
        }),
        FactKind::Text => Value::Text(text.to_string()),
        FactKind::Date => Value::Date(parse_date(text)?),
    })
}

fn parse_date(text: &str) -> Result<i32, String> {
    text.parse::<CivilDate>()
        .map(CivilDate::to_days)
        .map_err(|_| format!("expected a date YYYY-MM-DD, found `{text}`"))
}

fn describe(kind: FactKind) -> &'static str {
    match kind {
        FactKind::Number => "a number",
        FactKind::Integer => "a whole number",
        FactKind::Flag => "true or false",
        FactKind::Text => "text",
        FactKind::Date => "a date YYYY-MM-DD",
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(x) => write!(f, "{x}"),
            Value::Integer(x) => write!(f, "{x}"),
            Value::Flag(x) => write!(f, "{x}"),
            Value::Text(x) => f.write_str(x),
            Value::Date(x) => write!(f, "{}", CivilDate::from_days(*x)),
        }
    }
}
