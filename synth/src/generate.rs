//! Row generation: one [`SyntheticEntity`] from `(seed, i)`.

use chrono::{Datelike, Months, NaiveDate};

use super::mix::{self, CODE_SPACE, CodePermutation, Stream};
use super::names;
use super::penalty::{PenaltyKind, PenaltyRecord, decision_prefix};
use super::premises::{Equipment, Premises};
use super::shares::Line;
use super::{CountySpec, EARLIEST_REGISTRATION, SyntheticEntity};
use jianguan::credit::{CreditList, CreditProfile, ListMembership};
use jianguan::entity::{
    CHARSET, Domain, EntityKind, EntityStatus, Industry, MarketEntity, TolerancePeriod, Uscc,
    organisation_check_character,
};

/// Reasons for a tolerance period: new formats (新业态) of the Pingdu plan §(九).
const NEW_FORMATS: [&str; 6] = [
    "直播电商 (live-stream e-commerce)",
    "社区团购 (community group buying)",
    "无人零售 (unattended retail)",
    "共享经济 (sharing economy)",
    "预制菜 (ready-made meals)",
    "智能制造 (smart manufacturing pilot)",
];

/// Abnormal-operations reasons, 企业信息公示暂行条例 Art. 17 and the listing rules (RULES.md §3.6).
const ABNORMAL_REASONS: [&str; 3] = [
    "未按照规定的期限公示年度报告（企业信息公示暂行条例第十七条）",
    "通过登记的住所或者经营场所无法联系",
    "未在责令的期限内公示有关企业信息",
];

fn day(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn date(n: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n as i32).expect("generated dates are in range")
}

/// Per-spec state shared by all rows (keys and precomputed dates).
#[derive(Debug, Clone)]
pub(crate) struct Generator<'a> {
    spec: &'a CountySpec,
    key: u64,
    codes: CodePermutation,
    as_of: i64,
    five_years_ago: i64,
    three_years_ago: i64,
    reform: i64,
    earliest: i64,
}

impl<'a> Generator<'a> {
    pub(crate) fn new(spec: &'a CountySpec) -> Self {
        let back = |m| {
            day(spec
                .as_of
                .checked_sub_months(Months::new(m))
                .expect("as_of validated"))
        };
        let reform = day(NaiveDate::from_ymd_opt(2014, 3, 1).expect("valid"));
        let as_of = day(spec.as_of);
        Generator {
            spec,
            key: Stream::key(spec.seed, mix::Domain::Entity),
            codes: CodePermutation::new(spec.seed),
            as_of,
            five_years_ago: back(60),
            three_years_ago: back(36),
            reform: reform.min(as_of),
            earliest: day(EARLIEST_REGISTRATION),
        }
    }

    /// The USCC of row `i` of the given kind.
    fn uscc(&self, i: u64, kind: EntityKind) -> Uscc {
        assert!(i < CODE_SPACE, "row {i} is beyond the code space");
        let mut v = self.codes.apply(i);
        let mut s = [0u8; 17];
        s[0] = b'9';
        s[1] = match kind {
            EntityKind::Enterprise => b'1',
            EntityKind::FarmersCooperative => b'3',
            _ => b'2',
        };
        s[2..8].copy_from_slice(self.spec.region.as_str().as_bytes());
        s[8] = b'M';
        s[9] = b'A';
        for k in (10..16).rev() {
            s[k] = CHARSET[(v % 31) as usize];
            v /= 31;
        }
        let body = std::str::from_utf8(&s[8..16]).expect("ASCII");
        s[16] = organisation_check_character(body).expect("charset is a subset of 0-9A-Z") as u8;
        Uscc::with_check_character(std::str::from_utf8(&s).expect("ASCII"))
            .expect("generated codes are well-formed")
    }

