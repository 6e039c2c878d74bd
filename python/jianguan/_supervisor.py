"""The supervision system a data team scripts against.

:class:`Supervisor` wraps the SDK's facade (``sdk::supervisor``) and takes
its methods from one module per capability, named as the facade's files
(``sdk/src/supervisor/``), the C API's (``ffi/src/``) and the native
module's (``python/src/``): ``_codes``, ``_catalog``, ``_credit``,
``_calendar``, ``_plugins``, ``_draw``, ``_results``, ``_rfc3797``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from . import _input, _native
from ._calendar import CalendarMethods
from ._catalog import CatalogMethods
from ._codes import CodesMethods
from ._credit import CreditMethods
from ._draw import DrawMethods
from ._input import text
from ._plugins import PluginsMethods
from ._results import ResultsMethods
from ._rfc3797 import Rfc3797Methods
from .errors import InvalidTypeError
from .typing import Document, PathArg, TableLike


class Supervisor(
    CodesMethods,
    CatalogMethods,
    CreditMethods,
    CalendarMethods,
    PluginsMethods,
    DrawMethods,
    ResultsMethods,
    Rfc3797Methods,
):
    """Catalog, credit, calendar, plugins, draws and their results, fixed
    when made.

    Every argument is keyword-only and optional:

    - ``plugins_dir``: a folder of plugin libraries (Rust or C), loaded now;
      ``plugin_configs`` maps a plugin id to its configuration (a dict);
      ``require_all_plugins`` makes a refused file an error instead of a line
      in :attr:`load_report`.
    - ``catalog``: a host catalog (the format of ``sdk/data/catalog.json``:
      a path, ``str`` or ``os.PathLike``; a text stream such as
      ``io.StringIO(text)``; or a dict) in place of the Pingdu default.
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
        plugins_dir: PathArg | None = None,
        plugin_configs: Mapping[str, Mapping[str, Any]] | None = None,
        require_all_plugins: bool = False,
        catalog: Document | None = None,
        holidays: Document | None = None,
        credit_scheme: str = "national_2022",
        credit_profiles: TableLike | None = None,
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
            credit_scheme=text("credit_scheme", credit_scheme),
            credit_profiles_json=_input.rows_json("credit_profiles", credit_profiles)
            if credit_profiles is not None
            else None,
        )

    def __repr__(self) -> str:
        # What it holds, in one line: a notebook prints this for `sup`.
        if not hasattr(self, "_native"):  # its making failed
            return "<jianguan.Supervisor (not made)>"
        plugins = [f"{p['id']} {p['version']}" for p in json.loads(_native.plugins_json(self._native))["loaded"]]
        return (
            f"<jianguan.Supervisor: plugins {', '.join(plugins) or 'none'}; catalog of "
            f"{len(self.items())} items in {len(self.departments())} departments; "
            f"credit scheme {self.credit_scheme['name']}>"
        )


_default: Supervisor | None = None


def default() -> Supervisor:
    """A supervisor with every default (Pingdu catalog, official holidays, no
    plugins, no credit data), made on first use: what the module functions
    :func:`jianguan.check_uscc` and :func:`jianguan.rfc3797` answer through,
    since they need nothing a host configures. (Two threads may both make
    one on first use; either serves.)"""
    global _default
    if _default is None:
        _default = Supervisor()
    return _default
