//! Credit: the host's own credit source as a callback, and credit lookups
//! through the supervisor.

use std::ffi::{CStr, c_char, c_void};

use sdk::supervisor::codes::Uscc;
use sdk::supervisor::credit::{
    CreditError, CreditList, CreditLookup, CreditProfile, CreditScheme, ListMembership,
};

use crate::boundary::require;
use crate::boundary::{Failure, arg_out, arg_str, guard, jg_status, out_json, out_string};
use crate::jg_date;
use crate::supervisor::{jg_supervisor, supervisor_ref};

/// The credit-class scheme a credit source answers in (an integer, so
/// that any value is read safely and an unknown one refused).
#[allow(non_camel_case_types)]
pub type jg_credit_scheme = u32;
/// The national scheme of 国市监信发〔2022〕6号: classes A, B, C, D.
pub const JG_CREDIT_SCHEME_NATIONAL_2022: jg_credit_scheme = 0;
/// Shandong's 2020 scheme: classes A to E.
pub const JG_CREDIT_SCHEME_SHANDONG_2020: jg_credit_scheme = 1;

pub(crate) fn scheme(s: jg_credit_scheme) -> Result<CreditScheme, Failure> {
    match s {
        JG_CREDIT_SCHEME_NATIONAL_2022 => Ok(CreditScheme::national_2022()),
        JG_CREDIT_SCHEME_SHANDONG_2020 => Ok(CreditScheme::shandong_2020()),
        other => Err(Failure::invalid(format!(
            "argument `scheme`: {other} is not a jg_credit_scheme"
        ))),
    }
}

/// A credit list an entity can be on.
#[allow(non_camel_case_types)]
pub type jg_credit_list = u32;
/// 经营异常名录 (abnormal-operations list).
pub const JG_CREDIT_LIST_ABNORMAL_OPERATIONS: jg_credit_list = 0;
/// 严重违法失信名单 (serious violation and dishonesty list).
pub const JG_CREDIT_LIST_SERIOUS_DISHONESTY: jg_credit_list = 1;
/// 重点关注名单 (key-attention list).
pub const JG_CREDIT_LIST_KEY_ATTENTION: jg_credit_list = 2;

/// One period on a credit list, as the host's callback reports it.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_list_membership {
    /// Which list.
    pub list: jg_credit_list,
    /// Date of listing.
    pub since: jg_date,
    /// Nonzero when the entity has been removed (a byte, not a C `bool`, so
    /// that any value a host writes is read safely).
    pub removed: u8,
    /// Date of removal (read only when `removed`).
    pub until: jg_date,
    /// The listing reason, UTF-8; may be NULL.
    pub reason: *const c_char,
}

/// What the host's credit callback fills in. Every pointer it sets must stay
/// valid until the `jg_` function that invoked the callback returns (point
/// them at the host's own storage, not at the callback's stack); the
/// library copies everything before then.
#[repr(C)]
#[derive(Debug)]
#[allow(non_camel_case_types)]
pub struct jg_credit_answer {
    /// Nonzero when the host knows the entity; the rest is read only then.
    pub found: u8,
    /// Its class code in the callback's scheme, e.g. "B".
    pub class_code: *const c_char,
    /// Nonzero when it has an administrative penalty decision on record.
    pub has_last_penalty: u8,
    /// The date of its latest penalty decision (read only when set).
    pub last_penalty_on: jg_date,
    /// Its list memberships, current and past (`list_count` of them).
    pub lists: *const jg_list_membership,
    /// Number of entries in `lists`.
    pub list_count: usize,
    /// On failure, the host's message (may be NULL).
    pub error: *const c_char,
}

