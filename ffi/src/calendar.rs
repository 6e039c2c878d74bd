//! Working days (工作日) under the official holiday notices.

use crate::boundary::require;
use crate::boundary::{arg_out, guard, jg_status};
use crate::jg_date;
use crate::supervisor::{jg_supervisor, supervisor_ref};

/// Whether `date` is a working day (工作日), counting official holidays and
/// make-up working days.
///
/// # Errors
/// `JG_STATUS_CALENDAR` for a year without a holiday notice;
/// `JG_STATUS_INVALID_ARGUMENT` for an impossible date.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_is_working_day(
    supervisor: *const jg_supervisor,
    date: jg_date,
    out: *mut bool,
) -> jg_status {
    guard(|| {
        require!(supervisor, out);
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
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_add_working_days(
    supervisor: *const jg_supervisor,
    start: jg_date,
    n: u32,
    out: *mut jg_date,
) -> jg_status {
    guard(|| {
        require!(supervisor, out);
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
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_working_days_between(
    supervisor: *const jg_supervisor,
    start: jg_date,
    end: jg_date,
    out: *mut u32,
) -> jg_status {
    guard(|| {
        require!(supervisor, out);
        let out = arg_out(out, "out")?;
        *out = supervisor_ref(supervisor)?
            .working_days_between(start.to_naive("start")?, end.to_naive("end")?)?;
        Ok(())
    })
}
