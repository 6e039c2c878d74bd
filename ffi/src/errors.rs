//! Errors as C expects them: a fixed English text per status (as
//! `sqlite3_errstr`), and every error kind as a constant, so a host compares
//! `jg_last_error_kind()` with `strcmp` against a name the compiler checks.

use std::ffi::c_char;

/// A static English description of status `status` (e.g. "the draw was
/// refused"), as `sqlite3_errstr` and `curl_easy_strerror` give: never NULL,
/// never freed, the same for every call. A value that is no `jg_status`
/// gives "unknown status". Takes an `int32_t` so that any integer is read
/// safely. Added in ABI 1.2.
#[unsafe(no_mangle)]
pub extern "C" fn jg_status_str(status: i32) -> *const c_char {
    STATUS_TEXT
        .get(usize::try_from(status).unwrap_or(usize::MAX))
        .copied()
        .unwrap_or(c"unknown status")
        .as_ptr()
}

/// The text of each status, by its value (`jg_status` is numbered from 0
/// without gaps; a test holds this table to the enum).
pub(crate) const STATUS_TEXT: &[&std::ffi::CStr] = &[
    c"success",
    c"a required pointer argument was NULL",
    c"a string argument is not valid UTF-8",
    c"the library panicked (a bug in jianguan)",
    c"an argument is malformed",
    c"a unified social credit code failed GB 32100-2015's checks",
    c"no supervision item has this code",
    c"the catalog refused the question or failed",
    c"a credit profile or scheme is invalid",
    c"the host's credit callback reported a failure",
    c"the working-day calendar cannot answer",
    c"a plugin failed to load",
    c"no loaded plugin has this id",
    c"facts were refused",
    c"the plugin failed",
    c"the draw was refused",
    c"the record is not the draw the rosters give",
    c"a row or index past the end",
];