thread_local! {
    /// Texts a callback handed over by copy during the lookup running on
    /// this thread, kept until that lookup has read the answer.
    static HANDED_OVER: std::cell::RefCell<Vec<std::ffi::CString>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Drops the texts handed over during one lookup when it ends, however it
/// ends. Scopes nest (a callback that itself asks the supervisor for
/// credit): each keeps the texts handed over before it began.
struct HandOverScope(usize);

impl HandOverScope {
    fn begin() -> Self {
        Self(HANDED_OVER.try_with(|h| h.borrow().len()).unwrap_or(0))
    }
}

impl Drop for HandOverScope {
    fn drop(&mut self) {
        let _ = HANDED_OVER.try_with(|h| h.borrow_mut().truncate(self.0));
    }
}

/// Copies `text` into the library and returns where the copy lives until
/// the lookup running on this thread has read the answer.
fn hand_over(text: &CStr) -> Result<*const c_char, Failure> {
    let copy = text.to_owned();
    let ptr = copy.as_ptr();
    HANDED_OVER
        .try_with(|h| h.borrow_mut().push(copy))
        .map_err(|_| Failure::invalid("the thread is exiting"))?;
    Ok(ptr)
}

/// Sets `answer->error` to a copy of `message`, so a credit callback can
/// report a message it built on its stack, without keeping storage of its
/// own. Call it only from inside the callback, on the `answer` it was
/// given; the copy lives until the lookup has read it. Added in ABI 1.2.
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT` naming each NULL argument.
///
/// # Safety
/// `answer` must be NULL or the answer a running credit callback was given;
/// `message` NULL or a NUL-terminated string (any encoding: it is the host's
/// own message, shown as UTF-8 where it is valid).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_credit_answer_set_error(
    answer: *mut jg_credit_answer,
    message: *const c_char,
) -> jg_status {
    guard(|| {
        require!(answer, message);
        // SAFETY: non-NULL and NUL-terminated, per the header.
        let ptr = hand_over(unsafe { CStr::from_ptr(message) })?;
        arg_out(answer, "answer")?.error = ptr;
        Ok(())
    })
}

/// Sets `answer->class_code` to a copy of `class_code` (e.g. a class read
/// from a database row the callback is about to release). As
/// `jg_credit_answer_set_error`. Added in ABI 1.2.
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT` naming each NULL argument.
///
/// # Safety
/// As `jg_credit_answer_set_error`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_credit_answer_set_class(
    answer: *mut jg_credit_answer,
    class_code: *const c_char,
) -> jg_status {
    guard(|| {
        require!(answer, class_code);
        // SAFETY: non-NULL and NUL-terminated, per the header.
        let ptr = hand_over(unsafe { CStr::from_ptr(class_code) })?;
        arg_out(answer, "answer")?.class_code = ptr;
        Ok(())
    })
}

/// The most list memberships one answer may carry: far above any real
/// entity's history, and a guard against a garbage count.
const MAX_LISTS: usize = 10_000;

/// The host's credit lookup: answers for the entity `uscc` (18 characters,
/// already check-digit-verified) by filling `answer`, which arrives zeroed.
/// Returns 0 on success (found or not), nonzero when the host's source
/// failed; the call then fails with `JG_STATUS_CALLBACK_FAILED` and
/// `answer->error` as the message.
///
/// When it is called: once per `jg_supervisor_credit` or
/// `jg_supervisor_credit_profile_json` call, on the thread making that
/// call, before it returns. Nothing is cached: every query asks again, so
/// the host's database is always the source of truth. No other function
/// calls it (a draw reads credit classes from its roster).
///
/// Text it has only for the moment (a database row about to be reused, a
/// message built on its stack) it hands over with
/// `jg_credit_answer_set_error` / `jg_credit_answer_set_class`, which copy
/// it; pointers it stores in `answer` itself must outlive the call.
///
/// It must not throw (C++) or `longjmp` across the library. If it calls
/// `jg_` functions itself, a failing one replaces the thread's last error.
#[allow(non_camel_case_types)]
pub type jg_credit_lookup_fn = Option<
    unsafe extern "C" fn(
        userdata: *mut c_void,
        uscc: *const c_char,
        answer: *mut jg_credit_answer,
    ) -> i32,
>;

/// The non-NULL callback.
pub(crate) type LookupFn =
    unsafe extern "C" fn(*mut c_void, *const c_char, *mut jg_credit_answer) -> i32;

/// The SDK's `CreditLookup` over a host callback.
pub(crate) struct CallbackLookup {
    scheme: CreditScheme,
    lookup: LookupFn,
    userdata: *mut c_void,
    destroy: Option<unsafe extern "C" fn(*mut c_void)>,
}

// SAFETY: the header requires the callback and its userdata to be callable
// from any thread that calls into the supervisor, concurrently.
unsafe impl Send for CallbackLookup {}
// SAFETY: as above.
unsafe impl Sync for CallbackLookup {}

impl CallbackLookup {
    pub(crate) fn new(
        scheme: CreditScheme,
        lookup: LookupFn,
        userdata: *mut c_void,
        destroy: Option<unsafe extern "C" fn(*mut c_void)>,
    ) -> Self {
        Self {
            scheme,
            lookup,
            userdata,
            destroy,
        }
    }
}

impl Drop for CallbackLookup {
    fn drop(&mut self) {
        if let Some(destroy) = self.destroy {
            // SAFETY: the host's destructor for its own userdata, called once.
            unsafe { destroy(self.userdata) };
        }
    }
}

