//! How a host assembles a [`Supervisor`].

use std::path::PathBuf;

use jianguan_plugin::PluginModRef;

use super::Supervisor;
use crate::Error;
use crate::calendar::WorkCalendar;
use crate::catalog::{InMemoryCatalog, ItemCatalog};
use crate::credit::{CreditLookup, CreditScheme, InMemoryCreditLookup};
use crate::plugin_host::{LoadReport, PluginConfigs, PluginError, PluginHost};

/// Builds a [`Supervisor`]; every part has a default.
#[derive(Default)]
pub struct SupervisorBuilder {
    plugins_dir: Option<PathBuf>,
    plugin_configs: PluginConfigs,
    require_all_plugins: bool,
    static_plugins: Vec<PluginModRef>,
    catalog: Option<Box<dyn ItemCatalog + Send + Sync>>,
    credit: Option<Box<dyn CreditLookup + Send + Sync>>,
    calendar: Option<WorkCalendar>,
}

impl std::fmt::Debug for SupervisorBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SupervisorBuilder")
            .field("plugins_dir", &self.plugins_dir)
            .field("plugin_configs", &self.plugin_configs)
            .field("require_all_plugins", &self.require_all_plugins)
            .field("static_plugins", &self.static_plugins.len())
            .field("catalog", &self.catalog.is_some())
            .field("credit", &self.credit.is_some())
            .field("calendar", &self.calendar.is_some())
            .finish()
    }
}

impl SupervisorBuilder {
    /// Loads every plugin library (Rust or C) in `dir` at build time.
    pub fn plugins_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.plugins_dir = Some(dir.into());
        self
    }

    /// The configuration (a JSON object) plugin `id` opens with; others open
    /// with their defaults.
    pub fn plugin_config(mut self, id: impl Into<String>, config: serde_json::Value) -> Self {
        self.plugin_configs.insert(id.into(), config);
        self
    }

    /// Whether a file in the plugins folder that fails to load fails the
    /// build (`true`), or is only listed in [`Supervisor::load_report`]
    /// (`false`, the default: one bad file does not stop the others).
    pub fn require_all_plugins(mut self, require: bool) -> Self {
        self.require_all_plugins = require;
        self
    }

    /// Registers a plugin linked into the host (its crate's
    /// `plugin_module()`), exactly as a loaded one.
    pub fn static_plugin(mut self, module: PluginModRef) -> Self {
        self.static_plugins.push(module);
        self
    }

    /// The item catalog, in place of the Pingdu default
    /// ([`InMemoryCatalog::pingdu_default`]).
    pub fn catalog(mut self, catalog: impl ItemCatalog + Send + Sync + 'static) -> Self {
        self.catalog = Some(Box::new(catalog));
        self
    }

    /// The credit source, in place of an empty in-memory one under the
    /// national 2022 scheme. A host answers from its own database here.
    pub fn credit(mut self, credit: impl CreditLookup + Send + Sync + 'static) -> Self {
        self.credit = Some(Box::new(credit));
        self
    }

    /// The credit source, already boxed (as the bindings hold it).
    pub fn credit_boxed(mut self, credit: Box<dyn CreditLookup + Send + Sync>) -> Self {
        self.credit = Some(credit);
        self
    }

    /// The working-day calendar, in place of [`WorkCalendar::china`].
    pub fn calendar(mut self, calendar: WorkCalendar) -> Self {
        self.calendar = Some(calendar);
        self
    }

    /// Loads the plugins and assembles the supervisor.
    ///
    /// # Errors
    /// [`Error::Plugin`]: [`PluginError::Folder`] when the plugins folder
    /// cannot be read; [`PluginError::Load`] when a static plugin is refused,
    /// or (with [`require_all_plugins`](Self::require_all_plugins)) for the
    /// first file in the folder that fails to load.
    pub fn build(self) -> Result<Supervisor, Error> {
        let mut plugins = PluginHost::new();
        for module in self.static_plugins {
            plugins
                .register_static(module, &self.plugin_configs)
                .map_err(|e| Error::Plugin(PluginError::Load(e)))?;
        }
        let load_report = match &self.plugins_dir {
            None => LoadReport::default(),
            Some(dir) => plugins.load_dir(dir, &self.plugin_configs).map_err(|e| {
                Error::Plugin(PluginError::Folder {
                    path: dir.clone(),
                    message: e.to_string(),
                })
            })?,
        };
        if let (true, Some(first)) = (self.require_all_plugins, load_report.failures.first()) {
            return Err(Error::Plugin(PluginError::Load(Box::new(first.clone()))));
        }
        Ok(Supervisor {
            catalog: self
                .catalog
                .unwrap_or_else(|| Box::new(InMemoryCatalog::pingdu_default())),
            credit: self.credit.unwrap_or_else(|| {
                Box::new(InMemoryCreditLookup::new(CreditScheme::national_2022()))
            }),
            calendar: self.calendar.unwrap_or_else(WorkCalendar::china),
            plugins,
            load_report,
        })
    }
}
