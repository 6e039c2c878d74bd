//! `jg_options`: what a supervisor is built from. Every setting has a
//! default; `jg_supervisor_new` consumes the options.

use std::ffi::{c_char, c_void};
use std::path::PathBuf;

use sdk::supervisor::SupervisorBuilder;
use sdk::supervisor::calendar::{Fallback, WorkCalendar};
use sdk::supervisor::catalog::InMemoryCatalog;
use sdk::supervisor::credit::{CreditProfile, CreditScheme, InMemoryCreditLookup};

use crate::boundary::require;
use crate::boundary::{Failure, arg_json, arg_out, arg_str, guard, jg_status, nulls};
use crate::credit::{CallbackLookup, jg_credit_lookup_fn, jg_credit_scheme};
use crate::handle::Handle;

/// Settings for a supervisor: plugins folder and configurations, catalog,
/// holidays, credit source. Not thread-safe: set it up on one thread.
#[allow(non_camel_case_types)]
#[derive(Debug, Default)]
pub struct jg_options {
    /// Every setting but the calendar, as the SDK's builder holds them.
    pub(crate) builder: SupervisorBuilder,
    /// The calendar with the holiday notices added so far (the builder
    /// takes a finished calendar; notices are added one call at a time).
    pub(crate) calendar: Option<WorkCalendar>,
}

impl jg_options {
    /// Applies one builder setting.
    fn set(&mut self, f: impl FnOnce(SupervisorBuilder) -> SupervisorBuilder) {
        self.builder = f(std::mem::take(&mut self.builder));
    }

    /// The builder with every setting, for `jg_supervisor_new`.
    pub(crate) fn into_builder(self) -> SupervisorBuilder {
        match self.calendar {
            Some(c) => self.builder.calendar(c),
            None => self.builder,
        }
    }
}

impl Handle for jg_options {
    const ARG: &'static str = "options";
}

/// Creates options with every default: the Pingdu catalog, the embedded
/// official holidays (2021–2026), no credit data, no plugins.
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT` when `out` is NULL.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_new(out: *mut *mut jg_options) -> jg_status {
    guard(|| {
        require!(out);
        let out = arg_out(out, "out")?;
        *out = jg_options::default().into_c();
        Ok(())
    })
}

/// Releases options that were not passed to `jg_supervisor_new` (which
/// consumes them). NULL is a no-op. A credit callback's destructor runs here.
///
/// # Safety
/// `options` must be NULL or from `jg_options_new`, not yet freed or consumed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_free(options: *mut jg_options) {
    // SAFETY: NULL or from jg_options_new, per the header.
    unsafe { jg_options::free_c(options) }
}

/// Runs a setter on non-NULL options.
/// Runs a setter on `options`, after refusing (naming each) a NULL
/// `options` and any of the other required pointers `others` (name, is NULL).
fn with_options(
    options: *mut jg_options,
    others: &[(&str, bool)],
    f: impl FnOnce(&mut jg_options) -> Result<(), Failure>,
) -> jg_status {
    guard(|| {
        let mut all = vec![("options", options.is_null())];
        all.extend_from_slice(others);
        nulls(&all)?;
        f(arg_out(options, "options")?)
    })
}

/// Loads every plugin library (Rust or C) in folder `dir` when the
/// supervisor is built. On Unix the path is taken as the file system's
/// bytes (a GBK path works); elsewhere it must be UTF-8.
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT`; `JG_STATUS_INVALID_UTF8` off Unix.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_set_plugins_dir(
    options: *mut jg_options,
    dir: *const c_char,
) -> jg_status {
    with_options(options, &[("dir", dir.is_null())], |o| {
        let dir = path_arg(dir, "dir")?;
        o.set(|b| b.plugins_dir(dir));
        Ok(())
    })
}

#[cfg(unix)]
fn path_arg(ptr: *const c_char, name: &str) -> Result<PathBuf, Failure> {
    use std::os::unix::ffi::OsStrExt;
    if ptr.is_null() {
        return Err(Failure::new(
            sdk::ErrorKind::NullArgument,
            format!("argument `{name}` is NULL"),
        ));
    }
    // SAFETY: a NUL-terminated string valid for the call, per the header.
    let bytes = unsafe { std::ffi::CStr::from_ptr(ptr) }.to_bytes();
    Ok(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_arg(ptr: *const c_char, name: &str) -> Result<PathBuf, Failure> {
    arg_str(ptr, name).map(PathBuf::from)
}

/// The configuration (a JSON object) plugin `id` opens with.
///
/// # Errors
/// `JG_STATUS_INVALID_ARGUMENT` when `config_json` is not a JSON object;
/// NULL and UTF-8 statuses.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_set_plugin_config(
    options: *mut jg_options,
    id: *const c_char,
    config_json: *const c_char,
) -> jg_status {
    with_options(
        options,
        &[("id", id.is_null()), ("config_json", config_json.is_null())],
        |o| {
            let id = arg_str(id, "id")?.to_string();
            let config: serde_json::Value = arg_json(config_json, "config_json")?;
            if !config.is_object() {
                return Err(Failure::invalid(
                    "argument `config_json` is not a JSON object",
                ));
            }
            o.set(|b| b.plugin_config(id, config));
            Ok(())
        },
    )
}

/// Whether a plugin file that fails to load fails `jg_supervisor_new`
/// (nonzero) or is only listed by `jg_supervisor_plugins_json` (zero, the
/// default).
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_require_all_plugins(
    options: *mut jg_options,
    require: u8,
) -> jg_status {
    with_options(options, &[], |o| {
        o.set(|b| b.require_all_plugins(require != 0));
        Ok(())
    })
}

/// Replaces the Pingdu catalog with one given as JSON (the format of
/// `sdk/data/catalog.json`).
///
/// # Errors
/// `JG_STATUS_CATALOG` naming what the catalog lacks or repeats;
/// `JG_STATUS_INVALID_ARGUMENT` for JSON that does not parse.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_set_catalog_json(
    options: *mut jg_options,
    json: *const c_char,
) -> jg_status {
    with_options(options, &[("json", json.is_null())], |o| {
        let catalog = InMemoryCatalog::from_json_str(arg_str(json, "json")?)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        o.set(|b| b.catalog(catalog));
        Ok(())
    })
}