    pub(crate) fn row(&self, i: u64) -> SyntheticEntity {
        let spec = self.spec;
        let sh = &spec.shares;
        let mut r = Stream::at(self.key, i);

        let kind = r.pick(&sh.kinds);
        let uscc = self.uscc(i, kind);
        let township_ix = r
            .pick_index(
                spec.townships.iter().map(|t| t.weight),
                spec.townships.len(),
            )
            .expect("townships validated non-empty");
        let township = &spec.townships[township_ix].name;

        // Business lines, premises and equipment.
        let main: Line = r.pick(sh.lines_for(kind));
        let mut industries: Vec<Industry> = main.into_iter().collect();
        let add = |v: &mut Vec<Industry>, x: Industry| {
            if !v.contains(&x) {
                v.push(x);
            }
        };
        let premises = premises_for(&mut r, kind, main);
        let factory = premises == Premises::Factory;
        match main {
            Some(Industry::DrugRetail) if r.chance(sh.devices_in_pharmacies) => {
                add(&mut industries, Industry::MedicalDeviceTrade)
            }
            Some(Industry::FoodSales) if r.chance(sh.cosmetics_in_food_shops) => {
                add(&mut industries, Industry::CosmeticsTrade)
            }
            Some(Industry::HazardousChemicalProduction)
                if r.chance(sh.storage_at_chemical_plants) =>
            {
                add(&mut industries, Industry::HazardousChemicalStorage)
            }
            _ => {}
        }
        if main != Some(Industry::SpecialEquipmentUse)
            && (premises == Premises::Mall || (factory && r.chance(sh.equipment_in_factories)))
        {
            add(&mut industries, Industry::SpecialEquipmentUse);
        }
        let equipment = if industries.contains(&Industry::SpecialEquipmentUse) {
            equipment_for(&mut r, premises)
        } else {
            Vec::new()
        };

        // Dates and status.
        let registered = if r.chance(sh.registered_since_2014) {
            r.between(self.reform, self.as_of)
        } else {
            r.between(self.earliest, self.reform.max(self.earliest))
        };
        let registered_on = date(registered);
        let status = r.pick(&sh.statuses);
        let tolerance = (registered >= self.three_years_ago
            && status == EntityStatus::Operating
            && r.chance(sh.tolerance_among_recent))
        .then(|| TolerancePeriod {
            from: registered_on,
            to: registered_on
                .checked_add_months(Months::new(24))
                .expect("in range"),
            reason: (*r.choose(&NEW_FORMATS)).to_owned(),
        });

        // Penalties.
        let mut penalties = Vec::new();
        let window = self.five_years_ago.max(registered);
        let risky = industries
            .iter()
            .any(|x| x.domain() != Domain::ProductQuality);
        let p = if risky {
            sh.penalised * sh.high_risk_factor
        } else {
            sh.penalised
        };
        let mut serial = i * 8;
        let individual = kind == EntityKind::IndividualBusiness;
        let mut push = |r: &mut Stream, d: i64, pk: PenaltyKind, dept: &str| {
            let decided_on = date(d);
            let amount_cny = match pk {
                PenaltyKind::Fine if individual => Some(r.log_uniform(200, 50_000, 100)),
                PenaltyKind::Fine => Some(r.log_uniform(1_000, 500_000, 100)),
                PenaltyKind::Confiscation => Some(r.log_uniform(100, 100_000, 1)),
                _ => None,
            };
            serial += 1;
            penalties.push(PenaltyRecord {
                uscc,
                decided_on,
                department: dept.to_owned(),
                kind: pk,
                amount_cny,
                decision_no: format!(
                    "{}〔{}〕{}号",
                    decision_prefix(dept),
                    decided_on.year(),
                    serial
                ),
            });
        };
        if r.chance(p.min(1.0)) {
            let n = match r.below(100) {
                0..70 => 1,
                70..90 => 2,
                90..97 => 3,
                _ => 4,
            };
            for _ in 0..n {
                let d = r.between(window, self.as_of);
                let k = r.pick(&sh.penalty_kinds);
                let dept = department_for(&mut r, main, premises);
                push(&mut r, d, k, dept);
            }
        }
        if status == EntityStatus::Revoked {
            // 吊销营业执照 is itself an Art. 9 item 3 penalty by market regulation.
            let d = r.between(
                registered.max(self.earliest + 365).min(self.as_of),
                self.as_of,
            );
            push(
                &mut r,
                d,
                PenaltyKind::LicenceRevocation,
                "market_regulation",
            );
        }
        penalties.sort_by(|a, b| {
            a.decided_on
                .cmp(&b.decided_on)
                .then(a.decision_no.cmp(&b.decision_no))
        });
        let last_penalty_on = penalties.last().map(|p| p.decided_on);

        // Lists and credit class.
        let mut lists = Vec::new();
        if r.chance(sh.abnormal_operations) {
            // Annual reports are due by 30 June (Art. 8); listing follows in July–August.
            let first_year = (registered_on.year() + 1).max(spec.as_of.year() - 5);
            let last_year = if spec.as_of.ordinal() > 243 {
                spec.as_of.year()
            } else {
                spec.as_of.year() - 1
            };
            if first_year <= last_year {
                let y = r.between(i64::from(first_year), i64::from(last_year)) as i32;
                let since = NaiveDate::from_ymd_opt(y, 7, 1).expect("valid")
                    + chrono::Days::new(r.below(62));
                let until = r
                    .chance(sh.abnormal_removed)
                    .then(|| since + chrono::Days::new(20 + r.below(700)))
                    .filter(|u| *u <= spec.as_of);
                lists.push(ListMembership {
                    list: CreditList::AbnormalOperations,
                    since,
                    until,
                    reason: (*r.choose(&ABNORMAL_REASONS)).to_owned(),
                });
            }
        }
        let abnormal_now = lists.iter().any(|m| m.in_force_on(spec.as_of));
        let recent_penalty = last_penalty_on.is_some_and(|d| day(d) > self.three_years_ago);
        let flagged = recent_penalty || abnormal_now || status == EntityStatus::Revoked;
        let table = if flagged {
            &sh.credit_flagged
        } else {
            &sh.credit_clean
        };
        let class_ix = r
            .pick_index(table.iter().map(|c| c.1), table.len())
            .expect("validated non-empty");
        let class = table[class_ix].0.clone();
        if class == "D" && r.chance(sh.serious_dishonesty_among_d) {
            // SAMR Order 44 Art. 2: a heavier penalty (较重行政处罚: revocation,
            // downgrade, business restriction or halt, …; an ordinary fine is
            // not one), or three years on the abnormal list.
            let basis = penalties
                .iter()
                .rev()
                .find(|p| {
                    matches!(
                        p.kind,
                        PenaltyKind::LicenceSuspension
                            | PenaltyKind::LicenceRevocation
                            | PenaltyKind::BusinessRestriction
                    )
                })
                .map(|p| {
                    (
                        p.decided_on + chrono::Days::new(30),
                        "因违法行为受到较重行政处罚（市场监督管理严重违法失信名单管理办法）",
                    )
                })
                .or_else(|| {
                    lists.first().filter(|m| m.until.is_none()).map(|m| {
                        (
                            m.since
                                .checked_add_months(Months::new(36))
                                .expect("in range"),
                            "列入经营异常名录届满三年仍未履行相关义务",
                        )
                    })
                })
                .filter(|(d, _)| *d <= spec.as_of);
            if let Some((since, reason)) = basis {
                lists.push(ListMembership {
                    list: CreditList::SeriousDishonesty,
                    since,
                    until: None,
                    reason: reason.to_owned(),
                });
            }
        }

        let name = names::name(&mut r, &spec.place_name, township, kind, main, premises);
        SyntheticEntity {
            index: i,
            entity: MarketEntity {
                uscc,
                name,
                kind,
                region: spec.region,
                township: Some(township.clone()),
                industries,
                registered_on,
                status,
                tolerance,
            },
            credit: CreditProfile {
                uscc,
                class,
                last_penalty_on,
                lists,
            },
            penalties,
            premises,
            equipment,
        }
    }
}

