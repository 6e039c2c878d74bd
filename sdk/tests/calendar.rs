//! Working-day calendar tests, built from the State Council General Office's
//! yearly notices (国务院办公厅关于YYYY年部分节假日安排的通知) as transcribed in
//! `sdk/data/cn-holidays.json`.

use jianguan::NaiveDate;
use jianguan::calendar::{CalendarError, Fallback, WorkCalendar};

use chrono::{Datelike, Weekday};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Every date from `from` to `to`, inclusive.
fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |x| *x <= to)
}

fn assert_off(cal: &WorkCalendar, from: NaiveDate, to: NaiveDate, name: &str) {
    for x in days(from, to) {
        assert!(!cal.is_working_day(x).unwrap(), "{x} should be off");
        assert_eq!(cal.holiday_on(x), Some(name), "{x}");
    }
    // The days either side are not part of the period.
    assert_ne!(cal.holiday_on(from.pred_opt().unwrap()), Some(name));
    assert_ne!(cal.holiday_on(to.succ_opt().unwrap()), Some(name));
}

fn assert_make_up(cal: &WorkCalendar, date: NaiveDate) {
    assert!(
        matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        "{date} is not a weekend day"
    );
    assert!(cal.is_working_day(date).unwrap(), "{date} should be worked");
    assert_eq!(cal.holiday_on(date), None);
}

fn no_data_year(e: CalendarError) -> i32 {
    match e {
        CalendarError::NoDataForYear { year, .. } => year,
        e => panic!("expected NoDataForYear, got {e:?}"),
    }
}

#[test]
fn embedded_notices_parse_and_cover_2021_to_2026() {
    let cal = WorkCalendar::china();
    assert_eq!(cal.years(), vec![2021, 2022, 2023, 2024, 2025, 2026]);
    assert_eq!(cal.fallback(), Fallback::Refuse);
    // 2023 notice (国办发明电〔2022〕16号): six items, 中秋 and 国庆 merged.
    let h2023 = cal.holidays(2023).unwrap();
    assert_eq!(h2023.len(), 6);
    assert_eq!(h2023[5].name, "中秋节、国庆节");
    assert_eq!(cal.make_up_workdays(2024).unwrap().len(), 8);
    assert_eq!(cal.holidays(2027), None);
}

#[test]
fn spring_festival_and_national_day_2024() {
    // 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号):
    // 春节 2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
    let cal = WorkCalendar::china();
    assert_off(&cal, d(2024, 2, 10), d(2024, 2, 17), "春节");
    assert_make_up(&cal, d(2024, 2, 4));
    assert_make_up(&cal, d(2024, 2, 18));
    // The notice only encourages leave on 除夕 (Fri 02-09): a working day.
    assert!(cal.is_working_day(d(2024, 2, 9)).unwrap());
    // 中秋节 9月15日至17日; 9月14日（星期六）上班.
    assert_off(&cal, d(2024, 9, 15), d(2024, 9, 17), "中秋节");
    assert_make_up(&cal, d(2024, 9, 14));
    // 国庆节 10月1日至7日; 9月29日（星期日）、10月12日（星期六）上班.
    assert_off(&cal, d(2024, 10, 1), d(2024, 10, 7), "国庆节");
    assert_make_up(&cal, d(2024, 9, 29));
    assert_make_up(&cal, d(2024, 10, 12));
    // 元旦 "1月1日放假，与周末连休": 2023-12-30/31 are plain weekend days.
    assert_eq!(cal.holiday_on(d(2023, 12, 31)), None);
    assert!(!cal.is_working_day(d(2023, 12, 31)).unwrap());
    assert_eq!(cal.holiday_on(d(2024, 1, 1)), Some("元旦"));
}

