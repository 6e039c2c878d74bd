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
