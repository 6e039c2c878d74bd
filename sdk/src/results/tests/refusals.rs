//! Refusals: visit results and outcome tables the SDK does not accept, each
//! naming what is wrong.

use super::*;

// ---- visit result errors ----

#[test]
fn unknown_code_is_named_with_the_allowed_codes() {
    let err = record(&OutcomeTable::default(), &["6", "2"]).unwrap_err();
    match &err {
        ResultsError::UnknownCode { code, allowed, .. } => {
            assert_eq!(code, "2");
            assert_eq!(allowed.len(), 18);
        }
        other => panic!("unexpected {other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.contains(r#"outcome code "2" is not in table"#), "{msg}");
    assert!(
        msg.contains("use one of: 1, A, B, C, D, E, F, G, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12"),
        "{msg}"
    );
    // No trimming: " 6" is not "6".
    assert!(matches!(
        record(&OutcomeTable::default(), &[" 6"]),
        Err(ResultsError::UnknownCode { .. })
    ));
}

#[test]
fn duplicate_outcome_is_refused() {
    let err = record(&OutcomeTable::default(), &["6", "8", "6"]).unwrap_err();
    assert!(matches!(&err, ResultsError::DuplicateOutcome { code, .. } if code == "6"));
    assert!(err.to_string().contains("give each code once"));
}

#[test]
fn no_problem_with_a_problem_is_contradictory() {
    let err = record(&OutcomeTable::default(), &["1", "E"]).unwrap_err();
    match &err {
        ResultsError::Contradictory {
            no_problem,
            problem,
            ..
        } => {
            assert_eq!(no_problem, "1 未发现问题");
            assert_eq!(problem, "E 发现问题经责令已改正");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(matches!(
        record(&OutcomeTable::default(), &["6", "1"]),
        Err(ResultsError::Contradictory { .. })
    ));
    assert!(matches!(
        record(&OutcomeTable::zhejiang_publicity(), &["1", "2"]),
        Err(ResultsError::Contradictory { .. })
    ));
}

#[test]
fn empty_outcomes_are_refused() {
    let err = record(&OutcomeTable::default(), &[]).unwrap_err();
    assert!(matches!(err, ResultsError::NoOutcome { .. }));
    assert!(err.to_string().contains("record at least one"));
}

#[test]
fn blank_identifiers_are_refused() {
    let mut v = visit(&["1"]);
    v.draw_record_id = " ".into();
    let cal = WorkCalendar::china();
    let t = OutcomeTable::default();
    assert!(matches!(
        record_result(&t, &cal, &v, 20),
        Err(ResultsError::BlankField {
            field: "draw_record_id",
            ..
        })
    ));
    let mut v = visit(&["1"]);
    v.department_id = String::new();
    assert!(matches!(
        record_result(&t, &cal, &v, 20),
        Err(ResultsError::BlankField {
            field: "department_id",
            ..
        })
    ));
}

#[test]
fn results_errors_convert_to_the_crate_error() {
    let err: crate::Error = record(&OutcomeTable::default(), &[]).unwrap_err().into();
    assert!(matches!(
        err,
        crate::Error::Results(ResultsError::NoOutcome { .. })
    ));
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
