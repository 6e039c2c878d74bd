"""Turning what a data team holds into what the native module reads.

Tables (target rosters, fact tables) go through the Arrow PyCapsule
interface when the object exports it (pandas >= 2.2 with pyarrow, pyarrow,
polars) and as JSON rows when they are a list of dicts or a dict of
columns. Small tables (inspectors, history, entropy, credit profiles)
always cross as JSON rows, read as the command reads its CSV files (extra
columns ignored, ``;`` lists). Documents (plans, catalogs) are paths, text
streams or dicts: a ``str`` is never JSON text.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from . import _native
from .errors import FileError, InvalidInputError, InvalidTypeError, UsccError


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


def dumps(what: str, value: object) -> str:
    """JSON text of ``value`` (dates as ``YYYY-MM-DD``)."""
    try:
        return json.dumps(value, default=_default, ensure_ascii=False)
    except (TypeError, ValueError) as e:
        raise InvalidTypeError(f"{what}: {e}") from None



def is_arrow(obj: object) -> bool:
    return hasattr(obj, "__arrow_c_stream__")


def _without_null_columns(data: Any) -> Any:
    """A polars frame with its all-missing columns (dtype ``Null``) as text:
    polars exports such a column with a buffer Arrow's null type does not
    have, which the native reader refuses; as text it reads as missing
    values, as pandas' and pyarrow's all-null columns do."""
    if not type(data).__module__.startswith("polars"):
        return data
    schema = getattr(data, "schema", None)
    nulls = [n for n, t in schema.items() if str(t) == "Null"] if schema is not None else []
    if not nulls:
        return data
    import polars

    return data.cast({n: polars.String for n in nulls})


#: The small tables read as rows: their columns, and which of them hold
#: lists, given as a list or as text with ``;`` between the items (as the
#: command's CSV files have them). Other columns are ignored, as the command
#: ignores them in CSV, so a register's whole frame reads as is.
_TABLES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "roster": (
        frozenset(_native.ROSTER_REQUIRED) | frozenset(_native.ROSTER_OPTIONAL),
        frozenset({"industries"}),
    ),
    "inspectors": (
        frozenset(
            {"id", "name", "department", "team", "status", "qualifications", "workload_cap", "conflicts"}
        ),
        frozenset({"qualifications", "conflicts"}),
    ),
    "history": (frozenset({"uscc", "date", "department", "level", "items"}), frozenset({"items"})),
    "credit_profiles": (frozenset({"uscc", "class", "last_penalty_on", "lists"}), frozenset()),
}


#: Whole-number columns of those tables, which may come as digits in text.
_COUNTS = frozenset({"workload_cap", "weight"})


def _is_columns(data: object) -> bool:
    """A dict of columns (each a list, a tuple, a numpy array or a Series)."""
    if not isinstance(data, Mapping):
        return False
    return all(
        (isinstance(v, Sequence) and not isinstance(v, (str, bytes))) or callable(getattr(v, "tolist", None))
        for v in data.values()
    )


def _columns_to_rows(what: str, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    cols = {k: (v.tolist() if callable(getattr(v, "tolist", None)) else list(v)) for k, v in data.items()}
    lengths = {k: len(v) for k, v in cols.items()}
    if len(set(lengths.values())) > 1:
        shown = ", ".join(f"{k}: {n}" for k, n in lengths.items())
        raise InvalidInputError(f"{what}: the columns differ in length ({shown})")
    n = next(iter(lengths.values()), 0)
    return [{k: _from_pandas(v[i]) for k, v in cols.items()} for i in range(n)]


def rows(what: str, data: object) -> list[Any]:
    """A small table as a list of dicts, from any accepted form; for the
    tables of :data:`_TABLES`, unknown columns dropped, list columns split
    at ``;`` and missing cells left out."""
    out = _raw_rows(what, data)
    spec = _TABLES.get(what)
    if spec is None:
        return out
    known, lists = spec
    return [_normal_row(what, i, r, known, lists) for i, r in enumerate(out)]


def _normal_row(
    what: str, i: int, row: object, known: frozenset[str], lists: frozenset[str]
) -> object:
    if not isinstance(row, Mapping):
        return row  # refused by the native reader, naming the row
    out: dict[str, Any] = {}
    for k, v in row.items():
        if k not in known:
            continue
        v = _from_pandas(v)
        if k in lists:
            if v is None:
                v = []
            elif isinstance(v, str):
                v = [p.strip() for p in v.split(";") if p.strip()]
        elif v is None:
            continue  # a missing cell: the field's default, or "required"
        elif k in _COUNTS and isinstance(v, str) and v.strip().isdigit():
            v = int(v)  # a count in a table read as text (CSV with dtype=str)
        elif k == "region" and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 999_999:
            v = f"{v:06d}"  # an area code read from CSV as a number
        out[k] = v
    return out


def _raw_rows(what: str, data: object) -> list[Any]:
    if data is None:
        return []
    if isinstance(data, list):
        return data
    if isinstance(data, tuple):
        return list(data)
    if _is_columns(data):
        return _columns_to_rows(what, data)  # type: ignore[arg-type]
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
        f"{what}: expected a list of dicts, a dict of columns or a pandas, pyarrow or"
        f" polars table, got {type(data).__name__}"
    )


def labels(data: object) -> list[Any] | None:
    """A pandas frame's index labels (rows are named by them), else ``None``."""
    index = getattr(data, "index", None)
    if index is None or not hasattr(data, "columns") or not callable(getattr(index, "tolist", None)):
        return None
    return list(index.tolist())


