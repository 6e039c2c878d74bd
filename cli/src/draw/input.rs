//! Reading the inputs of a draw: plan, catalog, public values, target
//! roster, inspector roster, inspection history and records. Rosters come as
//! CSV (a header row; columns in any order; unknown columns ignored) or as a
//! JSON array of the SDK's objects. Every refusal names the file, and for a
//! bad row the 1-based data row and the column.

use std::fmt::Display;
use std::path::Path;

use jianguan::NaiveDate;
use jianguan::supervisor::Supervisor;
use jianguan::supervisor::catalog::InMemoryCatalog;
use jianguan::supervisor::codes::{EntityStatus, Industry, RegionCode, Uscc};
use jianguan::supervisor::draw::{
    DrawRecord, EntropyValue, InspectionHistory, Inspector, InspectorRoster, InspectorStatus,
    Level, PastInspection, Plan, RosterEntry, SamplingError, TargetRoster,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{Refused, read_input};

/// Columns of a target roster CSV that must be present.
pub const ROSTER_REQUIRED: [&str; 5] =
    ["uscc", "region", "status", "credit_class", "registered_on"];
/// Columns of a target roster CSV that may be present.
pub const ROSTER_OPTIONAL: [&str; 3] = ["industries", "last_penalty_on", "weight"];
/// Columns of an inspector roster CSV that must be present.
pub const INSPECTORS_REQUIRED: [&str; 5] = ["id", "name", "department", "team", "status"];
/// Columns of an inspector roster CSV that may be present.
pub const INSPECTORS_OPTIONAL: [&str; 3] = ["qualifications", "workload_cap", "conflicts"];
/// Columns of an inspection history CSV; all must be present.
pub const HISTORY_REQUIRED: [&str; 5] = ["uscc", "date", "department", "level", "items"];

/// The supervisor a draw runs through: the Pingdu default catalog, or a
/// whole catalog file (`.json`, or `.toml`) in its place.
pub fn supervisor(path: Option<&Path>) -> Result<Supervisor, Refused> {
    let builder = Supervisor::builder();
    let builder = match path {
        None => builder,
        Some(path) => builder.catalog(catalog(path)?),
    };
    Ok(builder.build()?)
}

fn catalog(path: &Path) -> Result<InMemoryCatalog, Refused> {
    let text = read_input(path, "catalog")?;
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let cat = if is_toml {
        InMemoryCatalog::from_toml_str(&text)
    } else {
        InMemoryCatalog::from_json_str(&text)
    };
    cat.map_err(|e| Refused(format!("catalog {}: {e}", path.display())))
}

/// A plan file, checked and with its items resolved against the
/// supervisor's catalog.
pub fn plan(path: &Path, sup: &Supervisor) -> Result<Plan, Refused> {
    let text = read_input(path, "plan")?;
    let name = path.display();
    let plan: Plan =
        serde_json::from_str(&text).map_err(|e| Refused(format!("plan {name}: {e}")))?;
    sup.resolve_plan(&plan)
        .map_err(|e| Refused(format!("plan {name}: {e}")))
}

/// The public values: a JSON array of `{"label", "value"}`.
pub fn entropy(path: &Path) -> Result<Vec<EntropyValue>, Refused> {
    json_array(path, "entropy", &|key, v| match key {
        "label" | "value" => probe::<String>(v),
        _ => None,
    })
}

/// A draw record as written by `draw run`.
pub fn record(path: &Path) -> Result<DrawRecord, Refused> {
    let text = read_input(path, "record")?;
    serde_json::from_str(&text).map_err(|e| {
        Refused(format!(
            "record {} is not a draw record: {e}",
            path.display()
        ))
    })
}

/// The target roster (检查对象名录库).
pub fn targets(path: &Path) -> Result<TargetRoster, Refused> {
    let name = path.display();
    let json = is_json(path)?;
    let entries: Vec<RosterEntry> = if json {
        json_array(path, "roster", &|key, v| match key {
            "uscc" => probe::<Uscc>(v),
            "region" => probe::<RegionCode>(v),
            "industries" => probe::<Vec<Industry>>(v),
            "status" => probe::<EntityStatus>(v),
            "credit_class" => probe::<String>(v),
            "registered_on" => day(v, false),
            "last_penalty_on" => day(v, true),
            "weight" => whole(v, 1, false),
            _ => None,
        })?
    } else {
        csv_rows(path, "roster", &ROSTER_REQUIRED, &ROSTER_OPTIONAL, |c| {
            Ok(RosterEntry {
                uscc: c.parse("uscc", Uscc::parse)?,
                region: c.parse("region", |s| {
                    RegionCode::parse(s).map_err(|e| format!("{s:?}: {e}"))
                })?,
                industries: c.list("industries", |s| s.parse::<Industry>())?,
                status: c.parse("status", enum_id::<EntityStatus>)?,
                credit_class: c.text("credit_class").to_owned(),
                registered_on: c.parse("registered_on", date)?,
                last_penalty_on: c.optional("last_penalty_on", date)?,
                weight: c.optional("weight", positive)?.unwrap_or(1),
            })
        })?
    };
    let codes: Vec<Uscc> = entries.iter().map(|e| e.uscc).collect();
    let unit = if json { "entry" } else { "row" };
    TargetRoster::new(entries).map_err(|e| match e {
        SamplingError::DuplicateEntity { uscc } => {
            let rows: Vec<String> = codes
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == uscc)
                .map(|(n, _)| (n + 1).to_string())
                .collect();
            Refused(format!("roster {name}: {e} ({unit}s {})", rows.join(", ")))
        }
        SamplingError::InvalidRoster { row, uscc, problem } => Refused(format!(
            "roster {name}, {unit} {} ({uscc}): {problem}",
            row + 1
        )),
        e => Refused(format!("roster {name}: {e}")),
    })
}

