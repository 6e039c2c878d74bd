//! Tests of the supervision-item catalog and responsibility resolution.
//! Responsibility cases quote the sentence of the Pingdu plan (平政发〔2021〕16号)
//! they follow.

use jianguan::catalog::{
    ApprovalFacts, ApprovalMode, CatalogError, CatalogFile, DepartmentId, InMemoryCatalog,
    InspectionCategory, ItemCatalog, ItemOrigin, MergeMode, PlanClause, Role,
};
use jianguan::entity::{Domain, Industry};

/// A small catalog, one item per approval mode, in JSON.
const SMALL_JSON: &str = r#"{
 "notes": ["test catalog"],
 "departments": [
  {"id": "market_regulation", "name_zh": "平度市市场监督管理局", "name_en": "Market Regulation", "has_enforcement_force": true},
  {"id": "administrative_approval", "name_zh": "平度市行政审批服务局", "name_en": "Approval Bureau", "has_enforcement_force": false},
  {"id": "health", "name_zh": "平度市卫生健康局", "name_en": "Health", "has_enforcement_force": true},
  {"id": "culture_tourism", "name_zh": "平度市文化和旅游局", "name_en": "Culture and Tourism", "has_enforcement_force": true},
  {"id": "ethnic_religious_affairs", "name_zh": "平度市民族宗教事务主管部门", "name_en": "Ethnic and Religious Affairs", "has_enforcement_force": false, "joint_enforcement_lead": "market_regulation"}
 ],
 "items": [
  {"code": "T-INT", "name": "审管一体事项", "department": "health", "approving_department": "health",
   "target": "公共场所", "approval_mode": "integrated", "origin": "host", "source": "test", "certainty": "high",
   "legal_basis": [{"regulation": "公共场所卫生管理条例", "number": "国务院令第666号", "article": "第十条", "cited_by_list": true}]},
  {"code": "T-SEP", "name": "审管分离事项", "department": "market_regulation", "approving_department": "administrative_approval",
   "industry": "catering", "target": "餐饮服务经营者", "approval_mode": "separated", "random_inspection": "key",
   "origin": "host", "source": "test", "certainty": "high"},
  {"code": "T-CAN", "name": "取消审批事项", "department": "market_regulation", "target": "企业",
   "approval_mode": "cancelled", "origin": "host", "source": "test", "certainty": "medium"},
  {"code": "T-FIL", "name": "审批改为备案事项", "department": "market_regulation", "target": "企业",
   "approval_mode": "changed_to_filing", "origin": "host", "source": "test", "certainty": "medium"},
  {"code": "T-NC", "name": "告知承诺事项", "department": "culture_tourism", "approving_department": "administrative_approval",
   "target": "娱乐场所", "approval_mode": "notification_commitment", "origin": "host", "source": "test", "certainty": "low"},
  {"code": "T-JNT", "name": "清真食品检查", "department": "ethnic_religious_affairs", "industry": "food_production",
   "target": "生产清真食品的单位", "approval_mode": "not_applicable", "random_inspection": "general",
   "origin": "host", "source": "test", "certainty": "high"}
 ],
 "boundaries": [
  {"scope": {"item": "T-JNT"}, "lead": "ethnic_religious_affairs",
   "partners": [{"department": "market_regulation", "duty": "配合检查"}]}
 ],
 "comprehensive_enforcement": [
  {"scope": {"item": "T-NC"}, "department": "culture_tourism"}
 ]
}"#;

/// The same catalog in TOML.
const SMALL_TOML: &str = r#"
notes = ["test catalog"]

[[departments]]
id = "market_regulation"
name_zh = "平度市市场监督管理局"
name_en = "Market Regulation"
has_enforcement_force = true

[[departments]]
id = "administrative_approval"
name_zh = "平度市行政审批服务局"
name_en = "Approval Bureau"
has_enforcement_force = false

[[departments]]
id = "health"
name_zh = "平度市卫生健康局"
name_en = "Health"
has_enforcement_force = true

[[departments]]
id = "culture_tourism"
name_zh = "平度市文化和旅游局"
name_en = "Culture and Tourism"
has_enforcement_force = true