#[test]
fn spring_festival_labour_day_and_national_day_2025() {
    // 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), the
    // first under State Council Decree 795 (春节 4 statutory days, from 除夕):
    // 春节 1月28日（除夕）至2月4日，共8天。1月26日（星期日）、2月8日（星期六）上班。
    let cal = WorkCalendar::china();
    assert_off(&cal, d(2025, 1, 28), d(2025, 2, 4), "春节");
    assert_make_up(&cal, d(2025, 1, 26));
    assert_make_up(&cal, d(2025, 2, 8));
    // 劳动节 5月1日至5日; 4月27日（星期日）上班.
    assert_off(&cal, d(2025, 5, 1), d(2025, 5, 5), "劳动节");
    assert_make_up(&cal, d(2025, 4, 27));
    // 国庆节、中秋节 10月1日至8日; 9月28日（星期日）、10月11日（星期六）上班.
    assert_off(&cal, d(2025, 10, 1), d(2025, 10, 8), "国庆节、中秋节");
    assert_make_up(&cal, d(2025, 9, 28));
    assert_make_up(&cal, d(2025, 10, 11));
    // 元旦 2025-01-01 (Wed), one day, no make-up day.
    assert_off(&cal, d(2025, 1, 1), d(2025, 1, 1), "元旦");
    assert!(cal.is_working_day(d(2025, 1, 2)).unwrap());
}

#[test]
fn spring_festival_and_national_day_2026() {
    // 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号):
    // 元旦 1月1日至3日; 1月4日（星期日）上班.
    // 春节 2月15日至23日，共9天; 2月14日（星期六）、2月28日（星期六）上班.
    // 国庆节 10月1日至7日; 9月20日（星期日）、10月10日（星期六）上班.
    let cal = WorkCalendar::china();
    assert_off(&cal, d(2026, 1, 1), d(2026, 1, 3), "元旦");
    assert_make_up(&cal, d(2026, 1, 4));
    assert_off(&cal, d(2026, 2, 15), d(2026, 2, 23), "春节");
    assert_make_up(&cal, d(2026, 2, 14));
    assert_make_up(&cal, d(2026, 2, 28));
    assert_off(&cal, d(2026, 10, 1), d(2026, 10, 7), "国庆节");
    assert_make_up(&cal, d(2026, 9, 20));
    assert_make_up(&cal, d(2026, 10, 10));
}

#[test]
fn new_year_2023_starts_in_december_2022() {
    // 2023 notice (国办发明电〔2022〕16号): 元旦 2022年12月31日至2023年1月2日.
    // 2022-12-31 is answered from the 2023 notice, not the 2022 one.
    let cal = WorkCalendar::china();
    assert_eq!(cal.holiday_on(d(2022, 12, 31)), Some("元旦"));
    assert!(!cal.is_working_day(d(2022, 12, 31)).unwrap());
    assert!(cal.is_working_day(d(2022, 12, 30)).unwrap());
    assert!(!cal.is_working_day(d(2023, 1, 2)).unwrap()); // Monday, holiday
    assert!(cal.is_working_day(d(2023, 1, 3)).unwrap());
    // The 2023 notice alone does not cover late December 2022.
    let only_2023 = WorkCalendar::empty()
        .with_years_from_json(&one_year_json("2023", &WorkCalendar::china()))
        .unwrap();
    assert_eq!(
        no_data_year(only_2023.is_working_day(d(2022, 12, 31)).unwrap_err()),
        2022
    );
    assert!(!only_2023.is_working_day(d(2023, 1, 2)).unwrap());
}

/// Re-serialises one loaded notice year as JSON in the file's schema.
fn one_year_json(year: &str, cal: &WorkCalendar) -> String {
    let y: i32 = year.parse().unwrap();
    let holidays: Vec<_> = cal
        .holidays(y)
        .unwrap()
        .iter()
        .map(|h| serde_json::json!({"name": h.name, "from": h.from.to_string(), "to": h.to.to_string()}))
        .collect();
    let workdays: Vec<_> = cal
        .make_up_workdays(y)
        .unwrap()
        .iter()
        .map(|w| w.to_string())
        .collect();
    serde_json::json!({"years": {year: {"holidays": holidays, "workdays": workdays}}}).to_string()
}

