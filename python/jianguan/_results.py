"""Inspection results (抽查检查结果) of a draw's visits: the supervisor's
results (``sdk::supervisor::results``)."""

from __future__ import annotations

import json

from . import _input, _native
from ._native import Supervisor as _Native
from ._input import count
from ._types import DrawRecord, RecordedResults
from .typing import Document, TableLike
from .errors import InvalidTypeError

#: Working days allowed to publish a result when no local rule says
#: otherwise: 20, the SDK's default (SAMR Order 49 Art. 39 for food; the
#: national wording is UNCONFIRMED, RULES.md §1.3).
DEFAULT_PUBLICATION_WORKING_DAYS: int = _native.DEFAULT_PUBLICATION_WORKING_DAYS


class ResultsMethods:
    """:class:`~jianguan.Supervisor`'s inspection results."""

    __slots__ = ()
    _native: _Native

    def record_results(
        self,
        record: DrawRecord,
        results: TableLike,
        *,
        table: Document | None = None,
        publication_days: int = DEFAULT_PUBLICATION_WORKING_DAYS,
    ) -> RecordedResults:
        """Records the results of ``record``'s visits, every one or none.

        ``results``: a list of dicts (or a frame) with ``uscc``,
        ``department``, ``concluded_on`` (a date or ``YYYY-MM-DD``) and
        ``outcomes`` (the outcome codes ticked). Each must be a visit of the
        draw by a department taking part in it, at most once per entity and
        department, formed no earlier than the plan's period starts; its
        outcomes are checked against ``table`` (an outcome code table as
        a path, a text stream or a dict; ``None`` for the SDK's default, the
        Zhejiang ``scNewResultList``, UNCONFIRMED nationally) and it must be
        published within ``publication_days`` working days on this
        supervisor's calendar (``publish_by``). Raises
        :class:`~jianguan.ResultsError` naming the result's 1-based position
        (``result 2: …``), kind ``invalid_results`` or
        ``invalid_outcome_table``; :class:`~jianguan.CalendarError` for a
        year without a holiday notice.
        """
        if not isinstance(record, DrawRecord):
            raise InvalidTypeError(f"record: expected a DrawRecord, got {type(record).__name__}")
        done = json.loads(
            _native.record_results_json(
                self._native,
                record._native,
                None if table is None else _input.document("table", table),
                _input.rows_json("results", results),
                count("publication_days", publication_days),
            )
        )
        return RecordedResults(results=done["results"], history=done["history"])
