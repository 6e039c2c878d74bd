use super::*;
use crate::calendar::CalendarError;
use crate::entity::EntityStatus;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn huawei() -> Uscc {
    "914403001922038216".parse().unwrap()
}

fn visit(outcomes: &[&str]) -> VisitResult {
    VisitResult {
        draw_record_id: "2026-09-0042".into(),
        uscc: huawei(),
        department_id: "market_regulation".into(),
        concluded_on: d(2026, 9, 25),
        outcomes: outcomes.iter().map(|s| (*s).to_owned()).collect(),
    }
}

fn record(table: &OutcomeTable, outcomes: &[&str]) -> Result<ResultRecord, ResultsError> {
    record_result(
        table,
        &WorkCalendar::china(),
        &visit(outcomes),
        DEFAULT_PUBLICATION_WORKING_DAYS,
    )
}

/// A one-word summary of an event, for comparing mappings.
fn summary(e: &FollowUpEvent) -> String {
    match e {
        FollowUpEvent::AbnormalOperationsListing { ground, .. } => format!("listing:{ground:?}"),
        FollowUpEvent::CreditPublicity { .. } => "publicity".into(),
        FollowUpEvent::Transfer { department, .. } => format!("transfer:{department:?}"),
        FollowUpEvent::StatusUpdate { status, .. } => format!("status:{status:?}"),
    }
}

fn events_of(table: &OutcomeTable, code: &str) -> Vec<String> {
    record(table, &[code])
        .unwrap()
        .follow_ups
        .iter()
        .map(summary)
        .collect()
}

// ---- publication deadline ----

#[test]
fn twenty_working_days_across_mid_autumn_and_national_day_2026() {
    // From cn-holidays.json, notice 国办发明电〔2025〕7号 (2026):
    // 中秋节 2026-09-25..09-27, 国庆节 10-01..10-07, make-up working day
    // Saturday 10-10. Concluded Friday 2026-09-25 (itself a holiday; the
    // start day is never counted, 民法典 Art. 201). Counting:
    //   09-26 Sat, 09-27 Sun      holiday            -
    //   09-28, 09-29, 09-30       Mon–Wed            1–3
    //   10-01 .. 10-07            国庆节              -
    //   10-08 Thu, 10-09 Fri      working            4–5
    //   10-10 Sat                 make-up working    6
    //   10-11 Sun                 rest               -
    //   10-12 .. 10-16            Mon–Fri            7–11
    //   10-19 .. 10-23            Mon–Fri            12–16
    //   10-26 .. 10-29            Mon–Thu            17–20
    // So the result must be published by Thursday 2026-10-29.
    let r = record(&OutcomeTable::default(), &["1"]).unwrap();
    assert_eq!(r.publication_days, 20);
    assert_eq!(r.publish_by, d(2026, 10, 29));
    assert!(r.follow_ups.is_empty());
    assert_eq!(
        r.outcomes,
        vec![RecordedOutcome {
            code: "1".into(),
            label: "未发现问题".into()
        }]
    );
}

#[test]
fn zero_publication_days_is_the_day_the_result_formed() {
    let r = record_result(
        &OutcomeTable::default(),
        &WorkCalendar::china(),
        &visit(&["1"]),
        0,
    )
    .unwrap();
    assert_eq!(r.publish_by, d(2026, 9, 25));
}

