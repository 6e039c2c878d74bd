//! Fact columns: the C fact table and its checked reading, the typed
//! column constructors and the date converter (ABI 1.2). A `jg_fact_column`
//! holds `const void *` values beside a kind the host sets by hand, so a
//! column of `int64_t` marked `JG_FACT_NUMBER` would be read as doubles.
//! The constructors take a pointer of the kind's own C type and set the
//! kind themselves: the C compiler refuses a wrong array, and the schema
//! check refuses a column of the wrong kind for its fact.

use std::ffi::{CString, c_char, c_void};

use chrono::{Datelike, NaiveDate};
use sdk::supervisor::plugins::{Column, ColumnData, FactTable};

use crate::boundary::{Failure, arg_out, arg_str, c_str, c_text, guard, jg_status, require};
use crate::jg_date;

/// The kind of a fact column, which names the C type of its values. An
/// integer rather than a C enum, so that any value a caller passes is read
/// safely (and an unknown one refused).
#[allow(non_camel_case_types)]
pub type jg_fact_kind = u32;
/// `const double *`: real numbers (amounts, quantities).
pub const JG_FACT_NUMBER: jg_fact_kind = 0;
/// `const int64_t *`: whole numbers (counts).
pub const JG_FACT_INTEGER: jg_fact_kind = 1;
/// `const uint8_t *`: yes (1) / no (0).
pub const JG_FACT_FLAG: jg_fact_kind = 2;
/// `const char *const *`: NUL-terminated UTF-8 text.
pub const JG_FACT_TEXT: jg_fact_kind = 3;
/// `const int32_t *`: dates as days since 1970-01-01.
pub const JG_FACT_DATE: jg_fact_kind = 4;

/// One named column of facts, borrowed for the call. Make it with the typed
/// constructors (`jg_fact_number`, `jg_fact_integer`, `jg_fact_flag`,
/// `jg_fact_text`, `jg_fact_date`), which set `kind` from the array's C
/// type; filling `kind` and `values` by hand still works as in ABI 1.1 but
/// is deprecated for new code, since a `kind` that does not match the array
/// is misread.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_fact_column {
    /// The fact's name, as in the plugin's schema.
    pub name: *const c_char,
    /// The kind, which fixes the C type of `values`.
    pub kind: jg_fact_kind,
    /// `rows` values of that type, aligned for it (may be NULL only when
    /// `rows` is 0). A text slot whose row is missing may be NULL.
    pub values: *const c_void,
    /// NULL when every row has a value; else `rows` bytes, nonzero present,
    /// 0 missing.
    pub present: *const u8,
}

/// A batch of facts: one row per entity, equal-length columns.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_fact_table {
    /// Number of rows, at most `JG_MAX_FACT_ROWS`.
    pub rows: usize,
    /// Number of columns.
    pub column_count: usize,
    /// The columns (may be NULL only when `column_count` is 0).
    pub columns: *const jg_fact_column,
}

/// The most rows one call takes: larger batches are split by the host (a
/// county has ~10^5 entities, a province ~10^7).
pub const JG_MAX_FACT_ROWS: usize = 100_000_000;

/// `n` values of `T` at `ptr`, after checking what C could get wrong: NULL
/// (only allowed when `n` is 0), alignment, and a size that fits memory.
pub(crate) fn c_slice<'a, T>(
    ptr: *const c_void,
    n: usize,
    what: &dyn Fn() -> String,
) -> Result<&'a [T], Failure> {
    if n == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(Failure::new(
            sdk::ErrorKind::NullArgument,
            format!("{} is NULL", what()),
        ));
    }
    let ptr = ptr.cast::<T>();
    if !ptr.is_aligned() || n > isize::MAX as usize / std::mem::size_of::<T>().max(1) {
        return Err(Failure::invalid(format!(
            "{} is misaligned for its type or too long ({n} values)",
            what()
        )));
    }
    // SAFETY: non-NULL, aligned, of a size that fits the address space, and
    // `n` values of T per the header.
    Ok(unsafe { std::slice::from_raw_parts(ptr, n) })
}

