//! The synthetic inspector roster (执法检查人员名录库): who may be drawn
//! for an inspection, by department, team and qualification.

use serde::{Deserialize, Serialize};

use super::CountySpec;
use super::mix::{Domain, Stream};
use super::names::SURNAMES;
use jianguan::entity::{Industry, Uscc};

pub use jianguan::sampling::InspectorStatus;

/// One law-enforcement inspector of the synthetic roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedInspector {
    /// Roster id, `{area}-{dept code}-{serial}`, e.g. `370283-MR-0001`.
    pub id: String,
    /// Name (invented).
    pub name: String,
    /// Department id, one of [`DEPARTMENTS`](super::DEPARTMENTS).
    pub department: String,
    /// Team or office (科室 / 大队 / 市场监管所).
    pub team: String,
    /// Business lines the inspector is qualified to inspect; empty means
    /// general registration and publicity checks only.
    pub qualifications: Vec<Industry>,
    /// Availability.
    pub status: InspectorStatus,
    /// Entities the inspector has declared a conflict of interest with (回避,
    /// 行政处罚法 Art. 43): about one inspector in ten, one or two entities
    /// of the county each (assumed shares).
    #[serde(default)]
    pub conflicts: Vec<Uscc>,
}

/// Assumed department shares of the roster, code, and teams.
const DEPARTMENT_SHARES: [(&str, &str, f64); 7] = [
    ("market_regulation", "MR", 0.55),
    ("emergency_management", "EM", 0.10),
    ("health", "HE", 0.08),
    ("agriculture_rural", "AR", 0.08),
    ("ecology_environment", "EE", 0.07),
    ("culture_tourism", "CT", 0.05),
    ("transport", "TR", 0.07),
];

/// Entities per inspector (assumed; the brief's "roughly 1 per 400–600").
pub const ENTITIES_PER_INSPECTOR: u64 = 500;

const GIVEN: [&str; 30] = [
    "伟", "芳", "娜", "敏", "静", "磊", "强", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞",
    "平", "刚", "辉", "鹏", "丽", "健", "波", "宁", "晓", "文", "海", "红", "建", "玉",
];

fn market_team(j: u64, spec: &CountySpec) -> (String, Vec<Industry>) {
    use Industry::*;
    // A fixed 20-slot pattern: 12 township offices, 3 food, 2 drugs,
    // 1 special equipment, 1 product quality, 1 registration and credit.
    match j % 20 {
        12..15 => (
            "食品安全监管科".into(),
            vec![FoodProduction, FoodSales, Catering],
        ),
        15..17 => (
            "药品医疗器械化妆品监管科".into(),
            vec![
                DrugManufacturing,
                DrugWholesale,
                DrugRetail,
                MedicalDeviceTrade,
                CosmeticsTrade,
            ],
        ),
        17 => ("特种设备安全监察科".into(), vec![SpecialEquipmentUse]),
        18 => ("产品质量监督科".into(), vec![IndustrialProducts]),
        19 => ("登记注册与信用监管科".into(), Vec::new()),
        _ => {
            let n = spec.townships.len() as u64;
            let t = &spec.townships[((j / 20 * 12 + j % 20) % n) as usize].name;
            (
                format!("{t}市场监管所"),
                vec![FoodSales, Catering, CosmeticsTrade],
            )
        }
    }
}

fn team(dept: &str, j: u64, spec: &CountySpec) -> (String, Vec<Industry>) {
    use Industry::*;
    match dept {
        "market_regulation" => market_team(j, spec),
        "emergency_management" if j.is_multiple_of(2) => (
            "危险化学品安全监管科".into(),
            vec![
                HazardousChemicalProduction,
                HazardousChemicalStorage,
                HazardousChemicalTrade,
            ],
        ),
        "emergency_management" => ("安全生产执法大队".into(), Vec::new()),
        "health" => ("卫生健康综合监督执法局".into(), Vec::new()),
        "agriculture_rural" => ("农业农村综合执法大队".into(), Vec::new()),
        "ecology_environment" => ("生态环境综合执法大队".into(), Vec::new()),
        "culture_tourism" => ("文化市场综合执法大队".into(), Vec::new()),
        _ => ("交通运输综合执法大队".into(), Vec::new()),
    }
}

/// The roster: `max(entities / 500, 7·3)` inspectors split over the
/// departments by assumed shares (market regulation 55 %, emergency
/// management 10 %, health 8 %, agriculture 8 %, ecology 7 %, transport 7 %,
/// culture and tourism 5 %; at least 3 each), 92 % active. Inspector `j` is a
/// pure function of `(seed, j)` and the counts.
pub(crate) fn roster(spec: &CountySpec) -> Vec<GeneratedInspector> {
    let total = (spec.entities / ENTITIES_PER_INSPECTOR).max(21);
    let key = Stream::key(spec.seed, Domain::Inspector);
    let mut out = Vec::with_capacity(total as usize);
    let mut global = 0u64;
    let entities = super::generate::Generator::new(spec);
    for (dept, code, share) in DEPARTMENT_SHARES {
        let n = ((total as f64 * share).round() as u64).max(3);
        for j in 0..n {
            let mut r = Stream::at(key, global);
            global += 1;
            let surname = r.choose(&SURNAMES);
            let given: String = (0..1 + r.below(2)).map(|_| *r.choose(&GIVEN)).collect();
            let (team, qualifications) = team(dept, j, spec);
            let status = if r.chance(0.92) {
                InspectorStatus::Active
            } else {
                InspectorStatus::OnLeave
            };
            // Drawn last from the inspector's own stream, so the fields
            // above are what they were before conflicts were generated.
            let conflicts = if r.chance(0.1) {
                (0..1 + r.below(2))
                    .map(|_| entities.row(r.below(spec.entities)).entity.uscc)
                    .collect()
            } else {
                Vec::new()
            };
            out.push(GeneratedInspector {
                id: format!("{}-{code}-{:04}", spec.region, j + 1),
                name: format!("{surname}{given}"),
                department: dept.into(),
                team,
                qualifications,
                status,
                conflicts,
            });
        }
    }
    out
}
