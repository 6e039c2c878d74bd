use std::path::PathBuf;

use serde_json::Value;

use super::catalog::CatalogError;
use super::codes::Uscc;
use super::credit::{CreditProfile, CreditScheme};
use super::draw::{DrawInputs, DrawRosters};
use super::*;
use crate::catalog::ApprovalFacts;
use crate::credit::{CreditError, CreditList, InMemoryCreditLookup, ListMembership};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn vector(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors/draw")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).expect("vector")).expect("json")
}

#[test]
fn a_supervisor_is_shared_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Supervisor>();
}

#[test]
fn codes_are_checked_with_gb_32100s_check_character() {
    let sup = Supervisor::builder().build().expect("defaults");
    // RULES.md §11.3: 华为技术有限公司, and the same code with a wrong check character.
    assert_eq!(
        sup.check_uscc("914403001922038216")
            .expect("valid")
            .as_str(),
        "914403001922038216"
    );
    let err = sup
        .check_uscc("914403001922038217")
        .expect_err("wrong check");
    assert!(matches!(err, Error::Uscc(_)), "{err}");
}

#[test]
fn an_unknown_item_is_named() {
    let sup = Supervisor::builder().build().expect("defaults");
    let err = sup.item("NO-SUCH-ITEM").expect_err("unknown");
    assert_eq!(
        err.to_string(),
        CatalogError::UnknownItem {
            code: "NO-SUCH-ITEM".into()
        }
        .to_string()
    );
    assert!(
        sup.resolve("NO-SUCH-ITEM", &ApprovalFacts::default())
            .is_err()
    );
}

#[test]
fn credit_profiles_come_from_the_configured_source() {
    let huawei: Uscc = "914403001922038216".parse().expect("valid");
    let profile = CreditProfile {
        uscc: huawei,
        class: "B".into(),
        last_penalty_on: Some(day("2024-03-01")),
        lists: vec![ListMembership {
            list: CreditList::AbnormalOperations,
            since: day("2025-01-02"),
            until: None,
            reason: "未按规定公示年度报告".into(),
        }],
    };
    let lookup =
        InMemoryCreditLookup::from_profiles(CreditScheme::national_2022(), [profile.clone()])
            .expect("valid profile");
    let sup = Supervisor::builder().credit(lookup).build().expect("build");
    assert_eq!(sup.credit_profile(&huawei).expect("lookup"), Some(profile));
    let tencent: Uscc = "9144030071526726XG".parse().expect("valid");
    assert_eq!(sup.credit_profile(&tencent).expect("lookup"), None);
}

/// A host source whose answer is not in its own scheme is refused, not passed on.
#[test]
fn a_profile_outside_the_scheme_is_refused() {
    struct Wrong(CreditScheme);
    impl CreditLookup for Wrong {
        fn scheme(&self) -> &CreditScheme {
            &self.0
        }
        fn profile(&self, uscc: &Uscc) -> Result<Option<CreditProfile>, CreditError> {
            Ok(Some(CreditProfile {
                uscc: *uscc,
                class: "E".into(),
                last_penalty_on: None,
                lists: vec![],
            }))
        }
    }
    let sup = Supervisor::builder()
        .credit(Wrong(CreditScheme::national_2022()))
        .build()
        .expect("build");
    let err = sup
        .credit_profile(&"914403001922038216".parse().expect("valid"))
        .expect_err("class E is not national");
    assert!(
        matches!(err, Error::Credit(CreditError::UnknownClass { .. })),
        "{err}"
    );
}

/// The facade's draw (plan resolved against the catalog) gives the record
/// the conformance vectors pin, and verifies.
#[test]
fn the_facade_draws_the_vectors_records() {
    let sup = Supervisor::builder().build().expect("defaults");
    for name in [
        "joint-county.json",
        "edge-city.json",
        "weighted-publicity.json",
    ] {
        let v = vector(name);
        let inputs: DrawInputs = serde_json::from_value(v["inputs"].clone()).expect("inputs");
        let record = sup.draw(&inputs).expect(name);
        assert_eq!(
            record.digest(),
            v["expected"]["record_digest"].as_str().expect("digest"),
            "{name}"
        );
        let rosters = DrawRosters {
            roster: inputs.roster.clone(),
            history: inputs.history.clone(),
            inspectors: inputs.inspectors.clone(),
        };
        sup.verify(&record, &rosters).expect("verifies");
    }
}

/// A watched draw makes the same record and counts every task and visit;
/// one asked to stop before it starts returns no record; verification too.
#[test]
fn a_watched_draw_is_the_draw_and_stops_when_asked() {
    use super::draw::DrawWatch;
    let sup = Supervisor::builder().build().expect("defaults");
    let v = vector("joint-county.json");
    let inputs: DrawInputs = serde_json::from_value(v["inputs"].clone()).expect("inputs");
    let rosters = inputs.build_rosters().expect("rosters");
    let watch = DrawWatch::new();
    let record = sup
        .draw_over_watched(&inputs.plan, rosters.refs(), &inputs.entropy, &watch)
        .expect("draws")
        .expect("not stopped");
    assert_eq!(record, sup.draw(&inputs).expect("draws"));
    let p = watch.progress();
    assert_eq!((p.tasks_done, p.tasks), (2, 2));
    assert_eq!(p.visits_done, record.visits.len() as u64);
    assert_eq!(p.visits, record.visits.len() as u64);
    let stopped = DrawWatch::new();
    stopped.cancel();
    let none = sup.draw_over_watched(&inputs.plan, rosters.refs(), &inputs.entropy, &stopped);
    assert_eq!(none.expect("no refusal"), None);
    assert_eq!(stopped.progress().tasks_done, 0);
    // Verification re-runs the draw under the same watch.
    let again = DrawWatch::new();
    let verified = sup.verify_over_watched(&record, rosters.refs(), &again);
    assert_eq!(verified.expect("verifies"), Some(()));
    assert_eq!(again.progress().visits_done, record.visits.len() as u64);
    let none = sup.verify_over_watched(&record, rosters.refs(), &stopped);
    assert_eq!(none.expect("no refusal"), None);
}

#[test]
fn a_refused_draw_names_its_kind() {
    let sup = Supervisor::builder().build().expect("defaults");
    let v = vector("error-entropy-order.json");
    let inputs: DrawInputs = serde_json::from_value(v["inputs"].clone()).expect("inputs");
    match sup.draw(&inputs) {
        Err(Error::Sampling(e)) => {
            assert_eq!(e.kind(), v["expected"]["error"]);
            assert_eq!(e.to_string(), v["expected"]["message"]);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn an_unreadable_plugins_folder_fails_the_build() {
    let err = Supervisor::builder()
        .plugins_dir("/nonexistent/jianguan-plugins")
        .build()
        .expect_err("no folder");
    assert!(
        err.to_string()
            .starts_with("plugins folder /nonexistent/jianguan-plugins: "),
        "{err}"
    );
}

mod doors;
