"""jianguan (监管): in-process and post-event supervision of market entities
(事中事后监管) for Chinese local governments, from Python.

>>> import jianguan
>>> jianguan.check_uscc("914403001922038216").province
'广东省'

Tables go in as pandas, pyarrow or polars frames (through the Arrow
PyCapsule interface), lists of dicts or dicts of columns, read as the
command reads its CSV files (extra columns ignored, ``;`` lists); a ``str``
for a document (plan, catalog, record) is a path. Results come back as
dataclasses with ``to_dict()`` and, for tables, ``to_pandas()``,
``to_arrow()`` and ``to_polars()``. Errors are :class:`jianguan.Error`
subclasses (see :mod:`jianguan.errors`); the input types are in
:mod:`jianguan.typing`. :func:`make_uscc` and :func:`generate_county` make
valid codes and synthetic counties to test with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, final

from . import _input, _native, typing
from ._codes import make_uscc, make_uscc_many
if TYPE_CHECKING:
    # The native classes, declared here (not in the native module's stubs) so
    # that the types a checker reveals say `jianguan.Roster`.
    from ._native import Record as _Record

    @final
    class Roster:
        """A target roster fixed once: checked, sorted by code, its digest
        computed on first use (see :func:`jianguan.roster`)."""

        @staticmethod
        def from_arrow(frame: object) -> Roster: ...
        @staticmethod
        def from_json(text: str) -> Roster: ...
        @property
        def digest(self) -> str: ...
        def __len__(self) -> int: ...
        def __reduce__(self) -> tuple[Any, ...]: ...

    @final
    class Setup:
        """A plan bound to a roster's digest, for drawing part by part
        (:meth:`Supervisor.draw_setup`, :mod:`jianguan.dask`)."""

        @classmethod
        def _restore(cls, state: str) -> Setup: ...
        def __reduce__(self) -> tuple[Any, ...]: ...
        @property
        def task_count(self) -> int: ...
        @property
        def seed(self) -> str: ...
        def count(self, t: int, part: Roster) -> str: ...
        def select(self, t: int, part: Roster, counts: list[str]) -> str: ...
        def select_targets(self, t: int, roster: Roster) -> Any: ...
        def finish(self, counts: list[list[str]], selections: list[list[str]]) -> _Record: ...

else:
    from ._native import Roster, Setup
from ._results import DEFAULT_PUBLICATION_WORKING_DAYS
from ._supervisor import Supervisor
from ._supervisor import default as _default
from ._synth import County, generate_county
from ._plugin_types import (
    Duties,
    Duty,
    GradeLevel,
    Grades,
    LoadReport,
    PluginInfo,
    ReferralAssessments,
    ReferralDecision,
    ReferralFinding,
)
from ._tables import Table
from ._types import (
    EXCLUSION_RULES,
    DrawRecord,
    Reason,
    RecordedResults,
    Rfc3797Pick,
    Rfc3797Selection,
    UsccInfo,
)
from .errors import (
    CalendarError,
    CatalogError,
    CreditError,
    DrawError,
    Error,
    ErrorKind,
    FactsError,
    FileError,
    InvalidInputError,
    InvalidTypeError,
    PluginError,
    PluginLoadError,
    PluginNotLoadedError,
    ReferralError,
    ResultsError,
    Rfc3797Error,
    RosterError,
    UnknownDepartmentError,
    UnknownItemError,
    UsccError,
    VerificationError,
)

#: The draw algorithm's version, recorded in every record.
ALGORITHM: str = _native.ALGORITHM
#: The record format's version.
RECORD_FORMAT: str = _native.RECORD_FORMAT

__all__ = [
    "ALGORITHM",
    "DEFAULT_PUBLICATION_WORKING_DAYS",
    "EXCLUSION_RULES",
    "RECORD_FORMAT",
    "CalendarError",
    "CatalogError",
    "County",
    "CreditError",
    "DrawError",
    "DrawRecord",
    "Duties",
    "Duty",
    "Error",
    "ErrorKind",
    "FactsError",
    "FileError",
    "GradeLevel",
    "Grades",
    "InvalidInputError",
    "InvalidTypeError",
    "LoadReport",
    "PluginError",
    "PluginInfo",
    "PluginLoadError",
    "PluginNotLoadedError",
    "Reason",
    "RecordedResults",
    "ReferralAssessments",
    "ReferralDecision",
    "ReferralError",
    "ReferralFinding",
    "ResultsError",
    "Rfc3797Error",
    "Rfc3797Pick",
    "Rfc3797Selection",
    "Roster",
    "RosterError",
    "Setup",
    "Supervisor",
    "Table",
    "UnknownDepartmentError",
    "UnknownItemError",
    "UsccError",
    "UsccInfo",
    "VerificationError",
    "check_uscc",
    "check_uscc_many",
    "generate_county",
    "make_uscc",
    "make_uscc_many",
    "rfc3797",
    "roster",
    "typing",
]


def check_uscc(code: str) -> UsccInfo:
    """Checks a unified social credit code (GB 32100-2015: charset, length,
    area code, check character) and explains it; raises
    :class:`UsccError` saying what is wrong and where. The same as
    :meth:`Supervisor.check_uscc` of a default supervisor."""
    return _default().check_uscc(code)


def check_uscc_many(codes: Iterable[str]) -> list[str | None]:
    """For each code, ``None`` when valid, else why not (no exception)."""
    return _default().check_uscc_many(codes)


def rfc3797(*, pool: int, count: int, sources: Sequence[Sequence[int]]) -> Rfc3797Selection:
    """RFC 3797 selection of ``count`` of ``pool`` items seeded by sources
    of non-negative integers (e.g. lottery numbers), as the RFC's worked
    example prints it; raises :class:`Rfc3797Error`. The same as
    :meth:`Supervisor.rfc3797_select` of a default supervisor."""
    return _default().rfc3797_select(pool=pool, count=count, sources=sources)


def roster(data: typing.TableLike | Roster) -> Roster:
    """Fixes a target roster once (checked, sorted by code, digest on first
    use), to draw or verify over it repeatedly without reading it again.
    ``data``: a pandas, pyarrow or polars frame, a list of dicts or a dict
    of columns with the
    columns ``uscc``, ``region``, ``status``, ``credit_class``,
    ``registered_on`` and optionally ``industries``, ``last_penalty_on``,
    ``weight``. Raises :class:`InvalidInputError` naming row and column."""
    return _input.roster(data)