#[test]
fn deadlines_across_spring_festival_and_national_day() {
    let cal = WorkCalendar::china();
    // SAMR Order 45: publish within 20 working days. From Thu 2024-02-01, by
    // hand: 02-02 (1), Sun 02-04 make-up (2), 02-05..02-09 (3-7), 春节
    // 02-10..17 off, Sun 02-18 make-up (8), 02-19..23 (9-13), 02-26..29
    // (14-17), 03-01 (18), 03-04 (19), 03-05 (20).
    assert_eq!(
        cal.add_working_days(d(2024, 2, 1), 20).unwrap(),
        d(2024, 3, 5)
    );
    // 10 working days from Mon 2025-01-20: 01-21..24 (1-4), Sun 01-26
    // make-up (5), 01-27 (6), 春节 01-28..02-04 off, 02-05..07 (7-9), Sat
    // 02-08 make-up (10).
    assert_eq!(
        cal.add_working_days(d(2025, 1, 20), 10).unwrap(),
        d(2025, 2, 8)
    );
    // Administrative Penalty Law Art. 85, "五日" = 5 working days from Fri
    // 2024-09-27: Sun 09-29 make-up (1), 09-30 (2), 国庆 10-01..07 off,
    // 10-08..10 (3-5).
    assert_eq!(
        cal.add_working_days(d(2024, 9, 27), 5).unwrap(),
        d(2024, 10, 10)
    );
    // 3 working days from Thu 2026-02-12: 02-13 (1), Sat 02-14 make-up (2),
    // 春节 02-15..23 off, Tue 02-24 (3).
    assert_eq!(
        cal.add_working_days(d(2026, 2, 12), 3).unwrap(),
        d(2026, 2, 24)
    );
    // Across the 2023 New Year, which starts in 2022: 2 working days from
    // Thu 2022-12-29: 12-30 (1), 元旦 12-31..01-02 off, 2023-01-03 (2).
    assert_eq!(
        cal.add_working_days(d(2022, 12, 29), 2).unwrap(),
        d(2023, 1, 3)
    );
    // A start on a holiday counts from the next working day.
    assert_eq!(
        cal.add_working_days(d(2024, 10, 3), 1).unwrap(),
        d(2024, 10, 8)
    );
    // n = 0 is the start itself, even on a holiday.
    assert_eq!(
        cal.add_working_days(d(2024, 10, 3), 0).unwrap(),
        d(2024, 10, 3)
    );
}

#[test]
fn working_days_between_round_trips() {
    let cal = WorkCalendar::china();
    assert_eq!(
        cal.working_days_between(d(2024, 2, 1), d(2024, 3, 5))
            .unwrap(),
        20
    );
    assert_eq!(
        cal.working_days_between(d(2024, 2, 1), d(2024, 3, 4))
            .unwrap(),
        19
    );
    // The whole 2024 Spring Festival period holds no working day.
    assert_eq!(
        cal.working_days_between(d(2024, 2, 9), d(2024, 2, 17))
            .unwrap(),
        0
    );
    assert_eq!(
        cal.working_days_between(d(2024, 2, 9), d(2024, 2, 9))
            .unwrap(),
        0
    );
    // Across years: 2022-12-29 to 2023-01-03 = 12-30 and 01-03.
    assert_eq!(
        cal.working_days_between(d(2022, 12, 29), d(2023, 1, 3))
            .unwrap(),
        2
    );
    assert!(matches!(
        cal.working_days_between(d(2024, 3, 5), d(2024, 2, 1)),
        Err(CalendarError::ReversedRange { .. })
    ));
}

