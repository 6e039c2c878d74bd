"""Result tables: named columns of one length, kept as Python lists and
turned into a pandas, pyarrow or polars frame on request (each library is
imported only then). Lists stay lists (``list<…>`` columns in Arrow and
polars) and a grade is an ordered category of its scale, so nothing needs
splitting or re-sorting afterwards."""

from __future__ import annotations

import abc
import datetime as _dt
import html
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - names for the annotations only
    import pandas
    import polars
    import pyarrow
else:
    # Imported only when a frame is asked for; the names exist so that the
    # module has every name its annotations use (stubtest checks that).
    pandas = polars = pyarrow = None

#: The column types a table can hold: Arrow's type for each, made when
#: pyarrow is imported. ``reasons``, ``findings`` and ``inspectors`` are
#: lists of records with the fields of :class:`~jianguan.Reason`,
#: :class:`~jianguan.ReferralFinding` and a department's team.
COLUMN_TYPES = (
    "str",
    "int",
    "float",
    "bool",
    "date",
    "list<str>",
    "list<int>",
    "reasons",
    "findings",
    "inspectors",
)


def _need(module: str, extra: str, what: str) -> Any:
    try:
        return __import__(module)
    except ImportError as e:  # pragma: no cover - depends on the install
        raise ImportError(f"{what} needs {module}: pip install 'jianguan[{extra}]'") from e


def _pandas() -> Any:
    return _need("pandas", "pandas", "to_pandas()")


#: The pandas dtype of each column type that has one of its own (the
#: others, text, dates and lists, are Python objects, as pandas keeps them).
_NUMPY = {"int": "int64", "float": "float64", "bool": "bool"}


def _arrow_type(pa: Any, kind: str) -> Any:
    reason = [("citation", pa.string()), ("detail", pa.string()), ("certainty", pa.string())]
    return {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list<str>": pa.list_(pa.string()),
        "list<int>": pa.list_(pa.int64()),
        "reasons": pa.list_(pa.struct(reason)),
        "findings": pa.list_(pa.struct([("decision", pa.string()), *reason])),
        "inspectors": pa.list_(pa.struct([("department", pa.string()), ("inspectors", pa.list_(pa.string()))])),
    }[kind]


