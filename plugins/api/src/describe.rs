//! What a plugin declares about itself. This is cold data: it crosses the
//! boundary once, at load, as JSON text, so these types are ordinary serde
//! types. They may gain fields within a contract major: unknown fields are
//! ignored (an older host reads a newer plugin's description) and every field
//! added later has a default (a newer host reads an older one).

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Everything a plugin declares: identity, the rules it encodes, its items,
/// violations, exemptions, grades, frequencies and fact schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PluginDescription {
    /// Registration id: the SDK domain the plugin serves (`food`, `drugs`,
    /// `special_equipment`, `hazardous_chemicals`, …). Unique in a host.
    pub id: String,
    /// Name in Chinese.
    pub name_zh: String,
    /// Name in English.
    pub name_en: String,
    /// The plugin's own version (not the contract version).
    pub version: String,
    /// The SDK industry ids whose entities this plugin grades.
    pub industries: Vec<String>,
    /// The rule sets encoded, with the dates they took effect.
    pub rule_sets: Vec<RuleSet>,
    /// Every article a result can cite; results refer to these by index.
    pub citations: Vec<Citation>,
    /// Risk grades from lowest to highest risk; grading results index this list.
    pub grades: Vec<Grade>,
    /// Minimum (and where set, maximum) inspection frequency per grade.
    pub frequencies: Vec<Frequency>,
    /// Supervision items with their inspection checklists.
    pub items: Vec<Item>,
    /// The violation catalogue.
    pub violations: Vec<Violation>,
    /// Minor-violation and no-penalty exemptions (免罚清单), by violation code.
    pub exemptions: Vec<Exemption>,
    /// The facts each operation reads.
    pub schema: Schemas,
    /// The configuration in effect when none is given: figures the sources
    /// leave UNCONFIRMED, which an operator may override at open.
    #[serde(default)]
    pub config: serde_json::Value,
}

impl PluginDescription {
    /// Checks the description's internal consistency, as a host does at load:
    /// a non-empty id, at least one grade, unique grade labels, item,
    /// checklist, violation and fact codes, every citation index in range,
    /// frequencies naming declared grades, exemptions naming catalogued
    /// violations.
    ///
    /// # Errors
    /// A message naming the first inconsistency.
    pub fn check_references(&self) -> Result<(), String> {
        let d = self;
        if d.id.trim().is_empty() {
            return Err("empty id".into());
        }
        if d.grades.is_empty() {
            return Err("no grades".into());
        }
        let n = d.citations.len() as u32;
        let cite = |what: String, i: u32| {
            if i < n {
                Ok(())
            } else {
                Err(format!("{what} cites index {i} of {n} citations"))
            }
        };
        unique(d.grades.iter().map(|g| g.label.as_str()), "grade label")?;
        for f in &d.frequencies {
            cite(format!("frequency of grade `{}`", f.grade), f.citation)?;
            if !d.grades.iter().any(|g| g.label == f.grade) {
                return Err(format!("frequency names unknown grade `{}`", f.grade));
            }
        }
        unique(d.items.iter().map(|i| i.code.as_str()), "item code")?;
        for item in &d.items {
            cite(format!("item `{}`", item.code), item.citation)?;
            unique(
                item.checklist.iter().map(|c| c.code.as_str()),
                "checklist code",
            )?;
        }
        unique(
            d.violations.iter().map(|v| v.code.as_str()),
            "violation code",
        )?;
        for v in &d.violations {
            cite(format!("violation `{}`", v.code), v.citation)?;
        }
        for e in &d.exemptions {
            cite(format!("exemption for `{}`", e.violation), e.citation)?;
            if !d.violations.iter().any(|v| v.code == e.violation) {
                return Err(format!(
                    "exemption names unknown violation `{}`",
                    e.violation
                ));
            }
        }
        for (name, specs) in [
            ("grading", &d.schema.grading),
            ("duties", &d.schema.duties),
            ("referral", &d.schema.referral),
        ] {
            unique(
                specs.iter().map(|s| s.name.as_str()),
                &format!("{name} fact"),
            )?;
        }
        Ok(())
    }
}

fn unique<'a>(values: impl Iterator<Item = &'a str>, what: &str) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for v in values {
        if !seen.insert(v) {
            return Err(format!("duplicate {what} `{v}`"));
        }
    }
    Ok(())
}

/// A regulation, standard or interpretation a plugin encodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleSet {
    /// Title, e.g. 食品生产经营监督检查管理办法.
    pub title: String,
    /// Issuing number, e.g. 国家市场监督管理总局令第49号.
    pub number: String,
    /// The date it took effect (YYYY-MM-DD).
    pub effective: String,
}

/// How firmly a figure is sourced (see RULES.md, "Status tags").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Read in the legal text itself.
    Solid,
    /// The same figure in two or more independent secondary sources.
    Corroborated,
    /// One weak source: a configurable default, not a settled rule.
    Unconfirmed,
}

/// One article of one regulation, as results cite it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// Title of the regulation, e.g. 中华人民共和国刑法.
    pub title: String,
    /// Its number, e.g. 主席令第八十三号; empty where it has none.
    pub number: String,
    /// The article, e.g. 第一百四十三条.
    pub article: String,
    /// How firmly the figure applied is sourced.
    pub certainty: Certainty,
}

impl Citation {
    /// A citation of `article` of the regulation `title` (`number` empty
    /// where it has none).
    pub fn new(title: &str, number: &str, article: &str, certainty: Certainty) -> Self {
        Self {
            title: title.into(),
            number: number.into(),
            article: article.into(),
            certainty,
        }
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "《{}》", self.title)?;
        if !self.number.is_empty() {
            write!(f, "（{}）", self.number)?;
        }
        write!(f, "{}", self.article)
    }
}

