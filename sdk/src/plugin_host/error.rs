//! Errors of loading and calling plugins. A load failure reads as one line
//! first (plugin, file, what is wrong, what to do) with details below.

use std::fmt;
use std::path::PathBuf;

/// Why a plugin could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadFailure {
    /// The file could not be opened as a dynamic library (missing, not a
    /// library, corrupt, built for another platform).
    Open,
    /// The library exports no plugin root module.
    NotAPlugin,
    /// The library was built with an incompatible abi_stable.
    IncompatibleAbiStable,
    /// The library was built for a major contract version this host neither
    /// implements nor keeps declarations for (it loads 2.x and 1.x).
    ContractVersion {
        /// The contract version this host implements.
        expected: String,
        /// The version the plugin was built against.
        found: String,
    },
    /// A C plugin built for a C contract version this host cannot serve
    /// (another major, or a newer minor).
    CContractVersion {
        /// The C contract version this host implements.
        expected: String,
        /// The version `jg_plugin_contract_version` returned.
        found: String,
    },
    /// A C plugin whose entry-point table is missing, too small for the
    /// contract, or has a NULL entry.
    CEntryPoints,
    /// The root module's layout differs from this host's declarations of
    /// the contract major it claims.
    Layout {
        /// The contract version the layout was checked against.
        expected: String,
        /// The version the plugin claims.
        found: String,
    },
    /// The plugin's root-module constructor failed or panicked.
    Constructor,
    /// `describe` failed, or returned a description that is not valid.
    Description,
    /// `open` refused the configuration or failed.
    Refused,
    /// Another plugin already serves one of this plugin's industries.
    IndustryTaken {
        /// The industry id.
        industry: String,
        /// The plugin that serves it, and where it came from.
        first: String,
    },
    /// Another plugin already registered the same id.
    DuplicateId {
        /// The id.
        id: String,
        /// Where the first plugin with that id came from.
        first: String,
    },
}

/// A plugin that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginLoadError {
    /// The plugin: its id when known, else the file's stem.
    pub plugin: String,
    /// The file, or `(static)` for a statically linked plugin.
    pub path: PathBuf,
    /// What went wrong.
    pub failure: LoadFailure,
    /// Details (abi_stable's report, the plugin's own message); may be long.
    pub details: String,
}

impl PluginLoadError {
    /// The one-line summary: plugin, file, what is wrong, what to do.
    pub fn summary(&self) -> String {
        let what = match &self.failure {
            LoadFailure::Open => "cannot be opened as a dynamic library; check that the file exists, is complete and was built for this platform".to_string(),
            LoadFailure::NotAPlugin => "is not a jianguan plugin (no root module); remove it from the plugins folder".to_string(),
            LoadFailure::IncompatibleAbiStable => "was built with an incompatible abi_stable; rebuild it against this release of jianguan-plugin".to_string(),
            LoadFailure::ContractVersion { expected, found } => format!(
                "was built for plugin contract {found}, this host implements {expected}; rebuild the plugin against jianguan-plugin {expected}"
            ),
            LoadFailure::CContractVersion { expected, found } => format!(
                "is a C plugin built for C contract {found}, this host implements {expected}; rebuild it against include/jianguan_plugin.h {expected}"
            ),
            LoadFailure::CEntryPoints => "is a C plugin with a broken entry-point table; report it to the plugin's authors".to_string(),
            LoadFailure::Layout { expected, found } => format!(
                "claims plugin contract {found} but its entry points do not match contract {expected}; rebuild it against the published jianguan-plugin {expected}"
            ),
            LoadFailure::Constructor => "failed while constructing its root module; report it to the plugin's authors".to_string(),
            LoadFailure::Description => "declares an invalid description; report it to the plugin's authors".to_string(),
            LoadFailure::Refused => "refused to open with the given configuration; fix the configuration".to_string(),
            LoadFailure::IndustryTaken { industry, first } => format!(
                "serves industry `{industry}`, already served by {first}; keep one plugin per industry"
            ),
            LoadFailure::DuplicateId { id, first } => format!(
                "registers id `{id}`, already registered by {first}; keep one of them in the plugins folder"
            ),
        };
        // Where the kind alone does not say what was wrong, the cause's first
        // line goes in the summary too.
        let cause = match self.failure {
            LoadFailure::Open
            | LoadFailure::Description
            | LoadFailure::Refused
            | LoadFailure::CEntryPoints => {
                let first = self.details.trim().lines().next().unwrap_or("");
                if first.is_empty() {
                    String::new()
                } else {
                    let short: String = first.chars().take(160).collect();
                    format!(" [{short}]")
                }
            }
            _ => String::new(),
        };
        format!(
            "plugin `{}` ({}) {what}{cause}",
            self.plugin,
            self.path.display()
        )
    }
}

impl fmt::Display for PluginLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary())?;
        let details = self.details.trim();
        if !details.is_empty() {
            write!(f, "\n  details:")?;
            for line in details.lines() {
                write!(f, "\n    {line}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for PluginLoadError {}

/// A failed call into a loaded plugin.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PluginCallError {
    /// The facts do not match the plugin's schema; nothing was called.
    #[error("plugin `{plugin}` {operation}: {message}")]
    InvalidFacts {
        /// The plugin's id.
        plugin: String,
        /// `grading`, `duties` or `referral`.
        operation: &'static str,
        /// What is wrong, naming the row and fact.
        message: String,
    },
    /// The plugin returned an error (including a caught panic).
    #[error("plugin `{plugin}` {operation} failed: {error}")]
    Plugin {
        /// The plugin's id.
        plugin: String,
        /// `grading`, `duties` or `referral`.
        operation: &'static str,
        /// The plugin's error value.
        error: jianguan_plugin::PluginError,
    },
    /// The plugin returned a result that breaks the contract (wrong row
    /// count, an unknown grade or citation index); the result is discarded.
    #[error("plugin `{plugin}` {operation} returned an invalid result: {message}")]
    BadResult {
        /// The plugin's id.
        plugin: String,
        /// `grading`, `duties` or `referral`.
        operation: &'static str,
        /// What is wrong.
        message: String,
    },
    /// No loaded plugin has this id or serves this industry.
    #[error("no plugin is loaded for `{0}`")]
    NotLoaded(String),
}

/// Any plugin error, as [`crate::Error::Plugin`] carries it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PluginError {
    /// A plugin could not be loaded.
    #[error(transparent)]
    Load(#[from] Box<PluginLoadError>),
    /// A call into a plugin failed.
    #[error(transparent)]
    Call(#[from] PluginCallError),
    /// The plugins folder could not be read. Remedy: check the path and its
    /// permissions.
    #[error("plugins folder {path}: {message}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The system's message.
        message: String,
    },
}
