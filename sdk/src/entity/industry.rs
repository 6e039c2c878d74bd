//! Business lines (行业) that decide which industry rules and supervision
//! items apply to an entity. The four plugin domains (food; drugs, medical
//! devices and cosmetics; special equipment; hazardous chemicals) are split
//! into the lines their regulations treat differently.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A supervised business line. An entity may have several; a general
/// enterprise has none of these and is supervised through the items that
/// apply to every market entity (registration, publicity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "an industry id text")]
#[non_exhaustive]
pub enum Industry {
    /// 食品生产: food production (licensed under 食品安全法 Art. 35).
    FoodProduction,
    /// 食品销售: food sales.
    FoodSales,
    /// 餐饮服务: catering.
    Catering,
    /// 药品生产: drug manufacturing.
    DrugManufacturing,
    /// 药品批发: drug wholesale.
    DrugWholesale,
    /// 药品零售: drug retail (pharmacies).
    DrugRetail,
    /// 医疗器械经营: medical-device trade.
    MedicalDeviceTrade,
    /// 化妆品经营: cosmetics trade.
    CosmeticsTrade,
    /// 特种设备使用: use of special equipment (elevators, boilers, pressure vessels, …).
    SpecialEquipmentUse,
    /// 危险化学品生产: hazardous-chemical production.
    HazardousChemicalProduction,
    /// 危险化学品储存: hazardous-chemical storage.
    HazardousChemicalStorage,
    /// 危险化学品经营: hazardous-chemical trade.
    HazardousChemicalTrade,
    /// 工业产品生产: industrial-product manufacturing (product-quality supervision).
    IndustrialProducts,
}

/// The plugin domain an industry's rules come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "a domain id text")]
#[non_exhaustive]
pub enum Domain {
    /// 食品.
    Food,
    /// 药品、医疗器械、化妆品.
    Drugs,
    /// 特种设备.
    SpecialEquipment,
    /// 危险化学品.
    HazardousChemicals,
    /// 工业产品质量 (no plugin; general market-supervision rules).
    ProductQuality,
}

const ALL: &[(Industry, &str, &str, &str)] = &[
    (
        Industry::FoodProduction,
        "food_production",
        "食品生产",
        "food production",
    ),
    (Industry::FoodSales, "food_sales", "食品销售", "food sales"),
    (Industry::Catering, "catering", "餐饮服务", "catering"),
    (
        Industry::DrugManufacturing,
        "drug_manufacturing",
        "药品生产",
        "drug manufacturing",
    ),
    (
        Industry::DrugWholesale,
        "drug_wholesale",
        "药品批发",
        "drug wholesale",
    ),
    (
        Industry::DrugRetail,
        "drug_retail",
        "药品零售",
        "drug retail",
    ),
    (
        Industry::MedicalDeviceTrade,
        "medical_device_trade",
        "医疗器械经营",
        "medical-device trade",
    ),
    (
        Industry::CosmeticsTrade,
        "cosmetics_trade",
        "化妆品经营",
        "cosmetics trade",
    ),
    (
        Industry::SpecialEquipmentUse,
        "special_equipment_use",
        "特种设备使用",
        "special-equipment use",
    ),
    (
        Industry::HazardousChemicalProduction,
        "hazardous_chemical_production",
        "危险化学品生产",
        "hazardous-chemical production",
    ),
    (
        Industry::HazardousChemicalStorage,
        "hazardous_chemical_storage",
        "危险化学品储存",
        "hazardous-chemical storage",
    ),
    (
        Industry::HazardousChemicalTrade,
        "hazardous_chemical_trade",
        "危险化学品经营",
        "hazardous-chemical trade",
    ),
    (
        Industry::IndustrialProducts,
        "industrial_products",
        "工业产品生产",
        "industrial-product manufacturing",
    ),
];

impl Industry {
    /// Every industry, in declaration order.
    pub fn all() -> impl Iterator<Item = Industry> {
        ALL.iter().map(|r| r.0)
    }
    fn row(self) -> &'static (Industry, &'static str, &'static str, &'static str) {
        ALL.iter()
            .find(|r| r.0 == self)
            .expect("every industry is listed")
    }
    /// The snake_case identifier used in files and on the command line.
    pub fn id(self) -> &'static str {
        self.row().1
    }
    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        self.row().2
    }
    /// English name.
    pub fn name_en(self) -> &'static str {
        self.row().3
    }
    /// The plugin domain whose rules apply.
    pub fn domain(self) -> Domain {
        use Industry::*;
        match self {
            FoodProduction | FoodSales | Catering => Domain::Food,
            DrugManufacturing | DrugWholesale | DrugRetail | MedicalDeviceTrade
            | CosmeticsTrade => Domain::Drugs,
            SpecialEquipmentUse => Domain::SpecialEquipment,
            HazardousChemicalProduction | HazardousChemicalStorage | HazardousChemicalTrade => {
                Domain::HazardousChemicals
            }
            IndustrialProducts => Domain::ProductQuality,
        }
    }
}

const DOMAINS: &[(Domain, &str)] = &[
    (Domain::Food, "food"),
    (Domain::Drugs, "drugs"),
    (Domain::SpecialEquipment, "special_equipment"),
    (Domain::HazardousChemicals, "hazardous_chemicals"),
    (Domain::ProductQuality, "product_quality"),
];

impl Domain {
    /// The snake_case identifier used in files and on the command line.
    pub fn id(self) -> &'static str {
        DOMAINS
            .iter()
            .find(|r| r.0 == self)
            .expect("every domain is listed")
            .1
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An identifier that names no [`Domain`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown domain {0:?}; expected one of: {list}", list = DOMAINS.iter().map(|r| r.1).collect::<Vec<_>>().join(", "))]
pub struct UnknownDomain(pub String);

impl FromStr for Domain {
    type Err = UnknownDomain;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DOMAINS
            .iter()
            .find(|r| r.1 == s)
            .map(|r| r.0)
            .ok_or_else(|| UnknownDomain(s.to_owned()))
    }
}

impl fmt::Display for Industry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// An identifier that names no [`Industry`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown industry {0:?}; expected one of: {list}", list = ALL.iter().map(|r| r.1).collect::<Vec<_>>().join(", "))]
pub struct UnknownIndustry(pub String);

impl FromStr for Industry {
    type Err = UnknownIndustry;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ALL.iter()
            .find(|r| r.1 == s)
            .map(|r| r.0)
            .ok_or_else(|| UnknownIndustry(s.to_owned()))
    }
}
