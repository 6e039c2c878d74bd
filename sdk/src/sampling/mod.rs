//! Random inspection ("double random, one public", 双随机、一公开; 国发〔2019〕5号):
//! drawing inspection targets and inspectors at random, verifiably, and
//! publishing the results.
//!
//! A [`Plan`] fixes the tasks, strata and rules; the [`TargetRoster`],
//! [`InspectionHistory`] and [`InspectorRoster`] are fixed with their digests;
//! public values published afterwards ([`EntropyValue`]) seed the draw.
//! [`draw`] gives a [`DrawRecord`] and [`verify`] re-runs one. The algorithm
//! is specified byte for byte in `docs/draw-algorithm.md` (version
//! [`ALGORITHM`]), so the public can re-check a draw without this crate.
//!
//! ```
//! use jianguan::sampling::{self, *};
//! use jianguan::entity::{EntityStatus, RegionCode, Uscc};
//! use jianguan::NaiveDate;
//!
//! let day = |s: &str| s.parse::<NaiveDate>().unwrap();
//! let roster = TargetRoster::new((0..40u32).map(|i| RosterEntry {
//!     uscc: Uscc::with_check_character(&format!("91370283MA{i:07}")).unwrap(),
//!     region: RegionCode::PINGDU,
//!     industries: vec![],
//!     status: EntityStatus::Operating,
//!     credit_class: ["B", "C"][i as usize % 2].into(),
//!     registered_on: day("2020-01-01"),
//!     last_penalty_on: Some(day("2025-06-01")),
//!     weight: 1,
//! }))?;
//! let plan: Plan = serde_json::from_str(r#"{
//!   "id": "PD-2026-09", "title": "企业公示信息抽查", "level": "county",
//!   "as_of": "2026-09-01", "period": ["2026-09-01", "2026-11-10"],
//!   "entropy": ["福彩3D 2026-240"],
//!   "tasks": [{ "department": "market_regulation", "kind": "publicity",
//!               "items": ["G-01"], "direction": "undirected",
//!               "strata": [{"class": "B", "size": {"ratio": "0.1"}},
//!                          {"class": "C", "size": {"count": 3}}] }]
//! }"#)?;
//! let inspectors = InspectorRoster::new((0..4).map(|i| Inspector {
//!     id: format!("MR-{i}"), name: format!("检查员{i}"),
//!     department: "market_regulation".into(), team: "登记科".into(),
//!     qualifications: vec![], status: InspectorStatus::Active,
//!     workload_cap: None, conflicts: vec![],
//! }))?;
//! let history = InspectionHistory::default();
//! let entropy = [EntropyValue { label: "福彩3D 2026-240".into(), value: "3 8 1".into() }];
//! let record = sampling::draw(&plan, &roster, &history, &inspectors, &entropy)?;
//! assert_eq!(record.visits.len(), 2 + 3);
//! sampling::verify(&record, &roster, &history, &inspectors)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod digester;
mod error;
mod inputs;
mod inspectors;
mod plan;
mod prf;
mod record;
mod roster;
mod roster_builder;
mod select;

pub use digester::RosterDigester;
pub use error::SamplingError;
pub use inputs::{BuiltRosters, DrawInputs, DrawRosters};
pub use inspectors::{Inspector, InspectorRoster, InspectorStatus, assign_inspectors};
pub use plan::{
    Direction, Filter, InspectorRules, Level, PenaltyFree, Plan, PlanItem, Ratio, Replaces, Rules,
    Size, StratumSpec, Task, TaskKind,
};
pub use prf::{
    ALGORITHM, Digest32, Prf, derive_key, hex, parse_digest, sha256, uscc_block, weighted_key,
};
pub use record::{
    Assignment, Digests, DrawRecord, DrawSetup, EntropyValue, RECORD_FORMAT, Recusal,
    StratumOutcome, StratumPart, TaskOutcome, Visit, canonical_json, draw, draw_parts, verify,
};
pub use roster::{
    InspectionHistory, PastInspection, RosterEntry, TargetRoster, digest_sorted_parts,
};
pub use roster_builder::{EntryRef, RosterBuilder};
pub use select::{Exclusion, ExclusionRule, PartialSelection, TaskCounts};

use crate::entity::Uscc;

pub mod results;
pub mod rfc3797;

/// One stratum of a target pool (检查对象名录库): the eligible entities of
/// one credit class or other stratum, and how many of them to draw.
#[derive(Debug, Clone, Copy)]
pub struct Stratum<'a> {
    /// Stratum name as recorded in the draw (e.g. the credit class "D").
    pub name: &'a str,
    /// The eligible entities; their order must not affect the result.
    pub members: &'a [Uscc],
    /// How many to draw.
    pub take: usize,
}

