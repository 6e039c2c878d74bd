//! Counts over a stream of synthetic rows, for the command line's report.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::SyntheticEntity;
use jianguan::credit::CreditList;
use jianguan::entity::EntityKind;

/// The snake_case id of an entity kind (as serde writes it).
pub(crate) fn kind_id(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Enterprise => "enterprise",
        EntityKind::IndividualBusiness => "individual_business",
        EntityKind::FarmersCooperative => "farmers_cooperative",
        EntityKind::Other => "other",
        // The generator makes only the kinds above; one the SDK adds later
        // counts as other until it is listed here.
        _ => "other",
    }
}

/// The snake_case id of a credit list (as serde writes it).
pub(crate) fn list_id(l: CreditList) -> &'static str {
    match l {
        CreditList::AbnormalOperations => "abnormal_operations",
        CreditList::SeriousDishonesty => "serious_dishonesty",
        CreditList::KeyAttention => "key_attention",
        // The generator puts entities on the lists above only.
        _ => "other",
    }
}

/// Counts by category over the rows seen, built while streaming
/// ([`Summary::add`]); every writer returns one. Map keys are the snake_case
/// ids used in the files (`general` for entities without an industry).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Rows seen.
    pub entities: u64,
    /// Penalty records seen.
    pub penalties: u64,
    /// Entities by legal form.
    pub by_kind: BTreeMap<String, u64>,
    /// Entities by registration status.
    pub by_status: BTreeMap<String, u64>,
    /// Entities by industry; an entity with several industries counts once in each.
    pub by_industry: BTreeMap<String, u64>,
    /// Entities by credit class.
    pub by_class: BTreeMap<String, u64>,
    /// Entities by township.
    pub by_township: BTreeMap<String, u64>,
    /// Entities by premises type.
    pub by_premises: BTreeMap<String, u64>,
    /// Penalties by Art. 9 type.
    pub penalties_by_kind: BTreeMap<String, u64>,
    /// Penalties by department.
    pub penalties_by_department: BTreeMap<String, u64>,
    /// Entities with a credit-list membership not (yet) removed, by list.
    pub listed: BTreeMap<String, u64>,
    /// Entities granted a tolerance period (包容期).
    pub with_tolerance: u64,
}

fn bump(map: &mut BTreeMap<String, u64>, key: &str) {
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.to_owned(), 1);
        }
    }
}

impl Summary {
    /// Counts one row.
    pub fn add(&mut self, row: &SyntheticEntity) {
        let e = &row.entity;
        self.entities += 1;
        self.penalties += row.penalties.len() as u64;
        bump(&mut self.by_kind, kind_id(e.kind));
        bump(&mut self.by_status, e.status.id());
        if e.industries.is_empty() {
            bump(&mut self.by_industry, "general");
        }
        for i in &e.industries {
            bump(&mut self.by_industry, i.id());
        }
        bump(&mut self.by_class, &row.credit.class);
        bump(&mut self.by_township, e.township.as_deref().unwrap_or(""));
        bump(&mut self.by_premises, row.premises.id());
        for p in &row.penalties {
            bump(&mut self.penalties_by_kind, p.kind.id());
            bump(&mut self.penalties_by_department, &p.department);
        }
        for list in [
            CreditList::AbnormalOperations,
            CreditList::SeriousDishonesty,
        ] {
            if row
                .credit
                .lists
                .iter()
                .any(|m| m.list == list && m.until.is_none())
            {
                bump(&mut self.listed, list_id(list));
            }
        }
        if e.tolerance.is_some() {
            self.with_tolerance += 1;
        }
    }

    /// Share (0–1) of `key` in `map` among all entities.
    pub fn share(&self, map: &BTreeMap<String, u64>, key: &str) -> f64 {
        if self.entities == 0 {
            return 0.0;
        }
        map.get(key).copied().unwrap_or(0) as f64 / self.entities as f64
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "entities: {}, penalties: {}, with tolerance period: {}",
            self.entities, self.penalties, self.with_tolerance
        )?;
        let sections = [
            ("kind", &self.by_kind),
            ("status", &self.by_status),
            ("industry", &self.by_industry),
            ("credit class", &self.by_class),
            ("township", &self.by_township),
            ("premises", &self.by_premises),
            ("penalty kind", &self.penalties_by_kind),
            ("penalty department", &self.penalties_by_department),
            ("listed", &self.listed),
        ];
        for (title, map) in sections {
            write!(f, "{title}:")?;
            for (k, v) in map {
                write!(f, " {k}={v}")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
