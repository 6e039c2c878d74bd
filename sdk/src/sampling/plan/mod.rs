//! Plans (年度抽查计划 and its batches): what is drawn, from whom, how many,
//! and the rules that keep inspection proportionate.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::SamplingError;

mod item;
mod ratio;

use super::wire::object_only;
use crate::catalog::ItemCatalog;
use crate::entity::{EntityKind, EntityStatus, Industry};
pub use item::PlanItem;
pub use ratio::Ratio;

/// The administrative level of an inspecting body, lowest first; Order 49
/// Art. 42 spares entities a repeat check by a lower level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "a level text")]
pub enum Level {
    /// 县级 (county, county-level city, district).
    County,
    /// 市级 (prefecture-level city).
    City,
    /// 省级 (province).
    Province,
    /// 国家 (national).
    National,
}

impl Level {
    /// The snake_case identifier used in files.
    pub fn id(self) -> &'static str {
        match self {
            Level::County => "county",
            Level::City => "city",
            Level::Province => "province",
            Level::National => "national",
        }
    }
}

/// Whether a plan may narrow its pool (企业公示信息抽查办法 Art. 5):
/// 不定向抽查 draws from the whole roster, 定向抽查 from a filter by
/// kind, size, industry or area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "a direction text")]
pub enum Direction {
    /// 不定向: no filter beyond registration status.
    Undirected,
    /// 定向: a filter by industry, region or entity kind.
    Directed,
}

/// What a task checks, which decides the proportionality rules that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "a task kind text")]
pub enum TaskKind {
    /// A routine random inspection on items of the list.
    Routine,
    /// A check of information enterprises publish (企业公示信息抽查), bound by
    /// the 3% minimum of 企业公示信息抽查办法 Art. 4.
    Publicity,
}

/// Which entities of the roster a task may draw (the target filter). Empty
/// lists do not filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, expecting = "a filter object")]
pub struct Filter {
    /// Entities in any of these business lines.
    #[serde(default)]
    pub industries: Vec<Industry>,
    /// Entities whose region code starts with any of these prefixes
    /// (`"37"` a province, `"3702"` a city, `"370283"` a county).
    #[serde(default)]
    pub regions: Vec<String>,
    /// Entities of these kinds.
    #[serde(default)]
    pub kinds: Vec<EntityKind>,
    /// Registration statuses that may be drawn; operating entities by default.
    #[serde(default = "default_statuses")]
    pub statuses: Vec<EntityStatus>,
}

fn default_statuses() -> Vec<EntityStatus> {
    vec![EntityStatus::Operating]
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            industries: Vec::new(),
            regions: Vec::new(),
            kinds: Vec::new(),
            statuses: default_statuses(),
        }
    }
}

impl Filter {
    fn narrows(&self) -> bool {
        !(self.industries.is_empty() && self.regions.is_empty() && self.kinds.is_empty())
    }
}

/// How many of a stratum to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "snake_case",
    expecting = "a size object: {\"ratio\": \"0.05\"} or {\"count\": 10}"
)]
pub enum Size {
    /// ⌈pool × ratio⌉ entities.
    Ratio(Ratio),
    /// Exactly this many; more than the pool holds is an error.
    Count(#[serde(deserialize_with = "super::wire::count64")] u64),
}

/// One stratum of a task: a credit class and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a stratum object {class, size}"
)]
pub struct StratumSpec {
    /// Credit class code, one of the plan's `classes`.
    pub class: String,
    /// How many to draw.
    pub size: Size,
}

/// The reduced ratio for entities without penalties (Pingdu plan §(六):
/// "对连续三年未受行政处罚的企业，适度控制执法检查频次"). The plan speaks of
/// enterprises (企业); the SDK applies it to every entity kind in the pool,
/// individual businesses (个体工商户) included — narrow the task's filter to
/// `enterprise` for the plan's literal reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a penalty_free object {years, factor} or null"
)]
pub struct PenaltyFree {
    /// Consecutive penalty-free years required (the plan says three).
    #[serde(deserialize_with = "super::wire::count32")]
    pub years: u32,
    /// Factor applied to the stratum's ratio; the plan gives no figure, so
    /// the default ½ is an assumption to be set by each plan.
    pub factor: Ratio,
}

