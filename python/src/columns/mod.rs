//! Columnar input: target rosters and fact tables read from anything that
//! exports the Arrow PyCapsule stream (`__arrow_c_stream__`: pandas ≥ 2.2,
//! pyarrow, polars), column by column, without a Python object per cell.
//! Every refusal names the column, and the row where one is at fault: by
//! its position from 0 in frame order and, for a pandas frame whose index is
//! not that position, by its index label. Types are named as a pandas user
//! knows them ("text", "whole numbers"), not by their Arrow names.

mod facts;
mod roster;

pub(crate) use facts::facts;
pub(crate) use roster::{ROSTER_OPTIONAL, ROSTER_REQUIRED, roster_of};

use arrow_array::cast::AsArray;
use arrow_array::types::Date32Type;
use arrow_array::{Array, ArrayRef, LargeStringArray, RecordBatch, StringArray, StringViewArray};
use arrow_cast::display::{ArrayFormatter, FormatOptions};
use arrow_cast::{CastOptions, cast_with_options};
use arrow_schema::{DataType, SchemaRef};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::errors::{Failure, Result, reading};

/// A frame's columns as Arrow arrays, one per batch.
pub(crate) struct Frame {
    what: &'static str,
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
    /// How a row is named in a refusal.
    pub(crate) names: RowNames,
}

/// How rows are named in refusals: by position, or by a pandas frame's
/// index labels (pandas exports a range index as metadata, any other index
/// as columns, which `pandas` metadata lists).
pub(crate) enum RowNames {
    /// Position in frame order.
    Position,
    /// A range index: label = start + position × step.
    Range { start: i64, step: i64 },
    /// The index columns, one array per batch each.
    Columns(Vec<Vec<ArrayRef>>),
}

impl RowNames {
    fn of(schema: &SchemaRef, batches: &[RecordBatch]) -> Self {
        let Some(meta) = schema.metadata().get("pandas") else {
            return RowNames::Position;
        };
        let Ok(meta) = serde_json::from_str::<serde_json::Value>(meta) else {
            return RowNames::Position;
        };
        let Some(index) = meta.get("index_columns").and_then(|v| v.as_array()) else {
            return RowNames::Position;
        };
        match index.as_slice() {
            [serde_json::Value::Object(range)] => {
                let get = |k: &str| range.get(k).and_then(serde_json::Value::as_i64);
                match (get("start"), get("step")) {
                    (Some(0), Some(1)) | (None, _) | (_, None) => RowNames::Position,
                    (Some(start), Some(step)) => RowNames::Range { start, step },
                }
            }
            cols if !cols.is_empty() => {
                let mut found = Vec::new();
                for c in cols {
                    let Some(ix) = c.as_str().and_then(|n| schema.index_of(n).ok()) else {
                        return RowNames::Position;
                    };
                    found.push(batches.iter().map(|b| b.column(ix).clone()).collect());
                }
                RowNames::Columns(found)
            }
            _ => RowNames::Position,
        }
    }

    /// `row 7`, or `row 'a' (position 7)`, with the entity's code when known:
    /// `row 7 (91370283MA…)`, `row 'a' (position 7, 91370283MA…)`.
    pub(crate) fn name(&self, row: usize, code: Option<&str>) -> String {
        let label = match self {
            RowNames::Position => None,
            RowNames::Range { start, step } => i64::try_from(row)
                .ok()
                .and_then(|r| r.checked_mul(*step))
                .and_then(|r| r.checked_add(*start))
                .map(|l| l.to_string()),
            RowNames::Columns(cols) => {
                let parts: Vec<String> = cols.iter().filter_map(|c| label_at(c, row)).collect();
                match parts.len() {
                    0 => None,
                    1 => parts.into_iter().next(),
                    _ => Some(format!("({})", parts.join(", "))),
                }
            }
        };
        match (label, code) {
            (None, None) => format!("row {row}"),
            (None, Some(c)) => format!("row {row} ({c})"),
            (Some(l), None) => format!("row {l} (position {row})"),
            (Some(l), Some(c)) => format!("row {l} (position {row}, {c})"),
        }
    }
}

/// An index label as Python would show it: text quoted, anything else as is.
fn label_at(batches: &[ArrayRef], mut row: usize) -> Option<String> {
    for a in batches {
        if row < a.len() {
            if a.is_null(row) {
                return Some("NaN".into());
            }
            if is_text(a.data_type()) && !matches!(a.data_type(), DataType::Dictionary(..)) {
                return str_at(a.as_ref(), row).map(|t| format!("'{t}'"));
            }
            let options = FormatOptions::default();
            let f = ArrayFormatter::try_new(a.as_ref(), &options).ok()?;
            return Some(f.value(row).to_string());
        }
        row -= a.len();
    }
    None
}

