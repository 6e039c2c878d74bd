//! The plugin host (插件宿主): finds, checks, loads and calls industry
//! plugins built against `jianguan-plugin`.
//!
//! - [`PluginHost::load_dir`] loads every dynamic library in a folder; one
//!   bad file never stops the others, and each failure is reported in one
//!   line ([`PluginLoadError::summary`]) with the details below.
//! - Before calling any of a plugin's entry points, the host checks the file's
//!   structure, the library's abi_stable header, its contract version and
//!   the layout of its root module. (Loading the library runs its
//!   initializers, as loading any library does.)
//! - A plugin of the host's contract major
//!   ([`jianguan_plugin::CONTRACT_VERSION`], 2.x) is checked against the
//!   current declarations; a plugin built against contract 1.x is checked
//!   against the frozen 1.0 declarations ([`jianguan_plugin::v1`]) and called
//!   through them, its facts and results converted, so it behaves exactly as
//!   a 2.0 plugin. Any other major is refused before its code runs.
//! - Values a plugin returns in the contract's growable codes (an error
//!   kind, a referral decision) are decoded after the call: a code this
//!   host's contract does not define is a contract violation
//!   ([`PluginCallError::BadResult`] naming the plugin, the row and the code),
//!   never undefined behaviour or a panic.
//! - Each plugin registers under its id; a second plugin with the same id, or
//!   serving an industry another plugin serves, is refused.
//! - Facts are validated against the plugin's schema before every call, and
//!   the plugin's result is checked against its description before it is
//!   returned. A panic in a plugin comes back as an error value.
//! - **Plugins are never unloaded.** A library stays mapped until the process
//!   exits, even when its [`PluginHost`] is dropped: unloading is unsafe once
//!   a library's thread-locals or leaked vtables are in use, which is why
//!   abi_stable leaks libraries on purpose. A library refused after it was
//!   mapped stays mapped too. Loading the same file again reuses the mapped
//!   library.

mod backend;
mod c_plugin;
mod error;
mod loaded;
mod preflight;
mod validate;
mod views;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use c_plugin::{CLoadError, CPlugin};
use jianguan_plugin::__private::{LibraryError, VersionNumber, lib_header_from_path};
use jianguan_plugin::c_abi::C_CONTRACT_VERSION;
use jianguan_plugin::{CONTRACT_MAJOR, CONTRACT_VERSION, PluginModRef, v1};

use backend::Source;
pub use error::{LoadFailure, PluginCallError, PluginError, PluginLoadError};
pub use jianguan_plugin::{
    Citation, Column, ColumnData, FactKind, FactRowsError, FactSpec, FactTable, Operation,
    PluginDescription, PluginErrorKind, facts_from_json_rows, facts_from_text_rows,
};
pub use loaded::LoadedPlugin;
pub use views::{CitedReason, DutyView, Grades, ReferralDecision, ReferralView};

use crate::entity::Industry;

/// Configurations by plugin id, as JSON objects; a plugin with none opens
/// with its defaults.
pub type PluginConfigs = BTreeMap<String, serde_json::Value>;

/// What [`PluginHost::load_dir`] did: the ids loaded and the files refused.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Ids of the plugins loaded, in file-name order.
    pub loaded: Vec<String>,
    /// Files that could not be loaded.
    pub failures: Vec<PluginLoadError>,
    /// Ids in the configurations that no plugin in the folder has (most
    /// likely a typo: that configuration was not applied).
    pub unused_configs: Vec<String>,
}

/// The set of loaded plugins, by id.
#[derive(Debug, Default)]
pub struct PluginHost {
    plugins: Vec<LoadedPlugin>,
    by_id: BTreeMap<String, usize>,
}

impl PluginHost {
    /// A host with no plugins.
    pub fn new() -> Self {
        Self::default()
    }

