//! Unified social credit codes (统一社会信用代码, GB 32100-2015) and the
//! market-entity vocabulary the other capabilities use.

pub use crate::entity::{
    Domain, EntityKind, EntityStatus, Industry, RegionCode, UnknownIndustry, Uscc, UsccError,
};
// For hosts that make codes (test data, migrations): the GB 11714 check
// character of an organisation-code body; `Uscc::with_check_character`
// makes the GB 32100 one.
pub use crate::entity::organisation_check_character;

use super::Supervisor;
use crate::Error;

impl Supervisor {
    /// Parses and check-digit-verifies a unified social credit code
    /// (GB 32100-2015).
    ///
    /// # Errors
    /// [`Error::Uscc`] saying what is wrong (length, character, check
    /// character) and where.
    pub fn check_uscc(&self, code: &str) -> Result<Uscc, Error> {
        Ok(code.parse()?)
    }
}
