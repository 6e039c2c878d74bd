//! What a plugin returns across the boundary: errors, grades, duties and
//! referral assessments. Every result points at the citation (in the
//! plugin's [`crate::PluginDescription::citations`]) of the rule it applied.

use std::fmt;

use abi_stable::{
    StableAbi,
    std_types::{RString, RVec},
};

/// Declares a one-byte value that crosses the boundary and may gain values
/// in a later minor contract: a `#[repr(transparent)]` newtype over `u8`
/// with one associated constant per value, instead of an exhaustive enum.
/// abi_stable refuses a library whose exhaustive enum lists other variants
/// than the host's, so an enum could never grow without breaking every
/// older plugin; a newtype keeps its layout, and a reader meets a code its
/// build does not know as a value (`code_name` is `None`) it can
/// refuse, not as undefined behaviour.
macro_rules! boundary_code {
    (
        $(#[$meta:meta])*
        $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[repr(transparent)]
        #[derive(StableAbi, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u8);

        // The constants stand where enum variants stood in contract 1.0, and
        // keep their names so that plugin code reads the same.
        #[allow(non_upper_case_globals)]
        impl $name {
            $($(#[$vmeta])* pub const $variant: Self = Self($code);)+

            /// Every value this contract version defines, in code order.
            pub const KNOWN: &'static [Self] = &[$(Self::$variant),+];

            /// The value with this code; it may be one this build does not
            /// know (from a later contract version).
            pub const fn from_code(code: u8) -> Self {
                Self(code)
            }

            /// The code that crosses the boundary.
            pub const fn code(self) -> u8 {
                self.0
            }

            /// The name of a value this contract version defines; `None` for
            /// a code it does not (the host refuses such a result as a
            /// contract violation).
            pub const fn code_name(self) -> Option<&'static str> {
                match self.0 {
                    $($code => Some(stringify!($variant)),)+
                    _ => None,
                }
            }

            /// Whether this contract version defines the value.
            pub const fn is_known(self) -> bool {
                self.code_name().is_some()
            }
        }

        // As the contract 1.0 enum printed, plus the code of an unknown value.
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.code_name() {
                    Some(name) => f.write_str(name),
                    None => write!(f, "{}({})", stringify!($name), self.0),
                }
            }
        }
    };
}

boundary_code! {
    /// What kind of failure a plugin reports. A code this build does not
    /// know reads as "plugin failure" here; the host refuses it as a
    /// contract violation.
    PluginErrorKind {
        /// The facts are incomplete or out of range for the rule (the message
        /// names the row and fact).
        InvalidFacts = 0,
        /// The configuration given at open is not valid.
        InvalidConfig = 1,
        /// The plugin panicked; the export macro caught it at the boundary.
        Panicked = 2,
        /// The plugin hit a failure of its own (a bug, a broken data file).
        Internal = 3,
        /// The plugin does not offer the operation: it left the
        /// [`Plugin`](crate::Plugin) method at its default body.
        Unsupported = 4,
    }
}

/// An error value returned across the boundary in place of a result.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq, Eq)]
pub struct PluginError {
    /// What kind of failure.
    pub kind: PluginErrorKind,
    /// What was wrong, naming the row and fact where there is one.
    pub message: RString,
}

impl PluginError {
    /// An `InvalidFacts` error.
    pub fn invalid_facts(message: impl Into<String>) -> Self {
        Self::new(PluginErrorKind::InvalidFacts, message)
    }

    /// An `InvalidFacts` error for a coded text fact whose code in `row` is
    /// not one of `allowed`: "row 2: fact `product` has unknown code `x`
    /// (expected one of drug, device)".
    pub fn unknown_code(row: usize, name: &str, code: &str, allowed: &[&str]) -> Self {
        Self::invalid_facts(format!(
            "row {row}: fact `{name}` has unknown code `{code}` (expected one of {})",
            allowed.join(", ")
        ))
    }

    /// An `InvalidConfig` error.
    pub fn invalid_config(message: impl Into<String>) -> Self {
        Self::new(PluginErrorKind::InvalidConfig, message)
    }

    /// An `Internal` error.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(PluginErrorKind::Internal, message)
    }

    /// An `Unsupported` error for `operation` (its name, as
    /// [`Operation::name`](crate::Operation::name) gives it): what a
    /// [`Plugin`](crate::Plugin) method left at its default body returns.
    pub fn unsupported(operation: &str) -> Self {
        Self::new(
            PluginErrorKind::Unsupported,
            format!("operation `{operation}` is not supported by this plugin"),
        )
    }

    /// An error of `kind`.
    pub fn new(kind: PluginErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: RString::from(message.into()),
        }
    }
}

impl fmt::Display for PluginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            PluginErrorKind::InvalidFacts => "invalid facts",
            PluginErrorKind::InvalidConfig => "invalid configuration",
            PluginErrorKind::Panicked => "plugin panicked",
            PluginErrorKind::Internal => "plugin failure",
            PluginErrorKind::Unsupported => "operation not supported",
            unknown => return write!(f, "plugin failure of kind {}: {}", unknown.0, self.message),
        };
        write!(f, "{kind}: {}", self.message)
    }
}

impl std::error::Error for PluginError {}

/// One reason behind a result: the rule (by citation index) and what in the
/// facts met it.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct Reason {
    /// Index into the plugin's citation list.
    pub citation: u32,
    /// What in the facts met the rule, with the figures, e.g.
    /// "S = 1.000 ≥ 1: major hazard source".
    pub detail: RString,
}

