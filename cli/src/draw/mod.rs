//! `jianguan draw`: the verifiable double-random draw (双随机、一公开) of
//! docs/draw-algorithm.md from files — draw a plan and write its record,
//! verify a record against the rosters, and write the benchmark roster.

pub(crate) mod files;
pub(crate) mod input;

use crate::{results, rfc3797};

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use jianguan::Error;
use jianguan::supervisor::draw::{
    self as sampling, DrawRecord, RostersRef, SamplingError, parse_digest,
};
use serde::Serialize;
use serde_json::json;

use crate::{Refused, print_json};

#[derive(Debug, Subcommand)]
pub enum DrawCommand {
    /// Draw a plan's targets and inspectors and write the record to
    /// DIR/<record digest>.json (canonical JSON; the file's SHA-256 is its name).
    Run(RunArgs),
    /// Re-run a recorded draw over the rosters and compare it with the
    /// record field by field; exit status 1 names the first difference.
    Verify(VerifyArgs),
    /// Write the plain benchmark roster (jianguan_synth::uniform_roster) as
    /// a `uscc,credit_class` CSV, so that other tools draw from the very same
    /// entities. Benchmarks only: it lacks the columns `draw run --roster`
    /// requires (region, status, registered_on).
    BenchRoster(BenchArgs),
    /// Record the outcomes of a draw's visits (抽查检查结果): publication
    /// deadlines in working days, the legal follow-up each outcome sets off
    /// (e.g. unreachable at the registered address → abnormal-operations
    /// list), and the visits as inspection history for the next batch.
    Results(results::ResultsArgs),
    /// Select from a small pool (e.g. an inspector panel) by RFC 3797
    /// (MD5 over the public sources' key string), printed as the RFC
    /// prints its worked example.
    Rfc3797(rfc3797::Rfc3797Args),
}

/// The three rosters a draw is made from and verified against.
#[derive(Debug, Args)]
pub struct Rosters {
    /// The target roster (检查对象名录库): CSV with the columns uscc, region,
    /// status, credit_class, registered_on and optionally industries
    /// (`;`-separated), last_penalty_on, weight (default 1) — other columns
    /// are ignored, so `roster generate`'s entities.csv reads as is — or a
    /// JSON array of roster entries.
    #[arg(long, value_name = "ENTITIES")]
    roster: PathBuf,
    /// The inspector roster (执法检查人员名录库): CSV with the columns id,
    /// name, department, team, status (active, on_leave) and optionally
    /// qualifications (`;`-separated industry ids or item codes),
    /// workload_cap, conflicts (`;`-separated codes the inspector must not
    /// inspect) — as `roster generate`'s inspectors.csv — or a JSON array of
    /// inspectors.
    #[arg(long, value_name = "INSPECTORS")]
    inspectors: PathBuf,
    /// Past inspections for the repeat-window and yearly-cap rules: CSV with
    /// the columns uscc, date, department, level (county, city, province,
    /// national), items (`;`-separated codes), or a JSON array. Default: no
    /// history.
    #[arg(long, value_name = "HISTORY")]
    history: Option<PathBuf>,
}

/// Arguments of `draw run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The plan (JSON, docs/draw-algorithm.md Appendix C); items may be bare codes.
    #[arg(long, value_name = "PLAN.json")]
    plan: PathBuf,
    #[command(flatten)]
    rosters: Rosters,
    /// The public values seeding the draw: a JSON array of {"label", "value"}
    /// with exactly the plan's entropy labels, in the plan's order.
    #[arg(long, value_name = "ENTROPY.json")]
    entropy: PathBuf,
    /// An item catalog (.json or .toml) to resolve the plan's items against,
    /// in place of the Pingdu default catalog.
    #[arg(long, value_name = "CATALOG.json")]
    catalog: Option<PathBuf>,
    /// The records folder; created if missing. A record is never overwritten,
    /// and a redraw's replaced record must be in it.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

/// Arguments of `draw verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The record, as `draw run` wrote it.
    #[arg(long, value_name = "RECORD.json")]
    record: PathBuf,
    #[command(flatten)]
    rosters: Rosters,
    /// Print the result as JSON (on a failed verification too, with exit status 1).
    #[arg(long)]
    json: bool,
}

/// Arguments of `draw bench-roster`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Number of entities (at most 31^7).
    #[arg(long, value_name = "N")]
    rows: u64,
    /// The CSV file to write; an existing file is replaced.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// Runs one `draw` subcommand.
pub fn run(cmd: DrawCommand) -> Result<ExitCode, Refused> {
    match cmd {
        DrawCommand::Run(a) => draw_run(a),
        DrawCommand::Verify(a) => verify(a),
        DrawCommand::BenchRoster(a) => bench_roster(a),
        DrawCommand::Results(a) => results::results(a),
        DrawCommand::Rfc3797(a) => rfc3797::rfc3797(a),
    }
}

