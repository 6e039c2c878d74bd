//! Verifiable double-random draws (双随机) through the C API. Plans,
//! rosters and records are deep, so they cross as JSON in the shapes
//! docs/draw-algorithm.md and tests/vectors/draw/ use.

use std::ffi::c_char;

use sdk::supervisor::Supervisor;
use sdk::supervisor::draw::{DrawInputs, DrawRecord, DrawRosters, EntropyValue, Plan};

use crate::boundary::require;
use crate::boundary::{Failure, arg_json, arg_out, arg_str, guard, jg_status, out_string};
use crate::supervisor::{jg_supervisor, supervisor_ref};

/// A rosters document as `jg_supervisor_verify` takes it: the three
/// rosters, and the plan and entropy when it is a draw's inputs document.
pub(crate) struct Document {
    pub rosters: DrawRosters,
    pub inputs: Option<(Plan, Vec<EntropyValue>)>,
}

impl Document {
    /// A draw's whole inputs document: its rosters, plan and entropy.
    fn of_inputs(inputs: DrawInputs) -> Self {
        let DrawInputs {
            plan,
            roster,
            history,
            inspectors,
            entropy,
        } = inputs;
        Self {
            rosters: DrawRosters {
                roster,
                history,
                inspectors,
            },
            inputs: Some((plan, entropy)),
        }
    }
}

/// Reads argument `name`: `{roster, history, inspectors}`, or a draw's
/// whole inputs document (with `plan` and `entropy` besides). With
/// `roster_json` false the roster comes as columns, so the document must
/// not hold one.
pub(crate) fn document(
    ptr: *const c_char,
    name: &str,
    roster_json: bool,
) -> Result<Document, Failure> {
    let text = arg_str(ptr, name)?;
    let shape = |e: serde_json::Error| Failure::invalid(format!("argument `{name}`: {e}"));
    if roster_json {
        // Parsed from the text itself, so that a refusal names line and column.
        let value: serde_json::Value = serde_json::from_str(text).map_err(shape)?;
        let is_inputs = value
            .as_object()
            .is_some_and(|o| o.contains_key("plan") || o.contains_key("entropy"));
        if !is_inputs {
            return Ok(Document {
                rosters: serde_json::from_str(text).map_err(shape)?,
                inputs: None,
            });
        }
        return Ok(Document::of_inputs(
            serde_json::from_str(text).map_err(shape)?,
        ));
    }
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(shape)?;
    let Some(object) = value.as_object_mut() else {
        return Err(Failure::invalid(format!(
            "argument `{name}`: expected a JSON object"
        )));
    };
    if object.contains_key("roster") {
        return Err(Failure::invalid(format!(
            "argument `{name}` holds a `roster`, but the roster is given as columns; \
             leave it out"
        )));
    }
    // The columns stand for the roster; serde needs the field to be there.
    object.insert("roster".into(), serde_json::Value::Array(Vec::new()));
    if object.contains_key("plan") || object.contains_key("entropy") {
        return Ok(Document::of_inputs(
            serde_json::from_value(value).map_err(shape)?,
        ));
    }
    Ok(Document {
        rosters: serde_json::from_value(value).map_err(shape)?,
        inputs: None,
    })
}

/// When verifying from a draw's inputs document: its plan (resolved as the
/// draw resolves it) and entropy must be the record's, else a host could
/// verify a record against inputs it never drew from.
pub(crate) fn check_inputs_match(
    sup: &Supervisor,
    record: &DrawRecord,
    plan: &Plan,
    entropy: &[EntropyValue],
) -> Result<(), Failure> {
    let differs = |what: &str| {
        Failure::new(
            sdk::ErrorKind::VerificationFailed,
            format!("the inputs document's `{what}` is not the record's `{what}`"),
        )
    };
    if sup.resolve_plan(plan)? != record.plan {
        return Err(differs("plan"));
    }
    if entropy != record.entropy.as_slice() {
        return Err(differs("entropy"));
    }
    Ok(())
}