fn text(
    ptr: *const c_char,
    uscc: &Uscc,
    field: &'static str,
) -> Result<Option<String>, CreditError> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: the callback's pointers stay valid until the jg_ call that
    // invoked it returns (jg_credit_answer), and we read them before that.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    String::from_utf8(bytes.to_vec())
        .map(Some)
        .map_err(|_| CreditError::InvalidProfile {
            uscc: *uscc,
            field,
            problem: "the callback returned text that is not UTF-8".into(),
        })
}

fn date(d: jg_date, uscc: &Uscc, field: &'static str) -> Result<sdk::NaiveDate, CreditError> {
    d.naive().ok_or_else(|| CreditError::InvalidProfile {
        uscc: *uscc,
        field,
        problem: format!(
            "{:04}-{:02}-{:02} is not a calendar date",
            d.year, d.month, d.day
        ),
    })
}

impl CreditLookup for CallbackLookup {
    fn scheme(&self) -> &CreditScheme {
        &self.scheme
    }

    fn profile(&self, uscc: &Uscc) -> Result<Option<CreditProfile>, CreditError> {
        // A NUL-terminated copy on the stack: a code is 18 ASCII bytes.
        let mut code = [0u8; 19];
        code[..18].copy_from_slice(uscc.as_str().as_bytes());
        let mut answer = jg_credit_answer {
            found: 0,
            class_code: std::ptr::null(),
            has_last_penalty: 0,
            last_penalty_on: jg_date {
                year: 0,
                month: 0,
                day: 0,
            },
            lists: std::ptr::null(),
            list_count: 0,
            error: std::ptr::null(),
        };
        // Texts the callback hands over live until this function returns.
        let _scope = HandOverScope::begin();
        // SAFETY: the host's callback with its userdata, a valid code and a
        // valid answer slot. The pointers it sets stay valid until the jg_
        // call that invoked it returns (jg_credit_answer); read below.
        let rc = unsafe { (self.lookup)(self.userdata, code.as_ptr().cast(), &mut answer) };
        if rc != 0 {
            let message = if answer.error.is_null() {
                format!("the credit callback returned {rc}")
            } else {
                // SAFETY: as for every pointer the callback sets (see above).
                let bytes = unsafe { CStr::from_ptr(answer.error) }.to_bytes();
                // The host's own message, in whatever encoding it wrote.
                String::from_utf8_lossy(bytes).into_owned()
            };
            return Err(CreditError::Source {
                uscc: *uscc,
                message,
            });
        }
        if answer.found == 0 {
            return Ok(None);
        }
        let class = text(answer.class_code, uscc, "class")?.ok_or(CreditError::InvalidProfile {
            uscc: *uscc,
            field: "class",
            problem: "the callback found the entity but gave no class".into(),
        })?;
        let last_penalty_on = if answer.has_last_penalty != 0 {
            Some(date(answer.last_penalty_on, uscc, "last_penalty_on")?)
        } else {
            None
        };
        let mut lists = Vec::new();
        if answer.list_count > 0 {
            let bad = |problem: String| CreditError::InvalidProfile {
                uscc: *uscc,
                field: "lists",
                problem,
            };
            if answer.lists.is_null() {
                return Err(bad(format!(
                    "list_count is {} but lists is NULL",
                    answer.list_count
                )));
            }
            if answer.list_count > MAX_LISTS || !answer.lists.is_aligned() {
                return Err(bad(format!(
                    "list_count is {} (at most {MAX_LISTS}) or lists is misaligned",
                    answer.list_count
                )));
            }
            // SAFETY: non-NULL, aligned, and `list_count` (bounded) entries at
            // `lists`, valid per the header.
            let entries = unsafe { std::slice::from_raw_parts(answer.lists, answer.list_count) };
            for m in entries {
                let list = match m.list {
                    JG_CREDIT_LIST_ABNORMAL_OPERATIONS => CreditList::AbnormalOperations,
                    JG_CREDIT_LIST_SERIOUS_DISHONESTY => CreditList::SeriousDishonesty,
                    JG_CREDIT_LIST_KEY_ATTENTION => CreditList::KeyAttention,
                    other => {
                        return Err(CreditError::InvalidProfile {
                            uscc: *uscc,
                            field: "lists",
                            problem: format!("{other} is not a jg_credit_list"),
                        });
                    }
                };
                lists.push(ListMembership {
                    list,
                    since: date(m.since, uscc, "lists.since")?,
                    until: if m.removed != 0 {
                        Some(date(m.until, uscc, "lists.until")?)
                    } else {
                        None
                    },
                    reason: text(m.reason, uscc, "lists.reason")?.unwrap_or_default(),
                });
            }
        }
        Ok(Some(CreditProfile {
            uscc: *uscc,
            class,
            last_penalty_on,
            lists,
        }))
    }
}

