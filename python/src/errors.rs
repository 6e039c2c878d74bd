//! The one place where failures become Python exceptions. The classes live
//! in `jianguan/errors.py` (so that they can also subclass `ValueError` and
//! `TypeError`); every exception carries `kind`, a stable snake_case name.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use sdk::ErrorKind;

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
    /// A unified social credit code that is not valid, wherever it is given
    /// (a roster or facts row, a history entry): `UsccError` in Python.
    Uscc(String),
    /// An SDK refusal of this kind, its message reworded here (a row named
    /// by its pandas index label, say).
    Kind(ErrorKind, String),
    /// A Python exception to re-raise as it is (e.g. `KeyboardInterrupt`
    /// while a frame exports its columns).
    Python(PyErr),
}

impl From<sdk::Error> for Failure {
    fn from(e: sdk::Error) -> Self {
        Failure::Sdk(e)
    }
}

impl From<sdk::supervisor::draw::SamplingError> for Failure {
    fn from(e: sdk::supervisor::draw::SamplingError) -> Self {
        Failure::Sdk(e.into())
    }
}

pub(crate) type Result<T> = std::result::Result<T, Failure>;

/// The stable kind of a failure (`docs/errors.md`); `jianguan.errors`
/// maps kinds to exception classes in one place (`CLASS_OF_KIND`).
fn kind(f: &Failure) -> ErrorKind {
    match f {
        Failure::Input(_) => ErrorKind::InvalidInput,
        Failure::Facts(_) => ErrorKind::InvalidFacts,
        Failure::Uscc(_) => ErrorKind::InvalidUscc,
        Failure::Kind(k, _) => *k,
        Failure::Sdk(e) => e.kind(),
        Failure::Python(_) => unreachable!("re-raised as it is"),
    }
}

impl Failure {
    /// The message the exception will carry.
    pub(crate) fn message(&self) -> String {
        match self {
            Failure::Sdk(e) => e.to_string(),
            Failure::Input(m) | Failure::Facts(m) | Failure::Uscc(m) | Failure::Kind(_, m) => {
                m.clone()
            }
            Failure::Python(e) => e.to_string(),
        }
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        let f = match f {
            Failure::Python(e) => return e,
            other => other,
        };
        let kind = kind(&f).as_str();
        let text = f.message();
        Python::attach(|py| {
            let made = (|| -> PyResult<PyErr> {
                let make = py.import("jianguan.errors")?.getattr("from_kind")?;
                let exc = make.call1(PyTuple::new(py, [kind, text.as_str()])?)?;
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

/// Registers `ERROR_KINDS`: the SDK's list of kinds (`sdk::ErrorKind::ALL`),
/// in the order of `docs/errors.md`, so that a test can hold
/// `jianguan.errors.ErrorKind` and `CLASS_OF_KIND` to it.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    m.add("ERROR_KINDS", names)
}
