"""jianguan (监管): in-process and post-event supervision of market entities
(事中事后监管) for Chinese local governments, from Python.

>>> import jianguan
>>> jianguan.check_uscc("914403001922038216").province
'广东省'

Tables go in as pandas, pyarrow or polars frames (through the Arrow
PyCapsule interface) or as lists of dicts; results come back as dataclasses
with ``to_dict()`` and, for tables, ``to_pandas()``. Errors are
:class:`jianguan.Error` subclasses (see :mod:`jianguan.errors`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import _input, _native
from ._results import (
    DrawRecord,
    Grades,
    LoadReport,
    PluginInfo,
    Reason,
    Rfc3797Pick,
    Rfc3797Selection,
    UsccInfo,
)
from ._supervisor import Supervisor
from ._native import Roster, Setup
from .errors import (
    CalendarError,
    CatalogError,
    CreditError,
    DrawError,
    Error,
    FactsError,
    InvalidInputError,
    InvalidTypeError,
    PluginError,
    PluginLoadError,
    ReferralError,
    ResultsError,
    Rfc3797Error,
    RosterError,
    UsccError,
    VerificationError,
)

#: The draw algorithm's version, recorded in every record.
ALGORITHM: str = _native.ALGORITHM
#: The record format's version.
RECORD_FORMAT: str = _native.RECORD_FORMAT

__all__ = [
    "ALGORITHM",
    "RECORD_FORMAT",
    "CalendarError",
    "CatalogError",
    "CreditError",
    "DrawError",
    "DrawRecord",
    "Error",
    "FactsError",
    "Grades",
    "InvalidInputError",
    "InvalidTypeError",
    "LoadReport",
    "PluginError",
    "PluginInfo",
    "PluginLoadError",
    "Reason",
    "ReferralError",
    "ResultsError",
    "Rfc3797Error",
    "Rfc3797Pick",
    "Rfc3797Selection",
    "Roster",
    "RosterError",
    "Setup",
    "Supervisor",
    "UsccError",
    "UsccInfo",
    "VerificationError",
    "check_uscc",
    "check_uscc_many",
    "rfc3797",
    "roster",
]


def check_uscc(code: str) -> UsccInfo:
    """Checks a unified social credit code (GB 32100-2015: charset, length,
    area code, check character) and explains it; raises
    :class:`UsccError` saying what is wrong and where."""
    if not isinstance(code, str):
        raise InvalidTypeError(f"code: expected str, got {type(code).__name__}")
    return UsccInfo(**_native.check_uscc(code))


def check_uscc_many(codes: Iterable[str]) -> list[str | None]:
    """For each code, ``None`` when valid, else why not (no exception)."""
    codes = list(codes)
    for i, c in enumerate(codes):
        if not isinstance(c, str):
            raise InvalidTypeError(f"codes[{i}]: expected str, got {type(c).__name__}")
    return _native.check_uscc_many(codes)


def rfc3797(*, pool: int, count: int, sources: Sequence[Sequence[int]]) -> Rfc3797Selection:
    """RFC 3797 selection of ``count`` of ``pool`` items seeded by sources
    of non-negative integers (e.g. lottery numbers), as the RFC's worked
    example prints it; raises :class:`Rfc3797Error`."""
    for name, v in (("pool", pool), ("count", count)):
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise InvalidTypeError(f"{name}: expected a non-negative int, got {v!r}")
    srcs: list[list[int]] = []
    for i, s in enumerate(sources):
        if isinstance(s, (str, bytes)) or not all(
            isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in s
        ):
            raise InvalidTypeError(f"sources[{i}]: expected a list of non-negative ints")
        srcs.append(list(s))
    key, picks = _native.rfc3797_select(pool, count, srcs)
    return Rfc3797Selection(key=key, picks=[Rfc3797Pick(*p) for p in picks])


def roster(data: object) -> Roster:
    """Fixes a target roster once (checked, sorted by code, digest on first
    use), to draw or verify over it repeatedly without reading it again.
    ``data``: a pandas, pyarrow or polars frame or a list of dicts with the
    columns ``uscc``, ``region``, ``status``, ``credit_class``,
    ``registered_on`` and optionally ``industries``, ``last_penalty_on``,
    ``weight``. Raises :class:`InvalidInputError` naming row and column."""
    return _input.roster(data)
