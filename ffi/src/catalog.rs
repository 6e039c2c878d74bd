//! Catalog questions: items and who supervises them. Answers are deep, so
//! they cross as JSON.

use std::ffi::c_char;

use sdk::supervisor::catalog::{ApprovalFacts, DepartmentId};

use crate::boundary::require;
use crate::boundary::{Failure, arg_out, arg_str, guard, jg_status, opt_str, out_json};
use crate::supervisor::{jg_supervisor, supervisor_ref};

/// The supervision item `code` (监管事项) as JSON: name, department,
/// approval mode, legal basis, inspection flags. The caller frees `*out`
/// with `jg_string_free`.
///
/// # Errors
/// `JG_STATUS_UNKNOWN_ITEM`; NULL and UTF-8 statuses.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_item_json(
    supervisor: *const jg_supervisor,
    code: *const c_char,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, code, out);
        let out = arg_out(out, "out")?;
        let item = supervisor_ref(supervisor)?.item(arg_str(code, "code")?)?;
        *out = out_json(&item)?;
        Ok(())
    })
}

/// Resolves which departments supervise item `code`, in which roles, under
/// the Pingdu plan §(一) and §(二) (审管一体 / 审管分离 / 告知承诺 /
/// cancelled / filing), the responsibility boundary list and joint or
/// comprehensive enforcement. `approved_by` (NULL: the item's default) is
/// the department that approved; `commitment_breached` says the approval
/// rested on a false or broken commitment (nonzero). Writes the answer as JSON
/// (`item_code`, `approval_mode`, `assignments` with department, role,
/// clause and reason, `joint_enforcement`, `record_in_credit`).
///
/// # Errors
/// `JG_STATUS_UNKNOWN_ITEM`; `JG_STATUS_CATALOG` for an unknown department
/// or facts that contradict the item's approval mode.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_resolve_json(
    supervisor: *const jg_supervisor,
    code: *const c_char,
    approved_by: *const c_char,
    commitment_breached: u8,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, code, out);
        let out = arg_out(out, "out")?;
        let sup = supervisor_ref(supervisor)?;
        let code = arg_str(code, "code")?;
        let approved_by = match opt_str(approved_by, "approved_by")? {
            None => None,
            Some(d) => Some(
                DepartmentId::new(d)
                    .map_err(|e| Failure::invalid(format!("argument `approved_by`: {e}")))?,
            ),
        };
        let facts = ApprovalFacts {
            approved_by,
            commitment_breached: commitment_breached != 0,
        };
        *out = out_json(&sup.resolve(code, &facts)?)?;
        Ok(())
    })
}

/// Every supervision item of the catalog, in catalog order, as a JSON
/// array (each as `jg_supervisor_item_json` writes it). The caller frees
/// `*out` with `jg_string_free`.
///
/// # Errors
/// `JG_STATUS_CATALOG` (kind `catalog_source`) when the host's catalog
/// source fails; NULL statuses.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_items_json(
    supervisor: *const jg_supervisor,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, out);
        let out = arg_out(out, "out")?;
        *out = out_json(&supervisor_ref(supervisor)?.items()?)?;
        Ok(())
    })
}

/// Every department of the catalog (id, names, enforcement force,
/// joint-enforcement lead), in catalog order, as a JSON array. The caller
/// frees `*out` with `jg_string_free`.
///
/// # Errors
/// As `jg_supervisor_items_json`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_departments_json(
    supervisor: *const jg_supervisor,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, out);
        let out = arg_out(out, "out")?;
        *out = out_json(&supervisor_ref(supervisor)?.departments()?)?;
        Ok(())
    })
}
