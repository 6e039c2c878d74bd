//! `jianguan draw results`: record the outcomes of a draw's visits
//! (抽查检查结果), with their publication deadlines and legal follow-ups, and
//! write them as inspection history for the next batch's draw.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use jianguan::supervisor::Supervisor;
use jianguan::supervisor::draw::PastInspection;
use jianguan::supervisor::results::{
    DEFAULT_PUBLICATION_WORKING_DAYS, EnteredResult, FollowUpEvent, OutcomeTable, ResultRecord,
};

use crate::draw::input;
use crate::{Refused, read_input};

/// Arguments of `draw results`.
#[derive(Debug, Args)]
pub struct ResultsArgs {
    /// The draw record the visits carry out.
    #[arg(long, value_name = "RECORD.json")]
    record: PathBuf,
    /// The results: a JSON array of {"uscc", "department", "concluded_on",
    /// "outcomes": [codes]}, one per department and visit.
    #[arg(long, value_name = "RESULTS.json")]
    results: PathBuf,
    /// An outcome code table (JSON). Default: the table of RULES §1.4
    /// (Zhejiang system, new list; UNCONFIRMED as a national list).
    #[arg(long, value_name = "TABLE.json")]
    table: Option<PathBuf>,
    /// Working days within which results are published (SAMR Order 49
    /// Art. 39 gives 20 for food; the general figure is UNCONFIRMED).
    #[arg(long, default_value_t = DEFAULT_PUBLICATION_WORKING_DAYS)]
    days: u32,
    /// Write the recorded results (deadlines and follow-up events) here as JSON.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Write the visits as inspection history (CSV: uscc, date, department,
    /// level, items), the input of the next batch's `draw run --history`.
    #[arg(long, value_name = "FILE")]
    history_out: Option<PathBuf>,
    /// Print the recorded results as JSON instead of a summary.
    #[arg(long)]
    json: bool,
}

/// Records every result or none.
pub fn results(args: ResultsArgs) -> Result<ExitCode, Refused> {
    let record = input::record(&args.record)?;
    let record_id = record.digest();
    let table = match &args.table {
        Some(p) => OutcomeTable::from_json(&read_input(p, "outcome table")?)
            .map_err(|e| Refused(format!("{}: {e}", p.display())))?,
        None => OutcomeTable::default(),
    };
    let text = read_input(&args.results, "results")?;
    let entered: Vec<EnteredResult> = serde_json::from_str(&text)
        .map_err(|e| Refused(format!("{}: {e}", args.results.display())))?;
    let sup = Supervisor::builder().build()?;
    let done = sup
        .record_results(&record, &table, &entered, args.days)
        .map_err(|e| Refused(format!("{} {e}", args.results.display())))?;
    let (recorded, history) = (done.results, done.history);
    let json = serde_json::to_string_pretty(&recorded).map_err(|e| Refused(e.to_string()))?;
    let csv = history_csv(&history)?;
    let mut files: Vec<(&Path, &[u8])> = Vec::new();
    if let Some(path) = &args.out {
        files.push((path, json.as_bytes()));
    }
    if let Some(path) = &args.history_out {
        files.push((path, &csv));
    }
    crate::draw::files::write_new_files(&files, "results are never overwritten")?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&recorded).map_err(|e| Refused(e.to_string()))?
        );
    } else {
        print_summary(&record_id, &recorded, &args);
    }
    Ok(ExitCode::SUCCESS)
}

fn history_csv(rows: &[PastInspection]) -> Result<Vec<u8>, Refused> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Refused(format!("cannot write the history CSV: {e}"));
    w.write_record(["uscc", "date", "department", "level", "items"])
        .map_err(fail)?;
    for r in rows {
        w.write_record([
            r.uscc.as_str(),
            &r.date.to_string(),
            &r.department,
            r.level.id(),
            &r.items.join(";"),
        ])
        .map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Refused(format!("cannot write the history CSV: {e}")))
}

fn print_summary(record_id: &str, recorded: &[ResultRecord], args: &ResultsArgs) {
    println!("results of draw {record_id}: {} recorded", recorded.len());
    let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
    for r in recorded {
        for o in &r.outcomes {
            *by_code
                .entry(format!("{} {}", o.code, o.label))
                .or_default() += 1;
        }
    }
    for (code, n) in &by_code {
        println!("  {n:>6}  {code}");
    }
    if let (Some(first), Some(last)) = (
        recorded.iter().map(|r| r.publish_by).min(),
        recorded.iter().map(|r| r.publish_by).max(),
    ) {
        println!(
            "publication deadlines ({} working days after each result): {first} to {last}",
            args.days
        );
    }
    let mut events: BTreeMap<String, usize> = BTreeMap::new();
    for e in recorded.iter().flat_map(|r| &r.follow_ups) {
        *events.entry(event_name(e)).or_default() += 1;
    }
    println!("follow-up events for the credit engine:");
    if events.is_empty() {
        println!("  none");
    }
    for (e, n) in events {
        println!("  {n:>6}  {e}");
    }
    if let Some(sample) = recorded.iter().flat_map(|r| &r.follow_ups).next() {
        println!(
            "  e.g. {}",
            serde_json::to_string(sample).unwrap_or_default()
        );
    }
    if let Some(p) = &args.history_out {
        println!("history for the next batch: {}", p.display());
    }
}

fn event_name(e: &FollowUpEvent) -> String {
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.get("event").and_then(|t| t.as_str()).map(String::from))
        .unwrap_or_else(|| "event".into())
}
