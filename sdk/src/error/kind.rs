//! The stable kinds of failure: one list, owned by the SDK, that every face
//! reports (`jg_last_error_kind` in C, `Error.kind` in Python, the command's
//! messages) and maps in one place (C: kind → status; Python: kind →
//! exception class). `docs/errors.md` tables them; a parity test holds the
//! table, the C mapping and the Python mapping to this list.

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// What kind of failure an error is, as a stable snake_case name.
        ///
        /// Names never change or disappear once released; new kinds are
        /// appended (the enum is non-exhaustive). Kinds marked "a binding's"
        /// are raised by the C or Python face for an argument the SDK never
        /// saw; [`Error::kind`](crate::Error::kind) returns the others.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $( $(#[$doc])* $variant, )*
        }

        impl ErrorKind {
            /// Every kind, in the order of `docs/errors.md`.
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$variant),*];

            /// The kind's stable snake_case name.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorKind::$variant => $name,)*
                }
            }

            /// The kind named `name`, if there is one.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(ErrorKind::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

kinds! {
    // What a binding raises for an argument the SDK never saw.
    /// A binding's: an argument with a wrong value or shape (JSON of the
    /// wrong shape, an impossible date, a missing column, a short buffer).
    InvalidInput = "invalid_input",
    /// A binding's (Python): an argument of the wrong type.
    InvalidType = "invalid_type",
    /// A binding's (C): a required pointer argument was NULL.
    NullArgument = "null_argument",
    /// A binding's (C): a string argument is not valid UTF-8.
    InvalidUtf8 = "invalid_utf8",
    /// A binding's (C): a row or index past the end.
    OutOfRange = "out_of_range",
    /// A binding's: the library panicked, a bug in jianguan.
    Panic = "panic",

    // Codes and entities.
    /// A unified social credit code that fails GB 32100-2015's checks.
    InvalidUscc = "invalid_uscc",
    /// A market-entity record that is inconsistent.
    InvalidEntity = "invalid_entity",
    /// Text that does not parse: a catalog's JSON or TOML, holiday data, an
    /// outcome code table.
    InvalidSyntax = "invalid_syntax",

    // The catalog.
    /// A catalog record or a question the catalog refuses: a malformed or
    /// duplicate record, an invalid field, approval facts that contradict
    /// the item's approval mode.
    CatalogRefused = "catalog_refused",
    /// A record or request names a department the catalog does not define.
    UnknownDepartment = "unknown_department",
    /// A supervision item code the catalog does not hold (in a lookup or in
    /// a draw's plan).
    UnknownItem = "unknown_item",
    /// The host's catalog source failed (a database, a service).
    CatalogSource = "catalog_source",

    // Credit.
    /// A credit scheme or profile that is not valid, or a class the scheme
    /// does not define.
    InvalidCredit = "invalid_credit",
    /// The host's credit source (a callback, a database) failed.
    CreditSource = "credit_source",

    // Working days.
    /// The calendar cannot answer: a year without a holiday notice, a
    /// reversed range, a date beyond the representable ones.
    Calendar = "calendar",
    /// Holiday data the calendar refuses (no years, a bad year or entry).
    InvalidHolidays = "invalid_holidays",

    // Plugins.
    /// A plugin that failed to load, or a plugins folder that cannot be read.
    PluginLoad = "plugin_load",
    /// No loaded plugin has the id asked for.
    PluginNotLoaded = "plugin_not_loaded",
    /// Facts refused, naming row and fact: by the plugin's schema (before
    /// the plugin was called) or by the plugin's own rules.
    InvalidFacts = "invalid_facts",
    /// A plugin failed, panicked, or returned a result that breaks the contract.
    PluginFailed = "plugin_failed",
    /// The plugin does not offer the operation asked of it (e.g. duties
    /// from a plugin that only grades).
    UnsupportedOperation = "unsupported_operation",

    // The draw (docs/draw-algorithm.md §9 names each refusal).
    /// A stratum asked for more entities than it holds.
    StratumTooSmall = "stratum_too_small",
    /// A stratum lists an entity twice.
    DuplicateMember = "duplicate_member",
    /// A stratum with a positive size has no eligible entity.
    EmptyStratum = "empty_stratum",
    /// The plan is not valid.
    InvalidPlan = "invalid_plan",
    /// A roster row that is not valid.
    InvalidRoster = "invalid_roster",
    /// A roster lists one code twice.
    DuplicateEntity = "duplicate_entity",
    /// Roster parts given out of order, or overlapping.
    PartsOutOfOrder = "parts_out_of_order",
    /// A saved roster-digest state that cannot be resumed.
    InvalidPartState = "invalid_part_state",
    /// A credit class the plan's strata do not know.
    UnknownClass = "unknown_class",
    /// An inspection-history entry that is not valid.
    InvalidHistory = "invalid_history",
    /// An inspector entry that is not valid.
    InvalidInspector = "invalid_inspector",
    /// The public values given are not the ones the plan announced, in order.
    EntropyMismatch = "entropy_mismatch",
    /// A publicity task below the 3% minimum.
    PublicityMinimum = "publicity_minimum",
    /// Too few eligible inspectors for a visit.
    InsufficientInspectors = "insufficient_inspectors",
    /// A record of a format or algorithm version this library cannot re-run.
    UnsupportedRecord = "unsupported_record",
    /// A record that is not the draw its rosters give.
    VerificationFailed = "verification_failed",

    // RFC 3797, inspection results, referral.
    /// An RFC 3797 selection that cannot be made (no sources, an empty
    /// source, a count beyond the pool, a pool too large).
    Rfc3797Refused = "rfc3797_refused",
    /// An outcome code table the SDK refuses.
    InvalidOutcomeTable = "invalid_outcome_table",
    /// Inspection results that cannot be recorded.
    InvalidResults = "invalid_results",
    /// A referral to the police missing a document Decree 310 Art. 6 requires.
    MissingDocument = "missing_document",
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ErrorKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorKind;

    #[test]
    fn names_are_unique_snake_case_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for k in ErrorKind::ALL {
            let name = k.as_str();
            assert!(seen.insert(name), "{name} twice");
            assert!(
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{name} is not snake_case"
            );
            assert_eq!(ErrorKind::from_name(name), Some(*k));
        }
        assert_eq!(ErrorKind::from_name("no_such_kind"), None);
    }
}
