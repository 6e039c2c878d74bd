"""The exceptions jianguan raises: one base, :class:`Error`, and a class per
category. Every exception has ``kind``, one of the stable snake_case names
of :data:`ErrorKind` (``docs/errors.md``; for draws, the refusal names of
``docs/draw-algorithm.md``, e.g. ``publicity_minimum``), and a message
naming what was wrong and where (row and column for tables).

The class of each kind is fixed in one place, :data:`CLASS_OF_KIND`; the
native module raises through :func:`from_kind` with the SDK's kind.
"""

from __future__ import annotations

from typing import Final, Literal, Union, get_args

__all__ = [
    "Error",
    "InvalidInputError",
    "InvalidTypeError",
    "FileError",
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
    "UnknownItemError",
    "PluginNotLoadedError",
    "UnknownDepartmentError",
    "ErrorKind",
    "CLASS_OF_KIND",
    "from_kind",
]

#: Every kind of failure, as the SDK lists them (``jianguan::ErrorKind``).
#: Written as a union of one-value ``Literal`` types, which is the same type
#: to a checker as one ``Literal`` of them all, because ``mypy.stubtest``
#: can compare only a union with its runtime value; ``get_args`` of a
#: member gives its name.
ErrorKind = Union[
    Literal["invalid_input"],
    Literal["invalid_type"],
    Literal["null_argument"],
    Literal["invalid_utf8"],
    Literal["out_of_range"],
    Literal["panic"],
    Literal["invalid_uscc"],
    Literal["invalid_entity"],
    Literal["invalid_syntax"],
    Literal["catalog_refused"],
    Literal["unknown_department"],
    Literal["unknown_item"],
    Literal["catalog_source"],
    Literal["invalid_credit"],
    Literal["credit_source"],
    Literal["calendar"],
    Literal["invalid_holidays"],
    Literal["plugin_load"],
    Literal["plugin_not_loaded"],
    Literal["invalid_facts"],
    Literal["plugin_failed"],
    Literal["unsupported_operation"],
    Literal["stratum_too_small"],
    Literal["duplicate_member"],
    Literal["empty_stratum"],
    Literal["invalid_plan"],
    Literal["invalid_roster"],
    Literal["duplicate_entity"],
    Literal["parts_out_of_order"],
    Literal["invalid_part_state"],
    Literal["unknown_class"],
    Literal["invalid_history"],
    Literal["invalid_inspector"],
    Literal["entropy_mismatch"],
    Literal["publicity_minimum"],
    Literal["insufficient_inspectors"],
    Literal["unsupported_record"],
    Literal["verification_failed"],
    Literal["rfc3797_refused"],
    Literal["invalid_outcome_table"],
    Literal["invalid_results"],
    Literal["missing_document"],
]


class Error(Exception):
    """Base of every jianguan error. ``kind`` is one of :data:`ErrorKind`;
    the base class itself is raised only for ``panic`` (a bug in jianguan)."""

    kind: str = "panic"

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


class FileError(InvalidInputError, OSError):
    """A path given for a plan, catalog, record or other document that cannot
    be read (no such file, a folder, no permission); also an
    :class:`OSError`, as ``open`` raises. The message names the path and
    says it was read as a path."""


class UsccError(InvalidInputError):
    """A unified social credit code that is not valid under GB 32100-2015,
    wherever it is given: an argument, a roster row, a facts row, a history
    entry (the message names the row and the code)."""

    kind = "invalid_uscc"


class CatalogError(Error):
    """An unknown supervision item, or a catalog that lacks or repeats one."""

    kind = "catalog_refused"


class CreditError(Error):
    """A credit profile outside its scheme, or a failing credit source."""

    kind = "invalid_credit"


class CalendarError(Error):
    """A date in a year with no holiday notice, or a bad notice."""

    kind = "calendar"


class PluginError(Error):
    """A plugin that is not loaded, that failed or broke the contract, or that
    does not offer the operation asked of it."""

    kind = "plugin_failed"


class PluginNotLoadedError(PluginError, LookupError):
    """A plugin id no loaded plugin has (so also a :class:`LookupError`, as
    a missing key is)."""

    kind = "plugin_not_loaded"


class PluginLoadError(PluginError):
    """A plugins folder that cannot be read, or a plugin refused at load."""

    kind = "plugin_load"


class FactsError(PluginError, InvalidInputError):
    """Facts that do not match a plugin's schema; the plugin was not called."""

    kind = "invalid_facts"


class DrawError(Error, ValueError):
    """A draw refused; ``kind`` names the refusal (docs/draw-algorithm.md).
    Every refusal is the input's fault (the plan, the rosters, the public
    values or a record), so it is also a :class:`ValueError`."""

    kind = "invalid_plan"


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

    kind = "rfc3797_refused"


class ResultsError(Error):
    """Inspection results that cannot be recorded."""

    kind = "invalid_results"


class ReferralError(Error):
    """A case referral that cannot proceed."""

    kind = "missing_document"


class UnknownItemError(CatalogError, DrawError, LookupError):
    """A supervision item code the catalog does not hold: a lookup's, or one
    a draw's plan names (so it is both a catalog and a draw error, and a
    :class:`LookupError`, as a missing key is)."""

    kind = "unknown_item"


class UnknownDepartmentError(CatalogError, LookupError):
    """A department the catalog does not define (also a
    :class:`LookupError`)."""

    kind = "unknown_department"


#: The exception class of every kind, in this one place.
CLASS_OF_KIND: Final[dict[str, type[Error]]] = {
    "invalid_input": InvalidInputError,
    "invalid_type": InvalidTypeError,
    "null_argument": InvalidInputError,
    "invalid_utf8": InvalidInputError,
    "out_of_range": InvalidInputError,
    "panic": Error,
    "invalid_uscc": UsccError,
    "invalid_entity": InvalidInputError,
    "invalid_syntax": InvalidInputError,
    "catalog_refused": CatalogError,
    "unknown_department": UnknownDepartmentError,
    "unknown_item": UnknownItemError,
    "catalog_source": CatalogError,
    "invalid_credit": CreditError,
    "credit_source": CreditError,
    "calendar": CalendarError,
    "invalid_holidays": CalendarError,
    "plugin_load": PluginLoadError,
    "plugin_not_loaded": PluginNotLoadedError,
    "invalid_facts": FactsError,
    "plugin_failed": PluginError,
    "unsupported_operation": PluginError,
    "stratum_too_small": DrawError,
    "duplicate_member": DrawError,
    "empty_stratum": DrawError,
    "invalid_plan": DrawError,
    "invalid_roster": RosterError,
    "duplicate_entity": RosterError,
    "parts_out_of_order": DrawError,
    "invalid_part_state": DrawError,
    "unknown_class": DrawError,
    "invalid_history": RosterError,
    "invalid_inspector": RosterError,
    "entropy_mismatch": DrawError,
    "publicity_minimum": DrawError,
    "insufficient_inspectors": DrawError,
    "unsupported_record": DrawError,
    "verification_failed": VerificationError,
    "rfc3797_refused": Rfc3797Error,
    "invalid_outcome_table": ResultsError,
    "invalid_results": ResultsError,
    "missing_document": ReferralError,
}

assert set(CLASS_OF_KIND) == {n for k in get_args(ErrorKind) for n in get_args(k)}, "every kind has one class"


def from_kind(kind: str, message: str) -> Error:
    """The exception for a failure of ``kind`` (a kind this version does not
    know is raised as the base :class:`Error`, keeping its name)."""
    return CLASS_OF_KIND.get(kind, Error)(message, kind=kind)
