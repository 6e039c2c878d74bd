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

/// Which rows of a chunk may win, in the fast scans: per stratum part, a
/// bound above which keys cannot win. Rows are first tested on the top 64
/// bits of their PRF value only, against each part's limit (rows outside
/// the task, excluded, or in a part that takes nothing have limit 0 and are
/// refused by the exact test behind it).
struct Gate {
    limit: [u64; 256],
    /// Keys above a part's bound cannot win; `None` admits every key.
    bound: Vec<Option<u128>>,
    /// Parts that take nothing (their limit stays 0).
    closed: [bool; 256],
}

impl Gate {
    /// Every one of `parts` parts open, all other ids shut.
    fn new(parts: usize) -> Self {
        let mut limit = [0; 256];
        limit[..parts].fill(u64::MAX);
        Gate {
            limit,
            bound: vec![None; parts],
            closed: [false; 256],
        }
    }

    /// Part `s` takes nothing.
    fn close(&mut self, s: usize) {
        self.closed[s] = true;
        self.limit[s] = 0;
    }

    /// Part `s` now admits keys up to `bound` (`None`: every key).
    fn set(&mut self, s: usize, bound: Option<u128>) {
        self.bound[s] = bound;
        if !self.closed[s] {
            self.limit[s] = bound.map_or(u64::MAX, |b| (b >> 64) as u64);
        }
    }

    /// The rows of a chunk that may win, as (PRF value, part, row in the
    /// chunk), into `hits`; their codes, at scattered rows, are read a
    /// chunk later ([`Pending`]). The next chunk's columns (`ahead`) are
    /// prefetched on the way.
    fn hits(
        &self,
        ids: &[u8],
        keys: &KeyBatch,
        ahead: &Ahead<'_>,
        hits: &mut Vec<(u128, u32, u32)>,
    ) {
        hits.clear();
        // First the rows whose top 64 bits pass, found without a branch (a
        // row passes at random, so a branch would be mispredicted often):
        // every row is written, and the count moves on only for those that
        // pass. Rows outside any open part pass only with top bits 0.
        debug_assert!(ids.len() <= CHUNK, "one chunk at a time");
        let mut passed = [0u32; CHUNK];
        let mut n = 0;
        for (q, quad) in ids.chunks(4).enumerate().take(CHUNK / 4) {
            ahead.fetch(4 * q);
            for (i, &id) in quad.iter().enumerate() {
                let j = 4 * q + i;
                passed[n] = j as u32;
                n += usize::from(keys.high(j) <= self.limit[id as usize]);
            }
        }
        for &j in &passed[..n] {
            let id = ids[j as usize];
            if usize::from(id) >= FAST_PARTS || self.closed[id as usize] {
                continue;
            }
            let key = keys.get(j as usize);
            if self.bound[id as usize].is_some_and(|b| key > b) {
                continue;
            }
            hits.push((key, u32::from(id), j));
        }
    }
}

/// Rows per pool id, counted in four interleaved tables so that rows of
/// the same part in a row do not wait on one another's count.
struct Tally {
    tables: [[u32; 256]; 4],
    /// Rows outside the task so far.
    out: u64,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            tables: [[0; 256]; 4],
            out: 0,
        }
    }
}

impl Tally {
    /// Counts a chunk's ids (at most [`CHUNK`], so no table overflows).
    fn add(&mut self, ids: &[u8]) {
        let mut quads = ids.chunks_exact(4);
        for q in &mut quads {
            for (table, &id) in self.tables.iter_mut().zip(q) {
                table[id as usize] += 1;
            }
        }
        for &id in quads.remainder() {
            self.tables[0][id as usize] += 1;
        }
    }

