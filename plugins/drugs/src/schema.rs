//! The facts each operation reads, the codes of text facts, and strict
//! readers that name the row and fact of a bad value.

use jianguan_plugin::{FactKind, FactSpec, Facts, PluginError, RString, Schemas};

/// What kind of regulated enterprise a row is, as the inspection-frequency
/// rules sort them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Maker of narcotics, class-I psychotropics or drug-type precursors.
    SpecialControlMaker,
    /// Maker of vaccines, blood products, radioactive, toxic or sterile drugs.
    HighRiskMaker,
    /// Any other drug maker.
    OtherDrugMaker,
    /// Supplier of APIs, excipients or packaging in direct contact with drugs.
    MaterialSupplier,
    /// Maker of devices on the 重点监管产品目录.
    DeviceKeyProductMaker,
    /// Any other device registrant, filer or contract maker.
    DeviceOtherMaker,
    /// Device trader (wholesale or retail).
    DeviceTrader,
    /// Drug wholesaler.
    DrugWholesaler,
    /// Drug retailer.
    DrugRetailer,
    /// Cosmetics producer or trader.
    CosmeticsOperator,
}

/// The accepted codes of `category`, in [`Category`] order.
pub const CATEGORIES: [&str; 10] = [
    "special_control_drug_maker",
    "high_risk_drug_maker",
    "other_drug_maker",
    "drug_material_supplier",
    "device_key_product_maker",
    "device_other_maker",
    "device_trader",
    "drug_wholesaler",
    "drug_retailer",
    "cosmetics_operator",
];

const ALL: [Category; 10] = [
    Category::SpecialControlMaker,
    Category::HighRiskMaker,
    Category::OtherDrugMaker,
    Category::MaterialSupplier,
    Category::DeviceKeyProductMaker,
    Category::DeviceOtherMaker,
    Category::DeviceTrader,
    Category::DrugWholesaler,
    Category::DrugRetailer,
    Category::CosmeticsOperator,
];

impl Category {
    /// Whether the device self-inspection report applies (Order 53 Art. 45
    /// for makers, Order 54 Art. 44 for traders).
    pub fn is_device(self) -> bool {
        matches!(
            self,
            Self::DeviceKeyProductMaker | Self::DeviceOtherMaker | Self::DeviceTrader
        )
    }
}

/// Reads the category of `row`.
///
/// # Errors
/// `InvalidFacts` naming the row, fact and token.
pub fn category(facts: &Facts<'_, RString>, row: usize) -> Result<Category, PluginError> {
    let code = facts.required(row, "category")?.as_str();
    CATEGORIES
        .iter()
        .position(|c| *c == code)
        .map(|i| ALL[i])
        .ok_or_else(|| PluginError::unknown_code(row, "category", code, &CATEGORIES))
}

/// The product of a referral case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Product {
    /// 药品.
    Drug,
    /// 医疗器械、医用卫生材料.
    Device,
    /// 化妆品.
    Cosmetic,
}

/// The accepted codes of `product`.
pub const PRODUCTS: [&str; 3] = ["drug", "device", "cosmetic"];

/// Reads the product of `row`.
///
/// # Errors
/// `InvalidFacts` naming the row, fact and token.
pub fn product(facts: &Facts<'_, RString>, row: usize) -> Result<Product, PluginError> {
    match facts.required(row, "product")?.as_str() {
        "drug" => Ok(Product::Drug),
        "device" => Ok(Product::Device),
        "cosmetic" => Ok(Product::Cosmetic),
        code => Err(PluginError::unknown_code(row, "product", code, &PRODUCTS)),
    }
}

/// The state of a fact that needs a determination (检验、认定) first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tested {
    /// Not alleged.
    None,
    /// Alleged, not yet tested or determined.
    Suspected,
    /// Determined by a test conclusion or a regulator's opinion.
    Confirmed,
}

/// The accepted codes of a [`Tested`] fact.
pub const TESTED: [&str; 3] = ["none", "suspected", "confirmed"];

/// Reads an optional [`Tested`] fact (missing reads as `none`).
///
/// # Errors
/// `InvalidFacts` naming the row, fact and token.
pub fn tested(facts: &Facts<'_, RString>, row: usize, name: &str) -> Result<Tested, PluginError> {
    Ok(match facts.code(row, name, &TESTED)? {
        None | Some(0) => Tested::None,
        Some(1) => Tested::Suspected,
        Some(_) => Tested::Confirmed,
    })
}

/// The acts of Criminal Law Art. 142之一 para. 1, items (一)–(四).
pub const DRUG_ADMIN_ACTS: [&str; 5] = [
    "none",
    "banned_drug",
    "unapproved",
    "registration_fraud",
    "fabricated_records",
];

