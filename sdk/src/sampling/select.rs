//! Target selection for one task (draw algorithm §6–§7): who is in the pool,
//! who is excluded or down-weighted and why, how many each stratum takes,
//! and the entities with the smallest keys. Works on roster parts whose
//! results merge into exactly the single-pass result.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::SamplingError;
use super::plan::{Plan, Size, Task, TaskKind};
use super::prf::{Prf, weighted_key};
use super::roster::{Columns, InspectionHistory, TargetRoster, industry_bit};
use crate::entity::Uscc;

/// Why an entity in a task's population was not drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ExclusionRule {
    /// The class is not drawn for routine checks (无事不扰, 国市监信发〔2022〕6号).
    UndisturbedClass,
    /// The class has no stratum in the task.
    NoStratum,
    /// Checked on one of the task's items by the same or a higher level within
    /// the window (SAMR Order 49 Art. 42).
    RecentlyInspected,
    /// The department's yearly cap of inspections of the entity is reached.
    YearlyCap,
}

/// An entity left out of a task's draw, with the rule and the facts behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    /// The entity.
    pub uscc: Uscc,
    /// The rule applied.
    pub rule: ExclusionRule,
    /// The facts, e.g. "F-09 by market_regulation (county) on 2026-10-02".
    pub detail: String,
}

/// Pool sizes of one task over a roster part; parts add up (§7).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub weighted: f64,
    pub key: u128,
    pub uscc: Uscc,
}

impl Cand {
    pub(crate) fn cmp(&self, other: &Cand) -> std::cmp::Ordering {
        self.weighted
            .total_cmp(&other.weighted)
            .then(self.key.cmp(&other.key))
    }
}

/// A task's selection over one roster part, before merging (§7).
#[derive(Debug, Clone, Default)]
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

    /// Sorts each stratum part's winners, smallest key first (§7 step 6).
    pub(crate) fn sort(&mut self) {
        for w in &mut self.winners {
            w.sort_unstable_by(Cand::cmp);
        }
    }

    /// Merges another part's selection, keeping each stratum part's `takes`
    /// smallest keys.
    pub fn merge(&mut self, other: PartialSelection, takes: &[u64]) {
        if self.winners.len() < other.winners.len() {
            self.winners.resize(other.winners.len(), Vec::new());
        }
        for (i, w) in other.winners.into_iter().enumerate() {
            self.winners[i].extend(w);
            keep_smallest(&mut self.winners[i], takes[i] as usize);
        }
        self.exclusions.extend(other.exclusions);
        self.reduced.extend(other.reduced);
    }
}

/// Keeps the `take` smallest candidates, unordered (the record sorts them).
fn keep_smallest(c: &mut Vec<Cand>, take: usize) {
    if c.len() > take {
        if take == 0 {
            c.clear();
            return;
        }
        c.select_nth_unstable_by(take - 1, Cand::cmp);
        c.truncate(take);
    }
}

/// Keeps the `take` smallest of `c` under `cmp`, sorted if `sorted`.
fn keep_smallest_by<T>(
    c: &mut Vec<T>,
    take: usize,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
    sorted: bool,
) {
    if c.len() > take {
        if take == 0 {
            c.clear();
            return;
        }
        c.select_nth_unstable_by(take - 1, &cmp);
        c.truncate(take);
    }
    if sorted {
        c.sort_unstable_by(cmp);
    }
}

