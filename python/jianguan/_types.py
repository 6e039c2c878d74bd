"""Result objects: plain dataclasses with ``to_dict()``, and ``to_pandas()``
where a result is a table (pandas is imported only then)."""

from __future__ import annotations

import dataclasses
import json
import os
from typing import Any

from . import _native


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the install
        raise ImportError("to_pandas() needs pandas: pip install 'jianguan[pandas]'") from e
    return pandas


@dataclasses.dataclass(frozen=True)
class UsccInfo:
    """A valid unified social credit code (GB 32100-2015), explained."""

    code: str
    authority: str
    authority_name: str | None
    category: str
    category_name: str | None
    region: str
    province: str | None
    organisation_code: str
    warnings: list[str]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Rfc3797Pick:
    """One selection of RFC 3797: the RFC's index, MD5, div and position."""

    index: int
    md5_hex: str
    divisor: int
    position: int


@dataclasses.dataclass(frozen=True)
class Rfc3797Selection:
    """An RFC 3797 selection: the key string and the picks in order."""

    key: str
    picks: list[Rfc3797Pick]

    @property
    def positions(self) -> list[int]:
        return [p.position for p in self.picks]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class PluginInfo:
    """A loaded plugin."""

    id: str
    name_zh: str
    name_en: str
    version: str
    industries: list[str]
    origin: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class LoadReport:
    """What loading the plugins folder did."""

    loaded: list[PluginInfo]
    failures: list[str]
    unused_configs: list[str]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class Reason:
    """Why a grade was given: the article applied and what met it."""

    citation: str
    detail: str


@dataclasses.dataclass(frozen=True)
class Grades:
    """Risk grades of a batch, one row per input row, in input order."""

    plugin: str
    grade: list[int]
    label: list[str]
    score: list[float]
    reasons: list[list[Reason]]
    uscc: list[str] | None = None

    def __len__(self) -> int:
        return len(self.grade)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_pandas(self) -> Any:
        """A DataFrame: ``uscc`` (when given), ``grade``, ``label``,
        ``score`` and ``reasons`` (the citations, ``; `` between them)."""
        pd = _pandas()
        cols: dict[str, Any] = {}
        if self.uscc is not None:
            cols["uscc"] = self.uscc
        cols["grade"] = self.grade
        cols["label"] = self.label
        cols["score"] = self.score
        cols["reasons"] = ["; ".join(f"{r.citation}: {r.detail}" for r in rs) for rs in self.reasons]
        return pd.DataFrame(cols)


class DrawRecord:
    """A draw's record (双随机): what is published, and what ``verify``
    re-runs. Immutable; ``to_json()`` is the canonical text whose SHA-256 is
    ``digest``."""

    __slots__ = ("_native",)

    def __init__(self, native: _native.Record) -> None:
        self._native = native

    @classmethod
    def from_json(cls, text: str | bytes | os.PathLike[str]) -> DrawRecord:
        """Reads a published record (its JSON text, or a path to it)."""
        if isinstance(text, os.PathLike):
            with open(text, encoding="utf-8") as f:
                text = f.read()
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        from .errors import InvalidTypeError

        if not isinstance(text, str):
            raise InvalidTypeError(f"record: expected JSON text or a path, got {type(text).__name__}")
        return cls(_native.Record.from_json(text))

    @property
    def digest(self) -> str:
        return self._native.digest

    @property
    def seed(self) -> str:
        return self._native.seed

    def to_json(self) -> str:
        return self._native.to_json()

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self._native.to_json())
        return result

    def save(self, folder: str | os.PathLike[str]) -> str:
        """Writes the record as ``<digest>.json`` in ``folder`` (never over
        an existing file) and returns the path."""
        path = os.path.join(folder, f"{self.digest}.json")
        with open(path, "x", encoding="utf-8") as f:
            f.write(self.to_json())
        return path

    def visits(self) -> dict[str, list[str]]:
        """The visits as columns (see :meth:`to_pandas`)."""
        return self._native.visit_columns()

    def selection(self) -> dict[str, list[Any]]:
        """The selected entities per task and stratum part, as columns."""
        return self._native.selection_columns()

    def to_pandas(self) -> Any:
        """The visits as a DataFrame: ``uscc``, ``tasks``, ``departments``,
        ``items``, ``inspectors`` (``department:id,id``; ``;`` between)."""
        return _pandas().DataFrame(self.visits())

    def selection_to_pandas(self) -> Any:
        """The selected entities as a DataFrame: ``task``, ``department``,
        ``class``, ``part``, ``rank``, ``uscc``."""
        return _pandas().DataFrame(self.selection())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DrawRecord) and other.to_json() == self.to_json()

    def __hash__(self) -> int:
        return hash(self.digest)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # Pickled as its canonical text, so that a record returned by a
        # Dask task or a worker process is the same record (same digest).
        return (DrawRecord.from_json, (self.to_json(),))

    def __repr__(self) -> str:
        return repr(self._native)
