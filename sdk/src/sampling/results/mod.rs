//! Inspection results (抽查检查结果) of "double random, one public".
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
//! Each code carries the legal follow-ups it sets off ([`FollowUp`]).

mod error;
mod shipped;
mod table;

#[cfg(test)]
mod tests;

pub use error::ResultsError;
pub use table::{
    DepartmentKind, Finding, FollowUp, ListingGround, OutcomeCode, OutcomeTable, StatusOutcome,
};
