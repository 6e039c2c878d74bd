//! Inspection results (抽查检查结果) of "double random, one public": the
//! result of one visit, validated against an outcome code table; the
//! publication deadline (the "一公开"); and the legal follow-ups the result
//! sets off, as events for the credit engine.
//!
//! A module of its own, not part of `sampling`: a result follows a draw
//! (it names the draw record) but nothing here draws; it is where the
//! inspection and case life cycle starts.
//!
//! # Outcomes
//!
//! A visit records one or more outcome codes from an [`OutcomeTable`] (the
//! Zhejiang UI is a checkbox list, RULES.md §1.4). The code list is
//! **UNCONFIRMED nationally**: both shipped tables come from one provincial
//! system's source code (the Zhejiang 企业信用 system, public repository
//! `GuanzhouSong/ZhejiangMicroEnt`); the national publicity system shows
//! similar wording, but no national document fixing the codes was found. So
//! tables are data: load a province's own with [`OutcomeTable::from_json`].
//! Each code carries the legal follow-ups it sets off ([`FollowUp`]), which
//! [`record_result`] emits as [`FollowUpEvent`]s.
//!
//! # Publication deadline
//!
//! [`record_result`] counts `publication_days` working days (工作日) after
//! the date the result was formed, with [`WorkCalendar::add_working_days`]
//! (the day itself not counted, 民法典 Art. 201). The national wording is
//! **UNCONFIRMED** (RULES.md §1.3: secondary sources say "20日" or
//! "20个工作日"); the default [`DEFAULT_PUBLICATION_WORKING_DAYS`] = 20
//! follows the SOLID analogue, SAMR Order 49 Art. 39 for food inspections:
//! "于检查结果信息形成后20个工作日内向社会公开".
//!
//! # Example
//!
//! ```
//! use jianguan::NaiveDate;
//! use jianguan::calendar::WorkCalendar;
//! use jianguan::results::{
//!     DEFAULT_PUBLICATION_WORKING_DAYS, FollowUpEvent, OutcomeTable, VisitResult, record_result,
//! };
//!
//! let result = VisitResult {
//!     draw_record_id: "2026-03-017".into(),
//!     uscc: "914403001922038216".parse()?,
//!     department_id: "market_regulation".into(),
//!     concluded_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
//!     outcomes: vec!["6".into()], // 通过登记的住所（经营场所）无法联系
//! };
//! let record = record_result(
//!     &OutcomeTable::default(),
//!     &WorkCalendar::china(),
//!     &result,
//!     DEFAULT_PUBLICATION_WORKING_DAYS,
//! )?;
//! assert_eq!(record.publish_by, NaiveDate::from_ymd_opt(2026, 3, 30).unwrap());
//! assert!(matches!(
//!     record.follow_ups[0],
//!     FollowUpEvent::AbnormalOperationsListing { .. }
//! ));
//! # Ok::<(), jianguan::Error>(())
//! ```

mod error;
mod shipped;
mod table;

#[cfg(test)]
mod tests;

pub use error::ResultsError;
pub use table::{
    DepartmentKind, Finding, FollowUp, ListingGround, OutcomeCode, OutcomeTable, StatusOutcome,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::WorkCalendar;
use crate::credit::CreditList;
use crate::entity::Uscc;

/// Working days from the forming of a result to its publication: 20.
///
/// **UNCONFIRMED** as the national rule for random-inspection results
/// (RULES.md §1.3); taken from the SOLID analogue SAMR Order 49 Art. 39
/// ("于检查结果信息形成后20个工作日内向社会公开", food inspections). Pass
/// another figure to [`record_result`] where a local rule says otherwise.
pub const DEFAULT_PUBLICATION_WORKING_DAYS: u32 = 20;

/// The result of one inspection visit, as the inspecting department enters
/// it.
///
/// `outcomes` is a set of codes of an [`OutcomeTable`] (checkbox list): at
/// least one, each known to the table, none twice. A code whose
/// [`Finding`] is [`Finding::NoProblem`] ("1 未发现问题") cannot be recorded
/// together with a [`Finding::Problem`] code: the two contradict each
/// other. [`Finding::Neutral`] codes (such as "7 已关闭停业或正在组织清算"
/// or a status outcome) combine with any code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitResult {
    /// The draw record (抽取记录) this visit carries out.
    pub draw_record_id: String,
    /// The entity inspected.
    pub uscc: Uscc,
    /// The inspecting department's id.
    pub department_id: String,
    /// The date the result was formed (检查结果信息形成之日).
    pub concluded_on: NaiveDate,
    /// The outcome codes, in any order.
    pub outcomes: Vec<String>,
}

