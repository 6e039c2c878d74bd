//! Supervision items, the random-inspection list and who supervises what
//! (Pingdu plan §(一), §(二)).

pub use crate::catalog::{
    ApprovalFacts, ApprovalMode, CatalogError, Department, DepartmentId, InMemoryCatalog,
    ItemCatalog, MergeMode, Responsibility, Role, SupervisionItem,
};

use super::Supervisor;
use crate::Error;

impl Supervisor {
    /// The item catalog.
    pub fn catalog(&self) -> &dyn ItemCatalog {
        &*self.catalog
    }

    /// The supervision item with `code`.
    ///
    /// # Errors
    /// [`Error::Catalog`]: [`CatalogError::UnknownItem`] for an unknown code,
    /// [`CatalogError::Source`] when the host's catalog source fails.
    pub fn item(&self, code: &str) -> Result<SupervisionItem, Error> {
        self.catalog.item(code)?.ok_or_else(|| {
            Error::Catalog(CatalogError::UnknownItem {
                code: code.to_string(),
            })
        })
    }

    /// Every supervision item, in catalog order.
    ///
    /// # Errors
    /// [`Error::Catalog`] ([`CatalogError::Source`]) when the host's catalog
    /// source fails.
    pub fn items(&self) -> Result<Vec<SupervisionItem>, Error> {
        Ok(self.catalog.items()?)
    }

    /// Every department, in catalog order.
    ///
    /// # Errors
    /// As [`Supervisor::items`].
    pub fn departments(&self) -> Result<Vec<Department>, Error> {
        Ok(self.catalog.departments()?)
    }

    /// Which departments supervise item `code`, in which roles (Pingdu plan
    /// §(一), §(二)); see [`ItemCatalog::resolve`].
    ///
    /// # Errors
    /// As [`ItemCatalog::resolve`], wrapped in [`Error::Catalog`].
    pub fn resolve(&self, code: &str, facts: &ApprovalFacts) -> Result<Responsibility, Error> {
        Ok(self.catalog.resolve(code, facts)?)
    }
}
