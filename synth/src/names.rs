//! Plausible, invented Chinese business names.
//!
//! Enterprises: `{place}{字号}{行业}有限公司` or `青岛{字号}{行业}有限公司`;
//! individual businesses: `{place}{镇/街道}{字号}{业态}`; cooperatives:
//! `{place}{镇}{字号}{产品}专业合作社` — the shapes of the 企业名称登记管理规定
//! (administrative division + trade name + line + form). Names are not unique.

use super::mix::Stream;
use super::premises::Premises;
use super::shares::Line;
use jianguan::entity::{EntityKind, Industry};

const TRADE_CHARS: [&str; 40] = [
    "鑫", "恒", "金", "永", "宏", "瑞", "福", "顺", "盛", "天", "德", "聚", "和", "嘉", "泰", "兴",
    "万", "佳", "益", "康", "润", "东", "诚", "广", "昌", "富", "大", "新", "明", "正", "博", "华",
    "源", "达", "丰", "隆", "成", "信", "远", "安",
];

pub(crate) const SURNAMES: [&str; 20] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "于", "马", "高", "林",
    "郭", "姜", "崔", "綦",
];

fn one(r: &mut Stream, items: &[&'static str]) -> &'static str {
    items[r.below(items.len() as u64) as usize]
}

fn trade_name(r: &mut Stream) -> String {
    let a = r.below(40) as usize;
    let b = (a + 1 + r.below(39) as usize) % 40; // never the same character twice
    format!("{}{}", TRADE_CHARS[a], TRADE_CHARS[b])
}

fn shop_trade_name(r: &mut Stream) -> String {
    let s = r.choose(&SURNAMES);
    match r.below(4) {
        0 => format!("{s}记"),
        1 => format!("老{s}"),
        2 => format!("{s}家"),
        _ => trade_name(r),
    }
}

/// Enterprise line word (行业表述) for a main line and premises.
fn enterprise_line(r: &mut Stream, main: Line, premises: Premises) -> &'static str {
    use Industry::*;
    match (main, premises) {
        (None, _) => one(
            r,
            &[
                "商贸",
                "建筑工程",
                "科技",
                "物流",
                "农业发展",
                "装饰工程",
                "劳务服务",
                "网络科技",
                "机械设备",
                "房地产经纪",
                "广告传媒",
                "汽车销售",
            ],
        ),
        (Some(FoodProduction), _) => {
            one(r, &["食品", "花生制品", "面粉", "肉制品", "酒业", "饮品"])
        }
        (Some(FoodSales), Premises::Mall) => "购物广场",
        (Some(FoodSales), Premises::Supermarket) => "超市",
        (Some(FoodSales), _) => "食品贸易",
        (Some(Catering), _) => one(r, &["餐饮管理", "餐饮服务", "酒店管理"]),
        (Some(DrugRetail), _) => "大药房",
        (Some(DrugWholesale | DrugManufacturing), _) => "医药",
        (Some(MedicalDeviceTrade), _) => "医疗器械",
        (Some(CosmeticsTrade), _) => "化妆品",
        (Some(SpecialEquipmentUse), Premises::Mall) => "商业管理",
        (Some(SpecialEquipmentUse), Premises::Hotel) => "大酒店",
        (Some(SpecialEquipmentUse), Premises::Hospital) => "医院",
        (Some(SpecialEquipmentUse), Premises::School) => "职业培训学校",
        (Some(SpecialEquipmentUse), Premises::ResidentialEstate) => "物业管理",
        (Some(SpecialEquipmentUse), Premises::Warehouse) => "仓储物流",
        (Some(SpecialEquipmentUse), _) => "热力",
        (Some(HazardousChemicalProduction), _) => one(r, &["化工", "新材料", "精细化工"]),
        (Some(HazardousChemicalStorage), _) => "化工仓储",
        (Some(HazardousChemicalTrade), Premises::FillingStation) => "石油",
        (Some(HazardousChemicalTrade), _) => one(r, &["化工贸易", "燃气"]),
        (Some(IndustrialProducts), _) => one(
            r,
            &[
                "机械",
                "橡胶制品",
                "塑料制品",
                "电子",
                "服装",
                "包装",
                "建材",
                "石墨",
                "滑石",
                "五金",
                "工艺品",
            ],
        ),
        // Lines the SDK adds later: the generator draws only those of its
        // shares tables.
        (Some(_), _) => "商贸",
    }
}

/// Individual-business shop word (业态 + 组织形式).
fn shop_line(r: &mut Stream, main: Line, premises: Premises) -> &'static str {
    use Industry::*;
    match main {
        None => one(
            r,
            &[
                "理发店",
                "服装店",
                "五金店",
                "家电维修部",
                "手机店",
                "洗车行",
                "建材店",
                "美容店",
                "农资店",
                "电动车行",
            ],
        ),
        Some(FoodSales) if premises == Premises::Supermarket => "超市",
        Some(FoodSales) => one(
            r,
            &["便利店", "食品店", "副食店", "水果店", "粮油店", "超市"],
        ),
        Some(Catering) => one(r, &["饭店", "面馆", "快餐店", "烧烤店", "饺子馆", "包子铺"]),
        Some(FoodProduction) => one(r, &["馒头坊", "豆腐坊", "花生油坊", "熟食加工部"]),
        Some(DrugRetail) => one(r, &["药店", "大药房"]),
        Some(MedicalDeviceTrade) => "医疗器械店",
        Some(CosmeticsTrade) => one(r, &["化妆品店", "美妆店"]),
        Some(SpecialEquipmentUse) => "浴池",
        Some(HazardousChemicalTrade) => "化工商店",
        Some(IndustrialProducts) => one(r, &["加工厂", "五金加工部", "木器厂", "服装加工部"]),
        Some(_) => "经营部",
    }
}

fn cooperative_product(r: &mut Stream, main: Line) -> &'static str {
    match main {
        None => one(
            r,
            &[
                "葡萄种植",
                "樱桃种植",
                "花生种植",
                "蔬菜种植",
                "生猪养殖",
                "肉鸡养殖",
                "农机",
                "土地股份",
            ],
        ),
        Some(Industry::FoodProduction) => one(r, &["花生加工", "粮食加工", "葡萄酒"]),
        Some(Industry::FoodSales) => one(r, &["果蔬购销", "粮食购销"]),
        Some(_) => one(r, &["农资", "草编"]),
    }
}

/// A plausible registered name.
pub(crate) fn name(
    r: &mut Stream,
    place: &str,
    township: &str,
    kind: EntityKind,
    main: Line,
    premises: Premises,
) -> String {
    match kind {
        EntityKind::Enterprise => {
            let t = trade_name(r);
            let line = enterprise_line(r, main, premises);
            let form = if r.chance(0.05) {
                "股份有限公司"
            } else {
                "有限公司"
            };
            if r.chance(0.3) {
                format!("青岛{t}{line}{form}")
            } else {
                format!("{place}{t}{line}{form}")
            }
        }
        EntityKind::FarmersCooperative => {
            let t = if r.chance(0.5) {
                trade_name(r)
            } else {
                String::new()
            };
            let p = cooperative_product(r, main);
            format!("{place}{township}{t}{p}专业合作社")
        }
        _ => {
            let t = shop_trade_name(r);
            let line = shop_line(r, main, premises);
            format!("{place}{township}{t}{line}")
        }
    }
}
