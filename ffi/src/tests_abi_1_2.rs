//! Tests of what ABI 1.2 adds, from Rust: columnar rosters give the JSON
//! roster's draw, verification takes the draw's own inputs, every kind has
//! its constant and every status its text, messages carry no Rust names.
//! The C-side tests are examples/c/tests/test_{schemas,errors,columns}.c.

use std::ffi::{CStr, CString, c_char};

use super::*;
use crate::tests::{last_error, root, supervisor};

fn days(text: &str) -> i32 {
    let d = sdk::NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date");
    let mut out = 0;
    // SAFETY: a writable i32.
    let st = unsafe { jg_date_to_days(jg_date::from_naive(d), &mut out) };
    assert_eq!(st, jg_status::JG_STATUS_OK);
    out
}

/// A JSON roster as the columns a C host would fill, with the C strings
/// they point into.
struct Columns {
    _text: Vec<CString>,
    uscc: Vec<*const c_char>,
    region: Vec<*const c_char>,
    industries: Vec<*const c_char>,
    status: Vec<u32>,
    class: Vec<*const c_char>,
    registered: Vec<i32>,
    penalty: Vec<i32>,
    penalty_present: Vec<u8>,
    weight: Vec<u32>,
}

impl Columns {
    fn of(roster: &[serde_json::Value]) -> Self {
        let mut c = Columns {
            _text: Vec::new(),
            uscc: vec![],
            region: vec![],
            industries: vec![],
            status: vec![],
            class: vec![],
            registered: vec![],
            penalty: vec![],
            penalty_present: vec![],
            weight: vec![],
        };
        let mut keep = |s: &str| {
            let text = CString::new(s).expect("no NUL");
            let p = text.as_ptr();
            c._text.push(text);
            p
        };
        for e in roster {
            let lines: Vec<&str> = e["industries"]
                .as_array()
                .map(|a| a.iter().map(|v| v.as_str().expect("id")).collect())
                .unwrap_or_default();
            let (u, r, i, k) = (
                keep(e["uscc"].as_str().expect("uscc")),
                keep(e["region"].as_str().expect("region")),
                keep(&lines.join(";")),
                keep(e["credit_class"].as_str().expect("class")),
            );
            c.uscc.push(u);
            c.region.push(r);
            c.industries.push(i);
            c.class.push(k);
            c.status.push(match e["status"].as_str().expect("status") {
                "operating" => JG_ENTITY_OPERATING,
                "closed" => JG_ENTITY_CLOSED,
                "deregistered" => JG_ENTITY_DEREGISTERED,
                "revoked" => JG_ENTITY_REVOKED,
                "moved_out" => JG_ENTITY_MOVED_OUT,
                other => panic!("status {other}"),
            });
            c.registered
                .push(days(e["registered_on"].as_str().expect("registered_on")));
            match e["last_penalty_on"].as_str() {
                Some(d) => {
                    c.penalty.push(days(d));
                    c.penalty_present.push(1);
                }
                None => {
                    c.penalty.push(0);
                    c.penalty_present.push(0);
                }
            }
            c.weight.push(e["weight"].as_u64().map_or(1, |w| w as u32));
        }
        c
    }

    fn table(&self) -> jg_roster_columns {
        jg_roster_columns {
            rows: self.uscc.len(),
            uscc: self.uscc.as_ptr(),
            region: self.region.as_ptr(),
            industries: self.industries.as_ptr(),
            status: self.status.as_ptr(),
            credit_class: self.class.as_ptr(),
            registered_on: self.registered.as_ptr(),
            last_penalty_on: self.penalty.as_ptr(),
            last_penalty_present: self.penalty_present.as_ptr(),
            weight: self.weight.as_ptr(),
        }
    }
}

