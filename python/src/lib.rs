//! `jianguan._native`: the compiled half of the Python package `jianguan`.
//! It is private: `jianguan/__init__.py` re-exports the public API with
//! Python names, keyword arguments and result objects. Everything here
//! goes through the SDK's `Supervisor` facade (`sdk::supervisor`) and the
//! vocabulary it re-exports, never an engine module, so Python, C and Rust
//! see the same behaviour. Bulk work (rosters, fact tables, draws) releases
//! the GIL.
//!
//! One file per capability, named as the facade's (`sdk/src/supervisor/`)
//! and the C API's (`ffi/src/`) files: [`codes`], [`catalog`], [`credit`],
//! [`calendar`], [`plugins`], [`draw`], [`results`], [`rfc3797`]. The
//! native [`supervisor::Supervisor`] holds only the facade; each
//! capability's calls are module functions taking it first, as the C API's
//! `jg_supervisor_*` functions take the handle (one `#[pymethods]` block
//! per class is all pyo3 allows without a further dependency).

// pyo3's macros expand to unsafe FFI glue; this crate writes none itself.
#![allow(unsafe_code)]

mod calendar;
mod catalog;
mod codes;
mod columns;
mod credit;
mod draw;
mod errors;
mod plugins;
mod results;
mod rfc3797;
mod supervisor;
mod synth;

use pyo3::prelude::*;

use crate::errors::{Failure, Result};

/// Parses JSON text into `T`, naming the path of the field at fault
/// (`[3].registered_on`) and what was being read.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = plain(&e.into_inner().to_string());
        // A code that fails GB 32100 is a `UsccError` wherever it is given.
        let is_code = path.ends_with(".uscc") || path.contains(".conflicts[");
        let made = if is_code {
            Failure::Uscc
        } else {
            Failure::Input
        };
        made(match path.as_str() {
            // At the top: where in the text is what helps.
            "." | "?" => format!("{what}: {inner}"),
            // Deeper: the path says where; the text position is noise.
            _ => {
                let inner = match inner.rfind(" at line ") {
                    Some(at) => &inner[..at],
                    None => inner.as_str(),
                };
                let sep = if path.starts_with('[') { "" } else { "." };
                let who = if is_code { None } else { whose(text, &path) };
                match who {
                    Some(who) => format!("{what}{sep}{path} ({who}): {inner}"),
                    None => format!("{what}{sep}{path}: {inner}"),
                }
            }
        })
    })
}

/// Whose entry of a JSON array is at fault at `path` (`[6].registered_on`):
/// its entity's code, or its `id` (an inspector), for the message; row
/// numbers alone mean little in a large or re-sorted table. Only read
/// when a refusal is being worded.
fn whose(text: &str, path: &str) -> Option<String> {
    let index: usize = path.strip_prefix('[')?.split(']').next()?.parse().ok()?;
    let all: serde_json::Value = serde_json::from_str(text).ok()?;
    let entry = all.as_array()?.get(index)?;
    if let Some(code) = entry.get("uscc").and_then(serde_json::Value::as_str) {
        return Some(code.to_owned());
    }
    let id = entry.get("id").and_then(serde_json::Value::as_str)?;
    Some(format!("id {id}"))
}

/// A serde message in the words of a Python user: Rust's type names
/// (`u32`, `struct Plan`, `a sequence`) are no help from Python.
fn plain(message: &str) -> String {
    let mut out = message.to_owned();
    for (rust, python) in [
        ("u8", "a whole number from 0 to 255"),
        ("u16", "a whole number from 0 to 65535"),
        ("u32", "a whole number from 0 to 4294967295"),
        ("u64", "a whole number from 0 to 2^64-1"),
        ("i32", "a whole number"),
        ("i64", "a whole number"),
        ("f64", "a number"),
        ("usize", "a whole number"),
    ] {
        out = out.replace(&format!("expected {rust}"), &format!("expected {python}"));
    }
    out = out.replace("a sequence", "a list");
    out = out.replace("invalid type: map", "invalid type: dict");
    out = out.replace("invalid type: sequence", "invalid type: list");
    out = out.replace("invalid type: string", "invalid type: text");
    if let Some(at) = out.find("expected struct ") {
        let end = out[at + 16..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(out.len(), |e| at + 16 + e);
        out.replace_range(at..end, "expected a dict");
    }
    out
}

/// JSON text of a value the SDK defines (its types always serialize).
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serializable")
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    supervisor::register(m)?;
    codes::register(m)?;
    catalog::register(m)?;
    credit::register(m)?;
    calendar::register(m)?;
    plugins::register(m)?;
    draw::register(m)?;
    results::register(m)?;
    rfc3797::register(m)?;
    synth::register(m)?;
    Ok(())
}