/// The inspector roster (执法检查人员名录库).
pub fn inspectors(path: &Path) -> Result<InspectorRoster, Refused> {
    let list: Vec<Inspector> = if is_json(path)? {
        json_array(path, "inspectors", &|key, v| match key {
            "id" | "name" | "department" | "team" => probe::<String>(v),
            "qualifications" => probe::<Vec<String>>(v),
            "status" => probe::<InspectorStatus>(v),
            "workload_cap" => whole(v, 0, true),
            "conflicts" => probe::<Vec<Uscc>>(v),
            _ => None,
        })?
    } else {
        csv_rows(
            path,
            "inspectors",
            &INSPECTORS_REQUIRED,
            &INSPECTORS_OPTIONAL,
            |c| {
                Ok(Inspector {
                    id: c.text("id").to_owned(),
                    name: c.text("name").to_owned(),
                    department: c.text("department").to_owned(),
                    team: c.text("team").to_owned(),
                    qualifications: c.list("qualifications", |s| Ok::<_, String>(s.to_owned()))?,
                    status: c.parse("status", enum_id::<InspectorStatus>)?,
                    workload_cap: c.optional("workload_cap", positive)?,
                    conflicts: c.list("conflicts", Uscc::parse)?,
                })
            },
        )?
    };
    InspectorRoster::new(list).map_err(|e| Refused(format!("inspectors {}: {e}", path.display())))
}