/// Every draw vector through the columnar roster: the same record (or the
/// same refusal kind) as the JSON roster, and each record verifies from
/// the draw's own inputs document, as JSON and as columns.
#[test]
fn columnar_rosters_draw_and_verify_as_json_ones_do() {
    let sup = supervisor();
    let dir = root().join("tests/vectors/draw");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("vectors")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "primitives.json"))
        .collect();
    paths.sort();
    let mut drawn = 0;
    for path in paths {
        let name = path.display().to_string();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        let (inputs, columns) = split_roster(&v);
        let table = columns.table();
        let rest = CString::new(inputs.to_string()).expect("no NUL");
        let mut record = std::ptr::null_mut();
        // SAFETY: live supervisor, C strings, columns of `rows` values.
        let st = unsafe { jg_supervisor_draw_columns(sup, rest.as_ptr(), &table, &mut record) };
        if let Some(kind) = v["expected"]["error"].as_str() {
            assert_ne!(st, jg_status::JG_STATUS_OK, "{name}");
            // SAFETY: never NULL.
            let got = unsafe { CStr::from_ptr(jg_last_error_kind()) }
                .to_str()
                .expect("utf-8");
            assert_eq!(got, kind, "{name}: {}", last_error());
            continue;
        }
        assert_eq!(st, jg_status::JG_STATUS_OK, "{name}: {}", last_error());
        // SAFETY: an owned string from the call.
        let json = unsafe { CStr::from_ptr(record) }
            .to_str()
            .expect("utf-8")
            .to_owned();
        // SAFETY: owned, freed once.
        unsafe { jg_string_free(record) };
        let parsed: sdk::supervisor::draw::DrawRecord =
            serde_json::from_str(&json).expect("record");
        assert_eq!(
            parsed.digest(),
            v["expected"]["record_digest"].as_str().expect("digest"),
            "{name}"
        );
        let record = CString::new(json).expect("no NUL");
        let whole = CString::new(v["inputs"].to_string()).expect("no NUL");
        // SAFETY: as above.
        let st = unsafe { jg_supervisor_verify(sup, record.as_ptr(), whole.as_ptr()) };
        assert_eq!(
            st,
            jg_status::JG_STATUS_OK,
            "{name}: verify(inputs): {}",
            last_error()
        );
        // SAFETY: as above.
        let st =
            unsafe { jg_supervisor_verify_columns(sup, record.as_ptr(), rest.as_ptr(), &table) };
        assert_eq!(
            st,
            jg_status::JG_STATUS_OK,
            "{name}: verify_columns: {}",
            last_error()
        );
        // Inputs with other entropy are not the record's inputs.
        let mut other = v["inputs"].clone();
        other["entropy"][0]["value"] = serde_json::Value::from("0 0 0 0");
        let other = CString::new(other.to_string()).expect("no NUL");
        // SAFETY: as above.
        let st = unsafe { jg_supervisor_verify(sup, record.as_ptr(), other.as_ptr()) };
        assert_eq!(st, jg_status::JG_STATUS_VERIFICATION_FAILED, "{name}");
        assert!(last_error().contains("`entropy`"), "{}", last_error());
        drawn += 1;
    }
    assert!(drawn >= 4, "only {drawn} draws");
    // SAFETY: from jg_supervisor_new.
    unsafe { jg_supervisor_free(sup) };
}

/// A bad column names itself and the row.
/// A vector's inputs without their roster, and that roster as columns.
fn split_roster(vector: &serde_json::Value) -> (serde_json::Value, Columns) {
    let mut inputs = vector["inputs"].clone();
    let roster = inputs
        .as_object_mut()
        .expect("object")
        .remove("roster")
        .expect("roster");
    let columns = Columns::of(roster.as_array().expect("array"));
    (inputs, columns)
}

#[test]
fn a_bad_roster_column_names_column_and_row() {
    let sup = supervisor();
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/vectors/draw/edge-city.json")).expect("read"),
    )
    .expect("json");
    let (inputs, mut columns) = split_roster(&v);
    columns.status[2] = 9;
    let rest = CString::new(inputs.to_string()).expect("no NUL");
    let mut record = std::ptr::null_mut();
    let table = columns.table();
    // SAFETY: as in the test above.
    let st = unsafe { jg_supervisor_draw_columns(sup, rest.as_ptr(), &table, &mut record) };
    assert_eq!(st, jg_status::JG_STATUS_DRAW_REFUSED);
    assert_eq!(
        last_error(),
        "roster.status row 2: 9 is not a jg_entity_status"
    );
    assert!(record.is_null());
    let mut table = columns.table();
    table.uscc = std::ptr::null();
    table.credit_class = std::ptr::null();
    // SAFETY: as above; NULL columns are refused.
    let st = unsafe { jg_supervisor_draw_columns(sup, rest.as_ptr(), &table, &mut record) };
    assert_eq!(st, jg_status::JG_STATUS_NULL_ARGUMENT);
    assert_eq!(
        last_error(),
        "arguments `roster.uscc`, `roster.credit_class` are NULL"
    );
    // SAFETY: from jg_supervisor_new.
    unsafe { jg_supervisor_free(sup) };
}

/// Every kind of the SDK's list has its `JG_KIND_` constant, in order, and
/// every status its text.
#[test]
fn every_kind_has_a_constant_and_every_status_a_text() {
    let header = std::fs::read_to_string(root().join("include/jianguan.h")).expect("header");
    let defined: Vec<&str> = header
        .lines()
        .filter(|l| l.starts_with("#define JG_KIND_"))
        .collect();
    let wanted: Vec<String> = sdk::ErrorKind::ALL
        .iter()
        .map(|k| {
            format!(
                "#define JG_KIND_{} \"{}\"",
                k.as_str().to_uppercase(),
                k.as_str()
            )
        })
        .collect();
    assert_eq!(
        defined, wanted,
        "the JG_KIND_ constants (ffi/cbindgen.toml, after_includes) must be the SDK's kinds, in order"
    );
    let last = jg_status::JG_STATUS_OUT_OF_RANGE as usize;
    assert_eq!(errors::STATUS_TEXT.len(), last + 1);
    // SAFETY: static strings.
    let text = |s: i32| {
        unsafe { CStr::from_ptr(jg_status_str(s)) }
            .to_str()
            .expect("utf-8")
    };
    assert_eq!(
        text(jg_status::JG_STATUS_DRAW_REFUSED as i32),
        "the draw was refused"
    );
    assert_eq!(text(-1), "unknown status");
    assert_eq!(text(last as i32 + 1), "unknown status");
}