/// A risk grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// Label, e.g. `A` or `一级`.
    pub label: String,
    /// What the grade means.
    pub description: String,
}

/// Inspection frequency for one grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frequency {
    /// The grade label.
    pub grade: String,
    /// Minimum inspections per year (0.5 = once in two years).
    pub min_per_year: f64,
    /// Maximum the rule sets, if any.
    pub max_per_year: Option<f64>,
    /// Index of the citation.
    pub citation: u32,
}

/// A supervision item (监管事项) with its inspection checklist (检查要点).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Item code, unique within the plugin, e.g. `FOOD-PROD-ROUTINE`.
    pub code: String,
    /// Name.
    pub name: String,
    /// The checklist.
    pub checklist: Vec<CheckPoint>,
    /// Index of the citation.
    pub citation: u32,
}

/// One point of an inspection checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckPoint {
    /// Code, unique within the item.
    pub code: String,
    /// What is checked.
    pub text: String,
    /// A key item (重点项目) rather than a general one (一般项目).
    pub key: bool,
}

impl CheckPoint {
    /// A checklist point; `key` marks a key item (重点项目).
    pub fn new(code: &str, text: &str, key: bool) -> Self {
        Self {
            code: code.into(),
            text: text.into(),
            key,
        }
    }

    /// Points numbered `{prefix}-01`, `{prefix}-02`, … from `(text, key)`
    /// pairs, in order.
    pub fn numbered(prefix: &str, points: &[(&str, bool)]) -> Vec<Self> {
        points
            .iter()
            .enumerate()
            .map(|(i, (text, key))| Self::new(&format!("{prefix}-{:02}", i + 1), text, *key))
            .collect()
    }
}

/// A violation in the plugin's catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Violation {
    /// Violation code, unique within the plugin.
    pub code: String,
    /// What the violation is.
    pub description: String,
    /// Index of the citation of the provision breached and punished.
    pub citation: u32,
    /// The penalty range the provision sets.
    pub penalty: PenaltyRange,
}

/// The penalty a provision sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PenaltyRange {
    /// Lowest fine in CNY, when the provision sets a fixed range.
    pub min_fine_cny: Option<f64>,
    /// Highest fine in CNY, when the provision sets a fixed range.
    pub max_fine_cny: Option<f64>,
    /// The penalty in the provision's words (warning, multiple of value, …).
    pub text: String,
}

/// An exemption (免罚清单 entry) that applies to a violation code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exemption {
    /// The violation code it applies to.
    pub violation: String,
    /// What the exempted situation is.
    pub description: String,
    /// Conditions that must all hold.
    pub conditions: Vec<String>,
    /// The outcome, e.g. "不予行政处罚，责令改正".
    pub outcome: String,
    /// Index of the citation.
    pub citation: u32,
}

/// The fact schema of each operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schemas {
    /// Facts read by risk grading.
    pub grading: Vec<FactSpec>,
    /// Facts read by the due-date duties.
    pub duties: Vec<FactSpec>,
    /// Facts read by the criminal-referral assessment.
    pub referral: Vec<FactSpec>,
}

/// The three operations a plugin performs on facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// Risk grading.
    Grading,
    /// Due-date duties.
    Duties,
    /// Criminal-referral assessment.
    Referral,
}

impl Operation {
    /// The name used in messages and in the schema.
    pub fn name(self) -> &'static str {
        match self {
            Self::Grading => "grading",
            Self::Duties => "duties",
            Self::Referral => "referral",
        }
    }
}

impl Schemas {
    /// The schema of one operation.
    pub fn get(&self, operation: Operation) -> &[FactSpec] {
        match operation {
            Operation::Grading => &self.grading,
            Operation::Duties => &self.duties,
            Operation::Referral => &self.referral,
        }
    }
}

/// The type of a fact, matching the column kinds of a [`crate::FactTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// A real number.
    Number,
    /// A whole number.
    Integer,
    /// Yes or no.
    Flag,
    /// Text.
    Text,
    /// A date.
    Date,
}

impl fmt::Display for FactKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Number => "number",
            Self::Integer => "integer",
            Self::Flag => "flag",
            Self::Text => "text",
            Self::Date => "date",
        })
    }
}

/// One fact an operation reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactSpec {
    /// Column name.
    pub name: String,
    /// Type.
    pub kind: FactKind,
    /// Unit, e.g. `CNY`, `t`, `MPa`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Whether every row must carry it.
    pub required: bool,
    /// What it is.
    pub description: String,
    /// For text facts, the closed list of accepted values (empty: any).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
    /// For numbers and integers, the smallest accepted value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
}

impl FactSpec {
    /// A required fact.
    pub fn required(name: &str, kind: FactKind, description: &str) -> Self {
        Self {
            name: name.into(),
            kind,
            unit: None,
            required: true,
            description: description.into(),
            allowed: Vec::new(),
            min: None,
        }
    }

    /// An optional fact.
    pub fn optional(name: &str, kind: FactKind, description: &str) -> Self {
        Self {
            required: false,
            ..Self::required(name, kind, description)
        }
    }

    /// Sets the unit (builder style).
    pub fn unit(mut self, unit: &str) -> Self {
        self.unit = Some(unit.into());
        self
    }

    /// Sets the accepted values of a text fact (builder style).
    pub fn allowed(mut self, values: &[&str]) -> Self {
        self.allowed = values.iter().map(|v| v.to_string()).collect();
        self
    }

    /// Sets the smallest accepted value (builder style).
    pub fn min(mut self, min: f64) -> Self {
        self.min = Some(min);
        self
    }
}