class Table:
    """A result table: ``columns`` (names, in order), each a list of one
    length; ``table["name"]`` is a column, ``len(table)`` its rows.

    ``to_pandas()``, ``to_arrow()`` and ``to_polars()`` give the same rows
    and columns as a pandas, pyarrow or polars frame (dates as dates, lists
    as lists, a grade as an ordered category of its scale, lowest risk
    first); the table is also an Arrow stream (``__arrow_c_stream__``), so
    ``polars.DataFrame(table)`` and ``pyarrow.table(table)`` read it
    directly. ``to_arrow`` and ``to_polars`` need pyarrow.
    """

    __slots__ = ("_categories", "_columns", "_kinds", "name")

    def __init__(
        self,
        name: str,
        columns: Mapping[str, tuple[str, Sequence[Any]]],
        *,
        categories: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        lengths = {len(values) for _, values in columns.values()}
        if len(lengths) > 1:
            raise ValueError(f"table {name}: columns of different lengths {sorted(lengths)}")
        for col, (kind, _) in columns.items():
            if kind not in COLUMN_TYPES:
                raise ValueError(f"table {name}: column {col!r} has unknown type {kind!r}")
        #: What the table holds, e.g. ``"visits"``.
        self.name = name
        self._kinds = {col: kind for col, (kind, _) in columns.items()}
        self._columns = {col: list(values) for col, (_, values) in columns.items()}
        self._categories = {k: list(v) for k, v in (categories or {}).items()}

    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
        return list(self._columns)

    def __len__(self) -> int:
        return len(next(iter(self._columns.values()), []))

    def __getitem__(self, column: str) -> list[Any]:
        return list(self._columns[column])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """The rows, each a dict of column to value."""
        cols = list(self._columns.items())
        for i in range(len(self)):
            yield {c: v[i] for c, v in cols}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Table) and (self.name, self._columns) == (other.name, other._columns)

    __hash__ = None  # type: ignore[assignment]  # mutable lists inside

    def to_dict(self) -> dict[str, list[Any]]:
        """The columns, as a dict of name to list."""
        return {c: list(v) for c, v in self._columns.items()}

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame of the table (needs pandas)."""
        pd = _pandas()
        data: dict[str, Any] = {}
        for col, values in self._columns.items():
            cats = self._categories.get(col)
            if cats is not None:
                data[col] = pd.Categorical(values, categories=cats, ordered=True)
            elif self._kinds[col] in _NUMPY:
                # Fixed, so that an empty table has the dtypes a full one has.
                data[col] = pd.Series(values, dtype=_NUMPY[self._kinds[col]])
            elif self._kinds[col] == "str":
                data[col] = values  # pandas's own text dtype
            else:
                data[col] = pd.Series(values, dtype=object)
        return pd.DataFrame(data, columns=self.columns)

    def to_arrow(self) -> pyarrow.Table:
        """A pyarrow Table of the table (needs pyarrow)."""
        pa = _need("pyarrow", "pyarrow", "to_arrow()")
        arrays = []
        for col, values in self._columns.items():
            cats = self._categories.get(col)
            if cats is not None:
                index = {c: i for i, c in enumerate(cats)}
                arrays.append(
                    pa.DictionaryArray.from_arrays(
                        pa.array([index[v] for v in values], pa.int32()),
                        pa.array(cats, pa.string()),
                        ordered=True,
                    )
                )
            else:
                arrays.append(pa.array(values, _arrow_type(pa, self._kinds[col])))
        return pa.Table.from_arrays(arrays, names=self.columns)

    def to_polars(self) -> polars.DataFrame:
        """A polars DataFrame of the table (needs polars and pyarrow); a
        grade column is an ``Enum`` of its scale."""
        pl = _need("polars", "polars", "to_polars()")
        frame: polars.DataFrame = pl.from_arrow(self.to_arrow())
        for col, cats in self._categories.items():
            frame = frame.with_columns(pl.col(col).cast(pl.Enum(cats)))
        return frame

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow PyCapsule stream of :meth:`to_arrow`."""
        return self.to_arrow().__arrow_c_stream__(requested_schema)

    def __repr__(self) -> str:
        return f"<jianguan table {self.name}: {len(self):,} rows × {len(self._columns)} columns ({', '.join(self.columns)})>"

    def _repr_html_(self) -> str:
        return html_table(
            self.columns,
            [[_cell(r[c]) for c in self.columns] for r in _first(self, 10)],
            caption=f"{html.escape(self.name)}: {len(self):,} rows" + (" (first 10 shown)" if len(self) > 10 else ""),
        )


def _first(table: Table, n: int) -> Iterator[dict[str, Any]]:
    for i, row in enumerate(table):
        if i == n:
            return
        yield row


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_cell(v) for v in value.values() if v is not None)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, _dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, caption: str) -> str:
    """A small HTML table (cells escaped here), as notebooks show it."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class Tabular(abc.ABC):
    """A result that is one table: ``to_pandas()``, ``to_arrow()``,
    ``to_polars()`` and the Arrow stream, all of :meth:`table`."""

    __slots__ = ()

    @abc.abstractmethod
    def table(self) -> Table:
        """The result as a :class:`Table`."""

    def to_pandas(self) -> pandas.DataFrame:
        """:meth:`table` as a pandas DataFrame."""
        return self.table().to_pandas()

    def to_arrow(self) -> pyarrow.Table:
        """:meth:`table` as a pyarrow Table."""
        return self.table().to_arrow()

    def to_polars(self) -> polars.DataFrame:
        """:meth:`table` as a polars DataFrame."""
        return self.table().to_polars()

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """:meth:`table` as an Arrow PyCapsule stream."""
        return self.table().__arrow_c_stream__(requested_schema)

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()
