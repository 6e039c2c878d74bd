//! Target selection for one task (draw algorithm §6–§7): who is in the pool,
//! who is excluded or down-weighted and why, how many each stratum takes,
//! and the entities with the smallest keys. Works on roster parts whose
//! results merge into exactly the single-pass result.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::SamplingError;
use super::plan::{Plan, Size, Task, TaskKind};
use super::prf::{KeyBatch, Prf, weighted_key};
use super::roster::{Columns, InspectionHistory, TargetRoster, industry_bit};
use super::wire::object_only;
use crate::entity::Uscc;

mod exclusion;
mod fast;
mod takes;

pub use exclusion::{Exclusion, ExclusionRule};
pub(crate) use takes::takes;

/// Pool sizes of one task over a roster part; parts add up (§7).
/// Serializable, so that parts counted on other machines can be summed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct TaskCounts {
    /// Entities passing the filter (the task's population).
    pub population: u64,
    /// Eligible entities per stratum part: index 2s normal, 2s+1 reduced.
    pub pools: Vec<u64>,
}

impl TaskCounts {
    /// Adds another part's counts.
    pub fn add(&mut self, other: &TaskCounts) {
        self.population += other.population;
        if self.pools.len() < other.pools.len() {
            self.pools.resize(other.pools.len(), 0);
        }
        for (a, b) in self.pools.iter_mut().zip(&other.pools) {
            *a += b;
        }
    }
}

/// A candidate: its weighted key (0 in uniform draws), then its PRF value.
/// Serialized exactly: the weighted key by its bits, the PRF value in hex.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(into = "CandWire", try_from = "CandWire")]
pub(crate) struct Cand {
    pub weighted: f64,
    pub key: u128,
    pub uscc: Uscc,
}

/// [`Cand`] as it crosses a process boundary: `[weighted-key bits, PRF
/// value as 32 hex digits, code]`.
#[derive(Serialize, Deserialize)]
struct CandWire(u64, String, Uscc);

impl From<Cand> for CandWire {
    fn from(c: Cand) -> Self {
        CandWire(c.weighted.to_bits(), format!("{:032x}", c.key), c.uscc)
    }
}

impl TryFrom<CandWire> for Cand {
    type Error = String;

    fn try_from(w: CandWire) -> Result<Self, String> {
        let lower_hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
        if w.1.len() != 32 || !w.1.bytes().all(lower_hex) {
            return Err(format!(
                "candidate key {:?} is not 32 lower-case hex digits",
                w.1
            ));
        }
        let key = u128::from_str_radix(&w.1, 16)
            .map_err(|_| format!("candidate key {:?} is not 32 hex digits", w.1))?;
        Ok(Cand {
            weighted: f64::from_bits(w.0),
            key,
            uscc: w.2,
        })
    }
}

impl Cand {
    pub(crate) fn cmp(&self, other: &Cand) -> std::cmp::Ordering {
        self.weighted
            .total_cmp(&other.weighted)
            .then(self.key.cmp(&other.key))
    }
}

/// A task's selection over one roster part, before merging (§7).
/// Serializable exactly, so that parts selected on other machines can be
/// merged.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct PartialSelection {
    pub(crate) winners: Vec<Vec<Cand>>,
    pub(crate) exclusions: Vec<Exclusion>,
    pub(crate) reduced: Vec<Uscc>,
}