/// One outcome as recorded: its code and label from the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedOutcome {
    /// The code.
    pub code: String,
    /// The label as the table prints it.
    pub label: String,
}

/// A legal follow-up set off by a recorded outcome, for the credit engine to
/// act on. Each carries the draw record, the entity, the triggering code, the
/// provision it rests on and the date it arises (the date the result was
/// formed).
///
/// Serialised with an `event` tag in snake_case:
/// `{"event": "abnormal_operations_listing", "draw_record_id": "…", "uscc":
/// "…", "code": "6", "ground": "unreachable_at_registered_address",
/// "legal_basis": "…", "arises_on": "2026-03-02"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FollowUpEvent {
    /// List on the abnormal-operations list (经营异常名录): see
    /// [`FollowUp::AbnormalOperationsListing`].
    AbnormalOperationsListing {
        /// The draw record of the visit.
        draw_record_id: String,
        /// The entity.
        uscc: Uscc,
        /// The outcome code that set it off.
        code: String,
        /// The listing ground.
        ground: ListingGround,
        /// The provision.
        legal_basis: String,
        /// The date it arises.
        arises_on: NaiveDate,
    },
    /// Publicity of serious non-cooperation through the enterprise credit
    /// information publicity system: see [`FollowUp::CreditPublicity`].
    CreditPublicity {
        /// The draw record of the visit.
        draw_record_id: String,
        /// The entity.
        uscc: Uscc,
        /// The outcome code that set it off.
        code: String,
        /// The provision.
        legal_basis: String,
        /// The date it arises.
        arises_on: NaiveDate,
    },
    /// Transfer to the competent department (案件移转): see
    /// [`FollowUp::Transfer`].
    Transfer {
        /// The draw record of the visit.
        draw_record_id: String,
        /// The entity.
        uscc: Uscc,
        /// The outcome code that set it off.
        code: String,
        /// Which kind of department.
        department: DepartmentKind,
        /// The provision.
        legal_basis: String,
        /// The date it arises.
        arises_on: NaiveDate,
    },
    /// Roster status update: see [`FollowUp::StatusUpdate`].
    StatusUpdate {
        /// The draw record of the visit.
        draw_record_id: String,
        /// The entity.
        uscc: Uscc,
        /// The outcome code that set it off.
        code: String,
        /// The status found.
        status: StatusOutcome,
        /// The provision.
        legal_basis: String,
        /// The date it arises.
        arises_on: NaiveDate,
    },
}

impl FollowUpEvent {
    /// The entity.
    pub fn uscc(&self) -> &Uscc {
        match self {
            FollowUpEvent::AbnormalOperationsListing { uscc, .. }
            | FollowUpEvent::CreditPublicity { uscc, .. }
            | FollowUpEvent::Transfer { uscc, .. }
            | FollowUpEvent::StatusUpdate { uscc, .. } => uscc,
        }
    }

    /// The outcome code that set it off.
    pub fn code(&self) -> &str {
        match self {
            FollowUpEvent::AbnormalOperationsListing { code, .. }
            | FollowUpEvent::CreditPublicity { code, .. }
            | FollowUpEvent::Transfer { code, .. }
            | FollowUpEvent::StatusUpdate { code, .. } => code,
        }
    }

