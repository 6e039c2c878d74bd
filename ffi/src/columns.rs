//! Typed fact columns and the date converter (ABI 1.2). A `jg_fact_column`
//! holds `const void *` values beside a kind the host sets by hand, so a
//! column of `int64_t` marked `JG_FACT_NUMBER` would be read as doubles.
//! The constructors here take a pointer of the kind's own C type and set
//! the kind themselves: the C compiler refuses a wrong array, and the
//! schema check refuses a column of the wrong kind for its fact.

use std::ffi::{c_char, c_void};

use chrono::{Datelike, NaiveDate};

use crate::boundary::{Failure, arg_out, guard, jg_status, require};
use crate::jg_date;
use crate::plugins::{
    JG_FACT_DATE, JG_FACT_FLAG, JG_FACT_INTEGER, JG_FACT_NUMBER, JG_FACT_TEXT, jg_fact_column,
    jg_fact_kind,
};

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