/// Makes a draw. `inputs_json` is an object with `plan`, `roster`,
/// `history`, `inspectors` and `entropy` (the `inputs` of a draw vector).
/// The plan's items are resolved against the supervisor's catalog. On
/// success `*record_json` holds the record in canonical JSON (the text its
/// digest is taken over), freed with `jg_string_free`. Nothing is stored:
/// publish and keep the record.
///
/// # Errors
/// `JG_STATUS_DRAW_REFUSED` for any refusal, `jg_last_error_kind` naming it
/// (`entropy_mismatch`, `publicity_minimum`, `unknown_item`, …);
/// `JG_STATUS_INVALID_ARGUMENT` for JSON of the wrong shape (the message
/// names line and column).
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_draw(
    supervisor: *const jg_supervisor,
    inputs_json: *const c_char,
    record_json: *mut *mut c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, inputs_json, record_json);
        let out = arg_out(record_json, "record_json")?;
        let sup = supervisor_ref(supervisor)?;
        let inputs: DrawInputs = arg_json(inputs_json, "inputs_json")?;
        let record = sup.draw(&inputs)?;
        *out = out_string(record.to_canonical_json());
        Ok(())
    })
}

/// Re-runs the draw `record_json` describes over `rosters_json` and
/// compares, field by field. `rosters_json` is an object with `roster`,
/// `history` and `inspectors`, or (since ABI 1.2) the very inputs document
/// `jg_supervisor_draw` took: its `plan` (resolved against the catalog) and
/// `entropy` must then equal the record's, else the verification fails.
///
/// # Errors
/// `JG_STATUS_VERIFICATION_FAILED` naming the first field that differs and
/// both values (or the inputs document's `plan` or `entropy`);
/// `JG_STATUS_DRAW_REFUSED` for a record of another format or rosters the
/// draw refuses; `JG_STATUS_INVALID_ARGUMENT` for bad JSON.
///
/// # Safety
/// Every pointer argument is NULL (refused with a status, or allowed where
/// documented) or valid as the header says: a live handle of its type, a
/// NUL-terminated string, a writable out-pointer, for the whole call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_supervisor_verify(
    supervisor: *const jg_supervisor,
    record_json: *const c_char,
    rosters_json: *const c_char,
) -> jg_status {
    guard(|| {
        require!(supervisor, record_json, rosters_json);
        let sup = supervisor_ref(supervisor)?;
        let record: DrawRecord = arg_json(record_json, "record_json")?;
        let Document { rosters, inputs } = document(rosters_json, "rosters_json", true)?;
        if let Some((plan, entropy)) = inputs {
            check_inputs_match(sup, &record, &plan, &entropy)?;
        }
        sup.verify(&record, &rosters)?;
        Ok(())
    })
}

/// Writes the SHA-256 digest of a record (64 lowercase hex digits and a
/// NUL) into `out`, which holds `out_len` bytes (at least 65): the name a
/// record is published under. Needs no supervisor.
///
/// # Errors
/// `JG_STATUS_NULL_ARGUMENT` naming each of `record_json` and `out` that is
/// NULL (checked before anything is parsed); `JG_STATUS_INVALID_ARGUMENT`
/// for a record that does not parse or a buffer shorter than 65 bytes.
/// Nothing is written on failure.
///
/// # Safety
/// `record_json` must be NULL or a NUL-terminated string; `out` must be
/// NULL or point to `out_len` writable bytes. Neither may be NULL for the
/// call to succeed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jg_draw_record_digest(
    record_json: *const c_char,
    out: *mut c_char,
    out_len: usize,
) -> jg_status {
    guard(|| {
        require!(record_json, out);
        let record: DrawRecord = arg_json(record_json, "record_json")?;
        let digest = record.digest();
        if out_len < digest.len() + 1 {
            return Err(Failure::invalid(format!(
                "argument `out_len` is {out_len}; a digest needs {} bytes",
                digest.len() + 1
            )));
        }
        // SAFETY: `out` has `out_len` ≥ 65 writable bytes, per the header.
        let buf = unsafe { std::slice::from_raw_parts_mut(out.cast::<u8>(), out_len) };
        buf[..digest.len()].copy_from_slice(digest.as_bytes());
        buf[digest.len()] = 0;
        Ok(())
    })
}
