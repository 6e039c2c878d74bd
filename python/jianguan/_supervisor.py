"""The supervision system a data team scripts against."""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from . import _input, _native
from ._results import DrawRecord, Grades, LoadReport, PluginInfo, Reason
from .errors import InvalidTypeError


def _date(what: str, value: object) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            from .errors import InvalidInputError

            raise InvalidInputError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None
    raise InvalidTypeError(f"{what}: expected a date or YYYY-MM-DD text, got {type(value).__name__}")


def _text(what: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(f"{what}: expected str, got {type(value).__name__}")
    return value


def _count(what: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"{what}: expected int, got {type(value).__name__}")
    if value < 0:
        from .errors import InvalidInputError

        raise InvalidInputError(f"{what}: {value} is negative")
    return value


class Supervisor:
    """Catalog, credit, calendar, plugins and draws, fixed when made.

    Every argument is keyword-only and optional:

    - ``plugins_dir``: a folder of plugin libraries (Rust or C), loaded now;
      ``plugin_configs`` maps a plugin id to its configuration (a dict);
      ``require_all_plugins`` makes a refused file an error instead of a line
      in :attr:`load_report`.
    - ``catalog``: a host catalog (the format of ``sdk/data/catalog.json``:
      JSON text, a path or a dict) in place of the Pingdu default.
    - ``holidays``: further holiday notices (the format of
      ``sdk/data/cn-holidays.json``), e.g. 2027's once published.
    - ``credit_scheme``: ``"national_2022"`` (A–D) or ``"shandong_2020"``
      (A–E); ``credit_profiles``: the entities' profiles (list of dicts or a
      frame with ``uscc``, ``class``, ``last_penalty_on``, ``lists``).

    Raises :class:`~jianguan.PluginLoadError`, :class:`~jianguan.CatalogError`,
    :class:`~jianguan.CalendarError`, :class:`~jianguan.CreditError` or
    :class:`~jianguan.InvalidInputError` naming what is wrong.
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        *,
        plugins_dir: str | os.PathLike[str] | None = None,
        plugin_configs: Mapping[str, Mapping[str, Any]] | None = None,
        require_all_plugins: bool = False,
        catalog: str | os.PathLike[str] | Mapping[str, Any] | None = None,
        holidays: str | os.PathLike[str] | Mapping[str, Any] | None = None,
        credit_scheme: str = "national_2022",
        credit_profiles: object = None,
    ) -> None:
        if plugins_dir is not None and not isinstance(plugins_dir, (str, os.PathLike)):
            raise InvalidTypeError(f"plugins_dir: expected a path, got {type(plugins_dir).__name__}")
        if plugin_configs is not None and not isinstance(plugin_configs, Mapping):
            raise InvalidTypeError(
                f"plugin_configs: expected a dict of id to configuration, got {type(plugin_configs).__name__}"
            )
        self._native = _native.Supervisor(
            plugins_dir=os.fspath(plugins_dir) if plugins_dir is not None else None,
            plugin_configs_json=_input.dumps("plugin_configs", dict(plugin_configs))
            if plugin_configs is not None
            else None,
            require_all_plugins=bool(require_all_plugins),
            catalog_json=_input.document("catalog", catalog) if catalog is not None else None,
            holidays_json=_input.document("holidays", holidays) if holidays is not None else None,
            credit_scheme=_text("credit_scheme", credit_scheme),
            credit_profiles_json=_input.rows_json("credit_profiles", credit_profiles)
            if credit_profiles is not None
            else None,
        )

    # -- catalog (Pingdu plan §(一), §(二)) --------------------------------

    def item(self, code: str) -> dict[str, Any]:
        """The supervision item ``code``; :class:`~jianguan.CatalogError` if unknown."""
        result: dict[str, Any] = json.loads(self._native.item_json(_text("code", code)))
        return result

    def items(self) -> list[dict[str, Any]]:
        """Every supervision item of the catalog."""
        result: list[dict[str, Any]] = json.loads(self._native.items_json())
        return result

    def resolve(
        self, code: str, *, approved_by: str | None = None, commitment_breached: bool = False
    ) -> dict[str, Any]:
        """Which departments supervise item ``code``, in which roles, citing
        the plan's clause (审管分离, 告知承诺, …)."""
        facts = {"approved_by": approved_by, "commitment_breached": bool(commitment_breached)}
        result: dict[str, Any] = json.loads(
            self._native.resolve_json(_text("code", code), json.dumps(facts))
        )
        return result

    # -- credit ----------------------------------------------------------

    @property
    def credit_scheme(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self._native.credit_scheme_json())
        return result

    def credit_profile(self, code: str) -> dict[str, Any] | None:
        """The entity's credit profile, or ``None`` when the source has none."""
        text = self._native.credit_profile_json(_text("code", code))
        return None if text is None else dict(json.loads(text))

    # -- working days (工作日) --------------------------------------------

    def is_working_day(self, date: _dt.date | str) -> bool:
        return self._native.is_working_day(_date("date", date))

    def add_working_days(self, start: _dt.date | str, n: int) -> _dt.date:
        """The date ``n`` working days after ``start``; a year without a
        holiday notice raises :class:`~jianguan.CalendarError`."""
        return self._native.add_working_days(_date("start", start), _count("n", n))

    def working_days_between(self, start: _dt.date | str, end: _dt.date | str) -> int:
        """Working days after ``start`` up to and including ``end``."""
        return self._native.working_days_between(_date("start", start), _date("end", end))

    # -- plugins ---------------------------------------------------------

    @property
    def load_report(self) -> LoadReport:
        """The plugins loaded, the files refused and unused configurations."""
        d = json.loads(self._native.plugins_json())
        return LoadReport(
            loaded=[PluginInfo(**p) for p in d["loaded"]],
            failures=list(d["failures"]),
            unused_configs=list(d["unused_configs"]),
        )

    def plugins(self) -> list[PluginInfo]:
        return self.load_report.loaded

    def plugin(self, plugin: str) -> dict[str, Any]:
        """A loaded plugin's description: regulations, grades, items, facts."""
        result: dict[str, Any] = json.loads(self._native.plugin_description_json(_text("plugin", plugin)))
        return result

    def grade(self, plugin: str, facts: object) -> Grades:
        """Risk-grades a batch through a plugin: ``facts`` is a frame (pandas,
        pyarrow, polars) or a list of dicts, one row per entity, one column
        per fact of the plugin's grading schema; a ``uscc`` column is kept as
        the rows' ids. Raises :class:`~jianguan.FactsError` naming the row and
        fact for facts the schema refuses (the plugin is not called)."""
        plugin = _text("plugin", plugin)
        if _input.is_arrow(facts):
            cols = self._native.grade_arrow(plugin, facts)
        else:
            cols = self._native.grade_json(plugin, _input.rows_json("facts", facts))
        return Grades(
            plugin=plugin,
            grade=cols["grade"],
            label=cols["label"],
            score=cols["score"],
            reasons=[[Reason(c, d) for c, d in rs] for rs in cols["reasons"]],
            uscc=cols.get("uscc"),
        )

    # -- draws (双随机、一公开) --------------------------------------------

    def draw(
        self,
        plan: object,
        *,
        roster: object,
        inspectors: object,
        entropy: Sequence[Any],
        history: object = None,
    ) -> DrawRecord:
        """The verifiable draw of docs/draw-algorithm.md: ``plan`` (JSON text,
        a path or a dict) resolved against the catalog, over ``roster`` (a
        frame, a list of dicts or a :class:`~jianguan.Roster`), the inspector
        roster and past inspections (lists of dicts or frames), seeded by the
        public values in the plan's order. Raises
        :class:`~jianguan.DrawError` whose ``kind`` names the refusal."""
        return DrawRecord(
            self._native.draw(
                _input.document("plan", plan),
                _input.roster(roster),
                _input.rows_json("history", history),
                _input.rows_json("inspectors", inspectors),
                _input.entropy_json(entropy),
            )
        )

    def verify(
        self, record: DrawRecord, *, roster: object, inspectors: object, history: object = None
    ) -> None:
        """Re-runs the draw ``record`` describes over the rosters; raises
        :class:`~jianguan.VerificationError` naming the first differing field."""
        if not isinstance(record, DrawRecord):
            raise InvalidTypeError(f"record: expected a DrawRecord, got {type(record).__name__}")
        self._native.verify(
            record._native,
            _input.roster(roster),
            _input.rows_json("history", history),
            _input.rows_json("inspectors", inspectors),
        )

    def draw_setup(
        self,
        plan: object,
        *,
        targets_digest: str,
        inspectors: object,
        entropy: Sequence[Any],
        history: object = None,
        targets_rows: int | None = None,
    ) -> _native.Setup:
        """A plan bound to the target roster's digest (folded part by part
        with ``jianguan._native.roster_digest_update``, which also counts
        the entities: pass that as ``targets_rows`` so that finishing
        refuses a lost part), for drawing over roster parts; see
        :mod:`jianguan.dask`."""
        return self._native.draw_setup(
            _input.document("plan", plan),
            _text("targets_digest", targets_digest),
            None if targets_rows is None else _count("targets_rows", targets_rows),
            _input.rows_json("history", history),
            _input.rows_json("inspectors", inspectors),
            _input.entropy_json(entropy),
        )
