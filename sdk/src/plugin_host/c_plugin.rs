//! Loading a C plugin and calling it safely: the table is checked once at
//! load, facts are lent as C views for the length of a call, results come
//! back through callbacks that copy and check every value, and each state is
//! called from one thread at a time. The methods return the Rust contract's
//! own types, so the host checks C and Rust results alike.

// Calling C function pointers and reading C strings is what this module is for.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString, c_char, c_void};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Mutex;

use jianguan_plugin::c_abi::{
    Api, AssessFn, C_CONTRACT_MAJOR, C_CONTRACT_MINOR, C_CONTRACT_VERSION, CloseFn, Column,
    DO_NOT_REFER, DescribeFn, DutiesFn, DutyOut, FACT_DATE, FACT_FLAG, FACT_INTEGER, FACT_NUMBER,
    FACT_TEXT, Facts, GradeFn, GradeOut, LastErrorFn, NEEDS_TESTING, OpenFn, REFER, ReferralOut,
    STATUS_INTERNAL, STATUS_INVALID_CONFIG, STATUS_INVALID_FACTS, STATUS_OK, State, TABLE_SYMBOL,
    VERSION_SYMBOL,
};
use jianguan_plugin::{
    ColumnData, Duty, DutyBatch, FactTable, Finding, GradeBatch, PluginError, PluginErrorKind,
    RVec, Reason, ReferralAssessment, ReferralDecision,
};

/// Why a C plugin library could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CLoadError {
    /// The system loader refused the file.
    #[error("the dynamic loader refused the file: {0}")]
    Open(String),
    /// The plugin needs another contract version.
    #[error("C contract version {found}, this host implements {C_CONTRACT_VERSION}")]
    ContractVersion {
        /// The version `jg_plugin_contract_version` returned.
        found: String,
    },
    /// The entry-point table is missing, too small or has a NULL entry.
    #[error("entry-point table: {0}")]
    Table(String),
}

/// The entry points, copied out of the plugin's table once at load (so a
/// plugin that rewrites its table later cannot undo the checks).
#[derive(Debug, Clone, Copy)]
struct Entries {
    describe: DescribeFn,
    open: OpenFn,
    close: CloseFn,
    last_error: LastErrorFn,
    grade: GradeFn,
    duties: DutiesFn,
    assess_referral: AssessFn,
}

/// A loaded C plugin library (never unloaded).
#[derive(Debug)]
pub struct CPlugin {
    api: Entries,
}

/// Maps the library at `path` with every symbol resolved now (`RTLD_NOW`),
/// so that a library with an undefined symbol is refused here rather than
/// killing the process at its first call, and keeps it mapped for good.
/// The host does this for Rust plugins too, before abi_stable loads them.
///
/// # Errors
/// The system loader's message.
pub fn map_now(path: &Path) -> Result<std::mem::ManuallyDrop<libloading::Library>, String> {
    #[cfg(unix)]
    let lib = {
        use libloading::os::unix::{Library, RTLD_LOCAL, RTLD_NOW};
        // SAFETY: runs the library's initializers; the host checked the
        // file's structure first, and loading foreign code is the point.
        unsafe { Library::open(Some(path), RTLD_NOW | RTLD_LOCAL) }.map(libloading::Library::from)
    };
    #[cfg(not(unix))]
    // SAFETY: as above (Windows resolves imports at load).
    let lib = unsafe { libloading::Library::new(path) };
    // Never unloaded (DESIGN "Pitfalls"): ManuallyDrop keeps the mapping
    // without a heap allocation, so leak checkers see nothing lost.
    lib.map(std::mem::ManuallyDrop::new)
        .map_err(|e| e.to_string())
}

/// Why a call into a C plugin failed.
#[derive(Debug, Clone, PartialEq)]
pub enum CCallError {
    /// The plugin returned a failure status; its message is included.
    Plugin(PluginError),
    /// The plugin broke the contract (a callback misused, a row left without
    /// a result); the message says how.
    BadResult(String),
}

fn cstr(ptr: *const c_char) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the contract makes every string the plugin returns
    // NUL-terminated and valid for the duration of this read.
    let s = unsafe { CStr::from_ptr(ptr) };
    Some(String::from_utf8_lossy(s.to_bytes()).into_owned())
}

