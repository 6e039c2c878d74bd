//! A draw's target roster as columns (ABI 1.2): a county's 150,000
//! entities cross as arrays of codes, classes, statuses and dates instead
//! of 27 MB of JSON; the plan, history, inspectors and entropy stay JSON.

use std::ffi::c_char;

use sdk::NaiveDate;
use sdk::supervisor::codes::{EntityStatus, Industry, RegionCode, Uscc};
use sdk::supervisor::draw::{
    DrawRecord, EntryRef, InspectionHistory, InspectorRoster, RosterBuilder, RostersRef,
    TargetRoster,
};

use crate::boundary::{
    Failure, arg_json, arg_out, arg_ref, c_str, guard, jg_status, out_string, require,
};
use crate::columns::{JG_MAX_FACT_ROWS, c_slice};
use crate::draw::{Document, check_inputs_match, document};
use crate::supervisor::{jg_supervisor, supervisor_ref};

/// An entity's registration status in a roster (an integer, so that any
/// value is read safely and an unknown one refused).
#[allow(non_camel_case_types)]
pub type jg_entity_status = u32;
/// 存续（在营）: operating.
pub const JG_ENTITY_OPERATING: jg_entity_status = 0;
/// 歇业 / 停业: closed for business but still registered.
pub const JG_ENTITY_CLOSED: jg_entity_status = 1;
/// 注销: deregistered.
pub const JG_ENTITY_DEREGISTERED: jg_entity_status = 2;
/// 吊销: business licence revoked.
pub const JG_ENTITY_REVOKED: jg_entity_status = 3;
/// 迁出: moved out of this jurisdiction.
pub const JG_ENTITY_MOVED_OUT: jg_entity_status = 4;

/// A draw's target roster as `rows` parallel arrays, borrowed for the call:
/// the columnar form of the JSON `roster` (docs/draw-algorithm.md). Rows
/// may come in any order; a register kept in code order is fastest.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_roster_columns {
    /// Number of entities, at most `JG_MAX_FACT_ROWS`.
    pub rows: usize,
    /// Required: each entity's unified social credit code (18 characters).
    pub uscc: *const *const c_char,
    /// Required: each entity's region of registration (6 digits, GB/T 2260).
    pub region: *const *const c_char,
    /// Optional (NULL: no business lines for any row): each row's industry
    /// ids separated by `;` (e.g. "food_production;food_sales"); a NULL
    /// slot or "" is none.
    pub industries: *const *const c_char,
    /// Required: each entity's status (`JG_ENTITY_OPERATING`, …).
    pub status: *const jg_entity_status,
    /// Required: each entity's credit class code (e.g. "B").
    pub credit_class: *const *const c_char,
    /// Required: each entity's date of registration, days since 1970-01-01.
    pub registered_on: *const i32,
    /// Optional (NULL: no penalty for any row): the date of each entity's
    /// latest penalty decision, days since 1970-01-01.
    pub last_penalty_on: *const i32,
    /// Optional (NULL: every `last_penalty_on` value is present): one byte
    /// per row, nonzero when the row has a penalty date.
    pub last_penalty_present: *const u8,
    /// Optional (NULL: every weight is 1): each entity's risk weight (≥ 1).
    pub weight: *const u32,
}

fn day(days: i32, what: &dyn Fn() -> String) -> Result<NaiveDate, Failure> {
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_signed(chrono::TimeDelta::days(i64::from(days))))
        .ok_or_else(|| {
            Failure::new(
                sdk::ErrorKind::InvalidRoster,
                format!("{}: {days} is not a date", what()),
            )
        })
}

fn status(v: jg_entity_status, row: usize) -> Result<EntityStatus, Failure> {
    Ok(match v {
        JG_ENTITY_OPERATING => EntityStatus::Operating,
        JG_ENTITY_CLOSED => EntityStatus::Closed,
        JG_ENTITY_DEREGISTERED => EntityStatus::Deregistered,
        JG_ENTITY_REVOKED => EntityStatus::Revoked,
        JG_ENTITY_MOVED_OUT => EntityStatus::MovedOut,
        other => {
            return Err(Failure::new(
                sdk::ErrorKind::InvalidRoster,
                format!("roster.status row {row}: {other} is not a jg_entity_status"),
            ));
        }
    })
}

