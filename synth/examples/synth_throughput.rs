//! Times the synthetic county generator: writes N entities (default 10^6)
//! as CSV to a sink and prints rows per second.
//!
//! ```sh
//! cargo run --release -p jianguan-synth --example synth_throughput -- 1000000
//! ```

use std::time::Instant;

use jianguan_synth::{CountySpec, SynthError, parse_entity_count, write_entities_csv};

fn main() -> Result<(), SynthError> {
    let n = match std::env::args().nth(1) {
        Some(a) => parse_entity_count(&a)?,
        None => 1_000_000,
    };
    let spec = CountySpec::new(2026, n)?;
    let started = Instant::now();
    let summary = write_entities_csv(std::io::sink(), spec.entities())?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} entities ({} penalties) to CSV in {secs:.2} s: {:.0} rows/s",
        summary.entities,
        summary.penalties,
        summary.entities as f64 / secs
    );
    Ok(())
}
