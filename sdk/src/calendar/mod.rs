//! Working days (工作日) under China's official holiday arrangements, for
//! every deadline counted in working days.
//!
//! Many supervision deadlines count working days: the Administrative Penalty
//! Law (行政处罚法) Art. 85 makes its "二日""三日""五日""七日" working days,
//! and SAMR Order 45 has penalty decisions published within 20 working days.
//! Which days are working days is fixed each year by the State Council General
//! Office's notice 国务院办公厅关于YYYY年部分节假日安排的通知: it lists the
//! holiday periods (放假) and the Saturdays and Sundays worked instead
//! (调休上班, make-up working days).
//!
//! [`WorkCalendar::china`] carries the official notices for 2021–2026
//! (embedded from `sdk/data/cn-holidays.json`, which keeps each notice's
//! title, document number and sources). Later years are loaded from JSON of
//! the same schema with [`WorkCalendar::load_json`].
//!
//! # The working-day rule
//!
//! A date is a non-working day iff it lies in a holiday period of a loaded
//! notice, or it is a Saturday or Sunday that no loaded notice lists as a
//! make-up working day. Holiday periods and make-up days of all loaded
//! notices are merged into one set.
//!
//! # Which notices a date needs
//!
//! Notices are keyed by their year, and a notice may reach back into the
//! previous December: the 2023 notice's 元旦 runs from 2022-12-31, and the
//! 2019 notice made 2018-12-29 a make-up working day. So a date in year `Y`
//! is *covered* when:
//!
//! - the notice for `Y` is loaded, and
//! - for dates from 25 December on, the notice for `Y + 1` is loaded too.
//!
//! Accordingly a notice for `Y` may only list dates from 25 December of
//! `Y - 1` to 31 December of `Y`.
//!
//! By default, asking about a date that is not covered is an error
//! ([`CalendarError::NoDataForYear`]) naming the missing notice — the
//! calendar never guesses. A caller may opt into [`Fallback::WeekendsOnly`],
//! which answers uncovered dates from weekends plus whatever loaded entries
//! fall on them: an approximation that will be wrong on that year's holidays.
//!
//! # Example
//!
//! ```
//! use jianguan::NaiveDate;
//! use jianguan::calendar::WorkCalendar;
//!
//! let cal = WorkCalendar::china();
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! // Spring Festival 2024 ran 02-10..02-17; Sunday 02-18 was worked.
//! assert_eq!(cal.holiday_on(d(2024, 2, 12)), Some("春节"));
//! assert!(cal.is_working_day(d(2024, 2, 18))?);
//! // 20 working days after 2024-02-01 (SAMR Order 45's publication limit).
//! assert_eq!(cal.add_working_days(d(2024, 2, 1), 20)?, d(2024, 3, 5));
//! // No 2027 notice is loaded: a clear error, not a guess.
//! assert!(cal.is_working_day(d(2027, 3, 1)).is_err());
//! # Ok::<(), jianguan::calendar::CalendarError>(())
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The official notices 2021–2026, as published, with their sources.
const CHINA_JSON: &str = include_str!("../../data/cn-holidays.json");

/// Month and day from which a date also needs the next year's notice.
const NEXT_NOTICE_FROM: (u32, u32) = (12, 25);