/// The inspection history; an absent file is an empty history.
pub fn history(path: Option<&Path>) -> Result<InspectionHistory, Refused> {
    let Some(path) = path else {
        return Ok(InspectionHistory::default());
    };
    let json = is_json(path)?;
    let list: Vec<PastInspection> = if json {
        json_array(path, "history", &|key, v| match key {
            "uscc" => probe::<Uscc>(v),
            "date" => day(v, false),
            "department" => probe::<String>(v),
            "level" => probe::<Level>(v),
            "items" => probe::<Vec<String>>(v),
            _ => None,
        })?
    } else {
        csv_rows(path, "history", &HISTORY_REQUIRED, &[], |c| {
            Ok(PastInspection {
                uscc: c.parse("uscc", Uscc::parse)?,
                date: c.parse("date", date)?,
                department: c.text("department").to_owned(),
                level: c.parse("level", enum_id::<Level>)?,
                items: c.list("items", |s| Ok::<_, String>(s.to_owned()))?,
            })
        })?
    };
    let unit = if json { "entry" } else { "row" };
    InspectionHistory::new(list).map_err(|e| match e {
        SamplingError::InvalidHistory { row, problem } => Refused(format!(
            "history {}, {unit} {}: {problem}",
            path.display(),
            row + 1
        )),
        e => Refused(format!("history {}: {e}", path.display())),
    })
}

/// Whether a roster file is JSON: by its extension, else by its first
/// non-blank character being `[`.
fn is_json(path: &Path) -> Result<bool, Refused> {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => return Ok(true),
        Some(e) if e.eq_ignore_ascii_case("csv") => return Ok(false),
        _ => {}
    }
    use std::io::Read;
    let mut head = [0u8; 256];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|e| Refused(format!("cannot read {}: {e}", path.display())))?;
    Ok(head[..n]
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'['))
}

/// Why one field of a JSON object does not read as `T`, if it does not.
fn probe<T: DeserializeOwned>(v: &Value) -> Option<String> {
    serde_json::from_value::<T>(v.clone())
        .err()
        .map(|e| e.to_string())
}

/// Why a JSON value is not a whole number from `min` to 4294967295 (or
/// `null`, when `nullable`), if it is not; the SDK's own words for it
/// (docs/draw-algorithm.md Appendix C), not a Rust type's.
fn whole(v: &Value, min: u64, nullable: bool) -> Option<String> {
    if nullable && v.is_null() {
        return None;
    }
    match v.as_u64() {
        Some(n) if (min..=u64::from(u32::MAX)).contains(&n) => None,
        _ => Some(format!(
            "{v} is not a whole number from {min} to 4294967295{}",
            if nullable { " or null" } else { "" }
        )),
    }
}

/// Why a JSON value is not a date written `YYYY-MM-DD` (or `null`, when
/// `nullable`), if it is not.
fn day(v: &Value, nullable: bool) -> Option<String> {
    match v {
        Value::Null if nullable => None,
        Value::String(s) => date(s).err(),
        _ => Some(format!("{v} is not a date written YYYY-MM-DD")),
    }
}

/// Reads a JSON array of `T`. When it does not read, each element is read
/// on its own to name the first bad one (1-based) and, through `field`
/// (which says why a key's value is wrong, if it is), the bad field.
fn json_array<T: DeserializeOwned>(
    path: &Path,
    what: &str,
    field: &dyn Fn(&str, &Value) -> Option<String>,
) -> Result<Vec<T>, Refused> {
    let text = read_input(path, what)?;
    let name = path.display();
    let whole = match serde_json::from_str::<Vec<T>>(&text) {
        Ok(list) => return Ok(list),
        Err(e) => e,
    };
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(&text) else {
        return Err(Refused(format!(
            "{what} {name}: expected a JSON array of objects: {whole}"
        )));
    };
    for (n, item) in items.into_iter().enumerate() {
        let Err(e) = serde_json::from_value::<T>(item.clone()) else {
            continue;
        };
        let bad = item
            .as_object()
            .and_then(|o| o.iter().find_map(|(k, v)| field(k, v).map(|p| (k, p))));
        return Err(Refused(match bad {
            Some((k, p)) => format!("{what} {name}, entry {}, field `{k}`: {p}", n + 1),
            None => format!("{what} {name}, entry {}: {e}", n + 1),
        }));
    }
    Err(Refused(format!("{what} {name}: {whole}")))
}

/// A problem with one cell: its column and what is wrong.
struct CellError {
    column: &'static str,
    problem: String,
}

