//! The one boundary every export passes through: a panic becomes
//! [`jg_status::JG_STATUS_PANIC`], a NULL or non-UTF-8 argument becomes a
//! status naming the argument, and every failure leaves its message in a
//! thread-local slot that [`jg_last_error`](crate::jg_last_error) reads.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use sdk::ErrorKind;

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

/// A failure on its way to the caller: its stable kind (never empty), its
/// status (a function of the kind, [`status_of`]) and its message.
#[derive(Debug)]
pub(crate) struct Failure {
    pub status: jg_status,
    pub message: String,
    pub kind: ErrorKind,
}

impl Failure {
    /// A failure of `kind`, with the status the kind maps to.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            status: status_of(kind),
            message: message.into(),
            kind,
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidInput, message)
    }
}

/// The status of each error kind, in this one place. A kind the SDK adds
/// later maps to `None` until it is given a status here; the parity test
/// (`tests.rs`) fails while any kind of `ErrorKind::ALL` does.
pub(crate) fn mapped_status(kind: ErrorKind) -> Option<jg_status> {
    use ErrorKind as K;
    use jg_status::*;
    Some(match kind {
        K::InvalidInput | K::InvalidType | K::InvalidSyntax | K::InvalidEntity => {
            JG_STATUS_INVALID_ARGUMENT
        }
        K::NullArgument => JG_STATUS_NULL_ARGUMENT,
        K::InvalidUtf8 => JG_STATUS_INVALID_UTF8,
        K::OutOfRange => JG_STATUS_OUT_OF_RANGE,
        K::Panic => JG_STATUS_PANIC,
        K::InvalidUscc => JG_STATUS_INVALID_USCC,
        K::UnknownItem => JG_STATUS_UNKNOWN_ITEM,
        K::CatalogRefused | K::UnknownDepartment | K::CatalogSource => JG_STATUS_CATALOG,
        K::InvalidCredit => JG_STATUS_CREDIT,
        K::CreditSource => JG_STATUS_CALLBACK_FAILED,
        K::Calendar | K::InvalidHolidays => JG_STATUS_CALENDAR,
        K::PluginLoad => JG_STATUS_PLUGIN_LOAD,
        K::PluginNotLoaded => JG_STATUS_UNKNOWN_PLUGIN,
        K::InvalidFacts => JG_STATUS_INVALID_FACTS,
        K::PluginFailed | K::UnsupportedOperation => JG_STATUS_PLUGIN_FAILED,
        K::StratumTooSmall
        | K::DuplicateMember
        | K::EmptyStratum
        | K::InvalidPlan
        | K::InvalidRoster
        | K::DuplicateEntity
        | K::PartsOutOfOrder
        | K::InvalidPartState
        | K::UnknownClass
        | K::InvalidHistory
        | K::InvalidInspector
        | K::EntropyMismatch
        | K::PublicityMinimum
        | K::InsufficientInspectors
        | K::UnsupportedRecord => JG_STATUS_DRAW_REFUSED,
        K::VerificationFailed => JG_STATUS_VERIFICATION_FAILED,
        K::Rfc3797Refused | K::InvalidOutcomeTable | K::InvalidResults | K::MissingDocument => {
            JG_STATUS_INVALID_ARGUMENT
        }
        _ => return None,
    })
}

/// The status of `kind`: as [`mapped_status`], and a malformed argument for
/// a kind not yet mapped (which the parity test does not let through).
pub(crate) fn status_of(kind: ErrorKind) -> jg_status {
    mapped_status(kind).unwrap_or(jg_status::JG_STATUS_INVALID_ARGUMENT)
}

/// The SDK's errors become failures by their kind.
impl From<sdk::Error> for Failure {
    fn from(e: sdk::Error) -> Self {
        let mut message = e.to_string();
        // The SDK's message names the remedy without a face; C's is a call.
        if e.kind() == ErrorKind::Calendar && message.contains("holiday notice") {
            message.push_str(
                " (in C: jg_options_add_holidays_json with that year's notice, or \
                 jg_options_set_weekends_only)",
            );
        }
        Self::new(e.kind(), message)
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
        kind: c_text(f.kind.as_str()),
    };
    // try_with: a host may call in from a pthread key destructor, after this
    // thread's Rust thread-locals are gone; the message is then dropped.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut s) = slot.try_borrow_mut() {
            *s = Some(last);
        }
    });
}

