//! The pieces the fast scans are built from: the gate that lets through
//! only keys that may win, the pool tally, the codes of hits fetched a
//! chunk ahead, and the merge of the slices' candidates into the winners.

use super::super::*;
use super::{Ahead, CHUNK, FAST_PARTS, OUT, prefetch};

/// Which rows of a chunk may win, in the fast scans: per stratum part, a
/// bound above which keys cannot win. Rows are first tested on the top 64
/// bits of their PRF value only, against each part's limit (rows outside
/// the task, excluded, or in a part that takes nothing have limit 0 and are
/// refused by the exact test behind it).
pub(super) struct Gate {
    limit: [u64; 256],
    /// Keys above a part's bound cannot win; `None` admits every key.
    bound: Vec<Option<u128>>,
    /// Parts that take nothing (their limit stays 0).
    closed: [bool; 256],
}

impl Gate {
    /// Every one of `parts` parts open, all other ids shut.
    pub(super) fn new(parts: usize) -> Self {
        let mut limit = [0; 256];
        limit[..parts].fill(u64::MAX);
        Gate {
            limit,
            bound: vec![None; parts],
            closed: [false; 256],
        }
    }

    /// Part `s` takes nothing.
    pub(super) fn close(&mut self, s: usize) {
        self.closed[s] = true;
        self.limit[s] = 0;
    }

    /// Part `s` now admits keys up to `bound` (`None`: every key).
    pub(super) fn set(&mut self, s: usize, bound: Option<u128>) {
        self.bound[s] = bound;
        if !self.closed[s] {
            self.limit[s] = bound.map_or(u64::MAX, |b| (b >> 64) as u64);
        }
    }

    /// The rows of a chunk that may win, as (PRF value, part, row in the
    /// chunk), into `hits`; their codes, at scattered rows, are read a
    /// chunk later ([`Pending`]). The next chunk's columns (`ahead`) are
    /// prefetched on the way.
    pub(super) fn hits(
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
pub(super) struct Tally {
    tables: [[u32; 256]; 4],
    /// Rows outside the task so far.
    pub(super) out: u64,
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
    pub(super) fn add(&mut self, ids: &[u8]) {
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
    pub(super) fn drain_into(&mut self, pools: &mut [u64]) {
        for t in &mut self.tables {
            for (p, n) in pools.iter_mut().zip(t.iter()) {
                *p += u64::from(*n);
            }
            self.out += u64::from(t[OUT as usize]);
            *t = [0; 256];
        }
    }
}

/// One chunk's hits waiting for their codes. The codes lie at scattered
/// rows, so each is most likely a cache miss: they are asked for when the
/// hits are found and read a chunk later, when they have arrived, instead of
/// being waited on.
#[derive(Default)]
pub(super) struct Pending {
    first: usize,
    hits: Vec<(u128, u32, u32)>,
    codes: Vec<Uscc>,
}

impl Pending {
    /// Queues the hits of the chunk starting at row `first` (leaving `hits`
    /// empty for the next chunk) and asks for their codes.
    pub(super) fn queue(&mut self, uscc: &[Uscc], first: usize, hits: &mut Vec<(u128, u32, u32)>) {
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
    pub(super) fn drain(&mut self, uscc: &[Uscc], mut keep: impl FnMut(u128, usize, &Uscc)) {
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
pub(super) fn cand(key: u128, uscc: &Uscc) -> Cand {
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
pub(super) fn winners_of(kept: Vec<Vec<Vec<Cand>>>, takes: &[u64]) -> Vec<Vec<Cand>> {
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
pub(super) fn smallest_in_order(w: &mut Vec<Cand>, take: usize) -> Option<u128> {
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
