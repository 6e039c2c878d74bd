"""Result objects: plain dataclasses with ``to_dict()``, and ``to_pandas()``
where a result is a table (pandas is imported only then)."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, Union

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
    """Why a result was given: the article applied, what in the facts met
    it, and how firmly the figure applied is sourced (``solid``,
    ``corroborated`` or ``unconfirmed``, RULES.md's status tags; ``None``
    only for a reason made by hand)."""

    citation: str
    detail: str
    certainty: str | None = None

    @classmethod
    def _from_json(cls, d: dict[str, Any]) -> Reason:
        # The facade's one shape of a cited reason (`reason_json`).
        return cls(citation=d["citation"], detail=d["detail"], certainty=d["certainty"])


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


@dataclasses.dataclass(frozen=True)
class Duty:
    """A dated duty of one row (e.g. a periodic inspection falling due) and
    the rule that sets it."""

    code: str
    due: _dt.date
    overdue: bool
    reason: Reason


@dataclasses.dataclass(frozen=True)
class Duties:
    """Due-date duties of a batch as of a date: for each input row, in input
    order, the list of its duties (empty when none falls due). Indexing and
    iterating give a row's list."""

    plugin: str
    as_of: _dt.date
    rows: list[list[Duty]]
    uscc: list[str | None] | None = None

    @classmethod
    def _from_json(
        cls, plugin: str, as_of: _dt.date, text: str, uscc: list[str | None] | None
    ) -> Duties:
        # The facade's `duties_json` shape: [{"row", "duties": [{"code", "due", "overdue", "reason"}]}].
        rows = [
            [
                Duty(d["code"], _dt.date.fromisoformat(d["due"]), d["overdue"], Reason._from_json(d["reason"]))
                for d in r["duties"]
            ]
            for r in json.loads(text)
        ]
        return cls(plugin=plugin, as_of=as_of, rows=rows, uscc=uscc)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, row: int) -> list[Duty]:
        return self.rows[row]

    def __iter__(self) -> Iterator[list[Duty]]:
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_pandas(self) -> Any:
        """A DataFrame with one line per duty: ``row`` (the input row),
        ``uscc`` (when given), ``code``, ``due``, ``overdue``, ``citation``,
        ``certainty`` and ``detail``."""
        lines = []
        for r, duties in enumerate(self.rows):
            for d in duties:
                line: dict[str, Any] = {"row": r}
                if self.uscc is not None:
                    line["uscc"] = self.uscc[r]
                line.update(
                    code=d.code,
                    due=d.due,
                    overdue=d.overdue,
                    citation=d.reason.citation,
                    certainty=d.reason.certainty,
                    detail=d.reason.detail,
                )
                lines.append(line)
        columns = ["row", *(["uscc"] if self.uscc is not None else []), "code", "due", "overdue", "citation", "certainty", "detail"]
        return _pandas().DataFrame(lines, columns=columns)


#: A referral decision (行刑衔接): refer the case to the police, have the
#: goods tested first, or keep it an administrative case. (A union of
#: one-value literals, as :data:`jianguan.errors.ErrorKind` is, for
#: ``mypy.stubtest``.)
ReferralDecision = Union[Literal["refer"], Literal["needs_testing"], Literal["do_not_refer"]]


@dataclasses.dataclass(frozen=True)
class ReferralFinding:
    """One offence considered for a case: its decision and the criminal-law
    article or prosecution standard applied."""

    decision: ReferralDecision
    reason: Reason


@dataclasses.dataclass(frozen=True)
class ReferralAssessments:
    """Criminal-referral assessments (行刑衔接) of a batch, one case per input
    row, in input order: each case's overall ``decision`` and its
    ``findings``."""

    plugin: str
    decision: list[ReferralDecision]
    findings: list[list[ReferralFinding]]
    uscc: list[str | None] | None = None

    @classmethod
    def _from_json(cls, plugin: str, text: str, uscc: list[str | None] | None) -> ReferralAssessments:
        # The facade's `referral_json` shape: [{"row", "decision", "findings": [{"decision", "reason"}]}].
        cases = json.loads(text)
        return cls(
            plugin=plugin,
            decision=[c["decision"] for c in cases],
            findings=[[ReferralFinding(f["decision"], Reason._from_json(f["reason"])) for f in c["findings"]] for c in cases],
            uscc=uscc,
        )

    def __len__(self) -> int:
        return len(self.decision)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_pandas(self) -> Any:
        """A DataFrame with one line per case: ``uscc`` (when given),
        ``decision`` and ``findings`` (``decision: citation: detail``,
        ``; `` between them)."""
        cols: dict[str, Any] = {}
        if self.uscc is not None:
            cols["uscc"] = self.uscc
        cols["decision"] = self.decision
        cols["findings"] = [
            "; ".join(f"{f.decision}: {f.reason.citation}: {f.reason.detail}" for f in fs) for fs in self.findings
        ]
        return _pandas().DataFrame(cols)


