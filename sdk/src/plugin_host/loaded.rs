//! One loaded plugin: its description, its open instance, and the checked
//! calls into it.

use std::path::{Path, PathBuf};

use jianguan_plugin::{
    CONTRACT_VERSION, CivilDate, DutyBatch, Exemption, FactSpec, FactTable, GradeBatch, Operation,
    PluginDescription, ReferralAssessment,
};

use super::PluginConfigs;
use super::backend::{Backend, Source};
use super::c_plugin::CCallError;
use super::error::{LoadFailure, PluginCallError, PluginLoadError};
use super::validate::validate_facts;
use super::views::{CitedReason, DutyView, Grades, ReferralDecision, ReferralView};
use crate::NaiveDate;

/// A plugin the host has loaded, checked and opened.
pub struct LoadedPlugin {
    backend: Backend,
    description: PluginDescription,
    origin: PathBuf,
}

impl std::fmt::Debug for LoadedPlugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedPlugin")
            .field("id", &self.description.id)
            .field("version", &self.description.version)
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

impl LoadedPlugin {
    /// Describes, checks and opens a plugin. `conflict` is asked, after the
    /// description is checked and before the plugin is opened, whether the
    /// host already has a plugin with this id or serving these industries.
    pub(super) fn open(
        source: Source,
        origin: &Path,
        configs: &PluginConfigs,
        conflict: &dyn Fn(&PluginDescription) -> Option<LoadFailure>,
    ) -> Result<Self, Box<PluginLoadError>> {
        let fail = |plugin: &str, failure, details: String| {
            Box::new(PluginLoadError {
                plugin: plugin.to_string(),
                path: origin.to_path_buf(),
                failure,
                details,
            })
        };
        let json = source
            .describe()
            .map_err(|e| fail("", LoadFailure::Description, e.to_string()))?;
        let description: PluginDescription = serde_json::from_str(&json).map_err(|e| {
            fail(
                "",
                LoadFailure::Description,
                format!("description JSON: {e}"),
            )
        })?;
        check_description(&description)
            .map_err(|e| fail(&description.id, LoadFailure::Description, e))?;
        if let Some(failure) = conflict(&description) {
            return Err(fail(&description.id, failure, String::new()));
        }
        let config = configs
            .get(&description.id)
            .map(|c| c.to_string())
            .unwrap_or_default();
        let backend = source
            .open(&config)
            .map_err(|e| fail(&description.id, LoadFailure::Refused, e.to_string()))?;
        Ok(Self {
            backend,
            description,
            origin: origin.to_path_buf(),
        })
    }

    /// The plugin's id.
    pub fn id(&self) -> &str {
        &self.description.id
    }

    /// Everything the plugin declared, with the configuration defaults.
    pub fn description(&self) -> &PluginDescription {
        &self.description
    }

    /// The file it was loaded from, or `(static)`.
    pub fn origin(&self) -> &Path {
        &self.origin
    }

    /// The schema of an operation.
    pub fn schema(&self, operation: Operation) -> &[FactSpec] {
        self.description.schema.get(operation)
    }

    /// The exemptions (免罚清单 entries) that apply to a violation code.
    pub fn exemptions_for<'a>(&'a self, violation: &'a str) -> impl Iterator<Item = &'a Exemption> {
        self.description
            .exemptions
            .iter()
            .filter(move |e| e.violation == violation)
    }

    /// Checks `facts` against the operation's schema without calling the plugin.
    ///
    /// # Errors
    /// [`PluginCallError::InvalidFacts`] naming the row and fact.
    pub fn validate(&self, operation: Operation, facts: &FactTable) -> Result<(), PluginCallError> {
        validate_facts(facts, self.schema(operation)).map_err(|message| {
            PluginCallError::InvalidFacts {
                plugin: self.id().to_string(),
                operation: operation.name(),
                message,
            }
        })
    }

    fn call_error(&self, operation: Operation, error: CCallError) -> PluginCallError {
        match error {
            // A kind from a later contract: the host cannot say what failed.
            CCallError::Plugin(error) if !error.kind.is_known() => self.bad_result(
                operation,
                format!(
                    "an error of kind {}, which plugin contract {CONTRACT_VERSION} does not define: {}",
                    error.kind.code(),
                    error.message
                ),
            ),
            CCallError::Plugin(error) => PluginCallError::Plugin {
                plugin: self.id().to_string(),
                operation: operation.name(),
                error,
            },
            CCallError::BadResult(message) => self.bad_result(operation, message),
        }
    }