impl Reason {
    /// A reason citing `citation`.
    pub fn new(citation: u32, detail: impl Into<String>) -> Self {
        Self {
            citation,
            detail: RString::from(detail.into()),
        }
    }
}

/// Risk grades for a batch, one entry per input row in every column.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq, Default)]
pub struct GradeBatch {
    /// Grade of each row, as an index into the plugin's grade list.
    pub grades: RVec<u32>,
    /// Score of each row (the measure the grade was cut from).
    pub scores: RVec<f64>,
    /// Reasons of each row.
    pub reasons: RVec<RVec<Reason>>,
}

impl GradeBatch {
    /// An empty batch with room for `rows` rows.
    pub fn with_capacity(rows: usize) -> Self {
        Self {
            grades: RVec::with_capacity(rows),
            scores: RVec::with_capacity(rows),
            reasons: RVec::with_capacity(rows),
        }
    }

    /// Appends one row's result.
    pub fn push(&mut self, grade: u32, score: f64, reasons: RVec<Reason>) {
        self.grades.push(grade);
        self.scores.push(score);
        self.reasons.push(reasons);
    }
}

/// A dated duty of the entity or of the regulator, e.g. "request periodic
/// inspection by …" or "safety assessment due".
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct Duty {
    /// Short stable code, e.g. `periodic-inspection-request`.
    pub code: RString,
    /// The date by which the duty must be done (days since 1970-01-01).
    pub due: i32,
    /// Whether the due date has already passed on the as-of date.
    pub overdue: bool,
    /// The rule, as a reason with its citation.
    pub reason: Reason,
}

/// Duties of each input row.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq, Default)]
pub struct DutyBatch {
    /// One list per input row.
    pub rows: RVec<RVec<Duty>>,
}

boundary_code! {
    /// The outcome of a criminal-referral assessment (行刑衔接), weakest
    /// first: the order of the codes is the order of strength.
    ReferralDecision {
        /// No criminal threshold is met: handle administratively.
        DoNotRefer = 0,
        /// A threshold turns on a fact that needs testing or appraisal
        /// (检验、鉴定) first.
        NeedsTesting = 1,
        /// A criminal threshold is met: refer to public security (Decree 310 Art. 3).
        Refer = 2,
    }
}

/// The values of [`ReferralDecision`] as items, so that plugin code can
/// import them by name (`use jianguan_plugin::decisions::Refer;`), as it
/// imported the contract 1.0 enum's variants; associated constants cannot be
/// imported.
#[allow(non_upper_case_globals)]
pub mod decisions {
    use super::ReferralDecision;

    /// [`ReferralDecision::DoNotRefer`].
    pub const DoNotRefer: ReferralDecision = ReferralDecision::DoNotRefer;
    /// [`ReferralDecision::NeedsTesting`].
    pub const NeedsTesting: ReferralDecision = ReferralDecision::NeedsTesting;
    /// [`ReferralDecision::Refer`].
    pub const Refer: ReferralDecision = ReferralDecision::Refer;
}

/// The assessment of one case.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct ReferralAssessment {
    /// The overall decision: the strongest among the findings.
    pub decision: ReferralDecision,
    /// Each offence considered, with its decision and the threshold that
    /// decided it.
    pub findings: RVec<Finding>,
}

/// One offence considered for a case.
#[repr(C)]
#[derive(StableAbi, Debug, Clone, PartialEq)]
pub struct Finding {
    /// The decision for this offence.
    pub decision: ReferralDecision,
    /// The threshold and the facts that decided, with the citation.
    pub reason: Reason,
}

impl ReferralAssessment {
    /// Builds an assessment whose decision is the strongest finding's
    /// (`DoNotRefer` when there are none).
    pub fn from_findings(findings: Vec<Finding>) -> Self {
        let decision = findings
            .iter()
            .map(|f| f.decision)
            .max()
            .unwrap_or(ReferralDecision::DoNotRefer);
        Self {
            decision,
            findings: findings.into(),
        }
    }
}

impl Finding {
    /// A finding citing `citation`.
    pub fn new(decision: ReferralDecision, citation: u32, detail: impl Into<String>) -> Self {
        Self {
            decision,
            reason: Reason::new(citation, detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_keep_the_contract_1_0_order_and_names() {
        // The codes are the discriminants contract 1.0's enums had.
        let kinds: Vec<u8> = PluginErrorKind::KNOWN.iter().map(|k| k.code()).collect();
        assert_eq!(kinds, [0, 1, 2, 3, 4]);
        assert_eq!(format!("{:?}", PluginErrorKind::Panicked), "Panicked");
        assert!(ReferralDecision::DoNotRefer < ReferralDecision::NeedsTesting);
        assert!(ReferralDecision::NeedsTesting < ReferralDecision::Refer);
        assert_eq!(ReferralDecision::Refer.code(), 2);
    }

    #[test]
    fn an_unknown_code_is_a_value_not_a_failure() {
        let later = ReferralDecision::from_code(3);
        assert!(!later.is_known());
        assert_eq!(later.code_name(), None);
        assert_eq!(format!("{later:?}"), "ReferralDecision(3)");
        let e = PluginError::new(PluginErrorKind::from_code(9), "quota exceeded");
        assert_eq!(e.to_string(), "plugin failure of kind 9: quota exceeded");
        assert_eq!(
            PluginError::invalid_facts("row 0").to_string(),
            "invalid facts: row 0"
        );
    }
}
