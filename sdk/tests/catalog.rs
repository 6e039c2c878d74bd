//! Tests of the supervision-item catalog: the default Pingdu catalog,
//! loading, validation and merging.

use jianguan::catalog::{
    ApprovalMode, CatalogError, CatalogFile, DepartmentId, InMemoryCatalog, InspectionCategory,
    ItemCatalog, ItemOrigin, MergeMode,
};
use jianguan::entity::{Domain, Industry};

mod fixtures;
use fixtures::*;

// ---- the default catalog ------------------------------------------------------

#[test]
fn default_catalog_has_the_56_source_items_and_3_supplements() {
    let c = InMemoryCatalog::pingdu_default();
    assert_eq!(c.len(), 59);
    let listed = c
        .items()
        .unwrap()
        .iter()
        .filter(|i| !i.code.starts_with("JG-"))
        .count();
    assert_eq!(listed, 56);
    let supplements: Vec<_> = c
        .items()
        .unwrap()
        .into_iter()
        .filter(|i| i.code.starts_with("JG-"))
        .collect();
    assert_eq!(supplements.len(), 3);
    assert!(
        supplements
            .iter()
            .all(|i| i.origin == ItemOrigin::StatuteDerived)
    );
}

#[test]
fn default_catalog_g01_fields() {
    let c = InMemoryCatalog::pingdu_default();
    let g01 = c.item("G-01").unwrap().unwrap();
    assert_eq!(g01.name, "营业执照(登记证)规范使用情况的检查");
    assert_eq!(g01.department.as_str(), "market_regulation");
    assert_eq!(g01.industry, None);
    assert!(g01.is_general());
    let first = &g01.legal_basis[0];
    assert_eq!(first.regulation, "市场主体登记管理条例");
    assert_eq!(first.article.as_deref(), Some("第三十八条"));
    assert!(!first.cited_by_list);
    assert_eq!(g01.random_inspection, Some(InspectionCategory::General));
    assert_eq!(g01.approval_mode, ApprovalMode::NotApplicable);
    assert_eq!(
        g01.source,
        "http://www.weishan.gov.cn/art/2024/9/4/art_37950_2751807.html"
    );
    assert!(g01.sample_ratio.as_deref().unwrap().starts_with("企业2%"));
}

#[test]
fn default_catalog_other_items() {
    let c = InMemoryCatalog::pingdu_default();
    let f01 = c.item("F-01").unwrap().unwrap();
    assert_eq!(f01.industry, Some(Industry::FoodProduction));
    assert_eq!(f01.random_inspection, Some(InspectionCategory::Key));
    assert!(f01.key_supervision);
    assert_eq!(f01.approval_mode, ApprovalMode::Separated);
    assert_eq!(
        f01.approving_department.as_ref().map(DepartmentId::as_str),
        Some("administrative_approval")
    );
    let order49 = f01
        .legal_basis
        .iter()
        .find(|c| c.number.as_deref() == Some("市场监管总局令第49号"))
        .unwrap();
    assert_eq!(order49.regulation, "食品生产经营监督检查管理办法");
    // Empty category in the source list stays unknown.
    assert_eq!(
        c.item("F-03").unwrap().unwrap().random_inspection,
        Some(InspectionCategory::Unknown)
    );
    // E-20 is a rule, not an item drawn at random.
    assert_eq!(c.item("E-20").unwrap().unwrap().random_inspection, None);
    assert_eq!(
        c.item("F-11").unwrap().unwrap().department.as_str(),
        "ethnic_religious_affairs"
    );
    assert_eq!(
        c.item("E-15").unwrap().unwrap().department.as_str(),
        "emergency_management"
    );
    assert_eq!(
        c.item("E-17").unwrap().unwrap().department.as_str(),
        "market_regulation"
    );
    assert_eq!(
        c.item("E-19").unwrap().unwrap().department.as_str(),
        "public_security"
    );
    assert_eq!(
        c.item("J-02").unwrap().unwrap().department.as_str(),
        "education"
    );
    let s03 = c.item("S-03").unwrap().unwrap();
    assert_eq!(
        (s03.industry, s03.domain),
        (None, Some(Domain::SpecialEquipment))
    );
}

#[test]
fn default_catalog_covers_the_four_plugin_domains() {
    let c = InMemoryCatalog::pingdu_default();
    let count = |i| c.items_for_industry(i).unwrap().len();
    assert_eq!(count(Industry::FoodProduction), 4);
    assert_eq!(count(Industry::FoodSales), 2);
    assert_eq!(count(Industry::Catering), 4);
    assert_eq!(count(Industry::DrugRetail), 1);
    assert_eq!(count(Industry::MedicalDeviceTrade), 1);
    assert_eq!(count(Industry::CosmeticsTrade), 1);
    assert_eq!(count(Industry::SpecialEquipmentUse), 3);
    assert_eq!(count(Industry::HazardousChemicalProduction), 1);
    assert_eq!(count(Industry::HazardousChemicalStorage), 1);
    assert_eq!(count(Industry::HazardousChemicalTrade), 1);
    assert_eq!(count(Industry::IndustrialProducts), 2);
    assert_eq!(c.items_for_domain(Domain::Food).unwrap().len(), 10);
    assert_eq!(c.items_for_domain(Domain::Drugs).unwrap().len(), 3);
    assert_eq!(
        c.items_for_domain(Domain::SpecialEquipment).unwrap().len(),
        5
    );
    assert_eq!(
        c.items_for_domain(Domain::HazardousChemicals)
            .unwrap()
            .len(),
        7
    );
    assert_eq!(
        c.items_for_department("emergency_management")
            .unwrap()
            .len(),
        20
    );
}