impl PartialSelection {
    /// Every selected entity, stratum part by stratum part (within a part in
    /// no particular order until the record sorts them by key).
    pub fn selected(&self) -> impl Iterator<Item = Uscc> + '_ {
        self.winners.iter().flatten().map(|c| c.uscc)
    }

    /// Number of stratum parts (2 per stratum: normal, then reduced).
    pub fn parts(&self) -> usize {
        self.winners.len()
    }

    /// The entities selected in stratum part `part` (index 2s normal, 2s+1
    /// reduced), in no particular order; none for a part out of range.
    pub fn selected_in(&self, part: usize) -> impl Iterator<Item = Uscc> + '_ {
        self.winners.get(part).into_iter().flatten().map(|c| c.uscc)
    }

    /// Checks a selection merged from parts against the summed counts and
    /// the takes: each stratum part holds exactly its take, no entity twice,
    /// one reduced entity per entity in a reduced pool and one exclusion per
    /// entity of the population outside the pools. A part lost, repeated or
    /// taken from another task's counts fails at least one of these.
    ///
    /// # Errors
    /// [`SamplingError::InvalidPartState`] naming the first that fails.
    pub fn check_against(&self, counts: &TaskCounts, takes: &[u64]) -> Result<(), SamplingError> {
        let bad = |problem: String| Err(SamplingError::InvalidPartState { problem });
        if self.winners.len() != takes.len() || counts.pools.len() != takes.len() {
            return bad(format!(
                "the selection has {} stratum parts, the counts {} and the takes {}",
                self.winners.len(),
                counts.pools.len(),
                takes.len()
            ));
        }
        for (i, (w, &t)) in self.winners.iter().zip(takes).enumerate() {
            if w.len() as u64 != t {
                return bad(format!(
                    "stratum part {i} holds {} selected entities, its take is {t}",
                    w.len()
                ));
            }
        }
        let mut seen: Vec<u128> = self
            .winners
            .iter()
            .flatten()
            .map(|c| super::prf::uscc_block(&c.uscc))
            .collect();
        seen.sort_unstable();
        if seen.windows(2).any(|w| w[0] == w[1]) {
            return bad("an entity is selected twice: a part was given twice".into());
        }
        let reduced: u64 = counts.pools.iter().skip(1).step_by(2).sum();
        if self.reduced.len() as u64 != reduced {
            return bad(format!(
                "{} reduced entities listed, the counts have {reduced}",
                self.reduced.len()
            ));
        }
        let pooled: u64 = counts.pools.iter().sum();
        if counts.population < pooled || self.exclusions.len() as u64 != counts.population - pooled
        {
            return bad(format!(
                "{} exclusions listed, the counts imply {}",
                self.exclusions.len(),
                counts.population.saturating_sub(pooled)
            ));
        }
        Ok(())
    }

    /// Sorts each stratum part's winners, smallest key first (§7 step 6).
    pub(crate) fn sort(&mut self) {
        for w in &mut self.winners {
            w.sort_unstable_by(Cand::cmp);
        }
    }

    /// Merges another part's selection, keeping each stratum part's `takes`
    /// smallest keys.
    ///
    /// Stratum parts beyond `takes` are dropped (they take nothing).
    pub fn merge(&mut self, other: PartialSelection, takes: &[u64]) {
        self.winners.resize(takes.len(), Vec::new());
        for (i, w) in other.winners.into_iter().enumerate().take(takes.len()) {
            self.winners[i].extend(w);
            keep_smallest(&mut self.winners[i], takes[i] as usize);
        }
        self.exclusions.extend(other.exclusions);
        self.reduced.extend(other.reduced);
    }
}

/// Keeps the `take` smallest candidates, unordered (the record sorts them).
fn keep_smallest(c: &mut Vec<Cand>, take: usize) {
    keep_smallest_by(c, take, Cand::cmp);
}

/// Keeps the `take` smallest of `c` under `cmp`, unordered.
fn keep_smallest_by<T>(c: &mut Vec<T>, take: usize, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if c.len() > take {
        if take == 0 {
            c.clear();
            return;
        }
        c.select_nth_unstable_by(take - 1, &cmp);
        c.truncate(take);
    }
}

/// A candidate in the scan: weighted key, PRF value, row in the part.
type RowCand = (f64, u128, u32);

fn row_cmp(a: &RowCand, b: &RowCand) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
}

/// Where an entity goes in a task.
enum Fate {
    Out,
    Excluded(ExclusionRule),
    Pool(usize),
}

