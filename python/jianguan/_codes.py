"""Unified social credit codes (统一社会信用代码, GB 32100-2015): the
supervisor's code checks (``sdk::supervisor::codes``)."""

from __future__ import annotations

from collections.abc import Iterable

from . import _native
from ._native import Supervisor as _Native
from ._input import text
from ._types import UsccInfo
from .errors import InvalidTypeError


class CodesMethods:
    """:class:`~jianguan.Supervisor`'s code checks."""

    __slots__ = ()
    _native: _Native

    def check_uscc(self, code: str) -> UsccInfo:
        """Checks a unified social credit code (GB 32100-2015: charset,
        length, area code, check character) and explains it; raises
        :class:`~jianguan.UsccError` saying what is wrong and where."""
        return UsccInfo(**_native.check_uscc(self._native, text("code", code)))

    def check_uscc_many(self, codes: Iterable[str]) -> list[str | None]:
        """For each code, ``None`` when valid, else why not (no exception)."""
        codes = list(codes)
        for i, c in enumerate(codes):
            if not isinstance(c, str):
                raise InvalidTypeError(f"codes[{i}]: expected str, got {type(c).__name__}")
        return _native.check_uscc_many(self._native, codes)


def make_uscc(body: str) -> str:
    """A valid unified social credit code made from its body, for test data
    and migrations: 17 characters get the GB 32100-2015 check character; 16
    characters (authority, category, area code and an eight-character
    organisation-code body) first get the GB 11714 organisation-code check
    character, then the GB 32100 one. Raises :class:`~jianguan.UsccError`
    saying what is wrong (length, a character outside the code's set)."""
    return _native.make_uscc(text("body", body))


def make_uscc_many(bodies: Iterable[str]) -> list[str]:
    """:func:`make_uscc` of each body, in order (e.g. a column); the first
    bad one raises :class:`~jianguan.UsccError` naming its position."""
    bodies = list(bodies)
    for i, b in enumerate(bodies):
        if not isinstance(b, str):
            raise InvalidTypeError(f"bodies[{i}]: expected str, got {type(b).__name__}")
    return _native.make_uscc_many(bodies)
