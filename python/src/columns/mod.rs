//! Columnar input: target rosters and fact tables read from anything that
//! exports the Arrow PyCapsule stream (`__arrow_c_stream__`: pandas ≥ 2.2,
//! pyarrow, polars), column by column, without a Python object per cell.
//! Every refusal names the column, and the row (from 0, in frame order)
//! where one is at fault.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type, UInt32Type};
use arrow_array::{Array, ArrayRef, LargeStringArray, RecordBatch, StringArray, StringViewArray};
use arrow_cast::{CastOptions, cast_with_options};
use arrow_schema::{DataType, Field, SchemaRef};
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;
use sdk::entity::{EntityStatus, Industry, RegionCode, Uscc};
use sdk::plugin_host::{Column, ColumnData, FactKind, FactSpec, FactTable};
use sdk::sampling::{EntryRef, RosterBuilder, TargetRoster};

use crate::errors::{Failure, Result, reading};

/// Columns of a target roster that must be present.
pub(crate) const ROSTER_REQUIRED: [&str; 5] =
    ["uscc", "region", "status", "credit_class", "registered_on"];
/// Columns of a target roster that may be present.
pub(crate) const ROSTER_OPTIONAL: [&str; 3] = ["industries", "last_penalty_on", "weight"];

/// A frame's columns as Arrow arrays, one per batch.
pub(crate) struct Frame {
    what: &'static str,
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

impl Frame {
    /// Reads `obj` through `__arrow_c_stream__`.
    pub(crate) fn read(what: &'static str, obj: &Bound<'_, PyAny>) -> Result<Self> {
        let table: PyTable = obj.extract().map_err(|e: PyErr| reading(what, e))?;
        let (batches, schema) = table.into_inner();
        Ok(Frame {
            what,
            schema,
            batches,
        })
    }

    /// Rows in all batches.
    pub(crate) fn rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// Column names other than pandas' index columns.
    fn names(&self) -> impl Iterator<Item = &str> {
        self.schema
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .filter(|n| !(n.starts_with("__index_level_") && n.ends_with("__")))
    }

