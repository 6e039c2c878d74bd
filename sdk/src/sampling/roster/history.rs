//! The inspection history a draw is checked against (the repeat window and
//! the yearly cap, §7), with its digest (§2).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::entity::Uscc;
use crate::sampling::canonical::canonical_json;
use crate::sampling::error::SamplingError;
use crate::sampling::plan::Level;
use crate::sampling::prf::Digest32;
use crate::sampling::wire::object_only;

/// A past inspection of an entity, for the repeat-window and yearly-cap rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "an inspection history entry object"
)]
pub struct PastInspection {
    /// The entity inspected.
    pub uscc: Uscc,
    /// Date of the inspection.
    #[serde(deserialize_with = "crate::sampling::wire::date")]
    pub date: NaiveDate,
    /// Inspecting department's id.
    pub department: String,
    /// Level of the inspecting body.
    pub level: Level,
    /// Item codes checked.
    pub items: Vec<String>,
}

/// The inspection history a draw is checked against, with its digest (§2).
/// The default is the empty history.
#[derive(Debug, Clone)]
pub struct InspectionHistory {
    entries: Vec<PastInspection>,
    by_entity: HashMap<Uscc, Vec<usize>>,
    digest: Digest32,
}

impl Default for InspectionHistory {
    fn default() -> Self {
        InspectionHistory {
            entries: Vec::new(),
            by_entity: HashMap::new(),
            digest: Sha256::digest([]).into(),
        }
    }
}

impl InspectionHistory {
    /// Fixes a history. Order does not matter.
    ///
    /// # Errors
    /// [`SamplingError::InvalidHistory`] for an entry with no items or a blank department.
    pub fn new(entries: impl IntoIterator<Item = PastInspection>) -> Result<Self, SamplingError> {
        let entries: Vec<PastInspection> = entries.into_iter().collect();
        let mut lines = Vec::with_capacity(entries.len());
        let mut by_entity: HashMap<Uscc, Vec<usize>> = HashMap::new();
        for (n, e) in entries.iter().enumerate() {
            if e.items.is_empty() || e.department.trim().is_empty() {
                return Err(SamplingError::InvalidHistory {
                    row: n,
                    problem: format!(
                        "inspection of {} on {} names no items or no department",
                        e.uscc, e.date
                    ),
                });
            }
            let mut canon = e.clone();
            canon.items.sort();
            let mut line = canonical_json(&canon).into_bytes();
            line.push(b'\n');
            lines.push(line);
            by_entity.entry(e.uscc).or_default().push(n);
        }
        lines.sort_unstable();
        let mut h = Sha256::new();
        for l in &lines {
            h.update(l);
        }
        Ok(InspectionHistory {
            entries,
            by_entity,
            digest: h.finalize().into(),
        })
    }

    /// The digest (§2); that of an empty history is SHA-256 of nothing.
    pub fn digest(&self) -> Digest32 {
        self.digest
    }

    /// Past inspections of one entity.
    pub fn of(&self, uscc: &Uscc) -> impl Iterator<Item = &PastInspection> {
        self.by_entity
            .get(uscc)
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
    }

    /// Whether there is no history at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

object_only!(PastInspection);
