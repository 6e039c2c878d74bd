//! Contract 1.0, frozen: the root module of `jianguan-plugin` 1.0.0 and the
//! boundary types whose layout contract 2.0 changed, declared again with the
//! same names, fields and representation, so that a host can still load a
//! plugin built against 1.x.
//!
//! A host checks a library whose header reports a 1.x contract against
//! [`PluginModRef`] here (abi_stable compares type names, fields and
//! representations, not module paths), calls it with a [`FactTable`] of
//! this contract, and converts what comes back into the current types. The
//! types 2.0 kept unchanged ([`GradeBatch`], [`DutyBatch`], [`Reason`],
//! [`PluginInstance`]) are shared.
//!
//! **Never edit the declarations below**: the layout check of every 1.x
//! plugin compares against them. Methods and conversions may be added.

// The derives generate unsafe layout code.
#![allow(unsafe_code, non_local_definitions)]
// RResult and DynTrait are checked by abi_stable's own layout checks, which
// rustc's FFI lint does not know about.
#![allow(improper_ctypes_definitions)]

use abi_stable::{
    StableAbi, declare_root_module_statics,
    library::RootModule,
    prefix_type::PrefixTypeTrait,
    sabi_types::VersionStrings,
    std_types::{RResult, RStr, RString, RVec},
};

#[cfg(doc)]
use crate::Reason;
use crate::{DutyBatch, GradeBatch, PluginInstance};

/// The contract version these declarations are (a 1.x plugin of a later
/// minor loads through them too: its extra fields are prefix fields).
pub const CONTRACT_VERSION: &str = "1.0.0";

/// The major part of [`CONTRACT_VERSION`].
pub const CONTRACT_MAJOR: u64 = 1;

/// Contract 1.0's error kind: an exhaustive enum.
#[repr(u8)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluginErrorKind {
    /// As [`crate::PluginErrorKind::InvalidFacts`].
    InvalidFacts,
    /// As [`crate::PluginErrorKind::InvalidConfig`].
    InvalidConfig,
    /// As [`crate::PluginErrorKind::Panicked`].
    Panicked,
    /// As [`crate::PluginErrorKind::Internal`].
    Internal,
}

/// Contract 1.0's error value.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq, Eq)]
pub struct PluginError {
    /// What kind of failure.
    pub kind: PluginErrorKind,
    /// What was wrong.
    pub message: RString,
}

/// Contract 1.0's referral decision: an exhaustive enum.
#[repr(u8)]
#[derive(StableAbi, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReferralDecision {
    /// As [`crate::ReferralDecision::DoNotRefer`].
    DoNotRefer,
    /// As [`crate::ReferralDecision::NeedsTesting`].
    NeedsTesting,
    /// As [`crate::ReferralDecision::Refer`].
    Refer,
}

/// Contract 1.0's assessment of one case.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct ReferralAssessment {
    /// The overall decision.
    pub decision: ReferralDecision,
    /// Each offence considered.
    pub findings: RVec<Finding>,
}

/// Contract 1.0's finding.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct Finding {
    /// The decision for this offence.
    pub decision: ReferralDecision,
    /// The threshold and the facts that decided, with the citation.
    pub reason: crate::Reason,
}

/// Contract 1.0's column values: an exhaustive enum.
#[repr(u8)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub enum ColumnData {
    /// Real numbers.
    Number(RVec<f64>),
    /// Whole numbers.
    Integer(RVec<i64>),
    /// Yes/no facts.
    Flag(RVec<bool>),
    /// Text.
    Text(RVec<RString>),
    /// Dates as days since 1970-01-01.
    Date(RVec<i32>),
}

/// Contract 1.0's named column.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct Column {
    /// The fact's name.
    pub name: RString,
    /// The values.
    pub data: ColumnData,
    /// Which rows have a value; empty means every row does.
    pub present: RVec<bool>,
}

/// Contract 1.0's fact table.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq, Default)]
pub struct FactTable {
    /// Number of rows.
    pub rows: u64,
    /// The columns.
    pub columns: RVec<Column>,
}