    fn bad_result(&self, operation: Operation, message: String) -> PluginCallError {
        PluginCallError::BadResult {
            plugin: self.id().to_string(),
            operation: operation.name(),
            message,
        }
    }

    /// Grades a batch (one row per entity) after validating it.
    ///
    /// # Errors
    /// `InvalidFacts` before the call, `Plugin` when the plugin fails or
    /// panics, `BadResult` when its result breaks the contract.
    pub fn grade(&self, facts: &FactTable) -> Result<Grades<'_>, PluginCallError> {
        let op = Operation::Grading;
        self.validate(op, facts)?;
        let batch = self
            .backend
            .grade(facts)
            .map_err(|e| self.call_error(op, e))?;
        self.check_grades(&batch, facts.len())
            .map_err(|m| self.bad_result(op, m))?;
        Ok(Grades {
            plugin: self,
            batch,
        })
    }

    fn check_grades(&self, batch: &GradeBatch, rows: usize) -> Result<(), String> {
        if batch.grades.len() != rows || batch.scores.len() != rows || batch.reasons.len() != rows {
            return Err(format!(
                "{} grades, {} scores and {} reason lists for {rows} rows",
                batch.grades.len(),
                batch.scores.len(),
                batch.reasons.len()
            ));
        }
        if let Some(row) = batch.scores.iter().position(|s| !s.is_finite()) {
            return Err(format!(
                "row {row}: score {} is not a finite number",
                batch.scores[row]
            ));
        }
        let grades = self.description.grades.len() as u32;
        if let Some(row) = batch.grades.iter().position(|&g| g >= grades) {
            return Err(format!(
                "row {row}: grade index {} of {grades} grades",
                batch.grades[row]
            ));
        }
        for (row, reasons) in batch.reasons.iter().enumerate() {
            self.check_citations(reasons.iter().map(|r| r.citation), row)?;
        }
        Ok(())
    }

    fn check_citations(
        &self,
        indices: impl Iterator<Item = u32>,
        row: usize,
    ) -> Result<(), String> {
        let n = self.description.citations.len() as u32;
        for i in indices {
            if i >= n {
                return Err(format!("row {row}: citation index {i} of {n} citations"));
            }
        }
        Ok(())
    }

    /// The due-date duties of each row as of `as_of`, after validation.
    ///
    /// # Errors
    /// As [`LoadedPlugin::grade`].
    pub fn duties(
        &self,
        facts: &FactTable,
        as_of: NaiveDate,
    ) -> Result<Vec<Vec<DutyView<'_>>>, PluginCallError> {
        let op = Operation::Duties;
        self.validate(op, facts)?;
        let days = days_since_epoch(as_of);
        let batch: DutyBatch = self
            .backend
            .duties(facts, days)
            .map_err(|e| self.call_error(op, e))?;
        if batch.rows.len() != facts.len() {
            return Err(self.bad_result(
                op,
                format!(
                    "{} rows of duties for {} rows",
                    batch.rows.len(),
                    facts.len()
                ),
            ));
        }
        let mut out = Vec::with_capacity(batch.rows.len());
        for (row, duties) in batch.rows.iter().enumerate() {
            self.check_citations(duties.iter().map(|d| d.reason.citation), row)
                .map_err(|m| self.bad_result(op, m))?;
            let mut views = Vec::with_capacity(duties.len());
            for d in duties.iter() {
                let due = date_from_days(d.due).ok_or_else(|| {
                    self.bad_result(
                        op,
                        format!(
                            "row {row}: duty `{}` is due on day {}, outside the calendar",
                            d.code, d.due
                        ),
                    )
                })?;
                views.push(DutyView {
                    code: d.code.to_string(),
                    due,
                    overdue: d.overdue,
                    reason: CitedReason {
                        citation: &self.description.citations[d.reason.citation as usize],
                        detail: d.reason.detail.to_string(),
                    },
                });
            }
            out.push(views);
        }
        Ok(out)
    }

    /// Assesses each row (one case per row) for criminal referral, after
    /// validation.
    ///
    /// # Errors
    /// As [`LoadedPlugin::grade`].
    pub fn assess_referral(
        &self,
        facts: &FactTable,
    ) -> Result<Vec<ReferralView<'_>>, PluginCallError> {
        let op = Operation::Referral;
        self.validate(op, facts)?;
        let assessments = self
            .backend
            .assess_referral(facts)
            .map_err(|e| self.call_error(op, e))?;
        if assessments.len() != facts.len() {
            return Err(self.bad_result(
                op,
                format!(
                    "{} assessments for {} cases",
                    assessments.len(),
                    facts.len()
                ),
            ));
        }
        let mut out = Vec::with_capacity(assessments.len());
        for (row, a) in assessments.iter().enumerate() {
            self.check_citations(a.findings.iter().map(|f| f.reason.citation), row)
                .map_err(|m| self.bad_result(op, m))?;
            out.push(
                self.referral_view(a, row)
                    .map_err(|m| self.bad_result(op, m))?,
            );
        }
        Ok(out)
    }

    /// Decodes one assessment (citations already checked): every decision
    /// must be one this contract defines, and the overall one the strongest.
    fn referral_view(
        &self,
        a: &ReferralAssessment,
        row: usize,
    ) -> Result<ReferralView<'_>, String> {
        let decode = |d: jianguan_plugin::ReferralDecision| {
            ReferralDecision::decode(d).ok_or_else(|| {
                format!(
                    "row {row}: decision code {}, which plugin contract {CONTRACT_VERSION} does not define",
                    d.code()
                )
            })
        };
        let decision = decode(a.decision)?;
        let findings = a
            .findings
            .iter()
            .map(|f| {
                Ok((
                    decode(f.decision)?,
                    CitedReason {
                        citation: &self.description.citations[f.reason.citation as usize],
                        detail: f.reason.detail.to_string(),
                    },
                ))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let strongest = findings
            .iter()
            .map(|f| f.0)
            .max()
            .unwrap_or(ReferralDecision::DoNotRefer);
        if decision != strongest {
            return Err(format!(
                "row {row}: decision {decision:?} is not the strongest finding's ({strongest:?})"
            ));
        }
        Ok(ReferralView { decision, findings })
    }
}

