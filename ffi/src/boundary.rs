//! The one boundary every export passes through: a panic becomes
//! [`jg_status::JG_STATUS_PANIC`], a NULL or non-UTF-8 argument becomes a
//! status naming the argument, and every failure leaves its message in a
//! thread-local slot that [`jg_last_error`](crate::jg_last_error) reads.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The result of every fallible call. Values are never reused or
/// renumbered once released; new ones are only appended.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum jg_status {
    /// Success.
    JG_STATUS_OK = 0,
    /// A required pointer argument was NULL (the message names it).
    JG_STATUS_NULL_ARGUMENT = 1,
    /// A string argument was not valid UTF-8 (the message names it and the
    /// byte offset).
    JG_STATUS_INVALID_UTF8 = 2,
    /// The library panicked; this is a bug in jianguan. The call had no
    /// effect on any handle (except that `jg_supervisor_new` has consumed
    /// its options).
    JG_STATUS_PANIC = 3,
    /// An argument is malformed: JSON that does not parse or has the wrong
    /// shape, an impossible date, an unknown column kind, a short buffer.
    JG_STATUS_INVALID_ARGUMENT = 4,
    /// A unified social credit code failed GB 32100-2015's checks.
    JG_STATUS_INVALID_USCC = 5,
    /// No supervision item has this code.
    JG_STATUS_UNKNOWN_ITEM = 6,
    /// The catalog refused the question (an unknown department, approval
    /// facts that contradict the item's mode) or failed to load.
    JG_STATUS_CATALOG = 7,
    /// A credit profile or scheme is invalid.
    JG_STATUS_CREDIT = 8,
    /// The host's credit callback reported a failure (its message is kept).
    JG_STATUS_CALLBACK_FAILED = 9,
    /// The working-day calendar cannot answer (a year without a holiday
    /// notice, a bad range) or refused holiday data.
    JG_STATUS_CALENDAR = 10,
    /// A plugin failed to load, or the plugins folder cannot be read.
    JG_STATUS_PLUGIN_LOAD = 11,
    /// No loaded plugin has this id.
    JG_STATUS_UNKNOWN_PLUGIN = 12,
    /// Facts were refused, naming row and fact: by the plugin's schema
    /// (before the plugin was called) or by the plugin's own rules.
    JG_STATUS_INVALID_FACTS = 13,
    /// The plugin failed, panicked, or returned a result that breaks the
    /// contract.
    JG_STATUS_PLUGIN_FAILED = 14,
    /// The draw was refused (see `jg_last_error_kind` for which refusal).
    JG_STATUS_DRAW_REFUSED = 15,
    /// The record is not the draw the rosters give (the message names the
    /// first differing field).
    JG_STATUS_VERIFICATION_FAILED = 16,
    /// A row or index past the end.
    JG_STATUS_OUT_OF_RANGE = 17,
}

/// A failure on its way to the caller: its status, message and (where the
/// SDK names one) its stable kind.
#[derive(Debug)]
pub(crate) struct Failure {
    pub status: jg_status,
    pub message: String,
    pub kind: &'static str,
}

impl Failure {
    pub fn new(status: jg_status, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            kind: "",
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(jg_status::JG_STATUS_INVALID_ARGUMENT, message)
    }
}

/// The SDK's errors mapped to statuses, in this one place.
impl From<sdk::Error> for Failure {
    fn from(e: sdk::Error) -> Self {
        use jg_status::*;
        use sdk::Error as E;
        use sdk::catalog::CatalogError;
        use sdk::credit::CreditError;
        use sdk::plugin_host::{PluginCallError, PluginError};
        use sdk::sampling::SamplingError;
        let (status, kind) = match &e {
            E::Uscc(_) => (JG_STATUS_INVALID_USCC, ""),
            E::Catalog(CatalogError::UnknownItem { .. }) => (JG_STATUS_UNKNOWN_ITEM, ""),
            // Text that does not parse is a malformed argument, whatever it holds.
            E::Catalog(CatalogError::Syntax { .. }) => (JG_STATUS_INVALID_ARGUMENT, ""),
            E::Calendar(sdk::calendar::CalendarError::Json(_)) => (JG_STATUS_INVALID_ARGUMENT, ""),
            E::Catalog(_) => (JG_STATUS_CATALOG, ""),
            E::Credit(CreditError::Source { .. }) => (JG_STATUS_CALLBACK_FAILED, ""),
            E::Credit(_) => (JG_STATUS_CREDIT, ""),
            E::Calendar(_) => (JG_STATUS_CALENDAR, ""),
            E::Plugin(PluginError::Call(PluginCallError::NotLoaded(_))) => {
                (JG_STATUS_UNKNOWN_PLUGIN, "")
            }
            E::Plugin(PluginError::Call(PluginCallError::InvalidFacts { .. })) => {
                (JG_STATUS_INVALID_FACTS, "")
            }
            // The plugin's own rules refused a fact: the host's data, not a bug.
            E::Plugin(PluginError::Call(PluginCallError::Plugin { error, .. }))
                if error.kind == sdk::plugin_host::PluginErrorKind::InvalidFacts =>
            {
                (JG_STATUS_INVALID_FACTS, "")
            }
            E::Plugin(PluginError::Call(_)) => (JG_STATUS_PLUGIN_FAILED, ""),
            E::Plugin(_) => (JG_STATUS_PLUGIN_LOAD, ""),
            E::Sampling(s @ SamplingError::VerificationFailed { .. }) => {
                (JG_STATUS_VERIFICATION_FAILED, s.kind())
            }
            E::Sampling(s) => (JG_STATUS_DRAW_REFUSED, s.kind()),
            E::Entity(_) | E::Rfc3797(_) | E::Results(_) | E::Referral(_) => {
                (JG_STATUS_INVALID_ARGUMENT, "")
            }
            // A variant added to the SDK later: malformed input until mapped.
            _ => (JG_STATUS_INVALID_ARGUMENT, ""),
        };
        Self {
            status,
            message: e.to_string(),
            kind,
        }
    }
}

