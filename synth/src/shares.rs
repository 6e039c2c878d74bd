//! The assumed shares that shape a synthetic county, and its townships.
//!
//! **Every number here is assumed, not official statistics.** They are
//! chosen to look like a Shandong county of about 1.4 million people
//! (individual businesses the majority, most entities operating, food
//! and catering the biggest supervised lines); override them through
//! [`CountySpec::shares`](super::CountySpec::shares).

use serde::{Deserialize, Serialize};

use super::SynthError;
use super::penalty::PenaltyKind;
use jianguan::credit::CreditScheme;
use jianguan::entity::{EntityKind, EntityStatus, Industry};

/// A township-level division (乡镇 / 街道) and its assumed share of entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Township {
    /// Name, e.g. 凤台街道.
    pub name: String,
    /// Share of the county's entities (all weights sum to 1).
    pub weight: f64,
}

impl Township {
    /// Pingdu's 5 subdistricts (街道) and 12 towns (镇).
    ///
    /// The names agree with two secondary sources read on the public web
    /// (求闻百科 "平度市" and Wikiwand's "平度市" article, both: "下辖5街道12镇");
    /// the government's own division list was not read. No township codes are
    /// given: the official 9-digit codes were not verified. The weights are
    /// assumed (urban subdistricts hold more businesses), not statistics.
    pub fn pingdu() -> Vec<Township> {
        const T: [(&str, f64); 17] = [
            ("凤台街道", 0.13),
            ("李园街道", 0.11),
            ("同和街道", 0.10),
            ("东阁街道", 0.09),
            ("白沙河街道", 0.06),
            ("南村镇", 0.06),
            ("蓼兰镇", 0.05),
            ("崔家集镇", 0.04),
            ("明村镇", 0.04),
            ("田庄镇", 0.04),
            ("新河镇", 0.04),
            ("店子镇", 0.04),
            ("大泽山镇", 0.04),
            ("旧店镇", 0.04),
            ("云山镇", 0.04),
            ("古岘镇", 0.04),
            ("仁兆镇", 0.04),
        ];
        T.iter()
            .map(|&(name, weight)| Township {
                name: name.into(),
                weight,
            })
            .collect()
    }
}

/// Main business line of an entity: an [`Industry`], or `None` for a general
/// entity supervised only through registration and publicity items.
pub type Line = Option<Industry>;

/// The assumed shares of a synthetic county — **assumed, not official
/// statistics**. Tables are `(value, share)` lists whose shares sum to 1;
/// single numbers are probabilities.
///
/// | table | default |
/// |---|---|
/// | `kinds` | individual business 70 %, enterprise 27 %, cooperative 3 % |
/// | `statuses` | operating 85 %, closed 3 %, deregistered 8 %, revoked 2 %, moved out 2 % |
/// | `enterprise_lines` | general 53 %, industrial products 17.5 %, food sales 10 %, catering 5 %, special-equipment use 5 %, food production 4 %, drug retail 1.5 %, device trade 1 %, cosmetics 1 %, hazchem trade 1 %, hazchem production 0.4 %, drug wholesale 0.3 %, hazchem storage 0.3 % |
/// | `individual_lines` | general 49.7 %, food sales 22 %, catering 18 %, industrial products 5 %, cosmetics 2 %, food production 1 %, drug retail 1 %, device trade 0.5 %, special-equipment use (bathhouse boilers) 0.5 %, hazchem trade 0.3 % |
/// | `cooperative_lines` | general (planting, breeding) 80 %, food production 8 %, food sales 7 %, industrial products 5 % |
/// | extra lines | pharmacies also trading devices 60 %; food shops also selling cosmetics 20 %; factories using special equipment 40 %; chemical plants also storing 50 % |
/// | dates | registered since the 2014 registration reform 70 %, else 1984–2014; tolerance period for 5 % of those registered in the last 3 years |
/// | penalties | 6 % of entities penalised in the 5 years before `as_of` (×1.5 in food, drug, special-equipment and hazchem lines); kinds: fine 55 %, warning 25 %, confiscation 10 %, business restriction 5 %, licence suspension 3 %, licence revocation 2 % |
/// | credit | clean: A 25 %, B 67 %, C 6 %, D 2 %; flagged (penalty in the last 3 years, abnormal listing in force, or revoked): A 0 %, B 40 %, C 42 %, D 18 % |
/// | lists | abnormal-operations listing 5 % (60 % of them later removed); D entities with a basis put on the serious-dishonesty list 30 % |
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shares {
    /// Legal forms.
    pub kinds: Vec<(EntityKind, f64)>,
    /// Registration statuses.
    pub statuses: Vec<(EntityStatus, f64)>,
    /// Main line of enterprises.
    pub enterprise_lines: Vec<(Line, f64)>,
    /// Main line of individual businesses.
    pub individual_lines: Vec<(Line, f64)>,
    /// Main line of farmers' cooperatives.
    pub cooperative_lines: Vec<(Line, f64)>,
    /// Probability that a pharmacy also trades medical devices.
    pub devices_in_pharmacies: f64,
    /// Probability that a food seller also sells cosmetics.
    pub cosmetics_in_food_shops: f64,
    /// Probability that a factory (food, industrial, chemical) uses special equipment.
    pub equipment_in_factories: f64,
    /// Probability that a chemical plant also stores hazardous chemicals.
    pub storage_at_chemical_plants: f64,
    /// Share registered on or after 2014-03-01 (注册资本登记制度改革).
    pub registered_since_2014: f64,
    /// Share of entities registered in the 3 years before `as_of` that have a
    /// tolerance period (包容期) for a new format.
    pub tolerance_among_recent: f64,
    /// Probability that an entity was penalised in the 5 years before `as_of`.
    pub penalised: f64,
    /// Factor on `penalised` for food, drug, special-equipment and hazchem lines.
    pub high_risk_factor: f64,
    /// Types of ordinary penalties (the revocation that goes with a revoked
    /// status is added on top).
    pub penalty_kinds: Vec<(PenaltyKind, f64)>,
    /// Credit classes of entities without a risk flag.
    pub credit_clean: Vec<(String, f64)>,
    /// Credit classes of flagged entities (penalty in the last 3 years,
    /// abnormal listing in force, or licence revoked).
    pub credit_flagged: Vec<(String, f64)>,
    /// Probability of an abnormal-operations listing (经营异常名录).
    pub abnormal_operations: f64,
    /// Probability that an abnormal-operations listing was later removed.
    pub abnormal_removed: f64,
    /// Probability that a D entity with a basis is on the serious-dishonesty list.
    pub serious_dishonesty_among_d: f64,
}