/// The summary of one task's outcome.
#[derive(Debug, Serialize)]
struct TaskSummary<'a> {
    department: &'a str,
    items: Vec<&'a str>,
    population: u64,
    strata: Vec<StratumSummary<'a>>,
    selected: u64,
    /// Exclusions counted by rule.
    excluded: BTreeMap<String, usize>,
    reduced: usize,
}

#[derive(Debug, Serialize)]
struct StratumSummary<'a> {
    class: &'a str,
    part: &'static str,
    pool: u64,
    take: u64,
}

/// What `draw run` prints.
#[derive(Debug, Serialize)]
struct RunSummary<'a> {
    record: String,
    digest: &'a str,
    plan: &'a str,
    title: &'a str,
    seed: &'a str,
    digests: &'a sampling::Digests,
    replaces: Option<&'a sampling::Replaces>,
    tasks: Vec<TaskSummary<'a>>,
    visits: usize,
    joint_visits: usize,
    inspector_assignments: usize,
    recusals: usize,
}

fn summarise<'a>(record: &'a DrawRecord, path: &Path, digest: &'a str) -> RunSummary<'a> {
    let tasks = record
        .tasks
        .iter()
        .zip(&record.plan.tasks)
        .map(|(out, task)| {
            let mut excluded = BTreeMap::new();
            for e in &out.excluded {
                let rule = serde_json::to_value(e.rule)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_else(|| format!("{:?}", e.rule));
                *excluded.entry(rule).or_insert(0) += 1;
            }
            TaskSummary {
                department: &out.department,
                items: task.items.iter().map(|i| i.code.as_str()).collect(),
                population: out.population,
                strata: out
                    .strata
                    .iter()
                    .map(|s| StratumSummary {
                        class: &s.class,
                        part: match s.part {
                            sampling::StratumPart::Normal => "normal",
                            sampling::StratumPart::Reduced => "reduced",
                        },
                        pool: s.pool,
                        take: s.take,
                    })
                    .collect(),
                selected: out.strata.iter().map(|s| s.take).sum(),
                excluded,
                reduced: out.reduced.len(),
            }
        })
        .collect();
    RunSummary {
        record: path.display().to_string(),
        digest,
        plan: &record.plan.id,
        title: &record.plan.title,
        seed: &record.seed,
        digests: &record.digests,
        replaces: record.plan.replaces.as_ref(),
        tasks,
        visits: record.visits.len(),
        joint_visits: record
            .visits
            .iter()
            .filter(|v| v.departments.len() > 1)
            .count(),
        inspector_assignments: record
            .visits
            .iter()
            .flat_map(|v| &v.inspectors)
            .map(|a| a.inspectors.len())
            .sum(),
        recusals: record.recusals.len(),
    }
}

fn print_summary(s: &RunSummary<'_>) {
    println!("plan {} — {}", s.plan, s.title);
    if let Some(r) = s.replaces {
        println!("  redraw replacing record {} ({})", r.record, r.reason);
    }
    println!("seed {}", s.seed);
    let d = s.digests;
    println!("digests: plan {}", d.plan);
    println!("         targets {}", d.targets);
    println!("         history {}", d.history);
    println!("         inspectors {}", d.inspectors);
    for (t, task) in s.tasks.iter().enumerate() {
        println!(
            "task {t}: {} on {} — population {}, {} drawn",
            task.department,
            task.items.join(", "),
            task.population,
            task.selected
        );
        for st in &task.strata {
            println!(
                "  class {:<4} {:<8} pool {:>8} → take {:>6}",
                st.class, st.part, st.pool, st.take
            );
        }
        let excluded: Vec<String> = task
            .excluded
            .iter()
            .map(|(r, n)| format!("{r} {n}"))
            .collect();
        println!(
            "  excluded: {}; at the reduced ratio: {}",
            if excluded.is_empty() {
                "none".to_string()
            } else {
                excluded.join(", ")
            },
            task.reduced
        );
    }
    println!(
        "visits: {} ({} joint), {} inspector assignments, {} recusals (回避)",
        s.visits, s.joint_visits, s.inspector_assignments, s.recusals
    );
    println!("record {}", s.digest);
    println!("wrote {}", s.record);
}

fn draw_run(args: RunArgs) -> Result<ExitCode, Refused> {
    let sup = input::supervisor(args.catalog.as_deref())?;
    let plan = input::plan(&args.plan, &sup)?;
    if let Some(r) = &plan.replaces {
        replaced_record(&args.out, &r.record.to_ascii_lowercase(), &args.plan)?;
    }
    let entropy = input::entropy(&args.entropy)?;
    let targets = input::targets(&args.rosters.roster)?;
    let inspectors = input::inspectors(&args.rosters.inspectors)?;
    let history = input::history(args.rosters.history.as_deref())?;
    let rosters = RostersRef {
        roster: &targets,
        history: &history,
        inspectors: &inspectors,
    };
    let record = sup
        .draw_over(&plan, rosters, &entropy)
        .map_err(|e| match e {
            Error::Sampling(SamplingError::EntropyMismatch { .. }) => {
                Refused(format!("entropy {}: {e}", args.entropy.display()))
            }
            e => Refused(format!("draw refused: {e}")),
        })?;
    let text = record.to_canonical_json();
    let digest = record.digest();
    let path = write_new(&args.out, &format!("{digest}.json"), text.as_bytes())?;
    let summary = summarise(&record, &path, &digest);
    if args.json {
        print_json(&summary)?;
    } else {
        print_summary(&summary);
    }
    Ok(ExitCode::SUCCESS)
}

