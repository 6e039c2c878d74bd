//! The one-part fused scan and the plain (uniform, no history) scan:
//! faster paths to the result [`TaskScan::select_range`] defines.

use super::*;
use crate::entity::EntityStatus;

/// A chunk's pool id for a row outside the task.
const OUT: u8 = u8::MAX;
/// A chunk's pool id for a row excluded by a rule.
const EXCLUDED: u8 = u8::MAX - 1;
/// Stratum parts the fast scans can tag with one byte per row; a task with
/// more (128 strata or more) takes the general scan.
const FAST_PARTS: usize = EXCLUDED as usize;
/// Rows per chunk: PRF values and pool ids for one stay in the L1/L2 cache.
const CHUNK: usize = 4096;

mod parts;

use parts::{Gate, Pending, Tally, cand, smallest_in_order, winners_of};

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
        if !self.plain() {
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
        for sl in &slices {
            counts.add(&sl.counts);
        }
        let takes = takes(self.task, t, &counts)?;
        // Every key up to a slice's `covered[s]` was kept in that slice; the
        // take is exact when at least `take` kept keys lie under the lowest.
        let exact = (0..subs.len()).all(|s| {
            let covered = slices.iter().filter_map(|sl| sl.covered[s]).min();
            let under: usize = slices
                .iter()
                .map(|sl| {
                    sl.kept[s]
                        .iter()
                        .filter(|k| covered.is_none_or(|c| k.key <= c))
                        .count()
                })
                .sum();
            under as u64 >= takes[s]
        });
        if !exact {
            #[cfg(test)]
            self.fell_back
                .store(true, std::sync::atomic::Ordering::Relaxed);
            let sel = self.select(part, &takes)?;
            return Ok((counts, takes, sel));
        }
        let mut kept = Vec::with_capacity(slices.len());
        let (mut exclusions, mut reduced) = (Vec::new(), Vec::new());
        for sl in slices {
            kept.push(sl.kept);
            exclusions.extend(sl.exclusions);
            reduced.extend(sl.reduced);
        }
        let winners = winners_of(kept, &takes);
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

    /// Whether the task can take the fast scans: uniform keys, no history
    /// to consult, and few enough strata to tag rows with a byte.
    pub(super) fn plain(&self) -> bool {
        !self.task.weighted && self.history.is_empty() && 2 * self.task.strata.len() <= FAST_PARTS
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

    /// Walks `range` of the part a chunk at a time, giving `visit` the
    /// chunk's first row, each row's pool id (a stratum part, [`OUT`] or
    /// [`EXCLUDED`]), PRF values and the next chunk's columns (to
    /// prefetch); exclusions and reduced rows are recorded on the way. The
    /// ids come first, in loops of their own, so that the per-row work on
    /// keys is a short loop without calls.
    fn chunks(
        &self,
        part: &TargetRoster,
        classes: &[Result<usize, ExclusionRule>],
        range: std::ops::Range<usize>,
        exclusions: &mut Vec<Exclusion>,
        reduced: &mut Vec<Uscc>,
        mut visit: impl FnMut(usize, &[u8], &KeyBatch, &Ahead<'_>),
    ) {
        let cols = &part.cols;
        // Below FAST_PARTS: the callers check the strata.
        let class_ids: Vec<u8> = classes
            .iter()
            .map(|c| c.map_or(EXCLUDED, |s| 2 * s as u8))
            .collect();
        let note_rows = self.penalty_cutoff.is_some() || class_ids.contains(&EXCLUDED);
        let mut keys = KeyBatch::default();
        let mut ids = Vec::with_capacity(CHUNK);
        let mut start = range.start;
        while start < range.end {
            let end = (start + CHUNK).min(range.end);
            self.fill_ids(cols, &class_ids, start..end, &mut ids);
            if note_rows {
                for (i, &id) in (start..end).zip(&ids) {
                    if id == EXCLUDED {
                        let rule = classes[cols.class[i] as usize]
                            .expect_err("an excluded class has its rule");
                        exclusions.push(Exclusion {
                            uscc: cols.uscc[i],
                            rule,
                            detail: self.detail(part, i, rule),
                        });
                    } else if id != OUT && id % 2 == 1 {
                        reduced.push(cols.uscc[i]);
                    }
                }
            }
            self.prf.eval_batch(&cols.block[start..end], &mut keys);
            let next = end..(end + CHUNK).min(range.end);
            let ahead = Ahead {
                block: &cols.block[next.clone()],
                status: &cols.status[next.clone()],
                class: &cols.class[next],
            };
            visit(start, &ids, &keys, &ahead);
            start = end;
        }
    }

    /// Pool ids of the rows in `rows` into `ids`, as [`TaskScan::fate`]
    /// decides them (the tests hold the two together) but column by column:
    /// status, class and penalty in one loop, then one loop per other filter
    /// the task sets, none with a branch to mispredict.
    fn fill_ids(
        &self,
        cols: &Columns,
        class_ids: &[u8],
        rows: std::ops::Range<usize>,
        ids: &mut Vec<u8>,
    ) {
        let statuses = self.statuses;
        let status = &cols.status[rows.clone()];
        let class = &cols.class[rows.clone()];
        let admitted = |st: EntityStatus, id: u8| {
            if statuses & (1 << st as u32) != 0 {
                id
            } else {
                OUT
            }
        };
        ids.clear();
        match self.penalty_cutoff {
            None => ids.extend(
                status
                    .iter()
                    .zip(class)
                    .map(|(&st, &c)| admitted(st, class_ids[c as usize])),
            ),
            Some(cut) => {
                let registered = &cols.registered_on[rows.clone()];
                let penalised = &cols.last_penalty_on[rows.clone()];
                ids.extend(
                    status
                        .iter()
                        .zip(class)
                        .zip(registered.iter().zip(penalised))
                        .map(|((&st, &c), (&on, &last))| {
                            let id = class_ids[c as usize];
                            let reduced = on <= cut && last.is_none_or(|p| p <= cut);
                            let id = if id < EXCLUDED {
                                id + u8::from(reduced)
                            } else {
                                id
                            };
                            admitted(st, id)
                        }),
                );
            }
        }
        if self.industries != 0 {
            for (id, &ind) in ids.iter_mut().zip(&cols.industries[rows.clone()]) {
                if ind & self.industries == 0 {
                    *id = OUT;
                }
            }
        }
        if self.kinds != 0 {
            for (id, &k) in ids.iter_mut().zip(&cols.kind[rows.clone()]) {
                if self.kinds & (1 << k as u32) == 0 {
                    *id = OUT;
                }
            }
        }
        if !self.regions.is_empty() {
            for (id, &r) in ids.iter_mut().zip(&cols.region[rows]) {
                if !self.regions.iter().any(|&(lo, hi)| (lo..hi).contains(&r)) {
                    *id = OUT;
                }
            }
        }
    }

    /// One slice of [`TaskScan::count_and_select`].
    fn fused_range(
        &self,
        part: &TargetRoster,
        classes: &[Result<usize, ExclusionRule>],
        range: std::ops::Range<usize>,
        subs: &[SubShape],
    ) -> FusedSlice {
        let parts = subs.len();
        let mut counts = TaskCounts {
            population: 0,
            pools: vec![0; parts],
        };
        // Room for a ratio part's expected share of the whole slice, so that
        // few buffers grow while scanning (pages never written are never
        // faulted in).
        let mut kept: Vec<Vec<Cand>> = subs
            .iter()
            .map(|s| match *s {
                SubShape::Share(q) => {
                    Vec::with_capacity((q * 1.1 * range.len() as f64) as usize + 1024)
                }
                SubShape::Count(c) => Vec::with_capacity(c.min(range.len())),
            })
            .collect();
        // The lowest bound a ratio part has used: every key under it was kept.
        let mut covered: Vec<Option<u128>> = vec![None; parts];
        let mut gate = Gate::new(parts);
        for (s, shape) in subs.iter().enumerate() {
            if matches!(shape, SubShape::Count(0)) {
                gate.close(s);
            }
        }
        let (mut exclusions, mut reduced) = (Vec::new(), Vec::new());
        let mut tally = Tally::default();
        let mut hits = Vec::with_capacity(CHUNK);
        let mut pending = Pending::default();
        let slice_rows = range.len() as u64;
        let keep = |kept: &mut [Vec<Cand>], gate: &mut Gate, key: u128, s: usize, code: &Uscc| {
            kept[s].push(cand(key, code));
            if let SubShape::Count(c) = subs[s]
                && kept[s].len() >= c.max(CHUNK).saturating_mul(2)
            {
                // The count-th smallest so far: nothing above it can win.
                gate.set(s, smallest_in_order(&mut kept[s], c));
            }
        };
        let uscc = &part.cols.uscc;
        self.chunks(
            part,
            classes,
            range,
            &mut exclusions,
            &mut reduced,
            |first, ids, keys, ahead| {
                tally.add(ids);
                pending.drain(uscc, |key, s, code| {
                    keep(&mut kept, &mut gate, key, s, code)
                });
                gate.hits(ids, keys, ahead, &mut hits);
                pending.queue(uscc, first, &mut hits);
                tally.drain_into(&mut counts.pools);
                // Tighten the ratio bounds by what this slice has seen so far.
                for (s, shape) in subs.iter().enumerate() {
                    if let SubShape::Share(q) = *shape {
                        let bound = share_bound(q, counts.pools[s], self.sigmas);
                        covered[s] = match (covered[s], bound) {
                            (Some(a), Some(b)) => Some(a.min(b)),
                            (a, b) => a.or(b),
                        };
                        gate.set(s, bound);
                    }
                }
            },
        );
        pending.drain(uscc, |key, s, code| {
            keep(&mut kept, &mut gate, key, s, code)
        });
        counts.population = slice_rows - tally.out;
        // A count part keeps all of its smallest keys up to the count.
        for (s, shape) in subs.iter().enumerate() {
            if let SubShape::Count(_) = shape {
                covered[s] = None;
            }
        }
        FusedSlice {
            counts,
            kept,
            covered,
            exclusions,
            reduced,
        }
    }

    /// [`TaskScan::select_range`] for the common case ([`TaskScan::plain`])
    /// with the PRF applied to whole chunks of the block column and rows
    /// tested a chunk at a time. Same result.
    pub(super) fn select_plain(
        &self,
        part: &TargetRoster,
        classes: &[Result<usize, ExclusionRule>],
        takes: &[u64],
    ) -> PartialSelection {
        let slices = in_slices(part.len(), |range| {
            self.plain_range(part, classes, range, takes)
        });
        let mut kept = Vec::with_capacity(slices.len());
        let (mut exclusions, mut reduced) = (Vec::new(), Vec::new());
        for (w, e, r) in slices {
            kept.push(w);
            exclusions.extend(e);
            reduced.extend(r);
        }
        PartialSelection {
            winners: winners_of(kept, takes),
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
    ) -> (Vec<Vec<Cand>>, Vec<Exclusion>, Vec<Uscc>) {
        let caps: Vec<usize> = takes
            .iter()
            .map(|&t| (t as usize).max(CHUNK).saturating_mul(2))
            .collect();
        let mut winners: Vec<Vec<Cand>> = caps
            .iter()
            .zip(takes)
            .map(|(&c, &t)| Vec::with_capacity(if t == 0 { 0 } else { c.min(range.len()) }))
            .collect();
        let mut gate = Gate::new(takes.len());
        for (s, &t) in takes.iter().enumerate() {
            if t == 0 {
                gate.close(s);
            }
        }
        let (mut exclusions, mut reduced) = (Vec::new(), Vec::new());
        let mut hits = Vec::with_capacity(CHUNK);
        let mut pending = Pending::default();
        let keep =
            |winners: &mut [Vec<Cand>], gate: &mut Gate, key: u128, s: usize, code: &Uscc| {
                let w = &mut winners[s];
                w.push(cand(key, code));
                if w.len() >= caps[s] {
                    gate.set(s, smallest_in_order(w, takes[s] as usize));
                }
            };
        let uscc = &part.cols.uscc;
        self.chunks(
            part,
            classes,
            range,
            &mut exclusions,
            &mut reduced,
            |first, ids, keys, ahead| {
                pending.drain(uscc, |key, s, code| {
                    keep(&mut winners, &mut gate, key, s, code)
                });
                gate.hits(ids, keys, ahead, &mut hits);
                pending.queue(uscc, first, &mut hits);
            },
        );
        pending.drain(uscc, |key, s, code| {
            keep(&mut winners, &mut gate, key, s, code)
        });
        for (w, &t) in winners.iter_mut().zip(takes) {
            smallest_in_order(w, t as usize);
        }
        (winners, exclusions, reduced)
    }
}

/// The next chunk's rows of the columns every fast scan reads, asked for
/// from memory while the current chunk is worked on, so that the scan's
/// streams do not stop between chunks (the cipher used to spend most of its
/// time waiting on the blocks). The requests are spread over the chunk's
/// rows, not issued at once, which would stall on a full miss queue.
pub(super) struct Ahead<'a> {
    block: &'a [[u8; 16]],
    status: &'a [EntityStatus],
    class: &'a [u16],
}

impl Ahead<'_> {
    /// Asks for what rows `row..row + 4` of the next chunk need: their
    /// block line, and a status or class line when one starts there (`row`
    /// a multiple of 4; each column's lines are asked for a line apart).
    #[inline(always)]
    fn fetch(&self, row: usize) {
        if let Some(b) = self.block.get(row) {
            prefetch(b.as_ptr());
        }
        if row.is_multiple_of(64)
            && let Some(st) = self.status.get(row)
        {
            prefetch(std::ptr::from_ref(st).cast());
        }
        if row.is_multiple_of(32)
            && let Some(c) = self.class.get(row)
        {
            prefetch(std::ptr::from_ref(c).cast());
        }
    }
}

/// Asks the processor to start loading the cache line holding `at`. A
/// hint only: nothing is read into the program.
#[inline(always)]
fn prefetch(at: *const u8) {
    // SAFETY: a prefetch cannot fault and writes nothing the program sees,
    // whatever the address. This is the SDK's one unsafe block: no safe form
    // of the intrinsic exists.
    #[cfg(target_arch = "x86_64")]
    #[allow(unsafe_code)]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T1 }>(at.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
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
    /// Per stratum part, in row order.
    kept: Vec<Vec<Cand>>,
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
mod tests;
