//! Target rosters (检查对象名录库) read from a frame, on as many threads as
//! the machine has, straight from the Arrow arrays into the SDK's
//! `RosterBuilder`.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Int64Type, UInt32Type};
use arrow_array::{Array, ArrayRef};
use arrow_schema::{DataType, Field};
use sdk::ErrorKind;
use sdk::supervisor::codes::{EntityStatus, Industry, RegionCode, Uscc};
use sdk::supervisor::draw::{EntryRef, RosterBuilder, SamplingError, TargetRoster};

use super::{Dates, Frame, RowNames, Text, str_at};
use crate::errors::{Failure, Result};

/// Columns of a target roster that must be present.
pub(crate) const ROSTER_REQUIRED: [&str; 5] =
    ["uscc", "region", "status", "credit_class", "registered_on"];
/// Columns of a target roster that may be present.
pub(crate) const ROSTER_OPTIONAL: [&str; 3] = ["industries", "last_penalty_on", "weight"];

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
    let names = &frame.names;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts = threads.min(total / MIN_PART).max(1);
    let size = total.div_ceil(parts).max(1);
    let batches = &batches;
    let built: Vec<Result<RosterBuilder>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..parts)
            .map(|k| {
                let (lo, hi) = (k * size, ((k + 1) * size).min(total));
                scope.spawn(move || read_rows(what, names, batches, lo, hi))
            })
            .collect();
        let mut built = vec![read_rows(what, names, batches, 0, size.min(total))];
        built.extend(
            handles
                .into_iter()
                .map(|h| h.join().expect("a roster reader does not panic")),
        );
        built
    });
    let mut parts = built.into_iter();
    let mut whole = parts.next().expect("at least one part")?;
    let twice = |e: SamplingError| match e {
        // The SDK's words (the vectors pin them), then the rows.
        e @ SamplingError::DuplicateEntity { .. } => {
            let SamplingError::DuplicateEntity { uscc } = &e else {
                unreachable!()
            };
            let rows = rows_of(batches, names, uscc.as_str()).join(", ");
            Failure::Kind(ErrorKind::DuplicateEntity, format!("{e} ({rows})"))
        }
        other => other.into(),
    };
    for part in parts {
        whole.append(part?).map_err(twice)?;
    }
    whole.finish().map_err(twice)
}

/// The names of the rows (at most five) holding `code`, for a refusal.
fn rows_of(batches: &[RosterBatch<'_>], names: &RowNames, code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for b in batches {
        for i in 0..b.uscc.len() {
            if b.uscc.at(i) == Some(code) && found.len() < 5 {
                found.push(names.name(b.start + i, None));
            }
        }
    }
    found
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
    names: &RowNames,
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
            push_row((what, names), b, row - b.start, row, &mut lines, &mut out)?;
        }
    }
    Ok(out)
}

/// Reads row `i` of batch `b` (row `row` of the frame) into `out`.
fn push_row(
    (what, names): (&str, &RowNames),
    b: &RosterBatch<'_>,
    i: usize,
    row: usize,
    lines: &mut Vec<Industry>,
    out: &mut RosterBuilder,
) -> Result<()> {
    // The row's code as given, when it has one: row numbers of a sorted or
    // partitioned frame mean little on their own.
    let bad = |column: &str, problem: String| {
        let message = format!(
            "{what} {}, column `{column}`: {problem}",
            names.name(row, b.uscc.at(i))
        );
        // A bad code is a `UsccError`, wherever it is given.
        if column == "uscc" && b.uscc.at(i).is_some() {
            Failure::Uscc(message)
        } else {
            Failure::Input(message)
        }
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
    })
    .map_err(|e| match e {
        // The SDK names the row by position; name it as the frame does.
        SamplingError::InvalidRoster { row, uscc, problem } => Failure::Kind(
            ErrorKind::InvalidRoster,
            format!("{what} {}: {problem}", names.name(row, Some(uscc.as_str()))),
        ),
        other => other.into(),
    })
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
