//! A plain synthetic target roster for benchmarks and draw tests: many
//! entities, four credit classes, nothing else varying.

use chrono::NaiveDate;

use super::mix::mix64;
use jianguan::entity::{CHARSET, EntityStatus, RegionCode, Uscc};
use jianguan::sampling::RosterEntry;

/// Assumed class shares of [`uniform_roster`], in per cent: A 30, B 45, C 17, D 8.
pub const CLASS_SHARES: [(&str, u64); 4] = [("A", 30), ("B", 45), ("C", 17), ("D", 8)];

/// `n` operating enterprises in Pingdu (`91370283MA` + seven base-31 digits
/// of the index + check character), classes A–D by [`CLASS_SHARES`] from a
/// hash of the index, registered 2015-01-01, no penalty, weight 1–4.
///
/// # Panics
/// If `n` exceeds 31^7 (27,512,614,111), the codes this pattern can hold.
pub fn uniform_roster(n: usize) -> Vec<RosterEntry> {
    assert!((n as u64) <= 31u64.pow(7), "at most 31^7 entities");
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
            let class = CLASS_SHARES
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