impl Frame {
    /// Reads `obj` through `__arrow_c_stream__`.
    pub(crate) fn read(what: &'static str, obj: &Bound<'_, PyAny>) -> Result<Self> {
        let table: PyTable = obj.extract().map_err(|e: PyErr| reading(what, e))?;
        let (batches, schema) = table.into_inner();
        let names = RowNames::of(&schema, &batches);
        Ok(Frame {
            what,
            schema,
            batches,
            names,
        })
    }

    /// Rows in all batches.
    pub(crate) fn rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// Column `name` of every batch cast to `to`, or `None` when absent.
    /// Only casts that keep every value are made (see [`admits`]): a float
    /// is never truncated into a count, nor a number read as a date.
    fn column(&self, name: &str, to: &DataType) -> Result<Option<Vec<ArrayRef>>> {
        let Some(ix) = self.schema.fields().iter().position(|f| f.name() == name) else {
            return Ok(None);
        };
        let from = self.schema.field(ix).data_type();
        if !admits(from, to) {
            return Err(Failure::Input(format!(
                "{}: column `{name}`: {} where {} is needed",
                self.what,
                pandas_name(from),
                describe(to)
            )));
        }
        // `safe: false`: a value that does not fit is an error, never a null.
        let options = CastOptions {
            safe: false,
            ..CastOptions::default()
        };
        let mut out = Vec::with_capacity(self.batches.len());
        for b in &self.batches {
            let col = b.column(ix);
            if col.data_type() == to {
                out.push(col.clone());
                continue;
            }
            out.push(cast_with_options(col, to, &options).map_err(|_| {
                Failure::Input(format!(
                    "{}: column `{name}`: a value of these {} is not {}",
                    self.what,
                    pandas_name(col.data_type()),
                    describe(to)
                ))
            })?);
        }
        Ok(Some(out))
    }

    /// A date column: Arrow dates and time-zone-free timestamps as days,
    /// text kept to be read strictly as `YYYY-MM-DD`, row by row.
    fn dates(&self, name: &str) -> Result<Option<Vec<Dates>>> {
        let Some(ix) = self.schema.fields().iter().position(|f| f.name() == name) else {
            return Ok(None);
        };
        if is_text(self.schema.field(ix).data_type()) {
            return Ok(self
                .text(name)?
                .map(|c| c.into_iter().map(Dates::Text).collect()));
        }
        Ok(self
            .column(name, &DataType::Date32)?
            .map(|c| c.into_iter().map(Dates::Days).collect()))
    }

    /// A text column, kept in whichever string layout the producer used.
    fn text(&self, name: &str) -> Result<Option<Vec<ArrayRef>>> {
        let Some(ix) = self.schema.fields().iter().position(|f| f.name() == name) else {
            return Ok(None);
        };
        match self.schema.field(ix).data_type() {
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => Ok(Some(
                self.batches.iter().map(|b| b.column(ix).clone()).collect(),
            )),
            _ => self.column(name, &DataType::Utf8),
        }
    }

    fn required_text(&self, name: &str) -> Result<Vec<ArrayRef>> {
        self.text(name)?.ok_or_else(|| {
            Failure::Input(format!(
                "{}: required column `{name}` is missing",
                self.what
            ))
        })
    }
}

fn is_text(t: &DataType) -> bool {
    match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(_, v) => is_text(v),
        _ => false,
    }
}

/// Whether a column of type `from` may be read as `to` without changing a
/// value's meaning: text from text (or a dictionary of text) and from whole
/// numbers (a region code given as a number); dates from dates and
/// time-zone-free timestamps; whole numbers from whole numbers only;
/// numbers from any number; flags from flags; lists of text from lists of
/// text.
fn admits(from: &DataType, to: &DataType) -> bool {
    // A column of nulls only (pandas `None`s) is missing values, whatever
    // the type needed.
    if *from == DataType::Null {
        return true;
    }
    match to {
        DataType::Utf8 => is_text(from) || from.is_integer(),
        DataType::Date32 => matches!(
            from,
            DataType::Date32 | DataType::Date64 | DataType::Timestamp(_, None)
        ),
        DataType::UInt32 | DataType::Int64 => from.is_integer(),
        DataType::Float64 => from.is_integer() || from.is_floating(),
        DataType::Boolean => *from == DataType::Boolean,
        DataType::List(_) => match from {
            DataType::List(f) | DataType::LargeList(f) | DataType::ListView(f) => {
                is_text(f.data_type()) || *f.data_type() == DataType::Null
            }
            _ => false,
        },
        _ => false,
    }
}

