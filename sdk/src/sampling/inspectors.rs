//! The inspector roster (执法检查人员名录库) and the second random of
//! "double random": drawing inspectors for each visit (draw algorithm §8).

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::SamplingError;
use super::plan::{InspectorRules, PlanItem};
use super::prf::{Digest32, push_lp};
use super::record::{Assignment, Recusal, Visit, canonical_json};
use crate::entity::{Industry, Uscc};

/// Whether an inspector can currently be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
#[serde(deny_unknown_fields)]
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
    #[serde(default)]
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

/// The §8 key of an inspector for a visit: SHA-256(seed ‖ lp("inspector") ‖
/// lp(uscc) ‖ lp(id)); smaller keys are drawn first.
fn inspector_key(seed: &Digest32, uscc: &Uscc, id: &str) -> Digest32 {
    let mut buf = Vec::with_capacity(80);
    buf.extend_from_slice(seed);
    push_lp(&mut buf, b"inspector");
    push_lp(&mut buf, uscc.as_str().as_bytes());
    push_lp(&mut buf, id.as_bytes());
    Sha256::digest(&buf).into()
}

/// Draws inspectors for the visits of a plan under `seed` (§8), in the
/// visits' order, filling each visit's `inspectors`, and returns the
/// recusals made. Each visit's choice depends only on the seed, the visit
/// and the roster (and, through workload caps, on earlier visits), so a
/// recusal for one visit changes no other visit's assignment unless a cap binds.
///
/// # Errors
/// [`SamplingError::InsufficientInspectors`] for the first visit that cannot
/// be staffed; `visits` is then left partly filled.
pub fn assign_inspectors(
    seed: &Digest32,
    roster: &InspectorRoster,
    plan: &super::Plan,
    visits: &mut [Visit],
) -> Result<Vec<Recusal>, SamplingError> {
    assign(seed, roster, &plan.inspectors, visits, |v, dept| {
        let mut items: Vec<PlanItem> = Vec::new();
        for &t in &v.tasks {
            let Some(task) = plan.tasks.get(t as usize) else {
                continue;
            };
            if task.department == dept {
                for i in &task.items {
                    if !items.iter().any(|x| x.code == i.code) {
                        items.push(i.clone());
                    }
                }
            }
        }
        items
    })
}

/// The §8 draw with the items of each (visit, department) supplied by `items_of`.
fn assign(
    seed: &Digest32,
    roster: &InspectorRoster,
    rules: &InspectorRules,
    visits: &mut [Visit],
    items_of: impl Fn(&Visit, &str) -> Vec<PlanItem>,
) -> Result<Vec<Recusal>, SamplingError> {
    let mut by_dept: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, i) in roster.inspectors.iter().enumerate() {
        by_dept.entry(i.department.as_str()).or_default().push(n);
    }
    let mut load = vec![0u32; roster.inspectors.len()];
    let mut recusals = Vec::new();
    for visit in visits.iter_mut() {
        let departments: BTreeSet<String> = visit.departments.iter().cloned().collect();
        let mut teams = Vec::new();
        for dept in departments {
            let items = items_of(visit, &dept);
            let mut candidates: Vec<(Digest32, usize)> = Vec::new();
            let (mut unqualified, mut inactive) = (0usize, 0usize);
            for &n in by_dept.get(dept.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                let insp = &roster.inspectors[n];
                if insp.status != InspectorStatus::Active {
                    inactive += 1;
                    continue;
                }
                if !items.iter().all(|it| insp.qualified_for(it)) {
                    unqualified += 1;
                    continue;
                }
                if insp.conflicts.contains(&visit.uscc) {
                    recusals.push(Recusal {
                        uscc: visit.uscc,
                        inspector: insp.id.clone(),
                        department: dept.clone(),
                    });
                    continue;
                }
                candidates.push((inspector_key(seed, &visit.uscc, &insp.id), n));
            }
            candidates.sort_unstable();
            let need = rules.per_department as usize;
            let mut chosen: Vec<usize> = Vec::with_capacity(need.min(candidates.len()));
            let mut used_teams: BTreeSet<&str> = BTreeSet::new();
            let mut at_cap = 0usize;
            for &(_, n) in &candidates {
                if chosen.len() == need {
                    break;
                }
                let insp = &roster.inspectors[n];
                let cap = insp.workload_cap.or(rules.workload_cap);
                if cap.is_some_and(|c| load[n] >= c) {
                    at_cap += 1;
                    continue;
                }
                if rules.distinct_teams && used_teams.contains(insp.team.as_str()) {
                    continue;
                }
                used_teams.insert(&insp.team);
                chosen.push(n);
            }
            if chosen.len() < need {
                let recused = recusals
                    .iter()
                    .filter(|r| r.uscc == visit.uscc && r.department == dept)
                    .count();
                return Err(SamplingError::InsufficientInspectors {
                    uscc: visit.uscc,
                    department: dept,
                    needed: need,
                    found: chosen.len(),
                    detail: format!(
                        "{} eligible; {recused} recused (回避), {unqualified} not qualified for every item, {inactive} not active, {at_cap} at their workload cap{}",
                        candidates.len(),
                        if rules.distinct_teams {
                            "; teams must differ"
                        } else {
                            ""
                        }
                    ),
                });
            }
            for &n in &chosen {
                load[n] += 1;
            }
            teams.push(Assignment {
                department: dept,
                inspectors: chosen
                    .iter()
                    .map(|&n| roster.inspectors[n].id.clone())
                    .collect(),
            });
        }
        visit.inspectors = teams;
    }
    Ok(recusals)
}
