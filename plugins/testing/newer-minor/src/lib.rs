//! Test fixture: a plugin built for contract 2.1.0, whose root module has an
//! entry point appended after the 2.0 ones. A 2.0 host must load it and use
//! the entry points it knows.

/// The 2.1 root module of the minimal plugin.
pub fn plugin_module() -> jianguan_plugin::fixtures::newer_minor::PluginModRef {
    jianguan_plugin::fixtures::newer_minor::module::<jianguan_plugin::fixtures::Minimal>()
}

#[cfg(feature = "export")]
jianguan_plugin::__export_root_module!(
    jianguan_plugin::fixtures::newer_minor::PluginModRef,
    plugin_module
);
