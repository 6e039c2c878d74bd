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

mod canonical;
mod digester;
mod error;
mod inputs;
mod inspectors;
mod plan;
mod record;
mod roster;
mod select;
mod setup;
mod verify;
mod visits;
mod watch;
mod wire;

pub use canonical::canonical_json;
pub use digester::RosterDigester;
pub use error::SamplingError;
pub use inputs::{BuiltRosters, DrawInputs, DrawRosters, RostersRef};
pub use inspectors::{Inspector, InspectorRoster, InspectorStatus};
pub use plan::{
    Direction, Filter, InspectorRules, Level, PenaltyFree, Plan, PlanItem, Ratio, Replaces, Rules,
    Size, StratumSpec, Task, TaskKind,
};
/// The draw algorithm's name and version, recorded in every draw.
pub use prf::ALGORITHM;
pub use record::{
    Digests, DrawRecord, EntropyValue, RECORD_FORMAT, StratumOutcome, StratumPart, TaskOutcome,
};
pub use roster::{
    EntryRef, InspectionHistory, PastInspection, RosterBuilder, RosterEntry, TargetRoster,
    digest_sorted_parts,
};
pub use select::{Exclusion, ExclusionRule, PartialSelection, TaskCounts};
pub use setup::{DrawSetup, TaskDraw, draw, draw_parts, draw_watched};
pub use verify::verify;
pub(crate) use verify::verify_watched;
pub use visits::{Assignment, Recusal, Visit, assign_inspectors};
pub use watch::{DrawProgress, DrawWatch};

pub mod prf;
pub mod rfc3797;