fn premises_for(r: &mut Stream, kind: EntityKind, main: Line) -> Premises {
    use Industry::*;
    use Premises::*;
    let enterprise = kind == EntityKind::Enterprise;
    match main {
        None if kind == EntityKind::FarmersCooperative => Farm,
        None if enterprise => Office,
        None => Shop,
        Some(
            FoodProduction | IndustrialProducts | HazardousChemicalProduction | DrugManufacturing,
        ) => Factory,
        Some(FoodSales) if enterprise => {
            *r.choose(&[Supermarket, Supermarket, Supermarket, Mall, Office])
        }
        Some(FoodSales) if kind == EntityKind::FarmersCooperative => Farm,
        Some(FoodSales) => *r.choose(&[Shop, Shop, Shop, Supermarket]),
        Some(Catering) => Restaurant,
        Some(DrugRetail) => Pharmacy,
        Some(DrugWholesale | HazardousChemicalStorage) => Warehouse,
        Some(MedicalDeviceTrade | CosmeticsTrade) => Shop,
        Some(HazardousChemicalTrade) if enterprise => {
            *r.choose(&[FillingStation, FillingStation, Office, Warehouse])
        }
        Some(HazardousChemicalTrade) => Shop,
        Some(SpecialEquipmentUse) if !enterprise => Bathhouse,
        Some(SpecialEquipmentUse) => r.pick(&[
            (Mall, 0.15),
            (Hotel, 0.15),
            (Hospital, 0.10),
            (School, 0.10),
            (ResidentialEstate, 0.25),
            (Warehouse, 0.15),
            (Factory, 0.10),
        ]),
        // Lines the SDK adds later: the generator draws only those of its
        // shares tables.
        Some(_) => Shop,
    }
}

