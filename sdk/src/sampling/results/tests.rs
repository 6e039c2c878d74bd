use super::*;

// ---- the shipped tables ----

#[test]
fn newer_list_is_the_default_and_as_printed_in_rules_1_4() {
    let t = OutcomeTable::default();
    assert_eq!(t, OutcomeTable::zhejiang_new());
    let printed: Vec<(&str, &str)> = t
        .codes()
        .iter()
        .map(|c| (c.code.as_str(), c.label.as_str()))
        .collect();
    assert_eq!(
        printed,
        [
            ("1", "未发现问题"),
            ("A", "发现问题待后续处理"),
            ("B", "未按规定公示应当公示的信息"),
            ("C", "公示信息隐瞒真实情况弄虚作假"),
            ("D", "违反其他工商行政管理规定行为"),
            ("E", "发现问题经责令已改正"),
            ("F", "未发现开展本次抽查涉及的经营活动"),
            ("G", "违反公安部门相关规定"),
            ("3", "违反食品药品管理相关规定"),
            ("4", "违反质量技术监督相关规定"),
            ("5", "违反其他部门相关规定"),
            ("6", "通过登记的住所（经营场所）无法联系"),
            ("7", "已关闭停业或正在组织清算"),
            ("8", "不配合检查情节严重"),
            ("9", "注销"),
            ("10", "被吊销"),
            ("11", "被撤销"),
            ("12", "迁出"),
        ]
    );
    let status: Vec<&str> = t
        .codes()
        .iter()
        .filter(|c| c.status_outcome)
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(status, ["9", "10", "11", "12"]);
    assert!(t.name().contains("UNCONFIRMED"));
}

#[test]
fn older_publicity_list_as_printed_in_rules_1_4() {
    let t = OutcomeTable::zhejiang_publicity();
    let printed: Vec<(&str, &str)> = t
        .codes()
        .iter()
        .map(|c| (c.code.as_str(), c.label.as_str()))
        .collect();
    assert_eq!(
        printed,
        [
            ("1", "正常（符合信息公示相关规定）"),
            ("2", "未按规定公示即时信息"),
            ("3", "未按规定公示年报信息"),
            ("4", "通过登记的住所（经营场所）无法联系"),
            ("5", "公示信息隐瞒真实情况、弄虚作假"),
            ("6", "不予配合情节严重"),
            ("7", "已办理营业执照注销"),
            ("8", "被吊销营业执照"),
            ("9", "被撤销登记"),
        ]
    );
}

#[test]
fn shipped_tables_pass_their_own_validation() {
    for t in [
        OutcomeTable::zhejiang_new(),
        OutcomeTable::zhejiang_publicity(),
    ] {
        let again = OutcomeTable::new(t.name(), t.codes().to_vec()).unwrap();
        assert_eq!(again, t);
    }
}