[[departments]]
id = "ethnic_religious_affairs"
name_zh = "平度市民族宗教事务主管部门"
name_en = "Ethnic and Religious Affairs"
has_enforcement_force = false
joint_enforcement_lead = "market_regulation"

[[items]]
code = "T-INT"
name = "审管一体事项"
department = "health"
approving_department = "health"
target = "公共场所"
approval_mode = "integrated"
origin = "host"
source = "test"
certainty = "high"
[[items.legal_basis]]
regulation = "公共场所卫生管理条例"
number = "国务院令第666号"
article = "第十条"
cited_by_list = true

[[items]]
code = "T-SEP"
name = "审管分离事项"
department = "market_regulation"
approving_department = "administrative_approval"
industry = "catering"
target = "餐饮服务经营者"
approval_mode = "separated"
random_inspection = "key"
origin = "host"
source = "test"
certainty = "high"

[[items]]
code = "T-CAN"
name = "取消审批事项"
department = "market_regulation"
target = "企业"
approval_mode = "cancelled"
origin = "host"
source = "test"
certainty = "medium"

[[items]]
code = "T-FIL"
name = "审批改为备案事项"
department = "market_regulation"
target = "企业"
approval_mode = "changed_to_filing"
origin = "host"
source = "test"
certainty = "medium"

[[items]]
code = "T-NC"
name = "告知承诺事项"
department = "culture_tourism"
approving_department = "administrative_approval"
target = "娱乐场所"
approval_mode = "notification_commitment"
origin = "host"
source = "test"
certainty = "low"

[[items]]
code = "T-JNT"
name = "清真食品检查"
department = "ethnic_religious_affairs"
industry = "food_production"
target = "生产清真食品的单位"
approval_mode = "not_applicable"
random_inspection = "general"
origin = "host"
source = "test"
certainty = "high"

[[boundaries]]
scope = { item = "T-JNT" }
lead = "ethnic_religious_affairs"
partners = [{ department = "market_regulation", duty = "配合检查" }]

[[comprehensive_enforcement]]
scope = { item = "T-NC" }
department = "culture_tourism"
"#;

fn small() -> InMemoryCatalog {
    InMemoryCatalog::from_json_str(SMALL_JSON).expect("small catalog is valid")
}

fn breached() -> ApprovalFacts {
    ApprovalFacts {
        commitment_breached: true,
        ..Default::default()
    }
}

/// A one-item host file; `item` is the item's JSON object.
fn host_file(item: &str) -> String {
    format!(r#"{{"items": [{item}]}}"#)
}

const HOST_ITEM: &str = r#"{"code": "H-01", "name": "宾馆卫生检查", "department": "health", "target": "宾馆",
 "approval_mode": "not_applicable", "origin": "host", "source": "host list", "certainty": "high"}"#;

// ---- the default catalog ------------------------------------------------------

#[test]
fn default_catalog_has_the_56_source_items_and_3_supplements() {
    let c = InMemoryCatalog::pingdu_default();
    assert_eq!(c.len(), 59);
    let listed = c.items().filter(|i| !i.code.starts_with("JG-")).count();
    assert_eq!(listed, 56);
    let supplements: Vec<_> = c.items().filter(|i| i.code.starts_with("JG-")).collect();
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
    let g01 = c.item("G-01").unwrap();
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
    let f01 = c.item("F-01").unwrap();
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
        c.item("F-03").unwrap().random_inspection,
        Some(InspectionCategory::Unknown)
    );
    // E-20 is a rule, not an item drawn at random.
    assert_eq!(c.item("E-20").unwrap().random_inspection, None);
    assert_eq!(
        c.item("F-11").unwrap().department.as_str(),
        "ethnic_religious_affairs"
    );
    assert_eq!(
        c.item("E-15").unwrap().department.as_str(),
        "emergency_management"
    );
    assert_eq!(
        c.item("E-17").unwrap().department.as_str(),
        "market_regulation"
    );
    assert_eq!(
        c.item("E-19").unwrap().department.as_str(),
        "public_security"
    );
    assert_eq!(c.item("J-02").unwrap().department.as_str(), "education");
    let s03 = c.item("S-03").unwrap();
    assert_eq!(
        (s03.industry, s03.domain),
        (None, Some(Domain::SpecialEquipment))
    );
}