#[test]
fn default_catalog_departments() {
    let c = InMemoryCatalog::pingdu_default();
    for id in [
        "market_regulation",
        "emergency_management",
        "health",
        "administrative_approval",
        "public_security",
        "justice",
        "ethnic_religious_affairs",
        "education",
        "agriculture_rural",
        "ecology_environment",
        "transport",
        "culture_tourism",
        "development_reform",
        "big_data_center",
        "social_credit_center",
    ] {
        assert!(c.department(id).unwrap().is_some(), "{id}");
    }
    assert_eq!(
        c.department("ecology_environment")
            .unwrap()
            .unwrap()
            .name_zh,
        "青岛市生态环境局平度分局"
    );
    assert!(
        !c.department("administrative_approval")
            .unwrap()
            .unwrap()
            .has_enforcement_force
    );
    assert!(
        c.department("market_regulation")
            .unwrap()
            .unwrap()
            .has_enforcement_force
    );
}

#[test]
fn department_ids_are_snake_case() {
    assert!(DepartmentId::new("market_regulation").is_ok());
    for bad in [
        "",
        "Market",
        "market-regulation",
        "9health",
        "a__b",
        "trailing_",
        "市场",
    ] {
        assert!(DepartmentId::new(bad).is_err(), "{bad:?}");
    }
}

// ---- loading and validation ------------------------------------------------------

#[test]
fn json_and_toml_give_the_same_catalog() {
    let from_toml = InMemoryCatalog::from_toml_str(SMALL_TOML).unwrap();
    assert_eq!(small(), from_toml);
    assert_eq!(from_toml.len(), 6);
}

#[test]
fn default_catalog_round_trips_through_json() {
    let c = InMemoryCatalog::pingdu_default();
    let text = serde_json::to_string(c.file()).unwrap();
    assert_eq!(InMemoryCatalog::from_json_str(&text).unwrap(), c);
}

#[test]
fn duplicate_item_code_is_refused() {
    let text = SMALL_JSON.replace(r#""code": "T-CAN""#, r#""code": "T-FIL""#);
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert_eq!(
        err,
        CatalogError::DuplicateItem {
            code: "T-FIL".into()
        }
    );
    assert_eq!(err.to_string(), "item T-FIL: duplicate item code");
}

#[test]
fn unknown_department_is_refused() {
    let text = SMALL_JSON.replace(
        r#""department": "culture_tourism", "approving"#,
        r#""department": "tourism_bureau", "approving"#,
    );
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"item T-NC: field `department`: unknown department "tourism_bureau""#
    );
}

#[test]
fn empty_name_is_refused() {
    let text = SMALL_JSON.replace(r#""name": "取消审批事项""#, r#""name": "  ""#);
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert_eq!(err.to_string(), "item T-CAN: field `name`: is empty");
}

#[test]
fn unknown_industry_is_refused() {
    let text = SMALL_JSON.replace(r#""industry": "catering""#, r#""industry": "restaurants""#);
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert!(matches!(&err, CatalogError::UnknownIndustry { code, .. } if code == "T-SEP"));
    let msg = err.to_string();
    assert!(
        msg.starts_with("item T-SEP: field `industry`: unknown industry \"restaurants\""),
        "{msg}"
    );
}

#[test]
fn malformed_citation_is_refused() {
    let text = SMALL_JSON.replace(r#""article": "第十条""#, r#""article": "Art. 10""#);
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"item T-INT: field `legal_basis[0]`: article "Art. 10" does not read 第…条"#
    );
    let text = SMALL_JSON.replace(
        r#""regulation": "公共场所卫生管理条例""#,
        r#""regulation": """#,
    );
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "item T-INT: field `legal_basis[0]`: regulation is empty"
    );
}

#[test]
fn missing_field_and_unknown_enum_name_the_item() {
    let text = SMALL_JSON.replace(r#""target": "娱乐场所", "#, "");
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("item T-NC: missing field `target`"),
        "{err}"
    );
    let text = SMALL_JSON.replace(
        r#""approval_mode": "cancelled""#,
        r#""approval_mode": "abolished""#,
    );
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("item T-CAN: unknown variant `abolished`"),
        "{err}"
    );
}

