//! Market entities (市场主体) and how they are identified.
//!
//! A market entity is any business the supervision system watches:
//! enterprises, individual businesses (个体工商户), farmers' specialised
//! cooperatives and other registered bodies. Each carries a unified social
//! credit code ([`Uscc`], GB 32100-2015).

mod authority;
mod industry;
mod region;
mod uscc;

pub use authority::{Authority, Category};
pub use industry::{Domain, Industry, UnknownDomain, UnknownIndustry};
pub use region::{RegionCode, RegionCodeError};
pub use uscc::{CHARSET, Uscc, UsccError, WEIGHTS, organisation_check_character};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The legal form of a market entity, as market-regulation registers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "an entity kind text")]
#[non_exhaustive]
pub enum EntityKind {
    /// 企业: enterprise (USCC category 91).
    Enterprise,
    /// 个体工商户: individual business (USCC category 92).
    IndividualBusiness,
    /// 农民专业合作社: farmers' specialised cooperative (USCC category 93).
    FarmersCooperative,
    /// Any other registered body (social organisations, public institutions, …).
    Other,
}

impl EntityKind {
    /// The kind a USCC's first two characters imply.
    pub fn from_uscc(code: &Uscc) -> Self {
        match &code.as_bytes()[..2] {
            b"91" => EntityKind::Enterprise,
            b"92" => EntityKind::IndividualBusiness,
            b"93" => EntityKind::FarmersCooperative,
            _ => EntityKind::Other,
        }
    }
}

/// Registration status (登记状态).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "a registration status text")]
#[non_exhaustive]
pub enum EntityStatus {
    /// 存续（在营）: operating.
    Operating,
    /// 歇业 / 停业: closed for business but still registered.
    Closed,
    /// 注销: deregistered.
    Deregistered,
    /// 吊销: business licence revoked.
    Revoked,
    /// 迁出: moved out of this jurisdiction.
    MovedOut,
}

impl EntityStatus {
    /// The snake_case identifier used in files (as serde writes it).
    pub fn id(self) -> &'static str {
        match self {
            EntityStatus::Operating => "operating",
            EntityStatus::Closed => "closed",
            EntityStatus::Deregistered => "deregistered",
            EntityStatus::Revoked => "revoked",
            EntityStatus::MovedOut => "moved_out",
        }
    }

    /// The status with identifier `id` (see [`EntityStatus::id`]), if any.
    pub fn from_id(id: &str) -> Option<Self> {
        [
            EntityStatus::Operating,
            EntityStatus::Closed,
            EntityStatus::Deregistered,
            EntityStatus::Revoked,
            EntityStatus::MovedOut,
        ]
        .into_iter()
        .find(|s| s.id() == id)
    }

    /// Whether the entity can still be inspected as a going concern
    /// (operating or closed-but-registered).
    pub fn is_active(self) -> bool {
        matches!(self, EntityStatus::Operating | EntityStatus::Closed)
    }
}

/// An inclusive-prudent tolerance period (包容期), Pingdu plan §(九): for new
/// technologies, industries, formats and models, a period in which the
/// regulator leads with guidance (法规宣传、行政提示、行政建议、行政约谈)
/// rather than penalties, "在守住安全底线前提下".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TolerancePeriod {
    /// First day, inclusive.
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
    /// Why it was granted (the new format or model concerned).
    pub reason: String,
}

impl TolerancePeriod {
    /// Whether `date` lies inside the period.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// A field of a [`MarketEntity`] that failed validation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("market entity {uscc}: field `{field}`: {problem}")]
pub struct EntityError {
    /// The entity's code.
    pub uscc: Uscc,
    /// The field at fault.
    pub field: &'static str,
    /// What is wrong with it.
    pub problem: String,
}

/// A market entity (市场主体) as the supervision system knows it.
///
/// Deserialising checks the code and the area code but not the rules across
/// fields; call [`MarketEntity::validate`] on records read from outside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketEntity {
    /// Unified social credit code.
    pub uscc: Uscc,
    /// Registered name.
    pub name: String,
    /// Legal form.
    pub kind: EntityKind,
    /// Area code of the place of business (may be finer than the code's own positions 3–8).
    pub region: RegionCode,
    /// Township or subdistrict (镇/街道) of the place of business, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub township: Option<String>,
    /// Supervised business lines; empty for a general enterprise.
    #[serde(default)]
    pub industries: Vec<Industry>,
    /// Date of establishment (成立日期).
    pub registered_on: NaiveDate,
    /// Registration status.
    pub status: EntityStatus,
    /// Inclusive-prudent tolerance period, if granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<TolerancePeriod>,
}

impl MarketEntity {
    /// Checks the record's internal consistency.
    ///
    /// # Errors
    /// An [`EntityError`] naming the field when: the name is blank; `kind`
    /// contradicts the USCC's category (91 enterprise, 92 individual business,
    /// 93 cooperative); an industry is listed twice; the tolerance period ends
    /// before it starts.
    pub fn validate(&self) -> Result<(), EntityError> {
        let fail = |field, problem: String| {
            Err(EntityError {
                uscc: self.uscc,
                field,
                problem,
            })
        };
        if self.name.trim().is_empty() {
            return fail("name", "is empty".into());
        }
        let implied = EntityKind::from_uscc(&self.uscc);
        if implied != EntityKind::Other && implied != self.kind {
            return fail(
                "kind",
                format!(
                    "is {:?} but the code's category {:?} means {:?}",
                    self.kind,
                    &self.uscc.as_str()[..2],
                    implied
                ),
            );
        }
        let mut seen = Vec::with_capacity(self.industries.len());
        for i in &self.industries {
            if seen.contains(i) {
                return fail("industries", format!("lists {i} twice"));
            }
            seen.push(*i);
        }
        if let Some(t) = &self.tolerance
            && t.to < t.from
        {
            return fail(
                "tolerance",
                format!("ends on {} before it starts on {}", t.to, t.from),
            );
        }
        Ok(())
    }

    /// Whether the entity is inside its tolerance period (包容期) on `date`.
    pub fn in_tolerance_period(&self, date: NaiveDate) -> bool {
        self.tolerance.as_ref().is_some_and(|t| t.covers(date))
    }
}
