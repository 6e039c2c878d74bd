//! Stratum sizes (draw algorithm §7 steps 4–5).

use super::*;

/// How many each stratum part takes, from the summed counts (§7).
///
/// # Errors
/// [`SamplingError::EmptyStratum`], [`SamplingError::StratumTooSmall`] or
/// [`SamplingError::PublicityMinimum`].
pub(crate) fn takes(task: &Task, t: usize, counts: &TaskCounts) -> Result<Vec<u64>, SamplingError> {
    // Counts from a part that saw no stratum may be short; missing is zero.
    let mut counts = counts.clone();
    counts.pools.resize(2 * task.strata.len(), 0);
    let counts = &counts;
    let factor = task
        .rules
        .penalty_free
        .as_ref()
        .map_or(0, |p| u128::from(p.factor.ppm()));
    let mut out = Vec::with_capacity(counts.pools.len());
    for (s, spec) in task.strata.iter().enumerate() {
        let (n, r) = (counts.pools[2 * s], counts.pools[2 * s + 1]);
        match spec.size {
            Size::Ratio(ratio) => {
                out.push(ratio.ceil_of(n));
                let rr = u128::from(r) * u128::from(ratio.ppm()) * factor;
                out.push(rr.div_ceil(1_000_000_000_000) as u64);
            }
            Size::Count(c) => {
                if n + r == 0 && c > 0 {
                    return Err(SamplingError::EmptyStratum {
                        task: t,
                        class: spec.class.clone(),
                        count: c,
                    });
                }
                if c > n + r {
                    return Err(SamplingError::StratumTooSmall {
                        stratum: format!("tasks[{t}] class {}", spec.class),
                        requested: c as usize,
                        available: (n + r) as usize,
                    });
                }
                // Share c between the parts in proportion to n·1 and r·factor,
                // rounding half up (§7).
                let d = u128::from(n) * 1_000_000 + u128::from(r) * factor;
                let mut tr = if d == 0 {
                    0
                } else {
                    ((2 * u128::from(c) * u128::from(r) * factor + d) / (2 * d)) as u64
                };
                tr = tr.min(r);
                let mut tn = c - tr;
                if tn > n {
                    tn = n;
                    tr = c - n;
                }
                out.push(tn);
                out.push(tr);
            }
        }
    }
    if task.kind == TaskKind::Publicity {
        let needed = task.rules.publicity_minimum.ceil_of(counts.population);
        let planned: u64 = out.iter().sum();
        if planned < needed {
            return Err(SamplingError::PublicityMinimum {
                task: t,
                population: counts.population,
                needed,
                planned,
            });
        }
    }
    Ok(out)
}
