"""Credit schemes and profiles (国市监信发〔2022〕6号): the supervisor's
credit source (``sdk::supervisor::credit``)."""

from __future__ import annotations

import json
from typing import Any

from . import _native
from ._native import Supervisor as _Native
from ._input import text


class CreditMethods:
    """:class:`~jianguan.Supervisor`'s credit source."""

    __slots__ = ()
    _native: _Native

    @property
    def credit_scheme(self) -> dict[str, Any]:
        """The scheme profiles are expressed in: its name and classes."""
        result: dict[str, Any] = json.loads(_native.credit_scheme_json(self._native))
        return result

    def credit_profile(self, code: str) -> dict[str, Any] | None:
        """The entity's credit profile, or ``None`` when the source has none."""
        profile = _native.credit_profile_json(self._native, text("code", code))
        return None if profile is None else dict(json.loads(profile))