/// Every start date 2021-01-01..2026-12-31 and several n: the bitset answer
/// agrees with a day-by-day walk, and `between` inverts `add`.
#[test]
fn add_and_between_agree_on_every_start_2021_to_2026() {
    let cal = WorkCalendar::china();
    let mut checked = 0;
    for start in days(d(2021, 1, 1), d(2026, 12, 31)) {
        for n in [1u32, 2, 3, 5, 7, 15, 20, 60, 250] {
            // Day-by-day reference using is_working_day only.
            let mut walk = start;
            let mut left = n;
            let reference = loop {
                walk = walk.succ_opt().unwrap();
                match cal.is_working_day(walk) {
                    Ok(true) => {
                        left -= 1;
                        if left == 0 {
                            break Ok(walk);
                        }
                    }
                    Ok(false) => {}
                    Err(e) => break Err(e),
                }
            };
            match (cal.add_working_days(start, n), reference) {
                (Ok(end), Ok(r)) => {
                    assert_eq!(end, r, "start {start} n {n}");
                    assert!(cal.is_working_day(end).unwrap());
                    assert_eq!(cal.working_days_between(start, end).unwrap(), n);
                    let before = end.pred_opt().unwrap();
                    assert_eq!(cal.working_days_between(start, before).unwrap(), n - 1);
                    checked += 1;
                }
                (Err(e), Err(r)) => {
                    // Only runs into late December 2026, which needs 2027.
                    assert_eq!(no_data_year(e), 2027, "start {start} n {n}");
                    assert_eq!(no_data_year(r), 2027);
                }
                (a, b) => panic!("start {start} n {n}: {a:?} vs {b:?}"),
            }
        }
    }
    assert!(checked > 18_000, "{checked}");
}

/// Working days of a year counted independently from the JSON by the
/// notice's rule: weekdays, minus holiday-period weekdays, plus make-up days.
fn independent_count(year: i32) -> u32 {
    let file: serde_json::Value =
        serde_json::from_str(include_str!("../data/cn-holidays.json")).unwrap();
    let notices = &file["years"];
    let parse = |s: &serde_json::Value| s.as_str().unwrap().parse::<NaiveDate>().unwrap();
    let mut periods = Vec::new();
    let mut workdays = Vec::new();
    for y in [year, year + 1] {
        if let Some(n) = notices.get(y.to_string()) {
            for h in n["holidays"].as_array().unwrap() {
                periods.push((parse(&h["from"]), parse(&h["to"])));
            }
            workdays.extend(n["workdays"].as_array().unwrap().iter().map(parse));
        }
    }
    let mut total = 0;
    for x in days(d(year, 1, 1), d(year, 12, 31)) {
        let weekday = !matches!(x.weekday(), Weekday::Sat | Weekday::Sun);
        let off = periods.iter().any(|(f, t)| *f <= x && x <= *t);
        let make_up = workdays.contains(&x);
        if (weekday && !off) || make_up {
            total += 1;
        }
    }
    total
}

#[test]
fn working_days_per_year_match_the_notices() {
    let cal = WorkCalendar::china();
    // 2024: 262 weekdays - 19 holiday weekdays + 8 make-up days = 251.
    // 2025: 261 weekdays - 18 holiday weekdays + 5 make-up days = 248.
    // 2021: 261 - 18 + 7 = 250. 2022: 260 - 18 + 7 = 249. 2023: 260 - 18 + 7
    // = 249 (its 元旦 day 2022-12-31 is a Saturday of 2022, and Mon
    // 2023-01-02 counts in 2023).
    let expected = [
        (2021, 250),
        (2022, 249),
        (2023, 249),
        (2024, 251),
        (2025, 248),
    ];
    for (year, figure) in expected {
        let counted = cal
            .working_days_between(d(year - 1, 12, 31), d(year, 12, 31))
            .unwrap();
        assert_eq!(counted, independent_count(year), "{year}");
        assert_eq!(counted, figure, "{year}");
    }
    // 2026 up to 24 December (the rest of December needs the 2027 notice):
    // 256 weekdays Jan 1..Dec 24 - 19 holiday weekdays + 6 make-up days.
    assert_eq!(
        cal.working_days_between(d(2025, 12, 31), d(2026, 12, 24))
            .unwrap(),
        243
    );
}

