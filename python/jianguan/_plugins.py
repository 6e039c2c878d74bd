"""Industry plugins: what loaded, risk grading, due-date duties and
criminal-referral assessment, each result citing its legal basis: the
supervisor's plugins (``sdk::supervisor::plugins``).

Facts go in as a frame (pandas, pyarrow, polars) or a list of dicts, one
row per entity (or case), one column per fact of the operation's schema
(``plugin(id).schema``); other columns are ignored. A ``uscc`` column
the schema does not name (or the column ``id=`` names) is kept as the
rows' ids, each checked as a code. Facts the schema refuses raise
:class:`~jianguan.FactsError` naming the row and fact, and the plugin is not
called.
"""

from __future__ import annotations

import datetime as _dt
import json

from . import _input, _native
from ._native import Supervisor as _Native
from ._input import text
from .typing import DateLike, TableLike
from ._plugin_types import Duties, Grades, LoadReport, PluginInfo, ReferralAssessments
from ._types import Reason


class PluginsMethods:
    """:class:`~jianguan.Supervisor`'s plugins."""

    __slots__ = ()
    _native: _Native

    @property
    def load_report(self) -> LoadReport:
        """The plugins loaded, the files refused and unused configurations."""
        d = json.loads(_native.plugins_json(self._native))
        return LoadReport(
            loaded=[
                PluginInfo._of(p, json.loads(_native.plugin_description_json(self._native, p["id"])))
                for p in d["loaded"]
            ],
            failures=list(d["failures"]),
            unused_configs=list(d["unused_configs"]),
        )

    def plugins(self) -> list[PluginInfo]:
        """The loaded plugins."""
        return self.load_report.loaded

    def plugin(self, plugin: str) -> PluginInfo:
        """A loaded plugin, as :meth:`plugins` lists it (with its grade
        scale, fact schemas and whole description); raises
        :class:`~jianguan.PluginError` (kind ``plugin_not_loaded``) for an
        id no loaded plugin has."""
        plugin = text("plugin", plugin)
        description = json.loads(_native.plugin_description_json(self._native, plugin))
        loaded = json.loads(_native.plugins_json(self._native))["loaded"]
        return PluginInfo._of(next(p for p in loaded if p["id"] == plugin), description)

    def grade(self, plugin: str, facts: TableLike, *, id: str | None = None) -> Grades:
        """Risk-grades a batch through a plugin, one row per entity, by the
        plugin's grading schema: each row's grade by its label in the
        plugin's scale (``Grades.scale``, lowest risk first). Columns outside
        the schema are ignored; ``id`` names the column of the entities'
        codes when it is not ``uscc`` (given back as the grades' ``uscc``)."""
        plugin = text("plugin", plugin)
        cols = _native.grade(self._native, plugin, _input.facts(self._native, plugin, "grading", facts, id))
        scale = self.plugin(plugin).scale
        return Grades(
            plugin=plugin,
            scale=scale,
            grade=cols["label"],
            level=cols["grade"],
            score=cols["score"],
            reasons=[[Reason(c, d, k) for c, d, k in rs] for rs in cols["reasons"]],
            uscc=cols.get("uscc"),
        )

    def duties(self, plugin: str, facts: TableLike, *, as_of: DateLike, id: str | None = None) -> Duties:
        """The due-date duties of each row as of ``as_of`` through a plugin,
        by its duties schema (e.g. a periodic inspection of special
        equipment falling due, and whether it is overdue)."""
        plugin = text("plugin", plugin)
        day = _input.date("as_of", as_of)
        rows, uscc = _native.duties(self._native, plugin, _input.facts(self._native, plugin, "duties", facts, id), day)
        return Duties._from_json(plugin, day, rows, uscc)

    def assess_referral(self, plugin: str, facts: TableLike, *, id: str | None = None) -> ReferralAssessments:
        """Assesses each row (one case each) for referral to the police
        (行刑衔接) through a plugin, by its referral schema, citing the
        criminal-law article and prosecution standard applied."""
        plugin = text("plugin", plugin)
        cases, uscc = _native.assess_referral(self._native, plugin, _input.facts(self._native, plugin, "referral", facts, id))
        return ReferralAssessments._from_json(plugin, cases, uscc)
