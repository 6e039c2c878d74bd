//! `jianguan calendar` against the official notices (国务院办公厅关于2024年部分节假日安排的通知,
//! 国办发明电〔2023〕7号: 春节 2024-02-10..17, Sunday 02-18 worked).

mod common;
use common::jianguan;

#[test]
fn twenty_working_days_across_spring_festival_2024() {
    let (code, out, _) = jianguan(&["calendar", "add", "2024-02-01", "20", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["deadline"], "2024-03-05");
}

#[test]
fn make_up_sunday_is_a_working_day() {
    let (_, out, _) = jianguan(&["calendar", "day", "2024-02-18"]);
    assert_eq!(out.trim(), "2024-02-18 is a working day");
    let (_, out, _) = jianguan(&["calendar", "day", "2024-02-12"]);
    assert_eq!(out.trim(), "2024-02-12 is a rest day (春节)");
}

#[test]
fn year_without_notice_is_refused_with_the_remedy() {
    let (code, _, err) = jianguan(&["calendar", "day", "2027-02-18"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("2027") && err.contains("--holidays FILE"),
        "{err}"
    );
    let (code, out, _) = jianguan(&["calendar", "day", "2027-02-18", "--weekends-only"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "2027-02-18 is a working day");
}

#[test]
fn bad_holiday_file_is_refused() {
    let dir = std::env::temp_dir().join(format!("jianguan-cal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("2027.json");
    // 2027-01-05 is a Tuesday: it cannot be a make-up working day.
    std::fs::write(
        &file,
        r#"{"years":{"2027":{"holidays":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"}],"workdays":["2027-01-05"]}}}"#,
    )
    .unwrap();
    let (code, _, err) = jianguan(&[
        "calendar",
        "day",
        "2027-01-04",
        "--holidays",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("2027-01-05"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
