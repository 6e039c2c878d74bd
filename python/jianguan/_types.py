"""Result objects: plain dataclasses with ``to_dict()``; a result that is a
table, or holds some (a draw record), gives each as a
:class:`~jianguan.Table` with ``to_pandas()``, ``to_arrow()`` and
``to_polars()`` (each library imported only then). The plugins' results
are in ``_plugin_types``."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import html
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import _native
from ._tables import Table, Tabular, html_table

if TYPE_CHECKING:  # pragma: no cover - names for the annotations only
    import pandas
    import polars
    import pyarrow
else:
    # Imported only when a frame is asked for; the names exist so that the
    # module has every name its annotations use (stubtest checks that).
    pandas = polars = pyarrow = None


#: The rules by which a task leaves an entity out (docs/draw-algorithm.md):
#: a class not drawn for routine checks (无事不扰), a class without a stratum
#: in the task, inspected recently on one of the task's items, and the
#: department's yearly cap reached.
EXCLUSION_RULES = ("undisturbed_class", "no_stratum", "recently_inspected", "yearly_cap")


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


@dataclasses.dataclass(frozen=True, repr=False)
class RecordedResults(Tabular):
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

    def table(self) -> Table:
        """The results, one line each: ``uscc``, ``department_id``,
        ``concluded_on`` (a date), ``outcomes`` (the codes ticked, a list),
        ``publish_by`` (a date) and ``follow_ups`` (the events, a list)."""
        rs = self.results
        return Table(
            "results",
            {
                "uscc": ("str", [r["uscc"] for r in rs]),
                "department_id": ("str", [r["department_id"] for r in rs]),
                "concluded_on": ("date", [_dt.date.fromisoformat(r["concluded_on"]) for r in rs]),
                "outcomes": ("list<str>", [[o["code"] for o in r["outcomes"]] for r in rs]),
                "publish_by": ("date", [_dt.date.fromisoformat(r["publish_by"]) for r in rs]),
                "follow_ups": ("list<str>", [[f["event"] for f in r["follow_ups"]] for r in rs]),
            },
        )

    def history_table(self) -> Table:
        """The visits as inspection history: ``uscc``, ``date`` (a date),
        ``department``, ``level`` and ``items`` (a list)."""
        h = self.history
        return Table(
            "history",
            {
                "uscc": ("str", [v["uscc"] for v in h]),
                "date": ("date", [_dt.date.fromisoformat(v["date"]) for v in h]),
                "department": ("str", [v["department"] for v in h]),
                "level": ("str", [v["level"] for v in h]),
                "items": ("list<str>", [list(v["items"]) for v in h]),
            },
        )

    def history_to_pandas(self) -> pandas.DataFrame:
        """:meth:`history_table` as a pandas DataFrame."""
        return self.history_table().to_pandas()

    def __repr__(self) -> str:
        return f"RecordedResults({len(self):,} results, {len(self.history):,} history entries)"


class DrawRecord:
    """A draw's record (双随机): what is published, and what ``verify``
    re-runs. Immutable; ``to_json()`` is the canonical text whose SHA-256 is
    ``digest``."""

    __slots__ = ("_native", "_parsed")

    def __init__(self, native: _native.Record) -> None:
        self._native = native
        self._parsed: dict[str, Any] | None = None

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

    def _doc(self) -> dict[str, Any]:
        # Parsed once per record: every table below reads it.
        if self._parsed is None:
            self._parsed = self.to_dict()
        return self._parsed

    def visits(self) -> Table:
        """The visits (进一次门、查多项事), in the order inspectors were
        drawn: ``uscc``, ``tasks`` (the task numbers that drew it, a list),
        ``departments`` and ``items`` (lists) and ``inspectors`` (a list of
        ``{department, inspectors}``, each department's team in draw
        order)."""
        vs = self._doc()["visits"]
        return Table(
            "visits",
            {
                "uscc": ("str", [v["uscc"] for v in vs]),
                "tasks": ("list<int>", [v["tasks"] for v in vs]),
                "departments": ("list<str>", [v["departments"] for v in vs]),
                "items": ("list<str>", [v["items"] for v in vs]),
                "inspectors": ("inspectors", [v["inspectors"] for v in vs]),
            },
        )

    def assignments(self) -> Table:
        """The inspectors drawn, one line per inspector on a visit:
        ``uscc``, ``department``, ``inspector`` and ``order`` (from 0, in
        draw order within the department's team)."""
        lines = [
            (v["uscc"], a["department"], i, n)
            for v in self._doc()["visits"]
            for a in v["inspectors"]
            for n, i in enumerate(a["inspectors"])
        ]
        return Table(
            "assignments",
            {
                "uscc": ("str", [x[0] for x in lines]),
                "department": ("str", [x[1] for x in lines]),
                "inspector": ("str", [x[2] for x in lines]),
                "order": ("int", [x[3] for x in lines]),
            },
        )

    def strata(self) -> Table:
        """One line per task and stratum part, as ``jianguan draw run``
        prints them: ``task`` (from 0), ``department``, ``class``, ``part``
        (``normal``, or ``reduced`` for penalty-free entities at the reduced
        ratio), ``pool`` (the entities eligible in that part) and ``take``
        (how many were drawn)."""
        lines = [(t, task, s) for t, task in enumerate(self._doc()["tasks"]) for s in task["strata"]]
        return Table(
            "strata",
            {
                "task": ("int", [t for t, _, _ in lines]),
                "department": ("str", [task["department"] for _, task, _ in lines]),
                "class": ("str", [s["class"] for _, _, s in lines]),
                "part": ("str", [s["part"] for _, _, s in lines]),
                "pool": ("int", [s["pool"] for _, _, s in lines]),
                "take": ("int", [s["take"] for _, _, s in lines]),
            },
        )

    def tasks(self) -> Table:
        """One line per task, as ``jianguan draw run`` sums them up:
        ``task``, ``department``, ``items`` (a list), ``population`` (the
        entities passing the task's filter), ``drawn``, ``reduced`` (drawn
        at the reduced ratio) and the entities left out by each rule:
        ``excluded_undisturbed_class`` (a class not drawn for routine
        checks), ``excluded_no_stratum`` (a class without a stratum),
        ``excluded_recently_inspected`` and ``excluded_yearly_cap``."""
        doc = self._doc()
        outs, plans = doc["tasks"], doc["plan"]["tasks"]
        cols: dict[str, tuple[str, list[Any]]] = {
            "task": ("int", list(range(len(outs)))),
            "department": ("str", [o["department"] for o in outs]),
            "items": ("list<str>", [[i["code"] for i in p["items"]] for p in plans]),
            "population": ("int", [o["population"] for o in outs]),
            "drawn": ("int", [sum(s["take"] for s in o["strata"]) for o in outs]),
            "reduced": ("int", [len(o["reduced"]) for o in outs]),
        }
        for rule in EXCLUSION_RULES:
            cols[f"excluded_{rule}"] = ("int", [sum(e["rule"] == rule for e in o["excluded"]) for o in outs])
        return Table("tasks", cols)

    def exclusions(self) -> Table:
        """The entities each task left out, one line each: ``task``,
        ``department``, ``uscc``, ``rule`` (one of
        :data:`EXCLUSION_RULES`) and ``detail`` (the facts, e.g. ``F-04 by
        market_regulation (county) on 2026-10-15``)."""
        lines = [(t, o, e) for t, o in enumerate(self._doc()["tasks"]) for e in o["excluded"]]
        return Table(
            "exclusions",
            {
                "task": ("int", [t for t, _, _ in lines]),
                "department": ("str", [o["department"] for _, o, _ in lines]),
                "uscc": ("str", [e["uscc"] for _, _, e in lines]),
                "rule": ("str", [e["rule"] for _, _, e in lines]),
                "detail": ("str", [e["detail"] for _, _, e in lines]),
            },
        )

    def selection(self) -> Table:
        """The selected entities: ``task``, ``department``, ``class``,
        ``part``, ``rank`` (from 0, smallest key first) and ``uscc``."""
        c = self._native.selection_columns()
        kinds = {"task": "int", "rank": "int"}
        return Table("selection", {k: (kinds.get(k, "str"), v) for k, v in c.items()})

    def to_pandas(self) -> pandas.DataFrame:
        """:meth:`visits` as a pandas DataFrame."""
        return self.visits().to_pandas()

    def to_arrow(self) -> pyarrow.Table:
        """:meth:`visits` as a pyarrow Table."""
        return self.visits().to_arrow()

    def to_polars(self) -> polars.DataFrame:
        """:meth:`visits` as a polars DataFrame."""
        return self.visits().to_polars()

    def selection_to_pandas(self) -> pandas.DataFrame:
        """:meth:`selection` as a pandas DataFrame."""
        return self.selection().to_pandas()

    def _repr_html_(self) -> str:
        doc = self._doc()
        plan = doc["plan"]
        strata = self.strata()
        rows = [[str(r["task"]), r["department"], r["class"], r["part"], f"{r['pool']:,}", f"{r['take']:,}"] for r in strata]
        caption = html.escape(
            f"draw record {self.digest[:16]}… of plan {plan['id']} ({plan['title']}): "
            f"{len(doc['visits']):,} visits, seed {self.seed[:16]}…"
        )
        return html_table(["task", "department", "class", "part", "pool", "take"], rows, caption=caption)

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