#[test]
fn bad_json_and_toml_are_refused() {
    let err = InMemoryCatalog::from_json_str(r#"{"items": [}"#).unwrap_err();
    assert!(
        matches!(err, CatalogError::Syntax { format: "JSON", .. }),
        "{err}"
    );
    let err = InMemoryCatalog::from_toml_str("[[items]\ncode = ").unwrap_err();
    assert!(
        matches!(err, CatalogError::Syntax { format: "TOML", .. }),
        "{err}"
    );
    // Valid TOML, wrong shape: a string where a list of items belongs.
    let err = InMemoryCatalog::from_toml_str("items = \"G-01\"").unwrap_err();
    assert_eq!(err.to_string(), "catalog: `items` must be a list");
}

#[test]
fn separated_item_without_approving_department_is_refused() {
    let text = SMALL_JSON.replace(
        r#""department": "market_regulation", "approving_department": "administrative_approval","#,
        r#""department": "market_regulation","#,
    );
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("item T-SEP: field `approving_department`: a Separated item must name"),
        "{err}"
    );
}

#[test]
fn boundary_entry_for_unknown_item_is_refused() {
    let text = SMALL_JSON.replace(r#"{"item": "T-JNT"}"#, r#"{"item": "T-XXX"}"#);
    let err = InMemoryCatalog::from_json_str(&text).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"boundary #1 (item T-XXX): field `scope`: unknown item code "T-XXX""#
    );
}

// ---- merging --------------------------------------------------------------------

#[test]
fn host_items_merge_onto_the_default() {
    let mut c = InMemoryCatalog::pingdu_default();
    c.merge_json(&host_file(HOST_ITEM), MergeMode::Strict)
        .unwrap();
    assert_eq!(c.len(), 60);
    assert_eq!(c.item("H-01").unwrap().unwrap().origin, ItemOrigin::Host);
}

#[test]
fn failed_merges_leave_the_catalog_unchanged() {
    let mut c = InMemoryCatalog::pingdu_default();
    let before = c.clone();

    // Duplicate code across files, strict mode.
    let dup = HOST_ITEM.replace("H-01", "G-01");
    let err = c
        .merge_json(&host_file(&dup), MergeMode::Strict)
        .unwrap_err();
    assert_eq!(
        err,
        CatalogError::DuplicateItem {
            code: "G-01".into()
        }
    );
    assert_eq!(c, before);

    // Unknown department.
    let bad = HOST_ITEM.replace(r#""department": "health""#, r#""department": "tax""#);
    let err = c
        .merge_json(&host_file(&bad), MergeMode::Strict)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"item H-01: field `department`: unknown department "tax""#
    );
    assert_eq!(c, before);

    // A good item followed by a bad one: neither is taken.
    let two = format!(
        r#"{{"items": [{HOST_ITEM}, {}]}}"#,
        HOST_ITEM
            .replace("H-01", "H-02")
            .replace("宾馆卫生检查", "")
    );
    let err = c.merge_json(&two, MergeMode::Strict).unwrap_err();
    assert_eq!(err.to_string(), "item H-02: field `name`: is empty");
    assert_eq!(c, before);
    assert!(c.item("H-01").unwrap().is_none());

    // Duplicates inside the host file are refused even in override mode.
    let twice = format!(r#"{{"items": [{HOST_ITEM}, {HOST_ITEM}]}}"#);
    let err = c.merge_json(&twice, MergeMode::Override).unwrap_err();
    assert_eq!(
        err,
        CatalogError::DuplicateItem {
            code: "H-01".into()
        }
    );
    assert_eq!(c, before);

    // Bad TOML.
    assert!(c.merge_toml("items = [", MergeMode::Strict).is_err());
    assert_eq!(c, before);
}

#[test]
fn override_mode_replaces_an_item_in_place() {
    let mut c = InMemoryCatalog::pingdu_default();
    let replacement = HOST_ITEM
        .replace("H-01", "G-01")
        .replace("宾馆卫生检查", "营业执照检查（本地版）")
        .replace(
            r#""department": "health""#,
            r#""department": "market_regulation""#,
        );
    c.merge_json(&host_file(&replacement), MergeMode::Override)
        .unwrap();
    assert_eq!(c.len(), 59);
    assert_eq!(
        c.item("G-01").unwrap().unwrap().name,
        "营业执照检查（本地版）"
    );
    assert_eq!(c.items().unwrap()[0].code, "G-01");
}

#[test]
fn merge_toml_host_file() {
    let mut c = InMemoryCatalog::pingdu_default();
    let toml = r#"
[[items]]
code = "H-10"
name = "游泳场所卫生检查"
department = "health"
target = "游泳场（馆）"
approval_mode = "not_applicable"
origin = "host"
source = "host list"
certainty = "medium"
"#;
    c.merge_toml(toml, MergeMode::Strict).unwrap();
    assert_eq!(c.items_for_department("health").unwrap().len(), 2);
    let parsed = CatalogFile::from_toml_str(toml).unwrap();
    assert_eq!(parsed.items[0].code, "H-10");
}
