//! The native `Supervisor`: the SDK's facade, built once from the options
//! Python gives (cold data as JSON). Its capabilities are the module
//! functions of the files named after them, each taking it first.

use pyo3::prelude::*;
use sdk::supervisor::Supervisor as Inner;
use sdk::supervisor::calendar::WorkCalendar;
use sdk::supervisor::catalog::InMemoryCatalog;
use sdk::supervisor::credit::{CreditProfile, InMemoryCreditLookup};

use crate::errors::Failure;
use crate::{credit, from_json};

/// The supervision system: everything fixed when it is made.
#[derive(Debug)]
#[pyclass(frozen, module = "jianguan._native")]
pub struct Supervisor {
    pub(crate) inner: Inner,
}

#[pymethods]
impl Supervisor {
    /// Builds the facade: plugins loaded now, the catalog, holidays and
    /// credit profiles read from JSON (the defaults where `None`).
    #[new]
    #[pyo3(signature = (*, plugins_dir=None, plugin_configs_json=None, require_all_plugins=false,
                        catalog_json=None, holidays_json=None, credit_scheme="national_2022",
                        credit_profiles_json=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        plugins_dir: Option<std::path::PathBuf>,
        plugin_configs_json: Option<&str>,
        require_all_plugins: bool,
        catalog_json: Option<&str>,
        holidays_json: Option<&str>,
        credit_scheme: &str,
        credit_profiles_json: Option<&str>,
    ) -> PyResult<Self> {
        let mut b = Inner::builder().require_all_plugins(require_all_plugins);
        if let Some(dir) = plugins_dir {
            b = b.plugins_dir(dir);
        }
        if let Some(text) = plugin_configs_json {
            let configs: std::collections::BTreeMap<String, serde_json::Value> =
                from_json("plugin_configs", text)?;
            for (id, config) in configs {
                b = b.plugin_config(id, config);
            }
        }
        if let Some(text) = catalog_json {
            b = b
                .catalog(InMemoryCatalog::from_json_str(text).map_err(|e| Failure::Sdk(e.into()))?);
        }
        if let Some(text) = holidays_json {
            let mut calendar = WorkCalendar::china();
            calendar
                .load_json(text)
                .map_err(|e| Failure::Sdk(e.into()))?;
            b = b.calendar(calendar);
        }
        let scheme = credit::scheme(credit_scheme)?;
        let profiles: Vec<CreditProfile> = match credit_profiles_json {
            Some(text) => from_json("credit_profiles", text)?,
            None => Vec::new(),
        };
        let lookup = InMemoryCreditLookup::from_profiles(scheme, profiles)
            .map_err(|e| Failure::Sdk(e.into()))?;
        b = b.credit(lookup);
        let inner = py.detach(|| b.build()).map_err(Failure::from)?;
        Ok(Supervisor { inner })
    }
}

/// Registers the class.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Supervisor>()
}