/// One task's fixed context for scanning roster parts.
pub(crate) struct TaskScan<'a> {
    plan: &'a Plan,
    task: &'a Task,
    history: &'a InspectionHistory,
    prf: Prf,
    industries: u16,
    /// Bit `s as u32` set for each registration status the filter admits.
    statuses: u32,
    /// Bit `k as u32` set for each entity kind the filter admits; 0 for all.
    kinds: u32,
    regions: Vec<(u32, u32)>,
    repeat_from: Option<NaiveDate>,
    penalty_cutoff: Option<NaiveDate>,
    /// Standard deviations of margin in the fused scan's share bounds (6;
    /// tests lower it to force the exact fallback).
    sigmas: f64,
    /// Set when the fused scan fell back to the two passes.
    #[cfg(test)]
    fell_back: std::sync::atomic::AtomicBool,
}

impl<'a> TaskScan<'a> {
    pub(crate) fn new(plan: &'a Plan, t: usize, history: &'a InspectionHistory, prf: Prf) -> Self {
        let task = &plan.tasks[t];
        let regions = task
            .filter
            .regions
            .iter()
            .map(|p| {
                let scale = 10u32.pow(6 - p.len() as u32);
                let lo: u32 = p.parse::<u32>().unwrap_or(0) * scale;
                (lo, lo + scale)
            })
            .collect();
        let back = |m: u32| {
            plan.as_of
                .checked_sub_months(Months::new(m))
                .unwrap_or(NaiveDate::MIN)
        };
        TaskScan {
            plan,
            task,
            history,
            prf,
            industries: task
                .filter
                .industries
                .iter()
                .fold(0, |m, i| m | industry_bit(*i)),
            statuses: task
                .filter
                .statuses
                .iter()
                .fold(0, |m, s| m | 1 << *s as u32),
            kinds: task.filter.kinds.iter().fold(0, |m, k| m | 1 << *k as u32),
            regions,
            repeat_from: task.rules.repeat_window_months.map(back),
            penalty_cutoff: task.rules.penalty_free.as_ref().map(|p| back(12 * p.years)),
            sigmas: 6.0,
            #[cfg(test)]
            fell_back: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Class index of each of the part's interned classes: stratum, or why not.
    fn class_map(
        &self,
        part: &TargetRoster,
    ) -> Result<Vec<Result<usize, ExclusionRule>>, SamplingError> {
        part.classes
            .iter()
            .map(|c| {
                if !self.plan.classes.contains(c) {
                    let ix = part.classes.iter().position(|x| x == c).expect("interned") as u16;
                    let uscc = part
                        .cols
                        .class
                        .iter()
                        .position(|&k| k == ix)
                        .map(|i| part.cols.uscc[i]);
                    return Err(SamplingError::UnknownClass {
                        uscc: uscc.expect("an interned class has a row"),
                        class: c.clone(),
                        allowed: self.plan.classes.clone(),
                    });
                }
                let rules = &self.task.rules;
                if rules.undisturbed_classes.contains(c) && !rules.draw_undisturbed {
                    return Ok(Err(ExclusionRule::UndisturbedClass));
                }
                Ok(self
                    .task
                    .strata
                    .iter()
                    .position(|s| s.class == *c)
                    .ok_or(ExclusionRule::NoStratum))
            })
            .collect()
    }

    #[inline(always)]
    fn fate(&self, c: &Columns, i: usize, classes: &[Result<usize, ExclusionRule>]) -> Fate {
        if self.statuses & (1 << c.status[i] as u32) == 0
            || (self.industries != 0 && c.industries[i] & self.industries == 0)
            || (self.kinds != 0 && self.kinds & (1 << c.kind[i] as u32) == 0)
            || (!self.regions.is_empty()
                && !self
                    .regions
                    .iter()
                    .any(|&(lo, hi)| (lo..hi).contains(&c.region[i])))
        {
            return Fate::Out;
        }
        let stratum = match classes[c.class[i] as usize] {
            Ok(s) => s,
            Err(rule) => return Fate::Excluded(rule),
        };
        if !self.history.is_empty()
            && let Some((rule, _)) = self.history_exclusion(&c.uscc[i])
        {
            return Fate::Excluded(rule);
        }
        let reduced = self.penalty_cutoff.is_some_and(|cut| {
            c.registered_on[i] <= cut && c.last_penalty_on[i].is_none_or(|p| p <= cut)
        });
        Fate::Pool(2 * stratum + usize::from(reduced))
    }

    /// The recorded facts behind an exclusion (only built for the record).
    fn detail(&self, part: &TargetRoster, i: usize, rule: ExclusionRule) -> String {
        match rule {
            ExclusionRule::UndisturbedClass | ExclusionRule::NoStratum => {
                format!("credit class {}", part.classes[part.cols.class[i] as usize])
            }
            _ => self
                .history_exclusion(&part.cols.uscc[i])
                .map(|(_, d)| d)
                .unwrap_or_default(),
        }
    }

    fn history_exclusion(&self, uscc: &Uscc) -> Option<(ExclusionRule, String)> {
        let as_of = self.plan.as_of;
        let past: Vec<_> = self.history.of(uscc).filter(|p| p.date <= as_of).collect();
        if let Some(from) = self.repeat_from {
            let mut recent: Vec<_> = past
                .iter()
                .filter(|p| p.date > from && p.level >= self.plan.level)
                .filter_map(|p| {
                    let mut shared: Vec<&str> = p
                        .items
                        .iter()
                        .filter(|c| self.task.items.iter().any(|i| i.code == **c))
                        .map(String::as_str)
                        .collect();
                    shared.sort_unstable();
                    shared.dedup();
                    (!shared.is_empty()).then(|| {
                        format!(
                            "{} by {} ({}) on {}",
                            shared.join("+"),
                            p.department,
                            p.level.id(),
                            p.date
                        )
                    })
                })
                .collect();
            if !recent.is_empty() {
                recent.sort();
                return Some((ExclusionRule::RecentlyInspected, recent.join("; ")));
            }
        }
        if let Some(cap) = self.task.rules.yearly_cap {
            let n = past
                .iter()
                .filter(|p| p.department == self.task.department && p.date.year() == as_of.year())
                .count();
            if n >= cap as usize {
                return Some((
                    ExclusionRule::YearlyCap,
                    format!(
                        "{n} inspections by {} in {}",
                        self.task.department,
                        as_of.year()
                    ),
                ));
            }
        }
        None
    }

    /// Pool sizes over one part (§7 pass 1).
    pub(crate) fn count(&self, part: &TargetRoster) -> Result<TaskCounts, SamplingError> {
        let classes = self.class_map(part)?;
        let counted = in_slices(part.len(), |range| {
            let mut c = TaskCounts {
                population: 0,
                pools: vec![0; 2 * self.task.strata.len()],
            };
            for i in range {
                match self.fate(&part.cols, i, &classes) {
                    Fate::Out => {}
                    Fate::Excluded(_) => c.population += 1,
                    Fate::Pool(s) => {
                        c.population += 1;
                        c.pools[s] += 1;
                    }
                }
            }
            c
        });
        let mut total = TaskCounts {
            population: 0,
            pools: vec![0; 2 * self.task.strata.len()],
        };
        for c in &counted {
            total.add(c);
        }
        Ok(total)
    }

    /// The part's winners per stratum part given the takes (§7 pass 2).
    pub(crate) fn select(
        &self,
        part: &TargetRoster,
        takes: &[u64],
    ) -> Result<PartialSelection, SamplingError> {
        let classes = self.class_map(part)?;
        // Slices of one part are parts too: they merge into the same result.
        if self.plain() {
            return Ok(self.select_plain(part, &classes, takes));
        }
        let mut slices = in_slices(part.len(), |range| {
            self.select_range(part, &classes, range, takes)
        });
        let mut out = slices.remove(0);
        for s in slices {
            out.merge(s, takes);
        }
        Ok(out)
    }

    fn select_range(
        &self,
        part: &TargetRoster,
        classes: &[Result<usize, ExclusionRule>],
        range: std::ops::Range<usize>,
        takes: &[u64],
    ) -> PartialSelection {
        const CHUNK: usize = 4096;
        let cols = &part.cols;
        let mut winners: Vec<Vec<RowCand>> = vec![Vec::new(); takes.len()];
        let mut exclusions = Vec::new();
        let mut reduced = Vec::new();
        // The largest kept candidate once a stratum part's buffer was first
        // trimmed: anything larger can never win.
        let mut bound: Vec<Option<RowCand>> = vec![None; takes.len()];
        let (mut blocks, mut slots) = (Vec::with_capacity(CHUNK), Vec::with_capacity(CHUNK));
        let mut keys = KeyBatch::default();
        let mut start = range.start;
        while start < range.end {
            let end = (start + CHUNK).min(range.end);
            blocks.clear();
            slots.clear();
            for i in start..end {
                match self.fate(cols, i, classes) {
                    Fate::Out => {}
                    Fate::Excluded(rule) => exclusions.push(Exclusion {
                        uscc: cols.uscc[i],
                        rule,
                        detail: self.detail(part, i, rule),
                    }),
                    Fate::Pool(s) => {
                        if s % 2 == 1 {
                            reduced.push(cols.uscc[i]);
                        }
                        if takes[s] > 0 {
                            blocks.push(cols.block[i]);
                            slots.push((s, i as u32));
                        }
                    }
                }
            }
            self.prf.eval_batch(&blocks, &mut keys);
            for (j, &(s, i)) in slots.iter().enumerate() {
                let key = keys.get(j);
                let weighted = if self.task.weighted {
                    weighted_key(key, cols.weight[i as usize])
                } else {
                    0.0
                };
                let cand = (weighted, key, i);
                if bound[s].is_some_and(|b| row_cmp(&cand, &b).is_gt()) {
                    continue;
                }
                let w = &mut winners[s];
                w.push(cand);
                // Bound memory: trim to the take whenever the buffer doubles.
                if w.len() >= 2 * (takes[s] as usize).max(CHUNK) {
                    // Partition only: the take-th smallest becomes the bound.
                    let t = takes[s] as usize;
                    w.select_nth_unstable_by(t - 1, row_cmp);
                    w.truncate(t);
                    bound[s] = Some(w[t - 1]);
                }
            }
            start = end;
        }
        let winners = winners
            .into_iter()
            .zip(takes)
            .map(|(mut w, &t)| {
                keep_smallest_by(&mut w, t as usize, row_cmp);
                w.into_iter()
                    .map(|(weighted, key, i)| Cand {
                        weighted,
                        key,
                        uscc: cols.uscc[i as usize],
                    })
                    .collect()
            })
            .collect();
        PartialSelection {
            winners,
            exclusions,
            reduced,
        }
    }
}

/// Runs `f` over contiguous index ranges of `0..len`, one per available core
/// for large rosters, and returns the results in range order.
fn in_slices<T: Send>(len: usize, f: impl Fn(std::ops::Range<usize>) -> T + Sync) -> Vec<T> {
    const MIN_SLICE: usize = 1 << 16;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let n = threads.min(len / MIN_SLICE).max(1);
    if n == 1 {
        return vec![f(0..len)];
    }
    let size = len.div_ceil(n);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .map(|k| {
                let f = &f;
                let range = k * size..((k + 1) * size).min(len);
                scope.spawn(move || f(range))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("draw worker does not panic"))
            .collect()
    })
}

object_only!(TaskCounts, PartialSelection);
