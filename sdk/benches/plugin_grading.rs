//! Batch risk grading through a dynamically loaded plugin versus the same
//! plugin crate linked statically, both through the host (schema check,
//! call, result check), for batches of 1, 64, 1,000 and 100,000 rows.
//!
//! Run with `bash scripts/bench-plugins.sh`, which builds the release
//! plugin library first and prints the loaded/static throughput ratios.

// criterion's macros generate undocumented public items.
#![allow(missing_docs)]

use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jianguan::plugin_host::{
    FactTable, Operation, PluginConfigs, PluginHost, facts_from_json_rows,
};

fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("bench binary path");
    exe.parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps")
        .to_path_buf()
}

/// The food fixture rows, repeated to `n` rows.
fn facts(host: &PluginHost, n: usize) -> FactTable {
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../plugins/food/fixtures/grading.json");
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(fixtures).expect("fixture")).expect("JSON");
    let repeated: Vec<serde_json::Value> = rows.iter().cycle().take(n).cloned().collect();
    let schema = host
        .get("food")
        .expect("food plugin")
        .schema(Operation::Grading);
    facts_from_json_rows(&repeated, schema).expect("valid fixture rows")
}

fn grading(c: &mut Criterion) {
    let lib = lib_dir().join(format!(
        "{}jianguan_food{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ));
    let mut loaded = PluginHost::new();
    loaded
        .load_file(&lib, &PluginConfigs::new())
        .unwrap_or_else(|e| {
            panic!("{e}\n(build it first: cargo build --release -p jianguan-food)")
        });
    let mut linked = PluginHost::new();
    linked
        .register_static(jianguan_food::plugin_module(), &PluginConfigs::new())
        .expect("static food plugin");
    let mut group = c.benchmark_group("food_grading");
    for n in [1usize, 64, 1_000, 100_000] {
        let table = facts(&loaded, n);
        group.throughput(Throughput::Elements(n as u64));
        for (name, host) in [("static", &linked), ("loaded", &loaded)] {
            let plugin = host.get("food").expect("food");
            group.bench_with_input(BenchmarkId::new(name, n), &table, |b, t| {
                b.iter(|| plugin.grade(std::hint::black_box(t)).expect("grades"))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, grading);
criterion_main!(benches);