#[test]
fn table_json_round_trip() {
    for t in [
        OutcomeTable::zhejiang_new(),
        OutcomeTable::zhejiang_publicity(),
    ] {
        let json = t.to_json();
        assert_eq!(OutcomeTable::from_json(&json).unwrap(), t);
        // The serde path validates too.
        assert_eq!(serde_json::from_str::<OutcomeTable>(&json).unwrap(), t);
    }
    let json = OutcomeTable::default().to_json();
    assert!(json.contains(r#""action": "abnormal_operations_listing""#));
    assert!(json.contains(r#""ground": "unreachable_at_registered_address""#));
    assert!(json.contains(r#""department": "quality_and_technical_supervision""#));
    assert!(json.contains(r#""finding": "no_problem""#));
}

#[test]
fn a_minimal_table_from_json_defaults_status_and_follow_ups() {
    let t = OutcomeTable::from_json(
        r#"{"name": "县局试行", "codes": [
            {"code": "1", "label": "未发现问题", "finding": "no_problem"},
            {"code": "2", "label": "发现问题", "finding": "problem"}
        ]}"#,
    )
    .unwrap();
    assert_eq!(t.allowed_codes(), ["1", "2"]);
    let two = t.code("2").unwrap();
    assert!(!two.status_outcome && two.follow_ups.is_empty());
}

// ---- table errors ----

fn code(code: &str, finding: Finding) -> OutcomeCode {
    OutcomeCode {
        code: code.into(),
        label: format!("标签{code}"),
        finding,
        status_outcome: false,
        follow_ups: Vec::new(),
    }
}

fn invalid_problem(codes: Vec<OutcomeCode>) -> (String, String) {
    match OutcomeTable::new("试", codes) {
        Err(ResultsError::InvalidCode { code, problem, .. }) => (code, problem),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn invalid_table_json_is_refused() {
    let err = OutcomeTable::from_json("{\"name\": \"x\", \"codes\": [").unwrap_err();
    assert!(matches!(err, ResultsError::TableJson(_)));
    assert!(err.to_string().contains("line 1"), "{err}");
    // An unknown field (a typo of `follow_ups`) is refused.
    let err = OutcomeTable::from_json(
        r#"{"name": "x", "codes": [{"code": "1", "label": "未发现问题", "finding": "no_problem", "followups": []}]}"#,
    )
    .unwrap_err();
    assert!(matches!(err, ResultsError::TableJson(_)));
    assert!(err.to_string().contains("followups"), "{err}");
    // An unknown field inside a follow-up.
    let err = OutcomeTable::from_json(
        r#"{"name": "x", "codes": [{"code": "6", "label": "无法联系", "finding": "problem",
            "follow_ups": [{"action": "credit_publicity", "legal_basis": "x", "basis": "y"}]}]}"#,
    )
    .unwrap_err();
    assert!(matches!(err, ResultsError::TableJson(_)));
    assert!(err.to_string().contains("unknown field `basis`"), "{err}");
    // An unknown action.
    let err = OutcomeTable::from_json(
        r#"{"name": "x", "codes": [{"code": "6", "label": "无法联系", "finding": "problem",
            "follow_ups": [{"action": "fine", "legal_basis": "x"}]}]}"#,
    )
    .unwrap_err();
    assert!(matches!(err, ResultsError::TableJson(_)));
}

#[test]
fn duplicate_code_in_a_table_is_named() {
    let json = r#"{"name": "县局", "codes": [
        {"code": "1", "label": "未发现问题", "finding": "no_problem"},
        {"code": "6", "label": "无法联系", "finding": "problem"},
        {"code": "6", "label": "无法联系（重复）", "finding": "problem"}
    ]}"#;
    let err = OutcomeTable::from_json(json).unwrap_err();
    match &err {
        ResultsError::DuplicateCode {
            table,
            code,
            first,
            second,
        } => {
            assert_eq!(table, "县局");
            assert_eq!(code, "6");
            assert_eq!((*first, *second), (2, 3));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().contains("keep one entry per code"));
    // Through serde the same check applies.
    let err = serde_json::from_str::<OutcomeTable>(json).unwrap_err();
    assert!(
        err.to_string().contains(r#"code "6" appears twice"#),
        "{err}"
    );
}

#[test]
fn empty_blank_and_unnamed_tables_are_refused() {
    assert!(matches!(
        OutcomeTable::new("试", vec![]),
        Err(ResultsError::EmptyTable { .. })
    ));
    assert!(matches!(
        OutcomeTable::new(" ", vec![code("1", Finding::NoProblem)]),
        Err(ResultsError::BlankTableName)
    ));
    assert!(matches!(
        OutcomeTable::new(
            "试",
            vec![code("1", Finding::NoProblem), code(" ", Finding::Problem)]
        ),
        Err(ResultsError::BlankCode { position: 2, .. })
    ));
    let (c, p) = invalid_problem(vec![code("6 ", Finding::Problem)]);
    assert_eq!(c, "6 ");
    assert!(p.contains("whitespace"), "{p}");
    let mut blank_label = code("6", Finding::Problem);
    blank_label.label = String::new();
    let (c, p) = invalid_problem(vec![blank_label]);
    assert_eq!(c, "6");
    assert!(p.contains("blank label"), "{p}");
}

#[test]
fn ill_formed_follow_ups_are_refused_naming_the_code() {
    let listing = |basis: &str| FollowUp::AbnormalOperationsListing {
        ground: ListingGround::UnreachableAtRegisteredAddress,
        legal_basis: basis.into(),
    };
    let update = |status| FollowUp::StatusUpdate {
        status,
        legal_basis: "名录库".into(),
    };

    let mut c = code("6", Finding::Problem);
    c.follow_ups = vec![listing("  ")];
    let (name, p) = invalid_problem(vec![c]);
    assert_eq!(name, "6");
    assert!(p.contains("blank legal basis"), "{p}");

    let mut c = code("6", Finding::Problem);
    c.follow_ups = vec![listing("a"), listing("b")];
    assert!(invalid_problem(vec![c]).1.contains("repeats"));

    let mut c = code("1", Finding::NoProblem);
    c.follow_ups = vec![listing("a")];
    assert!(invalid_problem(vec![c]).1.contains("says no problem"));

    let mut c = code("9", Finding::Neutral);
    c.follow_ups = vec![update(StatusOutcome::Deregistered)];
    assert!(
        invalid_problem(vec![c])
            .1
            .contains("not marked `status_outcome`")
    );

    let mut c = code("9", Finding::Neutral);
    c.status_outcome = true;
    assert!(invalid_problem(vec![c]).1.contains("0 status updates"));

    let mut c = code("9", Finding::Neutral);
    c.status_outcome = true;
    c.follow_ups = vec![
        update(StatusOutcome::Deregistered),
        update(StatusOutcome::MovedOut),
    ];
    assert!(invalid_problem(vec![c]).1.contains("2 status updates"));

    let mut c = code("1", Finding::NoProblem);
    c.status_outcome = true;
    assert!(invalid_problem(vec![c]).1.contains("status outcome"));
}

#[test]
fn status_outcomes_map_to_entity_status() {
    use crate::entity::EntityStatus;
    assert_eq!(
        StatusOutcome::Deregistered.entity_status(),
        Some(EntityStatus::Deregistered)
    );
    assert_eq!(
        StatusOutcome::LicenceRevoked.entity_status(),
        Some(EntityStatus::Revoked)
    );
    assert_eq!(
        StatusOutcome::MovedOut.entity_status(),
        Some(EntityStatus::MovedOut)
    );
    assert_eq!(StatusOutcome::RegistrationRevoked.entity_status(), None);
}