impl CPlugin {
    /// Loads a C plugin: maps the library (running its initializers), then
    /// checks `jg_plugin_contract_version` before touching anything else,
    /// then the table's size and entries.
    ///
    /// The file must have passed the host's structural check first (a
    /// truncated library faults inside the system loader).
    ///
    /// # Errors
    /// [`CLoadError`] saying what is wrong.
    // `minor <= C_CONTRACT_MINOR` is `== 0` today; it is the rule for later minors.
    #[allow(clippy::absurd_extreme_comparisons)]
    pub fn load(path: &Path) -> Result<Self, CLoadError> {
        let lib = map_now(path).map_err(CLoadError::Open)?;
        let version = {
            // SAFETY: the contract declares the symbol's type.
            let f = *unsafe {
                lib.get::<unsafe extern "C" fn() -> *const c_char>(VERSION_SYMBOL.as_bytes())
            }
            .map_err(|e| CLoadError::Open(e.to_string()))?;
            // SAFETY: a contract function taking nothing.
            cstr(unsafe { f() }).unwrap_or_else(|| "(NULL)".into())
        };
        let mut parts = version.split('.').map(str::parse::<u64>);
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(Ok(major)), Some(Ok(minor)), Some(Ok(_)), None)
                if major == C_CONTRACT_MAJOR && minor <= C_CONTRACT_MINOR => {}
            _ => return Err(CLoadError::ContractVersion { found: version }),
        }
        // SAFETY: the contract declares the symbol's type.
        let table =
            unsafe { lib.get::<unsafe extern "C" fn() -> *const Api>(TABLE_SYMBOL.as_bytes()) }
                .map_err(|e| CLoadError::Table(e.to_string()))?;
        // SAFETY: a contract function taking nothing.
        let api = unsafe { table() };
        if api.is_null() {
            return Err(CLoadError::Table(format!("{TABLE_SYMBOL}() returned NULL")));
        }
        // SAFETY: the first field is a u64 in every version of the table.
        let size = unsafe { (*api).size };
        let needed = std::mem::size_of::<Api>() as u64;
        if size < needed {
            return Err(CLoadError::Table(format!(
                "size {size} bytes; contract {C_CONTRACT_VERSION} needs {needed}"
            )));
        }
        // SAFETY: non-NULL, readable per the contract, and at least as large
        // as this version's table; copied once, never referenced again.
        let api: Api = unsafe { std::ptr::read_unaligned(api) };
        let null = |name: &str| CLoadError::Table(format!("entry `{name}` is NULL"));
        let entries = Entries {
            describe: api.describe.ok_or_else(|| null("describe"))?,
            open: api.open.ok_or_else(|| null("open"))?,
            close: api.close.ok_or_else(|| null("close"))?,
            last_error: api.last_error.ok_or_else(|| null("last_error"))?,
            grade: api.grade.ok_or_else(|| null("grade"))?,
            duties: api.duties.ok_or_else(|| null("duties"))?,
            assess_referral: api.assess_referral.ok_or_else(|| null("assess_referral"))?,
        };
        Ok(Self { api: entries })
    }

    /// The description JSON.
    ///
    /// # Errors
    /// An `Internal` [`PluginError`] when `describe` returns NULL or text
    /// that is not UTF-8.
    pub fn describe(&self) -> Result<String, PluginError> {
        // SAFETY: a contract function taking nothing; the string is static.
        let ptr = unsafe { (self.api.describe)() };
        if ptr.is_null() {
            return Err(PluginError::internal("describe() returned NULL"));
        }
        // SAFETY: NUL-terminated static string per the contract.
        let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
        String::from_utf8(bytes.to_vec()).map_err(|e| {
            PluginError::internal(format!("describe() returned text that is not UTF-8: {e}"))
        })
    }

    /// Opens a state with a JSON configuration (`""`: the defaults).
    ///
    /// # Errors
    /// The plugin's failure, with the kind its status names and its message.
    pub fn open(&self, config: &str) -> Result<CInstance, PluginError> {
        let config = CString::new(config).map_err(|_| {
            PluginError::invalid_config("the configuration contains a NUL character")
        })?;
        let mut status = STATUS_INTERNAL;
        // SAFETY: a valid C string and a valid status slot.
        let state = unsafe { (self.api.open)(config.as_ptr(), &mut status) };
        if status != STATUS_OK || state.is_null() {
            let message = self.last_error(state);
            if !state.is_null() {
                // SAFETY: a state open() returned, closed once.
                unsafe { (self.api.close)(state) };
            }
            let message = match (status, message) {
                (STATUS_OK, _) => "open() reported success but returned no state".to_string(),
                (_, Some(m)) => m,
                (_, None) => "open() failed without a message".to_string(),
            };
            return Err(PluginError::new(kind_of(status), message));
        }
        Ok(CInstance {
            api: self.api,
            state: Mutex::new(StatePtr(state)),
        })
    }

    fn last_error(&self, state: State) -> Option<String> {
        // SAFETY: a state from open() (or NULL, which the contract allows).
        cstr(unsafe { (self.api.last_error)(state) })
    }
}

