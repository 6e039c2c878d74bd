//! Operations on one year's bitset, bit `i` standing for the day with ordinal0 `i`.

/// Bits of one calendar year.
pub(super) type Bits = [u64; 6];

pub(super) fn bit(bits: &Bits, i: u32) -> bool {
    bits[(i / 64) as usize] >> (i % 64) & 1 == 1
}

/// Set bits with index in `from..to`.
pub(super) fn count_range(bits: &Bits, from: u32, to: u32) -> u32 {
    let mut total = 0;
    let mut i = from;
    while i < to {
        let (w, lo) = (i / 64, i % 64);
        let hi = (to - w * 64).min(64);
        total += (bits[w as usize] & mask(lo, hi)).count_ones();
        i = w * 64 + hi;
    }
    total
}

/// The index of the `k`-th (1-based) set bit at or after `from`; the caller
/// has checked that there are at least `k`.
pub(super) fn select(bits: &Bits, from: u32, mut k: u32) -> u32 {
    let mut w = from / 64;
    let mut word = bits[w as usize] & mask(from % 64, 64);
    loop {
        let ones = word.count_ones();
        if ones >= k {
            for _ in 1..k {
                word &= word - 1; // clear the lowest set bit
            }
            return w * 64 + word.trailing_zeros();
        }
        k -= ones;
        w += 1;
        word = bits[w as usize];
    }
}

/// Bits `lo..hi` of a word (`lo < 64`, `hi <= 64`).
pub(super) fn mask(lo: u32, hi: u32) -> u64 {
    let upper = if hi >= 64 { u64::MAX } else { (1 << hi) - 1 };
    upper & !((1u64 << lo) - 1)
}
