//! Why an entity of a task's population was left out (§7 step 2), as the
//! record lists it.

use serde::{Deserialize, Serialize};

use crate::entity::Uscc;
use crate::sampling::wire::object_only;

/// Why an entity in a task's population was not drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "an exclusion rule text")]
#[non_exhaustive]
pub enum ExclusionRule {
    /// The class is not drawn for routine checks (无事不扰, 国市监信发〔2022〕6号).
    UndisturbedClass,
    /// The class has no stratum in the task.
    NoStratum,
    /// Checked on one of the task's items by the same or a higher level within
    /// the window (after SAMR Order 49 Art. 42; see [`Rules::repeat_window_months`](crate::sampling::Rules::repeat_window_months)).
    RecentlyInspected,
    /// The department's yearly cap of inspections of the entity is reached.
    YearlyCap,
}

/// An entity left out of a task's draw, with the rule and the facts behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "an exclusion object {uscc, rule, detail}"
)]
pub struct Exclusion {
    /// The entity.
    pub uscc: Uscc,
    /// The rule applied.
    pub rule: ExclusionRule,
    /// The facts, e.g. "F-09 by market_regulation (county) on 2026-10-02".
    pub detail: String,
}

object_only!(Exclusion);