#[test]
fn default_catalog_covers_the_four_plugin_domains() {
    let c = InMemoryCatalog::pingdu_default();
    let count = |i| c.items_for_industry(i).len();
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
    assert_eq!(c.items_for_domain(Domain::Food).len(), 10);
    assert_eq!(c.items_for_domain(Domain::Drugs).len(), 3);
    assert_eq!(c.items_for_domain(Domain::SpecialEquipment).len(), 5);
    assert_eq!(c.items_for_domain(Domain::HazardousChemicals).len(), 7);
    assert_eq!(c.items_for_department("emergency_management").len(), 20);
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
        assert!(c.department(id).is_some(), "{id}");
    }
    assert_eq!(
        c.department("ecology_environment").unwrap().name_zh,
        "青岛市生态环境局平度分局"
    );
    assert!(
        !c.department("administrative_approval")
            .unwrap()
            .has_enforcement_force
    );
    assert!(
        c.department("market_regulation")
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
    assert_eq!(c.item("H-01").unwrap().origin, ItemOrigin::Host);
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
    assert!(c.item("H-01").is_none());

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
    assert_eq!(c.item("G-01").unwrap().name, "营业执照检查（本地版）");
    assert_eq!(c.items().next().unwrap().code, "G-01");
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
    assert_eq!(c.items_for_department("health").len(), 2);
    let parsed = CatalogFile::from_toml_str(toml).unwrap();
    assert_eq!(parsed.items[0].code, "H-10");
}

// ---- responsibility, one case per approval mode -----------------------------------

#[test]
fn integrated_approving_department_supervises() {
    // Pingdu plan §(一): "对审管一体事项，审批部门履行事中事后监管主体责任".
    let r = small().resolve("T-INT", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.lead().as_str(), "health");
    assert_eq!(r.assignments.len(), 1);
    assert_eq!(r.assignments[0].clause, PlanClause::SupervisionDuties);
    assert_eq!(r.assignments[0].clause.to_string(), "Pingdu plan §(一)");
    assert!(!r.joint_enforcement);
}

#[test]
fn separated_competent_department_supervises_afterwards() {
    // Pingdu plan §(一): "对审管分离事项，审批部门对审批行为、过程和结果负责，……
    // 主管部门负责后续监管".
    let c = InMemoryCatalog::pingdu_default();
    let r = c.resolve("F-01", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.approval_mode, ApprovalMode::Separated);
    assert_eq!(r.lead().as_str(), "market_regulation");
    assert!(r.has("administrative_approval", Role::Approving));
    assert!(!r.has("administrative_approval", Role::Disposing));
    assert!(!r.has("market_regulation", Role::Assisting));
    assert!(!r.record_in_credit);
}

#[test]
fn separated_false_commitment_is_disposed_by_the_approving_department() {
    // Pingdu plan §(一): "对于采取虚假承诺或违背承诺取得审批的，由审批部门负责处置，
    // 审批部门在处置过程中，可以依据法律、法规、规章，请主管部门在法定职责范围内予以协查，
    // 主管部门负责后续监管".
    let r = small().resolve("T-SEP", &breached()).unwrap();
    assert_eq!(r.lead().as_str(), "market_regulation");
    assert!(r.has("administrative_approval", Role::Disposing));
    assert!(r.has("market_regulation", Role::Assisting));
    assert_eq!(
        r.roles_of("market_regulation"),
        vec![Role::Lead, Role::Assisting]
    );
    assert!(r.record_in_credit);
}

#[test]
fn separated_approving_department_from_facts() {
    // Pingdu plan §(一): "审批部门对审批行为、过程和结果负责" — the department that
    // actually approved, when the facts name it.
    let facts = ApprovalFacts {
        approved_by: Some(DepartmentId::new("health").unwrap()),
        commitment_breached: true,
    };
    let r = small().resolve("T-SEP", &facts).unwrap();
    assert!(r.has("health", Role::Disposing));
    assert!(!r.has("administrative_approval", Role::Disposing));
}

