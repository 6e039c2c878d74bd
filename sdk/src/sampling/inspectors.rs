//! The inspector roster (执法检查人员名录库) with its digest (draw algorithm
//! §2); drawing inspectors for visits is in `visits`.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::canonical::canonical_json;
use super::error::SamplingError;
use super::plan::PlanItem;
use super::prf::Digest32;
use super::wire::object_only;
use crate::entity::{Industry, Uscc};

/// Whether an inspector can currently be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "an inspector status text")]
#[non_exhaustive]
pub enum InspectorStatus {
    /// 在岗: available for draws.
    Active,
    /// 休假 / 外出: not to be drawn.
    OnLeave,
}

impl InspectorStatus {
    /// The snake_case identifier used in files.
    pub fn id(self) -> &'static str {
        match self {
            InspectorStatus::Active => "active",
            InspectorStatus::OnLeave => "on_leave",
        }
    }
}

/// One law-enforcement inspector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "an inspector object"
)]
pub struct Inspector {
    /// Roster id, unique.
    pub id: String,
    /// Name.
    pub name: String,
    /// Department id.
    pub department: String,
    /// Team or office (科室 / 大队 / 所).
    pub team: String,
    /// Business lines (industry ids) or item codes the inspector is qualified
    /// for; anyone may take items tied to no line (registration, publicity).
    #[serde(default)]
    pub qualifications: Vec<String>,
    /// Availability.
    pub status: InspectorStatus,
    /// Visits this inspector may be given in one draw, overriding the plan's cap.
    #[serde(default, deserialize_with = "super::wire::optional_count32")]
    pub workload_cap: Option<u32>,
    /// Entities the inspector must not inspect (回避, 行政处罚法 Art. 43:
    /// "与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避").
    #[serde(default)]
    pub conflicts: Vec<Uscc>,
}

impl Inspector {
    /// Whether the inspector may check `item`: an item tied to no line is
    /// open to all; otherwise the item's code, its industry, or (for a
    /// domain-only item) an industry of its domain must be among the
    /// qualifications.
    pub fn qualified_for(&self, item: &PlanItem) -> bool {
        if item.industry.is_none() && item.domain.is_none() {
            return true;
        }
        self.qualifications.iter().any(|q| {
            if *q == item.code {
                return true;
            }
            let Ok(ind) = q.parse::<Industry>() else {
                return false;
            };
            match (item.industry, item.domain) {
                (Some(i), _) => i == ind,
                (None, Some(d)) => ind.domain() == d,
                (None, None) => true,
            }
        })
    }
}

/// An inspector roster, sorted by id, with its digest (§2).
#[derive(Debug, Clone)]
pub struct InspectorRoster {
    inspectors: Vec<Inspector>,
    digest: Digest32,
}

impl InspectorRoster {
    /// Fixes a roster. Order does not matter.
    ///
    /// # Errors
    /// [`SamplingError::InvalidInspector`] for a blank id, department or
    /// team, a repeated id, or a workload cap of 0.
    pub fn new(inspectors: impl IntoIterator<Item = Inspector>) -> Result<Self, SamplingError> {
        let mut inspectors: Vec<Inspector> = inspectors.into_iter().collect();
        for i in &inspectors {
            let problem = if i.id.trim().is_empty() {
                Some("id is blank")
            } else if i.department.trim().is_empty() {
                Some("department is blank")
            } else if i.team.trim().is_empty() {
                Some("team is blank")
            } else if i.workload_cap == Some(0) {
                Some("workload_cap is 0")
            } else {
                None
            };
            if let Some(p) = problem {
                return Err(SamplingError::InvalidInspector {
                    id: i.id.clone(),
                    problem: p.into(),
                });
            }
        }
        inspectors.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(w) = inspectors.windows(2).find(|w| w[0].id == w[1].id) {
            return Err(SamplingError::InvalidInspector {
                id: w[0].id.clone(),
                problem: "appears twice".into(),
            });
        }
        let mut h = Sha256::new();
        for i in &inspectors {
            let mut canon = i.clone();
            canon.qualifications.sort();
            canon.conflicts.sort();
            h.update(canonical_json(&canon));
            h.update(b"\n");
        }
        Ok(InspectorRoster {
            inspectors,
            digest: h.finalize().into(),
        })
    }

    /// The roster's digest (§2).
    pub fn digest(&self) -> &Digest32 {
        &self.digest
    }

    /// The inspectors, in id order.
    pub fn inspectors(&self) -> &[Inspector] {
        &self.inspectors
    }
}

object_only!(Inspector);
