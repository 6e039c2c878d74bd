//! Inspection results (抽查检查结果) of a draw's visits: outcome codes,
//! publication deadlines in working days, the legal follow-ups, and the
//! inspection history the next draw reads.

pub use crate::results::{
    DEFAULT_PUBLICATION_WORKING_DAYS, FollowUp, FollowUpEvent, OutcomeCode, OutcomeTable,
    RecordedOutcome, ResultRecord, ResultsError, VisitResult,
};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Supervisor;
use super::codes::Uscc;
use super::draw::{DrawRecord, PastInspection};
use crate::results::record_result;
use crate::{Error, NaiveDate};

/// One department's result of one visit of a draw, as an inspector enters it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnteredResult {
    /// The entity visited.
    pub uscc: Uscc,
    /// The inspecting department's id.
    pub department: String,
    /// The date the result was formed.
    pub concluded_on: NaiveDate,
    /// The outcome codes ticked, from the outcome table.
    pub outcomes: Vec<String>,
}

/// A batch of results recorded against a draw: each result with its
/// deadline and follow-ups, and the visits as inspection history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedResults {
    /// The results, in the order entered.
    pub results: Vec<ResultRecord>,
    /// The visits as inspection history (the input of the next draw's
    /// proportionality rules), in the order entered.
    pub history: Vec<PastInspection>,
}

impl Supervisor {
    /// Records the results of a draw's visits, every one or none: each must
    /// be a visit of `record` by a department that takes part in it, at most
    /// once per entity and department, formed no earlier than the plan's
    /// period starts; its outcomes are checked against `table` and its
    /// publication deadline is `publication_days` working days after it was
    /// formed, on this supervisor's calendar. SAMR Order 49 Art. 39 gives 20
    /// working days for food inspections; the national figure for random
    /// inspections is UNCONFIRMED (RULES.md §1.3), so the days are an
    /// argument: pass [`DEFAULT_PUBLICATION_WORKING_DAYS`] unless a local rule
    /// says otherwise.
    ///
    /// # Errors
    /// [`Error::Results`]: [`ResultsError::NotInRecord`] for a result the
    /// record does not support, [`ResultsError::InBatch`] wrapping the reason
    /// a result's outcomes or deadline were refused; both name the result's
    /// 1-based position.
    pub fn record_results(
        &self,
        record: &DrawRecord,
        table: &OutcomeTable,
        entered: &[EnteredResult],
        publication_days: u32,
    ) -> Result<RecordedResults, Error> {
        let record_id = record.digest();
        let mut results = Vec::with_capacity(entered.len());
        let mut history = Vec::with_capacity(entered.len());
        let mut seen = BTreeMap::new();
        for (n, e) in entered.iter().enumerate() {
            let number = n + 1;
            let refuse =
                |problem: String| Error::Results(ResultsError::NotInRecord { number, problem });
            let items = visit_items(record, &e.uscc, &e.department).map_err(refuse)?;
            if let Some(first) = seen.insert((e.uscc, e.department.as_str()), number) {
                return Err(refuse(format!(
                    "repeats the result of {} by {} given as result {first}",
                    e.uscc, e.department
                )));
            }
            if e.concluded_on < record.plan.period.0 {
                return Err(refuse(format!(
                    "concluded on {} before the plan's period starts ({})",
                    e.concluded_on, record.plan.period.0
                )));
            }
            let result = VisitResult {
                draw_record_id: record_id.clone(),
                uscc: e.uscc,
                department_id: e.department.clone(),
                concluded_on: e.concluded_on,
                outcomes: e.outcomes.clone(),
            };
            let recorded = record_result(table, &self.calendar, &result, publication_days)
                .map_err(|source| {
                    Error::Results(ResultsError::InBatch {
                        number,
                        source: Box::new(source),
                    })
                })?;
            results.push(recorded);
            history.push(PastInspection {
                uscc: e.uscc,
                date: e.concluded_on,
                department: e.department.clone(),
                level: record.plan.level,
                items,
            });
        }
        Ok(RecordedResults { results, history })
    }
}

/// The items `department` checks on the record's visit to `uscc`.
fn visit_items(record: &DrawRecord, uscc: &Uscc, department: &str) -> Result<Vec<String>, String> {
    let visit = record
        .visits
        .iter()
        .find(|v| v.uscc == *uscc)
        .ok_or_else(|| format!("{uscc} is not a visit of this draw"))?;
    if !visit.departments.iter().any(|d| d == department) {
        return Err(format!(
            "{department} does not take part in the visit to {uscc} (departments: {})",
            visit.departments.join(", ")
        ));
    }
    let mut items: Vec<String> = Vec::new();
    for &t in &visit.tasks {
        let task = record.plan.tasks.get(t as usize).ok_or_else(|| {
            format!("the record's visit to {uscc} names task {t}, which its plan lacks")
        })?;
        if task.department == department {
            for i in &task.items {
                if !items.contains(&i.code) {
                    items.push(i.code.clone());
                }
            }
        }
    }
    Ok(items)
}