#[test]
fn cancelled_approval_competent_department_supervises() {
    // Pingdu plan §(一): "对取消行政审批、审批改为备案的事项，按照“证照分离”改革要求，
    // 加强事中事后监管".
    let r = small().resolve("T-CAN", &breached()).unwrap();
    assert_eq!(r.lead().as_str(), "market_regulation");
    assert_eq!(r.assignments.len(), 1);
    assert!(r.assignments[0].reason.contains("取消行政审批"));
}

#[test]
fn changed_to_filing_competent_department_supervises() {
    // Pingdu plan §(一): "对取消行政审批、审批改为备案的事项，按照“证照分离”改革要求，
    // 加强事中事后监管".
    let r = small().resolve("T-FIL", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.approval_mode, ApprovalMode::ChangedToFiling);
    assert_eq!(r.lead().as_str(), "market_regulation");
    assert_eq!(r.with_role(Role::Approving).count(), 0);
}

#[test]
fn notification_commitment_breach_goes_to_approver_and_credit_record() {
    // Pingdu plan §(一): "对于采取虚假承诺或违背承诺取得审批的，由审批部门负责处置……
    // 主管部门负责后续监管"; §(五): "推行信用承诺制度，按照有关规定将市场主体的承诺
    // 履行情况记入信用记录".
    let c = small();
    let kept = c.resolve("T-NC", &ApprovalFacts::default()).unwrap();
    assert_eq!(kept.lead().as_str(), "culture_tourism");
    assert!(kept.has("administrative_approval", Role::Approving));
    assert!(!kept.record_in_credit);

    let broken = c.resolve("T-NC", &breached()).unwrap();
    assert_eq!(broken.lead().as_str(), "culture_tourism");
    assert!(broken.has("administrative_approval", Role::Disposing));
    assert!(broken.has("culture_tourism", Role::Assisting));
    assert!(broken.record_in_credit);
}

#[test]
fn no_approval_item_department_supervises() {
    // Pingdu plan §(二): "按照职责边界清单确定的职责依法监管" — a pure inspection
    // item is supervised by the department the item list names.
    let c = InMemoryCatalog::pingdu_default();
    let r = c.resolve("E-07", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.lead().as_str(), "emergency_management");
    assert_eq!(r.assignments[0].clause, PlanClause::SupervisionPowers);
}

// ---- boundary list, joint and comprehensive enforcement ---------------------------

#[test]
fn halal_food_joint_item_boundary_and_joint_enforcement() {
    // Pingdu plan §(二): "对涉及多个监管部门的监管领域和监管事项，按照职责边界清单确定的
    // 职责依法监管"; §(一): "对没有专门执法力量的行业和领域，可通过联合执法方式查处
    // 违法违规行为".
    let c = InMemoryCatalog::pingdu_default();
    let r = c.resolve("F-11", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.lead().as_str(), "ethnic_religious_affairs");
    assert!(r.has("market_regulation", Role::Partner));
    assert!(r.has("market_regulation", Role::JointEnforcement));
    assert!(r.joint_enforcement);
    // F-11 is a food item: market regulation also enforces comprehensively and
    // the lead supports it.
    assert!(r.has("market_regulation", Role::ComprehensiveEnforcement));
    assert!(r.has("ethnic_religious_affairs", Role::Supporting));
}

#[test]
fn school_canteen_boundary_partners() {
    // Pingdu plan §(二): "对涉及多个监管部门的监管领域和监管事项，按照职责边界清单确定的
    // 职责依法监管".
    let c = InMemoryCatalog::pingdu_default();
    let r = c.resolve("F-06", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.lead().as_str(), "market_regulation");
    let partners: Vec<_> = r
        .with_role(Role::Partner)
        .map(DepartmentId::as_str)
        .collect();
    assert_eq!(partners, ["education", "health", "public_security"]);
    let edu = r
        .assignments
        .iter()
        .find(|a| a.role == Role::Partner && a.department == "education")
        .unwrap();
    assert_eq!(edu.reason, "学校食堂信息的公示情况检查");
    assert!(!r.joint_enforcement);
}