    /// Refuses a column that is neither required nor optional (most often a
    /// misspelt optional one, which would otherwise be silently dropped).
    fn only(&self, known: &[&str]) -> Result<()> {
        if let Some(n) = self.names().find(|n| !known.contains(n)) {
            return Err(Failure::Input(format!(
                "{}: column `{n}` is not one this table takes (columns: {})",
                self.what,
                known.join(", ")
            )));
        }
        Ok(())
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
                "{}: column `{name}` ({from}) cannot be read as {}",
                self.what,
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
            out.push(cast_with_options(col, to, &options).map_err(|e| {
                Failure::Input(format!(
                    "{}: column `{name}` ({}) cannot be read as {}: {e}",
                    self.what,
                    col.data_type(),
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

fn describe(t: &DataType) -> &'static str {
    match t {
        DataType::Utf8 => "text",
        DataType::Date32 => "a date",
        DataType::UInt32 => "a non-negative whole number below 2^32",
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

/// One batch's columns of a roster, ready to be read row by row.
struct RosterBatch<'a> {
    uscc: Text<'a>,
    region: Region,
    status: Text<'a>,
    class: Text<'a>,
    registered: Dates,
    industries: Option<ArrayRef>,
    penalty: Option<Dates>,
    weight: Option<ArrayRef>,
    /// Row number of the batch's first row in the frame.
    start: usize,
}

/// Reads a target roster (检查对象名录库) frame: the columns of
/// [`ROSTER_REQUIRED`] and optionally [`ROSTER_OPTIONAL`], as
/// `jianguan draw run` reads them from CSV. Text may be in any Arrow string
/// layout (or a dictionary of one); dates are Arrow dates, timestamps or
/// `YYYY-MM-DD` text; `industries` is a list of identifiers or one text
/// with `;` between them. Other columns are ignored, as `jianguan draw run`
/// ignores them in CSV, so a register's whole frame reads as is.
///
/// Rows are read on as many threads as the machine has, each part of the
/// frame into its own [`RosterBuilder`], straight from the Arrow arrays
/// (no entry is made per row); the parts are then joined and sorted. The
/// first refused row in frame order is the error returned.
pub(crate) fn roster_of(frame: &Frame) -> Result<TargetRoster> {
    let list = DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)));
    let industries = match frame
        .schema
        .field_with_name("industries")
        .map(|f| f.data_type())
    {
        Ok(DataType::List(_) | DataType::LargeList(_) | DataType::ListView(_)) => {
            frame.column("industries", &list)?
        }
        _ => frame.text("industries")?,
    };
    let uscc = frame.required_text("uscc")?;
    let region: Vec<Region> = match frame
        .schema
        .field_with_name("region")
        .map(|f| f.data_type())
    {
        Ok(t) if t.is_integer() => frame
            .column("region", &DataType::Int64)?
            .unwrap_or_default()
            .into_iter()
            .map(Region::Number)
            .collect(),
        _ => frame
            .required_text("region")?
            .into_iter()
            .map(Region::Text)
            .collect(),
    };
    let status = frame.required_text("status")?;
    let class = frame.required_text("credit_class")?;
    let registered = frame.dates("registered_on")?.ok_or_else(|| {
        Failure::Input(format!(
            "{}: required column `registered_on` is missing",
            frame.what
        ))
    })?;
    let penalty = frame.dates("last_penalty_on")?;
    let weight = frame.column("weight", &DataType::UInt32)?;
    let mut batches = Vec::with_capacity(uscc.len());
    let mut start = 0;
    for b in 0..uscc.len() {
        batches.push(RosterBatch {
            uscc: Text::of(uscc[b].as_ref()),
            region: region[b].clone(),
            status: Text::of(status[b].as_ref()),
            class: Text::of(class[b].as_ref()),
            registered: registered[b].clone(),
            industries: industries.as_ref().map(|c| c[b].clone()),
            penalty: penalty.as_ref().map(|c| c[b].clone()),
            weight: weight.as_ref().map(|c| c[b].clone()),
            start,
        });
        start += uscc[b].len();
    }
    const MIN_PART: usize = 1 << 16;
    let total = frame.rows();
    let what = frame.what;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts = threads.min(total / MIN_PART).max(1);
    let size = total.div_ceil(parts).max(1);
    let batches = &batches;
    let built: Vec<Result<RosterBuilder>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..parts)
            .map(|k| {
                let (lo, hi) = (k * size, ((k + 1) * size).min(total));
                scope.spawn(move || read_rows(what, batches, lo, hi))
            })
            .collect();
        let mut built = vec![read_rows(what, batches, 0, size.min(total))];
        built.extend(
            handles
                .into_iter()
                .map(|h| h.join().expect("a roster reader does not panic")),
        );
        built
    });
    let mut parts = built.into_iter();
    let mut whole = parts.next().expect("at least one part")?;
    for part in parts {
        whole.append(part?)?;
    }
    Ok(whole.finish()?)
}

/// A region column of one batch: codes as text, or as numbers (a CSV read
/// by pandas gives 370283 as an integer).
#[derive(Clone)]
enum Region {
    Text(ArrayRef),
    Number(ArrayRef),
}

impl Region {
    fn at(&self, i: usize) -> std::result::Result<RegionCode, String> {
        match self {
            Region::Text(a) => {
                let t = str_at(a.as_ref(), i).ok_or("is missing (null)")?;
                RegionCode::parse(t).map_err(|e| e.to_string())
            }
            Region::Number(a) => {
                let a = a.as_primitive::<Int64Type>();
                if a.is_null(i) {
                    return Err("is missing (null)".into());
                }
                let v = a.value(i);
                if !(0..=999_999).contains(&v) {
                    return Err(format!("{v} is not a six-digit area code"));
                }
                let mut digits = [b'0'; 6];
                let mut x = v;
                for d in digits.iter_mut().rev() {
                    *d = b'0' + (x % 10) as u8;
                    x /= 10;
                }
                RegionCode::parse(std::str::from_utf8(&digits).expect("digits"))
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// Rows `lo..hi` (frame row numbers) of a roster, into a builder of their own.
fn read_rows(
    what: &str,
    batches: &[RosterBatch<'_>],
    lo: usize,
    hi: usize,
) -> Result<RosterBuilder> {
    let mut out = RosterBuilder::starting_at(lo, hi.saturating_sub(lo));
    // One row's business lines, reused from row to row.
    let mut lines = Vec::new();
    for b in batches {
        let n = b.uscc.len();
        let (from, to) = (lo.max(b.start), hi.min(b.start + n));
        for row in from..to {
            push_row(what, b, row - b.start, row, &mut lines, &mut out)?;
        }
    }
    Ok(out)
}

/// Reads row `i` of batch `b` (row `row` of the frame) into `out`.
fn push_row(
    what: &str,
    b: &RosterBatch<'_>,
    i: usize,
    row: usize,
    lines: &mut Vec<Industry>,
    out: &mut RosterBuilder,
) -> Result<()> {
    // The row's code as given, when it has one: row numbers of a sorted or
    // partitioned frame mean little on their own.
    let bad = |column: &str, problem: String| {
        let code = b.uscc.at(i).map(|c| format!(" ({c})")).unwrap_or_default();
        Failure::Input(format!(
            "{what} row {row}{code}, column `{column}`: {problem}"
        ))
    };
    fn need<'a>(
        a: &Text<'a>,
        i: usize,
        bad: impl Fn(&str, String) -> Failure,
        column: &str,
    ) -> Result<&'a str> {
        a.at(i)
            .ok_or_else(|| bad(column, "is missing (null)".into()))
    }
    let uscc =
        Uscc::parse(need(&b.uscc, i, bad, "uscc")?).map_err(|e| bad("uscc", e.to_string()))?;
    let region = b.region.at(i).map_err(|e| bad("region", e))?;
    let status_id = need(&b.status, i, bad, "status")?;
    let status = EntityStatus::from_id(status_id).ok_or_else(|| {
        bad(
            "status",
            format!(
                "{status_id:?} is not a status (operating, closed, deregistered, revoked, moved_out)"
            ),
        )
    })?;
    let credit_class = need(&b.class, i, bad, "credit_class")?;
    let registered_on = b
        .registered
        .at(i)
        .map_err(|e| bad("registered_on", e))?
        .ok_or_else(|| bad("registered_on", "is missing (null)".into()))?;
    let last_penalty_on = match &b.penalty {
        None => None,
        Some(p) => p.at(i).map_err(|e| bad("last_penalty_on", e))?,
    };
    let weight = match &b.weight {
        None => 1,
        Some(w) => {
            let w = w.as_primitive::<UInt32Type>();
            if w.is_null(i) {
                return Err(bad(
                    "weight",
                    "is missing (null); leave the column out for a weight of 1".into(),
                ));
            }
            w.value(i)
        }
    };
    lines.clear();
    if let Some(col) = &b.industries {
        industries_into(col, i, lines).map_err(|e| bad("industries", e))?;
    }
    out.push(EntryRef {
        uscc,
        region,
        industries: lines,
        status,
        credit_class,
        registered_on,
        last_penalty_on,
        weight,
    })?;
    Ok(())
}

/// The business lines at row `i`, into `out`.
fn industries_into(
    col: &ArrayRef,
    i: usize,
    out: &mut Vec<Industry>,
) -> std::result::Result<(), String> {
    if col.is_null(i) {
        return Ok(());
    }
    let parse = |s: &str| s.parse::<Industry>().map_err(|e| e.to_string());
    match col.data_type() {
        DataType::List(_) => {
            let values = col.as_list::<i32>().value(i);
            for j in 0..values.len() {
                let id = str_at(values.as_ref(), j)
                    .ok_or_else(|| format!("item {j} of the list is missing (null)"))?;
                out.push(parse(id)?);
            }
        }
        _ => {
            for id in str_at(col.as_ref(), i).unwrap_or("").split(';') {
                let id = id.trim();
                if !id.is_empty() {
                    out.push(parse(id)?);
                }
            }
        }
    }
    Ok(())
}

/// Reads a fact table for a plugin operation from a frame: one column per
/// fact of `schema` (absent optional facts may be left out, nulls are
/// missing values). A `uscc` column the schema does not name is returned
/// apart, as the rows' ids.
pub(crate) fn facts(
    frame: &Frame,
    schema: &[FactSpec],
) -> Result<(FactTable, Option<Vec<Option<String>>>)> {
    facts_table(frame, schema).map_err(|e| match e {
        Failure::Input(m) => Failure::Facts(m),
        other => other,
    })
}

fn facts_table(
    frame: &Frame,
    schema: &[FactSpec],
) -> Result<(FactTable, Option<Vec<Option<String>>>)> {
    let mut known: Vec<&str> = schema.iter().map(|s| s.name.as_str()).collect();
    let id_column = !known.contains(&"uscc");
    if id_column {
        known.push("uscc");
    }
    frame.only(&known)?;
    let rows = frame.rows();
    let mut table = FactTable::new(rows);
    for spec in schema {
        let to = match spec.kind {
            FactKind::Number => DataType::Float64,
            FactKind::Integer => DataType::Int64,
            FactKind::Flag => DataType::Boolean,
            FactKind::Text => DataType::Utf8,
            FactKind::Date => DataType::Date32,
        };
        let cols: Option<Vec<Dates>> = match spec.kind {
            FactKind::Text => frame
                .text(&spec.name)?
                .map(|c| c.into_iter().map(Dates::Text).collect()),
            FactKind::Date => frame.dates(&spec.name)?,
            _ => frame
                .column(&spec.name, &to)?
                .map(|c| c.into_iter().map(Dates::Days).collect()),
        };
        let Some(cols) = cols else {
            if spec.required {
                return Err(Failure::Input(format!(
                    "{}: required fact `{}` has no column",
                    frame.what, spec.name
                )));
            }
            continue;
        };
        let mut present = Vec::with_capacity(rows);
        let mut data = match spec.kind {
            FactKind::Number => ColumnData::Number(Default::default()),
            FactKind::Integer => ColumnData::Integer(Default::default()),
            FactKind::Flag => ColumnData::Flag(Default::default()),
            FactKind::Date => ColumnData::Date(Default::default()),
            FactKind::Text => ColumnData::Text(Default::default()),
        };
        let mut row = 0;
        for col in &cols {
            let (Dates::Days(a) | Dates::Text(a)) = col;
            for i in 0..a.len() {
                present.push(!a.is_null(i));
            }
            match &mut data {
                ColumnData::Number(v) => {
                    v.extend(a.as_primitive::<Float64Type>().values().iter().copied());
                }
                ColumnData::Integer(v) => {
                    v.extend(a.as_primitive::<Int64Type>().values().iter().copied());
                }
                ColumnData::Flag(v) => v.extend(a.as_boolean().iter().map(|b| b.unwrap_or(false))),
                ColumnData::Date(v) => {
                    for i in 0..a.len() {
                        let d = col.at(i).map_err(|e| {
                            Failure::Input(format!(
                                "{} row {}, fact `{}`: {e}",
                                frame.what,
                                row + i,
                                spec.name
                            ))
                        })?;
                        v.push(d.map_or(0, days_of));
                    }
                }
                ColumnData::Text(v) => {
                    v.extend((0..a.len()).map(|i| str_at(a.as_ref(), i).unwrap_or("").into()));
                }
            }
            row += a.len();
        }
        if let Some(row) = present.iter().position(|p| !p)
            && spec.required
        {
            return Err(Failure::Input(format!(
                "{} row {row}, fact `{}`: required fact is missing (null)",
                frame.what, spec.name
            )));
        }
        let mut column = Column::new(&spec.name, data);
        if present.iter().any(|p| !p) {
            column.present = present.into();
        }
        table = table.with(column);
    }
    let ids = if id_column {
        frame.text("uscc")?.map(|cols| {
            cols.iter()
                .flat_map(|a| (0..a.len()).map(|i| str_at(a.as_ref(), i).map(str::to_string)))
                .collect()
        })
    } else {
        None
    };
    Ok((table, ids))
}
