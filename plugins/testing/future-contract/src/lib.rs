//! Test fixture: a plugin built for contract 3.0.0, which a 2.x host must
//! refuse before running any of its code.

#[cfg(feature = "export")]
jianguan_plugin::__export_root_module!(
    jianguan_plugin::fixtures::FutureContractRef,
    jianguan_plugin::fixtures::future_contract
);