fn kind_of(status: i32) -> PluginErrorKind {
    match status {
        STATUS_INVALID_FACTS => PluginErrorKind::InvalidFacts,
        STATUS_INVALID_CONFIG => PluginErrorKind::InvalidConfig,
        _ => PluginErrorKind::Internal,
    }
}

struct StatePtr(State);
// SAFETY: the state is only ever used under the instance's mutex, so one
// thread at a time, as the contract promises plugins.
unsafe impl Send for StatePtr {}

/// An open C plugin state. `Send + Sync`: calls are serialised by a mutex,
/// as the C contract promises plugins.
pub struct CInstance {
    api: Entries,
    state: Mutex<StatePtr>,
}

impl std::fmt::Debug for CInstance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CInstance").finish_non_exhaustive()
    }
}

impl Drop for CInstance {
    fn drop(&mut self) {
        let state = self
            .state
            .get_mut()
            .map(|s| s.0)
            .unwrap_or_else(|p| p.into_inner().0);
        // SAFETY: the state open() returned, closed exactly once.
        unsafe { (self.api.close)(state) };
    }
}

/// The C view of a fact table, with the buffers it points into. The
/// buffers never move once built (moving a Vec keeps its heap buffer), so
/// the pointers in `columns` stay valid as long as the view.
struct FactsView {
    columns: Vec<Column>,
    _names: Vec<CString>,
    _texts: Vec<Vec<CString>>,
    _text_ptrs: Vec<Vec<*const c_char>>,
}

impl FactsView {
    fn new(table: &FactTable) -> Result<Self, PluginError> {
        let n = table.columns.len();
        let (mut columns, mut names) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut texts, mut text_ptrs) = (Vec::new(), Vec::new());
        let nul = |what: &str| {
            PluginError::invalid_facts(format!(
                "{what} contains a NUL character, which C cannot carry"
            ))
        };
        for c in table.columns.iter() {
            let name = CString::new(c.name.as_str())
                .map_err(|_| nul(&format!("fact name `{}`", c.name)))?;
            // The host validated the table against the schema, which names
            // only kinds the C contract carries.
            let data = c.values().ok_or_else(|| {
                PluginError::invalid_facts(format!(
                    "fact `{}` holds values of a kind the C contract does not define",
                    c.name
                ))
            })?;
            let (kind, values): (u32, *const c_void) = match data {
                ColumnData::Number(v) => (FACT_NUMBER, v.as_ptr().cast()),
                ColumnData::Integer(v) => (FACT_INTEGER, v.as_ptr().cast()),
                // bool is one byte holding 0 or 1: the header's uint8_t.
                ColumnData::Flag(v) => (FACT_FLAG, v.as_ptr().cast()),
                ColumnData::Text(v) => {
                    let strings = v
                        .iter()
                        .enumerate()
                        .map(|(row, s)| {
                            CString::new(s.as_str())
                                .map_err(|_| nul(&format!("row {row}: fact `{}`", c.name)))
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    let ptrs: Vec<*const c_char> = strings.iter().map(|s| s.as_ptr()).collect();
                    let p = ptrs.as_ptr().cast();
                    texts.push(strings);
                    text_ptrs.push(ptrs);
                    (FACT_TEXT, p)
                }
                ColumnData::Date(v) => (FACT_DATE, v.as_ptr().cast()),
            };
            let present = if c.present.is_empty() {
                std::ptr::null()
            } else {
                c.present.as_ptr().cast()
            };
            columns.push(Column {
                name: name.as_ptr(),
                kind,
                values,
                present,
            });
            names.push(name);
        }
        Ok(Self {
            columns,
            _names: names,
            _texts: texts,
            _text_ptrs: text_ptrs,
        })
    }

    fn facts(&self, rows: u64) -> Facts {
        Facts {
            rows,
            column_count: self.columns.len() as u64,
            columns: self.columns.as_ptr(),
        }
    }
}

/// What the callbacks collect; the first misuse is kept as the error.
struct Sink<T> {
    rows: u64,
    per_row: Vec<Vec<T>>,
    error: Option<String>,
}

impl<T> Sink<T> {
    fn new(rows: u64) -> Self {
        Self {
            rows,
            per_row: (0..rows).map(|_| Vec::new()).collect(),
            error: None,
        }
    }

