"""Turning what a data team holds into what the native module reads.

Tables (target rosters, fact tables) go through the Arrow PyCapsule
interface when the object exports it (pandas >= 2.2 with pyarrow, pyarrow,
polars) and as JSON rows when they are a list of dicts. Small tables
(inspectors, history, entropy) always cross as JSON rows.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from . import _native
from .errors import InvalidInputError, InvalidTypeError


def _default(value: object) -> object:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    # numpy scalars (pandas rows) carry .item(); sets and tuples are lists.
    item = getattr(value, "item", None)
    if callable(item):
        return item()
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    raise TypeError(f"{type(value).__name__} is not a JSON value")


def date(what: str, value: object) -> _dt.date:
    """A date from a ``date``, a ``datetime`` (its day) or ``YYYY-MM-DD`` text."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidInputError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None
    raise InvalidTypeError(f"{what}: expected a date or YYYY-MM-DD text, got {type(value).__name__}")


def text(what: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidTypeError(f"{what}: expected str, got {type(value).__name__}")
    return value


def count(what: str, value: object) -> int:
    """A non-negative int (``bool`` refused, though Python counts it an int)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"{what}: expected int, got {type(value).__name__}")
    if value < 0:
        raise InvalidInputError(f"{what}: {value} is negative")
    return value


def facts(data: object) -> object:
    """Plugin facts as the native module reads them: a frame as it is (its
    Arrow stream), anything else as JSON rows."""
    return data if is_arrow(data) else rows_json("facts", data)


def dumps(what: str, value: object) -> str:
    """JSON text of ``value`` (dates as ``YYYY-MM-DD``)."""
    try:
        return json.dumps(value, default=_default, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        raise InvalidTypeError(f"{what}: {e}") from None


def is_arrow(obj: object) -> bool:
    return hasattr(obj, "__arrow_c_stream__")


def rows(what: str, data: object) -> list[Any]:
    """A small table as a list of dicts, from any accepted form."""
    if data is None:
        return []
    if isinstance(data, list):
        return data
    if isinstance(data, tuple):
        return list(data)
    to_dicts = getattr(data, "to_dicts", None)  # polars
    if callable(to_dicts):
        return list(to_dicts())
    to_pylist = getattr(data, "to_pylist", None)  # pyarrow
    if callable(to_pylist):
        return list(to_pylist())
    to_dict = getattr(data, "to_dict", None)  # pandas
    if callable(to_dict) and hasattr(data, "columns"):
        records = to_dict(orient="records")
        return [{k: _from_pandas(v) for k, v in r.items()} for r in records]
    raise InvalidTypeError(
        f"{what}: expected a list of dicts or a pandas, pyarrow or polars table,"
        f" got {type(data).__name__}"
    )


def _from_pandas(v: object) -> object:
    # pandas gives NaN/NaT for missing cells and numpy arrays for lists.
    if v is None:
        return None
    if isinstance(v, float) and v != v:
        return None
    # A whole-number column with a missing cell is float in pandas.
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if type(v).__name__ in ("NaTType", "NAType"):
        return None
    if type(v).__name__ == "Timestamp":
        return v.isoformat()[:10]  # type: ignore[attr-defined]
    tolist = getattr(v, "tolist", None)
    if callable(tolist) and not isinstance(v, (str, bytes)):
        return tolist()
    return v


def rows_json(what: str, data: object) -> str:
    return dumps(what, rows(what, data))


def document(what: str, value: object) -> str:
    """A JSON document (a plan, a catalog) given as text, a path or a value."""
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        with open(value, encoding="utf-8") as f:
            return f.read()
    if isinstance(value, (Mapping, list)):
        return dumps(what, value)
    raise InvalidTypeError(
        f"{what}: expected JSON text, a path or a dict, got {type(value).__name__}"
    )


def entropy_json(entropy: object) -> str:
    """Public values as ``[{"label", "value"}]``, from dicts or pairs."""
    if not isinstance(entropy, Sequence) or isinstance(entropy, (str, bytes)):
        raise InvalidTypeError(
            "entropy: expected a list of {label, value} dicts or (label, value) pairs,"
            f" got {type(entropy).__name__}"
        )
    out = []
    for i, e in enumerate(entropy):
        if isinstance(e, Mapping):
            out.append(dict(e))
        elif isinstance(e, Sequence) and not isinstance(e, str) and len(e) == 2:
            out.append({"label": e[0], "value": e[1]})
        else:
            raise InvalidTypeError(
                f"entropy[{i}]: expected a {{label, value}} dict or a (label, value) pair,"
                f" got {type(e).__name__}"
            )
    return dumps("entropy", out)


def roster(data: object) -> _native.Roster:
    """A fixed target roster from a frame, a list of dicts, or one already fixed."""
    if isinstance(data, _native.Roster):
        return data
    if is_arrow(data):
        return _native.Roster.from_arrow(data)
    if isinstance(data, (list, tuple)):
        return _native.Roster.from_json(dumps("roster", list(data)))
    to_dict = getattr(data, "to_dict", None)
    if callable(to_dict) and hasattr(data, "columns"):
        # A pandas frame without the Arrow export (pandas < 2.2 or no pyarrow).
        return _native.Roster.from_json(rows_json("roster", data))
    raise InvalidTypeError(
        "roster: expected a pandas, pyarrow or polars table, a list of dicts or a"
        f" jianguan.Roster, got {type(data).__name__}"
    )
