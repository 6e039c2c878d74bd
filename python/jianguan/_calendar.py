"""Working days (工作日) under the official holiday notices: the
supervisor's calendar (``sdk::supervisor::calendar``)."""

from __future__ import annotations

import datetime as _dt

from . import _native
from ._native import Supervisor as _Native
from ._input import count
from ._input import date as _date  # the methods' parameter is called `date`


class CalendarMethods:
    """:class:`~jianguan.Supervisor`'s working-day calendar."""

    __slots__ = ()
    _native: _Native

    def is_working_day(self, date: _dt.date | str) -> bool:
        """Whether ``date`` is a working day; a year without a holiday notice
        raises :class:`~jianguan.CalendarError`."""
        return _native.is_working_day(self._native, _date("date", date))

    def add_working_days(self, start: _dt.date | str, n: int) -> _dt.date:
        """The date ``n`` working days after ``start``; a year without a
        holiday notice raises :class:`~jianguan.CalendarError`."""
        return _native.add_working_days(self._native, _date("start", start), count("n", n))

    def working_days_between(self, start: _dt.date | str, end: _dt.date | str) -> int:
        """Working days after ``start`` up to and including ``end``."""
        return _native.working_days_between(self._native, _date("start", start), _date("end", end))
