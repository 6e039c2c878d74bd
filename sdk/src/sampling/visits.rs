//! Visits (进一次门、查多项事) and the second random of "double random":
//! drawing inspectors for each visit, with recusal (draw algorithm §8).

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::SamplingError;
use super::inspectors::{InspectorRoster, InspectorStatus};
use super::plan::{InspectorRules, Plan, PlanItem};
use super::prf::{Digest32, push_lp};
use super::watch::{DrawWatch, VISITS_PER_CHECK};
use super::wire::object_only;
use crate::entity::Uscc;

/// One department's inspectors on a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "an assignment object"
)]
pub struct Assignment {
    /// Department.
    pub department: String,
    /// Inspector ids, in draw order.
    pub inspectors: Vec<String>,
}

/// One visit (进一次门、查多项事): an entity drawn by one or more tasks,
/// checked on all their items at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, expecting = "a visit object")]
pub struct Visit {
    /// The entity.
    pub uscc: Uscc,
    /// Indexes of the tasks that drew it.
    pub tasks: Vec<u32>,
    /// Departments involved, sorted.
    pub departments: Vec<String>,
    /// Items checked, in task order.
    pub items: Vec<String>,
    /// Inspectors per department.
    pub inspectors: Vec<Assignment>,
}

/// An inspector removed from a visit's candidates for a declared conflict
/// (回避, 行政处罚法 Art. 43).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, expecting = "a recusal object")]
pub struct Recusal {
    /// The entity.
    pub uscc: Uscc,
    /// The inspector.
    pub inspector: String,
    /// The inspector's department.
    pub department: String,
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
    plan: &Plan,
    visits: &mut [Visit],
) -> Result<Vec<Recusal>, SamplingError> {
    assign_inspectors_watched(seed, roster, plan, visits, None)
        .map(|r| r.expect("an unwatched draw is never stopped"))
}

/// [`assign_inspectors`], advancing `watch` and returning `None` as soon
/// as it asks to stop (`visits` then partly filled).
pub(crate) fn assign_inspectors_watched(
    seed: &Digest32,
    roster: &InspectorRoster,
    plan: &Plan,
    visits: &mut [Visit],
    watch: Option<&DrawWatch>,
) -> Result<Option<Vec<Recusal>>, SamplingError> {
    assign(seed, roster, &plan.inspectors, visits, watch, |v, dept| {
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
    watch: Option<&DrawWatch>,
    items_of: impl Fn(&Visit, &str) -> Vec<PlanItem>,
) -> Result<Option<Vec<Recusal>>, SamplingError> {
    let mut by_dept: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, i) in roster.inspectors().iter().enumerate() {
        by_dept.entry(i.department.as_str()).or_default().push(n);
    }
    let mut load = vec![0u32; roster.inspectors().len()];
    let mut recusals = Vec::new();
    if let Some(w) = watch {
        w.start_visits(visits.len());
    }
    for (v, visit) in visits.iter_mut().enumerate() {
        if let Some(w) = watch
            && v % VISITS_PER_CHECK == 0
        {
            if w.is_cancelled() {
                return Ok(None);
            }
            w.visits_done(v);
        }
        let departments: BTreeSet<String> = visit.departments.iter().cloned().collect();
        let mut teams = Vec::new();
        for dept in departments {
            let items = items_of(visit, &dept);
            let mut candidates: Vec<(Digest32, usize)> = Vec::new();
            let (mut unqualified, mut inactive) = (0usize, 0usize);
            for &n in by_dept.get(dept.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                let insp = &roster.inspectors()[n];
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
                let insp = &roster.inspectors()[n];
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
                    .map(|&n| roster.inspectors()[n].id.clone())
                    .collect(),
            });
        }
        visit.inspectors = teams;
    }
    if let Some(w) = watch {
        w.visits_done(visits.len());
    }
    Ok(Some(recusals))
}

object_only!(Assignment, Visit, Recusal);
