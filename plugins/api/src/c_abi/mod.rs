//! The C plugin contract (`include/jianguan_plugin.h`) in Rust: the same
//! capabilities as the Rust contract, for plugins written in C. These
//! `#[repr(C)]` types mirror the header field for field; the header is the
//! specification and `tests/c_plugin_layout.rs` checks the two agree.
//!
//! Only declarations live here, next to the Rust contract and versioned with
//! it, so that both faces of the contract are stated in one crate; they need
//! nothing beyond `std`. Loading and calling a C plugin is the host's
//! business (`jianguan::plugin_host`), which keeps libloading out of every
//! plugin's dependencies.

use std::ffi::{c_char, c_void};

/// The C contract version this crate implements (`JG_PLUGIN_CONTRACT_VERSION`).
pub const C_CONTRACT_VERSION: &str = "1.0.0";
/// Its major part: a plugin built for another major is refused.
pub const C_CONTRACT_MAJOR: u64 = 1;
/// Its minor part: a plugin that needs a newer minor is refused.
pub const C_CONTRACT_MINOR: u64 = 0;

/// The symbol every C plugin exports first: its contract version.
pub const VERSION_SYMBOL: &str = "jg_plugin_contract_version";
/// The symbol that returns the entry-point table.
pub const TABLE_SYMBOL: &str = "jg_plugin_api_table";

/// `JG_PLUGIN_OK`.
pub const STATUS_OK: i32 = 0;
/// `JG_PLUGIN_INVALID_FACTS`.
pub const STATUS_INVALID_FACTS: i32 = 1;
/// `JG_PLUGIN_INVALID_CONFIG`.
pub const STATUS_INVALID_CONFIG: i32 = 2;
/// `JG_PLUGIN_INTERNAL`.
pub const STATUS_INTERNAL: i32 = 3;

/// `JG_PLUGIN_FACT_NUMBER`: `double` values.
pub const FACT_NUMBER: u32 = 0;
/// `JG_PLUGIN_FACT_INTEGER`: `int64_t` values.
pub const FACT_INTEGER: u32 = 1;
/// `JG_PLUGIN_FACT_FLAG`: `uint8_t` values, 0 or 1.
pub const FACT_FLAG: u32 = 2;
/// `JG_PLUGIN_FACT_TEXT`: `const char *` values.
pub const FACT_TEXT: u32 = 3;
/// `JG_PLUGIN_FACT_DATE`: `int32_t` days since 1970-01-01.
pub const FACT_DATE: u32 = 4;

/// `JG_PLUGIN_DO_NOT_REFER`.
pub const DO_NOT_REFER: u32 = 0;
/// `JG_PLUGIN_NEEDS_TESTING`.
pub const NEEDS_TESTING: u32 = 1;
/// `JG_PLUGIN_REFER`.
pub const REFER: u32 = 2;

/// `jg_plugin_column`: one named column of facts.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// NUL-terminated UTF-8 name.
    pub name: *const c_char,
    /// `JG_PLUGIN_FACT_*`: 0 number, 1 integer, 2 flag, 3 text, 4 date.
    pub kind: u32,
    /// `rows` values of the kind's C type.
    pub values: *const c_void,
    /// NULL, or `rows` bytes of 1 (present) / 0 (missing).
    pub present: *const u8,
}

/// `jg_plugin_facts`: a batch of columns.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    /// Number of rows.
    pub rows: u64,
    /// Number of columns.
    pub column_count: u64,
    /// The columns.
    pub columns: *const Column,
}

/// `add_reason` of [`GradeOut`].
pub type AddReason =
    unsafe extern "C" fn(host: *mut c_void, row: u64, citation: u32, detail: *const c_char) -> i32;
/// `add_duty` of [`DutyOut`].
pub type AddDuty = unsafe extern "C" fn(
    host: *mut c_void,
    row: u64,
    code: *const c_char,
    due: i32,
    overdue: u8,
    citation: u32,
    detail: *const c_char,
) -> i32;
/// `add_finding` of [`ReferralOut`].
pub type AddFinding = unsafe extern "C" fn(
    host: *mut c_void,
    row: u64,
    decision: u32,
    citation: u32,
    detail: *const c_char,
) -> i32;

/// `jg_plugin_grade_out`.
#[repr(C)]
#[derive(Debug)]
pub struct GradeOut {
    /// `rows` grade slots, prefilled with `u32::MAX`.
    pub grades: *mut u32,
    /// `rows` score slots, prefilled with NaN.
    pub scores: *mut f64,
    /// Passed back to `add_reason`.
    pub host: *mut c_void,
    /// Adds a reason to a row.
    pub add_reason: AddReason,
}

/// `jg_plugin_duty_out`.
#[repr(C)]
#[derive(Debug)]
pub struct DutyOut {
    /// Passed back to `add_duty`.
    pub host: *mut c_void,
    /// Adds a duty to a row.
    pub add_duty: AddDuty,
}

/// `jg_plugin_referral_out`.
#[repr(C)]
#[derive(Debug)]
pub struct ReferralOut {
    /// Passed back to `add_finding`.
    pub host: *mut c_void,
    /// Adds a finding to a case.
    pub add_finding: AddFinding,
}

/// `jg_plugin_state *`: the plugin's own state, opaque here.
pub type State = *mut c_void;

/// `describe`: the description as JSON, static.
pub type DescribeFn = unsafe extern "C" fn() -> *const c_char;
/// `open`: a state from a JSON configuration.
pub type OpenFn = unsafe extern "C" fn(config: *const c_char, status: *mut i32) -> State;
/// `close`: releases a state.
pub type CloseFn = unsafe extern "C" fn(state: State);
/// `last_error`: the last failure's message on a state (NULL: the last failed open).
pub type LastErrorFn = unsafe extern "C" fn(state: *const c_void) -> *const c_char;
/// `grade`: risk-grades each row.
pub type GradeFn =
    unsafe extern "C" fn(state: State, facts: *const Facts, out: *const GradeOut) -> i32;
/// `duties`: dated duties of each row as of a date.
pub type DutiesFn =
    unsafe extern "C" fn(state: State, facts: *const Facts, as_of: i32, out: *const DutyOut) -> i32;
/// `assess_referral`: assesses each case for criminal referral.
pub type AssessFn =
    unsafe extern "C" fn(state: State, facts: *const Facts, out: *const ReferralOut) -> i32;

/// `jg_plugin_api`: the entry-point table. Every entry is nullable on the
/// Rust side so that a table with a NULL entry is refused, not called.
#[repr(C)]
#[derive(Debug)]
pub struct Api {
    /// `sizeof(jg_plugin_api)` as the plugin compiled it.
    pub size: u64,
    /// The description as JSON, static.
    pub describe: Option<DescribeFn>,
    /// Opens a state from a JSON configuration.
    pub open: Option<OpenFn>,
    /// Releases a state.
    pub close: Option<CloseFn>,
    /// The last failure's message on a state (NULL: the last failed open).
    pub last_error: Option<LastErrorFn>,
    /// Risk-grades each row.
    pub grade: Option<GradeFn>,
    /// Dated duties of each row as of a date.
    pub duties: Option<DutiesFn>,
    /// Assesses each case for criminal referral.
    pub assess_referral: Option<AssessFn>,
}
