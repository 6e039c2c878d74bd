//! Deterministic synthetic county data (合成数据) for demos, tests and
//! benchmarks: market entities with credit profiles and penalty histories,
//! and an inspector roster (执法检查人员名录库).
//!
//! # Determinism and streaming
//!
//! Row `i` is a pure function of `(seed, i)`: its random stream is SplitMix64
//! started from `mix64(mix64(seed ^ domain·γ) ^ i)` ([`mix64`], written out in
//! this crate rather than taken from an RNG crate, whose streams may change
//! between versions). Hence:
//!
//! - the first `N` rows of a larger county equal a county of `N` rows;
//! - rows can be made in any order, in parallel, or one at a time
//!   ([`CountySpec::entity`]), and [`EntityGenerator`] never holds more than
//!   one row;
//! - the same seed gives byte-identical output from run to run; the integer
//!   streams are platform-independent, but a few amounts are drawn
//!   log-uniformly with `f64::ln`/`exp`, which IEEE 754 does not require to
//!   round identically everywhere, so pinned outputs (tests/synth.rs) are
//!   checked on the platform the tests run on.
//!
//! # Unique codes
//!
//! Row `i`'s USCC is `9k` (k = 1 enterprise, 2 individual business,
//! 3 cooperative) + the area code + `MA` + six base-31 characters + the
//! GB 11714 organisation check character + the GB 32100 check character. The
//! six characters are the base-31 digits of `P(i)`, where `P` is a
//! seed-keyed Feistel permutation of `0..31^6` (a bijection; see
//! [`CODE_SPACE`]). Distinct rows therefore have distinct bodies, hence
//! distinct codes, for every county up to 31^6 = 887,503,681 entities — in
//! particular for all 10^7-row provinces — without any set of issued codes
//! kept in memory. Counties larger than [`CODE_SPACE`] are refused.
//!
//! # Realism
//!
//! All proportions come from [`Shares`], which are **assumed, not official
//! statistics**. Names are plausible but invented; any likeness to a real
//! business is accidental.
//!
//! ```
//! use jianguan_synth::CountySpec;
//!
//! let spec = CountySpec { entities: 1_000, ..CountySpec::default() };
//! spec.validate()?;
//! let first = spec.entities().next().unwrap();
//! first.entity.validate()?;
//! assert_eq!(first.entity.uscc, spec.entity(0).entity.uscc);
//! let mut csv = Vec::new();
//! let summary = jianguan_synth::write_entities_csv(&mut csv, spec.entities())?;
//! assert_eq!(summary.entities, 1_000);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// No unsafe code, and none allowed (the workspace denies it; this crate
// exports nothing that would need an exception).
#![forbid(unsafe_code)]

mod generate;
mod inspectors;
mod mix;
mod names;
mod output;
mod penalty;
mod premises;
mod roster;
mod shares;
mod summary;

pub use inspectors::{GeneratedInspector, InspectorStatus};
pub use mix::{CODE_SPACE, mix64};
pub use output::{
    ENTITY_COLUMNS, INSPECTOR_COLUMNS, LIST_COLUMNS, PENALTY_COLUMNS, csv_field,
    write_entities_csv, write_entities_json, write_inspectors_csv, write_lists_csv,
    write_penalties_csv,
};
pub use penalty::{DEPARTMENTS, PenaltyKind, PenaltyRecord};
pub use premises::{Equipment, Premises};
pub use roster::{CLASS_SHARES, uniform_roster};
pub use shares::{Line, Shares, Township};
pub use summary::Summary;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use jianguan::credit::CreditProfile;
use jianguan::entity::{MarketEntity, RegionCode};

