"""Result classes of the plugins (:mod:`jianguan._plugins`): what loaded,
grades, duties and referral assessments. Tables among them have
``to_pandas()``, ``to_arrow()``, ``to_polars()`` and ``table()``, and
short reprs (a batch of 43,000 grades prints one line, and a notebook shows
a summary)."""

from __future__ import annotations

import collections
import dataclasses
import datetime as _dt
import html
import json
from collections.abc import Iterator
from typing import Any, Literal, Union

from ._tables import Table, Tabular, html_table
from ._types import Reason


def _reasons(rs: list[Reason]) -> list[dict[str, Any]]:
    return [{"citation": r.citation, "detail": r.detail, "certainty": r.certainty} for r in rs]


@dataclasses.dataclass(frozen=True)
class GradeLevel:
    """One grade of a plugin's scale: its ``label`` (e.g. ``"A"``) and what
    it means (``description``, as the plugin's regulation words it)."""

    label: str
    description: str


@dataclasses.dataclass(frozen=True)
class PluginInfo:
    """A loaded plugin: who it is (``id``, names, ``version``, the
    ``industries`` it covers, the file it came from, ``origin``) and what it
    says of itself: its grade ``scale`` (lowest risk first), fact
    ``schema`` per operation (``"grading"``, ``"duties"``, ``"referral"``:
    a list of ``{"name", "kind", "required", "unit", "allowed",
    "description", …}``), and in ``description`` the whole description the
    plugin gave (rule sets, citations, frequencies, items, violations,
    exemptions, configuration). :meth:`Supervisor.plugins` and
    :meth:`Supervisor.plugin` give the same objects."""

    id: str
    name_zh: str
    name_en: str
    version: str
    industries: list[str]
    origin: str
    scale: list[GradeLevel] = dataclasses.field(default_factory=list)
    schema: dict[str, list[dict[str, Any]]] = dataclasses.field(default_factory=dict, repr=False)
    description: dict[str, Any] = dataclasses.field(default_factory=dict, repr=False)

    @classmethod
    def _of(cls, loaded: dict[str, Any], description: dict[str, Any]) -> PluginInfo:
        # `loaded`: an entry of the facade's plugins summary; `description`:
        # the plugin's own (`plugin_description_json`).
        return cls(
            **loaded,
            scale=[GradeLevel(g["label"], g["description"]) for g in description.get("grades", [])],
            schema=description.get("schema", {}),
            description=description,
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def __getitem__(self, key: str) -> Any:
        """A part of the plugin's description by its key, as the
        description's JSON has it (``info["schema"]["grading"]``,
        ``info["citations"]``); raises ``KeyError`` for another key."""
        return self.description[key]


@dataclasses.dataclass(frozen=True, repr=False)
class LoadReport:
    """What loading the plugins folder did: the plugins ``loaded``, the
    files refused (``failures``, each saying why) and configurations given
    for no loaded plugin (``unused_configs``)."""

    loaded: list[PluginInfo]
    failures: list[str]
    unused_configs: list[str]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def __repr__(self) -> str:
        loaded = ", ".join(f"{p.id} {p.version}" for p in self.loaded) or "none"
        return (
            f"LoadReport(loaded {len(self.loaded)}: {loaded}; refused {len(self.failures)}"
            + "".join(f"; {f}" for f in self.failures)
            + f"; unused configurations {len(self.unused_configs)}"
            + (f": {', '.join(self.unused_configs)}" if self.unused_configs else "")
            + ")"
        )


@dataclasses.dataclass(frozen=True, repr=False)
class Grades(Tabular):
    """Risk grades of a batch, one row per input row, in input order.

    ``grade`` is each row's grade by its label in the plugin's ``scale``
    (e.g. the food plugin's ``A`` to ``D``, lowest risk first, each
    :class:`GradeLevel` with its meaning); ``level`` its position in the
    scale (0 = lowest risk); ``score`` the points it was graded on;
    ``reasons`` the articles applied, each a :class:`Reason` with its
    ``certainty``; ``uscc`` the rows' codes when the facts had them."""

    plugin: str
    scale: list[GradeLevel]
    grade: list[str]
    level: list[int]
    score: list[float]
    reasons: list[list[Reason]]
    uscc: list[str | None] | None = None

    def __len__(self) -> int:
        return len(self.grade)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def table(self) -> Table:
        """``uscc`` (when given), ``grade`` (an ordered category of the
        scale's labels), ``level``, ``score`` and ``reasons`` (a list of
        ``{citation, detail, certainty}`` per row)."""
        cols: dict[str, tuple[str, list[Any]]] = {}
        if self.uscc is not None:
            cols["uscc"] = ("str", self.uscc)
        cols["grade"] = ("str", self.grade)
        cols["level"] = ("int", self.level)
        cols["score"] = ("float", self.score)
        cols["reasons"] = ("reasons", [_reasons(rs) for rs in self.reasons])
        return Table("grades", cols, categories={"grade": [g.label for g in self.scale]})

    def counts(self) -> dict[str, int]:
        """Rows per grade, every grade of the scale in order (0 when none)."""
        c = collections.Counter(self.grade)
        return {g.label: c.get(g.label, 0) for g in self.scale}

    def __repr__(self) -> str:
        counts = ", ".join(f"{k} {v:,}" for k, v in self.counts().items())
        return f"Grades(plugin={self.plugin!r}, {len(self):,} rows: {counts})"

    def _repr_html_(self) -> str:
        counts = self.counts()
        rows = []
        for g in self.scale:
            scores = [s for s, lab in zip(self.score, self.grade) if lab == g.label]
            mean = f"{sum(scores) / len(scores):.1f}" if scores else ""
            rows.append([g.label, f"{counts[g.label]:,}", mean, g.description])
        caption = f"grades by plugin {html.escape(self.plugin)}: {len(self):,} rows"
        return html_table(["grade", "rows", "mean score", "meaning"], rows, caption=caption)


@dataclasses.dataclass(frozen=True)
class Duty:
    """A dated duty of one row (e.g. a periodic inspection falling due) and
    the rule that sets it."""

    code: str
    due: _dt.date
    overdue: bool
    reason: Reason


@dataclasses.dataclass(frozen=True, repr=False)
class Duties(Tabular):
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

    def table(self) -> Table:
        """One line per duty: ``row`` (the input row), ``uscc`` (when
        given), ``code``, ``due``, ``overdue``, ``citation``, ``certainty``
        and ``detail``."""
        lines = [(r, d) for r, duties in enumerate(self.rows) for d in duties]
        cols: dict[str, tuple[str, list[Any]]] = {"row": ("int", [r for r, _ in lines])}
        if self.uscc is not None:
            cols["uscc"] = ("str", [self.uscc[r] for r, _ in lines])
        cols["code"] = ("str", [d.code for _, d in lines])
        cols["due"] = ("date", [d.due for _, d in lines])
        cols["overdue"] = ("bool", [d.overdue for _, d in lines])
        cols["citation"] = ("str", [d.reason.citation for _, d in lines])
        cols["certainty"] = ("str", [d.reason.certainty for _, d in lines])
        cols["detail"] = ("str", [d.reason.detail for _, d in lines])
        return Table("duties", cols)

    def __repr__(self) -> str:
        n = sum(len(r) for r in self.rows)
        overdue = sum(d.overdue for r in self.rows for d in r)
        return f"Duties(plugin={self.plugin!r}, as of {self.as_of}, {len(self):,} rows: {n:,} duties, {overdue:,} overdue)"


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


@dataclasses.dataclass(frozen=True, repr=False)
class ReferralAssessments(Tabular):
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

    def table(self) -> Table:
        """One line per case: ``uscc`` (when given), ``decision`` and
        ``findings`` (a list of ``{decision, citation, detail, certainty}``)."""
        cols: dict[str, tuple[str, list[Any]]] = {}
        if self.uscc is not None:
            cols["uscc"] = ("str", self.uscc)
        cols["decision"] = ("str", self.decision)
        cols["findings"] = (
            "findings",
            [[{"decision": f.decision, **_reasons([f.reason])[0]} for f in fs] for fs in self.findings],
        )
        return Table("referral assessments", cols)

    def __repr__(self) -> str:
        c = collections.Counter(self.decision)
        counts = ", ".join(f"{k} {v:,}" for k, v in sorted(c.items()))
        return f"ReferralAssessments(plugin={self.plugin!r}, {len(self):,} cases: {counts or 'none'})"
