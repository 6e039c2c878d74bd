//! Test fixture: a library whose root-module constructor panics before the
//! host sees any entry point (abi_stable catches it in the loader).

/// The root-module getter, which panics.
pub fn plugin_module() -> jianguan_plugin::PluginModRef {
    panic!("fixture: the root module constructor panicked on purpose")
}

#[cfg(feature = "export")]
jianguan_plugin::__export_root_module!(jianguan_plugin::PluginModRef, plugin_module);
