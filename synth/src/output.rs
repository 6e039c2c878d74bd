//! Streaming CSV and JSON Lines writers.
//!
//! CSV follows RFC 4180: comma separators, `\n` line ends, a header row, and
//! a field quoted (with inner `"` doubled) when it contains a comma, a quote,
//! a line break, or leading or trailing whitespace. Lists inside a field
//! (industries, equipment, qualifications) are joined with `;`. Dates are
//! ISO 8601 (`2026-11-28`); an absent value is an empty field. Column order
//! is the `*_COLUMNS` constants and will only ever grow at the end.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{BufWriter, Write};

use super::inspectors::GeneratedInspector;
use super::summary::{Summary, kind_id, list_id};
use super::{SynthError, SyntheticEntity};
use jianguan::credit::CreditList;

/// Columns of [`write_entities_csv`]. `abnormal_operations` and
/// `serious_dishonesty` are `true` when a membership of that list has not
/// been removed; `penalties` is the number of penalty records.
pub const ENTITY_COLUMNS: [&str; 18] = [
    "uscc",
    "name",
    "kind",
    "status",
    "region",
    "township",
    "registered_on",
    "industries",
    "premises",
    "equipment",
    "tolerance_from",
    "tolerance_to",
    "tolerance_reason",
    "credit_class",
    "last_penalty_on",
    "penalties",
    "abnormal_operations",
    "serious_dishonesty",
];

/// Columns of [`write_penalties_csv`].
pub const PENALTY_COLUMNS: [&str; 6] = [
    "uscc",
    "decided_on",
    "department",
    "kind",
    "amount_cny",
    "decision_no",
];

/// Columns of [`write_lists_csv`].
pub const LIST_COLUMNS: [&str; 5] = ["uscc", "list", "since", "until", "reason"];

/// Columns of [`write_inspectors_csv`].
pub const INSPECTOR_COLUMNS: [&str; 7] = [
    "id",
    "name",
    "department",
    "team",
    "qualifications",
    "status",
    "conflicts",
];

/// One CSV field, quoted when needed (see the module documentation).
///
/// ```
/// use jianguan_synth::csv_field;
/// assert_eq!(csv_field("平度市超市"), "平度市超市");
/// assert_eq!(csv_field("A, \"B\""), "\"A, \"\"B\"\"\"");
/// ```
pub fn csv_field(s: &str) -> Cow<'_, str> {
    let needs = s.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace);
    if !needs {
        return Cow::Borrowed(s);
    }
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        if c == '"' {
            q.push('"');
        }
        q.push(c);
    }
    q.push('"');
    Cow::Owned(q)
}

fn header(buf: &mut String, cols: &[&str]) {
    buf.push_str(&cols.join(","));
    buf.push('\n');
}

fn field(buf: &mut String, s: &str) {
    buf.push_str(&csv_field(s));
    buf.push(',');
}

fn end_row(buf: &mut String) {
    buf.pop(); // the trailing comma
    buf.push('\n');
}

fn opt<T: std::fmt::Display>(buf: &mut String, v: Option<T>) {
    if let Some(v) = v {
        let _ = write!(buf, "{v}");
    }
    buf.push(',');
}

fn joined<'a>(buf: &mut String, items: impl Iterator<Item = &'a str>) {
    let mut s = String::new();
    for (k, x) in items.enumerate() {
        if k > 0 {
            s.push(';');
        }
        s.push_str(x);
    }
    field(buf, &s);
}

/// Streams rows through `per_row` into `out`, flushing the buffer every
/// 64 KiB; returns the summary of all rows.
fn stream<W: Write>(
    out: W,
    what: &str,
    head: Option<&[&str]>,
    rows: impl IntoIterator<Item = SyntheticEntity>,
    mut per_row: impl FnMut(&mut String, &SyntheticEntity) -> Result<(), SynthError>,
) -> Result<Summary, SynthError> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let io = |row: Option<u64>| {
        let what = match row {
            Some(r) => format!("{what}, row {r}"),
            None => format!("{what}, header"),
        };
        move |source| SynthError::Io { what, source }
    };
    let mut buf = String::with_capacity(1 << 12);
    if let Some(h) = head {
        header(&mut buf, h);
        out.write_all(buf.as_bytes()).map_err(io(None))?;
        buf.clear();
    }
    let mut summary = Summary::default();
    for row in rows {
        per_row(&mut buf, &row)?;
        out.write_all(buf.as_bytes()).map_err(io(Some(row.index)))?;
        buf.clear();
        summary.add(&row);
    }
    out.flush().map_err(|source| SynthError::Io {
        what: format!("{what}, final flush"),
        source,
    })?;
    Ok(summary)
}

fn listed(row: &SyntheticEntity, list: CreditList) -> &'static str {
    if row
        .credit
        .lists
        .iter()
        .any(|m| m.list == list && m.until.is_none())
    {
        "true"
    } else {
        "false"
    }
}