impl Default for Shares {
    fn default() -> Self {
        use Industry::*;
        let s = |v: &[(&str, f64)]| v.iter().map(|&(c, w)| (c.to_owned(), w)).collect();
        Shares {
            kinds: vec![
                (EntityKind::IndividualBusiness, 0.70),
                (EntityKind::Enterprise, 0.27),
                (EntityKind::FarmersCooperative, 0.03),
            ],
            statuses: vec![
                (EntityStatus::Operating, 0.85),
                (EntityStatus::Closed, 0.03),
                (EntityStatus::Deregistered, 0.08),
                (EntityStatus::Revoked, 0.02),
                (EntityStatus::MovedOut, 0.02),
            ],
            enterprise_lines: vec![
                (None, 0.53),
                (Some(IndustrialProducts), 0.175),
                (Some(FoodSales), 0.10),
                (Some(Catering), 0.05),
                (Some(SpecialEquipmentUse), 0.05),
                (Some(FoodProduction), 0.04),
                (Some(DrugRetail), 0.015),
                (Some(MedicalDeviceTrade), 0.01),
                (Some(CosmeticsTrade), 0.01),
                (Some(HazardousChemicalTrade), 0.01),
                (Some(HazardousChemicalProduction), 0.004),
                (Some(DrugWholesale), 0.003),
                (Some(HazardousChemicalStorage), 0.003),
            ],
            individual_lines: vec![
                (None, 0.497),
                (Some(FoodSales), 0.22),
                (Some(Catering), 0.18),
                (Some(IndustrialProducts), 0.05),
                (Some(CosmeticsTrade), 0.02),
                (Some(FoodProduction), 0.01),
                (Some(DrugRetail), 0.01),
                (Some(MedicalDeviceTrade), 0.005),
                (Some(SpecialEquipmentUse), 0.005),
                (Some(HazardousChemicalTrade), 0.003),
            ],
            cooperative_lines: vec![
                (None, 0.80),
                (Some(FoodProduction), 0.08),
                (Some(FoodSales), 0.07),
                (Some(IndustrialProducts), 0.05),
            ],
            devices_in_pharmacies: 0.60,
            cosmetics_in_food_shops: 0.20,
            equipment_in_factories: 0.40,
            storage_at_chemical_plants: 0.50,
            registered_since_2014: 0.70,
            tolerance_among_recent: 0.05,
            penalised: 0.06,
            high_risk_factor: 1.5,
            penalty_kinds: vec![
                (PenaltyKind::Fine, 0.55),
                (PenaltyKind::Warning, 0.25),
                (PenaltyKind::Confiscation, 0.10),
                (PenaltyKind::BusinessRestriction, 0.05),
                (PenaltyKind::LicenceSuspension, 0.03),
                (PenaltyKind::LicenceRevocation, 0.02),
            ],
            credit_clean: s(&[("A", 0.25), ("B", 0.67), ("C", 0.06), ("D", 0.02)]),
            credit_flagged: s(&[("A", 0.0), ("B", 0.40), ("C", 0.42), ("D", 0.18)]),
            abnormal_operations: 0.05,
            abnormal_removed: 0.60,
            serious_dishonesty_among_d: 0.30,
        }
    }
}