/// Messages reach C without Rust type names or paths.
#[test]
fn messages_carry_no_rust_names() {
    for (serde, c) in [
        (
            "invalid type: string \"x\", expected struct DrawRecord at line 1",
            "invalid type: string \"x\", expected a JSON object (draw record) at line 1",
        ),
        (
            "invalid length 0, expected struct Plan with 10 elements at line 1 column 10",
            "invalid length 0, expected a JSON object (plan) at line 1 column 10",
        ),
        (
            "invalid value: integer `-2`, expected u64 at line 1 column 7",
            "invalid value: integer `-2`, expected a non-negative whole number at line 1 column 7",
        ),
        (
            "invalid type: map, expected a sequence at line 1 column 0",
            "invalid type: object, expected a JSON array at line 1 column 0",
        ),
        (
            "unknown variant `x`, expected enum Level",
            "unknown variant `x`, expected one of the documented values (level)",
        ),
        (
            "unknown variant `x`, expected one of `county`, `city`",
            "unknown variant `x`, expected one of `county`, `city`",
        ),
    ] {
        assert_eq!(boundary::c_message(serde), c);
    }
    let sup = supervisor();
    let bad = CString::new("[]").expect("no NUL");
    let mut out = std::ptr::null_mut();
    // SAFETY: live supervisor, C strings, an out-pointer.
    let st = unsafe { jg_supervisor_draw(sup, c"{\"plan\": 1}".as_ptr(), &mut out) };
    assert_eq!(st, jg_status::JG_STATUS_INVALID_ARGUMENT);
    let msg = last_error();
    assert!(!msg.contains("struct ") && !msg.contains("::"), "{msg}");
    // SAFETY: as above.
    let st = unsafe { jg_supervisor_verify(sup, bad.as_ptr(), bad.as_ptr()) };
    assert_eq!(st, jg_status::JG_STATUS_INVALID_ARGUMENT);
    let msg = last_error();
    assert!(!msg.contains("struct ") && !msg.contains("::"), "{msg}");
    // A year without a holiday notice: the remedy is a C call.
    let st = unsafe {
        jg_supervisor_is_working_day(
            sup,
            jg_date {
                year: 2031,
                month: 3,
                day: 3,
            },
            &mut false,
        )
    };
    assert_eq!(st, jg_status::JG_STATUS_CALENDAR);
    let msg = last_error();
    assert!(
        msg.contains("jg_options_add_holidays_json") && !msg.contains("::"),
        "{msg}"
    );
    // SAFETY: from jg_supervisor_new.
    unsafe { jg_supervisor_free(sup) };
}

/// Every NULL argument is named, not only the first; the digest checks
/// `out` before parsing anything.
#[test]
fn every_null_argument_is_named() {
    // SAFETY: NULLs are refused by the boundary.
    let st =
        unsafe { jg_supervisor_draw(std::ptr::null(), std::ptr::null(), std::ptr::null_mut()) };
    assert_eq!(st, jg_status::JG_STATUS_NULL_ARGUMENT);
    assert_eq!(
        last_error(),
        "arguments `supervisor`, `inputs_json`, `record_json` are NULL"
    );
    // SAFETY: a C string that is no record, and a NULL out.
    let st = unsafe { jg_draw_record_digest(c"not json".as_ptr(), std::ptr::null_mut(), 65) };
    assert_eq!(st, jg_status::JG_STATUS_NULL_ARGUMENT);
    assert_eq!(last_error(), "argument `out` is NULL");
}

/// Dates convert both ways and refuse what is no date.
#[test]
fn dates_convert_to_days_and_back() {
    assert_eq!(days("1970-01-01"), 0);
    assert_eq!(days("2026-10-09"), 20_735);
    assert_eq!(days("1969-12-31"), -1);
    let mut d = jg_date {
        year: 0,
        month: 0,
        day: 0,
    };
    // SAFETY: a writable jg_date.
    assert_eq!(
        unsafe { jg_date_from_days(20_735, &mut d) },
        jg_status::JG_STATUS_OK
    );
    assert_eq!((d.year, d.month, d.day), (2026, 10, 9));
    // SAFETY: as above.
    let st = unsafe { jg_date_from_days(i32::MAX, &mut d) };
    assert_eq!(st, jg_status::JG_STATUS_INVALID_ARGUMENT);
    assert_eq!((d.year, d.month, d.day), (2026, 10, 9), "nothing written");
    let mut n = 7;
    let feb30 = jg_date {
        year: 2026,
        month: 2,
        day: 30,
    };
    // SAFETY: a writable i32.
    let st = unsafe { jg_date_to_days(feb30, &mut n) };
    assert_eq!(st, jg_status::JG_STATUS_INVALID_ARGUMENT);
    assert_eq!(n, 7);
}
