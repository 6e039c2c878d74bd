//! The one-part fused scan and the plain (uniform, no history) scan:
//! faster paths to the result [`TaskScan::select_range`] defines.

use super::*;

impl TaskScan<'_> {
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
        let subs = self.sub_shapes(part.len());
        let slices = in_slices(part.len(), |range| {
            self.fused_range(part, &classes, range, &subs)
        });
        let mut counts = TaskCounts {
            population: 0,
            pools: vec![0; subs.len()],
        };
        let mut kept: Vec<Vec<(u128, u32)>> = vec![Vec::new(); subs.len()];
        let mut covered: Vec<Option<u128>> = vec![None; subs.len()];
        let (mut exclusions, mut reduced) = (Vec::new(), Vec::new());
        for sl in slices {
            counts.add(&sl.counts);
            for s in 0..subs.len() {
                kept[s].extend(&sl.kept[s]);
                covered[s] = match (covered[s], sl.covered[s]) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            exclusions.extend(sl.exclusions);
            reduced.extend(sl.reduced);
        }
        let takes = takes(self.task, t, &counts)?;
        // Every key up to `covered[s]` was kept in every slice; the take is
        // exact when at least `take` kept keys lie there.
        let exact = (0..subs.len()).all(|s| {
            let under = kept[s]
                .iter()
                .filter(|k| covered[s].is_none_or(|c| k.0 <= c))
                .count();
            under as u64 >= takes[s]
        });
        if !exact {
            #[cfg(test)]
            self.fell_back
                .store(true, std::sync::atomic::Ordering::Relaxed);
            let sel = self.select(part, &takes)?;
            return Ok((counts, takes, sel));
        }
        let winners = winners_of(part, kept, &takes);
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
    fn sub_shapes(&self, rows: usize) -> Vec<SubShape> {
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
                    // No part can take more than the roster holds (a larger
                    // count is refused once the pools are counted).
                    let c = usize::try_from(c).unwrap_or(usize::MAX).min(rows);
                    out.push(SubShape::Count(c));
                    out.push(SubShape::Count(c));
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
            // Room for a ratio part's expected share of the whole slice,
            // so that few buffers grow while scanning.
            kept: subs
                .iter()
                .map(|s| match *s {
                    SubShape::Share(q) => {
                        Vec::with_capacity((q * 1.1 * range.len() as f64) as usize + 1024)
                    }
                    SubShape::Count(c) => Vec::with_capacity(c.min(range.len())),
                })
                .collect(),
            covered: vec![None; subs.len()],
            exclusions: Vec::new(),
            reduced: Vec::new(),
        };
        // Keys above a part's bound cannot win; `None` admits every key.
        let mut bound: Vec<Option<u128>> = vec![None; subs.len()];
        let closed: Vec<bool> = subs
            .iter()
            .map(|s| matches!(s, SubShape::Count(0)))
            .collect();
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
                if closed[s] || bound[s].is_some_and(|b| key > b) {
                    continue;
                }
                out.kept[s].push((key, i as u32));
                if let SubShape::Count(c) = subs[s]
                    && out.kept[s].len() >= c.max(CHUNK).saturating_mul(2)
                {
                    smallest_keys(&mut out.kept[s], c);
                    // The count-th smallest so far: nothing above it can win.
                    bound[s] = out.kept[s].last().map(|k| k.0);
                }
            }
            // Tighten the ratio bounds by what this slice has seen so far:
            // the bound only ever falls as the pool grows, so every key below
            // the last one was kept.
            for (s, shape) in subs.iter().enumerate() {
                if let SubShape::Share(q) = *shape {
                    bound[s] = share_bound(q, out.counts.pools[s], self.sigmas);
                }
            }
            start = end;
        }
        for (s, shape) in subs.iter().enumerate() {
            out.covered[s] = match shape {
                SubShape::Share(_) => bound[s],
                // All of a count part's smallest keys up to the count are kept.
                SubShape::Count(_) => None,
            };
        }
        out
    }

    /// [`TaskScan::select_range`] for the common case — uniform keys, no
    /// history — with the PRF applied to whole chunks of the block column,
    /// candidates kept as (PRF value, row) until the slices are merged, and
    /// codes looked up once, in row order. Same result.
    pub(super) fn select_plain(
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
        let winners = winners_of(part, winners, takes);
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
        let caps: Vec<usize> = takes
            .iter()
            .map(|&t| (t as usize).max(CHUNK).saturating_mul(2))
            .collect();
        let mut winners: Vec<Vec<(u128, u32)>> = caps
            .iter()
            .zip(takes)
            .map(|(&c, &t)| Vec::with_capacity(if t == 0 { 0 } else { c.min(range.len()) }))
            .collect();
        // Keys above a part's bound cannot win; `None` admits every key.
        let mut bound: Vec<Option<u128>> = vec![None; takes.len()];
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
                if takes[s] == 0 || bound[s].is_some_and(|b| key > b) {
                    continue;
                }
                let w = &mut winners[s];
                w.push((key, i as u32));
                if w.len() >= caps[s] {
                    let t = takes[s] as usize;
                    smallest_keys(w, t);
                    bound[s] = Some(w[t - 1].0);
                }
            }
            start = end;
        }
        for (w, &t) in winners.iter_mut().zip(takes) {
            smallest_keys(w, t as usize);
        }
        (winners, exclusions, reduced)
    }
}