    /// The provision it rests on.
    pub fn legal_basis(&self) -> &str {
        match self {
            FollowUpEvent::AbnormalOperationsListing { legal_basis, .. }
            | FollowUpEvent::CreditPublicity { legal_basis, .. }
            | FollowUpEvent::Transfer { legal_basis, .. }
            | FollowUpEvent::StatusUpdate { legal_basis, .. } => legal_basis,
        }
    }

    /// The date it arises: the date the result was formed.
    pub fn arises_on(&self) -> NaiveDate {
        match self {
            FollowUpEvent::AbnormalOperationsListing { arises_on, .. }
            | FollowUpEvent::CreditPublicity { arises_on, .. }
            | FollowUpEvent::Transfer { arises_on, .. }
            | FollowUpEvent::StatusUpdate { arises_on, .. } => *arises_on,
        }
    }

    /// The credit list the event puts the entity on, if any:
    /// [`CreditList::AbnormalOperations`] for a listing, `None` otherwise.
    pub fn credit_list(&self) -> Option<CreditList> {
        match self {
            FollowUpEvent::AbnormalOperationsListing { .. } => Some(CreditList::AbnormalOperations),
            _ => None,
        }
    }

    fn from_follow_up(f: &FollowUp, result: &VisitResult, code: &str) -> Self {
        let draw_record_id = result.draw_record_id.clone();
        let uscc = result.uscc;
        let code = code.to_owned();
        let legal_basis = f.legal_basis().to_owned();
        let arises_on = result.concluded_on;
        match f {
            FollowUp::AbnormalOperationsListing { ground, .. } => {
                FollowUpEvent::AbnormalOperationsListing {
                    draw_record_id,
                    uscc,
                    code,
                    ground: *ground,
                    legal_basis,
                    arises_on,
                }
            }
            FollowUp::CreditPublicity { .. } => FollowUpEvent::CreditPublicity {
                draw_record_id,
                uscc,
                code,
                legal_basis,
                arises_on,
            },
            FollowUp::Transfer { department, .. } => FollowUpEvent::Transfer {
                draw_record_id,
                uscc,
                code,
                department: *department,
                legal_basis,
                arises_on,
            },
            FollowUp::StatusUpdate { status, .. } => FollowUpEvent::StatusUpdate {
                draw_record_id,
                uscc,
                code,
                status: *status,
                legal_basis,
                arises_on,
            },
        }
    }
}

/// A visit result accepted against a table: its outcomes, its publication
/// deadline and its follow-up events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultRecord {
    /// The draw record the visit carried out.
    pub draw_record_id: String,
    /// The entity inspected.
    pub uscc: Uscc,
    /// The inspecting department's id.
    pub department_id: String,
    /// The date the result was formed.
    pub concluded_on: NaiveDate,
    /// The name of the outcome table the codes belong to.
    pub table: String,
    /// The outcomes, in the table's display order (whatever order they were
    /// entered in).
    pub outcomes: Vec<RecordedOutcome>,
    /// The working days allowed for publication.
    pub publication_days: u32,
    /// The last day to publish: `publication_days` working days after
    /// `concluded_on`.
    pub publish_by: NaiveDate,
    /// The follow-up events, outcome by outcome in the table's display
    /// order, and within one outcome in the table's follow-up order.
    pub follow_ups: Vec<FollowUpEvent>,
}

