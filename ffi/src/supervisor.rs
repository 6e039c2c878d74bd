//! `jg_supervisor`: the facade handle; code checks and working days.

use std::ffi::c_char;

use sdk::supervisor::Supervisor;

use crate::boundary::{Failure, arg_out, arg_ref, arg_str, guard, guard_free, jg_status};
use crate::jg_date;
use crate::options::jg_options;

/// A supervision system: catalog, credit source, calendar, plugins.
/// Thread-safe: every function takes it as `const` and may be called from
/// any number of threads at once (a credit callback is then called
/// concurrently too).
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct jg_supervisor {
    pub(crate) inner: Supervisor,
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
    let options = if options.is_null() {
        None
    } else {
        // SAFETY: made by Box::into_raw in jg_options_new; consumed here.
        Some(unsafe { Box::from_raw(options) })
    };
    guard(move || {
        let out = arg_out(out, "out")?;
        let builder = options.map_or_else(Supervisor::builder, |o| o.into_builder());
        let inner = builder.build()?;
        *out = Box::into_raw(Box::new(jg_supervisor { inner }));
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
    if !supervisor.is_null() {
        // SAFETY: made by Box::into_raw in jg_supervisor_new.
        guard_free(|| drop(unsafe { Box::from_raw(supervisor) }));
    }
}

/// What a valid unified social credit code says of itself (GB 32100-2015).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_uscc_info {
    /// Position 1: the registration authority code (e.g. '9' industry and commerce).
    pub authority: c_char,
    /// Position 2: the entity category within the authority (e.g. '1' enterprise).
    pub category: c_char,
    /// Positions 3–8: the administrative-division code (GB/T 2260), NUL-terminated.
    pub region: [c_char; 7],
    /// Positions 9–17: the organisation code (GB 11714), NUL-terminated.
    pub organisation_code: [c_char; 10],
}

/// Checks a unified social credit code: length, character set and the
/// GB 32100-2015 check character. Needs no supervisor; allocates nothing on
/// success. `info` may be NULL when only the verdict is wanted.
///
/// # Errors
/// `JG_STATUS_INVALID_USCC` saying what is wrong and where;
/// `JG_STATUS_NULL_ARGUMENT` / `JG_STATUS_INVALID_UTF8` for `code`.
///
/// # Safety
/// `info` must be NULL or point to a writable `jg_uscc_info`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_uscc_check(code: *const c_char, info: *mut jg_uscc_info) -> jg_status {
    guard(|| {
        let code: sdk::entity::Uscc = arg_str(code, "code")?
            .parse()
            .map_err(|e: sdk::entity::UsccError| Failure::from(sdk::Error::from(e)))?;
        // SAFETY: NULL or a valid out-struct, per the header.
        if let Some(info) = unsafe { info.as_mut() } {
            let b = code.as_str().as_bytes();
            let mut region = [0 as c_char; 7];
            for (slot, &c) in region.iter_mut().zip(&b[2..8]) {
                *slot = c as c_char;
            }
            let mut organisation_code = [0 as c_char; 10];
            for (slot, &c) in organisation_code.iter_mut().zip(&b[8..17]) {
                *slot = c as c_char;
            }
            *info = jg_uscc_info {
                authority: b[0] as c_char,
                category: b[1] as c_char,
                region,
                organisation_code,
            };
        }
        Ok(())
    })
}

pub(crate) fn supervisor_ref<'a>(p: *const jg_supervisor) -> Result<&'a Supervisor, Failure> {
    arg_ref(p, "supervisor").map(|s| &s.inner)
}

/// Whether `date` is a working day (工作日), counting official holidays and
/// make-up working days.
///
/// # Errors
/// `JG_STATUS_CALENDAR` for a year without a holiday notice;
/// `JG_STATUS_INVALID_ARGUMENT` for an impossible date.
#[unsafe(no_mangle)]
pub extern "C" fn jg_supervisor_is_working_day(
    supervisor: *const jg_supervisor,
    date: jg_date,
    out: *mut bool,
) -> jg_status {
    guard(|| {
        let out = arg_out(out, "out")?;
        *out = supervisor_ref(supervisor)?.is_working_day(date.to_naive("date")?)?;
        Ok(())
    })
}

/// The date `n` working days after `start` (the deadline of an act due
/// "within n working days" of `start`).
///
/// # Errors
/// As `jg_supervisor_is_working_day`, for any year on the way.
#[unsafe(no_mangle)]
pub extern "C" fn jg_supervisor_add_working_days(
    supervisor: *const jg_supervisor,
    start: jg_date,
    n: u32,
    out: *mut jg_date,
) -> jg_status {
    guard(|| {
        let out = arg_out(out, "out")?;
        let d = supervisor_ref(supervisor)?.add_working_days(start.to_naive("start")?, n)?;
        *out = jg_date::from_naive(d);
        Ok(())
    })
}

/// The number of working days after `start` up to and including `end`.
///
/// # Errors
/// `JG_STATUS_CALENDAR` when `end` is before `start` or a year has no
/// notice; `JG_STATUS_INVALID_ARGUMENT` for an impossible date.
#[unsafe(no_mangle)]
pub extern "C" fn jg_supervisor_working_days_between(
    supervisor: *const jg_supervisor,
    start: jg_date,
    end: jg_date,
    out: *mut u32,
) -> jg_status {
    guard(|| {
        let out = arg_out(out, "out")?;
        *out = supervisor_ref(supervisor)?
            .working_days_between(start.to_naive("start")?, end.to_naive("end")?)?;
        Ok(())
    })
}