#[test]
fn years_without_a_notice_are_refused_by_default() {
    let cal = WorkCalendar::china();
    assert_eq!(
        no_data_year(cal.is_working_day(d(2020, 6, 1)).unwrap_err()),
        2020
    );
    assert_eq!(
        no_data_year(cal.is_working_day(d(2027, 3, 1)).unwrap_err()),
        2027
    );
    // Late December 2026 may belong to the 2027 notice's 元旦 period.
    assert!(cal.is_working_day(d(2026, 12, 24)).unwrap());
    let e = cal.is_working_day(d(2026, 12, 28)).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("2027") && msg.contains("2026-12-28"), "{msg}");
    assert!(
        // Face-neutral: each face names its own remedy (C call, option,
        // method); no Rust path reaches a C or Python user.
        msg.contains("load that year's notice")
            && msg.contains("weekends-only")
            && !msg.contains("::"),
        "{msg}"
    );
    match e {
        CalendarError::NoDataForYear { year, date, loaded } => {
            assert_eq!((year, date), (2027, d(2026, 12, 28)));
            assert_eq!(loaded, vec![2021, 2022, 2023, 2024, 2025, 2026]);
        }
        e => panic!("{e:?}"),
    }
    // Deadlines running into the gap fail, naming the first uncovered day.
    match cal.add_working_days(d(2026, 12, 18), 5).unwrap_err() {
        CalendarError::NoDataForYear { year, date, .. } => {
            assert_eq!((year, date), (2027, d(2026, 12, 25)));
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(
        cal.add_working_days(d(2026, 12, 18), 4).unwrap(),
        d(2026, 12, 24)
    );
    assert_eq!(
        no_data_year(
            cal.working_days_between(d(2020, 12, 1), d(2021, 1, 5))
                .unwrap_err()
        ),
        2020
    );
    assert_eq!(
        no_data_year(
            WorkCalendar::empty()
                .is_working_day(d(2024, 1, 2))
                .unwrap_err()
        ),
        2024
    );
    // The crate error wraps it.
    let e: jianguan::Error = cal.is_working_day(d(2030, 1, 1)).unwrap_err().into();
    assert!(matches!(e, jianguan::Error::Calendar(_)));
}

#[test]
fn weekends_only_is_an_explicit_opt_in() {
    let cal = WorkCalendar::china().with_fallback(Fallback::WeekendsOnly);
    assert_eq!(cal.fallback(), Fallback::WeekendsOnly);
    // 2027-01-01 is a Friday: the approximation calls it a working day,
    // although the 2027 notice will almost surely make it 元旦.
    assert!(cal.is_working_day(d(2027, 1, 1)).unwrap());
    assert!(!cal.is_working_day(d(2027, 1, 2)).unwrap());
    // Loaded years keep their notices.
    assert!(!cal.is_working_day(d(2026, 10, 1)).unwrap());
    // From Wed 2026-12-30: 12-31 (1), Fri 2027-01-01 (2), Mon 01-04 (3).
    assert_eq!(
        cal.add_working_days(d(2026, 12, 30), 3).unwrap(),
        d(2027, 1, 4)
    );
    // 2020 has 262 weekdays.
    assert_eq!(
        cal.working_days_between(d(2019, 12, 31), d(2020, 12, 31))
            .unwrap(),
        262
    );
    // An absurd count ends beyond chrono's range, as an error.
    assert!(matches!(
        cal.add_working_days(d(2024, 1, 1), u32::MAX),
        Err(CalendarError::OutOfRange { .. })
    ));
}

/// A made-up 2027 notice for tests only: the real one was not published when
/// this was written.
const FIXTURE_2027: &str = r#"{
  "source_notes": {"scope": "test fixture, not an official notice"},
  "years": {
    "2027": {
      "holidays": [
        {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
        {"name": "春节", "from": "2027-02-05", "to": "2027-02-12"}
      ],
      "workdays": ["2027-02-20"]
    }
  }
}"#;

#[test]
fn a_2027_notice_loads_from_json() {
    let mut cal = WorkCalendar::china();
    assert_eq!(cal.load_json(FIXTURE_2027).unwrap(), vec![2027]);
    assert_eq!(cal.years(), vec![2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    // Late December 2026 is now covered.
    assert!(cal.is_working_day(d(2026, 12, 31)).unwrap());
    assert!(!cal.is_working_day(d(2027, 1, 1)).unwrap());
    assert_eq!(cal.holiday_on(d(2027, 2, 8)), Some("春节"));
    assert_make_up(&cal, d(2027, 2, 20));
    // From Thu 2027-02-04: 春节 02-05..12 off, 02-15..19 (1-5), Sat 02-20 (6).
    assert_eq!(
        cal.add_working_days(d(2027, 2, 4), 6).unwrap(),
        d(2027, 2, 20)
    );
    // The year after is still refused.
    assert_eq!(
        no_data_year(cal.is_working_day(d(2027, 12, 28)).unwrap_err()),
        2028
    );

    // A year in a file replaces the loaded notice for that year.
    let replaced = cal
        .with_years_from_json(
            r#"{"years": {"2026": {"holidays": [{"name": "元旦", "from": "2026-01-01", "to": "2026-01-01"}]}}}"#,
        )
        .unwrap();
    assert_eq!(replaced.holidays(2026).unwrap().len(), 1);
    assert!(replaced.is_working_day(d(2026, 10, 1)).unwrap());
    assert!(!replaced.is_working_day(d(2026, 1, 4)).unwrap());
}

#[test]
fn bad_files_are_refused_and_change_nothing() {
    let base = WorkCalendar::china();
    let year = |holidays: &str, workdays: &str| {
        format!(
            r#"{{"years": {{"2027": {{"holidays": [{holidays}], "workdays": [{workdays}]}}}}}}"#
        )
    };
    let ny = r#"{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}"#;
    let sf = r#"{"name": "春节", "from": "2027-02-05", "to": "2027-02-12"}"#;
    let both = format!("{ny}, {sf}");
    let cases: Vec<(String, &str, &str)> = vec![
        // Tue 2027-02-16 as a make-up day.
        (year(&both, r#""2027-02-16""#), "workdays[0]", "Tue"),
        // A period that ends before it starts.
        (
            year(
                r#"{"name": "春节", "from": "2027-02-12", "to": "2027-02-05"}"#,
                "",
            ),
            "holidays[0] (春节)",
            "before it starts",
        ),
        // Malformed dates.
        (year(&both, r#""2027-02-30""#), "workdays[0]", "YYYY-MM-DD"),
        (
            year(
                r#"{"name": "元旦", "from": "2027/01/01", "to": "2027-01-03"}"#,
                "",
            ),
            "holidays[0] (元旦) from",
            "YYYY-MM-DD",
        ),
        // The same make-up day twice.
        (
            year(&both, r#""2027-02-20", "2027-02-20""#),
            "workdays[1]",
            "listed twice",
        ),
        // A make-up day inside a holiday period.
        (
            year(&both, r#""2027-02-06""#),
            "workdays[0]",
            "listed twice",
        ),
        // Overlapping periods.
        (
            year(
                &format!(r#"{both}, {{"name": "X", "from": "2027-01-03", "to": "2027-01-04"}}"#),
                "",
            ),
            "holidays[2] (X)",
            "listed twice",
        ),
        // A date outside the notice's reach.
        (year(&both, r#""2026-10-10""#), "workdays[0]", "outside"),
        // A nameless period.
        (
            year(
                r#"{"name": " ", "from": "2027-01-01", "to": "2027-01-01"}"#,
                "",
            ),
            "holidays[0]",
            "no name",
        ),
    ];
    for (json, entry, problem) in cases {
        let mut cal = base.clone();
        let e = cal.load_json(&json).unwrap_err();
        match &e {
            CalendarError::InvalidEntry {
                year, entry: got, ..
            } => {
                assert_eq!(*year, 2027, "{e}");
                assert_eq!(got, entry, "{e}");
            }
            other => panic!("{json}: {other:?}"),
        }
        let msg = e.to_string();
        assert!(msg.contains("2027") && msg.contains(problem), "{msg}");
        assert_eq!(cal, base, "{json} changed the calendar");
    }

    // Errors before any entry is looked at.
    let mut cal = base.clone();
    assert!(matches!(cal.load_json("{"), Err(CalendarError::Json(_))));
    // A typo'd field name is refused, not ignored.
    assert!(matches!(
        cal.load_json(&year(ny, "").replace("workdays", "workday")),
        Err(CalendarError::Json(_))
    ));
    assert!(matches!(
        cal.load_json(r#"{"years": {}}"#),
        Err(CalendarError::NoYears)
    ));
    assert!(matches!(
        cal.load_json(&year(ny, "").replace("\"2027\"", "\"27\"")),
        Err(CalendarError::InvalidYear { .. })
    ));
    // One bad year in a file refuses the good one beside it too.
    let two = format!(
        r#"{{"years": {{"2027": {{"holidays": [{ny}]}}, "2028": {{"holidays": [{ny}]}}}}}}"#
    );
    match cal.load_json(&two).unwrap_err() {
        CalendarError::InvalidEntry { year, .. } => assert_eq!(year, 2028),
        e => panic!("{e:?}"),
    }
    assert_eq!(cal, base);
    assert_eq!(cal.years(), vec![2021, 2022, 2023, 2024, 2025, 2026]);

    // A date claimed by two notices: a 2027 元旦 starting 2026-12-31, then a
    // 2026 replacement that also lists 2026-12-31.
    cal.load_json(&year(
        r#"{"name": "元旦", "from": "2026-12-31", "to": "2027-01-02"}"#,
        "",
    ))
    .unwrap();
    assert_eq!(cal.holiday_on(d(2026, 12, 31)), Some("元旦"));
    let before = cal.clone();
    let e = cal
        .load_json(
            r#"{"years": {"2026": {"holidays": [{"name": "除夕", "from": "2026-12-30", "to": "2026-12-31"}]}}}"#,
        )
        .unwrap_err();
    match &e {
        CalendarError::InvalidEntry {
            year,
            entry,
            problem,
        } => {
            assert_eq!((*year, entry.as_str()), (2026, "holidays[0] (除夕)"));
            assert!(
                problem.contains("2026-12-31") && problem.contains("notice 2027"),
                "{e}"
            );
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(cal, before);
}

#[test]
fn calendar_day_periods_end_on_a_working_day() {
    // 民法典 Art. 201 and 203: start day not counted; a last day on a rest
    // day moves to the day after the rest ends.
    let cal = WorkCalendar::china();
    // Mon 2024-03-04 + 3 days = Thu 03-07, a working day.
    assert_eq!(
        cal.deadline_in_days(d(2024, 3, 4), 3).unwrap(),
        d(2024, 3, 7)
    );
    // Wed 2024-03-06 + 3 = Sat 03-09 -> Mon 03-11.
    assert_eq!(
        cal.deadline_in_days(d(2024, 3, 6), 3).unwrap(),
        d(2024, 3, 11)
    );
    // Wed 2024-02-07 + 3 = Sat 02-10, first day of 春节 -> the holiday ends
    // 02-17, and Sun 02-18 is a make-up working day.
    assert_eq!(
        cal.deadline_in_days(d(2024, 2, 7), 3).unwrap(),
        d(2024, 2, 18)
    );
    // Sun 2025-09-28 + 3 = 10-01, inside 国庆节、中秋节 (10-01..08) -> 10-09.
    assert_eq!(
        cal.deadline_in_days(d(2025, 9, 28), 3).unwrap(),
        d(2025, 10, 9)
    );
    assert_eq!(
        no_data_year(cal.deadline_in_days(d(2026, 12, 20), 10).unwrap_err()),
        2027
    );
}