/// Writes entities as CSV with the [`ENTITY_COLUMNS`] header.
///
/// # Errors
/// [`SynthError::Io`] naming the row when writing fails; rows before it
/// have been written.
pub fn write_entities_csv<W: Write>(
    out: W,
    rows: impl IntoIterator<Item = SyntheticEntity>,
) -> Result<Summary, SynthError> {
    stream(
        out,
        "entities CSV",
        Some(&ENTITY_COLUMNS),
        rows,
        |b, row| {
            let e = &row.entity;
            field(b, e.uscc.as_str());
            field(b, &e.name);
            field(b, kind_id(e.kind));
            field(b, e.status.id());
            field(b, e.region.as_str());
            field(b, e.township.as_deref().unwrap_or(""));
            opt(b, Some(e.registered_on));
            joined(b, e.industries.iter().map(|i| i.id()));
            field(b, row.premises.id());
            joined(b, row.equipment.iter().map(|x| x.id()));
            let t = e.tolerance.as_ref();
            opt(b, t.map(|t| t.from));
            opt(b, t.map(|t| t.to));
            field(b, t.map_or("", |t| t.reason.as_str()));
            field(b, &row.credit.class);
            opt(b, row.credit.last_penalty_on);
            opt(b, Some(row.penalties.len()));
            field(b, listed(row, CreditList::AbnormalOperations));
            field(b, listed(row, CreditList::SeriousDishonesty));
            end_row(b);
            Ok(())
        },
    )
}

/// Writes entities as JSON Lines: one [`SyntheticEntity`] object per line
/// (its serde form), no header, so that a reader can stream it too.
///
/// # Errors
/// [`SynthError::Io`] naming the row when writing fails.
pub fn write_entities_json<W: Write>(
    out: W,
    rows: impl IntoIterator<Item = SyntheticEntity>,
) -> Result<Summary, SynthError> {
    stream(out, "entities JSON Lines", None, rows, |b, row| {
        let s = serde_json::to_string(row).map_err(|source| SynthError::Json {
            what: format!("entities JSON Lines, row {}", row.index),
            source,
        })?;
        b.push_str(&s);
        b.push('\n');
        Ok(())
    })
}

/// Writes every penalty record of the rows as CSV with the
/// [`PENALTY_COLUMNS`] header, oldest first within an entity.
///
/// # Errors
/// [`SynthError::Io`] naming the entity row when writing fails.
pub fn write_penalties_csv<W: Write>(
    out: W,
    rows: impl IntoIterator<Item = SyntheticEntity>,
) -> Result<Summary, SynthError> {
    stream(
        out,
        "penalties CSV",
        Some(&PENALTY_COLUMNS),
        rows,
        |b, row| {
            for p in &row.penalties {
                field(b, p.uscc.as_str());
                opt(b, Some(p.decided_on));
                field(b, &p.department);
                field(b, p.kind.id());
                opt(b, p.amount_cny);
                field(b, &p.decision_no);
                end_row(b);
            }
            Ok(())
        },
    )
}

/// Writes every credit-list membership of the rows as CSV with the
/// [`LIST_COLUMNS`] header.
///
/// # Errors
/// [`SynthError::Io`] naming the entity row when writing fails.
pub fn write_lists_csv<W: Write>(
    out: W,
    rows: impl IntoIterator<Item = SyntheticEntity>,
) -> Result<Summary, SynthError> {
    stream(
        out,
        "credit lists CSV",
        Some(&LIST_COLUMNS),
        rows,
        |b, row| {
            for m in &row.credit.lists {
                field(b, row.credit.uscc.as_str());
                field(b, list_id(m.list));
                opt(b, Some(m.since));
                opt(b, m.until);
                field(b, &m.reason);
                end_row(b);
            }
            Ok(())
        },
    )
}

/// Writes an inspector roster as CSV with the [`INSPECTOR_COLUMNS`] header;
/// returns the number of inspectors written.
///
/// # Errors
/// [`SynthError::Io`] naming the inspector when writing fails.
pub fn write_inspectors_csv<W: Write>(
    out: W,
    inspectors: &[GeneratedInspector],
) -> Result<u64, SynthError> {
    let mut out = BufWriter::new(out);
    let io = |what: String| move |source| SynthError::Io { what, source };
    let mut b = String::new();
    header(&mut b, &INSPECTOR_COLUMNS);
    out.write_all(b.as_bytes())
        .map_err(io("inspectors CSV, header".into()))?;
    for p in inspectors {
        b.clear();
        field(&mut b, &p.id);
        field(&mut b, &p.name);
        field(&mut b, &p.department);
        field(&mut b, &p.team);
        joined(&mut b, p.qualifications.iter().map(|i| i.id()));
        field(&mut b, p.status.id());
        joined(&mut b, p.conflicts.iter().map(|c| c.as_str()));
        end_row(&mut b);
        out.write_all(b.as_bytes())
            .map_err(io(format!("inspectors CSV, inspector {}", p.id)))?;
    }
    out.flush()
        .map_err(io("inspectors CSV, final flush".into()))?;
    Ok(inspectors.len() as u64)
}
