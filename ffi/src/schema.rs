//! What facts each plugin operation reads, as C structs (ABI 1.2): the
//! schemas `jianguan plugins show` prints, so that a C host learns each
//! column's kind instead of guessing it.

use std::collections::HashMap;
use std::ffi::{CString, c_char};

use sdk::supervisor::Supervisor;
use sdk::supervisor::plugins::{FactKind, FactSpec, Operation};

use crate::boundary::{Failure, arg_out, arg_str, c_text, guard, jg_status, require};
use crate::columns::{
    JG_FACT_DATE, JG_FACT_FLAG, JG_FACT_INTEGER, JG_FACT_NUMBER, JG_FACT_TEXT, jg_fact_kind,
};
use crate::supervisor::{jg_supervisor, supervisor_handle};

/// One of a plugin's operations on facts (an integer, so that any value is
/// read safely and an unknown one refused).
#[allow(non_camel_case_types)]
pub type jg_operation = u32;
/// Risk grading (`jg_supervisor_grade`, `jg_supervisor_grade_with_ids`).
pub const JG_OPERATION_GRADING: jg_operation = 0;
/// Due-date duties (`jg_supervisor_duties_json`).
pub const JG_OPERATION_DUTIES: jg_operation = 1;
/// Criminal-referral assessment (`jg_supervisor_assess_referral_json`).
pub const JG_OPERATION_REFERRAL: jg_operation = 2;

/// One fact an operation reads: the column a `jg_fact_table` gives for it.
/// Every string points into the supervisor and stays valid until
/// `jg_supervisor_free`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_fact_spec {
    /// The column's name, e.g. "violations_last_year".
    pub name: *const c_char,
    /// The kind its column must have (`JG_FACT_NUMBER`, …).
    pub kind: jg_fact_kind,
    /// Whether every row must have a value (else a column or row may be
    /// missing).
    pub required: bool,
    /// The unit, e.g. "yuan", or NULL when it has none.
    pub unit: *const c_char,
    /// The values a text fact may take (`allowed_count` of them); NULL
    /// when any text is accepted.
    pub allowed: *const *const c_char,
    /// Number of entries in `allowed` (0: any text).
    pub allowed_count: usize,
    /// Whether `min` holds a lower bound for a number or integer.
    pub has_min: bool,
    /// The least value accepted (read only when `has_min`).
    pub min: f64,
    /// What the fact is, in the plugin's words.
    pub description: *const c_char,
}

/// The specs of one operation, with the strings they point into.
#[derive(Debug, Default)]
pub(crate) struct SpecList {
    specs: Vec<jg_fact_spec>,
    // Owned here; a CString's bytes and a Vec's buffer do not move when
    // these vectors move, so the pointers in `specs` stay valid.
    _strings: Vec<CString>,
    _allowed: Vec<Vec<*const c_char>>,
}

/// Every loaded plugin's schemas, built once with the supervisor.
#[derive(Debug, Default)]
pub(crate) struct Schemas {
    by_plugin: HashMap<String, [SpecList; 3]>,
}

// SAFETY: the raw pointers point into strings this value owns and never
// changes after it is built, so it may be read from any thread.
unsafe impl Send for Schemas {}
// SAFETY: as above: immutable once built.
unsafe impl Sync for Schemas {}

fn kind_of(kind: FactKind) -> jg_fact_kind {
    match kind {
        FactKind::Number => JG_FACT_NUMBER,
        FactKind::Integer => JG_FACT_INTEGER,
        FactKind::Flag => JG_FACT_FLAG,
        FactKind::Text => JG_FACT_TEXT,
        FactKind::Date => JG_FACT_DATE,
    }
}

fn spec_list(specs: &[FactSpec]) -> SpecList {
    let mut list = SpecList::default();
    for s in specs {
        let mut keep = |text: &str| {
            let c = c_text(text);
            let p = c.as_ptr();
            list._strings.push(c);
            p
        };
        let name = keep(&s.name);
        let description = keep(&s.description);
        let unit = s.unit.as_deref().map_or(std::ptr::null(), &mut keep);
        let allowed: Vec<*const c_char> = s.allowed.iter().map(|a| keep(a)).collect();
        let spec = jg_fact_spec {
            name,
            kind: kind_of(s.kind),
            required: s.required,
            unit,
            allowed: if allowed.is_empty() {
                std::ptr::null()
            } else {
                allowed.as_ptr()
            },
            allowed_count: allowed.len(),
            has_min: s.min.is_some(),
            min: s.min.unwrap_or(0.0),
            description,
        };
        list._allowed.push(allowed);
        list.specs.push(spec);
    }
    list
}

impl Schemas {
    /// The schemas of every plugin `sup` has loaded.
    pub(crate) fn of(sup: &Supervisor) -> Self {
        let by_plugin = sup
            .plugins()
            .plugins()
            .map(|p| {
                let lists = [Operation::Grading, Operation::Duties, Operation::Referral]
                    .map(|op| spec_list(p.schema(op)));
                (p.description().id.clone(), lists)
            })
            .collect();
        Self { by_plugin }
    }
}

/// The facts operation `operation` of loaded plugin `plugin_id` reads:
/// `*specs` points at `*count` specs owned by the supervisor (valid until
/// `jg_supervisor_free`; do not free them). A count of 0 means the
/// operation reads no facts; calling an operation the plugin does not
/// implement fails with kind `unsupported_operation`. The same data is in
/// `jg_supervisor_plugin_json` under `schema`. Added in ABI 1.2.
///
/// # Errors
/// `JG_STATUS_UNKNOWN_PLUGIN`; `JG_STATUS_INVALID_ARGUMENT` for an
/// operation that is not a `jg_operation`; NULL and UTF-8 statuses naming
/// each argument.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_fact_schema(
    supervisor: *const jg_supervisor,
    plugin_id: *const c_char,
    operation: jg_operation,
    specs: *mut *const jg_fact_spec,
    count: *mut usize,
) -> jg_status {
    guard(|| {
        require!(supervisor, plugin_id, specs, count);
        let handle = supervisor_handle(supervisor)?;
        let id = arg_str(plugin_id, "plugin_id")?;
        // The supervisor's own refusal (kind plugin_not_loaded, listing ids).
        handle.inner.plugin(id)?;
        let index = match operation {
            JG_OPERATION_GRADING => 0,
            JG_OPERATION_DUTIES => 1,
            JG_OPERATION_REFERRAL => 2,
            other => {
                return Err(Failure::invalid(format!(
                    "argument `operation`: {other} is not a jg_operation \
                     (JG_OPERATION_GRADING, _DUTIES or _REFERRAL)"
                )));
            }
        };
        let list = &handle
            .schemas
            .by_plugin
            .get(id)
            .ok_or_else(|| Failure::invalid(format!("plugin `{id}` has no schema")))?[index];
        *arg_out(specs, "specs")? = list.specs.as_ptr();
        *arg_out(count, "count")? = list.specs.len();
        Ok(())
    })
}
