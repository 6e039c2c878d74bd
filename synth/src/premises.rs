//! Premises types and special equipment, so that plugins can find the key
//! units of SAMR Order 57 Art. 9 (RULES.md §9.4) in synthetic data.

use serde::{Deserialize, Serialize};

/// The kind of place where a synthetic entity does business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Premises {
    /// 门店: a small shop.
    Shop,
    /// 超市: a supermarket.
    Supermarket,
    /// 商场: a shopping mall (an Order 57 Art. 9 key-unit type).
    Mall,
    /// 餐馆: a restaurant or snack bar.
    Restaurant,
    /// 药店: a pharmacy.
    Pharmacy,
    /// 办公场所: offices only.
    Office,
    /// 工厂 / 作坊: a factory or workshop.
    Factory,
    /// 仓库: a warehouse or logistics yard.
    Warehouse,
    /// 加油站: a filling station.
    FillingStation,
    /// 宾馆酒店: a hotel.
    Hotel,
    /// 医院: a (private) hospital (an Order 57 Art. 9 key-unit type).
    Hospital,
    /// 学校: a (private) school or training school (an Order 57 Art. 9 key-unit type).
    School,
    /// 住宅小区: a residential estate run by a property-management company.
    ResidentialEstate,
    /// 浴池: a bathhouse (typically with a boiler).
    Bathhouse,
    /// 农场 / 种养殖基地: farmland or a breeding farm.
    Farm,
}

impl Premises {
    /// The snake_case identifier used in files.
    pub fn id(self) -> &'static str {
        use Premises::*;
        match self {
            Shop => "shop",
            Supermarket => "supermarket",
            Mall => "mall",
            Restaurant => "restaurant",
            Pharmacy => "pharmacy",
            Office => "office",
            Factory => "factory",
            Warehouse => "warehouse",
            FillingStation => "filling_station",
            Hotel => "hotel",
            Hospital => "hospital",
            School => "school",
            ResidentialEstate => "residential_estate",
            Bathhouse => "bathhouse",
            Farm => "farm",
        }
    }

    /// Whether the premises type is among the crowded public places listed as
    /// key units (重点单位) in SAMR Order 57 Art. 9 item 1 (schools,
    /// kindergartens, hospitals, stations, malls, …). Whether an entity *is*
    /// a key unit is for the special-equipment plugin to decide: items 2–4
    /// (accidents, complaints) depend on history.
    pub fn is_order57_public_place(self) -> bool {
        matches!(self, Premises::Mall | Premises::School | Premises::Hospital)
    }
}

/// A category of special equipment (特种设备, 特种设备安全法 Art. 2) used on the premises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Equipment {
    /// 电梯 (including escalators).
    Elevator,
    /// 锅炉.
    Boiler,
    /// 压力容器 (including gas cylinders).
    PressureVessel,
    /// 压力管道.
    PressurePipeline,
    /// 起重机械.
    Crane,
    /// 场（厂）内专用机动车辆 (forklifts and the like).
    FactoryVehicle,
}

impl Equipment {
    /// The snake_case identifier used in files.
    pub fn id(self) -> &'static str {
        match self {
            Equipment::Elevator => "elevator",
            Equipment::Boiler => "boiler",
            Equipment::PressureVessel => "pressure_vessel",
            Equipment::PressurePipeline => "pressure_pipeline",
            Equipment::Crane => "crane",
            Equipment::FactoryVehicle => "factory_vehicle",
        }
    }
}
