//! Working days (工作日) under the official holiday notices.

pub use crate::calendar::{CalendarError, Fallback, WorkCalendar};

use super::Supervisor;
use crate::{Error, NaiveDate};

impl Supervisor {
    /// The working-day calendar.
    pub fn calendar(&self) -> &WorkCalendar {
        &self.calendar
    }

    /// Whether `date` is a working day (工作日).
    ///
    /// # Errors
    /// [`Error::Calendar`] when no holiday notice covers the year.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, Error> {
        Ok(self.calendar.is_working_day(date)?)
    }

    /// The date `n` working days after `start`; see
    /// [`WorkCalendar::add_working_days`].
    ///
    /// # Errors
    /// [`Error::Calendar`] when a year on the way has no holiday notice.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, Error> {
        Ok(self.calendar.add_working_days(start, n)?)
    }

    /// Working days after `start` up to and including `end`; see
    /// [`WorkCalendar::working_days_between`].
    ///
    /// # Errors
    /// [`Error::Calendar`] when `end` is before `start` or a year has no notice.
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> Result<u32, Error> {
        Ok(self.calendar.working_days_between(start, end)?)
    }
}