#[test]
fn public_place_hygiene_joint_item() {
    // Pingdu plan §(二): "对涉及多个监管部门的监管领域和监管事项，按照职责边界清单确定的
    // 职责依法监管".
    let c = InMemoryCatalog::pingdu_default();
    let r = c.resolve("J-01", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.lead().as_str(), "health");
    assert!(r.has("market_regulation", Role::Partner));
    assert!(!r.joint_enforcement); // health has its own enforcement force
}

#[test]
fn hazardous_chemical_domain_boundary() {
    // Pingdu plan §(二): "对涉及多个监管部门的监管领域和监管事项，按照职责边界清单确定的
    // 职责依法监管" — the domain entry (危险化学品安全管理条例 第六条) applies to the
    // emergency-management items of the domain, not to market regulation's own E-17.
    let c = InMemoryCatalog::pingdu_default();
    let r = c.resolve("JG-H-02", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.lead().as_str(), "emergency_management");
    assert!(r.has("market_regulation", Role::Partner));
    let e17 = c.resolve("E-17", &ApprovalFacts::default()).unwrap();
    assert_eq!(e17.lead().as_str(), "market_regulation");
    assert_eq!(e17.with_role(Role::Partner).count(), 0);
}

#[test]
fn joint_enforcement_without_enforcement_force() {
    // Pingdu plan §(一): "对没有专门执法力量的行业和领域，可通过联合执法方式查处违法违规
    // 行为，市政府各部门可以结合当地实际实行联合执法".
    let r = small().resolve("T-JNT", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.lead().as_str(), "ethnic_religious_affairs");
    assert!(r.joint_enforcement);
    assert_eq!(
        r.with_role(Role::JointEnforcement)
            .map(DepartmentId::as_str)
            .collect::<Vec<_>>(),
        ["market_regulation"]
    );
    let a = r
        .assignments
        .iter()
        .find(|a| a.role == Role::JointEnforcement)
        .unwrap();
    assert_eq!(a.clause, PlanClause::SupervisionDuties);
    assert!(a.reason.contains("联合执法"));
}

#[test]
fn comprehensive_enforcement_approving_and_competent_support() {
    // Pingdu plan §(二): "实行跨领域跨部门综合执法的监管领域，相关审批和主管部门要支持配合
    // 综合执法部门查处违法违规行为".
    let c = InMemoryCatalog::pingdu_default();
    let r = c.resolve("F-04", &ApprovalFacts::default()).unwrap();
    assert!(r.has("market_regulation", Role::ComprehensiveEnforcement));
    assert!(r.has("administrative_approval", Role::Supporting));
    assert!(!r.has("market_regulation", Role::Supporting));

    // In the small catalog culture and tourism enforce comprehensively in their
    // own item; the approval bureau supports.
    let r = small().resolve("T-NC", &ApprovalFacts::default()).unwrap();
    assert!(r.has("culture_tourism", Role::ComprehensiveEnforcement));
    assert!(r.has("administrative_approval", Role::Supporting));
}

#[test]
fn resolve_refuses_unknown_item_and_department() {
    let c = InMemoryCatalog::pingdu_default();
    let err = c.resolve("Z-99", &ApprovalFacts::default()).unwrap_err();
    assert_eq!(
        err,
        CatalogError::UnknownItem {
            code: "Z-99".into()
        }
    );
    assert_eq!(err.to_string(), r#"unknown item code "Z-99""#);
    let facts = ApprovalFacts {
        approved_by: Some(DepartmentId::new("tax_bureau").unwrap()),
        commitment_breached: false,
    };
    let err = c.resolve("F-01", &facts).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"approval facts: field `approved_by`: unknown department "tax_bureau""#
    );
    let crate_err: jianguan::Error = err.into();
    assert!(matches!(crate_err, jianguan::Error::Catalog(_)));
}
