//! Deliberately incompatible root modules, for the host's tests of loading
//! failures (feature `test-fixtures`). Never use these in a plugin.

// The derives generate unsafe layout code.
#![allow(unsafe_code, missing_debug_implementations)]

use abi_stable::{
    StableAbi, declare_root_module_statics, library::RootModule, prefix_type::PrefixTypeTrait,
    sabi_types::VersionStrings,
};

/// A root module as a future contract 3.0 might declare it (a major this
/// host neither implements nor keeps declarations for).
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
    const VERSION_STRINGS: VersionStrings = VersionStrings::new("3.0.0");
}

/// Builds the future-contract module. It panics: a host must refuse the
/// library on its version alone, before constructing its root module, and a
/// host that did construct it would report a constructor failure instead.
pub fn future_contract() -> FutureContractRef {
    panic!("fixture: a 2.x host constructed a contract 3.0 root module")
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

/// The root module as contract 2.1.0 might declare it: the 2.0 entry points
/// and one appended after them, which a 2.0 host does not know.
pub mod newer_minor {
    #![allow(improper_ctypes_definitions, non_local_definitions)]

    use abi_stable::{
        StableAbi, declare_root_module_statics,
        library::RootModule,
        prefix_type::PrefixTypeTrait,
        sabi_types::VersionStrings,
        std_types::{RResult, RStr, RString, RVec},
    };

    use crate::{
        DutyBatch, FactTable, GradeBatch, Plugin, PluginError, PluginInstance, ReferralAssessment,
        export,
    };

    /// Same name and fields as [`crate::PluginMod`], plus `notes`.
    #[repr(C)]
    #[derive(StableAbi)]
    #[sabi(kind(Prefix(prefix_ref = PluginModRef)))]
    #[sabi(missing_field(option))]
    pub struct PluginMod {
        /// As in 2.0.
        pub describe: extern "C" fn() -> RResult<RString, PluginError>,
        /// As in 2.0.
        pub open: extern "C" fn(config: RStr<'_>) -> RResult<PluginInstance, PluginError>,
        /// As in 2.0.
        pub grade: extern "C" fn(&PluginInstance, &FactTable) -> RResult<GradeBatch, PluginError>,
        /// As in 2.0.
        pub duties:
            extern "C" fn(&PluginInstance, &FactTable, i32) -> RResult<DutyBatch, PluginError>,
        /// As in 2.0.
        #[sabi(last_prefix_field)]
        pub assess_referral: extern "C" fn(
            &PluginInstance,
            &FactTable,
        )
            -> RResult<RVec<ReferralAssessment>, PluginError>,
        /// The entry point contract 2.1 appends.
        pub notes: extern "C" fn() -> RString,
    }

    impl RootModule for PluginModRef {
        declare_root_module_statics! {PluginModRef}
        const BASE_NAME: &'static str = "jianguan_plugin";
        const NAME: &'static str = "jianguan plugin";
        const VERSION_STRINGS: VersionStrings = VersionStrings::new("2.1.0");
    }

    extern "C" fn notes() -> RString {
        "contract 2.1".into()
    }

    /// The 2.1 module of plugin `P`.
    pub fn module<P: Plugin>() -> PluginModRef {
        PluginMod {
            describe: export::describe::<P>,
            open: export::open::<P>,
            grade: export::grade::<P>,
            duties: export::duties::<P>,
            assess_referral: export::assess_referral::<P>,
            notes,
        }
        .leak_into_prefix()
    }
}

/// A plugin that grades every row `low` with score 0 and has no duties or
/// findings: the smallest valid plugin, for fixtures that vary the module.
/// It serves `food_sales`, so that loading it beside the food plugin tests
/// the host's one-plugin-per-industry rule.
#[derive(Debug)]
pub struct Minimal;

impl crate::Plugin for Minimal {
    type Config = ();

    fn describe() -> crate::PluginDescription {
        let mut d = minimal_description("testing_minimal");
        d.industries.push("food_sales".into());
        d
    }

    fn open(_: ()) -> Result<Self, crate::PluginError> {
        Ok(Self)
    }

    fn grade(&self, facts: &crate::FactTable) -> Result<crate::GradeBatch, crate::PluginError> {
        let mut batch = crate::GradeBatch::with_capacity(facts.len());
        for _ in 0..facts.len() {
            batch.push(0, 0.0, Default::default());
        }
        Ok(batch)
    }

    fn duties(
        &self,
        facts: &crate::FactTable,
        _: i32,
    ) -> Result<crate::DutyBatch, crate::PluginError> {
        Ok(crate::DutyBatch {
            rows: vec![Default::default(); facts.len()].into(),
        })
    }

    fn assess_referral(
        &self,
        facts: &crate::FactTable,
    ) -> Result<Vec<crate::ReferralAssessment>, crate::PluginError> {
        Ok((0..facts.len())
            .map(|_| crate::ReferralAssessment::from_findings(Vec::new()))
            .collect())
    }
}