/// Contract 1.0's root module.
#[repr(C)]
#[derive(StableAbi)]
#[sabi(kind(Prefix(prefix_ref = PluginModRef)))]
#[sabi(missing_field(option))]
pub struct PluginMod {
    /// The plugin's description as JSON.
    pub describe: extern "C" fn() -> RResult<RString, PluginError>,
    /// Opens an instance with a JSON configuration.
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

impl PluginMod {
    /// Leaks the module into the reference a library exports (for test
    /// fixtures that build a 1.0 plugin).
    pub fn leak(self) -> PluginModRef {
        self.leak_into_prefix()
    }
}

impl std::fmt::Debug for PluginMod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("v1::PluginMod")
    }
}

impl std::fmt::Debug for PluginModRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("v1::PluginModRef")
    }
}

impl From<PluginError> for crate::PluginError {
    /// The same kind by code: the 2.0 codes are the 1.0 discriminants.
    fn from(e: PluginError) -> Self {
        Self {
            kind: crate::PluginErrorKind::from_code(e.kind as u8),
            message: e.message,
        }
    }
}

impl From<ReferralDecision> for crate::ReferralDecision {
    fn from(d: ReferralDecision) -> Self {
        Self::from_code(d as u8)
    }
}

impl From<ReferralAssessment> for crate::ReferralAssessment {
    fn from(a: ReferralAssessment) -> Self {
        Self {
            decision: a.decision.into(),
            findings: a
                .findings
                .into_iter()
                .map(|f| crate::Finding {
                    decision: f.decision.into(),
                    reason: f.reason,
                })
                .collect(),
        }
    }
}

impl TryFrom<&crate::FactTable> for FactTable {
    /// The name of a column whose kind contract 1.0 does not define.
    type Error = String;

    /// Copies a current table into contract 1.0's representation.
    ///
    /// # Errors
    /// The column's name when it holds a kind of values 1.0 does not define
    /// (a 1.0 plugin's schema cannot ask for one).
    fn try_from(table: &crate::FactTable) -> Result<Self, String> {
        let columns = table
            .columns
            .iter()
            .map(|c| {
                let data = match c.values() {
                    Some(crate::ColumnData::Number(v)) => ColumnData::Number(v.clone()),
                    Some(crate::ColumnData::Integer(v)) => ColumnData::Integer(v.clone()),
                    Some(crate::ColumnData::Flag(v)) => ColumnData::Flag(v.clone()),
                    Some(crate::ColumnData::Text(v)) => ColumnData::Text(v.clone()),
                    Some(crate::ColumnData::Date(v)) => ColumnData::Date(v.clone()),
                    None => return Err(c.name.to_string()),
                };
                Ok(Column {
                    name: c.name.clone(),
                    data,
                    present: c.present.clone(),
                })
            })
            .collect::<Result<RVec<_>, _>>()?;
        Ok(Self {
            rows: table.rows,
            columns,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_convert_by_their_1_0_discriminants() {
        let e: crate::PluginError = PluginError {
            kind: PluginErrorKind::InvalidConfig,
            message: "threshold".into(),
        }
        .into();
        assert_eq!(e.kind, crate::PluginErrorKind::InvalidConfig);
        let a: crate::ReferralAssessment = ReferralAssessment {
            decision: ReferralDecision::Refer,
            findings: vec![Finding {
                decision: ReferralDecision::NeedsTesting,
                reason: crate::Reason::new(1, "x"),
            }]
            .into(),
        }
        .into();
        assert_eq!(a.decision, crate::ReferralDecision::Refer);
        assert_eq!(
            a.findings[0].decision,
            crate::ReferralDecision::NeedsTesting
        );
    }

    #[test]
    fn a_current_table_copies_into_a_1_0_table() {
        let t = crate::FactTable::new(2).with(crate::Column {
            present: vec![true, false].into(),
            ..crate::Column::new("d", crate::ColumnData::Date(vec![5, 0].into()))
        });
        let old = FactTable::try_from(&t).unwrap();
        assert_eq!(old.rows, 2);
        assert_eq!(old.columns[0].data, ColumnData::Date(vec![5, 0].into()));
        assert_eq!(old.columns[0].present.as_slice(), &[true, false]);
    }
}
