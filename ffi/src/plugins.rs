//! Plugins through the C API: what is loaded, and batch risk grading,
//! duties and referral assessment over a columnar fact table (read in
//! `columns.rs`).

use std::ffi::{CString, c_char};

use sdk::supervisor::plugins::{FactTable, duties_json, referral_json};

use crate::boundary::require;
use crate::boundary::{
    Failure, arg_out, arg_ref, arg_str, c_text, guard, jg_status, out_json, out_string,
};
use crate::columns::{facts, facts_and_ids, jg_fact_table};
use crate::handle::Handle;
use crate::jg_date;
use crate::supervisor::{jg_supervisor, supervisor_ref};

/// The loaded plugins and the files refused, as JSON: `{"loaded": [{"id",
/// "name_zh", "name_en", "version", "industries", "origin"}], "failures":
/// ["<one line per file>"], "unused_configs": ["<id>"]}` (configurations set
/// for an id no plugin in the folder has: most likely a typo). The caller frees `*out` with `jg_string_free`.
///
/// # Errors
/// NULL arguments only.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_plugins_json(
    supervisor: *const jg_supervisor,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, out);
        let out = arg_out(out, "out")?;
        let sup = supervisor_ref(supervisor)?;
        let json = sup.plugins_summary();
        *out = out_string(json.to_string());
        Ok(())
    })
}

#[derive(Debug)]
struct GradeRow {
    grade: u32,
    label: CString,
    score: f64,
    reasons: Vec<(CString, CString)>,
}

/// The grades of a batch: an owned copy, independent of the supervisor.
/// Strings read from it stay valid until `jg_grades_free`. Immutable, so it
/// may be read from several threads at once.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct jg_grades {
    rows: Vec<GradeRow>,
    /// The host's row ids, when graded with `jg_supervisor_grade_with_ids`.
    ids: Vec<CString>,
}

/// The arguments every plugin call takes: the supervisor, the plugin id and
/// the facts, checked and converted.
fn plugin_call<'a>(
    supervisor: *const jg_supervisor,
    plugin_id: *const c_char,
    facts: *const jg_fact_table,
) -> Result<(&'a sdk::supervisor::Supervisor, &'a str, FactTable), Failure> {
    Ok((
        supervisor_ref(supervisor)?,
        arg_str(plugin_id, "plugin_id")?,
        self::facts(arg_ref(facts, "facts")?)?,
    ))
}

impl Handle for jg_grades {
    const ARG: &'static str = "grades";
}

/// Risk-grades a batch (one row per entity) through plugin `plugin_id`.
/// Facts are validated against the plugin's schema first. On success
/// `*out` holds the grades, released with `jg_grades_free`.
///
/// # Errors
/// `JG_STATUS_UNKNOWN_PLUGIN`; `JG_STATUS_INVALID_FACTS` naming the row and
/// fact (nothing called); `JG_STATUS_PLUGIN_FAILED` when the plugin fails or
/// its result breaks the contract; `JG_STATUS_INVALID_ARGUMENT` for an
/// unknown column kind; NULL and UTF-8 statuses naming the column and row.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_grade(
    supervisor: *const jg_supervisor,
    plugin_id: *const c_char,
    facts: *const jg_fact_table,
    out: *mut *mut jg_grades,
) -> jg_status {
    guard(|| {
        require!(supervisor, plugin_id, facts, out);
        let out = arg_out(out, "out")?;
        let (sup, id, table) = plugin_call(supervisor, plugin_id, facts)?;
        *out = grade(sup, id, &table, Vec::new())?.into_c();
        Ok(())
    })
}

/// Grades `table` through plugin `id` into an owned copy for C.
fn grade(
    sup: &sdk::supervisor::Supervisor,
    id: &str,
    table: &FactTable,
    ids: Vec<CString>,
) -> Result<jg_grades, Failure> {
    {
        let grades = sup.grade(id, table)?;
        let rows = (0..grades.len())
            .map(|row| GradeRow {
                grade: grades.grade(row),
                label: c_text(grades.label(row)),
                score: grades.score(row),
                reasons: grades
                    .reasons(row)
                    .map(|r| (c_text(r.citation.to_string()), c_text(r.detail)))
                    .collect(),
            })
            .collect();
        Ok(jg_grades { rows, ids })
    }
}