/// The last failure's message or kind on this thread ("" before the
/// thread's first failure). A success leaves it as it was, so the message
/// stays valid until the next failing call on the thread.
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
        // A success leaves the last error alone (ABI 1.2): a host may read
        // it after making other calls, as with errno.
        Ok(Ok(())) => jg_status::JG_STATUS_OK,
        Ok(Err(mut failure)) => {
            failure.message = c_message(&failure.message);
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
                sdk::ErrorKind::Panic,
                format!("jianguan panicked (a bug; please report it): {what}"),
            ));
            jg_status::JG_STATUS_PANIC
        }
    }
}

/// Fails naming every argument of `args` (name, is NULL) that is NULL, so
/// a host that passes two NULLs learns of both at once.
pub(crate) fn nulls(args: &[(&str, bool)]) -> Result<(), Failure> {
    let null: Vec<String> = args
        .iter()
        .filter(|(_, is_null)| *is_null)
        .map(|(name, _)| format!("`{name}`"))
        .collect();
    match null.as_slice() {
        [] => Ok(()),
        [one] => Err(Failure::new(
            ErrorKind::NullArgument,
            format!("argument {one} is NULL"),
        )),
        many => Err(Failure::new(
            ErrorKind::NullArgument,
            format!("arguments {} are NULL", many.join(", ")),
        )),
    }
}

/// Refuses, naming each, the pointer arguments given that are NULL:
/// `require!(supervisor, code, out)` at the top of an export's body.
macro_rules! require {
    ($($arg:ident),+ $(,)?) => {
        $crate::boundary::nulls(&[$((stringify!($arg), $arg.is_null())),+])?
    };
}
pub(crate) use require;

/// A message as C hosts read it: what serde says it expected is put in
/// JSON's words (`expected struct Plan` → `expected a JSON object (plan)`,
/// `u64` → `a non-negative whole number`, a map → an object), and no Rust
/// path such as `WorkCalendar::load_json` reaches C (the SDK's messages
/// that name a remedy get the C call from [`From<sdk::Error>`]).
pub(crate) fn c_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len() + 16);
    let mut rest = message;
    while let Some(at) = rest.find("expected ") {
        let (head, tail) = rest.split_at(at + "expected ".len());
        out.push_str(head);
        rest = expected(tail, &mut out);
    }
    out.push_str(rest);
    out.replace("invalid type: map", "invalid type: object")
        .replace("invalid type: sequence", "invalid type: array")
        .replace("::", " ")
}

/// Writes what serde expected, from the start of `tail`, in JSON's words
/// into `out`; returns the rest of `tail`.
fn expected<'a>(tail: &'a str, out: &mut String) -> &'a str {
    for (rust, json) in [
        ("a sequence", "a JSON array"),
        ("a map", "a JSON object"),
        ("a borrowed string", "a string"),
    ] {
        if let Some(rest) = tail.strip_prefix(rust) {
            out.push_str(json);
            return rest;
        }
    }
    for (rust, json) in [
        ("tuple struct ", "a JSON array"),
        ("struct ", "a JSON object"),
        ("enum ", "one of the documented values"),
    ] {
        if let Some(named) = tail.strip_prefix(rust) {
            let n = ident_len(named);
            out.push_str(&format!("{json} ({})", words(&named[..n])));
            let rest = &named[n..];
            // serde adds " with N elements" when an array came for a struct.
            return rest
                .strip_prefix(" with ")
                .and_then(|r| r.split_once(" elements"))
                .filter(|(count, _)| count.chars().all(|c| c.is_ascii_digit()))
                .map_or(rest, |(_, after)| after);
        }
    }
    let n = ident_len(tail);
    let json = match &tail[..n] {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a non-negative whole number",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        _ => return tail,
    };
    out.push_str(json);
    &tail[n..]
}

/// The length of the Rust identifier at the start of `s`.
fn ident_len(s: &str) -> usize {
    s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len())
}

/// `DrawRecord` → `draw record`: a Rust type's name as words.
fn words(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push(' ');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
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
            sdk::ErrorKind::NullArgument,
            format!("{what} is NULL"),
        ));
    }
    // SAFETY: the header requires a NUL-terminated string valid for the call.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            sdk::ErrorKind::InvalidUtf8,
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
            sdk::ErrorKind::NullArgument,
            format!("argument `{name}` is NULL"),
        )
    })
}

/// A required out-pointer.
pub(crate) fn arg_out<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    // SAFETY: as `arg_ref`, and writable.
    unsafe { ptr.as_mut() }.ok_or_else(|| {
        Failure::new(
            sdk::ErrorKind::NullArgument,
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

/// A value handed to the caller as JSON text, released with `jg_string_free`.
pub(crate) fn out_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<*mut c_char, Failure> {
    serde_json::to_string(value)
        .map(out_string)
        .map_err(|e| Failure::invalid(e.to_string()))
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
