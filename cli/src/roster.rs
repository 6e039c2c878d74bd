//! `jianguan roster generate`: a synthetic county (entities, credit lists,
//! penalties, inspectors) written as CSV and JSON, with a summary of who
//! supervises how many of its entities.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use jianguan::NaiveDate;
use jianguan::supervisor::catalog::InMemoryCatalog;
use jianguan::supervisor::codes::Industry;
use jianguan_synth::{
    CountySpec, Summary, SynthError, SyntheticEntity, parse_entity_count, write_entities_csv,
    write_entities_json, write_inspectors_csv, write_lists_csv, write_penalties_csv,
};
use serde::Serialize;

use crate::{Refused, print_json};

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Generate a synthetic county deterministically from a seed.
    Generate(GenerateArgs),
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of market entities (default 150000; up to 887503681).
    #[arg(long, default_value = "150000", allow_hyphen_values = true)]
    entities: String,
    /// Seed of the generator: the same seed gives byte-identical files.
    #[arg(long, default_value_t = 2021_0725)]
    seed: u64,
    /// The date the data describes (default 2026-11-28).
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// Output folder; created if missing. Existing files of the same names are replaced.
    #[arg(long)]
    out: PathBuf,
    /// Also write entities as JSON Lines (entities.jsonl).
    #[arg(long)]
    jsonl: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

/// Active entities per supervising department: an entity counts for a
/// department when the department supervises an item tied to one of the
/// entity's industries (or to their domain) in the Pingdu default catalog.
/// Items tied to no industry (registration, publicity, work safety,
/// standards, metrology) say whom they cover only in their target text, so
/// they are counted as items, not matched to entities.
#[derive(Debug, Default, Serialize)]
struct SupervisionLoad {
    active_entities: u64,
    /// Active entities with no supervised industry: only the general items apply.
    general_only: u64,
    /// Items tied to no industry.
    general_items: usize,
    by_department: BTreeMap<String, u64>,
}

struct LoadCounter {
    by_industry: BTreeMap<Industry, BTreeSet<String>>,
    load: SupervisionLoad,
}

impl LoadCounter {
    fn new(catalog: &InMemoryCatalog) -> Self {
        let by_industry = Industry::all()
            .map(|ind| {
                let depts = catalog
                    .items_slice()
                    .iter()
                    .filter(|i| {
                        i.industry == Some(ind)
                            || (i.industry.is_none() && i.domain == Some(ind.domain()))
                    })
                    .map(|i| i.department.to_string())
                    .collect();
                (ind, depts)
            })
            .collect();
        LoadCounter {
            by_industry,
            load: SupervisionLoad {
                general_items: catalog
                    .items_slice()
                    .iter()
                    .filter(|i| i.is_general())
                    .count(),
                ..SupervisionLoad::default()
            },
        }
    }

    fn add(&mut self, row: &SyntheticEntity) {
        if !row.entity.status.is_active() {
            return;
        }
        self.load.active_entities += 1;
        if row.entity.industries.is_empty() {
            self.load.general_only += 1;
        }
        let mut depts: BTreeSet<&str> = BTreeSet::new();
        for ind in &row.entity.industries {
            depts.extend(self.by_industry[ind].iter().map(String::as_str));
        }
        for d in depts {
            *self.load.by_department.entry(d.to_owned()).or_default() += 1;
        }
    }
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    spec: &'a CountySpec,
    out: &'a Path,
    files: Vec<String>,
    inspectors: u64,
    summary: &'a Summary,
    supervision: &'a SupervisionLoad,
}

/// Files written under temporary names and renamed into place only when
/// every one of them is complete, so a failed run leaves neither a truncated
/// file nor a mix of new and old files under the final names.
struct Staging<'a> {
    dir: &'a Path,
    /// (temporary path, final name), in the order written.
    files: Vec<(PathBuf, String)>,
}

impl<'a> Staging<'a> {
    fn new(dir: &'a Path) -> Self {
        Staging {
            dir,
            files: Vec::new(),
        }
    }