/// Copies a C fact table into the SDK's, checking every pointer and string.
pub(crate) fn facts(table: &jg_fact_table) -> Result<FactTable, Failure> {
    facts_and_ids(table, None).map(|(facts, _)| facts)
}

/// As [`facts`], taking the text column `id_column` out as the rows' ids
/// (the host's own keys, carried through to the results) when one is named.
pub(crate) fn facts_and_ids(
    table: &jg_fact_table,
    id_column: Option<&str>,
) -> Result<(FactTable, Vec<CString>), Failure> {
    let rows = table.rows;
    if rows > JG_MAX_FACT_ROWS {
        return Err(Failure::invalid(format!(
            "facts.rows is {rows}; one call takes at most {JG_MAX_FACT_ROWS} rows"
        )));
    }
    let columns: &[jg_fact_column] = c_slice(table.columns.cast(), table.column_count, &|| {
        "facts.columns".into()
    })?;
    let mut out = FactTable::new(rows);
    let mut ids = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        let name = arg_str(c.name, &format!("facts.columns[{i}].name"))?;
        if Some(name) == id_column {
            ids = id_values(c, name, rows)?;
            continue;
        }
        let values = || format!("facts column `{name}`: values");
        let present: Option<&[u8]> = if c.present.is_null() {
            None
        } else {
            Some(c_slice(c.present.cast(), rows, &|| {
                format!("facts column `{name}`: present")
            })?)
        };
        let data = match c.kind {
            JG_FACT_NUMBER => {
                ColumnData::Number(c_slice::<f64>(c.values, rows, &values)?.to_vec().into())
            }
            JG_FACT_INTEGER => {
                ColumnData::Integer(c_slice::<i64>(c.values, rows, &values)?.to_vec().into())
            }
            JG_FACT_FLAG => ColumnData::Flag(
                c_slice::<u8>(c.values, rows, &values)?
                    .iter()
                    .map(|&b| b != 0)
                    .collect(),
            ),
            JG_FACT_TEXT => {
                let mut texts = Vec::with_capacity(rows);
                for (row, &p) in c_slice::<*const c_char>(c.values, rows, &values)?
                    .iter()
                    .enumerate()
                {
                    // A missing value's slot is a placeholder and may be NULL.
                    if p.is_null() && present.is_some_and(|m| m[row] == 0) {
                        texts.push("".into());
                        continue;
                    }
                    texts.push(c_str(p, &format_args!("facts column `{name}` row {row}"))?.into());
                }
                ColumnData::Text(texts.into())
            }
            JG_FACT_DATE => {
                ColumnData::Date(c_slice::<i32>(c.values, rows, &values)?.to_vec().into())
            }
            other => {
                return Err(Failure::invalid(format!(
                    "facts column `{name}`: kind {other} is not a jg_fact_kind"
                )));
            }
        };
        let mut column = Column::new(name, data);
        if let Some(mask) = present {
            column.present = mask.iter().map(|&b| b != 0).collect();
        }
        out = out.with(column);
    }
    if let Some(id) = id_column
        && ids.len() != rows
    {
        return Err(Failure::invalid(format!(
            "argument `id_column`: the facts have no column `{id}`"
        )));
    }
    Ok((out, ids))
}

/// The row ids of column `name`: text, every row present.
fn id_values(c: &jg_fact_column, name: &str, rows: usize) -> Result<Vec<CString>, Failure> {
    if c.kind != JG_FACT_TEXT {
        return Err(Failure::invalid(format!(
            "id column `{name}` has kind {}; row ids are text (JG_FACT_TEXT)",
            c.kind
        )));
    }
    let values =
        c_slice::<*const c_char>(c.values, rows, &|| format!("id column `{name}`: values"))?;
    values
        .iter()
        .enumerate()
        .map(|(row, &p)| {
            Ok(c_text(c_str(
                p,
                &format_args!("id column `{name}` row {row}"),
            )?))
        })
        .collect()
}

