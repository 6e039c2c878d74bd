//! `jianguan calendar`: working days and deadlines under the official holiday notices.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use jianguan::Error;
use jianguan::NaiveDate;
use jianguan::supervisor::Supervisor;
use jianguan::supervisor::calendar::{CalendarError, Fallback, WorkCalendar};
use serde::Serialize;

use crate::{Refused, print_json, read_input};

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// The deadline N working days after DATE (the start day is not counted).
    Add {
        /// Start date, YYYY-MM-DD.
        date: NaiveDate,
        /// Number of working days.
        days: u32,
        #[command(flatten)]
        opts: CalendarOpts,
    },
    /// Working days after FROM up to and including TO.
    Between {
        /// First date (not counted), YYYY-MM-DD.
        from: NaiveDate,
        /// Last date (counted), YYYY-MM-DD.
        to: NaiveDate,
        #[command(flatten)]
        opts: CalendarOpts,
    },
    /// Whether DATE is a working day, and the holiday it falls in.
    Day {
        /// The date, YYYY-MM-DD.
        date: NaiveDate,
        #[command(flatten)]
        opts: CalendarOpts,
    },
}

#[derive(Debug, Args)]
pub struct CalendarOpts {
    /// Extra holiday notices (JSON, the schema of sdk/data/cn-holidays.json) for later years.
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Answer years without a notice from weekends alone (an approximation).
    #[arg(long)]
    weekends_only: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

impl CalendarOpts {
    /// The supervisor over the official calendar, with `--holidays` and
    /// `--weekends-only` applied.
    fn supervisor(&self) -> Result<Supervisor, Refused> {
        let mut cal = WorkCalendar::china();
        if let Some(path) = &self.holidays {
            let text = read_input(path, "holiday file")?;
            cal.load_json(&text)
                .map_err(|e| Refused(format!("holiday file {}: {e}", path.display())))?;
        }
        if self.weekends_only {
            cal = cal.with_fallback(Fallback::WeekendsOnly);
        }
        Ok(Supervisor::builder().calendar(cal).build()?)
    }
}

#[derive(Debug, Serialize)]
struct DayReport {
    date: NaiveDate,
    working_day: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    holiday: Option<String>,
}

/// Adds the command-line remedy to a missing-notice error.
fn refused(e: Error) -> Refused {
    match &e {
        Error::Calendar(CalendarError::NoDataForYear { .. }) => Refused(format!(
            "{e} (on the command line: --holidays FILE or --weekends-only)"
        )),
        _ => Refused(e.to_string()),
    }
}

pub fn run(cmd: CalendarCommand) -> Result<ExitCode, Refused> {
    match cmd {
        CalendarCommand::Add { date, days, opts } => {
            let due = opts
                .supervisor()?
                .add_working_days(date, days)
                .map_err(refused)?;
            if opts.json {
                print_json(
                    &serde_json::json!({ "start": date, "working_days": days, "deadline": due }),
                )?;
            } else {
                println!("{days} working days after {date}: {due}");
            }
        }
        CalendarCommand::Between { from, to, opts } => {
            let n = opts
                .supervisor()?
                .working_days_between(from, to)
                .map_err(refused)?;
            if opts.json {
                print_json(&serde_json::json!({ "from": from, "to": to, "working_days": n }))?;
            } else {
                println!("{n} working days after {from} up to and including {to}");
            }
        }
        CalendarCommand::Day { date, opts } => {
            let sup = opts.supervisor()?;
            let report = DayReport {
                date,
                working_day: sup.is_working_day(date).map_err(refused)?,
                holiday: sup.calendar().holiday_on(date).map(str::to_owned),
            };
            if opts.json {
                print_json(&report)?;
            } else {
                let kind = if report.working_day {
                    "a working day"
                } else {
                    "a rest day"
                };
                match &report.holiday {
                    Some(h) => println!("{date} is {kind} ({h})"),
                    None => println!("{date} is {kind}"),
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
