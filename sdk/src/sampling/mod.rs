//! Random inspection ("double random, one public", 双随机、一公开; 国发〔2019〕5号):
//! drawing inspection targets and inspectors at random, and publishing the
//! results. This module holds the [`Sampler`] seam; the verifiable draw that
//! implements it is specified in `docs/draw-algorithm.md` when it lands.

use crate::entity::Uscc;

pub mod results;

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

/// Why a draw could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SamplingError {
    /// A stratum was asked for more entities than it holds. Remedy: lower the
    /// count or ratio, or widen the target filter.
    #[error("stratum {stratum:?} holds {available} entities but {requested} were asked for")]
    StratumTooSmall {
        /// The stratum's name.
        stratum: String,
        /// Entities requested.
        requested: usize,
        /// Entities eligible.
        available: usize,
    },
    /// The same entity appears twice in one stratum. Remedy: deduplicate the roster.
    #[error("stratum {stratum:?} lists {uscc} more than once")]
    DuplicateMember {
        /// The stratum's name.
        stratum: String,
        /// The repeated entity.
        uscc: Uscc,
    },
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