/// Grades as `jg_supervisor_grade`, with the text column `id_column` of
/// `facts` (e.g. `uscc`, or the host's primary key) taken out before the
/// plugin's schema check and kept beside each row: `jg_grades_row_id`
/// reads it back, so results map to the host's rows without relying on
/// order. Added in ABI 1.2.
///
/// # Errors
/// As `jg_supervisor_grade`; `JG_STATUS_INVALID_ARGUMENT` when `facts` has
/// no column `id_column` or it is not `JG_FACT_TEXT`; `JG_STATUS_NULL_ARGUMENT`
/// for an id slot that is NULL (every row needs an id).
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_grade_with_ids(
    supervisor: *const jg_supervisor,
    plugin_id: *const c_char,
    facts: *const jg_fact_table,
    id_column: *const c_char,
    out: *mut *mut jg_grades,
) -> jg_status {
    guard(|| {
        require!(supervisor, plugin_id, facts, id_column, out);
        let out = arg_out(out, "out")?;
        let sup = supervisor_ref(supervisor)?;
        let id = arg_str(plugin_id, "plugin_id")?;
        let id_column = arg_str(id_column, "id_column")?;
        let (table, ids) = facts_and_ids(arg_ref(facts, "facts")?, Some(id_column))?;
        *out = grade(sup, id, &table, ids)?.into_c();
        Ok(())
    })
}

/// The id row `row` carried through grading (from the `id_column` given to
/// `jg_supervisor_grade_with_ids`); `*out` points into `grades` and is
/// valid until `jg_grades_free`. Added in ABI 1.2.
///
/// # Errors
/// `JG_STATUS_OUT_OF_RANGE` past the last row; `JG_STATUS_INVALID_ARGUMENT`
/// for grades made by `jg_supervisor_grade` (they carry no ids); NULL
/// arguments.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_grades_row_id(
    grades: *const jg_grades,
    row: usize,
    out: *mut *const c_char,
) -> jg_status {
    guard(|| {
        require!(grades, out);
        row_of(grades, row)?;
        let g = arg_ref(grades, "grades")?;
        let id = g.ids.get(row).ok_or_else(|| {
            Failure::invalid(
                "these grades carry no row ids (made by jg_supervisor_grade; \
                 use jg_supervisor_grade_with_ids)",
            )
        })?;
        *arg_out(out, "out")? = id.as_ptr();
        Ok(())
    })
}

/// Releases grades. NULL is a no-op.
///
/// # Safety
/// `grades` must be NULL or from `jg_supervisor_grade`, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_grades_free(grades: *mut jg_grades) {
    // SAFETY: NULL or from jg_supervisor_grade, per the header.
    unsafe { jg_grades::free_c(grades) }
}

/// Number of rows in `grades` (0 for NULL).
///
/// # Safety
/// `grades` must be NULL or a live handle from `jg_supervisor_grade`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_grades_len(grades: *const jg_grades) -> usize {
    // SAFETY: NULL or a live handle, per the header.
    unsafe { grades.as_ref() }.map_or(0, |g| g.rows.len())
}

/// One row's grade. `label` points into `grades`.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_grade {
    /// Index into the plugin's grade list, 0 = lowest risk.
    pub grade: u32,
    /// The grade's label, e.g. "C" (valid until `jg_grades_free`).
    pub label: *const c_char,
    /// The score the grade was cut from.
    pub score: f64,
    /// Number of reasons (`jg_grades_reason`).
    pub reason_count: usize,
}

/// Reads row `row`.
///
/// # Errors
/// `JG_STATUS_OUT_OF_RANGE` past the last row; NULL arguments.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_grades_row(
    grades: *const jg_grades,
    row: usize,
    out: *mut jg_grade,
) -> jg_status {
    guard(|| {
        require!(grades, out);
        let out = arg_out(out, "out")?;
        let r = row_of(grades, row)?;
        *out = jg_grade {
            grade: r.grade,
            label: r.label.as_ptr(),
            score: r.score,
            reason_count: r.reasons.len(),
        };
        Ok(())
    })
}

