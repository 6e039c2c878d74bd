//! # jianguan-plugin
//!
//! The contract between the jianguan SDK and its industry plugins, and the
//! only crate a plugin depends on. A plugin is a `cdylib` (also built as an
//! `rlib`, so it can be linked statically and unit-tested without loading)
//! that implements [`Plugin`] and calls [`export_plugin!`] once.
//!
//! - Cold data (the [`PluginDescription`]: identity, rule sets, citations,
//!   items with checklists, violations, exemptions, fact schemas) crosses
//!   once, as JSON.
//! - Hot calls (grading, duties, referral assessment) take a columnar
//!   [`FactTable`] and return columnar results; each result cites the
//!   article it applied by index into the description's citations.
//! - The boundary is an abi_stable prefix type ([`PluginMod`]); the host
//!   checks its layout and the [`CONTRACT_VERSION`] before calling any entry
//!   point. abi_stable is kept behind this crate so that replacing it
//!   touches nothing else.
//! - No panic crosses the boundary: every entry point runs behind
//!   [`export::guard`], which returns a `Panicked` error value instead.
//! - The contract can grow without breaking older plugins: error kinds and
//!   referral decisions are one-byte codes ([`PluginErrorKind`],
//!   [`ReferralDecision`]) rather than exhaustive enums, column data crosses
//!   as a non-exhaustive enum ([`ColumnValues`]), and operations beyond
//!   `describe`, `open` and `grade` have default bodies in [`Plugin`].
//! - [`v1`] keeps contract 1.0's declarations, frozen, so that a host of this
//!   contract still loads plugins built against 1.x.
//! - [`citations!`] declares a plugin's citation table and the index
//!   constants its results cite, once.
//!
//! ```
//! use jianguan_plugin::{Column, ColumnData, FactTable};
//! let facts = FactTable::new(2).with(Column::new("sales_cny", ColumnData::Number(vec![1.0, 2.0].into())));
//! assert_eq!(*facts.numbers("sales_cny")?.required(1, "sales_cny")?, 2.0);
//! # Ok::<(), jianguan_plugin::PluginError>(())
//! ```

pub mod c_abi;
mod citations;
mod date;
mod describe;
pub mod export;
#[cfg(any(test, feature = "test-fixtures"))]
pub mod fixtures;
mod module;
mod results;
mod rows;
mod table;
#[cfg(feature = "test-fixtures")]
pub mod testing;
pub mod v1;

pub use abi_stable::std_types::{RResult, RStr, RString, RVec};
pub use date::{CivilDate, ParseDateError};
pub use describe::{
    Certainty, CheckPoint, Citation, Exemption, FactKind, FactSpec, Frequency, Grade, Item,
    Operation, PenaltyRange, PluginDescription, RuleSet, Schemas, Violation,
};
pub use export::Plugin;
pub use module::{
    CONTRACT_MAJOR, CONTRACT_VERSION, InstanceInterface, PluginInstance, PluginMod, PluginModRef,
};
pub use results::{
    Duty, DutyBatch, Finding, GradeBatch, PluginError, PluginErrorKind, Reason, ReferralAssessment,
    ReferralDecision, decisions,
};
pub use rows::{FactRowsError, facts_from_json_rows, facts_from_text_rows};
pub use table::{Column, ColumnData, ColumnValues, FactTable, Facts};

/// Loader items for the host (`jianguan::plugin_host`) and the export macro.
/// Not part of the contract: they follow abi_stable.
#[doc(hidden)]
pub mod __private {
    #![allow(unsafe_code)]

    use std::path::Path;
    use std::sync::Mutex;

    pub use abi_stable::library::{
        __call_root_module_loader as call_root_module_loader, CheckTypeLayout, LibHeader,
        LibraryError, RootModuleResult,
    };
    use abi_stable::library::{RawLibrary, lib_header_from_raw_library};
    pub use abi_stable::sabi_types::VersionNumber;

    /// Libraries loaded for their headers, kept for the life of the process
    /// (plugins are never unloaded). abi_stable's own `lib_header_from_path`
    /// forgets the library instead, which leaks its path buffer where leak
    /// checkers (valgrind, in the C tests) count it as lost.
    static LOADED: Mutex<Vec<RawLibrary>> = Mutex::new(Vec::new());

    /// Loads the library at `path` and reads abi_stable's root-module header.
    ///
    /// # Errors
    /// abi_stable's `OpenError` when the library cannot be loaded,
    /// `GetSymbolError` when it exports no root module.
    pub fn lib_header_from_path(path: &Path) -> Result<&'static LibHeader, LibraryError> {
        let raw = RawLibrary::load_at(path)?;
        // SAFETY: the header's 'static references point into `raw`, which is
        // kept below and never dropped.
        let header = unsafe { lib_header_from_raw_library(&raw) };
        LOADED.lock().unwrap_or_else(|p| p.into_inner()).push(raw);
        header
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_export_macro_uses_abi_stables_symbol_name() {
        assert_eq!(
            abi_stable::library::ROOT_MODULE_LOADER_NAME,
            "_1as_0lib_1header_0root_bmodule_bloader"
        );
    }
}
