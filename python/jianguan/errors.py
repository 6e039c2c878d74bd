"""The exceptions jianguan raises: one base, :class:`Error`, and a class per
category. Every exception has ``kind``, a stable snake_case name (for draws,
the refusal names of ``docs/draw-algorithm.md``, e.g. ``publicity_minimum``),
and a message naming what was wrong and where (row and column for tables).

The native module maps the SDK's errors onto these classes in one place
(``python/src/errors.rs``).
"""

from __future__ import annotations

__all__ = [
    "Error",
    "InvalidInputError",
    "InvalidTypeError",
    "UsccError",
    "CatalogError",
    "CreditError",
    "CalendarError",
    "PluginError",
    "PluginLoadError",
    "FactsError",
    "DrawError",
    "VerificationError",
    "RosterError",
    "Rfc3797Error",
    "ResultsError",
    "ReferralError",
]


class Error(Exception):
    """Base of every jianguan error."""

    kind: str = "error"

    def __init__(self, message: str, *, kind: str | None = None) -> None:
        super().__init__(message)
        if kind is not None:
            self.kind = kind


class InvalidInputError(Error, ValueError):
    """An argument with a wrong value or shape: a missing or unknown column, a
    malformed row, JSON of the wrong shape. Nothing was changed."""

    kind = "invalid_input"


class InvalidTypeError(InvalidInputError, TypeError):
    """An argument of the wrong Python type."""

    kind = "invalid_type"


class UsccError(InvalidInputError):
    """A unified social credit code that is not valid under GB 32100-2015."""

    kind = "invalid_uscc"


class CatalogError(Error):
    """An unknown supervision item, or a catalog that lacks or repeats one."""

    kind = "catalog"


class CreditError(Error):
    """A credit profile outside its scheme, or a failing credit source."""

    kind = "credit"


class CalendarError(Error):
    """A date in a year with no holiday notice, or a bad notice."""

    kind = "calendar"


class PluginError(Error):
    """A plugin that is not loaded, or that failed or broke the contract."""

    kind = "plugin_call"


class PluginLoadError(PluginError):
    """A plugins folder that cannot be read, or a plugin refused at load."""

    kind = "plugin_load"


class FactsError(PluginError, InvalidInputError):
    """Facts that do not match a plugin's schema; the plugin was not called."""

    kind = "invalid_facts"


class DrawError(Error):
    """A draw refused; ``kind`` names the refusal (docs/draw-algorithm.md)."""

    kind = "draw"


class RosterError(DrawError, InvalidInputError):
    """A roster the draw refuses: a bad row (weight 0, a blank class), a code
    given twice, a bad inspector or history entry; ``kind`` as
    docs/draw-algorithm.md names it (``invalid_roster``, ``duplicate_entity``,
    ``invalid_inspector``, ``invalid_history``)."""

    kind = "invalid_roster"


class VerificationError(DrawError):
    """A record that does not match the draw recomputed from its rosters."""

    kind = "verification_failed"


class Rfc3797Error(Error):
    """An RFC 3797 selection that cannot be made (pool, count, sources)."""

    kind = "rfc3797"


class ResultsError(Error):
    """Inspection results that cannot be recorded."""

    kind = "results"


class ReferralError(Error):
    """A case referral that cannot proceed."""

    kind = "referral"
