//! Stratified target selection (draw algorithm §6–§7) over a synthetic roster
//! of 10^6 and 10^7 entities in four credit-class strata, the figure
//! `scripts/bench-draw.sh` sets beside pandas and polars. The roster and its
//! digest are fixed before timing, as the procedure fixes them before the
//! draw; each iteration counts the pools, sizes the strata and selects
//! (`DrawSetup::count_and_select`, the path `draw` takes for one roster).

// criterion_group! generates an undocumented function.
#![allow(missing_docs)]

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jianguan::sampling::{
    DrawSetup, EntropyValue, InspectionHistory, InspectorRoster, Plan, TargetRoster,
};
use jianguan_synth::uniform_roster;

/// The benchmark plan (draw-plan.json, also read by
/// `examples/draw_throughput.rs` and scripts/bench/python_draw.py): one
/// undirected task, A 1%, B 3%, C 10%, D 30%, and none of the rules that
/// would exclude or down-weight entities (the baselines have no such rules).
pub const PLAN: &str = include_str!("draw-plan.json");

fn bench(c: &mut Criterion) {
    let mut plan: Plan = serde_json::from_str(PLAN).expect("plan");
    plan.resolve(None).expect("valid plan");
    let history = InspectionHistory::default();
    let inspectors = InspectorRoster::new([]).expect("empty roster");
    let entropy = [EntropyValue {
        label: "bench".into(),
        value: "1".into(),
    }];
    let sizes: Vec<usize> = std::env::var("JIANGUAN_DRAW_ROWS")
        .map(|v| {
            v.split(',')
                .map(|n| n.trim().parse().expect("row count"))
                .collect()
        })
        .unwrap_or_else(|_| vec![1_000_000, 10_000_000]);
    let mut group = c.benchmark_group("draw_stratified");
    group.sample_size(10);
    for n in sizes {
        let roster = TargetRoster::new(uniform_roster(n)).expect("roster");
        let setup =
            DrawSetup::new(&plan, roster.digest(), &history, &inspectors, &entropy).expect("setup");
        group.bench_with_input(BenchmarkId::new("jianguan", n), &roster, |b, roster| {
            b.iter(|| setup.count_and_select(0, roster).expect("draw"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
