//! The Rust side of `scripts/bench-python-draw.sh`: the benchmark plan
//! (benches/draw-plan.json) drawn in full through the `Supervisor` facade
//! over `jianguan_synth::uniform_roster(N)`, timed two ways, as the Python side
//! times the same draw over the same entities:
//!
//! - `from_entries`: from the roster as the Rust API takes it (a
//!   `Vec<RosterEntry>` in memory): fix the roster (check, sort, digest),
//!   draw (pools, takes, selection, visits, inspectors), drop the roster;
//! - `fixed`: the draw alone over a roster fixed beforehand;
//! - `select`: the stratified selection alone (pools, takes, selection;
//!   `DrawSetup::count_and_select`, what benches/draw.rs times), over the
//!   fixed roster with the setup made beforehand.
//!
//! It also writes the roster (CSV with every column) and the inspector
//! roster (JSON) for the Python side, and prints the medians, every time
//! and the record's digest as JSON.
//!
//! ```sh
//! cargo run --release -p jianguan --example draw_throughput -- ROWS REPEAT OUT_DIR
//! ```

use std::io::Write;
use std::time::Instant;

use jianguan::sampling::{
    DrawSetup, EntropyValue, InspectionHistory, Inspector, InspectorRoster, InspectorStatus, Plan,
    RostersRef, TargetRoster,
};
use jianguan::supervisor::Supervisor;
use jianguan_synth::uniform_roster;

fn inspectors() -> Vec<Inspector> {
    (0..40)
        .map(|i| Inspector {
            id: format!("MR-{i:03}"),
            name: format!("检查员{i}"),
            department: "market_regulation".into(),
            team: format!("所{}", i % 5),
            qualifications: vec!["G-01".into()],
            status: InspectorStatus::Active,
            workload_cap: None,
            conflicts: vec![],
        })
        .collect()
}

/// Runs of the selection alone: at least 15, since one takes tens of
/// milliseconds and its median is otherwise at the mercy of a noisy machine
/// (scripts/bench/python_draw.py times the Python side and the baselines
/// as many times).
fn select_repeat(repeat: usize) -> usize {
    repeat.max(15)
}

fn median(v: &mut [u128]) -> u128 {
    v.sort_unstable();
    v[v.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [rows, repeat, out] = args.as_slice() else {
        return Err("usage: draw_throughput ROWS REPEAT OUT_DIR".into());
    };
    let (rows, repeat): (usize, usize) = (rows.parse()?, repeat.parse()?);
    let out = std::path::Path::new(out);
    std::fs::create_dir_all(out)?;

    let entries = uniform_roster(rows);
    let csv = out.join(format!("roster-full-{rows}.csv"));
    if !csv.exists() {
        let tmp = csv.with_extension("tmp");
        let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        writeln!(w, "uscc,region,status,credit_class,registered_on,weight")?;
        for e in &entries {
            writeln!(
                w,
                "{},{},{},{},{},{}",
                e.uscc,
                e.region.as_str(),
                e.status.id(),
                e.credit_class,
                e.registered_on,
                e.weight
            )?;
        }
        w.flush()?;
        drop(w);
        std::fs::rename(tmp, &csv)?;
    }
    let inspectors = inspectors();
    std::fs::write(
        out.join("inspectors.json"),
        serde_json::to_string(&inspectors)?,
    )?;

    let plan: Plan = serde_json::from_str(include_str!("../benches/draw-plan.json"))?;
    let entropy = [EntropyValue {
        label: "bench".into(),
        value: "1".into(),
    }];
    let sup = Supervisor::builder().build()?;
    let history = InspectionHistory::default();
    let inspector_roster = InspectorRoster::new(inspectors)?;

    let mut from_entries = Vec::new();
    let mut digest = String::new();
    for round in 0..=repeat {
        let t0 = Instant::now();
        // The roster is made and dropped inside the timing, as a call from
        // Python with a frame makes and drops its own.
        let record = {
            let roster = TargetRoster::new(entries.iter().cloned())?;
            sup.draw_over(
                &plan,
                RostersRef {
                    roster: &roster,
                    history: &history,
                    inspectors: &inspector_roster,
                },
                &entropy,
            )?
        };
        let ns = t0.elapsed().as_nanos();
        if round > 0 {
            from_entries.push(ns); // round 0 is the warm-up
        }
        digest = record.digest();
    }
    let roster = TargetRoster::new(entries.iter().cloned())?;
    roster.digest();
    let mut fixed = Vec::new();
    for round in 0..=repeat {
        let t0 = Instant::now();
        let record = sup.draw_over(
            &plan,
            RostersRef {
                roster: &roster,
                history: &history,
                inspectors: &inspector_roster,
            },
            &entropy,
        )?;
        let ns = t0.elapsed().as_nanos();
        if round > 0 {
            fixed.push(ns);
        }
        assert_eq!(record.digest(), digest, "the same draw every time");
    }
    let resolved = sup.resolve_plan(&plan)?;
    let setup = DrawSetup::new(
        &resolved,
        roster.digest(),
        &history,
        &inspector_roster,
        &entropy,
    )?;
    let mut select = Vec::new();
    for round in 0..=select_repeat(repeat) {
        let t0 = Instant::now();
        let sel = setup.count_and_select(0, &roster)?.selection;
        let ns = t0.elapsed().as_nanos();
        if round > 0 {
            select.push(ns);
        }
        std::hint::black_box(sel);
    }
    let report = serde_json::json!({
        "rows": rows,
        "digest": digest,
        "from_entries_ns": median(&mut from_entries.clone()),
        "fixed_ns": median(&mut fixed.clone()),
        "from_entries_all_ns": from_entries,
        "fixed_all_ns": fixed,
        "select_ns": median(&mut select.clone()),
        "select_all_ns": select,
        "roster_csv": csv.display().to_string(),
    });
    println!("{report}");
    Ok(())
}
