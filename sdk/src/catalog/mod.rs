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
/// Implement the required methods to serve items from the host's own store;
/// the filters and [`resolve`](ItemCatalog::resolve) come for free and behave
/// the same for every implementation.
pub trait ItemCatalog {
    /// The item with `code`, if any.
    fn item(&self, code: &str) -> Option<&SupervisionItem>;
    /// Every item, in catalog order.
    fn items(&self) -> Box<dyn Iterator<Item = &SupervisionItem> + '_>;
    /// The department with `id`, if any.
    fn department(&self, id: &str) -> Option<&Department>;
    /// Every department, in catalog order.
    fn departments(&self) -> Box<dyn Iterator<Item = &Department> + '_>;
    /// The responsibility boundary list (职责边界清单). None by default.
    fn boundaries(&self) -> &[BoundaryEntry] {
        &[]
    }
    /// The comprehensive-enforcement fields. None by default.
    fn comprehensive_enforcement(&self) -> &[ComprehensiveEnforcement] {
        &[]
    }

    /// The items of one business line.
    fn items_for_industry(&self, industry: Industry) -> Vec<&SupervisionItem> {
        self.items()
            .filter(|i| i.industry == Some(industry))
            .collect()
    }
    /// The items of one plugin domain, whether tied to one of its industries
    /// or to the domain only.
    fn items_for_domain(&self, domain: Domain) -> Vec<&SupervisionItem> {
        self.items()
            .filter(|i| i.effective_domain() == Some(domain))
            .collect()
    }
    /// The items a department supervises.
    fn items_for_department(&self, department: &str) -> Vec<&SupervisionItem> {
        self.items()
            .filter(|i| i.department == department)
            .collect()
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