/// The proportionality rules of a task. Each rule that removes or
/// down-weights an entity is recorded per entity with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, expecting = "a rules object")]
pub struct Rules {
    /// Classes not drawn for routine checks (无事不扰; 国市监信发〔2022〕6号:
    /// class A "可不主动实施现场检查"). Default `["A"]`.
    #[serde(default = "default_undisturbed")]
    pub undisturbed_classes: Vec<String>,
    /// Set when the plan does draw the undisturbed classes.
    #[serde(default)]
    pub draw_undisturbed: bool,
    /// Reduced ratio for penalty-free entities; `null` turns it off.
    #[serde(default = "default_penalty_free")]
    pub penalty_free: Option<PenaltyFree>,
    /// Months within which an entity checked on one of the task's items by
    /// the same or a higher level, by any department, is skipped; `null`
    /// turns it off. After SAMR Order 49 Art. 42, where a food check by an
    /// upper level spares lower levels for three months ("原则上三个月内不再
    /// 重复检查已检查的项目"); extending it to the same level and to other
    /// departments' checks on the same items is this SDK's plan rule.
    #[serde(
        default = "default_repeat_window",
        deserialize_with = "super::wire::optional_count32"
    )]
    pub repeat_window_months: Option<u32>,
    /// Inspections of one entity by the task's department per calendar year
    /// beyond which it is skipped; `null` turns it off. The default 2 is local
    /// practice, not a national figure.
    #[serde(
        default = "default_yearly_cap",
        deserialize_with = "super::wire::optional_count32"
    )]
    pub yearly_cap: Option<u32>,
    /// The least share drawn by a publicity task (企业公示信息抽查办法 Art. 4:
    /// "抽取辖区内不少于3%的企业"). Default 0.03.
    #[serde(default = "default_publicity_minimum")]
    pub publicity_minimum: Ratio,
}

fn default_undisturbed() -> Vec<String> {
    vec!["A".into()]
}
fn default_penalty_free() -> Option<PenaltyFree> {
    Some(PenaltyFree {
        years: 3,
        factor: Ratio(500_000),
    })
}
fn default_repeat_window() -> Option<u32> {
    Some(3)
}
fn default_yearly_cap() -> Option<u32> {
    Some(2)
}
fn default_publicity_minimum() -> Ratio {
    Ratio(30_000)
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            undisturbed_classes: default_undisturbed(),
            draw_undisturbed: false,
            penalty_free: default_penalty_free(),
            repeat_window_months: default_repeat_window(),
            yearly_cap: default_yearly_cap(),
            publicity_minimum: default_publicity_minimum(),
        }
    }
}

/// One department's batch within a plan (抽查任务). A plan of several tasks
/// is a joint plan (部门联合抽查): every entity drawn by any task gets one
/// visit covering all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, expecting = "a task object")]
pub struct Task {
    /// The inspecting department's id (as in the catalog).
    pub department: String,
    /// Routine or publicity check.
    pub kind: TaskKind,
    /// Items checked on each drawn entity, from the random-inspection list.
    pub items: Vec<PlanItem>,
    /// Undirected or directed.
    pub direction: Direction,
    /// The target filter.
    #[serde(default)]
    pub filter: Filter,
    /// Strata by credit class; classes not listed are not drawn.
    pub strata: Vec<StratumSpec>,
    /// Proportionality rules.
    #[serde(default)]
    pub rules: Rules,
    /// Risk-weighted selection within each stratum (Efraimidis–Spirakis keys
    /// on the roster's weights) instead of equal probability.
    #[serde(default)]
    pub weighted: bool,
}

/// Inspector assignment rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "an inspectors object"
)]
pub struct InspectorRules {
    /// Inspectors per department per visit; at least 2 (行政处罚法 Art. 42:
    /// "执法人员不得少于两人").
    #[serde(
        default = "default_per_department",
        deserialize_with = "super::wire::count32"
    )]
    pub per_department: u32,
    /// Draw a department's inspectors on one visit from different teams.
    #[serde(default)]
    pub distinct_teams: bool,
    /// Visits one inspector may be given in this draw, unless the roster sets
    /// a cap of its own; `null` for none.
    #[serde(default, deserialize_with = "super::wire::optional_count32")]
    pub workload_cap: Option<u32>,
}

fn default_per_department() -> u32 {
    2
}

impl Default for InspectorRules {
    fn default() -> Self {
        InspectorRules {
            per_department: 2,
            distinct_teams: false,
            workload_cap: None,
        }
    }
}

