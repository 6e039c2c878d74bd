//! Catalog questions: items and who supervises them. Answers are deep, so
//! they cross as JSON.

use std::ffi::c_char;

use sdk::supervisor::catalog::{ApprovalFacts, DepartmentId};

use crate::boundary::{Failure, arg_out, arg_str, guard, jg_status, opt_str, out_string};
use crate::supervisor::{jg_supervisor, supervisor_ref};

fn json<T: serde::Serialize>(value: &T) -> Result<*mut c_char, Failure> {
    serde_json::to_string(value)
        .map(out_string)
        .map_err(|e| Failure::invalid(e.to_string()))
}

/// The supervision item `code` (监管事项) as JSON: name, department,
/// approval mode, legal basis, inspection flags. The caller frees `*out`
/// with `jg_string_free`.
///
/// # Errors
/// `JG_STATUS_UNKNOWN_ITEM`; NULL and UTF-8 statuses.
#[unsafe(no_mangle)]
pub extern "C" fn jg_supervisor_item_json(
    supervisor: *const jg_supervisor,
    code: *const c_char,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        let out = arg_out(out, "out")?;
        let item = supervisor_ref(supervisor)?.item(arg_str(code, "code")?)?;
        *out = json(&item)?;
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
#[unsafe(no_mangle)]
pub extern "C" fn jg_supervisor_resolve_json(
    supervisor: *const jg_supervisor,
    code: *const c_char,
    approved_by: *const c_char,
    commitment_breached: u8,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
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
        *out = json(&sup.resolve(code, &facts)?)?;
        Ok(())
    })
}
