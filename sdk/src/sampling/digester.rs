//! The target roster's digest (draw algorithm §2) folded part by part, for a
//! roster too large for one machine: parts sorted by code and split by code
//! ranges (as a distributed engine's sort leaves them) are hashed one after
//! another, and the running state travels between workers as bytes.

use sha2::digest::common::hazmat::{SerializableState, SerializedState};
use sha2::{Digest, Sha256};

use super::SamplingError;
use super::prf::{Digest32, uscc_block};
use super::roster::TargetRoster;
use crate::entity::Uscc;

/// First byte of a saved state: its layout version.
const STATE_VERSION: u8 = 1;

/// The §2 digest of a roster given as parts in code order, one part at a
/// time. Folding the parts of a roster gives exactly
/// [`TargetRoster::digest`] of the whole.
///
/// ```
/// use jianguan::sampling::{RosterDigester, TargetRoster};
/// use jianguan_synth::uniform_roster;
///
/// let all = uniform_roster(100);
/// let whole = TargetRoster::new(all.clone())?;
/// let mut d = RosterDigester::new();
/// d.update(&TargetRoster::new(all[..60].to_vec())?)?;
/// // The state can be saved, sent to another worker and restored there.
/// let mut d = RosterDigester::restore(&d.save())?;
/// d.update(&TargetRoster::new(all[60..].to_vec())?)?;
/// assert_eq!(&d.finish(), whole.digest());
/// # Ok::<(), jianguan::sampling::SamplingError>(())
/// ```
#[derive(Clone, Default)]
pub struct RosterDigester {
    hasher: Sha256,
    last: Option<Uscc>,
    rows: u64,
}

impl std::fmt::Debug for RosterDigester {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RosterDigester")
            .field("last", &self.last)
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

impl RosterDigester {
    /// A digester that has seen no entity.
    pub fn new() -> Self {
        Self::default()
    }

    /// Entities folded in so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Folds in the next part. An empty part changes nothing.
    ///
    /// # Errors
    /// [`SamplingError::PartsOutOfOrder`] when the part's first code is not
    /// after the last code folded in (parts overlap, repeat an entity, or
    /// come out of code order); nothing is folded in then.
    pub fn update(&mut self, part: &TargetRoster) -> Result<(), SamplingError> {
        let Some((first, last)) = part.code_range() else {
            return Ok(());
        };
        if let Some(previous) = self.last
            && uscc_block(&first) <= uscc_block(&previous)
        {
            return Err(SamplingError::PartsOutOfOrder { previous, first });
        }
        part.hash_lines(&mut self.hasher);
        self.last = Some(last);
        self.rows += part.len() as u64;
        Ok(())
    }

    /// The digest of everything folded in.
    pub fn finish(self) -> Digest32 {
        self.hasher.finalize().into()
    }

    /// The running state as bytes, to continue on another worker with
    /// [`RosterDigester::restore`].
    pub fn save(&self) -> Vec<u8> {
        let mut out = vec![STATE_VERSION];
        out.extend_from_slice(&self.rows.to_be_bytes());
        match &self.last {
            None => out.extend_from_slice(&[b'-'; 18]),
            Some(u) => out.extend_from_slice(u.as_str().as_bytes()),
        }
        out.extend_from_slice(&self.hasher.serialize());
        out
    }

    /// A digester continuing from a state [`RosterDigester::save`] gave.
    ///
    /// # Errors
    /// [`SamplingError::InvalidPartState`] for bytes that are not such a
    /// state (another length or version, a corrupt code or hash state).
    pub fn restore(state: &[u8]) -> Result<Self, SamplingError> {
        let bad = |problem: &str| SamplingError::InvalidPartState {
            problem: problem.into(),
        };
        let hash_len = SerializedState::<Sha256>::default().len();
        if state.len() != 1 + 8 + 18 + hash_len {
            return Err(bad(&format!(
                "{} bytes, a digester state has {}",
                state.len(),
                1 + 8 + 18 + hash_len
            )));
        }
        if state[0] != STATE_VERSION {
            return Err(bad(&format!(
                "layout version {}, this version reads {STATE_VERSION}",
                state[0]
            )));
        }
        let rows = u64::from_be_bytes(state[1..9].try_into().expect("8 bytes"));
        let code = &state[9..27];
        let last = if code == [b'-'; 18] {
            None
        } else {
            let text = std::str::from_utf8(code).map_err(|_| bad("the last code is not text"))?;
            Some(Uscc::parse(text).map_err(|e| bad(&format!("the last code is not valid: {e}")))?)
        };
        if last.is_none() != (rows == 0) {
            return Err(bad("the row count and the last code disagree"));
        }
        let hash = SerializedState::<Sha256>::try_from(&state[27..])
            .map_err(|_| bad("the hash state has the wrong length"))?;
        let hasher = Sha256::deserialize(&hash).map_err(|_| bad("the hash state is corrupt"))?;
        Ok(Self { hasher, last, rows })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::uniform_roster;

    /// §2: the digest of parts folded in code order is the whole roster's,
    /// across a save and restore between every part.
    #[test]
    fn parts_in_code_order_fold_into_the_whole_digest() {
        let all = uniform_roster(1_000);
        let whole = TargetRoster::new(all.clone()).unwrap();
        let mut d = RosterDigester::new();
        for chunk in all.chunks(137) {
            d.update(&TargetRoster::new(chunk.to_vec()).unwrap())
                .unwrap();
            d.update(&TargetRoster::new([]).unwrap()).unwrap();
            d = RosterDigester::restore(&d.save()).unwrap();
        }
        assert_eq!(d.rows(), 1_000);
        assert_eq!(&d.finish(), whole.digest());
        let empty = TargetRoster::new([]).unwrap();
        assert_eq!(&RosterDigester::new().finish(), empty.digest());
    }

    #[test]
    fn overlapping_or_reordered_parts_are_refused_and_change_nothing() {
        let all = uniform_roster(10);
        let mut d = RosterDigester::new();
        d.update(&TargetRoster::new(all[5..].to_vec()).unwrap())
            .unwrap();
        let before = d.save();
        let err = d
            .update(&TargetRoster::new(all[..5].to_vec()).unwrap())
            .unwrap_err();
        assert_eq!(err.kind(), "parts_out_of_order");
        assert_eq!(
            err.to_string(),
            format!(
                "roster part starting at {} does not come after the previous part, which ended at {}: parts must be sorted by code and must not overlap",
                all[0].uscc, all[9].uscc
            )
        );
        assert_eq!(d.save(), before);
        let again = d.update(&TargetRoster::new(all[9..].to_vec()).unwrap());
        assert_eq!(again.unwrap_err().kind(), "parts_out_of_order");
    }

    #[test]
    fn a_corrupt_state_is_refused() {
        let mut d = RosterDigester::new();
        d.update(&TargetRoster::new(uniform_roster(3)).unwrap())
            .unwrap();
        let good = d.save();
        let cases: [(Vec<u8>, &str); 4] = [
            (
                good[..good.len() - 1].to_vec(),
                "bytes, a digester state has",
            ),
            ([&[9u8][..], &good[1..]].concat(), "layout version 9"),
            (
                [&good[..9], &[b'x'; 18][..], &good[27..]].concat(),
                "the last code is not valid",
            ),
            (
                [&[1u8], &[0u8; 8][..], &good[9..]].concat(),
                "the row count and the last code disagree",
            ),
        ];
        for (bytes, message) in cases {
            let err = RosterDigester::restore(&bytes).unwrap_err();
            assert_eq!(err.kind(), "invalid_part_state");
            assert!(err.to_string().contains(message), "{err}");
        }
    }
}