    fn fail(&mut self, message: String) -> i32 {
        self.error.get_or_insert(message);
        1
    }

    /// Checks the row and the text arguments, then stores one value.
    fn add(
        &mut self,
        call: &str,
        row: u64,
        texts: &[(&str, *const c_char)],
        make: impl FnOnce(&[String]) -> Result<T, String>,
    ) -> i32 {
        if row >= self.rows {
            return self.fail(format!("{call}: row {row} of {} rows", self.rows));
        }
        let mut strings = Vec::with_capacity(texts.len());
        for (name, ptr) in texts {
            if ptr.is_null() {
                return self.fail(format!("{call}: row {row}: `{name}` is NULL"));
            }
            // SAFETY: non-NULL and NUL-terminated per the contract.
            match unsafe { CStr::from_ptr(*ptr) }.to_str() {
                Ok(s) => strings.push(s.to_string()),
                Err(e) => {
                    return self.fail(format!("{call}: row {row}: `{name}` is not UTF-8: {e}"));
                }
            }
        }
        match make(&strings) {
            Ok(v) => {
                self.per_row[row as usize].push(v);
                0
            }
            Err(m) => self.fail(format!("{call}: row {row}: {m}")),
        }
    }
}

/// Runs a callback body on the sink `host` points at, without letting a
/// panic unwind into C. The sink sits behind a mutex because a plugin may
/// call back from several threads of its own.
fn guarded<T>(host: *mut c_void, f: impl FnOnce(&mut Sink<T>) -> i32) -> i32 {
    if host.is_null() {
        return 1;
    }
    catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: `host` is the `Mutex<Sink<T>>` of the call whose out-struct
        // carries this very callback (each callback has its own T), alive
        // until the entry point returns (the contract forbids calls after
        // that); only shared references are made.
        let shared = unsafe { &*(host as *const Mutex<Sink<T>>) };
        f(&mut shared.lock().unwrap_or_else(|p| p.into_inner()))
    }))
    .unwrap_or(1)
}

unsafe extern "C" fn add_reason(
    host: *mut c_void,
    row: u64,
    citation: u32,
    detail: *const c_char,
) -> i32 {
    guarded(host, |sink: &mut Sink<Reason>| {
        sink.add("add_reason", row, &[("detail", detail)], |s| {
            Ok(Reason::new(citation, s[0].clone()))
        })
    })
}

unsafe extern "C" fn add_duty(
    host: *mut c_void,
    row: u64,
    code: *const c_char,
    due: i32,
    overdue: u8,
    citation: u32,
    detail: *const c_char,
) -> i32 {
    guarded(host, |sink: &mut Sink<Duty>| {
        sink.add(
            "add_duty",
            row,
            &[("code", code), ("detail", detail)],
            |s| {
                Ok(Duty {
                    code: s[0].as_str().into(),
                    due,
                    overdue: overdue != 0,
                    reason: Reason::new(citation, s[1].clone()),
                })
            },
        )
    })
}