fn equipment_for(r: &mut Stream, premises: Premises) -> Vec<Equipment> {
    use Equipment::*;
    let mut v = match premises {
        Premises::Mall | Premises::ResidentialEstate => vec![Elevator],
        Premises::Hotel | Premises::School => vec![Elevator, Boiler],
        Premises::Hospital => vec![Elevator, Boiler, PressureVessel],
        Premises::Bathhouse => vec![Boiler],
        Premises::Warehouse => vec![FactoryVehicle],
        _ => Vec::new(),
    };
    if premises == Premises::Factory || premises == Premises::Warehouse {
        for (e, p) in [
            (Boiler, 0.4),
            (PressureVessel, 0.5),
            (PressurePipeline, 0.2),
            (Crane, 0.3),
            (FactoryVehicle, 0.5),
        ] {
            if r.chance(p) && !v.contains(&e) {
                v.push(e);
            }
        }
        if v.is_empty() {
            v.push(PressureVessel);
        }
    }
    if v.is_empty() {
        v.push(Elevator);
    }
    v
}

/// Which department decided a penalty, by main line and premises (assumed).
fn department_for(r: &mut Stream, main: Line, premises: Premises) -> &'static str {
    use Industry::*;
    let u = r.below(100);
    match main {
        Some(HazardousChemicalProduction | HazardousChemicalStorage | HazardousChemicalTrade) => {
            match u {
                0..60 => "emergency_management",
                60..75 => "ecology_environment",
                75..85 => "transport",
                _ => "market_regulation",
            }
        }
        Some(FoodProduction | IndustrialProducts) => match u {
            0..70 => "market_regulation",
            70..85 => "ecology_environment",
            _ => "emergency_management",
        },
        None if premises == Premises::Farm => match u {
            0..70 => "agriculture_rural",
            70..85 => "ecology_environment",
            _ => "market_regulation",
        },
        None if premises == Premises::Shop => match u {
            0..75 => "market_regulation",
            75..85 => "health", // public-place hygiene: barbers, beauty salons
            85..95 => "culture_tourism",
            _ => "transport",
        },
        _ if matches!(
            premises,
            Premises::Hotel | Premises::Bathhouse | Premises::Hospital
        ) =>
        {
            match u {
                0..50 => "health",
                50..85 => "market_regulation",
                _ => "culture_tourism",
            }
        }
        None => match u {
            0..70 => "market_regulation",
            70..80 => "ecology_environment",
            80..90 => "transport",
            _ => "emergency_management",
        },
        _ => "market_regulation",
    }
}
