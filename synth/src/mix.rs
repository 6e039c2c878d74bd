//! The pseudo-random machinery of the generator, written out so that its
//! output can never change under us (a general-purpose RNG crate may change
//! its streams between versions; DESIGN.md, "Pitfalls").
//!
//! Everything derives from [`mix64`], the finaliser of SplitMix64 (Steele,
//! Lea and Flood, "Fast splittable pseudorandom number generators", 2014;
//! the constants are those of Java's `SplittableRandom` and of Vigna's
//! reference `splitmix64.c`). It is a bijection on `u64`.

/// The SplitMix64 increment (the odd integer closest to 2^64 / φ).
pub(crate) const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser: a bijective 64-bit mix with full avalanche.
///
/// ```text
/// z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
/// z = (z ^ (z >> 27)) * 0x94D049BB133111EB
/// z =  z ^ (z >> 31)
/// ```
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Domains keep the streams of different purposes apart.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Domain {
    /// One stream per entity row.
    Entity = 1,
    /// One stream per inspector.
    Inspector = 2,
    /// Round keys of the code permutation.
    Code = 3,
}

/// A SplitMix64 stream: `state` advances by [`GOLDEN_GAMMA`], each output is
/// `mix64(state)`. The stream of row `i` starts at
/// `mix64(mix64(seed ^ (domain · GOLDEN_GAMMA)) ^ i)`, so row `i` depends on
/// nothing but `(seed, i)`.
#[derive(Debug, Clone)]
pub(crate) struct Stream {
    state: u64,
}

impl Stream {
    pub(crate) fn key(seed: u64, domain: Domain) -> u64 {
        mix64(seed ^ (domain as u64).wrapping_mul(GOLDEN_GAMMA))
    }

    pub(crate) fn at(key: u64, index: u64) -> Self {
        Stream {
            state: mix64(key ^ index),
        }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix64(self.state)
    }

    /// Uniform in [0, 1), 53 bits.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift (bias below 2^-32 for the
    /// small `n` used here).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        debug_assert!(lo <= hi);
        lo + self.below((hi - lo) as u64 + 1) as i64
    }

    /// An element of a non-empty slice.
    pub(crate) fn choose<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A value from a weighted table (weights sum to 1; the last entry takes
    /// any rounding remainder).
    pub(crate) fn pick<T: Copy>(&mut self, table: &[(T, f64)]) -> T {
        self.pick_index(table.iter().map(|e| e.1), table.len())
            .map(|i| table[i].0)
            .expect("tables are validated non-empty")
    }

    /// Index drawn from weights; `None` only for an empty table.
    pub(crate) fn pick_index(
        &mut self,
        weights: impl Iterator<Item = f64>,
        len: usize,
    ) -> Option<usize> {
        if len == 0 {
            return None;
        }
        let u = self.unit();
        let mut acc = 0.0;
        for (i, w) in weights.enumerate() {
            acc += w;
            if u < acc {
                return Some(i);
            }
        }
        Some(len - 1)
    }

    /// Log-uniform integer in `lo..=hi`, rounded down to a multiple of `step`
    /// (never below `lo`).
    pub(crate) fn log_uniform(&mut self, lo: u64, hi: u64, step: u64) -> u64 {
        let (l, h) = ((lo as f64).ln(), (hi as f64).ln());
        let v = (l + (h - l) * self.unit()).exp() as u64;
        (v / step * step).clamp(lo, hi)
    }
}

/// 31^3: one half of the code body.
const HALF: u64 = 31 * 31 * 31;
/// 31^6: the number of distinct 6-character base-31 code bodies, and so the
/// largest county the generator can make with unique codes.
pub const CODE_SPACE: u64 = HALF * HALF;

/// A seed-keyed permutation of `0..CODE_SPACE`: a four-round balanced Feistel
/// network over `Z_{31^3} × Z_{31^3}`, each round `(l, r) → (r, (l + F_k(r)) mod 31^3)`
/// with `F_k(r) = mix64(key_k ^ r) mod 31^3`.
///
/// Every round is invertible (`l = (r' − F_k(r)) mod 31^3` whatever `F_k`
/// is), so the whole map is a bijection: distinct indices below `CODE_SPACE`
/// always give distinct outputs.
#[derive(Debug, Clone)]
pub(crate) struct CodePermutation {
    keys: [u64; 4],
}

impl CodePermutation {
    pub(crate) fn new(seed: u64) -> Self {
        let base = Stream::key(seed, Domain::Code);
        let mut s = Stream::at(base, 0);
        CodePermutation {
            keys: [s.next_u64(), s.next_u64(), s.next_u64(), s.next_u64()],
        }
    }

    /// The image of `i` (`i < CODE_SPACE`).
    pub(crate) fn apply(&self, i: u64) -> u64 {
        debug_assert!(i < CODE_SPACE);
        let (mut l, mut r) = (i / HALF, i % HALF);
        for k in self.keys {
            let f = mix64(k ^ r) % HALF;
            (l, r) = (r, (l + f) % HALF);
        }
        l * HALF + r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mix64_reference_values() {
        // splitmix64.c seeded with 0 yields mix64(GOLDEN_GAMMA) first.
        assert_eq!(mix64(GOLDEN_GAMMA), 0xE220_A839_7B1D_CDAF);
        assert_eq!(mix64(0), 0);
    }

    #[test]
    fn permutation_is_bijective_on_a_small_window() {
        let p = CodePermutation::new(7);
        let mut seen = std::collections::HashSet::new();
        for i in 0..100_000 {
            let v = p.apply(i);
            assert!(v < CODE_SPACE);
            assert!(seen.insert(v));
        }
    }
}