/// A redraw's replaced record must be in the records folder, under its digest.
fn replaced_record(dir: &Path, digest: &str, plan: &Path) -> Result<(), Refused> {
    let path = dir.join(format!("{digest}.json"));
    if !path.is_file() {
        return Err(Refused(format!(
            "plan {} is a redraw, but the record it replaces is not in {} (no {digest}.json)",
            plan.display(),
            dir.display()
        )));
    }
    let old = input::record(&path)?;
    let found = old.digest();
    if found != digest {
        return Err(Refused(format!(
            "{} does not hold the record it is named after: its digest is {found}",
            path.display()
        )));
    }
    Ok(())
}

/// Writes `bytes` to DIR/NAME, which must not exist: into a temporary file
/// first, then linked into place without replacing anything, so a failure
/// leaves neither a partial record nor (when DIR was created) an empty folder.
fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, Refused> {
    let path = dir.join(name);
    if path.exists() {
        return Err(Refused(format!(
            "{} already exists: {RECORDED}",
            path.display()
        )));
    }
    let created = !dir.exists();
    std::fs::create_dir_all(dir)
        .map_err(|e| Refused(format!("cannot create {}: {e}", dir.display())))?;
    let outcome = files::write_new_files(&[(&path, bytes)], RECORDED);
    if outcome.is_err() && created {
        let _ = std::fs::remove_dir(dir);
    }
    outcome.map(|()| path)
}

/// Why a record file is never written twice.
const RECORDED: &str = "this draw is already recorded, and a record is never overwritten";

fn verify(args: VerifyArgs) -> Result<ExitCode, Refused> {
    let record = input::record(&args.record)?;
    let name = args.record.display();
    let digest = record.digest();
    if let Some(stem) = args.record.file_stem().and_then(|s| s.to_str())
        && parse_digest(stem).is_some()
        && !stem.eq_ignore_ascii_case(&digest)
    {
        eprintln!("jianguan: note: {name} is named after a record digest, but its own is {digest}");
    }
    let targets = input::targets(&args.rosters.roster)?;
    let inspectors = input::inspectors(&args.rosters.inspectors)?;
    let history = input::history(args.rosters.history.as_deref())?;
    let sup = input::supervisor(None)?;
    let rosters = RostersRef {
        roster: &targets,
        history: &history,
        inspectors: &inspectors,
    };
    match sup.verify_over(&record, rosters) {
        Ok(()) => {
            if args.json {
                print_json(&json!({
                    "verified": true,
                    "record": name.to_string(),
                    "digest": digest,
                    "plan": record.plan.id,
                    "visits": record.visits.len(),
                }))?;
            } else {
                println!(
                    "verified: record {digest} (plan {}, {} visits) is the draw these rosters give",
                    record.plan.id,
                    record.visits.len()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            if args.json
                && let Error::Sampling(SamplingError::VerificationFailed {
                    path,
                    recorded,
                    recomputed,
                }) = &e
            {
                print_json(&json!({
                    "verified": false,
                    "record": name.to_string(),
                    "digest": digest,
                    "path": path,
                    "recorded": recorded,
                    "recomputed": recomputed,
                }))?;
            }
            Err(Refused(format!("record {name}: {e}")))
        }
    }
}

fn bench_roster(args: BenchArgs) -> Result<ExitCode, Refused> {
    const MAX: u64 = 31u64.pow(7);
    if args.rows > MAX {
        return Err(Refused(format!(
            "--rows {}: the benchmark roster holds at most 31^7 = {MAX} entities",
            args.rows
        )));
    }
    let rows = usize::try_from(args.rows)
        .map_err(|_| Refused(format!("--rows {}: too many for this machine", args.rows)))?;
    let out = &args.out;
    let file_name = out
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Refused(format!("--out {}: not a file name", out.display())))?;
    let tmp = out.with_file_name(format!(".{file_name}.{}.partial", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut w = BufWriter::new(File::create(&tmp)?);
        w.write_all(b"uscc,credit_class\n")?;
        for e in jianguan_synth::uniform_roster(rows) {
            writeln!(w, "{},{}", e.uscc, e.credit_class)?;
        }
        w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, out)
    };
    if let Err(e) = write() {
        let _ = std::fs::remove_file(&tmp);
        return Err(Refused(format!("cannot write {}: {e}", out.display())));
    }
    println!(
        "wrote {rows} entities (uscc,credit_class) to {}",
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