/// What each act is, in [`DRUG_ADMIN_ACTS`] order (index 0 unused): the
/// statute's words of Criminal Law Art. 142之一 para. 1 items (一)–(四),
/// quoted exactly (without the closing "；" / "。") from LawRefBook/Laws
/// `刑法/刑法.md`. RULES.md §6.3 read items (一)–(三) there; item (四) was
/// read in the same file for this plugin (LawRefBook commit 71f344a6), so
/// the Art. 142之一 citation stays SOLID.
pub const DRUG_ADMIN_ACT_TEXT: [&str; 5] = [
    "",
    "（一）生产、销售国务院药品监督管理部门禁止使用的药品的",
    "（二）未取得药品相关批准证明文件生产、进口药品或者明知是上述药品而销售的",
    "（三）药品申请注册中提供虚假的证明、数据、资料、样品或者采取其他欺骗手段的",
    "（四）编造生产、检验记录的",
];

/// Reads the optional Art. 142之一 act (0 = none).
///
/// # Errors
/// `InvalidFacts` naming the row, fact and token.
pub fn drug_admin_act(facts: &Facts<'_, RString>, row: usize) -> Result<usize, PluginError> {
    Ok(facts
        .code(row, "drug_admin_act", &DRUG_ADMIN_ACTS)?
        .unwrap_or(0))
}

/// Reads an amount (≥ 0, finite); missing is `None`.
///
/// # Errors
/// `InvalidFacts` naming the row and fact when negative or not finite.
pub fn amount(facts: &Facts<'_, f64>, row: usize, name: &str) -> Result<Option<f64>, PluginError> {
    match facts.get(row) {
        None => Ok(None),
        Some(&v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        Some(&v) => Err(PluginError::invalid_facts(format!(
            "row {row}: fact `{name}` = {v} must be a non-negative amount"
        ))),
    }
}

/// The three fact schemas.
pub fn schemas() -> Schemas {
    use FactKind::{Date, Flag, Integer, Number, Text};
    let opt = FactSpec::optional;
    let req = FactSpec::required;
    let category = "企业类别：special_control_drug_maker 麻醉药品、第一类精神药品、药品类易制毒化学品生产企业；high_risk_drug_maker 疫苗、血液制品、放射性药品、医疗用毒性药品、无菌药品生产企业；other_drug_maker 其他药品生产企业；drug_material_supplier 原料、辅料、直接接触药品的包装材料和容器供应商；device_key_product_maker 生产重点监管产品目录品种的医疗器械企业；device_other_maker 其他医疗器械注册人、备案人、受托生产企业；device_trader 医疗器械经营企业；drug_wholesaler 药品批发企业；drug_retailer 药品零售企业；cosmetics_operator 化妆品生产经营者";
    Schemas {
        grading: vec![
            req("category", Text, category).allowed(&CATEGORIES),
            opt("bad_credit_record", Flag, "信用档案中有不良信用记录（医疗器械：应当增加监督检查频次）"),
        ],
        duties: vec![
            req("category", Text, category).allowed(&CATEGORIES),
            req("licensed_on", Date, "取得生产、经营许可或备案日期；尚无检查时检查周期自此起算，首份自查报告所属年度为该日期所在年度"),
            opt("last_inspection", Date, "最近一次监督检查（药品为 GMP 符合性检查）日期"),
            opt("last_self_report_year", Integer, "已提交的最近一份医疗器械质量管理体系年度自查报告所属年度").min(1900.0),
        ],
        referral: vec![
            req("product", Text, "涉案产品：drug 药品；device 医疗器械、医用卫生材料；cosmetic 化妆品").allowed(&PRODUCTS),
            req("sales_cny", Number, "销售金额（元）；未售出为 0").unit("CNY").min(0.0),
            opt("unsold_value_cny", Number, "尚未销售的货值金额（元）").unit("CNY").min(0.0),
            opt("counterfeit_drug", Text, "假药：none；suspected 尚未经检验或认定；confirmed 经质量检验结论或地市级以上药监部门认定意见认定").allowed(&TESTED),
            opt("substandard_drug", Text, "劣药：none；suspected；confirmed").allowed(&TESTED),
            opt("drug_admin_act", Text, "刑法第一百四十二条之一第一款所列行为：none；banned_drug（一）；unapproved（二）；registration_fraud（三）；fabricated_records（四）").allowed(&DRUG_ADMIN_ACTS),
            opt("device_below_standard", Flag, "医疗器械、医用卫生材料不符合保障人体健康的国家标准、行业标准"),
            opt("endangers_health", Text, "“足以严重危害人体健康”（第一百四十二条之一、第一百四十五条）：none；suspected 尚待检验或认定；confirmed 已认定").allowed(&TESTED),
            opt("cosmetic_below_standard", Flag, "化妆品不符合卫生标准"),
            opt("serious_consequences", Flag, "化妆品造成严重后果（第一百四十八条）"),
            opt("serious_harm", Flag, "对人体健康造成严重危害：轻伤或重伤、轻度或中度残疾、器官组织损伤导致功能障碍（2022年解释第二条）"),
            opt("aggravating_type", Flag, "2022年解释第一条情形：以孕产妇、儿童或危重病人为主要使用对象；麻醉药品、精神药品、医疗用毒性药品、放射性药品、生物制品；注射剂或急救药品；用于应对突发事件；药品使用单位内部生产"),
        ],
    }
}
