"""The RFC 3797 selection mode, for small pools such as an inspector panel:
the supervisor's ``rfc3797_select`` (``sdk::supervisor::rfc3797``;
docs/rfc3797-mode.md)."""

from __future__ import annotations

from collections.abc import Sequence

from . import _native
from ._native import Supervisor as _Native
from ._types import Rfc3797Pick, Rfc3797Selection
from .errors import InvalidTypeError


class Rfc3797Methods:
    """:class:`~jianguan.Supervisor`'s RFC 3797 selection."""

    __slots__ = ()
    _native: _Native

    def rfc3797_select(self, *, pool: int, count: int, sources: Sequence[Sequence[int]]) -> Rfc3797Selection:
        """Selects ``count`` of the items numbered 1..``pool`` seeded by
        public sources of non-negative integers (e.g. lottery numbers), as
        RFC 3797 §5–§6 specify and its worked example prints; raises
        :class:`~jianguan.Rfc3797Error`."""
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
        key, picks = _native.rfc3797_select(self._native, pool, count, srcs)
        return Rfc3797Selection(key=key, picks=[Rfc3797Pick(*p) for p in picks])
