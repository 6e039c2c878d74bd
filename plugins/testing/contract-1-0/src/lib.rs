//! Test fixture: a plugin built against plugin contract 1.0.0. Its root
//! module and every value it exchanges are contract 1.0's declarations
//! (`jianguan_plugin::v1`, layout-identical to the 1.0.0 release): exhaustive
//! enums for the error kind, the referral decision and the column data. Its
//! entry points are written directly against them, as a 1.0 plugin's were,
//! without the current `Plugin` trait. A 2.x host must load it and get the
//! results below.
//!
//! The rule, on one required number `value` per row, with a configured
//! `threshold` (default 10):
//! - grading: `high` (citation 0) when `value ≥ threshold`, else `low`;
//!   the score is the value; a negative value is an `InvalidFacts` error;
//! - duties: one `report` duty per row, due `value` days after the as-of
//!   date (citation 0);
//! - referral: `Refer` at twice the threshold, `NeedsTesting` at the
//!   threshold, else `DoNotRefer`; one finding citing citation 1.

// The extern "C" entry points exchange abi_stable types, checked by its
// layout checks rather than rustc's FFI lint.
#![allow(improper_ctypes_definitions)]

use jianguan_plugin::v1::{
    ColumnData, FactTable, Finding, PluginError, PluginErrorKind, PluginMod, PluginModRef,
    ReferralAssessment, ReferralDecision,
};
use jianguan_plugin::{
    Citation, Duty, DutyBatch, GradeBatch, PluginInstance, RResult, RStr, RString, RVec, Reason,
};

/// The plugin's open state.
#[derive(Debug)]
struct Thresholds {
    threshold: f64,
}

fn error(kind: PluginErrorKind, message: String) -> PluginError {
    PluginError {
        kind,
        message: message.into(),
    }
}

extern "C" fn describe() -> RResult<RString, PluginError> {
    let mut d = jianguan_plugin::fixtures::minimal_description("testing_contract_1_0");
    d.name_en = "contract 1.0 plugin".into();
    d.citations.push(Citation {
        article: "第二条".into(),
        ..d.citations[0].clone()
    });
    d.config = serde_json::json!({ "threshold": 10.0 });
    serde_json::to_string(&d)
        .map(RString::from)
        .map_err(|e| error(PluginErrorKind::Internal, format!("description: {e}")))
        .into()
}

extern "C" fn open(config: RStr<'_>) -> RResult<PluginInstance, PluginError> {
    let text = config.as_str().trim();
    let threshold = if text.is_empty() {
        Ok(10.0)
    } else {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("threshold").and_then(serde_json::Value::as_f64))
            .filter(|t| *t > 0.0)
            .ok_or_else(|| {
                error(
                    PluginErrorKind::InvalidConfig,
                    format!("configuration {text}: expected {{\"threshold\": a positive number}}"),
                )
            })
    };
    threshold
        .map(|threshold| PluginInstance::from_value(Thresholds { threshold }))
        .into()
}

/// The threshold and the `value` column, each row checked non-negative.
fn read<'a>(this: &PluginInstance, facts: &'a FactTable) -> Result<(f64, &'a [f64]), PluginError> {
    let state = this
        .downcast_as::<Thresholds>()
        .map_err(|_| error(PluginErrorKind::Internal, "foreign instance".into()))?;
    let values = facts
        .columns
        .iter()
        .find(|c| c.name.as_str() == "value")
        .and_then(|c| match &c.data {
            ColumnData::Number(v) => Some(v.as_slice()),
            _ => None,
        })
        .ok_or_else(|| {
            error(
                PluginErrorKind::InvalidFacts,
                "fact `value` is missing".into(),
            )
        })?;
    if let Some(row) = values.iter().position(|v| *v < 0.0) {
        return Err(error(
            PluginErrorKind::InvalidFacts,
            format!("row {row}: value {} is negative", values[row]),
        ));
    }
    Ok((state.threshold, values))
}

extern "C" fn grade(this: &PluginInstance, facts: &FactTable) -> RResult<GradeBatch, PluginError> {
    read(this, facts)
        .map(|(threshold, values)| {
            let mut batch = GradeBatch::with_capacity(values.len());
            for &v in values {
                let high = v >= threshold;
                let reasons: RVec<Reason> = if high {
                    vec![Reason::new(0, format!("value {v} ≥ threshold {threshold}"))].into()
                } else {
                    RVec::new()
                };
                batch.push(u32::from(high), v, reasons);
            }
            batch
        })
        .into()
}

extern "C" fn duties(
    this: &PluginInstance,
    facts: &FactTable,
    as_of: i32,
) -> RResult<DutyBatch, PluginError> {
    read(this, facts)
        .map(|(_, values)| DutyBatch {
            rows: values
                .iter()
                .map(|&v| {
                    let duty = Duty {
                        code: "report".into(),
                        due: as_of + v as i32,
                        overdue: false,
                        reason: Reason::new(0, format!("report within {v} days")),
                    };
                    RVec::from(vec![duty])
                })
                .collect(),
        })
        .into()
}

extern "C" fn assess_referral(
    this: &PluginInstance,
    facts: &FactTable,
) -> RResult<RVec<ReferralAssessment>, PluginError> {
    read(this, facts)
        .map(|(threshold, values)| {
            values
                .iter()
                .map(|&v| {
                    let decision = if v >= 2.0 * threshold {
                        ReferralDecision::Refer
                    } else if v >= threshold {
                        ReferralDecision::NeedsTesting
                    } else {
                        ReferralDecision::DoNotRefer
                    };
                    let finding = Finding {
                        decision,
                        reason: Reason::new(1, format!("value {v} against threshold {threshold}")),
                    };
                    ReferralAssessment {
                        decision,
                        findings: vec![finding].into(),
                    }
                })
                .collect()
        })
        .into()
}

/// The contract 1.0 root module of this plugin.
pub fn plugin_module() -> PluginModRef {
    static MODULE: std::sync::OnceLock<PluginModRef> = std::sync::OnceLock::new();
    *MODULE.get_or_init(|| {
        PluginMod {
            describe,
            open,
            grade,
            duties,
            assess_referral,
        }
        .leak()
    })
}

#[cfg(feature = "export")]
jianguan_plugin::__export_root_module!(jianguan_plugin::v1::PluginModRef, plugin_module);
