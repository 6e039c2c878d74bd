//! Why an outcome table was refused or a visit result could not be recorded.

use chrono::NaiveDate;

use crate::calendar::CalendarError;
use crate::entity::Uscc;

/// Why an outcome code table was refused, or why a visit result could not be
/// recorded. Every message says what is wrong, where, and what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResultsError {
    /// An outcome table with a blank name. Remedy: name it after the system
    /// or document its codes come from.
    #[error(
        "outcome code table has a blank name; name it after the system or document its codes come from"
    )]
    BlankTableName,
    /// An outcome table without codes. Remedy: add the codes of the source
    /// list.
    #[error("outcome code table {table:?} has no codes; add at least one code with its label")]
    EmptyTable {
        /// The table's name.
        table: String,
    },
    /// A table entry whose code is blank. Remedy: give the code as the
    /// source system stores it.
    #[error(
        "outcome code table {table:?}: entry #{position} has a blank code; give the code as the source list stores it"
    )]
    BlankCode {
        /// The table's name.
        table: String,
        /// The entry's position, from 1.
        position: usize,
    },
    /// A code given twice in one table. Remedy: keep one entry per code.
    #[error(
        "outcome code table {table:?}: code {code:?} appears twice (entries #{first} and #{second}); keep one entry per code"
    )]
    DuplicateCode {
        /// The table's name.
        table: String,
        /// The repeated code.
        code: String,
        /// Position of its first entry, from 1.
        first: usize,
        /// Position of its second entry, from 1.
        second: usize,
    },
    /// A table entry that is ill-formed: whitespace around its code, a blank
    /// label, or an ill-formed follow-up (see [`super::OutcomeTable::new`]).
    /// The problem text says the remedy.
    #[error("outcome code table {table:?}: code {code:?} {problem}")]
    InvalidCode {
        /// The table's name.
        table: String,
        /// The code at fault.
        code: String,
        /// What is wrong and what to do.
        problem: String,
    },
    /// The table JSON is not valid JSON or not in the table schema (unknown
    /// fields are refused to catch typos). Remedy: fix the file at the line
    /// and column given.
    #[error(
        "outcome code table JSON is not in the table schema ({{\"name\", \"codes\": [{{\"code\", \"label\", \"finding\", \"status_outcome\", \"follow_ups\"}}]}}): {0}; fix it at the line and column given"
    )]
    TableJson(#[source] serde_json::Error),
    /// A visit result with a blank identifier field. Remedy: fill it in.
    #[error(
        "visit result for draw record {draw_record_id:?} ({uscc}): field `{field}` is blank; fill it in"
    )]
    BlankField {
        /// The draw record id as given (may itself be the blank field).
        draw_record_id: String,
        /// The entity.
        uscc: Uscc,
        /// The blank field.
        field: &'static str,
    },
    /// A visit result without outcome codes. Remedy: record at least one,
    /// e.g. the table's no-problem code.
    #[error(
        "visit result for draw record {draw_record_id:?} ({uscc}) has no outcome codes; record at least one (e.g. the no-problem code)"
    )]
    NoOutcome {
        /// The draw record id.
        draw_record_id: String,
        /// The entity.
        uscc: Uscc,
    },
    /// An outcome code the table does not define. Remedy: use one of
    /// `allowed`, or record the result against the table it was coded in.
    #[error(
        "visit result for draw record {draw_record_id:?} ({uscc}): outcome code {code:?} is not in table {table:?}; use one of: {}",
        allowed.join(", ")
    )]
    UnknownCode {
        /// The draw record id.
        draw_record_id: String,
        /// The entity.
        uscc: Uscc,
        /// The code given.
        code: String,
        /// The table's name.
        table: String,
        /// The table's codes.
        allowed: Vec<String>,
    },
    /// An outcome code given twice in one result. Remedy: give each code
    /// once (outcomes are a set).
    #[error(
        "visit result for draw record {draw_record_id:?} ({uscc}): outcome code {code:?} is given twice; give each code once"
    )]
    DuplicateOutcome {
        /// The draw record id.
        draw_record_id: String,
        /// The entity.
        uscc: Uscc,
        /// The repeated code.
        code: String,
    },
    /// A no-problem code recorded together with a problem code. Remedy:
    /// drop whichever is wrong.
    #[error(
        "visit result for draw record {draw_record_id:?} ({uscc}): {no_problem:?} says no problem was found but {problem:?} records one; drop whichever is wrong"
    )]
    Contradictory {
        /// The draw record id.
        draw_record_id: String,
        /// The entity.
        uscc: Uscc,
        /// The no-problem code and its label.
        no_problem: String,
        /// The first problem code (in table order) and its label.
        problem: String,
    },
    /// A result of a draw's batch that the record does not support: the
    /// entity is not one of the record's visits, the department does not
    /// take part in that visit, the result repeats an earlier one, or it was
    /// formed before the plan's period began. Remedy: correct the result as
    /// the problem says.
    #[error("result {number}: {problem}")]
    NotInRecord {
        /// The result's 1-based position in the batch.
        number: usize,
        /// What is wrong.
        problem: String,
    },
    /// A result of a batch that could not be recorded. Remedy: as the inner
    /// error says.
    #[error("result {number}: {source}")]
    InBatch {
        /// The result's 1-based position in the batch.
        number: usize,
        /// Why it was refused.
        #[source]
        source: Box<ResultsError>,
    },
    /// The publication deadline could not be counted: the calendar lacks a
    /// year's holiday notice (or the count runs past chrono's last date).
    /// Remedy: load the missing notice with
    /// [`crate::calendar::WorkCalendar::load_json`].
    #[error(
        "visit result for draw record {draw_record_id:?}: cannot count {days} working days after {concluded_on} for the publication deadline: {source}"
    )]
    Calendar {
        /// The draw record id.
        draw_record_id: String,
        /// The date the result was formed.
        concluded_on: NaiveDate,
        /// The working days asked for.
        days: u32,
        /// The calendar's error, which names the missing notice year.
        #[source]
        source: CalendarError,
    },
}

impl ResultsError {
    /// The error's [`ErrorKind`](crate::ErrorKind).
    pub fn error_kind(&self) -> crate::ErrorKind {
        use crate::ErrorKind as K;
        match self {
            ResultsError::BlankTableName
            | ResultsError::EmptyTable { .. }
            | ResultsError::BlankCode { .. }
            | ResultsError::DuplicateCode { .. }
            | ResultsError::InvalidCode { .. } => K::InvalidOutcomeTable,
            ResultsError::TableJson(_) => K::InvalidSyntax,
            ResultsError::BlankField { .. }
            | ResultsError::NoOutcome { .. }
            | ResultsError::UnknownCode { .. }
            | ResultsError::DuplicateOutcome { .. }
            | ResultsError::Contradictory { .. } => K::InvalidResults,
            ResultsError::NotInRecord { .. } => K::InvalidResults,
            ResultsError::InBatch { source, .. } => source.error_kind(),
            ResultsError::Calendar { source, .. } => crate::error::calendar_kind(source),
        }
    }
}
