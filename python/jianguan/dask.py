"""Draws over rosters beyond one machine, on Dask.

A verifiable draw only looks at one entity at a time and keeps the smallest
keys, so it splits over roster parts exactly (docs/draw-algorithm.md §2,
§7). :func:`draw` runs it on the Dask scheduler in use (a
``distributed.Client`` if one is active), one task per partition and step:

1. sort the roster by code (``sort_values("uscc")``), so that partitions
   hold disjoint code ranges in order;
2. fold the roster digest (§2) partition after partition, passing a small
   state from one task to the next (:func:`roster_digest`);
3. bind the plan to the digests and public values (:meth:`Supervisor.draw_setup`);
4. per task of the plan, count every partition's pools, in parallel;
5. select every partition's smallest keys, sized from all the counts;
6. merge and finish on the client: visits and inspectors (§8).

The record is byte for byte the one :meth:`Supervisor.draw` makes over the
whole roster in one process. Nothing here schedules work itself: Dask does.
Refusals name the partition and, within it, the row (from 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dask.base import compute
from dask.delayed import delayed

from . import _native
from ._input import roster as _roster
from ._results import DrawRecord
from ._supervisor import Supervisor
from .errors import Error

__all__ = ["draw", "roster_digest"]


def _in_partition(i: int, e: Error) -> Error:
    # The same class and kind, with the partition named before the row.
    out = type(e)(f"roster partition {i}: {e}")
    out.kind = e.kind
    return out


def _part(i: int, frame: Any) -> _native.Roster:
    try:
        return _roster(frame)
    except Error as e:
        raise _in_partition(i, e) from None


def _fold(state: bytes | None, i: int, frame: Any) -> bytes:
    try:
        return _native.roster_digest_update(state, _part(i, frame))
    except Error as e:
        if str(e).startswith("roster partition"):
            raise
        raise _in_partition(i, e) from None


def _count(setup: _native.Setup, t: int, i: int, frame: Any) -> str:
    return setup.count(t, _part(i, frame))


def _select(setup: _native.Setup, t: int, i: int, frame: Any, counts: list[str]) -> str:
    return setup.select(t, _part(i, frame), counts)


def _sorted(roster: Any) -> Any:
    if not hasattr(roster, "to_delayed") or not hasattr(roster, "npartitions"):
        from .errors import InvalidTypeError

        raise InvalidTypeError(
            f"roster: expected a dask DataFrame, got {type(roster).__name__}"
        )
    return roster.sort_values("uscc")


def roster_digest(roster: Any, *, presorted: bool = False) -> str:
    """The §2 digest of a Dask roster, folded partition by partition in code
    order: what :meth:`jianguan.Roster.digest` gives for the whole."""
    parts = (roster if presorted else _sorted(roster)).to_delayed()
    state: Any = None
    for i, p in enumerate(parts):
        state = delayed(_fold)(state, i, p)
    if state is None:
        return _native.roster_digest_finish(_native.roster_digest_update(None, _native.Roster.from_json("[]")))
    result: str = delayed(_native.roster_digest_finish)(state).compute()
    return result


def draw(
    supervisor: Supervisor,
    plan: object,
    *,
    roster: Any,
    inspectors: object,
    entropy: Sequence[Any],
    history: object = None,
    presorted: bool = False,
) -> DrawRecord:
    """Draws ``plan`` over a Dask DataFrame ``roster`` (the columns
    :func:`jianguan.roster` takes), partition by partition, on the active
    Dask scheduler. ``inspectors`` and ``history`` are small and stay on the
    client. ``presorted=True`` skips the sort for a roster whose partitions
    already hold ascending, disjoint code ranges (refused otherwise, with
    ``kind`` ``parts_out_of_order``). Raises what :meth:`Supervisor.draw`
    raises."""
    if not isinstance(supervisor, Supervisor):
        from .errors import InvalidTypeError

        raise InvalidTypeError(f"supervisor: expected a jianguan.Supervisor, got {type(supervisor).__name__}")
    ordered = roster if presorted else _sorted(roster)
    parts = ordered.to_delayed()
    targets = roster_digest(ordered, presorted=True)
    setup = supervisor.draw_setup(
        plan, targets_digest=targets, inspectors=inspectors, entropy=entropy, history=history
    )
    tasks = range(setup.task_count)
    counts: list[list[str]] = list(
        compute(*[[delayed(_count)(setup, t, i, p) for i, p in enumerate(parts)] for t in tasks])
    )
    selections: list[list[str]] = list(
        compute(
            *[
                [delayed(_select)(setup, t, i, p, counts[t]) for i, p in enumerate(parts)]
                for t in tasks
            ]
        )
    )
    return DrawRecord(setup.finish(counts, selections))
