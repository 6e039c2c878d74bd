//! # libjianguan — the C API of jianguan (监管)
//!
//! For government platforms written in C, C++ or Java (JNI/JNA). Include
//! `include/jianguan.h` and link `libjianguan` (`pkg-config --cflags --libs
//! jianguan`). The header is generated from this crate by cbindgen and
//! checked by the test command. This crate wraps the SDK's `Supervisor`
//! facade and nothing below it, so C sees what Rust and Python see.
//!
//! ## Conventions
//! - Every name starts with `jg_`. Handles are opaque and come in
//!   `jg_x_new` / `jg_x_free` pairs; freeing NULL does nothing.
//! - Every fallible function returns a [`jg_status`]; values never change
//!   once released ([`jg_status_str`] gives a static text for each). After a
//!   failure, [`jg_last_error`] gives the message on the same thread, valid
//!   and unchanged until the next failing `jg_` call on that thread
//!   (successes leave it alone); "" before the thread's first failure.
//! - No call crashes the host: each export runs behind one panic boundary
//!   (a panic becomes `JG_STATUS_PANIC`), and a NULL where a value is
//!   required or a string that is not UTF-8 becomes a status naming the
//!   argument. A failed call changes nothing and writes no out-parameter.
//! - Strings in are NUL-terminated UTF-8, borrowed for the call only.
//!   Strings out are either borrowed from a handle (valid until that handle
//!   is freed, as documented per function) or owned `char *` that the caller
//!   releases with [`jg_string_free`].
//! - Bulk data crosses as arrays of structs (fact columns, grades); deep
//!   shapes (draw plans and records, catalog answers) as JSON.
//! - Dates are [`jg_date`] (proleptic Gregorian, validated on the way in)
//!   in calls and `int32_t` days since 1970-01-01 in columns
//!   ([`jg_date_to_days`], [`jg_date_from_days`]).
//! - The library writes flags as `bool`; the host writes them as `uint8_t`
//!   (nonzero yes), so any byte it writes is read safely.
//!
//! ## ABI policy
//! [`jg_abi_version`] returns `JG_ABI_MAJOR << 16 | JG_ABI_MINOR`. Within a
//! major: functions, status values and constants are only added; existing
//! struct layouts and signatures never change. A host built against minor
//! N runs on any library of the same major with minor ≥ N; check at startup
//! that the major matches and the minor is at least yours.

// A C API is exports and raw pointers; each unsafe block says why it holds.
#![allow(unsafe_code)]

mod boundary;
mod calendar;
mod catalog;
mod codes;
mod columns;
mod credit;
mod draw;
mod errors;
mod handle;
mod options;
mod plugins;
mod results;
mod rfc3797;
mod roster;
mod schema;
mod supervisor;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_abi_1_2;

use std::ffi::{CString, c_char};

pub use boundary::jg_status;
pub use calendar::*;
pub use catalog::*;
pub use codes::*;
pub use columns::*;
pub use credit::*;
pub use draw::*;
pub use errors::*;
pub use options::*;
pub use plugins::*;
pub use results::*;
pub use rfc3797::*;
pub use roster::*;
pub use schema::*;
pub use supervisor::*;

/// The ABI major version: incremented on any incompatible change.
pub const JG_ABI_MAJOR: u32 = 1;
/// The ABI minor version: incremented when functions or values are added.
pub const JG_ABI_MINOR: u32 = 2;

/// The ABI version this header declares, as `jg_abi_version` returns it. A
/// host checks `jg_abi_version() >> 16 == JG_ABI_MAJOR` and
/// `jg_abi_version() >= JG_ABI_VERSION`.
pub const JG_ABI_VERSION: u32 = (JG_ABI_MAJOR << 16) | JG_ABI_MINOR;

/// The ABI version of the loaded library: `JG_ABI_MAJOR << 16 | JG_ABI_MINOR`.
#[unsafe(no_mangle)]
pub extern "C" fn jg_abi_version() -> u32 {
    JG_ABI_VERSION
}

/// The SDK release, e.g. "0.1.0". Static: never freed.
#[unsafe(no_mangle)]
pub extern "C" fn jg_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The message of the last failed call on this thread ("" before the
/// thread's first failure). Valid and unchanged until the next *failing*
/// `jg_` call on this thread: successful calls leave it as it was (since
/// ABI 1.2). Never NULL.
#[unsafe(no_mangle)]
pub extern "C" fn jg_last_error() -> *const c_char {
    boundary::last_error(false)
}

/// The stable snake_case kind of the last failure on this thread
/// (`docs/errors.md` lists every kind and its status: `invalid_uscc`,
/// `unknown_item`, `null_argument`, the draw refusals `entropy_mismatch`,
/// `publicity_minimum`, … as tests/vectors/draw/ records them); the header
/// defines each as a `JG_KIND_` constant. Never "" after a failure; ""
/// before the thread's first failure. Lifetime as `jg_last_error`.
#[unsafe(no_mangle)]
pub extern "C" fn jg_last_error_kind() -> *const c_char {
    boundary::last_error(true)
}

/// Releases a string this library returned as an owned `char *`. NULL is a
/// no-op. Passing any other pointer is undefined behaviour.
///
/// # Safety
/// `s` must be NULL or a string returned by a `jg_` function as owned, not
/// yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_string_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: per the contract, made by CString::into_raw in this library.
        drop(unsafe { CString::from_raw(s) });
    }
}

/// A calendar date.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct jg_date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl jg_date {
    /// The date, if it is one.
    pub(crate) fn naive(self) -> Option<sdk::NaiveDate> {
        sdk::NaiveDate::from_ymd_opt(self.year, self.month, self.day)
    }

    pub(crate) fn to_naive(self, name: &str) -> Result<sdk::NaiveDate, boundary::Failure> {
        self.naive().ok_or_else(|| {
            boundary::Failure::invalid(format!(
                "argument `{name}`: {:04}-{:02}-{:02} is not a calendar date",
                self.year, self.month, self.day
            ))
        })
    }

    pub(crate) fn from_naive(d: sdk::NaiveDate) -> Self {
        use chrono::Datelike;
        Self {
            year: d.year(),
            month: d.month(),
            day: d.day(),
        }
    }
}
