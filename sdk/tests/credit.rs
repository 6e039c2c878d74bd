//! Credit schemes, profiles and the in-memory lookup.

use jianguan::NaiveDate;
use jianguan::credit::{
    CreditClass, CreditError, CreditList, CreditLookup, CreditProfile, CreditScheme,
    InMemoryCreditLookup, ListMembership,
};
use jianguan::entity::Uscc;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn huawei() -> Uscc {
    "914403001922038216".parse().unwrap()
}

fn tencent() -> Uscc {
    "9144030071526726XG".parse().unwrap()
}

fn profile(uscc: Uscc, class: &str) -> CreditProfile {
    CreditProfile {
        uscc,
        class: class.into(),
        last_penalty_on: None,
        lists: vec![],
    }
}

#[test]
fn national_scheme_has_four_classes_and_shandong_five() {
    // 国市监信发〔2022〕6号: A 信用风险低 … D 信用风险高.
    let n = CreditScheme::national_2022();
    let codes: Vec<_> = n.classes().iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["A", "B", "C", "D"]);
    assert_eq!(n.class("D").unwrap().name_zh, "信用风险高");
    assert_eq!(n.rank("A"), Some(0));
    assert_eq!(n.rank("D"), Some(3));
    // Shandong 2020: five classes A–E (RULES.md §0a).
    let s = CreditScheme::shandong_2020();
    assert_eq!(s.classes().len(), 5);
    assert_eq!(s.rank("E"), Some(4));
    assert_eq!(n.rank("E"), None);
}

#[test]
fn custom_schemes_are_validated() {
    let c = |code: &str| CreditClass {
        code: code.into(),
        name_zh: code.into(),
        name_en: code.into(),
    };
    assert!(CreditScheme::new("x", vec![c("低"), c("高")]).is_ok());
    let dup = CreditScheme::new("x", vec![c("A"), c("A")]).unwrap_err();
    assert!(dup.to_string().contains("\"A\" appears twice"), "{dup}");
    assert!(matches!(
        CreditScheme::new("x", vec![]),
        Err(CreditError::InvalidScheme { .. })
    ));
}

#[test]
fn schemes_read_from_json_are_validated() {
    let ok: CreditScheme = serde_json::from_str(
        r#"{"name": "县级三类", "classes": [{"code": "低", "name_zh": "低风险", "name_en": "low"}, {"code": "高", "name_zh": "高风险", "name_en": "high"}]}"#,
    )
    .unwrap();
    assert_eq!(ok.rank("高"), Some(1));
    let e = serde_json::from_str::<CreditScheme>(r#"{"name": "空", "classes": []}"#).unwrap_err();
    assert!(e.to_string().contains("has no classes"), "{e}");
    // The national scheme round-trips.
    let n = CreditScheme::national_2022();
    let back: CreditScheme = serde_json::from_str(&serde_json::to_string(&n).unwrap()).unwrap();
    assert_eq!(back, n);
}

#[test]
fn lookup_refuses_unknown_class_and_changes_nothing() {
    let mut l = InMemoryCreditLookup::from_profiles(
        CreditScheme::national_2022(),
        [profile(huawei(), "A")],
    )
    .unwrap();
    let err = l
        .insert_all([profile(tencent(), "B"), profile(huawei(), "E")])
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "credit class \"E\" is not in scheme \"国市监信发〔2022〕6号 企业信用风险分类 (A–D)\"; allowed: A, B, C, D"
    );
    // Nothing of the failed batch was applied.
    assert_eq!(l.len(), 1);
    assert_eq!(l.profile(&tencent()).unwrap(), None);
    assert_eq!(l.profile(&huawei()).unwrap().unwrap().class, "A");

    let dup = l
        .insert_all([profile(tencent(), "B"), profile(tencent(), "C")])
        .unwrap_err();
    assert!(matches!(dup, CreditError::DuplicateProfile { .. }));
    assert_eq!(l.len(), 1);

    let batch = l.profiles(&[tencent(), huawei()]).unwrap();
    assert!(batch[0].is_none());
    assert_eq!(batch[1].as_ref().unwrap().class, "A");
}

#[test]
fn list_membership_ending_before_it_starts_is_refused() {
    let mut p = profile(huawei(), "C");
    p.lists.push(ListMembership {
        list: CreditList::AbnormalOperations,
        since: d("2024-05-01"),
        until: Some(d("2024-04-01")),
        reason: "通过登记的住所无法联系".into(),
    });
    let e = p.validate(&CreditScheme::national_2022()).unwrap_err();
    assert!(e.to_string().contains("field `lists`"), "{e}");
}

#[test]
fn list_membership_in_force() {
    let mut p = profile(huawei(), "C");
    p.lists.push(ListMembership {
        list: CreditList::AbnormalOperations,
        since: d("2024-05-01"),
        until: Some(d("2025-03-10")),
        reason: "未按规定报送年度报告".into(),
    });
    assert!(!p.on_list(CreditList::AbnormalOperations, d("2024-04-30")));
    assert!(p.on_list(CreditList::AbnormalOperations, d("2024-05-01")));
    assert!(p.on_list(CreditList::AbnormalOperations, d("2025-03-09")));
    // Removed on 2025-03-10: not on the list from that day.
    assert!(!p.on_list(CreditList::AbnormalOperations, d("2025-03-10")));
    assert!(!p.on_list(CreditList::SeriousDishonesty, d("2024-06-01")));
}

/// Pingdu plan §(六): "对连续三年未受行政处罚的企业，适度控制执法检查频次".
#[test]
fn three_years_without_penalty() {
    let mut p = profile(huawei(), "B");
    assert_eq!(p.penalty_free_for_years(d("2026-11-28"), 3), Some(true));
    p.last_penalty_on = Some(d("2023-11-28"));
    // Exactly three years before: the three-year window (2023-11-28, 2026-11-28] is clean.
    assert_eq!(p.penalty_free_for_years(d("2026-11-28"), 3), Some(true));
    p.last_penalty_on = Some(d("2023-11-29"));
    assert_eq!(p.penalty_free_for_years(d("2026-11-28"), 3), Some(false));
    // Leap day: three years before 2024-02-29 is counted from 2021-02-28.
    p.last_penalty_on = Some(d("2021-02-28"));
    assert_eq!(p.penalty_free_for_years(d("2024-02-29"), 3), Some(true));
    // A question about a date before the latest penalty cannot be answered
    // from the latest date alone.
    p.last_penalty_on = Some(d("2025-06-01"));
    assert_eq!(p.penalty_free_for_years(d("2024-01-01"), 3), None);
}
