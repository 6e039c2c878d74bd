//! RFC 3797 selection mode: the publicly verifiable random selection of
//! D. Eastlake, "Publicly Verifiable Nominations Committee (NomCom) Random
//! Selection" (RFC 3797, June 2004), reproduced bit for bit: anyone holding
//! the published number sources can re-run a draw with the RFC's own
//! reference code and get the same table.
//!
//! The mode is meant for small pools, such as the inspector panel drawn for
//! one inspection in a 双随机、一公开 ("double random, one public") draw. It
//! uses MD5 because the RFC does; the hash mixes public values and protects no
//! secret. Pools are limited to [`MAX_POOL_SIZE`] items, as in the RFC's
//! reference code.
//!
//! The algorithm (RFC 3797 §4, reference code in its Appendix A):
//!
//! 1. Each [`EntropySource`] is written in canonical form: its numbers in
//!    ascending decimal order without leading zeros, each followed by `.`,
//!    and the source closed by `/` (`2 5 12 8 10` gives `2.5.8.10.12./`).
//!    Only numeric sources are taken: the RFC's rule for text sources
//!    could not be read from an authoritative copy, so none is encoded.
//! 2. The key string is the canonical sources concatenated in their
//!    announced order ([`key_string`]).
//! 3. For the `i`-th selection (1-based), the hash is MD5 over the bytes
//!    `c || key || c`, where `c` is the counter `i - 1` as two bytes, most
//!    significant first (`00 00` for the first selection, `00 01` for the
//!    second).
//! 4. The 16-byte hash, read as a big-endian unsigned 128-bit number, is
//!    reduced modulo the number of items still in the pool; the remainder
//!    plus one is the position of the selected item in the list of items not
//!    yet selected, which keeps the original order. The item is removed and
//!    the next selection uses a divisor one smaller.
//!
//! ```
//! use jianguan::sampling::rfc3797::{select_items, EntropySource};
//!
//! // RFC 3797 §6: three published sources, a pool of 25 volunteers.
//! let sources = [
//!     EntropySource::numbers([9319]),
//!     EntropySource::numbers([2, 5, 12, 8, 10]),
//!     EntropySource::numbers([9, 18, 26, 34, 41, 45]),
//! ];
//! let pool: Vec<u32> = (1..=25).collect();
//! let chosen = select_items(&pool, 3, &sources)?;
//! assert_eq!(chosen, [&17, &7, &2]);
//! # Ok::<(), jianguan::sampling::rfc3797::Rfc3797Error>(())
//! ```

use md5::{Digest, Md5};

#[cfg(test)]
mod tests;

/// The largest pool this mode accepts: 2^16 - 1 items, the limit of the
/// RFC 3797 reference code (its positions are 16-bit). It also keeps every
/// selection counter within the two bytes the hash input gives it.
pub const MAX_POOL_SIZE: usize = 65_535;

/// One public source of randomness, such as a lottery draw announced before
/// the selection and published after it.
///
/// Only numeric sources are supported (RFC 3797 §4 advises against text
/// sources, and its text rule is not encoded here).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EntropySource {
    /// Non-negative integers, in any order; they are sorted ascending.
    /// Repeated values are kept.
    Numbers(Vec<u64>),
}

impl EntropySource {
    /// A source of numbers, given in any order.
    pub fn numbers(values: impl IntoIterator<Item = u64>) -> Self {
        Self::Numbers(values.into_iter().collect())
    }

    /// The source's canonical form, closed by `/` (`"2.5.8.10.12./"`), or
    /// `None` when it has no value (an empty number list).
    #[must_use]
    pub fn canonical(&self) -> Option<String> {
        let mut out = String::new();
        match self {
            Self::Numbers(values) => {
                let mut sorted = values.clone();
                sorted.sort_unstable();
                for value in sorted {
                    out.push_str(&value.to_string());
                    out.push('.');
                }
            }
        }
        if out.is_empty() {
            return None;
        }
        out.push('/');
        Some(out)
    }
}

/// One row of the selection table RFC 3797 §6 prints.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rfc3797Pick {
    /// Which selection this is, from 1 (the RFC's "index" column). The hash
    /// input's counter is `index - 1`.
    pub index: usize,
    /// The MD5 hash of this selection, 32 upper-case hex digits as the RFC
    /// prints them.
    pub md5_hex: String,
    /// The number of items still in the pool, by which the hash was divided
    /// (the RFC's "div" column).
    pub divisor: usize,
    /// The selected item's 1-based position in the original pool ordering
    /// (the RFC's "selected" column).
    pub position: usize,
}

