//! Credit-based supervision (信用监管, Pingdu plan §(五)): credit-risk
//! classes, credit profiles, list memberships, and the [`CreditLookup`] seam
//! through which a host system answers from its own credit database.

mod memory;
mod scheme;

pub use memory::InMemoryCreditLookup;
pub use scheme::{CreditClass, CreditScheme};

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::entity::Uscc;

/// Why a credit operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CreditError {
    /// A class code the scheme does not define. Remedy: use one of `allowed`,
    /// or load the scheme the data was classified under.
    #[error("credit class {class:?} is not in scheme {scheme:?}; allowed: {}", allowed.join(", "))]
    UnknownClass {
        /// The class code given.
        class: String,
        /// The scheme's name.
        scheme: String,
        /// The scheme's class codes.
        allowed: Vec<String>,
    },
    /// A class list that cannot be a scheme (empty, blank or duplicate code).
    #[error("credit scheme {scheme:?} {problem}")]
    InvalidScheme {
        /// The scheme's name.
        scheme: String,
        /// What is wrong.
        problem: String,
    },
    /// A profile field that is inconsistent (e.g. a list membership that ends
    /// before it starts).
    #[error("credit profile of {uscc}: field `{field}`: {problem}")]
    InvalidProfile {
        /// The entity.
        uscc: Uscc,
        /// The field at fault.
        field: &'static str,
        /// What is wrong.
        problem: String,
    },
    /// Two profiles for the same entity in one load. Remedy: merge them upstream.
    #[error("credit profile of {uscc} is given twice")]
    DuplicateProfile {
        /// The entity.
        uscc: Uscc,
    },
    /// The host's own credit source failed (a database or callback error).
    #[error("credit source failed while looking up {uscc}: {message}")]
    Source {
        /// The entity being looked up.
        uscc: Uscc,
        /// The host's message.
        message: String,
    },
}

/// A credit list an entity can be put on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CreditList {
    /// 经营异常名录 (abnormal-operations list), 企业信息公示暂行条例 Art. 17.
    AbnormalOperations,
    /// 严重违法失信名单 (serious violation and dishonesty list), SAMR Order 44 (2021).
    SeriousDishonesty,
    /// 重点关注名单 (key-attention list), Pingdu plan §(九): entities with
    /// repeated violations in a short time that guidance did not correct.
    KeyAttention,
}

/// A period on a credit list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListMembership {
    /// Which list.
    pub list: CreditList,
    /// Date of listing.
    pub since: NaiveDate,
    /// Date of removal, if removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// The listing reason as recorded.
    pub reason: String,
}

impl ListMembership {
    /// Whether the membership is in force on `date` (listed on or before it, not yet removed).
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.since <= date && self.until.is_none_or(|u| date < u)
    }
}

/// What the supervision system knows of an entity's credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditProfile {
    /// The entity.
    pub uscc: Uscc,
    /// Its class code under the lookup's [`CreditScheme`].
    pub class: String,
    /// Date of its latest administrative penalty decision, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_penalty_on: Option<NaiveDate>,
    /// List memberships, current and past.
    #[serde(default)]
    pub lists: Vec<ListMembership>,
}

impl CreditProfile {
    /// Checks the profile against `scheme`.
    ///
    /// # Errors
    /// [`CreditError::UnknownClass`] when the class is not in the scheme;
    /// [`CreditError::InvalidProfile`] when a list membership ends before it starts.
    pub fn validate(&self, scheme: &CreditScheme) -> Result<(), CreditError> {
        scheme.class(&self.class)?;
        for m in &self.lists {
            if let Some(u) = m.until
                && u < m.since
            {
                return Err(CreditError::InvalidProfile {
                    uscc: self.uscc,
                    field: "lists",
                    problem: format!(
                        "{:?} membership ends on {u} before it starts on {}",
                        m.list, m.since
                    ),
                });
            }
        }
        Ok(())
    }

    /// Whether the entity is on `list` on `date`.
    pub fn on_list(&self, list: CreditList, date: NaiveDate) -> bool {
        self.lists
            .iter()
            .any(|m| m.list == list && m.in_force_on(date))
    }

    /// Whether the entity has had no administrative penalty in the `years`
    /// years up to and including `date` — Pingdu plan §(六): "对连续三年未受
    /// 行政处罚的企业，适度控制执法检查频次" (use `years = 3`).
    ///
    /// The window is the `years` calendar years ending on `date`; a penalty
    /// dated exactly `years` years before `date` falls outside it.
    ///
    /// Returns `None` when `date` is before the latest penalty: the profile
    /// keeps only the latest penalty date, so whether the window before it was
    /// clean cannot be told (ask with the penalty history instead).
    pub fn penalty_free_for_years(&self, date: NaiveDate, years: u32) -> Option<bool> {
        match self.last_penalty_on {
            None => Some(true),
            Some(p) if p > date => None,
            Some(p) => {
                let start = date
                    .checked_sub_months(Months::new(12 * years))
                    .unwrap_or(NaiveDate::MIN);
                Some(p <= start)
            }
        }
    }
}

/// The seam through which the SDK asks for an entity's credit profile. A host
/// may answer from its own database (a C callback, a Python object); the SDK
/// ships [`InMemoryCreditLookup`].
pub trait CreditLookup {
    /// The class scheme the profiles are expressed in.
    fn scheme(&self) -> &CreditScheme;

    /// The profile of one entity, or `None` if the source knows nothing of it.
    ///
    /// # Errors
    /// [`CreditError::Source`] when the host's source fails.
    fn profile(&self, uscc: &Uscc) -> Result<Option<CreditProfile>, CreditError>;

    /// Profiles of many entities, in the order asked. Hosts with a database
    /// should override this with one batched query.
    ///
    /// # Errors
    /// As [`CreditLookup::profile`]; the first failure ends the batch.
    fn profiles(&self, codes: &[Uscc]) -> Result<Vec<Option<CreditProfile>>, CreditError> {
        codes.iter().map(|c| self.profile(c)).collect()
    }
}
