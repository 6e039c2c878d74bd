"""The verifiable double-random draw (双随机、一公开; 国发〔2019〕5号):
the supervisor's draws (``sdk::supervisor::draw``; docs/draw-algorithm.md)."""

from __future__ import annotations

from collections.abc import Sequence

from . import _input, _native
from ._native import Roster, Setup
from ._native import Supervisor as _Native
from ._input import count, text
from ._progress import DrawProgress
from ._types import DrawRecord
from .typing import Document, EntropyValue, TableLike
from .errors import InvalidTypeError


class DrawMethods:
    """:class:`~jianguan.Supervisor`'s draws."""

    __slots__ = ()
    _native: _Native

    def draw(
        self,
        plan: Document,
        *,
        roster: TableLike | Roster,
        inspectors: TableLike,
        entropy: Sequence[EntropyValue] | TableLike,
        history: TableLike | None = None,
        progress: bool | None = None,
    ) -> DrawRecord:
        """The verifiable draw of docs/draw-algorithm.md: ``plan`` (a path, a
        text stream or a dict) resolved against the catalog, over ``roster`` (a
        frame, a list of dicts or a :class:`~jianguan.Roster`), the inspector
        roster and past inspections (lists of dicts or frames), seeded by the
        public values in the plan's order. Raises
        :class:`~jianguan.DrawError` whose ``kind`` names the refusal.

        The draw runs on a thread of its own: Ctrl-C (``KeyboardInterrupt``)
        stops it within a tenth of a second, and ``progress`` shows how far
        it has got on standard error (``None``: only in a terminal or a
        notebook, once it has run a second; ``True``: always; ``False``:
        never)."""
        with DrawProgress("draw", progress) as report:
            return DrawRecord(
                _native.draw(
                    self._native,
                    _input.document("plan", plan),
                    _input.roster(roster),
                    _input.rows_json("history", history),
                    _input.rows_json("inspectors", inspectors),
                    _input.entropy_json(entropy),
                    report,
                )
            )

    def verify(
        self,
        record: DrawRecord,
        *,
        roster: TableLike | Roster,
        inspectors: TableLike,
        history: TableLike | None = None,
        progress: bool | None = None,
    ) -> None:
        """Re-runs the draw ``record`` describes over the rosters; raises
        :class:`~jianguan.VerificationError` naming the first differing
        field. Interruptible and shown as :meth:`draw` is."""
        if not isinstance(record, DrawRecord):
            raise InvalidTypeError(f"record: expected a DrawRecord, got {type(record).__name__}")
        with DrawProgress("verify", progress) as report:
            _native.verify(
                self._native,
                record._native,
                _input.roster(roster),
                _input.rows_json("history", history),
                _input.rows_json("inspectors", inspectors),
                report,
            )

    def draw_setup(
        self,
        plan: Document,
        *,
        targets_digest: str,
        inspectors: TableLike,
        entropy: Sequence[EntropyValue] | TableLike,
        history: TableLike | None = None,
        targets_rows: int | None = None,
    ) -> Setup:
        """A plan bound to the target roster's digest (folded part by part
        with ``jianguan._native.roster_digest_update``, which also counts
        the entities: pass that as ``targets_rows`` so that finishing
        refuses a lost part), for drawing over roster parts; see
        :mod:`jianguan.dask`."""
        return _native.draw_setup(
            self._native,
            _input.document("plan", plan),
            text("targets_digest", targets_digest),
            None if targets_rows is None else count("targets_rows", targets_rows),
            _input.rows_json("history", history),
            _input.rows_json("inspectors", inspectors),
            _input.entropy_json(entropy),
        )
