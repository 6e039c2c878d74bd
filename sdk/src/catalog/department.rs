//! Government departments (部门) that approve, supervise and enforce.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The identifier of a [`Department`]: lower-case ASCII snake_case
/// (`market_regulation`, `administrative_approval`), stable across releases
/// because files and other modules refer to departments by it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DepartmentId(String);

/// A string that is not a valid [`DepartmentId`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid department id {id:?}: {problem}")]
pub struct InvalidDepartmentId {
    /// The string as given.
    pub id: String,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl DepartmentId {
    /// Checks and wraps an identifier.
    ///
    /// # Errors
    /// [`InvalidDepartmentId`] when `id` is empty, does not start with a
    /// lower-case ASCII letter, contains anything but `a`–`z`, `0`–`9` and
    /// `_`, or has a doubled or trailing underscore.
    pub fn new(id: impl Into<String>) -> Result<Self, InvalidDepartmentId> {
        let id = id.into();
        let fail = |problem| {
            Err(InvalidDepartmentId {
                id: id.clone(),
                problem,
            })
        };
        if id.is_empty() {
            return fail("is empty");
        }
        if !id.starts_with(|c: char| c.is_ascii_lowercase()) {
            return fail("must start with a lower-case ASCII letter");
        }
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return fail("may contain only a-z, 0-9 and _ (snake_case)");
        }
        if id.ends_with('_') || id.contains("__") {
            return fail("has a doubled or trailing underscore");
        }
        Ok(DepartmentId(id))
    }

    /// The identifier as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DepartmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for DepartmentId {
    type Err = InvalidDepartmentId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DepartmentId::new(s)
    }
}

impl TryFrom<String> for DepartmentId {
    type Error = InvalidDepartmentId;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        DepartmentId::new(s)
    }
}

impl From<DepartmentId> for String {
    fn from(id: DepartmentId) -> String {
        id.0
    }
}

impl Borrow<str> for DepartmentId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for DepartmentId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for DepartmentId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// A government department (部门) that approves, supervises or enforces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Stable identifier.
    pub id: DepartmentId,
    /// Chinese name, as the Pingdu plan spells it where it names the department.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Whether the department has a law-enforcement force of its own
    /// (专门执法力量). Where it has none, violations in its field are dealt
    /// with by joint enforcement (联合执法, Pingdu plan §(一), last sentence).
    pub has_enforcement_force: bool,
    /// The department that leads joint enforcement in this department's
    /// field when it has no enforcement force of its own. Required for a
    /// department without a force that supervises any item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_enforcement_lead: Option<DepartmentId>,
    /// Where the name and the force flag come from, and what is unconfirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}
