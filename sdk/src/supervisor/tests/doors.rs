//! The doors this round opened in the facade: inspection results of a draw,
//! RFC 3797, a catalog served by a failing source, and the kinds every
//! refusal carries.

use super::*;
use crate::catalog::{BoundaryEntry, Department, SupervisionItem};
use crate::supervisor::catalog::{ItemCatalog, Role};
use crate::supervisor::draw::DrawRecord;
use crate::supervisor::results::{EnteredResult, OutcomeTable, ResultsError};
use crate::supervisor::rfc3797::EntropySource;

/// The edge-city vector's record (a June 2026 period) and its first visit.
fn june_record(sup: &Supervisor) -> (DrawRecord, Uscc, String) {
    let v = vector("edge-city.json");
    let inputs: DrawInputs = serde_json::from_value(v["inputs"].clone()).expect("inputs");
    let record = sup.draw(&inputs).expect("draws");
    let (uscc, dept) = (
        record.visits[0].uscc,
        record.visits[0].departments[0].clone(),
    );
    (record, uscc, dept)
}

fn entered(uscc: Uscc, department: &str, on: &str, outcomes: &[&str]) -> EnteredResult {
    EnteredResult {
        uscc,
        department: department.into(),
        concluded_on: day(on),
        outcomes: outcomes.iter().map(|o| o.to_string()).collect(),
    }
}

/// 20 working days after Monday 2026-06-01 run across the Dragon Boat
/// Festival holiday of Friday 2026-06-19 (State Council General Office
/// notice for 2026): 2026-06-30. The visit becomes history for the next
/// draw, with the items its department checked.
#[test]
fn results_of_a_visit_get_their_deadline_and_become_history() {
    let sup = Supervisor::builder().build().expect("defaults");
    let (record, uscc, dept) = june_record(&sup);
    let done = sup
        .record_results(
            &record,
            &OutcomeTable::default(),
            &[entered(uscc, &dept, "2026-06-01", &["1"])],
            20,
        )
        .expect("recorded");
    assert_eq!(done.results[0].publish_by, day("2026-06-30"));
    assert_eq!(done.results[0].draw_record_id, record.digest());
    assert_eq!(done.history[0].uscc, uscc);
    assert_eq!(done.history[0].date, day("2026-06-01"));
    assert!(!done.history[0].items.is_empty());
}

/// Every refusal names the result's position and has kind `invalid_results`;
/// nothing is recorded.
#[test]
fn results_the_record_does_not_support_are_refused_by_position() {
    let sup = Supervisor::builder().build().expect("defaults");
    let (record, uscc, dept) = june_record(&sup);
    let table = OutcomeTable::default();
    let huawei: Uscc = "914403001922038216".parse().expect("valid");
    let good = entered(uscc, &dept, "2026-06-01", &["1"]);
    let cases = [
        (
            vec![entered(huawei, &dept, "2026-06-01", &["1"])],
            "result 1: 914403001922038216 is not a visit of this draw",
        ),
        (
            vec![good.clone(), good.clone()],
            "result 2: repeats the result of",
        ),
        (
            vec![entered(uscc, &dept, "2026-05-29", &["1"])],
            "result 1: concluded on 2026-05-29 before the plan's period starts (2026-06-01)",
        ),
        (
            vec![entered(uscc, "no_such_department", "2026-06-01", &["1"])],
            "result 1: no_such_department does not take part in the visit",
        ),
    ];
    for (batch, message) in cases {
        let err = sup
            .record_results(&record, &table, &batch, 20)
            .expect_err(message);
        assert!(err.to_string().starts_with(message), "{err}");
        assert_eq!(err.kind(), ErrorKind::InvalidResults, "{err}");
    }
    // A code the table lacks: the table's own refusal, inside the position.
    let err = sup
        .record_results(
            &record,
            &table,
            &[entered(uscc, &dept, "2026-06-01", &["Q"])],
            20,
        )
        .expect_err("unknown code");
    assert!(
        matches!(&err, Error::Results(ResultsError::InBatch { number: 1, source })
            if matches!(**source, ResultsError::UnknownCode { .. })),
        "{err:?}"
    );
    assert_eq!(err.kind(), ErrorKind::InvalidResults);
}

