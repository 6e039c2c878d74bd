"""Supervision items, departments and who supervises what (Pingdu plan
§(一), §(二)): the supervisor's catalog (``sdk::supervisor::catalog``)."""

from __future__ import annotations

import json
from typing import Any

from . import _native
from ._native import Supervisor as _Native
from ._input import text


class CatalogMethods:
    """:class:`~jianguan.Supervisor`'s catalog."""

    __slots__ = ()
    _native: _Native

    def item(self, code: str) -> dict[str, Any]:
        """The supervision item ``code``; :class:`~jianguan.UnknownItemError`
        (a :class:`~jianguan.CatalogError`) if the catalog lacks it."""
        result: dict[str, Any] = json.loads(_native.item_json(self._native, text("code", code)))
        return result

    def items(self) -> list[dict[str, Any]]:
        """Every supervision item of the catalog, in catalog order."""
        result: list[dict[str, Any]] = json.loads(_native.items_json(self._native))
        return result

    def departments(self) -> list[dict[str, Any]]:
        """Every department of the catalog, in catalog order: ``id``,
        ``name_zh``, ``name_en``, ``has_enforcement_force`` and, for a
        department without a force of its own, who leads joint enforcement
        in its field (Pingdu plan §(一))."""
        result: list[dict[str, Any]] = json.loads(_native.departments_json(self._native))
        return result

    def resolve(
        self, code: str, *, approved_by: str | None = None, commitment_breached: bool = False
    ) -> dict[str, Any]:
        """Which departments supervise item ``code``, in which roles, citing
        the plan's clause (审管分离, 告知承诺, …)."""
        facts = {"approved_by": approved_by, "commitment_breached": bool(commitment_breached)}
        result: dict[str, Any] = json.loads(
            _native.resolve_json(self._native, text("code", code), json.dumps(facts))
        )
        return result