/// Why a calendar could not answer, or why holiday data was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The answer depends on a year's holiday notice that is not loaded (see
    /// the module docs: a date in year `Y` needs notice `Y`, and from
    /// 25 December also notice `Y + 1`). Remedy: load that year's notice with
    /// [`WorkCalendar::load_json`], or opt into the weekends-only
    /// approximation with [`WorkCalendar::with_fallback`].
    #[error(
        "working days on {date} depend on the {year} holiday notice \
         (国务院办公厅关于{year}年部分节假日安排的通知), which is not loaded \
         (loaded notice years: {loaded:?}); load that year's notice, or opt into \
         the weekends-only approximation"
    )]
    NoDataForYear {
        /// The notice year that is missing.
        year: i32,
        /// The first date that needed it.
        date: NaiveDate,
        /// The notice years that are loaded.
        loaded: Vec<i32>,
    },
    /// A range whose end lies before its start. Remedy: swap the dates, or
    /// check which of them is the later one.
    #[error("range ends on {end}, before it starts on {start}")]
    ReversedRange {
        /// The start date given.
        start: NaiveDate,
        /// The end date given, earlier than `start`.
        end: NaiveDate,
    },
    /// The result would lie beyond the dates chrono can represent (year
    /// 262143). Remedy: check the day count, which is implausibly large.
    #[error("{n} days from {start} is beyond the last representable date")]
    OutOfRange {
        /// The start date given.
        start: NaiveDate,
        /// The day count given.
        n: u32,
    },
    /// The holiday JSON is not valid JSON, or does not have the schema of
    /// `cn-holidays.json` (`{"years": {"2027": {"holidays": [{"name", "from",
    /// "to"}], "workdays": [..]}}}`; unknown fields inside a year are refused
    /// to catch typos). Remedy: fix the file at the line and column given.
    #[error("holiday data is not in the cn-holidays.json schema: {0}")]
    Json(#[source] serde_json::Error),
    /// The holiday JSON has no entries under `years`. Remedy: add the
    /// notice's year with its holidays and make-up working days.
    #[error("holiday data lists no years")]
    NoYears,
    /// A key under `years` is not a four-digit year. Remedy: key each notice
    /// by its year, e.g. `"2027"`.
    #[error("holiday data: year key {key:?} is not a four-digit year")]
    InvalidYear {
        /// The key as written.
        key: String,
    },
    /// An entry of a year's notice is wrong: a malformed date, a period that
    /// ends before it starts, a date outside the notice's year, a make-up
    /// working day that is not a Saturday or Sunday, or a date listed twice
    /// (also across notices, or a make-up day inside a holiday period).
    /// Remedy: correct the entry against the notice's text.
    #[error("holiday notice {year}: {entry}: {problem}")]
    InvalidEntry {
        /// The notice year whose entry is wrong.
        year: i32,
        /// Which entry, e.g. `holidays[1] (春节)` or `workdays[0]`.
        entry: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// What to answer for a date whose holiday notice is not loaded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fallback {
    /// Refuse with [`CalendarError::NoDataForYear`] (the default).
    #[default]
    Refuse,
    /// Treat Monday–Friday as working days and Saturday–Sunday as rest days,
    /// applying whatever loaded entries fall on the date. An approximation:
    /// it is wrong on every holiday and make-up day of the missing notice.
    WeekendsOnly,
}

/// One holiday period (放假) of a notice, first and last day inclusive,
/// exactly as the notice states it (weekend days inside the period included).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HolidayPeriod {
    /// The name printed in the notice, e.g. `春节` or `中秋节、国庆节`.
    pub name: String,
    /// First day off.
    pub from: NaiveDate,
    /// Last day off.
    pub to: NaiveDate,
}

impl HolidayPeriod {
    /// Whether `date` lies inside the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// One year's notice: its holiday periods and make-up working days.
mod bits;
mod notice;

use bits::{Bits, bit, count_range, select};
use notice::{
    RawFile, check_no_duplicate_dates, derive_days, parse_notice, parse_year_key, weekend_days,
};

#[derive(Debug, Clone, PartialEq, Eq)]
struct Notice {
    holidays: Vec<HolidayPeriod>,
    workdays: Vec<NaiveDate>,
}

/// The working days of one calendar year, with how much of it is covered.
#[derive(Debug, Clone, PartialEq, Eq)]
struct YearDays {
    /// Set bit = working day.
    working: Bits,
    /// Days from 1 January (ordinal0 below this) that loaded notices cover.
    covered: u32,
    /// Days in the year.
    len: u32,
}

/// A working-day calendar (工作日历): official holiday periods and make-up
/// working days per notice year, answered from one bitset per calendar year.
///
/// Build it with [`WorkCalendar::china`] (official notices 2021–2026) or
/// [`WorkCalendar::empty`], add years with [`WorkCalendar::load_json`], and
/// choose what happens outside the loaded years with
/// [`WorkCalendar::with_fallback`]. See the [module docs](self) for the rule
/// and for which notices a date needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkCalendar {
    notices: BTreeMap<i32, Notice>,
    fallback: Fallback,
    /// Derived from `notices`: every calendar year that a loaded notice touches.
    days: BTreeMap<i32, YearDays>,
}

