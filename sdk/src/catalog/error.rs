//! What can go wrong loading a catalog or resolving responsibility.

/// An error from the catalog: a file that cannot be read as a catalog, a
/// record that fails validation, or a lookup of something the catalog does
/// not hold. Loading and merging refuse the whole input on the first error,
/// so no catalog is ever half-built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// The text is not valid JSON or TOML. Remedy: fix the syntax at the
    /// position the message gives.
    #[error("catalog is not valid {format}: {message}")]
    Syntax {
        /// `JSON` or `TOML`.
        format: &'static str,
        /// The parser's message, with line and column.
        message: String,
    },
    /// A record does not have the catalog's shape: a missing or unknown
    /// field, a value of the wrong type, an unknown enum value. Remedy: follow
    /// the schema of `sdk/data/catalog.json`.
    #[error("{record}: {message}")]
    Malformed {
        /// The record, e.g. `item F-01`, `department #3`, `boundary #2`.
        record: String,
        /// What serde reported.
        message: String,
    },
    /// Two items share a code (within one file, or across files in a strict
    /// merge). Remedy: rename one, or merge with
    /// [`MergeMode::Override`](super::MergeMode::Override) to replace the
    /// earlier one on purpose.
    #[error("item {code}: duplicate item code")]
    DuplicateItem {
        /// The code.
        code: String,
    },
    /// Two departments share an id. Remedy: as for [`CatalogError::DuplicateItem`].
    #[error("department {id}: duplicate department id")]
    DuplicateDepartment {
        /// The id.
        id: String,
    },
    /// A record or a request names a department the catalog does not define.
    /// Remedy: add the department to the catalog or correct the id.
    #[error("{record}: field `{field}`: unknown department {id:?}")]
    UnknownDepartment {
        /// The record or request, e.g. `item F-11`, `approval facts`.
        record: String,
        /// The field naming it.
        field: &'static str,
        /// The id as given.
        id: String,
    },
    /// An item names an industry that [`Industry`](crate::entity::Industry)
    /// does not know. Remedy: use one of the ids listed in the message.
    #[error("item {code}: field `industry`: {source}")]
    UnknownIndustry {
        /// The item's code.
        code: String,
        /// The lookup error, listing the known industries.
        source: crate::entity::UnknownIndustry,
    },
    /// A field holds a value the catalog refuses: an empty name, a malformed
    /// citation, a domain that contradicts the industry, a boundary entry
    /// whose lead differs from the item's department, and the like. Remedy:
    /// correct the field as the problem says.
    #[error("{record}: field `{field}`: {problem}")]
    InvalidField {
        /// The record, e.g. `item G-01`, `boundary #2`.
        record: String,
        /// The field at fault, e.g. `name`, `legal_basis[1]`.
        field: String,
        /// What is wrong.
        problem: String,
    },
    /// A lookup or a boundary entry names an item code the catalog does not
    /// hold. Remedy: check the code against the catalog.
    #[error("unknown item code {code:?}")]
    UnknownItem {
        /// The code as given.
        code: String,
    },
    /// The host's catalog source (a database, a service) failed; its
    /// message is kept. Remedy: as the source's message says.
    #[error("catalog source failed: {message}")]
    Source {
        /// The source's message.
        message: String,
    },
}
