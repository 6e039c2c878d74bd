//! `jianguan draw rfc3797`: the RFC 3797 selection for small pools such as an
//! inspector panel, printed the way the RFC prints its worked example.

use std::process::ExitCode;

use clap::Args;
use jianguan::supervisor::Supervisor;
use jianguan::supervisor::rfc3797::EntropySource;

use crate::Refused;

/// Arguments of `draw rfc3797`.
#[derive(Debug, Args)]
pub struct Rfc3797Args {
    /// Number of items in the pool, numbered from 1 in the published order.
    #[arg(long)]
    pool: usize,
    /// How many to select.
    #[arg(long)]
    count: usize,
    /// One public source of randomness: its non-negative integers separated
    /// by spaces (e.g. "9 18 26 34 41 45"); repeat the flag for each source,
    /// in the announced order.
    #[arg(long = "source", value_name = "NUMBERS", required = true)]
    sources: Vec<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Runs the selection and prints the key string and the RFC's table.
pub fn rfc3797(args: Rfc3797Args) -> Result<ExitCode, Refused> {
    let sources = args
        .sources
        .iter()
        .enumerate()
        .map(|(n, s)| {
            s.split_whitespace()
                .map(|x| {
                    x.parse::<u64>().map_err(|_| {
                        Refused(format!(
                            "source {}: {x:?} is not a non-negative integer",
                            n + 1
                        ))
                    })
                })
                .collect::<Result<Vec<u64>, Refused>>()
                .map(EntropySource::numbers)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let sup = Supervisor::builder().build()?;
    let selection = sup.rfc3797_select(args.pool, args.count, &sources)?;
    let (key, picks) = (selection.key, selection.picks);
    if args.json {
        let rows: Vec<_> = picks
            .iter()
            .map(|p| serde_json::json!({"index": p.index, "md5": p.md5_hex, "div": p.divisor, "selected": p.position}))
            .collect();
        println!("{}", serde_json::json!({"key": key, "picks": rows}));
        return Ok(ExitCode::SUCCESS);
    }
    println!("key string: {key}");
    println!(
        "{:>5}  {:<32}  {:>5}  {:>8}",
        "index", "MD5", "div", "selected"
    );
    for p in &picks {
        println!(
            "{:>5}  {:<32}  {:>5}  {:>8}",
            p.index, p.md5_hex, p.divisor, p.position
        );
    }
    Ok(ExitCode::SUCCESS)
}
