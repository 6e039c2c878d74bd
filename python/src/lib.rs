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
        let inner = e.into_inner().to_string();
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
                format!("{what}{sep}{path}: {inner}")
            }
        })
    })
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
