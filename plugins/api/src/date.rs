//! Calendar dates as they cross the plugin boundary: whole days since
//! 1970-01-01 in an `i32`, with the proleptic Gregorian arithmetic plugins
//! need for due dates (so that a plugin needs no date crate).

use std::fmt;

/// A calendar date (proleptic Gregorian), as year, month and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

impl CivilDate {
    /// Builds a date, or `None` when the month or day does not exist.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it), the boundary encoding.
    pub fn to_days(self) -> i32 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        (era * 146_097 + doe - 719_468) as i32
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i32) -> Self {
        let z = i64::from(days) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// The same day `months` months later (earlier when negative); a day that
    /// does not exist in the target month becomes its last day, the usual
    /// reading of "届满" for periods counted in months (Civil Code Art. 202).
    pub fn add_months(self, months: i32) -> Self {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        // Years beyond i32 saturate; no rule in any plugin reaches them.
        let year = total
            .div_euclid(12)
            .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        let month = (total.rem_euclid(12) + 1) as u32;
        let day = self.day.min(days_in_month(year, month));
        Self { year, month, day }
    }

    /// [`CivilDate::add_months`] with `years * 12` months.
    pub fn add_years(self, years: i32) -> Self {
        self.add_months(years.saturating_mul(12))
    }
}

/// A date that is not `YYYY-MM-DD` or does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateError(pub String);

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected a date YYYY-MM-DD, found `{}`", self.0)
    }
}

impl std::error::Error for ParseDateError {}

impl std::str::FromStr for CivilDate {
    type Err = ParseDateError;

    /// Parses `YYYY-MM-DD` (four-digit year, two-digit month and day).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || ParseDateError(text.to_string());
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10
            || b[4] != b'-'
            || b[7] != b'-'
            || !digits(0..4)
            || !digits(5..7)
            || !digits(8..10)
        {
            return Err(err());
        }
        let n = |r: std::ops::Range<usize>| text[r].parse::<u32>().map_err(|_| err());
        Self::new(n(0..4)? as i32, n(5..7)?, n(8..10)?).ok_or_else(err)
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_from_1900_to_2100() {
        let start = CivilDate::new(1900, 1, 1).unwrap().to_days();
        let end = CivilDate::new(2100, 12, 31).unwrap().to_days();
        assert_eq!(CivilDate::new(1970, 1, 1).unwrap().to_days(), 0);
        let mut previous = CivilDate::from_days(start - 1);
        for d in start..=end {
            let date = CivilDate::from_days(d);
            assert_eq!(date.to_days(), d);
            assert!(date > previous);
            assert!(CivilDate::new(date.year, date.month, date.day).is_some());
            previous = date;
        }
        assert_eq!(end - start + 1, 73_414); // 201 years, 49 leap days (1900 and 2100 are not leap)
    }

    #[test]
    fn month_arithmetic_clamps_to_the_last_day() {
        let d = CivilDate::new(2024, 1, 31).unwrap();
        assert_eq!(d.add_months(1), CivilDate::new(2024, 2, 29).unwrap());
        assert_eq!(d.add_months(-2), CivilDate::new(2023, 11, 30).unwrap());
        let leap = CivilDate::new(2024, 2, 29).unwrap();
        assert_eq!(leap.add_years(1), CivilDate::new(2025, 2, 28).unwrap());
        assert_eq!(leap.add_years(4), leap.add_months(48));
        assert_eq!(CivilDate::new(2023, 2, 29), None);
        assert_eq!(
            CivilDate::new(2026, 6, 1).unwrap().to_string(),
            "2026-06-01"
        );
    }
}
