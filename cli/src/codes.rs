//! `jianguan uscc check`: verify codes and explain their parts.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use jianguan::supervisor::codes::Uscc;
use serde::Serialize;

use crate::{Refused, print_json};

#[derive(Debug, Subcommand)]
pub enum UsccCommand {
    /// Check codes: charset, length, area code and check character; exit 1 if any is invalid.
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The codes to check.
    #[arg(required = true)]
    codes: Vec<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    input: String,
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    authority: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation_code: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

fn report(input: &str) -> Report {
    match Uscc::parse(input) {
        Err(e) => Report {
            input: input.to_owned(),
            valid: false,
            error: Some(e.to_string()),
            authority: None,
            category: None,
            region: None,
            region_name: None,
            organisation_code: None,
            warnings: Vec::new(),
        },
        Ok(u) => {
            let region = u.region();
            Report {
                input: input.to_owned(),
                valid: true,
                error: None,
                authority: u
                    .authority()
                    .map(|a| format!("{} ({})", a.name_zh(), a.name_en())),
                category: u
                    .category()
                    .map(|c| format!("{} ({})", c.name_zh, c.name_en)),
                region: Some(region.to_string()),
                region_name: Some(match (region.name(), region.province_name()) {
                    (Some(n), _) => n.to_owned(),
                    (None, Some(p)) => format!("{p} (province; finer area names are not shipped)"),
                    (None, None) => "unknown province".to_owned(),
                }),
                organisation_code: Some(u.organisation_code().to_owned()),
                warnings: u.warnings(),
            }
        }
    }
}

pub fn run(cmd: UsccCommand) -> Result<ExitCode, Refused> {
    let UsccCommand::Check(args) = cmd;
    let reports: Vec<Report> = args.codes.iter().map(|c| report(c)).collect();
    if args.json {
        print_json(&reports)?;
    } else {
        for r in &reports {
            if r.valid {
                println!("{}  valid", r.input);
                let show = |label: &str, v: &Option<String>| {
                    if let Some(v) = v {
                        println!("  {label:<18}{v}");
                    }
                };
                show("authority", &r.authority);
                show("category", &r.category);
                show("area", &r.region);
                show("area name", &r.region_name);
                show("organisation code", &r.organisation_code);
                for w in &r.warnings {
                    println!("  {:<18}{w}", "warning");
                }
            } else {
                println!("{}  INVALID: {}", r.input, r.error.as_deref().unwrap_or(""));
            }
        }
    }
    Ok(if reports.iter().all(|r| r.valid) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