/// Adds holiday notices (the format of `sdk/data/cn-holidays.json`) to the
/// embedded ones, e.g. the 2027 notice once the State Council publishes it.
///
/// # Errors
/// `JG_STATUS_CALENDAR` naming what the notice gets wrong;
/// `JG_STATUS_INVALID_ARGUMENT` for JSON that does not parse or lacks
/// `years`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_add_holidays_json(
    options: *mut jg_options,
    json: *const c_char,
) -> jg_status {
    with_options(options, &[("json", json.is_null())], |o| {
        let json = arg_str(json, "json")?;
        let mut calendar = o.calendar.clone().unwrap_or_else(WorkCalendar::china);
        calendar
            .load_json(json)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        o.calendar = Some(calendar);
        Ok(())
    })
}

/// Whether years without a holiday notice are answered from weekends alone
/// (`on` nonzero: an approximation, off by default, when the calendar
/// refuses such a year with `JG_STATUS_CALENDAR`). Added in ABI 1.2.
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT` for a NULL `options`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_set_weekends_only(
    options: *mut jg_options,
    on: u8,
) -> jg_status {
    with_options(options, &[], |o| {
        let fallback = if on != 0 {
            Fallback::WeekendsOnly
        } else {
            Fallback::Refuse
        };
        let calendar = o.calendar.take().unwrap_or_else(WorkCalendar::china);
        o.calendar = Some(calendar.with_fallback(fallback));
        Ok(())
    })
}

/// Uses credit profiles held in memory: a JSON array of profiles (`uscc`,
/// `class`, optional `last_penalty_on`, `lists`) under `scheme`. Replaces
/// any credit source set before.
///
/// # Errors
/// `JG_STATUS_CREDIT` for a class outside the scheme or a code given twice;
/// `JG_STATUS_INVALID_ARGUMENT` for JSON of the wrong shape or an unknown
/// scheme.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_set_credit_profiles_json(
    options: *mut jg_options,
    scheme: jg_credit_scheme,
    json: *const c_char,
) -> jg_status {
    with_options(options, &[("json", json.is_null())], |o| {
        let scheme = crate::credit::scheme(scheme)?;
        let profiles: Vec<CreditProfile> = arg_json(json, "json")?;
        let lookup = InMemoryCreditLookup::from_profiles(scheme, profiles)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        o.set(|b| b.credit(lookup));
        Ok(())
    })
}

/// Answers credit questions from the host's own database through `lookup`
/// (see `jg_credit_lookup_fn`), under `scheme`. `userdata` is passed back
/// on every call; `destroy` (may be NULL) is called once with it when the
/// options or the supervisor that took them are freed, or when this source
/// is replaced, on the thread that does so. (Replacing a callback with one
/// that shares `userdata` and `destroy` therefore frees the `userdata` the
/// new one uses: give each its own.) The callback may be called from any
/// thread that calls into the supervisor, concurrently if the host calls
/// concurrently. `destroy` must not throw or `longjmp` either.
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT` for a NULL `options` or `lookup`;
/// `JG_STATUS_INVALID_ARGUMENT` for an unknown scheme. On any failure
/// nothing is taken: `destroy` is not called and the host keeps `userdata`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_options_set_credit_callback(
    options: *mut jg_options,
    scheme: jg_credit_scheme,
    lookup: jg_credit_lookup_fn,
    userdata: *mut c_void,
    destroy: Option<unsafe extern "C" fn(*mut c_void)>,
) -> jg_status {
    with_options(options, &[("lookup", lookup.is_none())], |o| {
        let lookup = lookup.ok_or_else(|| {
            Failure::new(sdk::ErrorKind::NullArgument, "argument `lookup` is NULL")
        })?;
        let scheme: CreditScheme = crate::credit::scheme(scheme)?;
        let source = CallbackLookup::new(scheme, lookup, userdata, destroy);
        o.set(|b| b.credit(source));
        Ok(())
    })
}