/// Reads and checks the columns into a target roster; every refusal names
/// the column and the row.
pub(crate) fn target_roster(c: &jg_roster_columns) -> Result<TargetRoster, Failure> {
    let rows = c.rows;
    if rows > JG_MAX_FACT_ROWS {
        return Err(Failure::invalid(format!(
            "roster.rows is {rows}; one call takes at most {JG_MAX_FACT_ROWS} rows"
        )));
    }
    let cols = [
        ("roster.uscc", c.uscc.is_null()),
        ("roster.region", c.region.is_null()),
        ("roster.status", c.status.is_null()),
        ("roster.credit_class", c.credit_class.is_null()),
        ("roster.registered_on", c.registered_on.is_null()),
    ];
    if rows > 0 {
        crate::boundary::nulls(&cols)?;
    }
    let name = |n: &'static str| move || n.to_string();
    let uscc = c_slice::<*const c_char>(c.uscc.cast(), rows, &name("roster.uscc"))?;
    let region = c_slice::<*const c_char>(c.region.cast(), rows, &name("roster.region"))?;
    let statuses = c_slice::<u32>(c.status.cast(), rows, &name("roster.status"))?;
    let class =
        c_slice::<*const c_char>(c.credit_class.cast(), rows, &name("roster.credit_class"))?;
    let registered = c_slice::<i32>(c.registered_on.cast(), rows, &name("roster.registered_on"))?;
    let optional = |p: *const std::ffi::c_void| if p.is_null() { 0 } else { rows };
    let industries = c_slice::<*const c_char>(
        c.industries.cast(),
        optional(c.industries.cast()),
        &name("roster.industries"),
    )?;
    let penalty = c_slice::<i32>(
        c.last_penalty_on.cast(),
        optional(c.last_penalty_on.cast()),
        &name("roster.last_penalty_on"),
    )?;
    let penalty_present = c_slice::<u8>(
        c.last_penalty_present.cast(),
        optional(c.last_penalty_present.cast()),
        &name("roster.last_penalty_present"),
    )?;
    let weight = c_slice::<u32>(
        c.weight.cast(),
        optional(c.weight.cast()),
        &name("roster.weight"),
    )?;
    let bad = |row: usize, what: String| {
        Failure::new(
            sdk::ErrorKind::InvalidRoster,
            format!("roster row {row}: {what}"),
        )
    };
    let mut builder = RosterBuilder::with_capacity(rows);
    let mut lines: Vec<Industry> = Vec::new();
    for row in 0..rows {
        let code: Uscc = c_str(uscc[row], &format_args!("roster.uscc row {row}"))?
            .parse()
            .map_err(|e: sdk::supervisor::codes::UsccError| {
                Failure::new(
                    sdk::ErrorKind::InvalidUscc,
                    format!("roster.uscc row {row}: {e}"),
                )
            })?;
        let area = c_str(region[row], &format_args!("roster.region row {row}"))?;
        let region =
            RegionCode::parse(area).map_err(|e| bad(row, format!("region {area:?}: {e}")))?;
        lines.clear();
        if let Some(&p) = industries.get(row)
            && !p.is_null()
        {
            for id in c_str(p, &format_args!("roster.industries row {row}"))?
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                lines.push(
                    id.parse()
                        .map_err(|e| bad(row, format!("industries: {e}")))?,
                );
            }
        }
        let last_penalty_on = match penalty.get(row) {
            Some(&d) if penalty_present.get(row).is_none_or(|&b| b != 0) => {
                Some(day(d, &|| format!("roster.last_penalty_on row {row}"))?)
            }
            _ => None,
        };
        let entry = EntryRef {
            uscc: code,
            region,
            industries: &lines,
            status: status(statuses[row], row)?,
            credit_class: c_str(class[row], &format_args!("roster.credit_class row {row}"))?,
            registered_on: day(registered[row], &|| {
                format!("roster.registered_on row {row}")
            })?,
            last_penalty_on,
            weight: weight.get(row).copied().unwrap_or(1),
        };
        builder
            .push(entry)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
    }
    builder
        .finish()
        .map_err(|e| Failure::from(sdk::Error::from(e)))
}

/// Makes a draw as `jg_supervisor_draw`, with the target roster given as
/// columns: `inputs_json` is the inputs document without `roster` (`plan`,
/// `history`, `inspectors`, `entropy`). The record is the one
/// `jg_supervisor_draw` makes from the same entities as JSON. Added in ABI
/// 1.2.
///
/// # Errors
/// As `jg_supervisor_draw`; kind `invalid_roster` (or `invalid_uscc`,
/// `duplicate_entity`) naming the column and row of a bad entry;
/// `JG_STATUS_INVALID_ARGUMENT` when `inputs_json` also has a `roster`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call; every
/// non-NULL column of `roster` holds `roster->rows` values.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_draw_columns(
    supervisor: *const jg_supervisor,
    inputs_json: *const c_char,
    roster: *const jg_roster_columns,
    record_json: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, inputs_json, roster, record_json);
        let out = arg_out(record_json, "record_json")?;
        let sup = supervisor_ref(supervisor)?;
        let Document { rosters, inputs } = document(inputs_json, "inputs_json", false)?;
        let Some((plan, entropy)) = inputs else {
            return Err(Failure::invalid(
                "argument `inputs_json`: a draw needs `plan` and `entropy`",
            ));
        };
        let target = target_roster(arg_ref(roster, "roster")?)?;
        let history = InspectionHistory::new(rosters.history)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        let inspectors = InspectorRoster::new(rosters.inspectors)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        let refs = RostersRef {
            roster: &target,
            history: &history,
            inspectors: &inspectors,
        };
        let record = sup.draw_over(&plan, refs, &entropy)?;
        *out = out_string(record.to_canonical_json());
        Ok(())
    })
}

/// Verifies a record as `jg_supervisor_verify`, with the target roster given
/// as columns: `rosters_json` holds `history` and `inspectors` (and may be
/// the draw's whole inputs document without `roster`). Added in ABI 1.2.
///
/// # Errors
/// As `jg_supervisor_verify`; roster refusals as
/// `jg_supervisor_draw_columns`.
///
/// # Safety
/// As `jg_supervisor_draw_columns`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_verify_columns(
    supervisor: *const jg_supervisor,
    record_json: *const c_char,
    rosters_json: *const c_char,
    roster: *const jg_roster_columns,
) -> jg_status {
    guard(|| {
        require!(supervisor, record_json, rosters_json, roster);
        let sup = supervisor_ref(supervisor)?;
        let record: DrawRecord = arg_json(record_json, "record_json")?;
        let Document { rosters, inputs } = document(rosters_json, "rosters_json", false)?;
        if let Some((plan, entropy)) = inputs {
            check_inputs_match(sup, &record, &plan, &entropy)?;
        }
        let target = target_roster(arg_ref(roster, "roster")?)?;
        let history = InspectionHistory::new(rosters.history)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        let inspectors = InspectorRoster::new(rosters.inspectors)
            .map_err(|e| Failure::from(sdk::Error::from(e)))?;
        sup.verify_over(
            &record,
            RostersRef {
                roster: &target,
                history: &history,
                inspectors: &inspectors,
            },
        )?;
        Ok(())
    })
}