    /// Loads every dynamic library (`.so`, `.dylib` or `.dll`, as the
    /// platform names them) in `dir`, in file-name order, opening each with
    /// its configuration from `configs` (by id) or its defaults. Other files
    /// are ignored.
    ///
    /// # Errors
    /// Only when the folder itself cannot be read; a file that fails to load
    /// is listed in the report's `failures` and the rest still load.
    pub fn load_dir(&mut self, dir: &Path, configs: &PluginConfigs) -> std::io::Result<LoadReport> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.extension().and_then(|e| e.to_str())
                        == Some(std::env::consts::DLL_EXTENSION)
            })
            .collect();
        files.sort();
        let mut report = LoadReport::default();
        for file in files {
            match self.load_file(&file, configs) {
                Ok(id) => report.loaded.push(id),
                Err(e) => report.failures.push(*e),
            }
        }
        report.unused_configs = configs
            .keys()
            .filter(|id| {
                self.get(id).is_none() && !report.failures.iter().any(|f| &f.plugin == *id)
            })
            .cloned()
            .collect();
        Ok(report)
    }

    /// Loads one plugin library and registers it; returns its id.
    ///
    /// # Errors
    /// A [`PluginLoadError`] saying what was wrong (see [`LoadFailure`]); the
    /// host is unchanged.
    pub fn load_file(
        &mut self,
        path: &Path,
        configs: &PluginConfigs,
    ) -> Result<String, Box<PluginLoadError>> {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().trim_start_matches("lib").to_string())
            .unwrap_or_default();
        let fail = |failure, details: String| {
            Box::new(PluginLoadError {
                plugin: stem.clone(),
                path: path.to_path_buf(),
                failure,
                details,
            })
        };
        if !path.is_file() {
            return Err(fail(LoadFailure::Open, "no such file".into()));
        }
        let source =
            match preflight::check_library_file(path).map_err(|e| fail(LoadFailure::Open, e))? {
                preflight::LibraryKind::C => Source::C(c_plugin(path, &fail)?),
                preflight::LibraryKind::Rust => rust_module(path, &fail)?,
            };
        self.register(source, path, configs).map_err(|mut e| {
            if e.plugin.is_empty() {
                e.plugin = stem.clone();
            }
            e
        })
    }

    /// Registers a plugin linked statically (its crate's `plugin_module()`),
    /// exactly as a loaded one; returns its id.
    ///
    /// # Errors
    /// As [`PluginHost::load_file`], from `describe` onwards.
    pub fn register_static(
        &mut self,
        module: PluginModRef,
        configs: &PluginConfigs,
    ) -> Result<String, Box<PluginLoadError>> {
        self.register(Source::Rust(module), Path::new("(static)"), configs)
    }

    fn register(
        &mut self,
        source: Source,
        path: &Path,
        configs: &PluginConfigs,
    ) -> Result<String, Box<PluginLoadError>> {
        // Checked before the plugin is opened, so a refused plugin never
        // builds (or drops) an instance.
        let conflict = |d: &PluginDescription| self.conflict(d);
        let plugin = LoadedPlugin::open(source, path, configs, &conflict)?;
        let id = plugin.id().to_string();
        self.by_id.insert(id.clone(), self.plugins.len());
        self.plugins.push(plugin);
        Ok(id)
    }

    /// Whether a plugin with this description would clash with one already
    /// registered: the same id, or an industry another plugin serves.
    fn conflict(&self, d: &PluginDescription) -> Option<LoadFailure> {
        if let Some(&first) = self.by_id.get(&d.id) {
            return Some(LoadFailure::DuplicateId {
                id: d.id.clone(),
                first: self.plugins[first].origin().display().to_string(),
            });
        }
        d.industries.iter().find_map(|industry| {
            self.plugins
                .iter()
                .find(|p| p.description().industries.contains(industry))
                .map(|p| LoadFailure::IndustryTaken {
                    industry: industry.clone(),
                    first: format!("`{}` ({})", p.id(), p.origin().display()),
                })
        })
    }

    /// The plugin registered under `id`.
    pub fn get(&self, id: &str) -> Option<&LoadedPlugin> {
        self.by_id.get(id).map(|&i| &self.plugins[i])
    }

    /// The plugin registered under `id`.
    ///
    /// # Errors
    /// [`PluginCallError::NotLoaded`] when none is.
    pub fn plugin(&self, id: &str) -> Result<&LoadedPlugin, PluginCallError> {
        self.get(id)
            .ok_or_else(|| PluginCallError::NotLoaded(id.to_string()))
    }

    /// The plugin that grades entities of `industry`, if one is loaded (at
    /// most one can be: a second plugin serving the same industry is refused
    /// at load).
    pub fn for_industry(&self, industry: Industry) -> Option<&LoadedPlugin> {
        self.plugins.iter().find(|p| {
            p.description()
                .industries
                .iter()
                .any(|i| i == industry.id())
        })
    }

    /// The loaded plugins, in load order.
    pub fn plugins(&self) -> impl Iterator<Item = &LoadedPlugin> {
        self.plugins.iter()
    }

    /// Number of loaded plugins.
    pub fn len(&self) -> usize {
        self.plugins.len()
    }

    /// Whether no plugin is loaded.
    pub fn is_empty(&self) -> bool {
        self.plugins.is_empty()
    }
}