impl WorkCalendar {
    /// The official calendar: the State Council General Office's notices for
    /// 2021–2026 (国办发明电〔2020〕27号 … 〔2025〕7号), embedded from
    /// `sdk/data/cn-holidays.json`, with [`Fallback::Refuse`].
    ///
    /// Dates from 2026-12-25 on need the 2027 notice, which must be loaded
    /// with [`WorkCalendar::load_json`] once published.
    ///
    /// # Panics
    /// Never in practice: the embedded data is fixed at build time and a
    /// test pins that it parses and validates.
    pub fn china() -> Self {
        Self::empty()
            .with_years_from_json(CHINA_JSON)
            .expect("embedded cn-holidays.json is valid (pinned by tests/calendar.rs)")
    }

    /// A calendar with no notices loaded and [`Fallback::Refuse`]: every
    /// question is refused until notices are loaded (or, with
    /// [`Fallback::WeekendsOnly`], answered from weekends alone).
    pub fn empty() -> Self {
        WorkCalendar {
            notices: BTreeMap::new(),
            fallback: Fallback::Refuse,
            days: BTreeMap::new(),
        }
    }

    /// Sets what to answer for dates whose notice is not loaded.
    pub fn with_fallback(mut self, fallback: Fallback) -> Self {
        self.fallback = fallback;
        self
    }

    /// The policy for dates whose notice is not loaded.
    pub fn fallback(&self) -> Fallback {
        self.fallback
    }

    /// [`WorkCalendar::load_json`], by value, for building a calendar in one
    /// expression.
    ///
    /// # Errors
    /// As [`WorkCalendar::load_json`].
    pub fn with_years_from_json(mut self, json: &str) -> Result<Self, CalendarError> {
        self.load_json(json)?;
        Ok(self)
    }

    /// Adds or replaces notice years from JSON in the schema of
    /// `cn-holidays.json`: `{"years": {"2027": {"holidays": [{"name": "元旦",
    /// "from": "2027-01-01", "to": "2027-01-03"}, ..], "workdays":
    /// ["2027-02-20", ..]}}}`. Other top-level fields (such as
    /// `source_notes`) are ignored. A year in the file replaces that year's
    /// notice entirely. Returns the years loaded.
    ///
    /// Everything is checked before anything changes: on error the calendar
    /// is left as it was.
    ///
    /// # Errors
    /// - [`CalendarError::Json`] for malformed JSON or a wrong schema;
    /// - [`CalendarError::NoYears`] when `years` is empty;
    /// - [`CalendarError::InvalidYear`] for a key that is not a four-digit year;
    /// - [`CalendarError::InvalidEntry`], naming the year and the entry, when
    ///   a date is malformed; a holiday has no name; a period ends before it
    ///   starts; a date lies outside 25 December of the previous year to
    ///   31 December of the notice year; a make-up working day is not a
    ///   Saturday or Sunday; or a date appears twice among all loaded notices
    ///   (a repeated make-up day, overlapping periods, a make-up day inside a
    ///   holiday period).
    pub fn load_json(&mut self, json: &str) -> Result<Vec<i32>, CalendarError> {
        let raw: RawFile = serde_json::from_str(json).map_err(CalendarError::Json)?;
        if raw.years.is_empty() {
            return Err(CalendarError::NoYears);
        }
        let mut incoming = BTreeMap::new();
        for (key, year) in raw.years {
            let y = parse_year_key(&key)?;
            incoming.insert(y, parse_notice(y, year)?);
        }
        let mut notices = self.notices.clone();
        for (y, notice) in &incoming {
            notices.insert(*y, notice.clone());
        }
        check_no_duplicate_dates(&notices, &incoming)?;
        self.days = derive_days(&notices);
        self.notices = notices;
        Ok(incoming.into_keys().collect())
    }

