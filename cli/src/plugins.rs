//! `jianguan plugins`: list the industry plugins in a folder, and run their
//! grading, duties and referral assessment on facts from a CSV or JSON file.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use jianguan::NaiveDate;
use jianguan::supervisor::Supervisor;
use jianguan::supervisor::plugins::{
    FactTable, Grades, LoadedPlugin, Operation, PluginConfigs, duties_json, facts_from_json_rows,
    facts_from_text_rows, reason_json, referral_json,
};
use serde::Serialize;
use serde_json::{Value, json};

use crate::{Refused, print_json, read_input};

#[derive(Debug, Subcommand)]
pub enum PluginsCommand {
    /// Load every plugin in a folder and describe each; refused files and
    /// configurations no plugin uses are listed one line each (exit status 1
    /// when there is any).
    List {
        #[command(flatten)]
        host: HostOpts,
        /// Print each failure's details below its summary line.
        #[arg(long)]
        verbose: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Everything a plugin declares: rule sets, grades and frequencies, items
    /// with their checklists, violations and exemptions (免罚清单), and the
    /// facts each operation reads (the columns of a facts file).
    Show {
        #[command(flatten)]
        host: HostOpts,
        /// The plugin id, e.g. `food`.
        #[arg(long)]
        plugin: String,
        /// Only the exemptions that apply to this violation code.
        #[arg(long, value_name = "CODE")]
        violation: Option<String>,
        /// Print the description as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Risk-grade each row of FACTS (CSV with a header, or a JSON array of
    /// objects) with the plugin PLUGIN.
    Grade {
        #[command(flatten)]
        run: RunOpts,
        /// Print only the number of rows in each grade.
        #[arg(long)]
        summary: bool,
    },
    /// Due-date duties of each row of FACTS as of a date.
    Duties {
        #[command(flatten)]
        run: RunOpts,
        /// The as-of date, YYYY-MM-DD.
        #[arg(long)]
        as_of: NaiveDate,
    },
    /// Criminal-referral assessment of each case (row) of FACTS.
    Assess(RunOpts),
}

#[derive(Debug, Args)]
pub struct HostOpts {
    /// The plugins folder.
    #[arg(long, value_name = "DIR")]
    dir: PathBuf,
    /// Plugin configurations: a JSON object of plugin id → configuration.
    /// A configuration for an id no plugin in the folder has is reported on
    /// stderr and not applied.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RunOpts {
    #[command(flatten)]
    host: HostOpts,
    /// The plugin id, e.g. `food`.
    #[arg(long)]
    plugin: String,
    /// The facts: `.csv` (header of fact names) or `.json` (array of objects).
    facts: PathBuf,
    /// A column naming each row (e.g. the entity's code): echoed in the
    /// output as `id`, not passed to the plugin.
    #[arg(long, value_name = "NAME", default_value = "uscc")]
    id_column: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(command: PluginsCommand) -> Result<ExitCode, Refused> {
    match command {
        PluginsCommand::List {
            host,
            verbose,
            json,
        } => list(&host, verbose, json),
        PluginsCommand::Show {
            host,
            plugin,
            violation,
            json,
        } => {
            let dir = host.dir.clone();
            let sup = open(&host)?;
            let plugin = find(&sup, &plugin, &dir)?;
            match violation {
                Some(code) => exemptions(plugin, &code, json),
                None => show(plugin, json),
            }
        }
        PluginsCommand::Grade { run, summary } => {
            let sup = open(&run.host)?;
            let plugin = find(&sup, &run.plugin, &run.host.dir)?;
            let (facts, ids) = read_facts(&run, plugin, Operation::Grading)?;
            let grades = sup.grade(&run.plugin, &facts)?;
            if summary {
                return grade_summary(plugin, &grades, run.json);
            }
            let rows: Vec<Value> = (0..grades.len())
                .map(|r| {
                    json!({
                        "row": r,
                        "grade": grades.label(r),
                        "score": grades.score(r),
                        "reasons": grades.reasons(r).map(|c| reason_json(&c)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            output(run.json, &ids, rows, |row| {
                format!(
                    "row {}: grade {} (score {})",
                    row["row"],
                    text(&row["grade"]),
                    row["score"]
                )
            })
        }
        PluginsCommand::Duties { run, as_of } => {
            let sup = open(&run.host)?;
            let plugin = find(&sup, &run.plugin, &run.host.dir)?;
            let (facts, ids) = read_facts(&run, plugin, Operation::Duties)?;
            let duties = sup.duties(&run.plugin, &facts, as_of)?;
            let rows = duties_json(&duties);
            output(run.json, &ids, rows, |row| {
                let list: Vec<String> = row["duties"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|d| {
                        let late = if d["overdue"] == true { " OVERDUE" } else { "" };
                        format!("{} by {}{late}", text(&d["code"]), text(&d["due"]))
                    })
                    .collect();
                format!("row {}: {}", row["row"], list.join("; "))
            })
        }
        PluginsCommand::Assess(run) => {
            let sup = open(&run.host)?;
            let plugin = find(&sup, &run.plugin, &run.host.dir)?;
            let (facts, ids) = read_facts(&run, plugin, Operation::Referral)?;
            let assessments = sup.assess_referral(&run.plugin, &facts)?;
            let rows = referral_json(&assessments);
            output(run.json, &ids, rows, |row| {
                format!("row {}: {}", row["row"], text(&row["decision"]))
            })
        }
    }
}

fn text(v: &Value) -> String {
    v.as_str()
        .map(str::to_string)
        .unwrap_or_else(|| v.to_string())
}

fn output(
    json: bool,
    ids: &[Option<String>],
    mut rows: Vec<Value>,
    line: impl Fn(&Value) -> String,
) -> Result<ExitCode, Refused> {
    for (row, id) in rows.iter_mut().zip(ids) {
        if let (Some(object), Some(id)) = (row.as_object_mut(), id) {
            object.insert("id".into(), Value::String(id.clone()));
        }
    }
    if json {
        print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    for row in &rows {
        match row.get("id") {
            Some(id) => println!("{} [{}]", line(row), text(id)),
            None => println!("{}", line(row)),
        }
        let list = |key: &str| {
            row.get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        for r in list("reasons") {
            println!("    {} — {}", text(&r["detail"]), text(&r["citation"]));
        }
        for f in list("findings") {
            let r = &f["reason"];
            println!(
                "    {}: {} — {}",
                text(&f["decision"]),
                text(&r["detail"]),
                text(&r["citation"])
            );
        }
        for d in list("duties") {
            let r = &d["reason"];
            println!("    {} — {}", text(&r["detail"]), text(&r["citation"]));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn configs(opts: &HostOpts) -> Result<PluginConfigs, Refused> {
    match &opts.config {
        None => Ok(PluginConfigs::new()),
        Some(path) => serde_json::from_str(&read_input(path, "plugin configuration")?).map_err(|e| {
            Refused(format!(
                "plugin configuration {}: expected a JSON object of plugin id → configuration: {e}",
                path.display()
            ))
        }),
    }
}

/// The supervisor over the plugins folder: a file that fails to load and a
/// configuration no plugin uses are listed in its load report, not refused
/// (the facade's behaviour, the same from C and Python).
fn load(opts: &HostOpts) -> Result<Supervisor, Refused> {
    let mut builder = Supervisor::builder().plugins_dir(&opts.dir);
    for (id, config) in configs(opts)? {
        builder = builder.plugin_config(id, config);
    }
    Ok(builder.build()?)
}

/// The load report's problems, one line each: refused files, then
/// configurations no plugin in the folder used.
fn problems(sup: &Supervisor, opts: &HostOpts, verbose: bool) -> Vec<String> {
    let report = sup.load_report();
    let files = report
        .failures
        .iter()
        .map(|f| if verbose { f.to_string() } else { f.summary() });
    let configs = report.unused_configs.iter().map(|id| {
        format!(
            "plugin configuration names `{id}`, but no plugin in {} has that id; it was not applied",
            opts.dir.display()
        )
    });
    files.chain(configs).collect()
}

/// Loads the folder for a run, printing each problem of the load report.
fn open(opts: &HostOpts) -> Result<Supervisor, Refused> {
    let sup = load(opts)?;
    for line in problems(&sup, opts, false) {
        eprintln!("jianguan: {line}");
    }
    Ok(sup)
}

/// The plugin `id`, or an error naming the folder and the ids it has.
fn find<'s>(
    sup: &'s Supervisor,
    id: &str,
    dir: &std::path::Path,
) -> Result<&'s LoadedPlugin, Refused> {
    sup.plugin(id).map_err(|_| {
        let ids: Vec<&str> = sup.plugins().plugins().map(LoadedPlugin::id).collect();
        Refused(format!(
            "no plugin `{id}` is loaded from {} (loaded: {})",
            dir.display(),
            if ids.is_empty() {
                "none".to_string()
            } else {
                ids.join(", ")
            }
        ))
    })
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    name_zh: &'a str,
    name_en: &'a str,
    version: &'a str,
    origin: String,
    industries: &'a [String],
    rule_sets: Vec<String>,
    grades: Vec<&'a str>,
    items: usize,
    checklist_points: usize,
    violations: usize,
    exemptions: usize,
    citations: usize,
}

fn list(opts: &HostOpts, verbose: bool, json: bool) -> Result<ExitCode, Refused> {
    let sup = load(opts)?;
    let report = sup.load_report();
    let listed: Vec<Listed<'_>> = sup.plugins().plugins().map(listed).collect();
    let failures: Vec<Value> = report
        .failures
        .iter()
        .map(|f| json!({"summary": f.summary(), "details": f.details}))
        .collect();
    if json {
        print_json(&json!({"plugins": listed, "failures": failures,
            "unused_configs": report.unused_configs}))?;
    } else {
        for p in &listed {
            println!(
                "{} — {} ({}) {} [{}]",
                p.id, p.name_zh, p.name_en, p.version, p.origin
            );
            println!("    industries: {}", p.industries.join(", "));
            println!("    grades: {}", p.grades.join(" < "));
            println!(
                "    {} items ({} checklist points), {} violations, {} exemptions, {} citations",
                p.items, p.checklist_points, p.violations, p.exemptions, p.citations
            );
            for r in &p.rule_sets {
                println!("    encodes {r}");
            }
        }
        println!(
            "{} plugin(s) loaded from {}",
            listed.len(),
            opts.dir.display()
        );
    }
    let problems = problems(&sup, opts, verbose);
    for line in &problems {
        eprintln!("jianguan: {line}");
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn listed(p: &LoadedPlugin) -> Listed<'_> {
    let d = p.description();
    Listed {
        id: &d.id,
        name_zh: &d.name_zh,
        name_en: &d.name_en,
        version: &d.version,
        origin: p.origin().display().to_string(),
        industries: &d.industries,
        rule_sets: d
            .rule_sets
            .iter()
            .map(|r| {
                let since = if r.effective.is_empty() {
                    "date not recorded"
                } else {
                    &r.effective
                };
                format!("《{}》{}, in force {since}", r.title, r.number)
            })
            .collect(),
        grades: d.grades.iter().map(|g| g.label.as_str()).collect(),
        items: d.items.len(),
        checklist_points: d.items.iter().map(|i| i.checklist.len()).sum(),
        violations: d.violations.len(),
        exemptions: d.exemptions.len(),
        citations: d.citations.len(),
    }
}

/// Prints a plugin's whole description.
fn show(plugin: &LoadedPlugin, json: bool) -> Result<ExitCode, Refused> {
    let d = plugin.description();
    if json {
        print_json(d)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} — {} ({}) {}", d.id, d.name_zh, d.name_en, d.version);
    println!("grades, lowest risk first:");
    for g in &d.grades {
        println!("  {}  {}", g.label, g.description);
    }
    for f in &d.frequencies {
        let max = f.max_per_year.map(|m| format!("–{m}")).unwrap_or_default();
        println!(
            "  {}: {}{max} inspections a year — {}",
            f.grade, f.min_per_year, d.citations[f.citation as usize]
        );
    }
    for item in &d.items {
        println!(
            "item {} {} — {}",
            item.code, item.name, d.citations[item.citation as usize]
        );
        for c in &item.checklist {
            let kind = if c.key { "重点" } else { "一般" };
            println!("  [{kind}] {} {}", c.code, c.text);
        }
    }
    for v in &d.violations {
        println!(
            "violation {} {} — {}; penalty: {}",
            v.code, v.description, d.citations[v.citation as usize], v.penalty.text
        );
        for e in plugin.exemptions_for(&v.code) {
            println!("  exemption: {} → {}", e.description, e.outcome);
        }
    }
    for op in [Operation::Grading, Operation::Duties, Operation::Referral] {
        println!("facts for {}:", op.name());
        for f in plugin.schema(op) {
            let need = if f.required { "required" } else { "optional" };
            let unit = f
                .unit
                .as_deref()
                .map(|u| format!(" [{u}]"))
                .unwrap_or_default();
            println!("  {} ({}, {need}){unit}: {}", f.name, f.kind, f.description);
            if !f.allowed.is_empty() {
                println!("      one of: {}", f.allowed.join(", "));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the exemptions (免罚清单 entries) that apply to a violation code.
fn exemptions(plugin: &LoadedPlugin, code: &str, json: bool) -> Result<ExitCode, Refused> {
    let d = plugin.description();
    if !d.violations.iter().any(|v| v.code == code) {
        let known: Vec<&str> = d.violations.iter().map(|v| v.code.as_str()).collect();
        return Err(Refused(format!(
            "plugin `{}` has no violation `{code}` (violations: {})",
            d.id,
            known.join(", ")
        )));
    }
    let found: Vec<_> = plugin.exemptions_for(code).collect();
    if json {
        print_json(&found)?;
    } else if found.is_empty() {
        println!("no exemption applies to {code}");
    } else {
        for e in found {
            println!(
                "{} → {} — {}",
                e.description, e.outcome, d.citations[e.citation as usize]
            );
            for c in &e.conditions {
                println!("    if: {c}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Per-grade counts of a graded batch, in grade order.
fn grade_summary(
    plugin: &LoadedPlugin,
    grades: &Grades<'_>,
    json: bool,
) -> Result<ExitCode, Refused> {
    let labels = &plugin.description().grades;
    let mut counts = vec![0usize; labels.len()];
    for r in 0..grades.len() {
        counts[grades.grade(r) as usize] += 1;
    }
    if json {
        let by_grade: serde_json::Map<String, Value> = labels
            .iter()
            .zip(&counts)
            .map(|(g, n)| (g.label.clone(), json!(n)))
            .collect();
        print_json(&json!({"plugin": plugin.id(), "rows": grades.len(), "grades": by_grade}))?;
    } else {
        println!("{} rows graded by `{}`", grades.len(), plugin.id());
        for (g, n) in labels.iter().zip(&counts) {
            println!("  {n:>8}  {}  {}", g.label, g.description);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads facts from CSV or JSON, typed by the plugin's schema for `op`; the
/// id column, when present, is split off and returned per row.
fn read_facts(
    run: &RunOpts,
    plugin: &LoadedPlugin,
    op: Operation,
) -> Result<(FactTable, Vec<Option<String>>), Refused> {
    let path = run.facts.as_path();
    let id_column = run.id_column.as_str();
    let schema = plugin.schema(op);
    let name = path.display();
    let is_csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut ids = Vec::new();
    let facts = if is_csv {
        let mut reader = csv::Reader::from_path(path)
            .map_err(|e| Refused(format!("cannot read facts {name}: {e}")))?;
        let mut header: Vec<String> = reader
            .headers()
            .map_err(|e| Refused(format!("facts {name}: {e}")))?
            .iter()
            .map(str::to_string)
            .collect();
        let id_at = header.iter().position(|h| h == id_column);
        if let Some(i) = id_at {
            header.remove(i);
        }
        let mut rows = Vec::new();
        for (r, record) in reader.records().enumerate() {
            let record = record.map_err(|e| Refused(format!("facts {name}, row {r}: {e}")))?;
            let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
            ids.push(id_at.filter(|&i| i < cells.len()).map(|i| cells.remove(i)));
            rows.push(cells);
        }
        facts_from_text_rows(&header, rows, schema)
    } else {
        let value: Value = serde_json::from_str(&read_input(path, "facts")?)
            .map_err(|e| Refused(format!("facts {name}: not JSON: {e}")))?;
        let Value::Array(mut rows) = value else {
            return Err(Refused(format!(
                "facts {name}: expected a JSON array of objects"
            )));
        };
        for row in &mut rows {
            let id = row.as_object_mut().and_then(|o| o.remove(id_column));
            ids.push(id.map(|v| text(&v)));
        }
        facts_from_json_rows(&rows, schema)
    };
    facts
        .map(|f| (f, ids))
        .map_err(|e| Refused(format!("facts {name}: {e}")))
}