/// The seam that draws targets for a plan: given a seed fixed by the
/// published procedure and the strata, it returns the entities drawn from
/// each stratum. An implementation must be deterministic in its inputs and
/// must not depend on the order of `members`, so anyone holding the record
/// can re-run it.
pub trait Sampler {
    /// Name and version of the selection algorithm, recorded with every draw.
    fn algorithm(&self) -> &str;

    /// The entities drawn from each stratum, in the order of `strata`.
    ///
    /// # Errors
    /// [`SamplingError::StratumTooSmall`] or [`SamplingError::DuplicateMember`];
    /// no partial result is returned.
    fn draw_targets(
        &self,
        seed: &[u8; 32],
        strata: &[Stratum<'_>],
    ) -> Result<Vec<Vec<Uscc>>, SamplingError>;
}

/// The [`Sampler`] of this crate's algorithm for ready-made strata: in
/// stratum `s`, the `take` members with the smallest PRF values under the key
/// derived from `seed` with label "strata" and index `s` (§5–§6), smallest first.
#[derive(Debug, Clone, Copy, Default)]
pub struct VerifiableSampler;

impl Sampler for VerifiableSampler {
    fn algorithm(&self) -> &str {
        ALGORITHM
    }

    fn draw_targets(
        &self,
        seed: &[u8; 32],
        strata: &[Stratum<'_>],
    ) -> Result<Vec<Vec<Uscc>>, SamplingError> {
        let mut out = Vec::with_capacity(strata.len());
        for (s, st) in strata.iter().enumerate() {
            if st.take > st.members.len() {
                return Err(SamplingError::StratumTooSmall {
                    stratum: st.name.into(),
                    requested: st.take,
                    available: st.members.len(),
                });
            }
            let prf = Prf::new(&derive_key(seed, "strata", s as u32));
            let mut keyed: Vec<(u128, Uscc)> = st
                .members
                .iter()
                .map(|m| (prf.eval(uscc_block(m)), *m))
                .collect();
            keyed.sort_unstable_by_key(|k| k.0);
            if let Some(w) = keyed.windows(2).find(|w| w[0].0 == w[1].0) {
                return Err(SamplingError::DuplicateMember {
                    stratum: st.name.into(),
                    uscc: w[0].1,
                });
            }
            out.push(keyed.into_iter().take(st.take).map(|k| k.1).collect());
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(n: u32) -> Vec<Uscc> {
        (0..n)
            .map(|i| Uscc::with_check_character(&format!("91370283MA{i:07}")).unwrap())
            .collect()
    }

    /// §5–§6 for the `Sampler` seam: stratum `s` under the key labelled
    /// "strata" with index `s`, smallest PRF values first, whatever the order
    /// of the members.
    #[test]
    fn verifiable_sampler_takes_the_smallest_keys_of_each_stratum() {
        let seed = sha256(b"sampler");
        let (a, b) = (members(30), members(12));
        let strata = [
            Stratum {
                name: "B",
                members: &a,
                take: 4,
            },
            Stratum {
                name: "C",
                members: &b,
                take: 12,
            },
        ];
        let drawn = VerifiableSampler.draw_targets(&seed, &strata).unwrap();
        assert_eq!(VerifiableSampler.algorithm(), ALGORITHM);
        let prf = Prf::new(&derive_key(&seed, "strata", 0));
        let mut by_key = a.clone();
        by_key.sort_by_key(|u| prf.eval(uscc_block(u)));
        assert_eq!(drawn[0], by_key[..4]);
        assert_eq!(drawn[1].len(), 12);
        let reversed: Vec<Uscc> = a.iter().rev().copied().collect();
        let again = VerifiableSampler
            .draw_targets(
                &seed,
                &[Stratum {
                    name: "B",
                    members: &reversed,
                    take: 4,
                }],
            )
            .unwrap();
        assert_eq!(again[0], drawn[0]);
    }

    #[test]
    fn verifiable_sampler_refuses_short_and_repeated_strata() {
        let seed = sha256(b"sampler");
        let a = members(3);
        let short = VerifiableSampler.draw_targets(
            &seed,
            &[Stratum {
                name: "D",
                members: &a,
                take: 4,
            }],
        );
        assert_eq!(
            short,
            Err(SamplingError::StratumTooSmall {
                stratum: "D".into(),
                requested: 4,
                available: 3
            })
        );
        let twice = [a[0], a[1], a[0]];
        let dup = VerifiableSampler.draw_targets(
            &seed,
            &[Stratum {
                name: "D",
                members: &twice,
                take: 1,
            }],
        );
        assert_eq!(
            dup,
            Err(SamplingError::DuplicateMember {
                stratum: "D".into(),
                uscc: a[0]
            })
        );
    }
}