/// Why synthetic data could not be generated or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SynthError {
    /// The entity count is zero, negative, not a number, or larger than
    /// [`CODE_SPACE`]. Remedy: give a whole number from 1 to 887,503,681.
    #[error("entities: {input:?} {problem}; give a whole number from 1 to {max}", max = CODE_SPACE)]
    EntityCount {
        /// The value as given.
        input: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// A spec field other than the counts is unusable (no townships, a date
    /// out of range, …). Remedy: correct the named field.
    #[error("county spec field `{field}`: {problem}")]
    Spec {
        /// The field at fault.
        field: &'static str,
        /// What is wrong with it.
        problem: String,
    },
    /// A table or probability of [`Shares`] is unusable. Remedy: correct the
    /// named table (shares between 0 and 1, summing to 1).
    #[error("synthetic shares table `{table}` {problem}")]
    Shares {
        /// The table or probability at fault.
        table: &'static str,
        /// What is wrong with it.
        problem: String,
    },
    /// Writing the output failed (disk full, closed pipe, …).
    #[error("writing {what} failed: {source}")]
    Io {
        /// What was being written, e.g. "entities CSV, row 1234".
        what: String,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Serialising a row to JSON failed (should not happen for generated rows).
    #[error("writing {what} as JSON failed: {source}")]
    Json {
        /// What was being written.
        what: String,
        /// The underlying serde_json error.
        #[source]
        source: serde_json::Error,
    },
}

/// Parses an entity count as given on a command line.
///
/// Accepts decimal digits with optional `_` separators (`150_000`).
///
/// # Errors
/// [`SynthError::EntityCount`] for an empty input, a negative number (e.g.
/// `-5`: "is negative"), anything that is not a whole number, zero, or a
/// count above [`CODE_SPACE`].
pub fn parse_entity_count(input: &str) -> Result<u64, SynthError> {
    let fail = |problem| {
        Err(SynthError::EntityCount {
            input: input.to_owned(),
            problem,
        })
    };
    let t = input.trim();
    if t.is_empty() {
        return fail("is empty");
    }
    if t.starts_with('-') && t.len() > 1 && t[1..].bytes().all(|b| b.is_ascii_digit() || b == b'_')
    {
        return fail("is negative");
    }
    if !t.bytes().all(|b| b.is_ascii_digit() || b == b'_') || !t.bytes().any(|b| b.is_ascii_digit())
    {
        return fail("is not a whole number");
    }
    match t.replace('_', "").parse::<u64>() {
        Ok(0) => fail("is zero"),
        Ok(n) if n > CODE_SPACE => {
            fail("exceeds the number of unique codes the generator can make")
        }
        Ok(n) => Ok(n),
        Err(_) => fail("exceeds the number of unique codes the generator can make"),
    }
}

/// What county to generate.
///
/// Build with struct-update syntax over [`CountySpec::default`] and call
/// [`CountySpec::validate`] (the generator entry points assume a valid spec).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountySpec {
    /// Seed of every random draw.
    pub seed: u64,
    /// Number of market entities (default 150,000; at most [`CODE_SPACE`]).
    pub entities: u64,
    /// Area code in every USCC and record (default 370283, Pingdu).
    pub region: RegionCode,
    /// Place-name prefix of generated business names (default 平度市).
    pub place_name: String,
    /// The date the data describes: no registration, penalty or listing is
    /// later (default 2026-11-28).
    pub as_of: NaiveDate,
    /// Township-level divisions and their shares (default [`Township::pingdu`]).
    pub townships: Vec<Township>,
    /// Assumed proportions (default [`Shares::default`]).
    pub shares: Shares,
}

impl Default for CountySpec {
    fn default() -> Self {
        CountySpec {
            seed: 2021_0725,
            entities: 150_000,
            region: RegionCode::PINGDU,
            place_name: "平度市".into(),
            as_of: NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date"),
            townships: Township::pingdu(),
            shares: Shares::default(),
        }
    }
}

/// The earliest registration date the generator produces.
pub const EARLIEST_REGISTRATION: NaiveDate = match NaiveDate::from_ymd_opt(1984, 1, 1) {
    Some(d) => d,
    None => unreachable!(),
};

impl CountySpec {
    /// A Pingdu spec with the given seed and entity count.
    ///
    /// # Errors
    /// As [`CountySpec::validate`].
    pub fn new(seed: u64, entities: u64) -> Result<Self, SynthError> {
        let spec = CountySpec {
            seed,
            entities,
            ..CountySpec::default()
        };
        spec.validate()?;
        Ok(spec)
    }

    /// Checks the spec.
    ///
    /// # Errors
    /// [`SynthError::EntityCount`] when `entities` is 0 or above
    /// [`CODE_SPACE`]; [`SynthError::Spec`] when `as_of` is before 1990 or
    /// after 2200, `place_name` is blank, or `townships` is empty, has a blank
    /// name, or weights that are negative or do not sum to 1;
    /// [`SynthError::Shares`] from [`Shares::validate`].
    pub fn validate(&self) -> Result<(), SynthError> {
        if self.entities == 0 || self.entities > CODE_SPACE {
            return Err(SynthError::EntityCount {
                input: self.entities.to_string(),
                problem: if self.entities == 0 {
                    "is zero"
                } else {
                    "exceeds the number of unique codes the generator can make"
                },
            });
        }
        let spec = |field, problem: String| Err(SynthError::Spec { field, problem });
        let lo = NaiveDate::from_ymd_opt(1990, 1, 1).expect("valid");
        let hi = NaiveDate::from_ymd_opt(2200, 12, 31).expect("valid");
        if self.as_of < lo || self.as_of > hi {
            return spec(
                "as_of",
                format!("is {}; it must lie in {lo}..={hi}", self.as_of),
            );
        }
        if self.place_name.trim().is_empty() {
            return spec("place_name", "is blank".into());
        }
        if self.townships.is_empty() {
            return spec("townships", "is empty; give at least one township".into());
        }
        if let Some(t) = self.townships.iter().find(|t| t.name.trim().is_empty()) {
            return spec(
                "townships",
                format!("has a blank name (weight {})", t.weight),
            );
        }
        if let Some(t) = self
            .townships
            .iter()
            .find(|t| !(t.weight.is_finite() && t.weight >= 0.0))
        {
            return spec("townships", format!("{} has weight {}", t.name, t.weight));
        }
        let sum: f64 = self.townships.iter().map(|t| t.weight).sum();
        if (sum - 1.0).abs() > 1e-6 {
            return spec("townships", format!("weights sum to {sum}, not 1"));
        }
        self.shares.validate()
    }

