"""The types jianguan's inputs are checked against, for annotating code that
builds them (as ``numpy.typing`` is for numpy):

- :class:`ArrowStreamExportable`: anything exporting the Arrow PyCapsule
  stream (a pandas ≥ 2.2 DataFrame with pyarrow, a pyarrow ``Table`` or
  ``RecordBatchReader``, a polars ``DataFrame``);
- :class:`PandasLike`: a DataFrame without that export (pandas < 2.2);
- :data:`Rows` (a list of dicts) and :data:`Columns` (a dict of columns,
  each a sequence or a :class:`ColumnLike` such as a numpy array);
- :data:`TableLike`: any of those four; :data:`PathArg`: a path as ``str`` or
  ``os.PathLike``; :data:`Document`: a path, a readable text stream (JSON
  text as ``io.StringIO(text)``) or a dict;
- :data:`EntropyValue`: a public value, as ``{"label", "value"}`` or a
  ``(label, value)`` pair.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, Union, runtime_checkable

__all__ = [
    "ArrowStreamExportable",
    "ColumnLike",
    "Columns",
    "DateLike",
    "Document",
    "EntropyValue",
    "PandasLike",
    "PathArg",
    "Readable",
    "Rows",
    "TableLike",
]


@runtime_checkable
class ArrowStreamExportable(Protocol):
    """An object exporting the Arrow PyCapsule stream interface."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...


@runtime_checkable
class PandasLike(Protocol):
    """A pandas DataFrame (one without the Arrow export is read row by row)."""

    @property
    def columns(self) -> Any: ...

    def to_dict(self, orient: Any = ...) -> Any: ...


@runtime_checkable
class ColumnLike(Protocol):
    """A column that is not a ``Sequence``: a numpy array, a pandas Series."""

    def tolist(self) -> Any: ...


@runtime_checkable
class Readable(Protocol):
    """A text stream to read JSON from, e.g. ``io.StringIO(text)`` or an open file."""

    def read(self) -> str | bytes: ...


#: A path, as pandas, polars and duckdb take one.
PathArg = Union[str, "os.PathLike[str]"]
#: A table as a list of dicts, one per row.
Rows = Sequence[Mapping[str, Any]]
#: A table as a dict of columns of equal length (lists, tuples, numpy
#: arrays, Series).
Columns = Mapping[str, Union[Sequence[Any], ColumnLike]]
#: Any table an input takes.
TableLike = Union[ArrowStreamExportable, PandasLike, Rows, Columns]
#: A JSON document (plan, catalog, holidays, outcome table): a path to it, a
#: readable text stream of it, or its value as a dict.
Document = Union[str, "os.PathLike[str]", Readable, Mapping[str, Any]]
#: A public value seeding a draw.
EntropyValue = Union[Mapping[str, Any], tuple[str, Any]]
#: A day: a ``date`` (or ``datetime``, its day) or ``YYYY-MM-DD`` text.
DateLike = Union[datetime.date, str]