/// The `take` smallest (PRF value, row) of each stratum part as candidates
/// with their codes.
fn winners_of(part: &TargetRoster, kept: Vec<Vec<(u128, u32)>>, takes: &[u64]) -> Vec<Vec<Cand>> {
    kept.into_iter()
        .zip(takes)
        .map(|(mut w, &t)| {
            smallest_keys(&mut w, t as usize);
            w.into_iter()
                .map(|(key, i)| Cand {
                    weighted: 0.0,
                    key,
                    uscc: part.cols.uscc[i as usize],
                })
                .collect()
        })
        .collect()
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
    /// Every key up to this was kept (`None`: every key that could win).
    covered: Vec<Option<u128>>,
    exclusions: Vec<Exclusion>,
    reduced: Vec<Uscc>,
}

/// A PRF bound above which a share `q` of `n` uniform keys is very unlikely
/// to reach: q + σ·√(q(1−q)/n) + 8/n of the key space, σ = 6 (all of it
/// while n is small). Only speed depends on it: a bound too tight is caught
/// and redone.
fn share_bound(q: f64, n: u64, sigmas: f64) -> Option<u128> {
    if n < 256 {
        return None;
    }
    let n = n as f64;
    let b = q + sigmas * (q * (1.0 - q) / n).sqrt() + 8.0 / n;
    if b <= 0.0 {
        return Some(0);
    }
    // The cast saturates; b < 1 keeps it below 2^128.
    (b < 1.0).then(|| (b * 2f64.powi(128)) as u128)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use super::*;
    use crate::sampling::{RosterEntry, derive_key};
    use crate::synth::uniform_roster;

    /// 300,000 entities (several slices, buffers past their first trim),
    /// half of them penalised in 2025, with ratio and count strata, a
    /// zero count, and penalty factor `factor`.
    fn setup(factor: &str) -> (Plan, TargetRoster) {
        let mut plan: Plan = serde_json::from_str(&format!(
            r#"{{"id": "SCALE", "title": "three paths", "level": "county",
                "as_of": "2026-11-28", "period": ["2026-12-01", "2026-12-31"], "entropy": ["x"],
                "tasks": [{{"department": "market_regulation", "kind": "routine", "items": ["G-01"],
                  "direction": "undirected",
                  "strata": [{{"class": "A", "size": {{"count": 0}}}}, {{"class": "B", "size": {{"ratio": "0.03"}}}},
                             {{"class": "C", "size": {{"count": 3000}}}}, {{"class": "D", "size": {{"ratio": "0.3"}}}}],
                  "rules": {{"draw_undisturbed": true, "penalty_free": {{"years": 3, "factor": "{factor}"}},
                             "repeat_window_months": null, "yearly_cap": null}}}}]}}"#
        ))
        .unwrap();
        plan.resolve(None).unwrap();
        let entries: Vec<RosterEntry> = uniform_roster(300_000)
            .into_iter()
            .enumerate()
            .map(|(i, mut e)| {
                if i % 2 == 0 {
                    e.last_penalty_on = "2025-06-01".parse().ok();
                }
                e
            })
            .collect();
        (plan, TargetRoster::new(entries).unwrap())
    }

    fn sorted(mut sel: PartialSelection) -> Vec<Vec<Uscc>> {
        sel.sort();
        sel.winners
            .iter()
            .map(|w| w.iter().map(|c| c.uscc).collect())
            .collect()
    }

    #[test]
    fn fused_plain_and_general_scans_agree_at_scale() {
        for factor in ["0", "0.5"] {
            let (plan, roster) = setup(factor);
            let history = InspectionHistory::default();
            let prf = || Prf::new(&derive_key(&[7; 32], "targets", 0));
            let scan = TaskScan::new(&plan, 0, &history, prf());
            let (counts, tk, fused) = scan.count_and_select(0, &roster).unwrap();
            assert!(!scan.fell_back.load(Ordering::Relaxed));
            assert_eq!(counts, scan.count(&roster).unwrap());
            assert_eq!(tk, takes(&plan.tasks[0], 0, &counts).unwrap());
            // B normal 3%, C 3000 shared (trimmed per slice), D normal 30%;
            // reduced parts at the factor.
            assert_eq!(tk[0] + tk[1], 0);
            assert_eq!(tk[4] + tk[5], 3000);
            assert!(tk[2] > 2000 && tk[6] > 3000, "{tk:?}");
            let classes = scan.class_map(&roster).unwrap();
            let plain = scan.select_plain(&roster, &classes, &tk);
            let general = in_slices(roster.len(), |r| {
                scan.select_range(&roster, &classes, r, &tk)
            })
            .into_iter()
            .reduce(|mut a, b| {
                a.merge(b, &tk);
                a
            })
            .unwrap();
            let expected = sorted(general);
            assert_eq!(sorted(fused), expected, "factor {factor}: fused");
            assert_eq!(sorted(plain), expected, "factor {factor}: plain");

            // Bounds far too tight: the fused scan notices and falls back.
            let mut tight = TaskScan::new(&plan, 0, &history, prf());
            tight.sigmas = -50.0;
            let (_, _, redone) = tight.count_and_select(0, &roster).unwrap();
            assert!(tight.fell_back.load(Ordering::Relaxed), "factor {factor}");
            assert_eq!(sorted(redone), expected, "factor {factor}: fallback");
        }
    }
}