#[test]
fn a_year_without_holiday_data_is_an_error_not_a_guess() {
    // Concluded Thursday 2026-12-10: working days 12-11, 12-14..18, 12-21..24
    // are covered (10), but from 12-25 the 2027 notice is needed and the
    // embedded data stops at 2026.
    let mut v = visit(&["6"]);
    v.concluded_on = d(2026, 12, 10);
    let err = record_result(&OutcomeTable::default(), &WorkCalendar::china(), &v, 20).unwrap_err();
    match &err {
        ResultsError::Calendar {
            draw_record_id,
            concluded_on,
            days,
            source: CalendarError::NoDataForYear { year, .. },
        } => {
            assert_eq!(draw_record_id, "2026-09-0042");
            assert_eq!(*concluded_on, d(2026, 12, 10));
            assert_eq!(*days, 20);
            assert_eq!(*year, 2027);
        }
        other => panic!("unexpected {other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("2026-12-10") && msg.contains("2027"), "{msg}");
    assert!(
        msg.contains("load that year's notice") && !msg.contains("::"),
        "{msg}"
    );
}

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

// ---- follow-ups (RULES §1.4 "Legal follow-ups tied to outcomes") ----

/// Every code of `t` has exactly the follow-ups `expected` gives it.
fn assert_follow_ups(t: &OutcomeTable, expected: &[(&str, &[&str])]) {
    assert_eq!(expected.len(), t.codes().len());
    for (code, events) in expected {
        assert_eq!(events_of(t, code), *events, "code {code}");
    }
}

#[test]
fn newer_list_follow_ups() {
    let t = OutcomeTable::zhejiang_new();
    let expected: &[(&str, &[&str])] = &[
        ("1", &[]),
        ("A", &[]),
        ("B", &[]),
        ("C", &["listing:FalsifiedPublicity"]),
        ("D", &[]),
        ("E", &[]),
        ("F", &[]),
        ("G", &["transfer:PublicSecurity"]),
        ("3", &["transfer:FoodAndDrug"]),
        ("4", &["transfer:QualityAndTechnicalSupervision"]),
        ("5", &["transfer:Other"]),
        ("6", &["listing:UnreachableAtRegisteredAddress"]),
        ("7", &[]),
        ("8", &["publicity"]),
        ("9", &["status:Deregistered"]),
        ("10", &["status:LicenceRevoked"]),
        ("11", &["status:RegistrationRevoked"]),
        ("12", &["status:MovedOut"]),
    ];
    assert_follow_ups(&t, expected);
}

#[test]
fn older_list_follow_ups() {
    let t = OutcomeTable::zhejiang_publicity();
    let expected: &[(&str, &[&str])] = &[
        ("1", &[]),
        ("2", &[]),
        ("3", &[]),
        ("4", &["listing:UnreachableAtRegisteredAddress"]),
        ("5", &["listing:FalsifiedPublicity"]),
        ("6", &["publicity"]),
        ("7", &["status:Deregistered"]),
        ("8", &["status:LicenceRevoked"]),
        ("9", &["status:RegistrationRevoked"]),
    ];
    assert_follow_ups(&t, expected);
}

#[test]
fn events_cite_their_provisions() {
    let t = OutcomeTable::default();
    let basis = |code: &str| {
        record(&t, &[code]).unwrap().follow_ups[0]
            .legal_basis()
            .to_owned()
    };
    // Unreachable: the 4th listing situation of 工商总局令第68号, not
    // 企业信息公示暂行条例 Art. 17 (一) (late reports, ordered information).
    assert!(basis("6").contains("第68号）第四条第（四）项"));
    assert!(basis("C").contains("企业信息公示暂行条例第十七条第一款第（二）项"));
    assert!(basis("8").contains("企业信息公示暂行条例第十五条第二款"));
    assert!(basis("G").contains("平政发〔2021〕16号"));
    assert!(basis("9").contains("检查对象名录库"));
}

#[test]
fn an_event_carries_entity_code_basis_and_date() {
    let r = record(&OutcomeTable::default(), &["6"]).unwrap();
    let [e] = r.follow_ups.as_slice() else {
        panic!("one event expected: {:?}", r.follow_ups)
    };
    assert_eq!(e.uscc(), &huawei());
    assert_eq!(e.code(), "6");
    assert_eq!(e.arises_on(), d(2026, 9, 25));
    assert_eq!(e.credit_list(), Some(CreditList::AbnormalOperations));
    let json = serde_json::to_value(e).unwrap();
    assert_eq!(json["event"], "abnormal_operations_listing");
    assert_eq!(json["draw_record_id"], "2026-09-0042");
    assert_eq!(json["uscc"], "914403001922038216");
    assert_eq!(json["code"], "6");
    assert_eq!(json["ground"], "unreachable_at_registered_address");
    assert_eq!(json["arises_on"], "2026-09-25");
    assert!(json["legal_basis"].as_str().unwrap().contains("无法联系"));
    let back: FollowUpEvent = serde_json::from_value(json).unwrap();
    assert_eq!(&back, e);
}

#[test]
fn event_tags_are_snake_case() {
    let r = record(&OutcomeTable::default(), &["8", "4", "11"]).unwrap();
    let tags: Vec<serde_json::Value> = r
        .follow_ups
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .collect();
    assert_eq!(tags[0]["event"], "transfer");
    assert_eq!(tags[0]["department"], "quality_and_technical_supervision");
    assert_eq!(tags[1]["event"], "credit_publicity");
    assert_eq!(tags[2]["event"], "status_update");
    assert_eq!(tags[2]["status"], "registration_revoked");
    assert!(r.follow_ups.iter().all(|e| e.credit_list().is_none()));
}

#[test]
fn several_outcomes_are_recorded_in_table_order() {
    // Entered as ticked: 8 before 6. Recorded in the table's order.
    let r = record(&OutcomeTable::default(), &["8", "6"]).unwrap();
    let codes: Vec<&str> = r.outcomes.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(codes, ["6", "8"]);
    let events: Vec<String> = r.follow_ups.iter().map(summary).collect();
    assert_eq!(
        events,
        ["listing:UnreachableAtRegisteredAddress", "publicity"]
    );
    assert_eq!(r, record(&OutcomeTable::default(), &["6", "8"]).unwrap());
}

#[test]
fn no_problem_combines_with_neutral_codes() {
    for neutral in ["F", "7", "9"] {
        let r = record(&OutcomeTable::default(), &[neutral, "1"]).unwrap();
        assert_eq!(r.outcomes[0].code, "1");
    }
}

#[test]
fn status_outcomes_map_to_entity_status() {
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

mod refusals;