/// Why an RFC 3797 selection could not be made. Nothing is selected when any
/// of these is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Rfc3797Error {
    /// The list of sources is empty, so there is no key string. Remedy: pass
    /// the announced sources, in their announced order.
    #[error(
        "no entropy sources were given; pass the sources announced before the draw, in their announced order"
    )]
    NoSources,
    /// A source has no value. Remedy: enter the published value, or correct
    /// the announced source list (a source that produced nothing must be
    /// handled as the announcement said).
    #[error("entropy source {position} has no value (no numbers); enter its published value")]
    EmptySource {
        /// The source's 1-based position in the list.
        position: usize,
    },
    /// More items were asked for than the pool holds. Remedy: lower the
    /// count or enlarge the pool.
    #[error(
        "{count} selections were asked for from a pool of {pool_size}; ask for at most {pool_size}"
    )]
    CountExceedsPool {
        /// Selections requested.
        count: usize,
        /// Items in the pool.
        pool_size: usize,
    },
    /// The pool is larger than the two-byte counter and 16-bit positions of
    /// RFC 3797 permit. Remedy: split the pool into smaller lists (each drawn
    /// with its own announced sources), or use the SDK's main draw algorithm.
    #[error(
        "pool of {pool_size} items exceeds the RFC 3797 limit of {max}; split the pool or use the main draw algorithm"
    )]
    PoolTooLarge {
        /// Items in the pool.
        pool_size: usize,
        /// The limit, [`MAX_POOL_SIZE`].
        max: usize,
    },
}

/// The key string of RFC 3797 §4: the canonical form of each source
/// ([`EntropySource::canonical`]) concatenated in the given order, e.g.
/// `"9319./2.5.8.10.12./9.18.26.34.41.45./"`. Publish it with the result so
/// others can check the canonicalisation.
///
/// # Errors
/// [`Rfc3797Error::NoSources`] if `sources` is empty;
/// [`Rfc3797Error::EmptySource`] for the first source without a value.
pub fn key_string(sources: &[EntropySource]) -> Result<String, Rfc3797Error> {
    if sources.is_empty() {
        return Err(Rfc3797Error::NoSources);
    }
    let mut key = String::new();
    for (i, source) in sources.iter().enumerate() {
        let canonical = source
            .canonical()
            .ok_or(Rfc3797Error::EmptySource { position: i + 1 })?;
        key.push_str(&canonical);
    }
    Ok(key)
}

/// Selects `count` of the items numbered 1 to `pool_size`, in selection
/// order, with the hash and divisor of each selection (RFC 3797 §4).
///
/// `count` equal to `pool_size` orders the whole pool; `count` 0 selects
/// nothing (the sources are still checked).
///
/// # Errors
/// [`Rfc3797Error::NoSources`] or [`Rfc3797Error::EmptySource`] as for
/// [`key_string`]; [`Rfc3797Error::PoolTooLarge`] if `pool_size` exceeds
/// [`MAX_POOL_SIZE`]; [`Rfc3797Error::CountExceedsPool`] if `count` exceeds
/// `pool_size`.
pub fn select(
    pool_size: usize,
    count: usize,
    sources: &[EntropySource],
) -> Result<Vec<Rfc3797Pick>, Rfc3797Error> {
    let key = key_string(sources)?;
    let too_large = Rfc3797Error::PoolTooLarge {
        pool_size,
        max: MAX_POOL_SIZE,
    };
    if pool_size > MAX_POOL_SIZE {
        return Err(too_large);
    }
    if count > pool_size {
        return Err(Rfc3797Error::CountExceedsPool { count, pool_size });
    }
    // Positions not yet selected, in the original order.
    let mut remaining: Vec<usize> = (1..=pool_size).collect();
    let mut picks = Vec::with_capacity(count);
    for n in 0..count {
        // Cannot fail: n < count <= MAX_POOL_SIZE = u16::MAX.
        let counter = u16::try_from(n).map_err(|_| too_large.clone())?;
        let digest = selection_hash(counter, key.as_bytes());
        let divisor = remaining.len();
        // Cannot fail: a remainder is below divisor <= MAX_POOL_SIZE.
        let offset = usize::try_from(u128::from_be_bytes(digest) % divisor as u128)
            .map_err(|_| too_large.clone())?;
        let position = remaining.remove(offset);
        picks.push(Rfc3797Pick {
            index: n + 1,
            md5_hex: super::prf::hex(&digest).to_uppercase(),
            divisor,
            position,
        });
    }
    Ok(picks)
}

/// Selects `count` items of `pool` with [`select`], where item `k` of the
/// slice has position `k + 1`, and returns them in selection order.
///
/// # Errors
/// As for [`select`] with `pool_size = pool.len()`.
pub fn select_items<'a, T>(
    pool: &'a [T],
    count: usize,
    sources: &[EntropySource],
) -> Result<Vec<&'a T>, Rfc3797Error> {
    let picks = select(pool.len(), count, sources)?;
    // Every position is in 1..=pool.len(), so `get` always finds the item.
    Ok(picks
        .iter()
        .filter_map(|pick| pool.get(pick.position - 1))
        .collect())
}

/// MD5 of `counter || key || counter`, the counter as two big-endian bytes.
fn selection_hash(counter: u16, key: &[u8]) -> [u8; 16] {
    let bracket = counter.to_be_bytes();
    let mut md5 = Md5::new();
    md5.update(bracket);
    md5.update(key);
    md5.update(bracket);
    md5.finalize().into()
}
