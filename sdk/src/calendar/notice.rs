//! Reading notices from JSON and deriving per-year working-day bitsets.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::{
    CalendarError, HolidayPeriod, NEXT_NOTICE_FROM, Notice, YearDays, date_of, is_weekend,
};

#[derive(Deserialize)]
pub(super) struct RawFile {
    pub(super) years: BTreeMap<String, RawYear>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawYear {
    holidays: Vec<RawHoliday>,
    #[serde(default)]
    workdays: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    name: String,
    from: String,
    to: String,
}

pub(super) fn parse_year_key(key: &str) -> Result<i32, CalendarError> {
    let invalid = || CalendarError::InvalidYear { key: key.into() };
    if key.len() != 4 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let y: i32 = key.parse().map_err(|_| invalid())?;
    if y < 1000 {
        return Err(invalid());
    }
    Ok(y)
}

pub(super) fn parse_notice(year: i32, raw: RawYear) -> Result<Notice, CalendarError> {
    let fail = |entry: String, problem: String| CalendarError::InvalidEntry {
        year,
        entry,
        problem,
    };
    let first = date_of(year - 1, 0)
        .with_month(NEXT_NOTICE_FROM.0)
        .and_then(|d| d.with_day(NEXT_NOTICE_FROM.1))
        .expect("valid date");
    let last = NaiveDate::from_ymd_opt(year, 12, 31).expect("valid date");
    let parse = |entry: &str, s: &str| -> Result<NaiveDate, CalendarError> {
        let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .filter(|_| s.len() == 10)
            .ok_or_else(|| {
                fail(
                    entry.into(),
                    format!("{s:?} is not a date in the form YYYY-MM-DD"),
                )
            })?;
        if d < first || d > last {
            return Err(fail(
                entry.into(),
                format!(
                    "{d} lies outside the notice's reach ({first} to {last}); \
                     a notice lists dates of its own year, and at most the \
                     last days of the previous December"
                ),
            ));
        }
        Ok(d)
    };
    if raw.holidays.is_empty() {
        return Err(fail(
            "holidays".into(),
            "is empty; every notice lists holiday periods".into(),
        ));
    }
    let mut holidays = Vec::with_capacity(raw.holidays.len());
    for (k, h) in raw.holidays.iter().enumerate() {
        if h.name.trim().is_empty() {
            return Err(fail(format!("holidays[{k}]"), "has no name".into()));
        }
        let entry = format!("holidays[{k}] ({})", h.name);
        let from = parse(&format!("{entry} from"), &h.from)?;
        let to = parse(&format!("{entry} to"), &h.to)?;
        if to < from {
            return Err(fail(
                entry,
                format!("ends on {to}, before it starts on {from}"),
            ));
        }
        holidays.push(HolidayPeriod {
            name: h.name.clone(),
            from,
            to,
        });
    }
    let mut workdays = Vec::with_capacity(raw.workdays.len());
    for (k, s) in raw.workdays.iter().enumerate() {
        let entry = format!("workdays[{k}]");
        let d = parse(&entry, s)?;
        if !is_weekend(d) {
            return Err(fail(
                entry,
                format!(
                    "{d} is a {:?}; a make-up working day (调休上班) is always a Saturday or Sunday",
                    d.weekday()
                ),
            ));
        }
        workdays.push(d);
    }
    Ok(Notice { holidays, workdays })
}

/// Refuses a date listed twice among all `notices`: a repeated make-up day,
/// overlapping holiday periods, or a make-up day inside a holiday period.
/// The error names an entry of `incoming` when one is involved.
pub(super) fn check_no_duplicate_dates(
    notices: &BTreeMap<i32, Notice>,
    incoming: &BTreeMap<i32, Notice>,
) -> Result<(), CalendarError> {
    // (date, is incoming, year, entry description)
    let mut all: Vec<(NaiveDate, bool, i32, String)> = Vec::new();
    for (&y, n) in notices {
        let new = incoming.contains_key(&y);
        for (k, h) in n.holidays.iter().enumerate() {
            let mut d = h.from;
            while d <= h.to {
                all.push((d, new, y, format!("holidays[{k}] ({})", h.name)));
                d = d.succ_opt().expect("dates end by 31 December");
            }
        }
        for (k, &d) in n.workdays.iter().enumerate() {
            all.push((d, new, y, format!("workdays[{k}]")));
        }
    }
    all.sort();
    for pair in all.windows(2) {
        let [(d1, _, y1, e1), (d2, _, y2, e2)] = pair else {
            unreachable!("windows(2)")
        };
        if d1 == d2 {
            let other = if y1 == y2 {
                e1.clone()
            } else {
                format!("{e1} of notice {y1}")
            };
            return Err(CalendarError::InvalidEntry {
                year: *y2,
                entry: e2.clone(),
                problem: format!("{d2} is listed twice: also in {other}"),
            });
        }
    }
    Ok(())
}

/// The per-calendar-year bitsets for `notices`.
pub(super) fn derive_days(notices: &BTreeMap<i32, Notice>) -> BTreeMap<i32, YearDays> {
    let mut days = BTreeMap::new();
    for &y in notices.keys() {
        for year in [y - 1, y] {
            days.entry(year).or_insert_with(|| {
                let mut d = weekend_days(year);
                if notices.contains_key(&year) {
                    d.covered = if notices.contains_key(&(year + 1)) {
                        d.len
                    } else {
                        NaiveDate::from_ymd_opt(year, NEXT_NOTICE_FROM.0, NEXT_NOTICE_FROM.1)
                            .expect("valid date")
                            .ordinal0()
                    };
                }
                d
            });
        }
    }
    for n in notices.values() {
        for h in &n.holidays {
            let mut d = h.from;
            while d <= h.to {
                set_bit(&mut days, d, false);
                d = d.succ_opt().expect("dates end by 31 December");
            }
        }
        for &d in &n.workdays {
            set_bit(&mut days, d, true);
        }
    }
    days
}

pub(super) fn set_bit(days: &mut BTreeMap<i32, YearDays>, date: NaiveDate, working: bool) {
    let d = days
        .get_mut(&date.year())
        .expect("years of every notice and the previous one are derived");
    let (w, b) = ((date.ordinal0() / 64) as usize, date.ordinal0() % 64);
    if working {
        d.working[w] |= 1 << b;
    } else {
        d.working[w] &= !(1 << b);
    }
}

/// Year `year` with Monday–Friday as working days and nothing covered.
pub(super) fn weekend_days(year: i32) -> YearDays {
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).expect("year within chrono's range");
    let len = NaiveDate::from_ymd_opt(year, 12, 31)
        .expect("year within chrono's range")
        .ordinal();
    let first = jan1.weekday().num_days_from_monday();
    let mut working = [0u64; 6];
    for i in 0..len {
        if (first + i) % 7 < 5 {
            working[(i / 64) as usize] |= 1 << (i % 64);
        }
    }
    YearDays {
        working,
        covered: 0,
        len,
    }
}
