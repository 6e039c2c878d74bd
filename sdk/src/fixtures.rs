//! Rows for this crate's unit tests of the draw. The plain benchmark roster
//! is `jianguan_synth::uniform_roster`, but a unit test here cannot use a
//! crate that depends on this one (its types would be a second copy), so
//! the same rows are made here; both crates pin the digest of the first
//! 1,000 rows to one value, which keeps the two in step.

use chrono::NaiveDate;

use crate::entity::{CHARSET, EntityStatus, RegionCode, Uscc};
use crate::sampling::RosterEntry;

/// `n` operating enterprises in Pingdu as `jianguan_synth::uniform_roster`
/// makes them: `91370283MA` + seven base-31 digits of the index + check
/// character, classes A 30 %, B 45 %, C 17 %, D 8 % from a SplitMix64 hash
/// of the index, registered 2015-01-01, no penalty, weight 1–4.
pub(crate) fn uniform_roster(n: usize) -> Vec<RosterEntry> {
    const SHARES: [(&str, u64); 4] = [("A", 30), ("B", 45), ("C", 17), ("D", 8)];
    let mix64 = |mut z: u64| {
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let registered = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date");
    (0..n as u64)
        .map(|i| {
            let mut first17 = *b"91370283MA0000000";
            let mut v = i;
            for c in first17[10..].iter_mut().rev() {
                *c = CHARSET[(v % 31) as usize];
                v /= 31;
            }
            let h = mix64(i ^ 0x6a69_616e_6775_616e);
            let mut bucket = h % 100;
            let class = SHARES
                .iter()
                .find(|(_, share)| {
                    let hit = bucket < *share;
                    bucket = bucket.saturating_sub(*share);
                    hit
                })
                .map_or("D", |(c, _)| c);
            RosterEntry {
                uscc: Uscc::with_check_character(std::str::from_utf8(&first17).expect("ASCII"))
                    .expect("valid pattern"),
                region: RegionCode::PINGDU,
                industries: Vec::new(),
                status: EntityStatus::Operating,
                credit_class: class.into(),
                registered_on: registered,
                last_penalty_on: None,
                weight: 1 + (h >> 60) as u32 % 4,
            }
        })
        .collect()
}

/// The digest of the first 1,000 rows; `jianguan_synth`'s tests pin the same.
#[test]
fn the_rows_are_those_of_the_synthetic_crate() {
    let roster = crate::sampling::TargetRoster::new(uniform_roster(1_000)).expect("valid rows");
    assert_eq!(crate::sampling::prf::hex(roster.digest()), PINNED);
}

/// The digest both crates pin (see the module doc).
const PINNED: &str = "65c893e1fe9583a27dd0e7a02193bbf5a85f2d05e8c4ce45900172a988b34067";