/// The record a redraw replaces, and why. The replaced record stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a replaces object {record, reason} or null"
)]
pub struct Replaces {
    /// The replaced record's digest (64 hex digits).
    pub record: String,
    /// Why it is replaced.
    pub reason: String,
}

/// A draw plan (抽查计划 batch), fixed and published before the public
/// entropy it names exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, expecting = "a plan object")]
pub struct Plan {
    /// Plan or batch number.
    pub id: String,
    /// Title.
    pub title: String,
    /// Level of the body running the plan.
    pub level: Level,
    /// The date the plan's rules are applied on (penalty-free years, repeat
    /// window, yearly cap).
    #[serde(deserialize_with = "super::wire::date")]
    pub as_of: NaiveDate,
    /// First and last day of the inspection period.
    #[serde(deserialize_with = "super::wire::date_pair")]
    pub period: (NaiveDate, NaiveDate),
    /// Labels of the public values that will seed the draw, in order (e.g.
    /// "福利彩票双色球 2026137期 开奖号码").
    pub entropy: Vec<String>,
    /// Credit classes, lowest risk first. Default A–D (国市监信发〔2022〕6号).
    #[serde(default = "default_classes")]
    pub classes: Vec<String>,
    /// The departments' tasks.
    pub tasks: Vec<Task>,
    /// Inspector assignment rules.
    #[serde(default)]
    pub inspectors: InspectorRules,
    /// The record this plan's draw replaces, for a redraw.
    #[serde(default)]
    pub replaces: Option<Replaces>,
}

fn default_classes() -> Vec<String> {
    ["A", "B", "C", "D"].map(String::from).to_vec()
}

impl Plan {
    /// Checks the plan and, with a catalog, fills in each item's industry,
    /// domain and category from it.
    ///
    /// # Errors
    /// [`SamplingError::UnknownItem`] for a code the catalog lacks;
    /// [`SamplingError::InvalidPlan`] naming the field for anything else: an
    /// item that is not a random-inspection item or belongs to another
    /// department, a stratum for an unknown or repeated class, an undisturbed
    /// class given a stratum without `draw_undisturbed`, a directed task
    /// without a filter (or an undirected one with), fewer than two
    /// inspectors per department, a bad period, or blank or repeated
    /// entropy labels.
    pub fn resolve(&mut self, catalog: Option<&dyn ItemCatalog>) -> Result<(), SamplingError> {
        let bad =
            |field: String, problem: String| Err(SamplingError::InvalidPlan { field, problem });
        if self.id.trim().is_empty() {
            return bad("id".into(), "is blank".into());
        }
        if self.period.1 < self.period.0 {
            return bad(
                "period".into(),
                format!("ends {} before it starts {}", self.period.1, self.period.0),
            );
        }
        if self.entropy.is_empty() {
            return bad(
                "entropy".into(),
                "names no public value to seed the draw".into(),
            );
        }
        unique("entropy", self.entropy.iter())?;
        if self.classes.is_empty() {
            return bad("classes".into(), "is empty".into());
        }
        unique("classes", self.classes.iter())?;
        if self.tasks.is_empty() {
            return bad("tasks".into(), "is empty".into());
        }
        if self.inspectors.per_department > 100 {
            return bad(
                "inspectors.per_department".into(),
                format!(
                    "is {}; at most 100 per department",
                    self.inspectors.per_department
                ),
            );
        }
        if self.inspectors.per_department < 2 {
            return bad(
                "inspectors.per_department".into(),
                format!(
                    "is {}; 行政处罚法 Art. 42 requires at least two inspectors",
                    self.inspectors.per_department
                ),
            );
        }
        if self.inspectors.workload_cap == Some(0) {
            return bad(
                "inspectors.workload_cap".into(),
                "is 0, which would leave no inspector to draw; use null for no cap".into(),
            );
        }
        if let Some(r) = &self.replaces {
            if super::prf::parse_digest(&r.record).is_none() {
                return bad(
                    "replaces.record".into(),
                    format!("{:?} is not 64 hex digits", r.record),
                );
            }
            if r.reason.trim().is_empty() {
                return bad(
                    "replaces.reason".into(),
                    "is blank: a redraw must say why".into(),
                );
            }
        }
        for (t, task) in self.tasks.iter_mut().enumerate() {
            task.resolve(t, &self.classes, catalog)?;
        }
        Ok(())
    }
}

