//! Supervision items (监管事项), the random-inspection item list
//! (抽查事项清单), and the responsibility boundary list (职责边界清单) that
//! says which department supervises an item.
//!
//! The [`ItemCatalog`] trait is the seam where a host system plugs in its own
//! items; [`InMemoryCatalog`] implements it from JSON or TOML files and ships
//! Pingdu's default catalog ([`InMemoryCatalog::pingdu_default`]): the 56
//! items of the shared random-inspection list plus three statute-derived
//! hazardous-chemical items.
//!
//! ```
//! use jianguan::catalog::{ApprovalFacts, InMemoryCatalog, ItemCatalog, Role};
//!
//! let catalog = InMemoryCatalog::pingdu_default();
//! // Food production licensing is separated approval and supervision (审管分离):
//! // market regulation supervises afterwards; a false commitment goes back to
//! // the approval bureau (Pingdu plan §(一)).
//! let facts = ApprovalFacts { commitment_breached: true, ..Default::default() };
//! let r = catalog.resolve("F-01", &facts)?;
//! assert_eq!(r.lead().as_str(), "market_regulation");
//! assert!(r.has("administrative_approval", Role::Disposing));
//! assert!(r.has("market_regulation", Role::Assisting));
//! # Ok::<(), jianguan::catalog::CatalogError>(())
//! ```

mod department;
mod error;
mod item;
mod memory;
mod responsibility;

pub use department::{Department, DepartmentId, InvalidDepartmentId};
pub use error::CatalogError;
pub use item::{
    ApprovalMode, Certainty, Citation, InspectionCategory, ItemOrigin, SupervisionItem,
};
pub use memory::{CatalogFile, InMemoryCatalog, MergeMode};
pub use responsibility::{
    ApprovalFacts, Assignment, BoundaryEntry, ComprehensiveEnforcement, Partner, PlanClause,
    Responsibility, Role, Scope,
};

use crate::entity::{Domain, Industry};

/// A catalog of supervision items, departments and boundary-list entries.
///
/// The seam where a host serves items from its own store (a database, a
/// provincial service): every method returns owned values in a `Result`,
/// with [`CatalogError::Source`] for a failing source, as
/// [`CreditLookup`](crate::credit::CreditLookup) does. Implement the
/// required methods; the filters and [`resolve`](ItemCatalog::resolve) come
/// for free and behave the same for every implementation.
pub trait ItemCatalog {
    /// The item with `code`, or `None` when the catalog has none.
    ///
    /// # Errors
    /// [`CatalogError::Source`] when the host's source fails.
    fn item(&self, code: &str) -> Result<Option<SupervisionItem>, CatalogError>;
    /// Every item, in catalog order.
    ///
    /// # Errors
    /// [`CatalogError::Source`] when the host's source fails.
    fn items(&self) -> Result<Vec<SupervisionItem>, CatalogError>;
    /// The department with `id`, or `None`.
    ///
    /// # Errors
    /// [`CatalogError::Source`] when the host's source fails.
    fn department(&self, id: &str) -> Result<Option<Department>, CatalogError>;
    /// Every department, in catalog order.
    ///
    /// # Errors
    /// [`CatalogError::Source`] when the host's source fails.
    fn departments(&self) -> Result<Vec<Department>, CatalogError>;
    /// The responsibility boundary list (职责边界清单). None by default.
    ///
    /// # Errors
    /// [`CatalogError::Source`] when the host's source fails.
    fn boundaries(&self) -> Result<Vec<BoundaryEntry>, CatalogError> {
        Ok(Vec::new())
    }
    /// The comprehensive-enforcement fields. None by default.
    ///
    /// # Errors
    /// [`CatalogError::Source`] when the host's source fails.
    fn comprehensive_enforcement(&self) -> Result<Vec<ComprehensiveEnforcement>, CatalogError> {
        Ok(Vec::new())
    }

    /// The items of one business line.
    ///
    /// # Errors
    /// As [`items`](ItemCatalog::items).
    fn items_for_industry(&self, industry: Industry) -> Result<Vec<SupervisionItem>, CatalogError> {
        let mut items = self.items()?;
        items.retain(|i| i.industry == Some(industry));
        Ok(items)
    }
    /// The items of one plugin domain, whether tied to one of its industries
    /// or to the domain only.
    ///
    /// # Errors
    /// As [`items`](ItemCatalog::items).
    fn items_for_domain(&self, domain: Domain) -> Result<Vec<SupervisionItem>, CatalogError> {
        let mut items = self.items()?;
        items.retain(|i| i.effective_domain() == Some(domain));
        Ok(items)
    }
    /// The items a department supervises.
    ///
    /// # Errors
    /// As [`items`](ItemCatalog::items).
    fn items_for_department(&self, department: &str) -> Result<Vec<SupervisionItem>, CatalogError> {
        let mut items = self.items()?;
        items.retain(|i| i.department == department);
        Ok(items)
    }

    /// Resolves which departments supervise item `code`, in which roles, given
    /// what is known of its approval — Pingdu plan §(一) and §(二):
    ///
    /// - 审管一体 ([`ApprovalMode::Integrated`]): the item's department both
    ///   approves and supervises: [`Role::Lead`], and [`Role::Disposing`] of a
    ///   false or broken commitment.
    /// - 审管分离 ([`ApprovalMode::Separated`]): the competent department
    ///   (the item's `department`) is lead for later supervision; the approving
    ///   department is [`Role::Approving`]. When the commitment was false or
    ///   broken, the approving department is [`Role::Disposing`] and the
    ///   competent department [`Role::Assisting`] (协查), and the breach goes
    ///   into the credit record (§(五)).
    /// - 告知承诺 ([`ApprovalMode::NotificationCommitment`]): as separated; the
    ///   competent department verifies the commitment.
    /// - 取消审批 / 审批改为备案: the competent department is lead (证照分离).
    /// - no approval: the item's department is lead, as the item list names it
    ///   (§(六) "严格执行抽查事项清单").
    ///
    /// In every mode a false or broken commitment sets
    /// [`Responsibility::record_in_credit`] (§(五)).
    ///
    /// Then a matching boundary-list entry adds its partners
    /// ([`Role::Partner`]); a lead without an enforcement force brings in its
    /// configured joint-enforcement lead ([`Role::JointEnforcement`]); and in
    /// a comprehensive-enforcement field the enforcement department is added
    /// ([`Role::ComprehensiveEnforcement`]) with the approving and competent
    /// departments supporting it ([`Role::Supporting`]).
    ///
    /// # Errors
    /// [`CatalogError::Source`] when the host's source fails;
    /// [`CatalogError::UnknownItem`] for an unknown code;
    /// [`CatalogError::UnknownDepartment`] when `facts.approved_by` (or, in a
    /// host catalog, the item's department) is not in the catalog;
    /// [`CatalogError::InvalidField`] on `approved_by` when the facts
    /// contradict the mode (another department under 审管一体, the competent
    /// department under 审管分离 or 告知承诺, any department where nothing is
    /// approved); [`CatalogError::InvalidField`] when a separated or
    /// notification-commitment item has no approving department in the item or
    /// the facts, or a lead without an enforcement force names no
    /// joint-enforcement lead.
    fn resolve(&self, code: &str, facts: &ApprovalFacts) -> Result<Responsibility, CatalogError> {
        responsibility::resolve(self, code, facts)
    }
}