    /// The notice years loaded, in ascending order.
    pub fn years(&self) -> Vec<i32> {
        self.notices.keys().copied().collect()
    }

    /// The holiday periods of notice `year`, if loaded.
    pub fn holidays(&self, year: i32) -> Option<&[HolidayPeriod]> {
        self.notices.get(&year).map(|n| n.holidays.as_slice())
    }

    /// The make-up working days (调休上班) of notice `year`, if loaded.
    pub fn make_up_workdays(&self, year: i32) -> Option<&[NaiveDate]> {
        self.notices.get(&year).map(|n| n.workdays.as_slice())
    }

    /// The name of the holiday period `date` lies in, as the loaded notice
    /// prints it (`"春节"`, `"中秋节、国庆节"`), or `None` when it lies in
    /// none — also when the notice that might list it is not loaded.
    pub fn holiday_on(&self, date: NaiveDate) -> Option<&str> {
        // A date in year Y can only be listed by notice Y or notice Y + 1.
        [date.year(), date.year() + 1]
            .iter()
            .filter_map(|y| self.notices.get(y))
            .flat_map(|n| &n.holidays)
            .find(|h| h.contains(date))
            .map(|h| h.name.as_str())
    }

    /// Whether `date` is a working day (工作日): not in a holiday period, and
    /// either Monday–Friday or a make-up working day.
    ///
    /// # Errors
    /// [`CalendarError::NoDataForYear`] when the date's notice (or, from
    /// 25 December, the next year's) is not loaded and the fallback is
    /// [`Fallback::Refuse`].
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let days = self.year_days(date.year());
        let i = date.ordinal0();
        self.check_covered(&days, date.year(), i)?;
        Ok(bit(&days.working, i))
    }

    /// The `n`-th working day after `start`. The start day itself is not
    /// counted, per the Civil Code (民法典) Art. 201: "按照年、月、日计算期间
    /// 的，开始的当日不计入，自下一日开始计算". So a 5-working-day limit
    /// (行政处罚法 Art. 85) from a notice served on `start` ends on
    /// `add_working_days(start, 5)`, whether or not `start` is a working day.
    ///
    /// `n = 0` returns `start` unchanged, without consulting any notice, so
    /// that `working_days_between(a, add_working_days(a, n)?) == n` for every
    /// `n`.
    ///
    /// Runs in time proportional to the number of calendar years spanned, not
    /// the number of days.
    ///
    /// # Errors
    /// - [`CalendarError::NoDataForYear`] when a day that must be counted is
    ///   not covered by loaded notices and the fallback is [`Fallback::Refuse`];
    /// - [`CalendarError::OutOfRange`] when the result would lie beyond
    ///   chrono's last date.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        if n == 0 {
            return Ok(start);
        }
        let mut day = start
            .succ_opt()
            .ok_or(CalendarError::OutOfRange { start, n })?;
        let mut remaining = n;
        loop {
            let year = day.year();
            let days = self.year_days(year);
            let from = day.ordinal0();
            let end = match self.fallback {
                Fallback::Refuse => days.covered.max(from),
                Fallback::WeekendsOnly => days.len,
            };
            let found = count_range(&days.working, from, end);
            if found >= remaining {
                let i = select(&days.working, from, remaining);
                return Ok(date_of(year, i));
            }
            if end < days.len {
                self.check_covered(&days, year, end)?;
            }
            remaining -= found;
            day = NaiveDate::from_ymd_opt(year + 1, 1, 1)
                .ok_or(CalendarError::OutOfRange { start, n })?;
        }
    }

    /// The number of working days in `(start, end]`: after `start` (not
    /// counted, 民法典 Art. 201) up to and including `end`. The inverse of
    /// [`WorkCalendar::add_working_days`]:
    /// `working_days_between(a, add_working_days(a, n)?) == n`. Equal dates
    /// give 0.
    ///
    /// # Errors
    /// - [`CalendarError::ReversedRange`] when `end < start`;
    /// - [`CalendarError::NoDataForYear`] when a day in the range is not
    ///   covered by loaded notices and the fallback is [`Fallback::Refuse`].
    pub fn working_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<u32, CalendarError> {
        if end < start {
            return Err(CalendarError::ReversedRange { start, end });
        }
        if end == start {
            return Ok(0);
        }
        // start < end, so start has a successor.
        let first = start.succ_opt().expect("start < end");
        let mut total = 0;
        for year in first.year()..=end.year() {
            let days = self.year_days(year);
            let from = if year == first.year() {
                first.ordinal0()
            } else {
                0
            };
            let to = if year == end.year() {
                end.ordinal0() + 1
            } else {
                days.len
            };
            if self.fallback == Fallback::Refuse && to > days.covered {
                self.check_covered(&days, year, days.covered.max(from))?;
            }
            total += count_range(&days.working, from, to);
        }
        Ok(total)
    }

    /// The last day of a period of `n` calendar days (日) from `start`, per
    /// the Civil Code (民法典): the start day is not counted (Art. 201), and
    /// "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日"
    /// (Art. 203) — so a last day falling on a rest day (a holiday or an
    /// ordinary weekend) moves to the next working day. Use it where a rule
    /// counts calendar days, e.g. Decree 310's "3日" when configured as
    /// calendar days.
    ///
    /// The result is the first working day on or after `start + n` days; for
    /// `n = 0` that is `start` itself if it is a working day.
    ///
    /// # Errors
    /// - [`CalendarError::NoDataForYear`] when a day that must be checked is
    ///   not covered by loaded notices and the fallback is [`Fallback::Refuse`];
    /// - [`CalendarError::OutOfRange`] when the result would lie beyond
    ///   chrono's last date.
    pub fn deadline_in_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let last = start
            .checked_add_days(Days::new(u64::from(n)))
            .ok_or(CalendarError::OutOfRange { start, n })?;
        if self.is_working_day(last)? {
            return Ok(last);
        }
        self.add_working_days(last, 1).map_err(|e| match e {
            CalendarError::OutOfRange { .. } => CalendarError::OutOfRange { start, n },
            e => e,
        })
    }

    /// The working days of calendar year `year`: precomputed when a loaded
    /// notice touches it, otherwise weekends only (not covered).
    fn year_days(&self, year: i32) -> Cow<'_, YearDays> {
        match self.days.get(&year) {
            Some(d) => Cow::Borrowed(d),
            None => Cow::Owned(weekend_days(year)),
        }
    }

    /// Refuses day `i` (ordinal0) of `year` when it is not covered and the
    /// fallback is [`Fallback::Refuse`].
    fn check_covered(&self, days: &YearDays, year: i32, i: u32) -> Result<(), CalendarError> {
        if i < days.covered || self.fallback == Fallback::WeekendsOnly {
            return Ok(());
        }
        let missing = if self.notices.contains_key(&year) {
            year + 1
        } else {
            year
        };
        Err(CalendarError::NoDataForYear {
            year: missing,
            date: date_of(year, i),
            loaded: self.years(),
        })
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The date with ordinal0 `i` in `year`.
fn date_of(year: i32, i: u32) -> NaiveDate {
    NaiveDate::from_yo_opt(year, i + 1).expect("ordinal within the year")
}