fn unique<'a>(field: &str, values: impl Iterator<Item = &'a String>) -> Result<(), SamplingError> {
    let mut seen = BTreeSet::new();
    for v in values {
        if v.trim().is_empty() {
            return Err(SamplingError::plan(field, "holds a blank value".into()));
        }
        if !seen.insert(v) {
            return Err(SamplingError::plan(field, format!("repeats {v:?}")));
        }
    }
    Ok(())
}

impl Task {
    fn resolve(
        &mut self,
        t: usize,
        classes: &[String],
        catalog: Option<&dyn ItemCatalog>,
    ) -> Result<(), SamplingError> {
        let field = |f: &str| format!("tasks[{t}].{f}");
        let bad = |f: &str, problem: String| {
            Err(SamplingError::InvalidPlan {
                field: field(f),
                problem,
            })
        };
        if self.department.trim().is_empty() {
            return bad("department", "is blank".into());
        }
        if self.items.is_empty() {
            return bad("items", "is empty".into());
        }
        unique(&field("items"), self.items.iter().map(|i| &i.code))?;
        if let Some(catalog) = catalog {
            for item in &mut self.items {
                let found = match catalog.item(&item.code) {
                    Ok(Some(found)) => found,
                    Ok(None) => {
                        return Err(SamplingError::UnknownItem {
                            task: t,
                            code: item.code.clone(),
                        });
                    }
                    Err(e) => {
                        return Err(SamplingError::CatalogSource {
                            message: e.to_string(),
                        });
                    }
                };
                if found.random_inspection.is_none() {
                    return bad(
                        "items",
                        format!(
                            "{} ({}) is not on the random-inspection list",
                            found.code, found.name
                        ),
                    );
                }
                if found.department != *self.department {
                    return bad(
                        "items",
                        format!(
                            "{} belongs to department {:?}, not {:?}",
                            found.code, found.department, self.department
                        ),
                    );
                }
                item.industry = found.industry;
                item.domain = found.domain;
                item.category = found.random_inspection;
            }
        }
        match (self.direction, self.filter.narrows()) {
            (Direction::Undirected, true) => {
                return bad(
                    "filter",
                    "narrows the pool but the task is undirected (不定向)".into(),
                );
            }
            (Direction::Directed, false) => {
                return bad("filter", "is empty but the task is directed (定向)".into());
            }
            _ => {}
        }
        if self.filter.statuses.is_empty() {
            return bad("filter.statuses", "is empty".into());
        }
        for r in &self.filter.regions {
            if r.is_empty() || r.len() > 6 || !r.bytes().all(|b| b.is_ascii_digit()) {
                return bad(
                    "filter.regions",
                    format!("{r:?} is not a prefix of a 6-digit region code"),
                );
            }
        }
        if self.strata.is_empty() {
            return bad("strata", "is empty".into());
        }
        unique(&field("strata"), self.strata.iter().map(|s| &s.class))?;
        for s in &self.strata {
            if !classes.contains(&s.class) {
                return bad(
                    "strata",
                    format!("class {:?} is not one of {}", s.class, classes.join(", ")),
                );
            }
            if self.rules.undisturbed_classes.contains(&s.class) && !self.rules.draw_undisturbed {
                return bad(
                    "strata",
                    format!(
                        "class {:?} is not drawn for routine checks (无事不扰) unless rules.draw_undisturbed is set",
                        s.class
                    ),
                );
            }
        }
        for c in &self.rules.undisturbed_classes {
            if !classes.contains(c) {
                return bad(
                    "rules.undisturbed_classes",
                    format!("class {c:?} is not one of {}", classes.join(", ")),
                );
            }
        }
        if let Some(p) = &self.rules.penalty_free
            && !(1..=100).contains(&p.years)
        {
            return bad(
                "rules.penalty_free.years",
                format!("is {}; give 1 to 100 years", p.years),
            );
        }
        if self.rules.yearly_cap == Some(0) {
            return bad(
                "rules.yearly_cap",
                "is 0, which would exclude everyone; use null for no cap".into(),
            );
        }
        if self.rules.repeat_window_months == Some(0) {
            return bad(
                "rules.repeat_window_months",
                "is 0; use null for no window".into(),
            );
        }
        Ok(())
    }
}

object_only!(
    Filter,
    StratumSpec,
    Rules,
    Task,
    InspectorRules,
    Plan,
    PenaltyFree,
    Replaces
);