/// The cells of one CSV row, by column name. Cells are trimmed; an absent
/// optional column reads as empty.
struct Cells<'a> {
    record: &'a csv::StringRecord,
    columns: &'a [(&'static str, Option<usize>)],
}

impl Cells<'_> {
    fn text(&self, column: &'static str) -> &str {
        self.columns
            .iter()
            .find(|(c, _)| *c == column)
            .and_then(|(_, i)| *i)
            .and_then(|i| self.record.get(i))
            .unwrap_or("")
    }

    fn parse<T, E: Display>(
        &self,
        column: &'static str,
        f: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, CellError> {
        f(self.text(column)).map_err(|e| CellError {
            column,
            problem: e.to_string(),
        })
    }

    fn optional<T, E: Display>(
        &self,
        column: &'static str,
        f: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<Option<T>, CellError> {
        if self.text(column).is_empty() {
            return Ok(None);
        }
        self.parse(column, f).map(Some)
    }

    /// A `;`-separated list; blank pieces are skipped.
    fn list<T, E: Display>(
        &self,
        column: &'static str,
        f: impl Fn(&str) -> Result<T, E>,
    ) -> Result<Vec<T>, CellError> {
        self.text(column)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                f(s).map_err(|e| CellError {
                    column,
                    problem: e.to_string(),
                })
            })
            .collect()
    }
}

/// Reads a CSV file with a header, one `T` per data row. Required columns
/// must be present and non-blank in every row; optional ones may be absent
/// or blank; others are ignored.
fn csv_rows<T>(
    path: &Path,
    what: &str,
    required: &[&'static str],
    optional: &[&'static str],
    row: impl Fn(&Cells<'_>) -> Result<T, CellError>,
) -> Result<Vec<T>, Refused> {
    let name = path.display();
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| Refused(format!("cannot read {what} {name}: {e}")))?;
    let header = reader
        .headers()
        .map_err(|e| Refused(format!("{what} {name}, header: {e}")))?
        .clone();
    let mut columns = Vec::with_capacity(required.len() + optional.len());
    for &c in required.iter().chain(optional) {
        let mut at = header.iter().enumerate().filter(|(_, h)| *h == c);
        let first = at.next().map(|(i, _)| i);
        if at.next().is_some() {
            return Err(Refused(format!(
                "{what} {name}, header: column `{c}` appears twice"
            )));
        }
        if first.is_none() && required.contains(&c) {
            return Err(Refused(format!(
                "{what} {name}, header: no column `{c}` (required: {}; optional: {})",
                required.join(", "),
                if optional.is_empty() {
                    "none".to_string()
                } else {
                    optional.join(", ")
                }
            )));
        }
        columns.push((c, first));
    }
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut n = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(Refused(format!("{what} {name}, row {}: {e}", n + 1))),
        }
        n += 1;
        let cells = Cells {
            record: &record,
            columns: &columns,
        };
        let blank = required.iter().find(|c| cells.text(c).is_empty());
        let parsed = match blank {
            Some(&c) => Err(CellError {
                column: c,
                problem: "is empty".into(),
            }),
            None => row(&cells),
        };
        match parsed {
            Ok(v) => out.push(v),
            Err(CellError { column, problem }) => {
                return Err(Refused(format!(
                    "{what} {name}, row {n}, column {column}: {problem}"
                )));
            }
        }
    }
    Ok(out)
}

/// A snake_case identifier of one of the SDK's enums (`operating`, `on_leave`, `county`).
fn enum_id<T: DeserializeOwned>(s: &str) -> Result<T, String> {
    serde_json::from_value(Value::String(s.to_owned())).map_err(|e| e.to_string())
}

/// A date written exactly `YYYY-MM-DD`, as the JSON documents take it
/// (docs/draw-algorithm.md Appendix D): `2026-1-5` is refused, not read.
fn date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(format!("{s:?} is not a date written YYYY-MM-DD"));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date: no such day"))
}

fn positive(s: &str) -> Result<u32, String> {
    match s.parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{s:?} is not a positive integer")),
    }
}