/// Keeps the `take` smallest PRF values of `w` (unordered; after it
/// `w[take - 1]` is the largest kept).
fn smallest_keys(w: &mut Vec<(u128, u32)>, take: usize) {
    if w.len() > take {
        if take == 0 {
            w.clear();
            return;
        }
        w.select_nth_unstable(take - 1);
        w.truncate(take);
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
        if !self.task.weighted && self.history.is_empty() {
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

    /// Pass 1 and pass 2 fused for a roster in one part (§7): one scan
    /// counts the pools and keeps, per stratum part, every key below a
    /// bound that can only be too generous — for a ratio part, the ratio
    /// plus six standard deviations of the share seen so far; for a count
    /// part, the count's smallest keys. If the kept keys turn out not to
    /// cover a take, the exact two-pass selection runs instead, so the
    /// result is always that of §7.
    pub(crate) fn count_and_select(
        &self,
        t: usize,
        part: &TargetRoster,
    ) -> Result<(TaskCounts, Vec<u64>, PartialSelection), SamplingError> {
        if self.task.weighted || !self.history.is_empty() {
            let counts = self.count(part)?;
            let takes = takes(self.task, t, &counts)?;
            let sel = self.select(part, &takes)?;
            return Ok((counts, takes, sel));
        }
        let classes = self.class_map(part)?;
        let subs = self.sub_shapes();
        let slices = in_slices(part.len(), |range| {
            self.fused_range(part, &classes, range, &subs)
        });
        let mut counts = TaskCounts {
            population: 0,
            pools: vec![0; subs.len()],
        };
        let mut kept: Vec<Vec<(u128, u32)>> = vec![Vec::new(); subs.len()];
        let mut covered = vec![u128::MAX; subs.len()];
        let (mut exclusions, mut reduced) = (Vec::new(), Vec::new());
        for sl in slices {
            counts.add(&sl.counts);
            for s in 0..subs.len() {
                kept[s].extend(&sl.kept[s]);
                covered[s] = covered[s].min(sl.covered[s]);
            }
            exclusions.extend(sl.exclusions);
            reduced.extend(sl.reduced);
        }
        let takes = takes(self.task, t, &counts)?;
        // Every key below `covered[s]` was kept; the take is exact when at
        // least `take` kept keys lie below it.
        let exact = (0..subs.len())
            .all(|s| kept[s].iter().filter(|k| k.0 < covered[s]).count() as u64 >= takes[s]);
        if !exact {
            let sel = self.select(part, &takes)?;
            return Ok((counts, takes, sel));
        }
        let cols = &part.cols;
        let winners = kept
            .into_iter()
            .zip(&takes)
            .map(|(mut w, &t)| {
                smallest_keys(&mut w, t as usize);
                w.into_iter()
                    .map(|(key, i)| Cand {
                        weighted: 0.0,
                        key,
                        uscc: cols.uscc[i as usize],
                    })
                    .collect()
            })
            .collect();
        Ok((
            counts,
            takes,
            PartialSelection {
                winners,
                exclusions,
                reduced,
            },
        ))
    }

    /// Per stratum part: the share drawn for a ratio, or the count.
    fn sub_shapes(&self) -> Vec<SubShape> {
        let factor = self
            .task
            .rules
            .penalty_free
            .as_ref()
            .map_or(0.0, |p| f64::from(p.factor.ppm()) / 1e6);
        let mut out = Vec::new();
        for spec in &self.task.strata {
            match spec.size {
                Size::Ratio(r) => {
                    let q = f64::from(r.ppm()) / 1e6;
                    out.push(SubShape::Share(q));
                    out.push(SubShape::Share(q * factor));
                }
                Size::Count(c) => {
                    out.push(SubShape::Count(c as usize));
                    out.push(SubShape::Count(c as usize));
                }
            }
        }
        out
    }

    /// One slice of [`TaskScan::count_and_select`].
    fn fused_range(
        &self,
        part: &TargetRoster,
        classes: &[Result<usize, ExclusionRule>],
        range: std::ops::Range<usize>,
        subs: &[SubShape],
    ) -> FusedSlice {
        const CHUNK: usize = 4096;
        let cols = &part.cols;
        let mut out = FusedSlice {
            counts: TaskCounts {
                population: 0,
                pools: vec![0; subs.len()],
            },
            kept: vec![Vec::new(); subs.len()],
            covered: vec![u128::MAX; subs.len()],
            exclusions: Vec::new(),
            reduced: Vec::new(),
        };
        let mut bound = vec![u128::MAX; subs.len()];
        let mut keys = Vec::with_capacity(CHUNK);
        let mut start = range.start;
        while start < range.end {
            let end = (start + CHUNK).min(range.end);
            self.prf.eval_many(&cols.block[start..end], &mut keys);
            for (i, &key) in (start..end).zip(&keys) {
                let s = match self.fate(cols, i, classes) {
                    Fate::Out => continue,
                    Fate::Excluded(rule) => {
                        out.counts.population += 1;
                        out.exclusions.push(Exclusion {
                            uscc: cols.uscc[i],
                            rule,
                            detail: self.detail(part, i, rule),
                        });
                        continue;
                    }
                    Fate::Pool(s) => s,
                };
                out.counts.population += 1;
                out.counts.pools[s] += 1;
                if s % 2 == 1 {
                    out.reduced.push(cols.uscc[i]);
                }
                if key >= bound[s] {
                    continue;
                }
                out.kept[s].push((key, i as u32));
                if let SubShape::Count(c) = subs[s]
                    && out.kept[s].len() >= 2 * c.max(CHUNK)
                {
                    smallest_keys(&mut out.kept[s], c);
                    // The count-th smallest so far: nothing above it can win.
                    bound[s] = out.kept[s].last().map_or(0, |k| k.0);
                }
            }
            // Tighten the ratio bounds by what this slice has seen so far:
            // the bound only ever falls as the pool grows, so every key below
            // the last one was kept.
            for (s, shape) in subs.iter().enumerate() {
                if let SubShape::Share(q) = *shape {
                    bound[s] = share_bound(q, out.counts.pools[s]);
                }
            }
            start = end;
        }
        for (s, shape) in subs.iter().enumerate() {
            out.covered[s] = match shape {
                SubShape::Share(_) => bound[s],
                // All of a count part's smallest keys up to the count are kept.
                SubShape::Count(_) => u128::MAX,
            };
        }
        out
    }

    /// [`TaskScan::select_range`] for the common case — uniform keys, no
    /// history — with the PRF applied to whole chunks of the block column,
    /// candidates kept as (PRF value, row) until the slices are merged, and
    /// codes looked up once, in row order. Same result.
    fn select_plain(
        &self,
        part: &TargetRoster,
        classes: &[Result<usize, ExclusionRule>],
        takes: &[u64],
    ) -> PartialSelection {
        let slices = in_slices(part.len(), |range| {
            self.plain_range(part, classes, range, takes)
        });
        let mut winners: Vec<Vec<(u128, u32)>> = vec![Vec::new(); takes.len()];
        let (mut exclusions, mut reduced) = (Vec::new(), Vec::new());
        for (w, e, r) in slices {
            for (all, mine) in winners.iter_mut().zip(w) {
                all.extend(mine);
            }
            exclusions.extend(e);
            reduced.extend(r);
        }
        let cols = &part.cols;
        let winners = winners
            .into_iter()
            .zip(takes)
            .map(|(mut w, &t)| {
                smallest_keys(&mut w, t as usize);
                w.into_iter()
                    .map(|(key, i)| Cand {
                        weighted: 0.0,
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

    /// One slice of [`TaskScan::select_plain`].
    #[allow(clippy::type_complexity)]
    fn plain_range(
        &self,
        part: &TargetRoster,
        classes: &[Result<usize, ExclusionRule>],
        range: std::ops::Range<usize>,
        takes: &[u64],
    ) -> (Vec<Vec<(u128, u32)>>, Vec<Exclusion>, Vec<Uscc>) {
        const CHUNK: usize = 4096;
        let cols = &part.cols;
        let caps: Vec<usize> = takes.iter().map(|&t| 2 * (t as usize).max(CHUNK)).collect();
        let mut winners: Vec<Vec<(u128, u32)>> = caps
            .iter()
            .zip(takes)
            .map(|(&c, &t)| Vec::with_capacity(if t == 0 { 0 } else { c.min(range.len()) }))
            .collect();
        // A part with nothing to take admits no key at all.
        let mut bound: Vec<u128> = takes
            .iter()
            .map(|&t| if t == 0 { 0 } else { u128::MAX })
            .collect();
        let mut exclusions = Vec::new();
        let mut reduced = Vec::new();
        let mut keys = Vec::with_capacity(CHUNK);
        let mut start = range.start;
        while start < range.end {
            let end = (start + CHUNK).min(range.end);
            self.prf.eval_many(&cols.block[start..end], &mut keys);
            for (i, &key) in (start..end).zip(&keys) {
                let s = match self.fate(cols, i, classes) {
                    Fate::Out => continue,
                    Fate::Excluded(rule) => {
                        exclusions.push(Exclusion {
                            uscc: cols.uscc[i],
                            rule,
                            detail: self.detail(part, i, rule),
                        });
                        continue;
                    }
                    Fate::Pool(s) => s,
                };
                if s % 2 == 1 {
                    reduced.push(cols.uscc[i]);
                }
                if key >= bound[s] {
                    continue;
                }
                let w = &mut winners[s];
                w.push((key, i as u32));
                if w.len() >= caps[s] {
                    let t = takes[s] as usize;
                    smallest_keys(w, t);
                    bound[s] = w[t - 1].0;
                }
            }
            start = end;
        }
        for (w, &t) in winners.iter_mut().zip(takes) {
            smallest_keys(w, t as usize);
        }
        (winners, exclusions, reduced)
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
        let (mut blocks, mut keys, mut slots) = (
            Vec::with_capacity(CHUNK),
            Vec::with_capacity(CHUNK),
            Vec::with_capacity(CHUNK),
        );
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
            self.prf.eval_many(&blocks, &mut keys);
            for (&(s, i), &key) in slots.iter().zip(&keys) {
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
                keep_smallest_by(&mut w, t as usize, row_cmp, false);
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

/// What a stratum part takes, for the fused scan's bounds.
#[derive(Debug, Clone, Copy)]
enum SubShape {
    /// A share of the pool.
    Share(f64),
    /// A count (either part may take up to all of it).
    Count(usize),
}

/// One slice's counts and kept candidates in the fused scan.
struct FusedSlice {
    counts: TaskCounts,
    kept: Vec<Vec<(u128, u32)>>,
    /// Every key below this was kept.
    covered: Vec<u128>,
    exclusions: Vec<Exclusion>,
    reduced: Vec<Uscc>,
}

/// A PRF bound above which a share `q` of `n` uniform keys is very unlikely
/// to reach: q + 6·√(q(1−q)/n) + 8/n of the key space (all of it while n is
/// small). Only speed depends on it: a bound too tight is caught and redone.
fn share_bound(q: f64, n: u64) -> u128 {
    if n < 256 {
        return u128::MAX;
    }
    let n = n as f64;
    let b = q + 6.0 * (q * (1.0 - q) / n).sqrt() + 8.0 / n;
    if b >= 1.0 {
        u128::MAX
    } else {
        (b * 2f64.powi(128)) as u128
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

/// How many each stratum part takes, from the summed counts (§7).
///
/// # Errors
/// [`SamplingError::EmptyStratum`], [`SamplingError::StratumTooSmall`] or
/// [`SamplingError::PublicityMinimum`].
pub(crate) fn takes(task: &Task, t: usize, counts: &TaskCounts) -> Result<Vec<u64>, SamplingError> {
    let factor = task
        .rules
        .penalty_free
        .as_ref()
        .map_or(0, |p| u128::from(p.factor.ppm()));
    let mut out = Vec::with_capacity(counts.pools.len());
    for (s, spec) in task.strata.iter().enumerate() {
        let (n, r) = (counts.pools[2 * s], counts.pools[2 * s + 1]);
        match spec.size {
            Size::Ratio(ratio) => {
                out.push(ratio.ceil_of(n));
                let rr = u128::from(r) * u128::from(ratio.ppm()) * factor;
                out.push(rr.div_ceil(1_000_000_000_000) as u64);
            }
            Size::Count(c) => {
                if n + r == 0 && c > 0 {
                    return Err(SamplingError::EmptyStratum {
                        task: t,
                        class: spec.class.clone(),
                        count: c,
                    });
                }
                if c > n + r {
                    return Err(SamplingError::StratumTooSmall {
                        stratum: format!("tasks[{t}] class {}", spec.class),
                        requested: c as usize,
                        available: (n + r) as usize,
                    });
                }
                // Share c between the parts in proportion to n·1 and r·factor,
                // rounding half up (§7).
                let d = u128::from(n) * 1_000_000 + u128::from(r) * factor;
                let mut tr = if d == 0 {
                    0
                } else {
                    ((2 * u128::from(c) * u128::from(r) * factor + d) / (2 * d)) as u64
                };
                tr = tr.min(r);
                let mut tn = c - tr;
                if tn > n {
                    tn = n;
                    tr = c - n;
                }
                out.push(tn);
                out.push(tr);
            }
        }
    }
    if task.kind == TaskKind::Publicity {
        let needed = task.rules.publicity_minimum.ceil_of(counts.population);
        let planned: u64 = out.iter().sum();
        if planned < needed {
            return Err(SamplingError::PublicityMinimum {
                task: t,
                population: counts.population,
                needed,
                planned,
            });
        }
    }
    Ok(out)
}