fn row_of<'a>(grades: *const jg_grades, row: usize) -> Result<&'a GradeRow, Failure> {
    let g = arg_ref(grades, "grades")?;
    g.rows.get(row).ok_or_else(|| {
        Failure::new(
            sdk::ErrorKind::OutOfRange,
            format!("row {row} of {} rows", g.rows.len()),
        )
    })
}

/// One reason behind a grade. Both strings point into the grades.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_reason {
    /// The rule applied: regulation, number and article.
    pub citation: *const c_char,
    /// What in the facts met it, with the figures.
    pub detail: *const c_char,
}

/// Reads reason `index` of row `row`.
///
/// # Errors
/// `JG_STATUS_OUT_OF_RANGE` past the last row or reason; NULL arguments.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_grades_reason(
    grades: *const jg_grades,
    row: usize,
    index: usize,
    out: *mut jg_reason,
) -> jg_status {
    guard(|| {
        require!(grades, out);
        let out = arg_out(out, "out")?;
        let r = row_of(grades, row)?;
        let (citation, detail) = r.reasons.get(index).ok_or_else(|| {
            Failure::new(
                sdk::ErrorKind::OutOfRange,
                format!("reason {index} of {} on row {row}", r.reasons.len()),
            )
        })?;
        *out = jg_reason {
            citation: citation.as_ptr(),
            detail: detail.as_ptr(),
        };
        Ok(())
    })
}

/// The due-date duties of each row as of `as_of`, through plugin
/// `plugin_id`, as JSON: `[{"row", "duties": [{"code", "due", "overdue",
/// "reason": {"citation", "certainty", "detail"}}]}]`. Facts are validated
/// against the plugin's duties schema first. The caller frees `*out` with
/// `jg_string_free`.
///
/// # Errors
/// As `jg_supervisor_grade`; `JG_STATUS_INVALID_ARGUMENT` for an impossible
/// `as_of`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_duties_json(
    supervisor: *const jg_supervisor,
    plugin_id: *const c_char,
    facts: *const jg_fact_table,
    as_of: jg_date,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, plugin_id, facts, out);
        let out = arg_out(out, "out")?;
        let (sup, id, table) = plugin_call(supervisor, plugin_id, facts)?;
        let as_of = as_of.to_naive("as_of")?;
        let duties = sup.duties(id, &table, as_of)?;
        *out = out_string(serde_json::Value::from(duties_json(&duties)).to_string());
        Ok(())
    })
}

/// The criminal-referral assessment (行刑衔接) of each case (row) through
/// plugin `plugin_id`, as JSON: `[{"row", "decision", "findings":
/// [{"decision", "reason"}]}]`, decisions `refer`, `needs_testing` or
/// `do_not_refer`. The caller frees `*out` with `jg_string_free`.
///
/// # Errors
/// As `jg_supervisor_grade`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_assess_referral_json(
    supervisor: *const jg_supervisor,
    plugin_id: *const c_char,
    facts: *const jg_fact_table,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, plugin_id, facts, out);
        let out = arg_out(out, "out")?;
        let (sup, id, table) = plugin_call(supervisor, plugin_id, facts)?;
        let assessments = sup.assess_referral(id, &table)?;
        *out = out_string(serde_json::Value::from(referral_json(&assessments)).to_string());
        Ok(())
    })
}

/// The whole description of loaded plugin `plugin_id` as JSON: identity,
/// rule sets, citations, grades and frequencies, items with checklists,
/// violations, exemptions (免罚清单) and the facts each operation reads. The
/// caller frees `*out` with `jg_string_free`.
///
/// # Errors
/// `JG_STATUS_UNKNOWN_PLUGIN`; NULL and UTF-8 statuses.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_plugin_json(
    supervisor: *const jg_supervisor,
    plugin_id: *const c_char,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, plugin_id, out);
        let out = arg_out(out, "out")?;
        let sup = supervisor_ref(supervisor)?;
        let plugin = sup.plugin(arg_str(plugin_id, "plugin_id")?)?;
        *out = out_json(plugin.description())?;
        Ok(())
    })
}