/// The host's checks of a description: the plugin's own cross-references
/// ([`PluginDescription::check_references`]) and industries this SDK knows.
fn check_description(d: &PluginDescription) -> Result<(), String> {
    d.check_references()?;
    if let Some(unknown) = d
        .industries
        .iter()
        .find(|i| i.parse::<crate::entity::Industry>().is_err())
    {
        return Err(format!(
            "serves industry `{unknown}`, which this SDK does not know (industries: {})",
            crate::entity::Industry::all()
                .map(|i| i.id())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(())
}

/// The boundary's date encoding (days since 1970-01-01) of a date; the
/// contract's [`CivilDate`] owns the arithmetic.
fn days_since_epoch(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    CivilDate {
        year: date.year(),
        month: date.month(),
        day: date.day(),
    }
    .to_days()
}

/// The date `days` days after 1970-01-01, if chrono can represent it.
fn date_from_days(days: i32) -> Option<NaiveDate> {
    let c = CivilDate::from_days(days);
    NaiveDate::from_ymd_opt(c.year, c.month, c.day)
}

#[cfg(test)]
mod tests {
    use super::check_description;
    use jianguan_plugin::fixtures::minimal_description;
    use jianguan_plugin::{Exemption, Frequency, PenaltyRange, Violation};

    #[test]
    fn descriptions_with_broken_cross_references_are_refused() {
        assert_eq!(check_description(&minimal_description("ok")), Ok(()));
        let mut d = minimal_description("x");
        d.industries.push("food_sales".into());
        assert_eq!(check_description(&d), Ok(()));
        d.industries.push("bakeries".into());
        assert!(
            check_description(&d)
                .unwrap_err()
                .starts_with("serves industry `bakeries`")
        );

        let mut d = minimal_description("x");
        d.grades.push(d.grades[0].clone());
        assert_eq!(
            check_description(&d).unwrap_err(),
            "duplicate grade label `low`"
        );

        let mut d = minimal_description("x");
        d.frequencies.push(Frequency {
            grade: "medium".into(),
            min_per_year: 1.0,
            max_per_year: None,
            citation: 0,
        });
        assert_eq!(
            check_description(&d).unwrap_err(),
            "frequency names unknown grade `medium`"
        );

        let mut d = minimal_description("x");
        d.violations.push(Violation {
            code: "V1".into(),
            description: "v".into(),
            citation: 0,
            penalty: PenaltyRange {
                min_fine_cny: None,
                max_fine_cny: None,
                text: "警告".into(),
            },
        });
        d.exemptions.push(Exemption {
            violation: "V2".into(),
            description: "e".into(),
            conditions: Vec::new(),
            outcome: "不予处罚".into(),
            citation: 0,
        });
        assert_eq!(
            check_description(&d).unwrap_err(),
            "exemption names unknown violation `V2`"
        );
        d.exemptions[0].violation = "V1".into();
        d.exemptions[0].citation = 3;
        assert_eq!(
            check_description(&d).unwrap_err(),
            "exemption for `V1` cites index 3 of 1 citations"
        );
    }
}
