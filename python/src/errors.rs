//! The one place where failures become Python exceptions. The classes live
//! in `jianguan/errors.py` (so that they can also subclass `ValueError` and
//! `TypeError`); every exception carries `kind`, a stable snake_case name.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use sdk::plugin_host::{PluginCallError, PluginError};

/// A failure of a binding call, before it is raised in Python.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The SDK refused.
    Sdk(sdk::Error),
    /// An argument has the right type but a wrong value or shape (a missing
    /// column, a malformed JSON document, an out-of-range number).
    Input(String),
    /// A fact table for a plugin that does not fit its schema (a missing,
    /// unknown or mistyped fact); the plugin is not called.
    Facts(String),
    /// A Python exception to re-raise as it is (e.g. `KeyboardInterrupt`
    /// while a frame exports its columns).
    Python(PyErr),
}

impl From<sdk::Error> for Failure {
    fn from(e: sdk::Error) -> Self {
        Failure::Sdk(e)
    }
}

impl From<sdk::sampling::SamplingError> for Failure {
    fn from(e: sdk::sampling::SamplingError) -> Self {
        Failure::Sdk(e.into())
    }
}

pub(crate) type Result<T> = std::result::Result<T, Failure>;

/// The exception class (in `jianguan.errors`) and `kind` of a failure.
fn class_and_kind(f: &Failure) -> (&'static str, String) {
    use sdk::Error as E;
    match f {
        Failure::Input(_) => ("InvalidInputError", "invalid_input".into()),
        Failure::Facts(_) => ("FactsError", "invalid_facts".into()),
        Failure::Python(_) => unreachable!("re-raised as it is"),
        Failure::Sdk(e) => match e {
            E::Uscc(_) => ("UsccError", "invalid_uscc".into()),
            E::Entity(_) => ("InvalidInputError", "invalid_entity".into()),
            E::Credit(_) => ("CreditError", "credit".into()),
            E::Sampling(s) => {
                use sdk::sampling::SamplingError as S;
                match s {
                    S::VerificationFailed { .. } => ("VerificationError", s.kind().into()),
                    // A bad row of a roster: a refused draw and bad input both.
                    S::InvalidRoster { .. }
                    | S::DuplicateEntity { .. }
                    | S::InvalidHistory { .. }
                    | S::InvalidInspector { .. } => ("RosterError", s.kind().into()),
                    _ => ("DrawError", s.kind().into()),
                }
            }
            E::Rfc3797(_) => ("Rfc3797Error", "rfc3797".into()),
            E::Results(_) => ("ResultsError", "results".into()),
            E::Referral(_) => ("ReferralError", "referral".into()),
            E::Calendar(_) => ("CalendarError", "calendar".into()),
            E::Catalog(_) => ("CatalogError", "catalog".into()),
            E::Plugin(p) => match p {
                PluginError::Load(_) | PluginError::Folder { .. } => {
                    ("PluginLoadError", "plugin_load".into())
                }
                PluginError::Call(PluginCallError::NotLoaded(_)) => {
                    ("PluginError", "plugin_not_loaded".into())
                }
                PluginError::Call(PluginCallError::InvalidFacts { .. }) => {
                    ("FactsError", "invalid_facts".into())
                }
                // The plugin's own rules refused a fact: the caller's data,
                // as the C API reports it.
                PluginError::Call(PluginCallError::Plugin { error, .. })
                    if error.kind == sdk::plugin_host::PluginErrorKind::InvalidFacts =>
                {
                    ("FactsError", "invalid_facts".into())
                }
                _ => ("PluginError", "plugin_call".into()),
            },
            _ => ("Error", "error".into()),
        },
    }
}

fn message(f: &Failure) -> String {
    match f {
        Failure::Sdk(e) => e.to_string(),
        Failure::Input(m) | Failure::Facts(m) => m.clone(),
        Failure::Python(e) => e.to_string(),
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        let f = match f {
            Failure::Python(e) => return e,
            other => other,
        };
        let (class, kind) = class_and_kind(&f);
        let text = message(&f);
        Python::attach(|py| {
            let made = (|| -> PyResult<PyErr> {
                let cls = py.import("jianguan.errors")?.getattr(class)?;
                let args = PyTuple::new(py, [text.as_str()])?;
                let exc = cls.call1(args)?;
                exc.setattr("kind", kind.as_str())?;
                Ok(PyErr::from_value(exc))
            })();
            // The package's own module is missing only in a broken install.
            made.unwrap_or_else(|e| {
                PyRuntimeError::new_err(format!("{text} (and jianguan.errors failed: {e})"))
            })
        })
    }
}

/// A Python error raised while reading an argument (e.g. a frame whose
/// `__arrow_c_stream__` failed, or an object that exports no Arrow stream):
/// an ordinary exception becomes an input error naming what was being read,
/// anything else (`KeyboardInterrupt`, `MemoryError`) is re-raised as it is.
pub(crate) fn reading(what: &str, e: PyErr) -> Failure {
    Python::attach(|py| {
        let ordinary = e.is_instance_of::<pyo3::exceptions::PyException>(py)
            && !e.is_instance_of::<pyo3::exceptions::PyMemoryError>(py);
        if ordinary {
            Failure::Input(format!("{what}: {}", e.value(py)))
        } else {
            Failure::Python(e)
        }
    })
}
