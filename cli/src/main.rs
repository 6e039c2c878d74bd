//! The `jianguan` command: the SDK's capabilities from a shell, each with
//! `--json` output for scripts.
//!
//! Exit status: 0 on success, 1 when the input was refused (an invalid code,
//! an unknown item, a bad file), 2 on a usage error.

#![forbid(unsafe_code)]

mod calendar;
mod catalog;
mod codes;
mod draw;
mod plugins;
mod results;
mod rfc3797;
mod roster;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Supervision of market entities (事中事后监管) from the command line.
#[derive(Debug, Parser)]
#[command(name = "jianguan", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Unified social credit codes (GB 32100-2015).
    #[command(subcommand)]
    Uscc(codes::UsccCommand),
    /// Supervision items and who supervises them.
    #[command(subcommand)]
    Catalog(catalog::CatalogCommand),
    /// Synthetic rosters of market entities and inspectors.
    #[command(subcommand)]
    Roster(roster::RosterCommand),
    /// Working days and deadlines under the official holiday notices.
    #[command(subcommand)]
    Calendar(calendar::CalendarCommand),
    /// Industry plugins: list them, grade, duties, referral assessment.
    #[command(subcommand)]
    Plugins(plugins::PluginsCommand),
    /// The verifiable double-random draw (双随机、一公开): draw a plan and
    /// write its record, verify a record against the rosters.
    #[command(subcommand)]
    Draw(draw::DrawCommand),
}

/// A refused input: printed to stderr, exit status 1.
#[derive(Debug)]
pub struct Refused(pub String);

impl<E: std::fmt::Display> From<E> for Refused {
    fn from(e: E) -> Self {
        Refused(e.to_string())
    }
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Uscc(c) => codes::run(c),
        Command::Calendar(c) => calendar::run(c),
        Command::Catalog(c) => catalog::run(c),
        Command::Roster(c) => roster::run(c),
        Command::Plugins(c) => plugins::run(c),
        Command::Draw(c) => draw::run(c),
    };
    match result {
        Ok(code) => code,
        Err(Refused(msg)) => {
            eprintln!("jianguan: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Reads a text file given on the command line (`what` names it in errors).
pub fn read_input(path: &std::path::Path, what: &str) -> Result<String, Refused> {
    std::fs::read_to_string(path)
        .map_err(|e| Refused(format!("cannot read {what} {}: {e}", path.display())))
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Refused> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// `jianguan … | head` closes stdout early; `println!` then panics. Exit as a
/// killed-by-SIGPIPE process would (status 141), without a panic message.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}