/// A date column of one batch.
#[derive(Clone)]
enum Dates {
    /// Days since 1970-01-01.
    Days(ArrayRef),
    /// `YYYY-MM-DD` text.
    Text(ArrayRef),
}

impl Dates {
    /// The date at row `i`, `None` for a null.
    fn at(&self, i: usize) -> std::result::Result<Option<NaiveDate>, String> {
        match self {
            Dates::Days(a) => {
                let a = a.as_primitive::<Date32Type>();
                if a.is_null(i) {
                    return Ok(None);
                }
                date_of(a.value(i)).map(Some)
            }
            Dates::Text(a) => match str_at(a.as_ref(), i) {
                None => Ok(None),
                Some(t) => NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .ok()
                    .filter(|_| t.len() == 10)
                    .map(Some)
                    .ok_or_else(|| format!("{t:?} is not a date (YYYY-MM-DD)")),
            },
        }
    }
}

/// What a column of type `t` holds, as a pandas user would say it.
fn pandas_name(t: &DataType) -> String {
    match t {
        _ if is_text(t) => "text".into(),
        _ if t.is_integer() => "whole numbers".into(),
        _ if t.is_floating() => "numbers with a fraction (floats)".into(),
        DataType::Decimal32(..)
        | DataType::Decimal64(..)
        | DataType::Decimal128(..)
        | DataType::Decimal256(..) => "decimals".into(),
        DataType::Boolean => "true/false values".into(),
        DataType::Date32 | DataType::Date64 => "dates".into(),
        DataType::Timestamp(_, None) => "date-times".into(),
        DataType::Timestamp(_, Some(_)) => "date-times with a time zone".into(),
        DataType::Time32(_) | DataType::Time64(_) => "times of day".into(),
        DataType::Duration(_) | DataType::Interval(_) => "durations".into(),
        DataType::List(f) | DataType::LargeList(f) | DataType::ListView(f) => {
            format!("lists of {}", pandas_name(f.data_type()))
        }
        DataType::Binary | DataType::LargeBinary | DataType::BinaryView => "bytes".into(),
        DataType::Struct(_) | DataType::Map(..) => "dicts".into(),
        DataType::Null => "missing values only".into(),
        other => format!("values of Arrow type {other}"),
    }
}

fn describe(t: &DataType) -> &'static str {
    match t {
        DataType::Utf8 => "text",
        DataType::Date32 => "a date",
        DataType::UInt32 => "a whole number from 0 to 4294967295",
        DataType::Int64 => "a whole number",
        DataType::Float64 => "a number",
        DataType::Boolean => "true/false",
        DataType::List(_) => "a list of text",
        _ => "the type needed",
    }
}

/// The value at `i` of a string array of any of the three layouts.
fn str_at(a: &dyn Array, i: usize) -> Option<&str> {
    Text::of(a).at(i)
}

/// A text array of one of the three Arrow layouts, its layout found once
/// (a column read cell by cell keeps one of these per batch).
#[derive(Clone, Copy)]
enum Text<'a> {
    Utf8(&'a StringArray),
    Large(&'a LargeStringArray),
    View(&'a StringViewArray),
}

impl<'a> Text<'a> {
    /// `a` is text in one of the three layouts ([`Frame::text`] sees to it).
    fn of(a: &'a dyn Array) -> Self {
        match a.data_type() {
            DataType::Utf8 => Text::Utf8(a.as_string::<i32>()),
            DataType::LargeUtf8 => Text::Large(a.as_string::<i64>()),
            _ => Text::View(a.as_string_view()),
        }
    }

    fn len(self) -> usize {
        match self {
            Text::Utf8(a) => a.len(),
            Text::Large(a) => a.len(),
            Text::View(a) => a.len(),
        }
    }

    /// The value at `i`, `None` for a null.
    #[inline]
    fn at(self, i: usize) -> Option<&'a str> {
        match self {
            Text::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Text::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Text::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}

fn date_of(days: i32) -> std::result::Result<NaiveDate, String> {
    // 1970-01-01 is day 719,163 from 0001-01-01 (day 1).
    days.checked_add(719_163)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| format!("{days} days from 1970-01-01 is beyond the dates this reads"))
}

/// Days since 1970-01-01, as fact tables hold dates.
fn days_of(d: NaiveDate) -> i32 {
    i32::try_from((d - NaiveDate::default()).num_days()).expect("chrono dates fit in i32 days")
}
