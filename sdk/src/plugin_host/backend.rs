//! The three kinds of library the host can open, behind one interface:
//! a Rust plugin of the current contract, a Rust plugin of contract 1.x
//! (called through the frozen [`jianguan_plugin::v1`] declarations, its
//! tables and results converted), and a C plugin. Everything above
//! (validation, result checks, views) is shared.

use jianguan_plugin::{
    DutyBatch, FactTable, GradeBatch, PluginError, PluginInstance, PluginModRef, RStr,
    ReferralAssessment, v1,
};

use super::c_plugin::{CCallError, CInstance, CPlugin};

/// A library the host can open.
pub(super) enum Source {
    /// A Rust plugin's root module, of this host's contract major.
    Rust(PluginModRef),
    /// A Rust plugin's root module of contract 1.x.
    RustV1(v1::PluginModRef),
    /// A C plugin's checked entry-point table.
    C(CPlugin),
}

/// An open plugin.
pub(super) enum Backend {
    Rust {
        module: PluginModRef,
        instance: PluginInstance,
    },
    RustV1 {
        module: v1::PluginModRef,
        instance: PluginInstance,
    },
    C(CInstance),
}

impl Source {
    /// The description JSON.
    pub(super) fn describe(&self) -> Result<String, PluginError> {
        match self {
            Source::Rust(module) => (module.describe())().into_result().map(|s| s.into_string()),
            Source::RustV1(module) => (module.describe())()
                .into_result()
                .map(|s| s.into_string())
                .map_err(PluginError::from),
            Source::C(c) => c.describe(),
        }
    }

    /// Opens an instance with a JSON configuration (`""`: the defaults).
    pub(super) fn open(self, config: &str) -> Result<Backend, PluginError> {
        let config_text = RStr::from_str(config);
        match self {
            Source::Rust(module) => (module.open())(config_text)
                .into_result()
                .map(|instance| Backend::Rust { module, instance }),
            Source::RustV1(module) => (module.open())(config_text)
                .into_result()
                .map(|instance| Backend::RustV1 { module, instance })
                .map_err(PluginError::from),
            Source::C(c) => c.open(config).map(Backend::C),
        }
    }
}

/// `facts` in contract 1.0's representation. The host validated them against
/// the plugin's schema, which cannot name a kind of values 1.0 lacks, so the
/// error is for a caller that skipped validation.
fn v1_table(facts: &FactTable) -> Result<v1::FactTable, CCallError> {
    v1::FactTable::try_from(facts).map_err(|name| {
        CCallError::Plugin(PluginError::invalid_facts(format!(
            "fact `{name}` holds values of a kind plugin contract 1.0 does not define"
        )))
    })
}

impl Backend {
    pub(super) fn grade(&self, facts: &FactTable) -> Result<GradeBatch, CCallError> {
        match self {
            Backend::Rust { module, instance } => (module.grade())(instance, facts)
                .into_result()
                .map_err(CCallError::Plugin),
            Backend::RustV1 { module, instance } => (module.grade())(instance, &v1_table(facts)?)
                .into_result()
                .map_err(|e| CCallError::Plugin(e.into())),
            Backend::C(c) => c.grade(facts),
        }
    }

    pub(super) fn duties(&self, facts: &FactTable, days: i32) -> Result<DutyBatch, CCallError> {
        match self {
            Backend::Rust { module, instance } => (module.duties())(instance, facts, days)
                .into_result()
                .map_err(CCallError::Plugin),
            Backend::RustV1 { module, instance } => {
                (module.duties())(instance, &v1_table(facts)?, days)
                    .into_result()
                    .map_err(|e| CCallError::Plugin(e.into()))
            }
            Backend::C(c) => c.duties(facts, days),
        }
    }

    pub(super) fn assess_referral(
        &self,
        facts: &FactTable,
    ) -> Result<Vec<ReferralAssessment>, CCallError> {
        match self {
            Backend::Rust { module, instance } => (module.assess_referral())(instance, facts)
                .into_result()
                .map(|v| v.into_vec())
                .map_err(CCallError::Plugin),
            Backend::RustV1 { module, instance } => {
                (module.assess_referral())(instance, &v1_table(facts)?)
                    .into_result()
                    .map(|v| v.into_iter().map(ReferralAssessment::from).collect())
                    .map_err(|e| CCallError::Plugin(e.into()))
            }
            Backend::C(c) => c.assess_referral(facts),
        }
    }
}