/// Builds a load failure for the file at hand.
type Fail<'a> = dyn Fn(LoadFailure, String) -> Box<PluginLoadError> + 'a;

/// Maps a C plugin and checks its version and table
/// (include/jianguan_plugin.h).
fn c_plugin(path: &Path, fail: &Fail<'_>) -> Result<CPlugin, Box<PluginLoadError>> {
    CPlugin::load(path).map_err(|e| match e {
        CLoadError::ContractVersion { found } => fail(
            LoadFailure::CContractVersion {
                expected: C_CONTRACT_VERSION.into(),
                found,
            },
            String::new(),
        ),
        CLoadError::Table(m) => fail(LoadFailure::CEntryPoints, m),
        other => fail(LoadFailure::Open, other.to_string()),
    })
}

/// Maps a Rust plugin and checks its contract version and root-module
/// layout (abi_stable): a plugin of this host's major against the current
/// declarations, a plugin of contract 1.x against the frozen 1.0 ones
/// ([`jianguan_plugin::v1`]), anything else refused before its root module is
/// constructed.
fn rust_module(path: &Path, fail: &Fail<'_>) -> Result<Source, Box<PluginLoadError>> {
    // Every symbol resolved now: a library with an undefined symbol is
    // refused here instead of killing the process at its first call.
    c_plugin::map_now(path).map_err(|e| fail(LoadFailure::Open, e))?;
    let header = lib_header_from_path(path).map_err(|e| match e {
        LibraryError::OpenError { .. } => fail(LoadFailure::Open, e.to_string()),
        LibraryError::GetSymbolError { .. } => fail(LoadFailure::NotAPlugin, e.to_string()),
        other => fail(LoadFailure::IncompatibleAbiStable, other.to_string()),
    })?;
    let found = header.version_strings();
    let found_text = found.version.to_string();
    let layout = |expected: &str, e: LibraryError| match e {
        LibraryError::AbiInstability(_) => fail(
            LoadFailure::Layout {
                expected: expected.into(),
                found: found_text.clone(),
            },
            e.to_string(),
        ),
        other => fail(LoadFailure::Constructor, other.to_string()),
    };
    // Our own version rule rather than abi_stable's: any plugin of a major
    // this host declares loads, older minors included (their missing fields
    // are optional prefix fields).
    match VersionNumber::new(found).map(|v| u64::from(v.major)) {
        Ok(CONTRACT_MAJOR) => header
            .check_layout::<PluginModRef>()
            .map(Source::Rust)
            .map_err(|e| layout(CONTRACT_VERSION, e)),
        Ok(v1::CONTRACT_MAJOR) => header
            .check_layout::<v1::PluginModRef>()
            .map(Source::RustV1)
            .map_err(|e| layout(v1::CONTRACT_VERSION, e)),
        _ => Err(fail(
            LoadFailure::ContractVersion {
                expected: CONTRACT_VERSION.into(),
                found: found_text.clone(),
            },
            String::new(),
        )),
    }
}
