//! Verification of a draw record (draw algorithm §10): re-run the draw it
//! describes and point at the first difference.

use super::canonical::first_difference;
use super::error::SamplingError;
use super::inspectors::InspectorRoster;
use super::prf::{ALGORITHM, hex};
use super::record::{DrawRecord, RECORD_FORMAT};
use super::roster::{InspectionHistory, TargetRoster};
use super::setup::{DrawSetup, draw_parts_watched};
use super::watch::DrawWatch;

/// Re-runs the draw a record describes over the given rosters and compares
/// the result with the record, field by field.
///
/// # Errors
/// [`SamplingError::UnsupportedRecord`] for another format or algorithm;
/// [`SamplingError::VerificationFailed`] naming the first field that differs
/// (a roster digest, the seed, a selected entity, an inspector) and both
/// values; any error the draw itself raises on these rosters.
pub fn verify(
    record: &DrawRecord,
    roster: &TargetRoster,
    history: &InspectionHistory,
    inspectors: &InspectorRoster,
) -> Result<(), SamplingError> {
    verify_watched(record, roster, history, inspectors, None)
        .map(|r| r.expect("an unwatched verification is never stopped"))
}

/// [`verify`], advancing `watch` as the draw is re-run and returning
/// `Ok(None)` as soon as it asks to stop.
///
/// # Errors
/// As [`verify`].
pub fn verify_watched(
    record: &DrawRecord,
    roster: &TargetRoster,
    history: &InspectionHistory,
    inspectors: &InspectorRoster,
    watch: Option<&DrawWatch>,
) -> Result<Option<()>, SamplingError> {
    if record.format != RECORD_FORMAT || record.algorithm != ALGORITHM {
        return Err(SamplingError::UnsupportedRecord {
            format: record.format.clone(),
            algorithm: record.algorithm.clone(),
        });
    }
    // Digests and seed first (§10): a wrong roster is named as such, not as
    // whatever the draw over it would refuse.
    let setup = DrawSetup::new(
        &record.plan,
        roster.digest(),
        history,
        inspectors,
        &record.entropy,
    )?;
    let fixed = [
        ("digests.plan", &record.digests.plan, &setup.digests.plan),
        (
            "digests.targets",
            &record.digests.targets,
            &setup.digests.targets,
        ),
        (
            "digests.history",
            &record.digests.history,
            &setup.digests.history,
        ),
        (
            "digests.inspectors",
            &record.digests.inspectors,
            &setup.digests.inspectors,
        ),
        ("seed", &record.seed, &hex(setup.seed())),
    ];
    for (path, recorded, recomputed) in fixed {
        if recorded != recomputed {
            return Err(SamplingError::VerificationFailed {
                path: path.into(),
                recorded: format!("{recorded:?}"),
                recomputed: format!("{recomputed:?}"),
            });
        }
    }
    let Some(again) = draw_parts_watched(
        &record.plan,
        &[roster],
        history,
        inspectors,
        &record.entropy,
        watch,
    )?
    else {
        return Ok(None);
    };
    let (a, b) = (serde_json::to_value(record), serde_json::to_value(&again));
    let (a, b) = (a.expect("serialisable"), b.expect("serialisable"));
    match first_difference(&a, &b, String::new()) {
        None => Ok(Some(())),
        Some((path, recorded, recomputed)) => Err(SamplingError::VerificationFailed {
            path,
            recorded,
            recomputed,
        }),
    }
}
