//! `jianguan catalog`: the supervision items and who supervises them.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use jianguan::supervisor::Supervisor;
use jianguan::supervisor::catalog::{
    ApprovalFacts, DepartmentId, InMemoryCatalog, MergeMode, Responsibility, Role, SupervisionItem,
};
use jianguan::supervisor::codes::{Domain, Industry};

use crate::{Refused, print_json, read_input};

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// List the supervision items (Pingdu default catalog plus any --extra file).
    Show(ShowArgs),
    /// Resolve which departments supervise an item, in which roles (Pingdu plan §(一), §(二)).
    Resolve(ResolveArgs),
}

#[derive(Debug, Args)]
pub struct Source {
    /// A host catalog file (.json or .toml) merged onto the default; its codes must be new.
    #[arg(long)]
    extra: Option<PathBuf>,
    /// Let --extra replace items and departments with the same code.
    #[arg(long, requires = "extra")]
    replace: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

impl Source {
    /// The supervisor over the default catalog with `--extra` merged in.
    fn supervisor(&self) -> Result<Supervisor, Refused> {
        let mut cat = InMemoryCatalog::pingdu_default();
        if let Some(path) = &self.extra {
            let text = read_input(path, "catalog file")?;
            let mode = if self.replace {
                MergeMode::Override
            } else {
                MergeMode::Strict
            };
            let is_toml = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
            let merged = if is_toml {
                cat.merge_toml(&text, mode)
            } else {
                cat.merge_json(&text, mode)
            };
            merged.map_err(|e| Refused(format!("catalog file {}: {e}", path.display())))?;
        }
        Ok(Supervisor::builder().catalog(cat).build()?)
    }
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Only items of this industry (e.g. food_production).
    #[arg(long)]
    industry: Option<Industry>,
    /// Only items of this plugin domain: food, drugs, special_equipment, hazardous_chemicals, product_quality.
    #[arg(long)]
    domain: Option<Domain>,
    /// Only items this department supervises (e.g. market_regulation).
    #[arg(long)]
    department: Option<String>,
    #[command(flatten)]
    source: Source,
}

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// The item code (e.g. F-01); omit with --all.
    #[arg(required_unless_present = "all")]
    item: Option<String>,
    /// Resolve every item of the catalog.
    #[arg(long, conflicts_with = "item")]
    all: bool,
    /// The department that approved (e.g. administrative_approval).
    #[arg(long)]
    approved_by: Option<String>,
    /// The approval was obtained by a false commitment, or the commitment was broken.
    #[arg(long)]
    commitment_breached: bool,
    #[command(flatten)]
    source: Source,
}

fn scope(item: &SupervisionItem) -> String {
    match (item.industry, item.effective_domain()) {
        (Some(i), _) => i.id().to_owned(),
        (None, Some(d)) => format!("domain {d}"),
        (None, None) => "by target text".to_owned(),
    }
}

fn show(args: ShowArgs) -> Result<ExitCode, Refused> {
    let sup = args.source.supervisor()?;
    let departments = sup.departments()?;
    let department = |id: &str| departments.iter().find(|d| d.id.as_str() == id);
    if let Some(d) = &args.department
        && department(d).is_none()
    {
        return Err(Refused(format!("--department: unknown department {d:?}")));
    }
    let all = sup.items()?;
    let items: Vec<&SupervisionItem> = all
        .iter()
        .filter(|i| args.industry.is_none_or(|x| i.industry == Some(x)))
        .filter(|i| args.domain.is_none_or(|d| i.effective_domain() == Some(d)))
        .filter(|i| {
            args.department
                .as_deref()
                .is_none_or(|d| i.department == *d)
        })
        .collect();
    if args.source.json {
        print_json(&items)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<8} {:<8} {:<22} {:<30} name",
        "code", "class", "department", "applies to"
    );
    for i in &items {
        let class = match i.random_inspection {
            Some(c) => format!("{c:?}").to_lowercase(),
            None => "-".into(),
        };
        println!(
            "{:<8} {:<8} {:<22} {:<30} {}",
            i.code,
            class,
            i.department.as_str(),
            scope(i),
            i.name
        );
    }
    let mut by_dept: BTreeMap<&str, usize> = BTreeMap::new();
    for i in &items {
        *by_dept.entry(i.department.as_str()).or_default() += 1;
    }
    println!("\n{} items; by supervising department:", items.len());
    for (d, n) in by_dept {
        let name = department(d).map_or("", |d| d.name_zh.as_str());
        println!("  {d:<34} {name:<24} {n:>3}");
    }
    Ok(ExitCode::SUCCESS)
}

fn print_responsibility(r: &Responsibility, name: &str) {
    println!("{}  {}  ({:?})", r.item_code, name, r.approval_mode);
    for a in &r.assignments {
        println!(
            "  {:<26} {:<34} {}: {}",
            format!("{:?}", a.role),
            a.department.as_str(),
            a.clause,
            a.reason
        );
    }
    if r.joint_enforcement {
        println!("  -> joint enforcement (the lead has no enforcement force of its own)");
    }
    if r.record_in_credit {
        println!(
            "  -> the breach of commitment goes into the entity's credit record (Pingdu plan §(五))"
        );
    }
}

fn resolve(args: ResolveArgs) -> Result<ExitCode, Refused> {
    let sup = args.source.supervisor()?;
    let approved_by = args
        .approved_by
        .as_deref()
        .map(DepartmentId::new)
        .transpose()?;
    let facts = ApprovalFacts {
        approved_by,
        commitment_breached: args.commitment_breached,
    };
    let codes: Vec<String> = match &args.item {
        Some(code) => vec![code.clone()],
        None => sup.items()?.into_iter().map(|i| i.code).collect(),
    };
    let mut results = Vec::with_capacity(codes.len());
    for code in &codes {
        results.push(sup.resolve(code, &facts)?);
    }
    if args.source.json {
        print_json(&results)?;
        return Ok(ExitCode::SUCCESS);
    }
    for r in &results {
        let name = sup.item(&r.item_code).map(|i| i.name).unwrap_or_default();
        print_responsibility(r, &name);
    }
    if args.all {
        let mut leads: BTreeMap<&str, usize> = BTreeMap::new();
        let (mut joint, mut partnered) = (0, 0);
        for r in &results {
            *leads.entry(r.lead().as_str()).or_default() += 1;
            joint += usize::from(r.joint_enforcement);
            partnered += usize::from(r.assignments.iter().any(|a| a.role == Role::Partner));
        }
        println!("\nresponsibility summary: {} items", results.len());
        for (d, n) in leads {
            println!("  lead {d:<34} {n:>3}");
        }
        println!("  items with boundary-list partners     {partnered:>3}");
        println!("  items under joint enforcement         {joint:>3}");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(cmd: CatalogCommand) -> Result<ExitCode, Refused> {
    match cmd {
        CatalogCommand::Show(a) => show(a),
        CatalogCommand::Resolve(a) => resolve(a),
    }
}