/// Accepts a visit result against `table`: checks its outcomes, computes the
/// publication deadline on `calendar` and emits the follow-up events.
///
/// The deadline is `publication_days` working days after
/// `result.concluded_on` ([`WorkCalendar::add_working_days`]; pass
/// [`DEFAULT_PUBLICATION_WORKING_DAYS`] unless a local rule says otherwise —
/// the national figure is UNCONFIRMED, see the [module docs](self)).
/// Nothing is produced unless everything succeeds.
///
/// # Errors
/// - [`ResultsError::BlankField`] when the draw record id or the department
///   id is blank;
/// - [`ResultsError::NoOutcome`] when `outcomes` is empty;
/// - [`ResultsError::UnknownCode`] for a code not in `table`, listing the
///   table's codes;
/// - [`ResultsError::DuplicateOutcome`] for a code given twice;
/// - [`ResultsError::Contradictory`] when a no-problem code is given with a
///   problem code;
/// - [`ResultsError::Calendar`] when the calendar cannot count the working
///   days (a year whose holiday notice is not loaded).
pub fn record_result(
    table: &OutcomeTable,
    calendar: &WorkCalendar,
    result: &VisitResult,
    publication_days: u32,
) -> Result<ResultRecord, ResultsError> {
    let codes = resolve(table, result)?;
    let publish_by = calendar
        .add_working_days(result.concluded_on, publication_days)
        .map_err(|source| ResultsError::Calendar {
            draw_record_id: result.draw_record_id.clone(),
            concluded_on: result.concluded_on,
            days: publication_days,
            source,
        })?;
    let follow_ups = codes
        .iter()
        .flat_map(|c| {
            c.follow_ups
                .iter()
                .map(|f| FollowUpEvent::from_follow_up(f, result, &c.code))
        })
        .collect();
    Ok(ResultRecord {
        draw_record_id: result.draw_record_id.clone(),
        uscc: result.uscc,
        department_id: result.department_id.clone(),
        concluded_on: result.concluded_on,
        table: table.name().to_owned(),
        outcomes: codes
            .iter()
            .map(|c| RecordedOutcome {
                code: c.code.clone(),
                label: c.label.clone(),
            })
            .collect(),
        publication_days,
        publish_by,
        follow_ups,
    })
}

/// The result's outcome entries in the table's display order, after the
/// checks of [`record_result`] (all but the calendar's).
fn resolve<'t>(
    table: &'t OutcomeTable,
    result: &VisitResult,
) -> Result<Vec<&'t OutcomeCode>, ResultsError> {
    let blank = |field: &'static str| ResultsError::BlankField {
        draw_record_id: result.draw_record_id.clone(),
        uscc: result.uscc,
        field,
    };
    if result.draw_record_id.trim().is_empty() {
        return Err(blank("draw_record_id"));
    }
    if result.department_id.trim().is_empty() {
        return Err(blank("department_id"));
    }
    if result.outcomes.is_empty() {
        return Err(ResultsError::NoOutcome {
            draw_record_id: result.draw_record_id.clone(),
            uscc: result.uscc,
        });
    }
    let mut positions = Vec::with_capacity(result.outcomes.len());
    for (i, code) in result.outcomes.iter().enumerate() {
        let Some(pos) = table.position(code) else {
            return Err(ResultsError::UnknownCode {
                draw_record_id: result.draw_record_id.clone(),
                uscc: result.uscc,
                code: code.clone(),
                table: table.name().to_owned(),
                allowed: table.allowed_codes(),
            });
        };
        if result.outcomes[..i].contains(code) {
            return Err(ResultsError::DuplicateOutcome {
                draw_record_id: result.draw_record_id.clone(),
                uscc: result.uscc,
                code: code.clone(),
            });
        }
        positions.push(pos);
    }
    positions.sort_unstable();
    let codes: Vec<&OutcomeCode> = positions.iter().map(|&p| &table.codes()[p]).collect();
    let clean = codes.iter().find(|c| c.finding == Finding::NoProblem);
    let problem = codes.iter().find(|c| c.finding == Finding::Problem);
    if let (Some(clean), Some(problem)) = (clean, problem) {
        return Err(ResultsError::Contradictory {
            draw_record_id: result.draw_record_id.clone(),
            uscc: result.uscc,
            no_problem: format!("{} {}", clean.code, clean.label),
            problem: format!("{} {}", problem.code, problem.label),
        });
    }
    Ok(codes)
}
