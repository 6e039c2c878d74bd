//! `jg_supervisor`: the facade handle.

use sdk::supervisor::Supervisor;

use crate::boundary::require;
use crate::boundary::{Failure, arg_out, guard, jg_status};
use crate::handle::Handle;
use crate::options::jg_options;

/// A supervision system: catalog, credit source, calendar, plugins.
/// Thread-safe: every function takes it as `const` and may be called from
/// any number of threads at once (a credit callback is then called
/// concurrently too).
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct jg_supervisor {
    pub(crate) inner: Supervisor,
    /// The plugins' fact schemas as C structs, built once.
    pub(crate) schemas: crate::schema::Schemas,
}

impl Handle for jg_supervisor {
    const ARG: &'static str = "supervisor";
}

/// Builds a supervisor from `options` (NULL: every default), loading the
/// plugins folder. Consumes `options` whether or not it succeeds.
///
/// # Errors
/// `JG_STATUS_PLUGIN_LOAD` when the plugins folder cannot be read, or (with
/// `jg_options_require_all_plugins`) naming the first plugin that failed;
/// `JG_STATUS_NULL_ARGUMENT` for a NULL `out`.
///
/// # Safety
/// `options` must be NULL or from `jg_options_new`, not yet freed or consumed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_new(
    options: *mut jg_options,
    out: *mut *mut jg_supervisor,
) -> jg_status {
    // SAFETY: NULL or from jg_options_new, per the header; consumed here.
    let options = unsafe { jg_options::take_c(options) };
    guard(move || {
        require!(out);
        let out = arg_out(out, "out")?;
        let builder = options.map_or_else(Supervisor::builder, |o| o.into_builder());
        let inner = builder.build()?;
        let schemas = crate::schema::Schemas::of(&inner);
        *out = jg_supervisor { inner, schemas }.into_c();
        Ok(())
    })
}

/// Releases a supervisor (and runs a credit callback's destructor). NULL is
/// a no-op. No other call may be using it.
///
/// # Safety
/// `supervisor` must be NULL or from `jg_supervisor_new`, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_free(supervisor: *mut jg_supervisor) {
    // SAFETY: NULL or from jg_supervisor_new, per the header.
    unsafe { jg_supervisor::free_c(supervisor) }
}

pub(crate) fn supervisor_ref<'a>(p: *const jg_supervisor) -> Result<&'a Supervisor, Failure> {
    jg_supervisor::from_c(p).map(|s| &s.inner)
}

/// The whole handle (the facade and what the C API keeps beside it).
pub(crate) fn supervisor_handle<'a>(p: *const jg_supervisor) -> Result<&'a jg_supervisor, Failure> {
    jg_supervisor::from_c(p)
}
