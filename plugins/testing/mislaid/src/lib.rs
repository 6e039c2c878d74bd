//! Test fixture: a root module that claims the current contract version but
//! has another layout; the host's layout check must refuse it.

#[cfg(feature = "export")]
jianguan_plugin::__export_root_module!(
    jianguan_plugin::fixtures::MislaidRef,
    jianguan_plugin::fixtures::mislaid
);