    /// Adds the counts of the stratum parts to `pools` and starts afresh.
    fn drain_into(&mut self, pools: &mut [u64]) {
        for t in &mut self.tables {
            for (p, n) in pools.iter_mut().zip(t.iter()) {
                *p += u64::from(*n);
            }
            self.out += u64::from(t[OUT as usize]);
            *t = [0; 256];
        }
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

/// One chunk's hits waiting for their codes. The codes lie at scattered
/// rows, so each is most likely a cache miss: they are asked for when the
/// hits are found and read a chunk later, when they have arrived, instead of
/// being waited on.
#[derive(Default)]
struct Pending {
    first: usize,
    hits: Vec<(u128, u32, u32)>,
    codes: Vec<Uscc>,
}

impl Pending {
    /// Queues the hits of the chunk starting at row `first` (leaving `hits`
    /// empty for the next chunk) and asks for their codes.
    fn queue(&mut self, uscc: &[Uscc], first: usize, hits: &mut Vec<(u128, u32, u32)>) {
        debug_assert!(self.hits.is_empty(), "the chunk before was drained");
        std::mem::swap(&mut self.hits, hits);
        self.first = first;
        for h in &self.hits {
            // A code's 18 bytes can straddle two lines.
            let code = uscc[first + h.2 as usize].as_bytes();
            prefetch(code.as_ptr());
            prefetch(&code[17]);
        }
    }

    /// Hands each queued hit to `keep` as (PRF value, part, code), in row
    /// order, and empties the queue.
    fn drain(&mut self, uscc: &[Uscc], mut keep: impl FnMut(u128, usize, &Uscc)) {
        // Copied out in a loop of loads alone first: reading each code in
        // place, between the pushes, measured 1-3 ms slower at 10^7 rows
        // (some lines have not arrived yet, and these loads overlap).
        let first = self.first;
        self.codes.clear();
        self.codes
            .extend(self.hits.iter().map(|h| uscc[first + h.2 as usize]));
        for (&(key, s, _), code) in self.hits.iter().zip(&self.codes) {
            keep(key, s as usize, code);
        }
        self.hits.clear();
    }
}

/// A uniform draw's candidate: its code is read as the scan passes it
/// ([`Pending`]), rather than at random once the winners are known.
#[inline(always)]
fn cand(key: u128, uscc: &Uscc) -> Cand {
    Cand {
        weighted: 0.0,
        key,
        uscc: *uscc,
    }
}

/// The `take` smallest candidates of each stratum part over the slices'
/// kept ones, found by their PRF values (distinct under one key), in the
/// slices' order; the first slice's buffer is reused for the result. Large
/// selections share the parts between two threads.
fn winners_of(kept: Vec<Vec<Vec<Cand>>>, takes: &[u64]) -> Vec<Vec<Cand>> {
    // Per stratum part, its buffer from every slice.
    let mut per_part: Vec<Vec<Vec<Cand>>> = takes.iter().map(|_| Vec::new()).collect();
    for slice in kept {
        for (s, w) in slice.into_iter().enumerate() {
            per_part[s].push(w);
        }
    }
    let size = |s: usize| per_part[s].iter().map(Vec::len).sum::<usize>();
    let total: usize = (0..takes.len()).map(size).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || total < 1 << 16 {
        return per_part
            .into_iter()
            .zip(takes)
            .map(|(w, &t)| smallest_of(w, t as usize))
            .collect();
    }
    // Largest first, each to the thread with less so far.
    let mut order: Vec<usize> = (0..takes.len()).collect();
    order.sort_by_key(|&s| std::cmp::Reverse(size(s)));
    let (mut mine, mut theirs, mut load) = (Vec::new(), Vec::new(), [0usize; 2]);
    let mut jobs: Vec<Option<Vec<Vec<Cand>>>> = per_part.into_iter().map(Some).collect();
    for s in order {
        let w = jobs[s].take().expect("each part once");
        let n: usize = w.iter().map(Vec::len).sum();
        let bin = usize::from(load[1] < load[0]);
        load[bin] += n;
        if bin == 0 { &mut mine } else { &mut theirs }.push((s, w));
    }
    let run = |jobs: Vec<(usize, Vec<Vec<Cand>>)>| -> Vec<(usize, Vec<Cand>)> {
        jobs.into_iter()
            .map(|(s, w)| (s, smallest_of(w, takes[s] as usize)))
            .collect()
    };
    let (a, b) = std::thread::scope(|scope| {
        let other = scope.spawn(|| run(theirs));
        let a = run(mine);
        (a, other.join().expect("winners worker does not panic"))
    });
    let mut out: Vec<Vec<Cand>> = takes.iter().map(|_| Vec::new()).collect();
    for (s, w) in a.into_iter().chain(b) {
        out[s] = w;
    }
    out
}

/// The `take` smallest candidates of one stratum part, over its buffer from
/// each slice.
fn smallest_of(mut parts: Vec<Vec<Cand>>, take: usize) -> Vec<Cand> {
    let n: usize = parts.iter().map(Vec::len).sum();
    let limit = if take == 0 {
        return Vec::new();
    } else if n > take {
        let mut keys: Vec<u128> = parts.iter().flatten().map(|c| c.key).collect();
        *keys.select_nth_unstable(take - 1).1
    } else {
        u128::MAX
    };
    let mut rest = parts.drain(..);
    let mut out = rest.next().unwrap_or_default();
    out.retain(|c| c.key <= limit);
    for more in rest {
        out.extend(more.into_iter().filter(|c| c.key <= limit));
    }
    out
}

/// Keeps the `take` smallest candidates of `w`, in their order, and returns
/// the largest PRF value kept when `w` had more (`None` if it had no more).
/// PRF values are distinct, so the `take`-th smallest value marks them.
fn smallest_in_order(w: &mut Vec<Cand>, take: usize) -> Option<u128> {
    if w.len() <= take {
        return None;
    }
    if take == 0 {
        w.clear();
        return None;
    }
    let mut keys: Vec<u128> = w.iter().map(|c| c.key).collect();
    let limit = *keys.select_nth_unstable(take - 1).1;
    w.retain(|c| c.key <= limit);
    Some(limit)
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
mod tests {
    use std::sync::atomic::Ordering;

    use super::*;
    use crate::entity::{EntityStatus, Industry, RegionCode};
    use crate::fixtures::uniform_roster;
    use crate::sampling::RosterEntry;
    use crate::sampling::prf::derive_key;

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

    /// The targets PRF under a test seed of bytes `b`.
    fn prf_of(b: u8) -> Prf {
        Prf::new(&derive_key(&[b; 32], "targets", 0))
    }

    /// The general scan's selection (TaskScan::select_range), slice by
    /// slice and merged: what the fast scans must reproduce.
    fn general_selection(
        scan: &TaskScan<'_>,
        roster: &TargetRoster,
        classes: &[Result<usize, ExclusionRule>],
        takes: &[u64],
    ) -> PartialSelection {
        in_slices(roster.len(), |r| {
            scan.select_range(roster, classes, r, takes)
        })
        .into_iter()
        .reduce(|mut a, b| {
            a.merge(b, takes);
            a
        })
        .expect("at least one slice")
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
            let scan = TaskScan::new(&plan, 0, &history, prf_of(7));
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
            let general = general_selection(&scan, &roster, &classes, &tk);
            let expected = sorted(general);
            assert_eq!(sorted(fused), expected, "factor {factor}: fused");
            assert_eq!(sorted(plain), expected, "factor {factor}: plain");

            // Bounds far too tight: the fused scan notices and falls back.
            let mut tight = TaskScan::new(&plan, 0, &history, prf_of(7));
            tight.sigmas = -50.0;
            let (_, _, redone) = tight.count_and_select(0, &roster).unwrap();
            assert!(tight.fell_back.load(Ordering::Relaxed), "factor {factor}");
            assert_eq!(sorted(redone), expected, "factor {factor}: fallback");
        }
    }

    /// Every filter the fast scans apply column by column (status, region,
    /// industry), an undisturbed class excluded, penalties down-weighted:
    /// the fast scans give the pools, exclusions, reduced entities and
    /// winners that the row-by-row `fate` and the general scan give.
    #[test]
    fn fast_and_general_scans_agree_under_every_filter() {
        let mut plan: Plan = serde_json::from_str(
            r#"{"id": "FILTERS", "title": "filters", "level": "county",
                "as_of": "2026-11-28", "period": ["2026-12-01", "2026-12-31"], "entropy": ["x"],
                "tasks": [{"department": "market_regulation", "kind": "routine", "items": ["G-01"],
                  "direction": "directed",
                  "filter": {"industries": ["food_sales", "catering"], "regions": ["370283"],
                             "statuses": ["operating", "closed"]},
                  "strata": [{"class": "B", "size": {"ratio": "0.03"}},
                             {"class": "C", "size": {"count": 500}}, {"class": "D", "size": {"ratio": "0.3"}}],
                  "rules": {"undisturbed_classes": ["A"], "draw_undisturbed": false,
                            "penalty_free": {"years": 3, "factor": "0.5"},
                            "repeat_window_months": null, "yearly_cap": null}}]}"#,
        )
        .unwrap();
        plan.resolve(None).unwrap();
        let other = RegionCode::parse("370281").unwrap();
        let entries: Vec<RosterEntry> = uniform_roster(200_000)
            .into_iter()
            .enumerate()
            .map(|(i, mut e)| {
                if i % 3 == 0 {
                    e.region = other;
                }
                e.industries = match i % 5 {
                    0 => vec![],
                    1 => vec![Industry::Catering],
                    _ => vec![Industry::FoodSales],
                };
                e.status = match i % 13 {
                    0 => EntityStatus::Closed,
                    1 => EntityStatus::Revoked,
                    _ => EntityStatus::Operating,
                };
                if i % 2 == 0 {
                    e.last_penalty_on = "2025-06-01".parse().ok();
                }
                e
            })
            .collect();
        let roster = TargetRoster::new(entries).unwrap();
        let history = InspectionHistory::default();
        let scan = TaskScan::new(&plan, 0, &history, prf_of(9));
        let (counts, tk, fused) = scan.count_and_select(0, &roster).unwrap();
        assert!(!scan.fell_back.load(Ordering::Relaxed));
        // The row-by-row count (TaskScan::fate) agrees, and so the filters do.
        assert_eq!(counts, scan.count(&roster).unwrap());
        // 200,000 entities: a third elsewhere, a fifth in no listed line,
        // 1 in 13 revoked; what is left is about 200,000 × 2/3 × 4/5 × 12/13.
        assert!((95_000..102_000).contains(&counts.population), "{counts:?}");
        let classes = scan.class_map(&roster).unwrap();
        let general = general_selection(&scan, &roster, &classes, &tk);
        let plain = scan.select_plain(&roster, &classes, &tk);
        let facts = |sel: &PartialSelection| {
            let mut ex: Vec<_> = sel
                .exclusions
                .iter()
                .map(|e| (e.uscc, e.rule, e.detail.clone()))
                .collect();
            let mut red = sel.reduced.clone();
            ex.sort();
            red.sort();
            (ex, red)
        };
        let (ex, red) = facts(&general);
        // Class A (30% of entities) is excluded as undisturbed, not pooled.
        assert!(ex.len() > 25_000, "{}", ex.len());
        assert!(
            ex.iter()
                .all(|e| e.1 == ExclusionRule::UndisturbedClass && e.2 == "credit class A")
        );
        assert_eq!(
            ex.len() as u64,
            counts.population - counts.pools.iter().sum::<u64>()
        );
        assert_eq!(
            red.len() as u64,
            counts.pools.iter().skip(1).step_by(2).sum::<u64>()
        );
        assert_eq!(facts(&fused), (ex.clone(), red.clone()), "fused");
        assert_eq!(facts(&plain), (ex, red), "plain");
        let expected = sorted(general);
        assert_eq!(sorted(fused), expected, "fused winners");
        assert_eq!(sorted(plain), expected, "plain winners");
    }

    /// A task of 130 strata has 260 stratum parts, more than a byte can tag:
    /// it takes the general scan, with the same result.
    #[test]
    fn a_task_of_many_strata_takes_the_general_scan() {
        let classes: Vec<String> = (0..130).map(|k| format!("K{k:03}")).collect();
        let strata: Vec<String> = classes
            .iter()
            .map(|c| format!(r#"{{"class": "{c}", "size": {{"count": 2}}}}"#))
            .collect();
        let mut plan: Plan = serde_json::from_str(&format!(
            r#"{{"id": "MANY", "title": "many strata", "level": "county",
                "as_of": "2026-11-28", "period": ["2026-12-01", "2026-12-31"], "entropy": ["x"],
                "classes": {},
                "tasks": [{{"department": "market_regulation", "kind": "routine", "items": ["G-01"],
                  "direction": "undirected", "strata": [{}],
                  "rules": {{"undisturbed_classes": [], "draw_undisturbed": false,
                            "penalty_free": null, "repeat_window_months": null, "yearly_cap": null}}}}]}}"#,
            serde_json::to_string(&classes).unwrap(),
            strata.join(", ")
        ))
        .unwrap();
        plan.resolve(None).unwrap();
        let entries: Vec<RosterEntry> = uniform_roster(13_000)
            .into_iter()
            .enumerate()
            .map(|(i, mut e)| {
                e.credit_class = classes[i % 130].clone();
                e
            })
            .collect();
        let roster = TargetRoster::new(entries).unwrap();
        let history = InspectionHistory::default();
        let scan = TaskScan::new(&plan, 0, &history, prf_of(3));
        assert!(!scan.plain());
        let (counts, tk, sel) = scan.count_and_select(0, &roster).unwrap();
        // 100 entities in each class, 2 drawn from each.
        assert_eq!(counts.pools.len(), 260);
        assert!(counts.pools.iter().step_by(2).all(|&n| n == 100));
        assert_eq!(tk.iter().sum::<u64>(), 260);
        let classes_of = scan.class_map(&roster).unwrap();
        let general = scan.select_range(&roster, &classes_of, 0..roster.len(), &tk);
        assert_eq!(sorted(sel), sorted(general));
    }
}