/// An entity's credit standing on a date, flat for C.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
#[allow(non_camel_case_types)]
pub struct jg_credit_status {
    /// Whether the credit source knows the entity; the rest is zero if not.
    pub found: bool,
    /// Its class code, NUL-terminated (e.g. "B").
    pub class_code: [c_char; 8],
    /// Whether it has a penalty decision on record.
    pub has_last_penalty: bool,
    /// Date of its latest penalty decision (when `has_last_penalty`).
    pub last_penalty_on: jg_date,
    /// On the abnormal-operations list (经营异常名录) on the date.
    pub abnormal_operations: bool,
    /// On the serious violation and dishonesty list (严重违法失信名单) on the date.
    pub serious_dishonesty: bool,
    /// On the key-attention list (重点关注名单) on the date.
    pub key_attention: bool,
}

fn lookup(
    sup: *const jg_supervisor,
    uscc: *const c_char,
) -> Result<(Uscc, Option<CreditProfile>), Failure> {
    let sup = supervisor_ref(sup)?;
    let code = sup.check_uscc(arg_str(uscc, "uscc")?)?;
    Ok((code, sup.credit_profile(&code)?))
}

/// The credit standing of entity `uscc` on `as_of`: class, latest penalty,
/// and which lists it is on that day. Unknown entities give `found = false`.
///
/// # Errors
/// `JG_STATUS_INVALID_USCC`; `JG_STATUS_CALLBACK_FAILED` when the host's
/// callback fails; `JG_STATUS_CREDIT` when its answer is invalid (a class
/// outside its scheme or longer than 7 bytes, an impossible date);
/// `JG_STATUS_INVALID_ARGUMENT` for an impossible `as_of`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_credit(
    supervisor: *const jg_supervisor,
    uscc: *const c_char,
    as_of: jg_date,
    out: *mut jg_credit_status,
) -> jg_status {
    guard(|| {
        require!(supervisor, uscc, out);
        let out = arg_out(out, "out")?;
        let day = as_of.to_naive("as_of")?;
        let (code, profile) = lookup(supervisor, uscc)?;
        let mut status = jg_credit_status {
            found: false,
            class_code: [0; 8],
            has_last_penalty: false,
            last_penalty_on: jg_date {
                year: 0,
                month: 0,
                day: 0,
            },
            abnormal_operations: false,
            serious_dishonesty: false,
            key_attention: false,
        };
        if let Some(p) = profile {
            if p.class.len() >= status.class_code.len() {
                return Err(Failure::from(sdk::Error::from(
                    CreditError::InvalidProfile {
                        uscc: code,
                        field: "class",
                        problem: format!("class code {:?} is longer than 7 bytes", p.class),
                    },
                )));
            }
            for (slot, b) in status.class_code.iter_mut().zip(p.class.bytes()) {
                *slot = b as c_char;
            }
            status.found = true;
            status.has_last_penalty = p.last_penalty_on.is_some();
            if let Some(d) = p.last_penalty_on {
                status.last_penalty_on = jg_date::from_naive(d);
            }
            status.abnormal_operations = p.on_list(CreditList::AbnormalOperations, day);
            status.serious_dishonesty = p.on_list(CreditList::SeriousDishonesty, day);
            status.key_attention = p.on_list(CreditList::KeyAttention, day);
        }
        *out = status;
        Ok(())
    })
}

/// The full credit profile of `uscc` as JSON (`null` when unknown), into a
/// string the caller frees with `jg_string_free`.
///
/// # Errors
/// As `jg_supervisor_credit`.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_credit_profile_json(
    supervisor: *const jg_supervisor,
    uscc: *const c_char,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, uscc, out);
        let out = arg_out(out, "out")?;
        let (_, profile) = lookup(supervisor, uscc)?;
        let json = serde_json::to_string(&profile).map_err(|e| Failure::invalid(e.to_string()))?;
        *out = out_string(json);
        Ok(())
    })
}

/// The credit scheme profiles are expressed in (name, document, classes
/// from best to worst), as JSON. The caller frees `*out` with
/// `jg_string_free`.
///
/// # Errors
/// NULL statuses.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_credit_scheme_json(
    supervisor: *const jg_supervisor,
    out: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, out);
        let out = arg_out(out, "out")?;
        *out = out_json(supervisor_ref(supervisor)?.credit_scheme())?;
        Ok(())
    })
}