    /// Row `i` of the county (`i` may exceed `entities`: rows do not depend
    /// on the county size, only on `seed` and `i`).
    ///
    /// # Panics
    /// If `i >= CODE_SPACE`, or if the spec does not pass
    /// [`CountySpec::validate`] (not checked here, since this is called per
    /// row: a spec with empty tables panics inside the draw).
    pub fn entity(&self, i: u64) -> SyntheticEntity {
        generate::Generator::new(self).row(i)
    }

    /// All rows, in order, streamed.
    ///
    /// # Panics
    /// If the spec does not pass [`CountySpec::validate`] (its fields are
    /// public, so validate a spec you built or deserialised yourself first).
    pub fn entities(&self) -> EntityGenerator<'_> {
        self.entities_in(0..self.entities)
    }

    /// The rows with indices in `range` (clamped to the county; an empty or
    /// reversed range yields nothing), streamed — for splitting a county
    /// across threads or machines.
    ///
    /// # Panics
    /// If the spec does not pass [`CountySpec::validate`].
    pub fn entities_in(&self, range: std::ops::Range<u64>) -> EntityGenerator<'_> {
        self.assert_valid("entities_in");
        let next = range.start.min(self.entities);
        EntityGenerator {
            generator: generate::Generator::new(self),
            next,
            end: range.end.min(self.entities).max(next),
        }
    }

    /// The inspector roster (执法检查人员名录库) of the county: see
    /// [`GeneratedInspector`].
    ///
    /// # Panics
    /// If the spec does not pass [`CountySpec::validate`].
    pub fn inspectors(&self) -> Vec<GeneratedInspector> {
        self.assert_valid("inspectors");
        inspectors::roster(self)
    }

    /// Generation assumes a valid spec (non-empty tables, dates in range);
    /// fail loudly at the entry point rather than deep inside a draw.
    fn assert_valid(&self, entry: &str) {
        if let Err(e) = self.validate() {
            panic!("CountySpec::{entry} needs a valid spec (call CountySpec::validate first): {e}");
        }
    }
}

/// One synthetic market entity with its credit data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyntheticEntity {
    /// Row index in the county (0-based).
    pub index: u64,
    /// The entity as registered.
    pub entity: MarketEntity,
    /// Its credit profile under [`CreditScheme::national_2022`](jianguan::credit::CreditScheme::national_2022).
    pub credit: CreditProfile,
    /// Its penalty decisions, oldest first; the last one's date is
    /// `credit.last_penalty_on`.
    pub penalties: Vec<PenaltyRecord>,
    /// The kind of premises.
    pub premises: Premises,
    /// Special equipment in use; non-empty exactly when the entity's
    /// industries include special-equipment use.
    pub equipment: Vec<Equipment>,
}

/// Streams the rows of a county, one at a time (see [`CountySpec::entities`]).
#[derive(Debug, Clone)]
pub struct EntityGenerator<'a> {
    generator: generate::Generator<'a>,
    next: u64,
    end: u64,
}

impl Iterator for EntityGenerator<'_> {
    type Item = SyntheticEntity;

    fn next(&mut self) -> Option<SyntheticEntity> {
        if self.next >= self.end {
            return None;
        }
        let row = self.generator.row(self.next);
        self.next += 1;
        Some(row)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::try_from(self.end - self.next).unwrap_or(usize::MAX);
        (n, Some(n))
    }
}

impl ExactSizeIterator for EntityGenerator<'_> {}

impl DoubleEndedIterator for EntityGenerator<'_> {
    fn next_back(&mut self) -> Option<SyntheticEntity> {
        if self.next >= self.end {
            return None;
        }
        self.end -= 1;
        Some(self.generator.row(self.end))
    }
}