def row_name(what: str, i: int, names: list[Any] | None, code: object = None) -> str:
    """``roster row 3`` or, for a pandas frame, ``roster row 'a' (position 3)``,
    and the entity's code when known."""
    named = f"{what} row {i}" if names is None or names[i] == i else f"{what} row {names[i]!r} (position {i})"
    return f"{named} ({code})" if isinstance(code, str) and code else named


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


def _read_file(what: str, path: str | os.PathLike[str]) -> str:
    """A JSON file's text; every refusal names the file and what was tried."""
    shown = os.fspath(path)
    hint = ""
    if isinstance(path, str) and path.lstrip()[:1] in ("{", "["):
        hint = " (a str is read as a path: give JSON text as io.StringIO(text), or its value as a dict)"
    try:
        with open(path, encoding="utf-8") as f:
            body = f.read()
    except FileNotFoundError:
        raise FileError(f"{what}: reading {shown!r} as a path: no such file{hint}") from None
    except UnicodeDecodeError as e:
        raise InvalidInputError(f"{what}: file {shown!r} is not UTF-8 text ({e.reason} at byte {e.start})") from None
    except (OSError, ValueError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise FileError(f"{what}: reading {shown!r} as a path: {reason}{hint}") from None
    try:
        json.loads(body)
    except ValueError as e:
        raise InvalidInputError(f"{what}: file {shown!r} is not valid JSON: {e}") from None
    return body


def document(what: str, value: object) -> str:
    """A JSON document (a plan, a catalog) given as a path (``str`` or
    ``os.PathLike``), a readable text stream or a dict, as JSON text."""
    if isinstance(value, (str, os.PathLike)):
        return _read_file(what, value)
    if isinstance(value, Mapping):
        return dumps(what, dict(value))
    read = getattr(value, "read", None)
    if callable(read):
        body = read()
        if isinstance(body, bytes):
            try:
                body = body.decode("utf-8")
            except UnicodeDecodeError as e:
                raise InvalidInputError(f"{what}: the stream is not UTF-8 text ({e.reason} at byte {e.start})") from None
        if not isinstance(body, str):
            raise InvalidTypeError(f"{what}: the stream's read() gave {type(body).__name__}, not text")
        try:
            json.loads(body)
        except ValueError as e:
            raise InvalidInputError(f"{what}: the text read from the stream is not valid JSON: {e}") from None
        return body
    raise InvalidTypeError(
        f"{what}: expected a path (str or os.PathLike), a text stream (io.StringIO) or a dict,"
        f" got {type(value).__name__}"
    )


def entropy_json(entropy: object) -> str:
    """Public values as ``[{"label", "value"}]``, from dicts or pairs (or a
    table with those two columns)."""
    if isinstance(entropy, (str, bytes)) or not (
        isinstance(entropy, Sequence) or is_arrow(entropy) or hasattr(entropy, "columns")
    ):
        raise InvalidTypeError(
            "entropy: expected a list of {label, value} dicts or (label, value) pairs,"
            f" got {type(entropy).__name__}"
        )
    if not isinstance(entropy, Sequence):
        entropy = _raw_rows("entropy", entropy)
    out = []
    for i, e in enumerate(entropy):
        if isinstance(e, Mapping):
            out.append({k: _from_pandas(v) for k, v in e.items() if k in ("label", "value")})
        elif isinstance(e, Sequence) and not isinstance(e, str) and len(e) == 2:
            out.append({"label": e[0], "value": e[1]})
        else:
            raise InvalidTypeError(
                f"entropy[{i}]: expected a {{label, value}} dict or a (label, value) pair,"
                f" got {type(e).__name__}"
            )
    return dumps("entropy", out)


def roster(data: object) -> _native.Roster:
    """A fixed target roster from a frame, a list of dicts, a dict of
    columns, or one already fixed."""
    if isinstance(data, _native.Roster):
        return data
    if is_arrow(data):
        return _native.Roster.from_arrow(_without_null_columns(data))
    if isinstance(data, (list, tuple)) or _is_columns(data):
        return _native.Roster.from_json(rows_json("roster", data))
    to_dict = getattr(data, "to_dict", None)
    if callable(to_dict) and hasattr(data, "columns"):
        # A pandas frame without the Arrow export (pandas < 2.2 or no pyarrow).
        return _native.Roster.from_json(rows_json("roster", data))
    raise InvalidTypeError(
        "roster: expected a pandas, pyarrow or polars table, a list of dicts, a dict of"
        f" columns or a jianguan.Roster, got {type(data).__name__}"
    )


def _schema_names(sup: _native.Supervisor, plugin: str, operation: str) -> list[str]:
    described = json.loads(_native.plugin_description_json(sup, plugin))
    return [f["name"] for f in described.get("schema", {}).get(operation, [])]


def _renamed(data: Any, id: str) -> Any:
    """A frame with column ``id`` named ``uscc``, for the native reader."""
    found = getattr(data, "column_names", None)  # pyarrow (its .columns are arrays)
    if found is None:
        found = getattr(data, "columns", None)
    cols = list(found) if found is not None else []
    if id not in cols:
        raise InvalidInputError(f"facts: id column `{id}` is missing (columns: {', '.join(map(str, cols))})")
    if "uscc" in cols:
        raise InvalidInputError(f"facts: id=`{id}` given, but the frame also has a column `uscc`")
    rename = getattr(data, "rename", None)
    if callable(rename) and hasattr(data, "index"):  # pandas
        return rename(columns={id: "uscc"})
    if callable(rename):  # polars
        return rename({id: "uscc"})
    rename_columns = getattr(data, "rename_columns", None)  # pyarrow
    if callable(rename_columns):
        return rename_columns(["uscc" if c == id else c for c in cols])
    raise InvalidTypeError(
        f"facts: id=`{id}` needs a pandas, polars or pyarrow table, got {type(data).__name__};"
        " name the column `uscc`"
    )


def facts(sup: _native.Supervisor, plugin: str, operation: str, data: object, id: str | None = None) -> object:
    """Plugin facts as the native module reads them: a frame as it is (its
    Arrow stream), anything else as JSON rows. Columns outside the
    operation's schema are ignored; ``id`` names the column holding the
    entities' codes when it is not ``uscc`` (they come back as the
    results' ``uscc``). A code that is not a valid USCC raises
    :class:`UsccError` naming the row."""
    if id is not None:
        id = text("id", id)
    if is_arrow(data):
        data = _without_null_columns(data)
        return data if id in (None, "uscc") else _renamed(data, id)
    names = labels(data)
    got = _raw_rows("facts", data)
    keep = set(_schema_names(sup, plugin, operation))
    key = id or "uscc"
    id_is_fact = "uscc" in keep and key == "uscc"
    out: list[Any] = []
    for r in got:
        if not isinstance(r, Mapping):
            out.append(r)
            continue
        row = {k: _from_pandas(v) for k, v in r.items() if k in keep}
        if key in r and not id_is_fact:
            row["uscc"] = _from_pandas(r[key])
        out.append(row)
    codes = [r.get("uscc") if isinstance(r, Mapping) else None for r in out]
    for i, c in enumerate(codes):
        if c is not None and not isinstance(c, str):
            raise UsccError(f"{row_name('facts', i, names)}, column `{key}`: {c!r} is not text")
    reasons = _native.check_uscc_many(sup, [c or "" for c in codes])
    for i, (c, why) in enumerate(zip(codes, reasons)):
        if c is not None and why is not None:
            raise UsccError(f"{row_name('facts', i, names, c)}, column `{key}`: {why}")
    return dumps("facts", out)