    fn write<T>(
        &mut self,
        name: &str,
        f: impl FnOnce(&mut BufWriter<File>) -> Result<T, SynthError>,
    ) -> Result<T, Refused> {
        let tmp = self.dir.join(format!(".{name}.partial"));
        // Registered first, so that `abort` removes it whatever fails below.
        self.files.push((tmp.clone(), name.to_owned()));
        let file = File::create(&tmp)
            .map_err(|e| Refused(format!("cannot create {}: {e}", tmp.display())))?;
        let mut w = BufWriter::new(file);
        let value = f(&mut w)?;
        w.flush()
            .map_err(|e| Refused(format!("cannot write {}: {e}", tmp.display())))?;
        Ok(value)
    }

    /// Renames every staged file to its final name.
    fn commit(self) -> Result<Vec<String>, Refused> {
        let mut names = Vec::with_capacity(self.files.len());
        for (tmp, name) in &self.files {
            let path = self.dir.join(name);
            std::fs::rename(tmp, &path).map_err(|e| {
                Refused(format!(
                    "cannot rename {} to {}: {e}",
                    tmp.display(),
                    path.display()
                ))
            })?;
            names.push(name.clone());
        }
        Ok(names)
    }

    /// Removes every staged file.
    fn abort(self) {
        for (tmp, _) in self.files {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Writes every file of the county into `staging`; returns the entity
/// summary and the number of inspectors.
fn write_all(
    spec: &CountySpec,
    staging: &mut Staging<'_>,
    counter: &mut LoadCounter,
    jsonl: bool,
) -> Result<(Summary, u64), Refused> {
    let summary = staging.write("entities.csv", |w| {
        write_entities_csv(w, spec.entities().inspect(|row| counter.add(row)))
    })?;
    staging.write("penalties.csv", |w| write_penalties_csv(w, spec.entities()))?;
    staging.write("credit-lists.csv", |w| write_lists_csv(w, spec.entities()))?;
    if jsonl {
        staging.write("entities.jsonl", |w| {
            write_entities_json(w, spec.entities())
        })?;
    }
    let roster = spec.inspectors();
    let inspectors = staging.write("inspectors.csv", |w| write_inspectors_csv(w, &roster))?;
    let spec_json = serde_json::to_string_pretty(spec)?;
    staging.write("spec.json", |w| {
        w.write_all(spec_json.as_bytes())
            .map_err(|source| SynthError::Io {
                what: "spec.json".into(),
                source,
            })
    })?;
    Ok((summary, inspectors))
}

fn generate(args: GenerateArgs) -> Result<ExitCode, Refused> {
    let entities = parse_entity_count(&args.entities)?;
    let mut spec = CountySpec::new(args.seed, entities)?;
    if let Some(d) = args.as_of {
        spec.as_of = d;
        spec.validate()?;
    }
    std::fs::create_dir_all(&args.out)
        .map_err(|e| Refused(format!("cannot create {}: {e}", args.out.display())))?;
    let dir = args.out.as_path();
    let catalog = InMemoryCatalog::pingdu_default();
    let mut counter = LoadCounter::new(&catalog);
    let mut staging = Staging::new(dir);
    let written = write_all(&spec, &mut staging, &mut counter, args.jsonl);
    let (summary, inspectors) = match written {
        Ok(v) => v,
        Err(e) => {
            staging.abort();
            return Err(e);
        }
    };
    let files = staging.commit()?;

    let report = Report {
        spec: &spec,
        out: dir,
        files,
        inspectors,
        summary: &summary,
        supervision: &counter.load,
    };
    if args.json {
        print_json(&report)?;
    } else {
        println!(
            "county {} ({}), seed {}, as of {}: wrote {} to {}",
            spec.place_name,
            spec.region,
            spec.seed,
            spec.as_of,
            report.files.join(", "),
            dir.display()
        );
        print!("{summary}");
        println!("inspectors: {inspectors}");
        let load = &counter.load;
        println!(
            "active entities: {}; {} of them in no supervised industry (only the {} general items apply)",
            load.active_entities, load.general_only, load.general_items
        );
        println!(
            "active entities per department supervising items of their industries (Pingdu default catalog):"
        );
        for (d, n) in &counter.load.by_department {
            let name = catalog.get_department(d).map_or("", |x| x.name_zh.as_str());
            println!("  {d:<34} {name:<24} {n:>9}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(cmd: RosterCommand) -> Result<ExitCode, Refused> {
    match cmd {
        RosterCommand::Generate(a) => generate(a),
    }
}
