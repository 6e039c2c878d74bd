//! `jg_options`: what a supervisor is built from. Every setting has a
//! default; `jg_supervisor_new` consumes the options.

use std::ffi::{c_char, c_void};
use std::path::PathBuf;

use sdk::calendar::WorkCalendar;
use sdk::catalog::InMemoryCatalog;
use sdk::credit::{CreditLookup, CreditProfile, CreditScheme, InMemoryCreditLookup};

use crate::boundary::{Failure, arg_json, arg_out, arg_str, guard, guard_free, jg_status};
use crate::credit::{CallbackLookup, jg_credit_lookup_fn, jg_credit_scheme};

/// Settings for a supervisor: plugins folder and configurations, catalog,
/// holidays, credit source. Not thread-safe: set it up on one thread.
#[allow(non_camel_case_types)]
pub struct jg_options {
    pub(crate) plugins_dir: Option<PathBuf>,
    pub(crate) plugin_configs: Vec<(String, serde_json::Value)>,
    pub(crate) require_all_plugins: bool,
    pub(crate) catalog: Option<InMemoryCatalog>,
    pub(crate) calendar: Option<WorkCalendar>,
    pub(crate) credit: Option<Box<dyn CreditLookup + Send + Sync>>,
}

impl std::fmt::Debug for jg_options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("jg_options")
            .field("plugins_dir", &self.plugins_dir)
            .field("plugin_configs", &self.plugin_configs)
            .field("require_all_plugins", &self.require_all_plugins)
            .field("catalog", &self.catalog.is_some())
            .field("calendar", &self.calendar.is_some())
            .field("credit", &self.credit.is_some())
            .finish()
    }
}

/// Creates options with every default: the Pingdu catalog, the embedded
/// official holidays (2021–2026), no credit data, no plugins.
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT` when `out` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn jg_options_new(out: *mut *mut jg_options) -> jg_status {
    guard(|| {
        let out = arg_out(out, "out")?;
        *out = Box::into_raw(Box::new(jg_options {
            plugins_dir: None,
            plugin_configs: Vec::new(),
            require_all_plugins: false,
            catalog: None,
            calendar: None,
            credit: None,
        }));
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
    if !options.is_null() {
        // SAFETY: made by Box::into_raw in jg_options_new.
        guard_free(|| drop(unsafe { Box::from_raw(options) }));
    }
}

/// Runs a setter on non-NULL options.
fn with_options(
    options: *mut jg_options,
    f: impl FnOnce(&mut jg_options) -> Result<(), Failure>,
) -> jg_status {
    guard(|| f(arg_out(options, "options")?))
}

/// Loads every plugin library (Rust or C) in folder `dir` when the
/// supervisor is built.
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT`, `JG_STATUS_INVALID_UTF8`.
#[unsafe(no_mangle)]
pub extern "C" fn jg_options_set_plugins_dir(
    options: *mut jg_options,
    dir: *const c_char,
) -> jg_status {
    with_options(options, |o| {
        o.plugins_dir = Some(PathBuf::from(arg_str(dir, "dir")?));
        Ok(())
    })
}

/// The configuration (a JSON object) plugin `id` opens with.
///
/// # Errors
/// `JG_STATUS_INVALID_ARGUMENT` when `config_json` is not a JSON object;
/// NULL and UTF-8 statuses.
#[unsafe(no_mangle)]
pub extern "C" fn jg_options_set_plugin_config(
    options: *mut jg_options,
    id: *const c_char,
    config_json: *const c_char,
) -> jg_status {
    with_options(options, |o| {
        let id = arg_str(id, "id")?.to_string();
        let config: serde_json::Value = arg_json(config_json, "config_json")?;
        if !config.is_object() {
            return Err(Failure::invalid(
                "argument `config_json` is not a JSON object",
            ));
        }
        o.plugin_configs.retain(|(k, _)| *k != id);
        o.plugin_configs.push((id, config));
        Ok(())
    })
}

/// Whether a plugin file that fails to load fails `jg_supervisor_new`
/// (nonzero) or is only listed by `jg_supervisor_plugins_json` (zero, the
/// default).
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT`.
#[unsafe(no_mangle)]
pub extern "C" fn jg_options_require_all_plugins(
    options: *mut jg_options,
    require: bool,
) -> jg_status {
    with_options(options, |o| {
        o.require_all_plugins = require;
        Ok(())
    })
}

/// Replaces the Pingdu catalog with one given as JSON (the format of
/// `sdk/data/catalog.json`).
///
/// # Errors
/// `JG_STATUS_CATALOG` naming what the catalog lacks or repeats;
/// `JG_STATUS_INVALID_ARGUMENT` for JSON that does not parse.
#[unsafe(no_mangle)]
pub extern "C" fn jg_options_set_catalog_json(
    options: *mut jg_options,
    json: *const c_char,
) -> jg_status {
    with_options(options, |o| {
        let catalog = InMemoryCatalog::from_json_str(arg_str(json, "json")?)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        o.catalog = Some(catalog);
        Ok(())
    })
}

/// Adds holiday notices (the format of `sdk/data/cn-holidays.json`) to the
/// embedded ones, e.g. the 2027 notice once the State Council publishes it.
///
/// # Errors
/// `JG_STATUS_CALENDAR` naming what the notice gets wrong.
#[unsafe(no_mangle)]
pub extern "C" fn jg_options_add_holidays_json(
    options: *mut jg_options,
    json: *const c_char,
) -> jg_status {
    with_options(options, |o| {
        let json = arg_str(json, "json")?;
        let mut calendar = o.calendar.clone().unwrap_or_else(WorkCalendar::china);
        calendar
            .load_json(json)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        o.calendar = Some(calendar);
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
#[unsafe(no_mangle)]
pub extern "C" fn jg_options_set_credit_profiles_json(
    options: *mut jg_options,
    scheme: jg_credit_scheme,
    json: *const c_char,
) -> jg_status {
    with_options(options, |o| {
        let scheme = crate::credit::scheme(scheme)?;
        let profiles: Vec<CreditProfile> = arg_json(json, "json")?;
        let lookup = InMemoryCreditLookup::from_profiles(scheme, profiles)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        o.credit = Some(Box::new(lookup));
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
#[unsafe(no_mangle)]
pub extern "C" fn jg_options_set_credit_callback(
    options: *mut jg_options,
    scheme: jg_credit_scheme,
    lookup: jg_credit_lookup_fn,
    userdata: *mut c_void,
    destroy: Option<unsafe extern "C" fn(*mut c_void)>,
) -> jg_status {
    with_options(options, |o| {
        let lookup = lookup.ok_or_else(|| {
            Failure::new(
                jg_status::JG_STATUS_NULL_ARGUMENT,
                "argument `lookup` is NULL",
            )
        })?;
        let scheme: CreditScheme = crate::credit::scheme(scheme)?;
        o.credit = Some(Box::new(CallbackLookup::new(
            scheme, lookup, userdata, destroy,
        )));
        Ok(())
    })
}
