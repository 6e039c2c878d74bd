//! The root module every plugin exports: an abi_stable prefix type, so that
//! fields appended in a later minor contract version are optional to older
//! plugins and a newer host can still load them.

// The derives below generate unsafe layout code.
#![allow(unsafe_code, non_local_definitions)]
// DynTrait and RResult are checked by abi_stable's own layout checks, which
// rustc's FFI lint does not know about.
#![allow(improper_ctypes_definitions)]

use abi_stable::{
    DynTrait, StableAbi, declare_root_module_statics,
    library::RootModule,
    sabi_types::VersionStrings,
    std_types::{RBox, RResult, RStr, RString, RVec},
};

use crate::{DutyBatch, FactTable, GradeBatch, PluginError, ReferralAssessment};

/// The plugin contract version: major.minor.patch of the boundary itself,
/// independent of the SDK's and of each plugin's version. A host loads a
/// plugin whose major equals its own; fields added in a later minor are
/// optional prefix fields. A host also loads plugins of the majors it keeps
/// declarations for ([`crate::v1`]).
///
/// 2.0.0: the error kind and referral decision became one-byte codes and
/// the column data a non-exhaustive enum, so that later minors can add
/// values. That changes the boundary's layout, which a 1.x host's layout
/// check refuses, hence a new major; this host still loads 1.x plugins.
pub const CONTRACT_VERSION: &str = "2.0.0";

/// The major part of [`CONTRACT_VERSION`].
pub const CONTRACT_MAJOR: u64 = 2;

/// Marks what the erased plugin instance must be: `Send` and `Sync`, since a
/// host calls one instance from several threads.
#[repr(C)]
#[derive(StableAbi, Debug)]
#[sabi(impl_InterfaceType(Send, Sync))]
pub struct InstanceInterface;

/// An open plugin instance (its state, built from a configuration), erased
/// behind an ABI-stable box. Only the plugin that made it can look inside.
pub type PluginInstance = DynTrait<'static, RBox<()>, InstanceInterface>;

/// The plugin's root module: its entry points.
///
/// Every entry point returns an error value instead of unwinding: the
/// [`export_plugin!`](crate::export_plugin) macro catches panics.
#[repr(C)]
#[derive(StableAbi)]
#[sabi(kind(Prefix(prefix_ref = PluginModRef)))]
// A field appended in a later minor reads as `None` from an older plugin.
#[sabi(missing_field(option))]
pub struct PluginMod {
    /// The plugin's [`crate::PluginDescription`] as JSON.
    pub describe: extern "C" fn() -> RResult<RString, PluginError>,
    /// Opens an instance with a JSON configuration (empty: the defaults).
    pub open: extern "C" fn(config: RStr<'_>) -> RResult<PluginInstance, PluginError>,
    /// Grades a batch of entities.
    pub grade: extern "C" fn(&PluginInstance, &FactTable) -> RResult<GradeBatch, PluginError>,
    /// Computes due-date duties as of a date (days since 1970-01-01).
    pub duties: extern "C" fn(&PluginInstance, &FactTable, i32) -> RResult<DutyBatch, PluginError>,
    /// Assesses cases for criminal referral.
    #[sabi(last_prefix_field)]
    pub assess_referral: extern "C" fn(
        &PluginInstance,
        &FactTable,
    ) -> RResult<RVec<ReferralAssessment>, PluginError>,
}

impl RootModule for PluginModRef {
    declare_root_module_statics! {PluginModRef}
    const BASE_NAME: &'static str = "jianguan_plugin";
    const NAME: &'static str = "jianguan plugin";
    const VERSION_STRINGS: VersionStrings = VersionStrings::new(CONTRACT_VERSION);
}

impl std::fmt::Debug for PluginMod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PluginMod")
    }
}

impl std::fmt::Debug for PluginModRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PluginModRef")
    }
}
