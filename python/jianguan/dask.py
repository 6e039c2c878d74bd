"""Draws over rosters beyond one machine, on Dask.

A verifiable draw only looks at one entity at a time and keeps the smallest
keys, so it splits over roster parts exactly (docs/draw-algorithm.md §2,
§7). :func:`draw` runs it on the Dask scheduler in use (a
``distributed.Client`` if one is active):

1. sort the roster by code (``sort_values("uscc")``), so that partitions
   hold disjoint code ranges in order, and persist it, so that every step
   reads the same partitions;
2. fold the roster digest (§2) partition after partition, passing a small
   state from one task to the next;
3. bind the plan to the digests and public values
   (:meth:`jianguan.Supervisor.draw_setup`);
4. count every partition's pools for every task of the plan, one Dask task
   per partition, in parallel;
5. select every partition's smallest keys, sized from all the counts, one
   Dask task per partition;
6. merge, check and finish on the client: visits and inspectors (§8).

The record is byte for byte the one :meth:`jianguan.Supervisor.draw` makes
over the whole roster in one process. Nothing here schedules work itself:
Dask does. A refusal inside a partition names the partition, and the row
within it with its code; it comes back from the task as a value and is
raised on the client, so a worker logs no traceback for a bad roster.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dask.base import compute
from dask.delayed import delayed

from . import _native
from ._input import roster as _roster
from ._types import DrawRecord
from ._supervisor import Supervisor
from .typing import Document, EntropyValue, TableLike
from .errors import Error, InvalidTypeError, from_kind

__all__ = ["draw", "roster_digest"]


class _Refusal:
    """A typed refusal inside a task, returned rather than raised (Dask's
    workers log a raised exception with its traceback, a roster's bad row
    is no fault of theirs) and raised again on the client."""

    __slots__ = ("kind", "message", "partition")

    def __init__(self, kind: str, message: str, partition: int) -> None:
        self.kind, self.message, self.partition = kind, message, partition

    def __reduce__(self) -> tuple[Any, tuple[str, str, int]]:
        return (_Refusal, (self.kind, self.message, self.partition))

    def error(self) -> Error:
        """The same error (class and kind) with the partition named first."""
        out = from_kind(self.kind, f"roster partition {self.partition}: {self.message}")
        out.partition = self.partition  # type: ignore[attr-defined]
        return out


def _raised(results: Any) -> None:
    """Raises the first refusal among a step's results, in partition order."""
    for r in results:
        if isinstance(r, _Refusal):
            raise r.error()


def _fold(state: Any, i: int, frame: Any) -> Any:
    if isinstance(state, _Refusal):
        return state  # an earlier partition refused: pass its refusal on
    try:
        return _native.roster_digest_update(state, _roster(frame))
    except Error as e:
        return _Refusal(e.kind, str(e), i)


def _count_all(setup: _native.Setup, i: int, frame: Any) -> Any:
    try:
        part = _roster(frame)
        return [setup.count(t, part) for t in range(setup.task_count)]
    except Error as e:
        return _Refusal(e.kind, str(e), i)


def _select_all(setup: _native.Setup, i: int, frame: Any, counts: list[list[str]]) -> Any:
    try:
        part = _roster(frame)
        return [setup.select(t, part, counts[t]) for t in range(setup.task_count)]
    except Error as e:
        return _Refusal(e.kind, str(e), i)


def _prepared(roster: Any, presorted: bool) -> Any:
    if not hasattr(roster, "to_delayed") or not hasattr(roster, "npartitions"):
        raise InvalidTypeError(f"roster: expected a dask DataFrame, got {type(roster).__name__}")
    return (roster if presorted else roster.sort_values("uscc")).persist()


def _digest(parts: list[Any]) -> tuple[str, int]:
    """The digest and size of the roster, its parts folded in order."""
    state: Any = None
    for i, p in enumerate(parts):
        state = delayed(_fold)(state, i, p)
    if state is None:
        return _native.Roster.from_json("[]").digest, 0
    folded = state.compute()
    _raised([folded])
    return _native.roster_digest_finish(folded)


def roster_digest(roster: Any, *, presorted: bool = False) -> str:
    """The §2 digest of a Dask roster, folded partition by partition in code
    order: what :attr:`jianguan.Roster.digest` gives for the whole."""
    return _digest(_prepared(roster, presorted).to_delayed())[0]


def draw(
    supervisor: Supervisor,
    plan: Document,
    *,
    roster: Any,
    inspectors: TableLike,
    entropy: Sequence[EntropyValue] | TableLike,
    history: TableLike | None = None,
    presorted: bool = False,
) -> DrawRecord:
    """Draws ``plan`` over a Dask DataFrame ``roster`` (the columns
    :func:`jianguan.roster` takes), partition by partition, on the active
    Dask scheduler. ``inspectors`` and ``history`` are small and stay on the
    client. ``presorted=True`` skips the sort for a roster whose partitions
    already hold ascending, disjoint code ranges (refused otherwise, with
    ``kind`` ``parts_out_of_order``). Raises what
    :meth:`jianguan.Supervisor.draw` raises."""
    if not isinstance(supervisor, Supervisor):
        raise InvalidTypeError(
            f"supervisor: expected a jianguan.Supervisor, got {type(supervisor).__name__}"
        )
    parts = _prepared(roster, presorted).to_delayed()
    digest, rows = _digest(parts)
    setup = supervisor.draw_setup(
        plan,
        targets_digest=digest,
        targets_rows=rows,
        inspectors=inspectors,
        entropy=entropy,
        history=history,
    )
    tasks = range(setup.task_count)
    by_part = compute(*[delayed(_count_all)(setup, i, p) for i, p in enumerate(parts)])
    _raised(by_part)
    counts = [[c[t] for c in by_part] for t in tasks]
    chosen = compute(*[delayed(_select_all)(setup, i, p, counts) for i, p in enumerate(parts)])
    _raised(chosen)
    selections = [[s[t] for s in chosen] for t in tasks]
    return DrawRecord(setup.finish(counts, selections))