/// RFC 3797 §6: the key string and the ten selections of the worked example.
#[test]
fn rfc3797_through_the_facade_reproduces_the_rfc() {
    let sup = Supervisor::builder().build().expect("defaults");
    let sources = [
        EntropySource::numbers([9319]),
        EntropySource::numbers([2, 5, 12, 8, 10]),
        EntropySource::numbers([9, 18, 26, 34, 41, 45]),
    ];
    let s = sup.rfc3797_select(25, 10, &sources).expect("selects");
    assert_eq!(s.key, "9319./2.5.8.10.12./9.18.26.34.41.45./");
    let picks: Vec<usize> = s.picks.iter().map(|p| p.position).collect();
    assert_eq!(picks, [17, 7, 2, 16, 25, 23, 8, 24, 19, 13]);
    let err = sup
        .rfc3797_select(3, 4, &sources)
        .expect_err("count beyond pool");
    assert_eq!(err.kind(), ErrorKind::Rfc3797Refused);
}

/// A catalog served from a host's database that is down: every question
/// fails with `catalog_source`, and a draw over it is refused the same way.
#[test]
fn a_failing_catalog_source_is_its_own_kind_everywhere() {
    struct Down;
    impl ItemCatalog for Down {
        fn item(&self, _: &str) -> Result<Option<SupervisionItem>, CatalogError> {
            Err(CatalogError::Source {
                message: "connection refused".into(),
            })
        }
        fn items(&self) -> Result<Vec<SupervisionItem>, CatalogError> {
            Err(CatalogError::Source {
                message: "connection refused".into(),
            })
        }
        fn department(&self, _: &str) -> Result<Option<Department>, CatalogError> {
            Err(CatalogError::Source {
                message: "connection refused".into(),
            })
        }
        fn departments(&self) -> Result<Vec<Department>, CatalogError> {
            Err(CatalogError::Source {
                message: "connection refused".into(),
            })
        }
        fn boundaries(&self) -> Result<Vec<BoundaryEntry>, CatalogError> {
            Err(CatalogError::Source {
                message: "connection refused".into(),
            })
        }
    }
    let sup = Supervisor::builder().catalog(Down).build().expect("built");
    for err in [
        sup.item("G-01").map(|_| ()).expect_err("item"),
        sup.items().map(|_| ()).expect_err("items"),
        sup.resolve("G-01", &ApprovalFacts::default())
            .map(|_| ())
            .expect_err("resolve"),
    ] {
        assert_eq!(err.kind(), ErrorKind::CatalogSource, "{err}");
        assert!(err.to_string().contains("connection refused"), "{err}");
    }
    let v = vector("edge-city.json");
    let inputs: DrawInputs = serde_json::from_value(v["inputs"].clone()).expect("inputs");
    let err = sup.draw(&inputs).expect_err("no catalog");
    assert_eq!(err.kind(), ErrorKind::CatalogSource, "{err}");
}

/// The kinds of errors from each module, as docs/errors.md tables them.
#[test]
fn each_module_error_has_its_documented_kind() {
    let sup = Supervisor::builder().build().expect("defaults");
    let kind = |r: Result<(), Error>| r.expect_err("refused").kind();
    assert_eq!(
        kind(sup.check_uscc("914403001922038217").map(|_| ())),
        ErrorKind::InvalidUscc
    );
    assert_eq!(kind(sup.item("X-99").map(|_| ())), ErrorKind::UnknownItem);
    let approved_by = Some(crate::catalog::DepartmentId::new("nowhere").expect("an id"));
    let facts = ApprovalFacts {
        approved_by,
        ..Default::default()
    };
    assert_eq!(
        kind(sup.resolve("F-01", &facts).map(|_| ())),
        ErrorKind::UnknownDepartment
    );
    let approved_by = Some(crate::catalog::DepartmentId::new("market_regulation").expect("an id"));
    let facts = ApprovalFacts {
        approved_by,
        ..Default::default()
    };
    // F-01 is 审管分离: the competent department cannot be the approving one.
    assert_eq!(
        kind(sup.resolve("F-01", &facts).map(|_| ())),
        ErrorKind::CatalogRefused
    );
    assert_eq!(
        kind(sup.add_working_days(day("2026-12-20"), 10).map(|_| ())),
        ErrorKind::Calendar
    );
    assert_eq!(
        kind(sup.plugin("food").map(|_| ())),
        ErrorKind::PluginNotLoaded
    );
    let syntax = crate::catalog::InMemoryCatalog::from_json_str("{not json").expect_err("syntax");
    assert_eq!(Error::from(syntax).kind(), ErrorKind::InvalidSyntax);
    let resolved = sup
        .resolve("F-01", &ApprovalFacts::default())
        .expect("resolves");
    assert!(resolved.has("market_regulation", Role::Lead));
}