@dataclasses.dataclass(frozen=True)
class RecordedResults:
    """Inspection results recorded against a draw, in the order entered:
    ``results`` as the SDK records them (``draw_record_id``, ``uscc``,
    ``department_id``, ``concluded_on``, ``table``, ``outcomes`` with their
    labels, ``publication_days``, ``publish_by``, ``follow_ups``), and the
    visits as inspection ``history`` in the shape :meth:`Supervisor.draw`
    takes, for the next draw's proportionality rules. Dates are
    ``YYYY-MM-DD`` text, as in the records the C API writes."""

    results: list[dict[str, Any]]
    history: list[dict[str, Any]]

    def __len__(self) -> int:
        return len(self.results)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_pandas(self) -> Any:
        """The results as a DataFrame, one line each: ``uscc``,
        ``department_id``, ``concluded_on``, ``outcomes`` (the codes, ``;``
        between them), ``publish_by`` (dates) and ``follow_ups`` (the
        events, ``;`` between them)."""
        return _pandas().DataFrame(
            {
                "uscc": [r["uscc"] for r in self.results],
                "department_id": [r["department_id"] for r in self.results],
                "concluded_on": [_dt.date.fromisoformat(r["concluded_on"]) for r in self.results],
                "outcomes": [";".join(o["code"] for o in r["outcomes"]) for r in self.results],
                "publish_by": [_dt.date.fromisoformat(r["publish_by"]) for r in self.results],
                "follow_ups": [";".join(f["event"] for f in r["follow_ups"]) for r in self.results],
            }
        )

    def history_to_pandas(self) -> Any:
        """The visits as inspection history: ``uscc``, ``date``,
        ``department``, ``level`` and ``items``."""
        return _pandas().DataFrame(self.history, columns=["uscc", "date", "department", "level", "items"])


class DrawRecord:
    """A draw's record (双随机): what is published, and what ``verify``
    re-runs. Immutable; ``to_json()`` is the canonical text whose SHA-256 is
    ``digest``."""

    __slots__ = ("_native",)

    def __init__(self, native: _native.Record) -> None:
        self._native = native

    @classmethod
    def from_json(cls, path: str | os.PathLike[str]) -> DrawRecord:
        """Reads a published record from its file, as :meth:`save` writes it
        (``DrawRecord.from_json(record.save(folder))`` gives the record
        back). A ``str`` is a path, as pandas and polars read one; JSON text
        goes to :meth:`from_json_text`. Raises :class:`~jianguan.FileError`
        (also an ``OSError``) for a file that cannot be read, and
        :class:`~jianguan.InvalidInputError` naming the file for one that
        is not a record."""
        from . import _input
        from .errors import Error, InvalidTypeError

        if not isinstance(path, (str, os.PathLike)):
            raise InvalidTypeError(
                f"record: expected a path (str or os.PathLike), got {type(path).__name__};"
                " JSON text goes to DrawRecord.from_json_text"
            )
        text = _input.document("record", path)
        try:
            return cls(_native.Record.from_json(text))
        except Error as e:
            raise type(e)(f"record file {os.fspath(path)!r}: {e}", kind=e.kind) from None

    @classmethod
    def from_json_text(cls, text: str | bytes) -> DrawRecord:
        """Reads a published record from its JSON text (``to_json()``)."""
        from .errors import InvalidTypeError

        if isinstance(text, bytes):
            text = text.decode("utf-8")
        if not isinstance(text, str):
            raise InvalidTypeError(f"record: expected JSON text, got {type(text).__name__}")
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

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Writes the record as ``<digest>.json`` in ``folder`` (made, with
        its parents, if missing) and returns its path. Saving the same record
        again is harmless (the file is left as it is); a different file
        under that name is never overwritten
        (:class:`~jianguan.InvalidInputError`). The file appears whole or
        not at all (written beside it, then linked into place)."""
        from .errors import FileError, InvalidInputError, InvalidTypeError

        if not isinstance(folder, (str, os.PathLike)):
            raise InvalidTypeError(f"folder: expected a path (str or os.PathLike), got {type(folder).__name__}")
        body = self.to_json()
        where = Path(folder)
        path = where / f"{self.digest}.json"
        try:
            where.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                fd, tmp = tempfile.mkstemp(dir=where, prefix=f".{self.digest}.", suffix=".tmp")
                try:
                    with os.fdopen(fd, "w", encoding="utf-8") as f:
                        f.write(body)
                    os.link(tmp, path)
                except FileExistsError:
                    pass  # saved meanwhile: compared below
                finally:
                    os.unlink(tmp)
            existing = path.read_text(encoding="utf-8")
        except OSError as e:
            raise FileError(f"folder: saving {os.fspath(path)!r}: {e.strerror or e}") from None
        except UnicodeDecodeError:
            existing = None
        if existing != body:
            raise InvalidInputError(
                f"folder: {os.fspath(path)!r} exists and is not this record; it is left as it is"
            )
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
        return (DrawRecord.from_json_text, (self.to_json(),))

    def __repr__(self) -> str:
        return repr(self._native)
