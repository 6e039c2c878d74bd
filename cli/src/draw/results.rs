//! `jianguan draw results`: record the outcomes of a draw's visits
//! (抽查检查结果), with their publication deadlines and legal follow-ups, and
//! write them as inspection history for the next batch's draw.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use jianguan::NaiveDate;
use jianguan::calendar::WorkCalendar;
use jianguan::entity::Uscc;
use jianguan::results::{
    DEFAULT_PUBLICATION_WORKING_DAYS, FollowUpEvent, OutcomeTable, ResultRecord, VisitResult,
    record_result,
};
use jianguan::sampling::{DrawRecord, PastInspection};
use serde::Deserialize;

use super::input;
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

/// One department's result of one visit, as entered.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entered {
    uscc: Uscc,
    department: String,
    concluded_on: NaiveDate,
    outcomes: Vec<String>,
}

/// Records every result or none.
pub fn results(args: ResultsArgs) -> Result<ExitCode, Refused> {
    let record = input::record(&args.record)?;
    let record_id = record.digest();
    let table = match &args.table {
        Some(p) => OutcomeTable::from_json(&read_input(p, "outcome table")?)
            .map_err(|e| Refused(format!("{}: {e}", p.display())))?,
        None => OutcomeTable::zhejiang_new(),
    };
    let text = read_input(&args.results, "results")?;
    let entered: Vec<Entered> = serde_json::from_str(&text)
        .map_err(|e| Refused(format!("{}: {e}", args.results.display())))?;
    let calendar = WorkCalendar::china();
    let mut recorded = Vec::with_capacity(entered.len());
    let mut history = Vec::with_capacity(entered.len());
    let mut seen = BTreeMap::new();
    for (n, e) in entered.into_iter().enumerate() {
        let at = |m: String| Refused(format!("{} result {}: {m}", args.results.display(), n + 1));
        let items = visit_items(&record, &e.uscc, &e.department).map_err(at)?;
        if let Some(first) = seen.insert((e.uscc, e.department.clone()), n + 1) {
            return Err(at(format!(
                "repeats the result of {} by {} given as result {first}",
                e.uscc, e.department
            )));
        }
        if e.concluded_on < record.plan.period.0 {
            return Err(at(format!(
                "concluded on {} before the plan's period starts ({})",
                e.concluded_on, record.plan.period.0
            )));
        }
        let result = VisitResult {
            draw_record_id: record_id.clone(),
            uscc: e.uscc,
            department_id: e.department.clone(),
            concluded_on: e.concluded_on,
            outcomes: e.outcomes,
        };
        recorded.push(
            record_result(&table, &calendar, &result, args.days).map_err(|x| at(x.to_string()))?,
        );
        history.push(PastInspection {
            uscc: e.uscc,
            date: e.concluded_on,
            department: e.department,
            level: record.plan.level,
            items,
        });
    }
    let json = serde_json::to_string_pretty(&recorded).map_err(|e| Refused(e.to_string()))?;
    let csv = history_csv(&history)?;
    let mut files: Vec<(&Path, &[u8])> = Vec::new();
    if let Some(path) = &args.out {
        files.push((path, json.as_bytes()));
    }
    if let Some(path) = &args.history_out {
        files.push((path, &csv));
    }
    super::files::write_new_files(&files, "results are never overwritten")?;
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

/// The items `department` checks on the record's visit to `uscc`.
fn visit_items(record: &DrawRecord, uscc: &Uscc, department: &str) -> Result<Vec<String>, String> {
    let visit = record
        .visits
        .iter()
        .find(|v| v.uscc == *uscc)
        .ok_or_else(|| format!("{uscc} is not a visit of this draw"))?;
    if !visit.departments.iter().any(|d| d == department) {
        return Err(format!(
            "{department} does not take part in the visit to {uscc} (departments: {})",
            visit.departments.join(", ")
        ));
    }
    let mut items: Vec<String> = Vec::new();
    for &t in &visit.tasks {
        let task = record.plan.tasks.get(t as usize).ok_or_else(|| {
            format!("the record's visit to {uscc} names task {t}, which its plan lacks")
        })?;
        if task.department == department {
            for i in &task.items {
                if !items.contains(&i.code) {
                    items.push(i.code.clone());
                }
            }
        }
    }
    Ok(items)
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