unsafe extern "C" fn add_finding(
    host: *mut c_void,
    row: u64,
    decision: u32,
    citation: u32,
    detail: *const c_char,
) -> i32 {
    guarded(host, |sink: &mut Sink<Finding>| {
        sink.add("add_finding", row, &[("detail", detail)], |s| {
            let decision = match decision {
                DO_NOT_REFER => ReferralDecision::DoNotRefer,
                NEEDS_TESTING => ReferralDecision::NeedsTesting,
                REFER => ReferralDecision::Refer,
                other => return Err(format!("decision {other} is not one of 0, 1, 2")),
            };
            Ok(Finding::new(decision, citation, s[0].clone()))
        })
    })
}

impl CInstance {
    /// Runs one call on the state under the lock and turns a failure status
    /// into the plugin's error.
    fn call<T>(
        &self,
        facts: &FactTable,
        run: impl FnOnce(State, &Facts, *mut c_void) -> i32,
    ) -> Result<Sink<T>, CCallError> {
        let view = FactsView::new(facts).map_err(CCallError::Plugin)?;
        let c_facts = view.facts(facts.rows);
        let shared = Mutex::new(Sink::<T>::new(facts.rows));
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let host = (&shared as *const Mutex<Sink<T>>)
            .cast_mut()
            .cast::<c_void>();
        let status = run(state.0, &c_facts, host);
        if status != STATUS_OK {
            // SAFETY: the open state, still under the lock.
            let message = cstr(unsafe { (self.api.last_error)(state.0) })
                .unwrap_or_else(|| format!("status {status} without a message"));
            return Err(CCallError::Plugin(PluginError::new(
                kind_of(status),
                message,
            )));
        }
        drop(state);
        let sink = shared.into_inner().unwrap_or_else(|p| p.into_inner());
        match &sink.error {
            Some(m) => Err(CCallError::BadResult(m.clone())),
            None => Ok(sink),
        }
    }

    /// Risk-grades each row.
    ///
    /// # Errors
    /// [`CCallError::Plugin`] for a failure status (or a text fact C cannot
    /// carry); [`CCallError::BadResult`] for a misused callback or a row
    /// left without a grade.
    pub fn grade(&self, facts: &FactTable) -> Result<GradeBatch, CCallError> {
        let rows = facts.len();
        let mut grades = vec![u32::MAX; rows];
        let mut scores = vec![f64::NAN; rows];
        let (g, s) = (grades.as_mut_ptr(), scores.as_mut_ptr());
        let grade = self.api.grade;
        let sink = self.call::<Reason>(facts, |state, c_facts, host| {
            let out = GradeOut {
                grades: g,
                scores: s,
                host,
                add_reason,
            };
            // SAFETY: a live state, a facts view and out-buffers of `rows`
            // slots, all valid for the call.
            unsafe { grade(state, c_facts, &out) }
        })?;
        if let Some(row) = grades.iter().position(|&g| g == u32::MAX) {
            return Err(CCallError::BadResult(format!(
                "row {row}: no grade was written"
            )));
        }
        Ok(GradeBatch {
            grades: grades.into(),
            scores: scores.into(),
            reasons: sink.per_row.into_iter().map(RVec::from).collect(),
        })
    }

    /// The dated duties of each row as of `as_of` (days since 1970-01-01).
    ///
    /// # Errors
    /// As [`CInstance::grade`].
    pub fn duties(&self, facts: &FactTable, as_of: i32) -> Result<DutyBatch, CCallError> {
        let duties = self.api.duties;
        let sink = self.call::<Duty>(facts, |state, c_facts, host| {
            let out = DutyOut { host, add_duty };
            // SAFETY: as in `grade`.
            unsafe { duties(state, c_facts, as_of, &out) }
        })?;
        Ok(DutyBatch {
            rows: sink.per_row.into_iter().map(RVec::from).collect(),
        })
    }

    /// Assesses each case; a case's decision is its strongest finding's.
    ///
    /// # Errors
    /// As [`CInstance::grade`].
    pub fn assess_referral(
        &self,
        facts: &FactTable,
    ) -> Result<Vec<ReferralAssessment>, CCallError> {
        let assess = self.api.assess_referral;
        let sink = self.call::<Finding>(facts, |state, c_facts, host| {
            let out = ReferralOut { host, add_finding };
            // SAFETY: as in `grade`.
            unsafe { assess(state, c_facts, &out) }
        })?;
        Ok(sink
            .per_row
            .into_iter()
            .map(ReferralAssessment::from_findings)
            .collect())
    }
}
