//! Deliberately incompatible root modules, for the host's tests of loading
//! failures (feature `test-fixtures`). Never use these in a plugin.

// The derives generate unsafe layout code.
#![allow(unsafe_code, missing_debug_implementations)]

use abi_stable::{
    StableAbi, declare_root_module_statics, library::RootModule, prefix_type::PrefixTypeTrait,
    sabi_types::VersionStrings,
};

/// A root module as a future contract 2.0 might declare it.
#[repr(C)]
#[derive(StableAbi)]
#[sabi(kind(Prefix(prefix_ref = FutureContractRef)))]
pub struct FutureContract {
    /// A field the current contract does not have.
    #[sabi(last_prefix_field)]
    pub generation: u32,
}

impl RootModule for FutureContractRef {
    declare_root_module_statics! {FutureContractRef}
    const BASE_NAME: &'static str = "jianguan_plugin";
    const NAME: &'static str = "jianguan plugin";
    const VERSION_STRINGS: VersionStrings = VersionStrings::new("2.0.0");
}

/// Builds the future-contract module.
pub fn future_contract() -> FutureContractRef {
    FutureContract { generation: 2 }.leak_into_prefix()
}

/// A root module that claims the current contract version but has another
/// layout, as a plugin built from a modified copy of the contract would.
#[repr(C)]
#[derive(StableAbi)]
#[sabi(kind(Prefix(prefix_ref = MislaidRef)))]
pub struct Mislaid {
    /// Where the real contract has the `describe` function.
    #[sabi(last_prefix_field)]
    pub describe: u64,
}

impl RootModule for MislaidRef {
    declare_root_module_statics! {MislaidRef}
    const BASE_NAME: &'static str = "jianguan_plugin";
    const NAME: &'static str = "jianguan plugin";
    const VERSION_STRINGS: VersionStrings = VersionStrings::new(crate::CONTRACT_VERSION);
}

/// Builds the mislaid module.
pub fn mislaid() -> MislaidRef {
    Mislaid { describe: 7 }.leak_into_prefix()
}

/// A small valid description for test plugins: one grade pair, one citation,
/// one fact per operation (`value`, a required number).
pub fn minimal_description(id: &str) -> crate::PluginDescription {
    use crate::{Certainty, Citation, FactKind, FactSpec, Grade, Schemas};
    let value = || vec![FactSpec::required("value", FactKind::Number, "any number")];
    crate::PluginDescription {
        id: id.into(),
        name_zh: "测试插件".into(),
        name_en: "test plugin".into(),
        version: "0.0.0".into(),
        industries: Vec::new(),
        rule_sets: Vec::new(),
        citations: vec![Citation {
            title: "测试".into(),
            number: String::new(),
            article: "第一条".into(),
            certainty: Certainty::Solid,
        }],
        grades: vec![
            Grade {
                label: "low".into(),
                description: "low".into(),
            },
            Grade {
                label: "high".into(),
                description: "high".into(),
            },
        ],
        frequencies: Vec::new(),
        items: Vec::new(),
        violations: Vec::new(),
        exemptions: Vec::new(),
        schema: Schemas {
            grading: value(),
            duties: value(),
            referral: value(),
        },
        config: serde_json::Value::Null,
    }
}