struct LastError {
    message: CString,
    kind: CString,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

fn set_last_error(f: &Failure) {
    let last = LastError {
        message: c_text(&f.message),
        kind: c_text(f.kind),
    };
    // try_with: a host may call in from a pthread key destructor, after this
    // thread's Rust thread-locals are gone; the message is then dropped.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut s) = slot.try_borrow_mut() {
            *s = Some(last);
        }
    });
}

fn clear_last_error() {
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut s) = slot.try_borrow_mut()
            && s.is_some()
        {
            *s = None;
        }
    });
}

/// The last failure's message and kind on this thread ("" when none).
pub(crate) fn last_error(kind: bool) -> *const c_char {
    LAST_ERROR
        .try_with(|slot| match slot.try_borrow().as_deref() {
            Ok(Some(e)) if kind => e.kind.as_ptr(),
            Ok(Some(e)) => e.message.as_ptr(),
            _ => c"".as_ptr(),
        })
        .unwrap_or(c"".as_ptr())
}

/// The boundary of the `_free` functions: catches a panic (a `Drop` that
/// panics) but leaves the last error alone, so a message read before a free
/// stays valid after it.
pub(crate) fn guard_free(f: impl FnOnce()) {
    let _ = catch_unwind(AssertUnwindSafe(f));
}

/// Runs an export's body behind the panic boundary and records its failure.
pub(crate) fn guard(f: impl FnOnce() -> Result<(), Failure>) -> jg_status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => {
            clear_last_error();
            jg_status::JG_STATUS_OK
        }
        Ok(Err(failure)) => {
            set_last_error(&failure);
            failure.status
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".into());
            set_last_error(&Failure::new(
                jg_status::JG_STATUS_PANIC,
                format!("jianguan panicked (a bug; please report it): {what}"),
            ));
            jg_status::JG_STATUS_PANIC
        }
    }
}

/// A required string argument: non-NULL, NUL-terminated UTF-8.
pub(crate) fn arg_str<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, Failure> {
    c_str(ptr, &format_args!("argument `{name}`"))
}

/// A C string the caller passed: non-NULL, NUL-terminated UTF-8. `what`
/// names it in the message ("argument `code`", "facts column `x` row 3").
pub(crate) fn c_str<'a>(
    ptr: *const c_char,
    what: &dyn std::fmt::Display,
) -> Result<&'a str, Failure> {
    if ptr.is_null() {
        return Err(Failure::new(
            jg_status::JG_STATUS_NULL_ARGUMENT,
            format!("{what} is NULL"),
        ));
    }
    // SAFETY: the header requires a NUL-terminated string valid for the call.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            jg_status::JG_STATUS_INVALID_UTF8,
            format!("{what} is not valid UTF-8 (at byte {})", e.valid_up_to()),
        )
    })
}

/// An optional string argument: NULL reads as `None`.
pub(crate) fn opt_str<'a>(ptr: *const c_char, name: &str) -> Result<Option<&'a str>, Failure> {
    if ptr.is_null() {
        Ok(None)
    } else {
        arg_str(ptr, name).map(Some)
    }
}

/// A required pointer argument.
pub(crate) fn arg_ref<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, Failure> {
    // SAFETY: the header requires a valid, aligned pointer to a live T or NULL.
    unsafe { ptr.as_ref() }.ok_or_else(|| {
        Failure::new(
            jg_status::JG_STATUS_NULL_ARGUMENT,
            format!("argument `{name}` is NULL"),
        )
    })
}

/// A required out-pointer.
pub(crate) fn arg_out<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    // SAFETY: as `arg_ref`, and writable.
    unsafe { ptr.as_mut() }.ok_or_else(|| {
        Failure::new(
            jg_status::JG_STATUS_NULL_ARGUMENT,
            format!("argument `{name}` is NULL"),
        )
    })
}

/// Parses a JSON argument into `T`, naming the argument and the place.
pub(crate) fn arg_json<T: serde::de::DeserializeOwned>(
    ptr: *const c_char,
    name: &str,
) -> Result<T, Failure> {
    let text = arg_str(ptr, name)?;
    serde_json::from_str(text).map_err(|e| Failure::invalid(format!("argument `{name}`: {e}")))
}

/// A string handed to the caller, released with `jg_string_free`.
pub(crate) fn out_string(s: String) -> *mut c_char {
    c_text(s).into_raw()
}

/// Text as a C string. JSON and the SDK's messages hold no NUL; should one
/// appear (from a plugin's text, say) it becomes U+FFFD rather than cutting
/// the string short or failing the call.
pub(crate) fn c_text(s: impl Into<String>) -> CString {
    CString::new(s.into()).unwrap_or_else(|e| {
        let text = String::from_utf8(e.into_vec()).expect("it was a String");
        CString::new(text.replace('\0', "\u{FFFD}")).expect("no NUL left")
    })
}