fn column(
    name: *const c_char,
    kind: jg_fact_kind,
    values: *const c_void,
    present: *const u8,
) -> jg_fact_column {
    jg_fact_column {
        name,
        kind,
        values,
        present,
    }
}

/// A column of real numbers (`JG_FACT_NUMBER`) named `name`. `present` is
/// NULL (every row has a value) or one byte per row, nonzero present.
/// Nothing is read or copied: the column borrows all three pointers, which
/// must stay valid until the grading call that takes the column returns.
///
/// # Safety
/// Nothing is dereferenced here; the pointers are checked by the call the
/// column is passed to.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_fact_number(
    name: *const c_char,
    values: *const f64,
    present: *const u8,
) -> jg_fact_column {
    column(name, JG_FACT_NUMBER, values.cast(), present)
}

/// A column of whole numbers (`JG_FACT_INTEGER`); as `jg_fact_number`.
///
/// # Safety
/// As `jg_fact_number`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_fact_integer(
    name: *const c_char,
    values: *const i64,
    present: *const u8,
) -> jg_fact_column {
    column(name, JG_FACT_INTEGER, values.cast(), present)
}

/// A column of flags (`JG_FACT_FLAG`), one byte per row, nonzero yes; as
/// `jg_fact_number`.
///
/// # Safety
/// As `jg_fact_number`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_fact_flag(
    name: *const c_char,
    values: *const u8,
    present: *const u8,
) -> jg_fact_column {
    column(name, JG_FACT_FLAG, values.cast(), present)
}

/// A column of NUL-terminated UTF-8 texts (`JG_FACT_TEXT`); as
/// `jg_fact_number`. The slot of a missing row may be NULL.
///
/// # Safety
/// As `jg_fact_number`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_fact_text(
    name: *const c_char,
    values: *const *const c_char,
    present: *const u8,
) -> jg_fact_column {
    column(name, JG_FACT_TEXT, values.cast(), present)
}

/// A column of dates (`JG_FACT_DATE`) as days since 1970-01-01 (see
/// `jg_date_to_days`); as `jg_fact_number`.
///
/// # Safety
/// As `jg_fact_number`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_fact_date(
    name: *const c_char,
    values: *const i32,
    present: *const u8,
) -> jg_fact_column {
    column(name, JG_FACT_DATE, values.cast(), present)
}

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");

/// `date` as days since 1970-01-01 (negative before), the form a date fact
/// column and a roster's date columns take.
///
/// # Errors
/// `JG_STATUS_INVALID_ARGUMENT` for an impossible date (nothing written);
/// `JG_STATUS_NULL_ARGUMENT` for a NULL `out`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_date_to_days(date: jg_date, out: *mut i32) -> jg_status {
    guard(|| {
        require!(out);
        let day = date.to_naive("date")?;
        let days = i32::try_from(day.signed_duration_since(EPOCH).num_days())
            .map_err(|_| Failure::invalid("argument `date` is out of range"))?;
        *arg_out(out, "out")? = days;
        Ok(())
    })
}

/// The date `days` days after 1970-01-01 (before it when negative): the
/// inverse of `jg_date_to_days`.
///
/// # Errors
/// `JG_STATUS_INVALID_ARGUMENT` for a day beyond the years -262143..=262142
/// (nothing written); `JG_STATUS_NULL_ARGUMENT` for a NULL `out`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_date_from_days(days: i32, out: *mut jg_date) -> jg_status {
    guard(|| {
        require!(out);
        let day = EPOCH
            .checked_add_signed(chrono::TimeDelta::days(i64::from(days)))
            .filter(|d| d.year().abs() < 262_143)
            .ok_or_else(|| {
                Failure::invalid(format!(
                    "argument `days`: {days} is beyond the dates supported"
                ))
            })?;
        *arg_out(out, "out")? = jg_date::from_naive(day);
        Ok(())
    })
}