fn check_table<T>(table: &'static str, rows: &[(T, f64)]) -> Result<(), SynthError> {
    let bad = |problem: String| Err(SynthError::Shares { table, problem });
    if rows.is_empty() {
        return bad("is empty".into());
    }
    if let Some((i, (_, w))) = rows
        .iter()
        .enumerate()
        .find(|(_, (_, w))| !(w.is_finite() && *w >= 0.0))
    {
        return bad(format!(
            "row {} has share {w}; shares must be between 0 and 1",
            i + 1
        ));
    }
    let sum: f64 = rows.iter().map(|r| r.1).sum();
    if (sum - 1.0).abs() > 1e-6 {
        return bad(format!("shares sum to {sum}, not 1"));
    }
    Ok(())
}

fn check_probability(table: &'static str, p: f64) -> Result<(), SynthError> {
    if (0.0..=1.0).contains(&p) {
        Ok(())
    } else {
        Err(SynthError::Shares {
            table,
            problem: format!("is {p}; a probability must be between 0 and 1"),
        })
    }
}

impl Shares {
    /// Checks every table and probability.
    ///
    /// # Errors
    /// [`SynthError::Shares`] naming the table when a table is empty, a share
    /// is negative or not finite, shares do not sum to 1 (±10⁻⁶), a
    /// probability is outside 0–1, a credit class is not in
    /// [`CreditScheme::national_2022`], or a kind table lists
    /// [`EntityKind::Other`] (the generator makes 91/92/93 codes only).
    pub fn validate(&self) -> Result<(), SynthError> {
        check_table("kinds", &self.kinds)?;
        if self.kinds.iter().any(|(k, _)| *k == EntityKind::Other) {
            return Err(SynthError::Shares {
                table: "kinds",
                problem: "lists `other`; only enterprises, individual businesses and cooperatives can be generated".into(),
            });
        }
        check_table("statuses", &self.statuses)?;
        check_table("enterprise_lines", &self.enterprise_lines)?;
        check_table("individual_lines", &self.individual_lines)?;
        check_table("cooperative_lines", &self.cooperative_lines)?;
        check_table("penalty_kinds", &self.penalty_kinds)?;
        check_table("credit_clean", &self.credit_clean)?;
        check_table("credit_flagged", &self.credit_flagged)?;
        let scheme = CreditScheme::national_2022();
        for (table, rows) in [
            ("credit_clean", &self.credit_clean),
            ("credit_flagged", &self.credit_flagged),
        ] {
            for (c, _) in rows {
                if let Err(e) = scheme.class(c) {
                    return Err(SynthError::Shares {
                        table,
                        problem: e.to_string(),
                    });
                }
            }
        }
        for (name, p) in [
            ("devices_in_pharmacies", self.devices_in_pharmacies),
            ("cosmetics_in_food_shops", self.cosmetics_in_food_shops),
            ("equipment_in_factories", self.equipment_in_factories),
            (
                "storage_at_chemical_plants",
                self.storage_at_chemical_plants,
            ),
            ("registered_since_2014", self.registered_since_2014),
            ("tolerance_among_recent", self.tolerance_among_recent),
            ("abnormal_operations", self.abnormal_operations),
            ("abnormal_removed", self.abnormal_removed),
            (
                "serious_dishonesty_among_d",
                self.serious_dishonesty_among_d,
            ),
        ] {
            check_probability(name, p)?;
        }
        check_probability("penalised", self.penalised)?;
        if !(self.high_risk_factor.is_finite() && self.high_risk_factor >= 0.0) {
            return Err(SynthError::Shares {
                table: "high_risk_factor",
                problem: format!(
                    "is {}; it must be a non-negative number",
                    self.high_risk_factor
                ),
            });
        }
        Ok(())
    }

    /// The main-line table for `kind`.
    pub fn lines_for(&self, kind: EntityKind) -> &[(Line, f64)] {
        match kind {
            EntityKind::Enterprise => &self.enterprise_lines,
            EntityKind::FarmersCooperative => &self.cooperative_lines,
            _ => &self.individual_lines,
        }
    }
}
