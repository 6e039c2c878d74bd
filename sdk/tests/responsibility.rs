//! Responsibility resolution (职责边界清单). Each case quotes the sentence of
//! the Pingdu plan (平政发〔2021〕16号) it follows.

use jianguan::catalog::{
    ApprovalFacts, ApprovalMode, CatalogError, DepartmentId, InMemoryCatalog, ItemCatalog,
    PlanClause, Role,
};

mod fixtures;
use fixtures::*;

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
    let r = small().resolve("T-CAN", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.lead().as_str(), "market_regulation");
    assert_eq!(r.assignments.len(), 1);
    assert!(r.assignments[0].reason.contains("取消行政审批"));
    assert!(!r.record_in_credit);
    // §(五): "推行信用承诺制度，按照有关规定将市场主体的承诺履行情况记入信用记录" —
    // a broken commitment is recorded whatever the approval mode.
    let broken = small().resolve("T-CAN", &breached()).unwrap();
    assert_eq!(broken.assignments.len(), 1);
    assert!(broken.record_in_credit);
}

#[test]
fn integrated_breach_is_disposed_by_the_supervising_approver() {
    // Pingdu plan §(一): "对审管一体事项，审批部门履行事中事后监管主体责任" and
    // "对于采取虚假承诺或违背承诺取得审批的，由审批部门负责处置".
    let r = small().resolve("T-INT", &breached()).unwrap();
    assert_eq!(r.roles_of("health"), vec![Role::Lead, Role::Disposing]);
    assert!(r.record_in_credit);
}

#[test]
fn approving_department_contradicting_the_mode_is_refused() {
    let by = |d: &str| ApprovalFacts {
        approved_by: Some(DepartmentId::new(d).unwrap()),
        commitment_breached: false,
    };
    let c = small();
    // 审管一体: the approver is the supervising department itself.
    let e = c.resolve("T-INT", &by("market_regulation")).unwrap_err();
    assert!(
        matches!(&e, CatalogError::InvalidField { field, .. } if field == "approved_by"),
        "{e}"
    );
    assert!(e.to_string().contains("审管一体"), "{e}");
    assert!(c.resolve("T-INT", &by("health")).is_ok());
    // 审管分离: the competent department cannot be the approver.
    let e = c.resolve("T-SEP", &by("market_regulation")).unwrap_err();
    assert!(e.to_string().contains("competent department"), "{e}");
    // No approval at all.
    let e = c
        .resolve("T-CAN", &by("administrative_approval"))
        .unwrap_err();
    assert!(e.to_string().contains("no department approves"), "{e}");
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
    // Pingdu plan §(六): "严格执行抽查事项清单" — a pure inspection item is
    // supervised by the department the item list names.
    let c = InMemoryCatalog::pingdu_default();
    let r = c.resolve("E-07", &ApprovalFacts::default()).unwrap();
    assert_eq!(r.lead().as_str(), "emergency_management");
    assert_eq!(r.assignments[0].clause, PlanClause::InspectionList);
    assert_eq!(r.assignments[0].clause.to_string(), "Pingdu plan §(六)");
    assert_eq!(r.assignments[0].reason, "严格执行抽查事项清单");
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
