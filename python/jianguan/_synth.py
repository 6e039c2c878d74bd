"""Synthetic counties for tests and demos, as ``jianguan roster generate``
writes them (the ``jianguan-synth`` crate): deterministic from a seed, every
code valid, proportions assumed rather than official (the crate's docs)."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import io
from typing import Any

from . import _native
from ._input import count, date
from .errors import InvalidTypeError

#: The generator's default seed, as the command's.
DEFAULT_SEED: int = 2021_0725

# Columns read as text whatever they look like (codes, ids), and as dates.
_TEXT = {
    "entities": ["uscc", "region", "credit_class"],
    "penalties": ["uscc", "decision_no"],
    "credit_lists": ["uscc"],
    "inspectors": ["id", "name", "department", "team", "qualifications", "status", "conflicts"],
}
_DATES = {
    "entities": ["registered_on", "tolerance_from", "tolerance_to", "last_penalty_on"],
    "penalties": ["decided_on"],
    "credit_lists": ["since", "until"],
    "inspectors": [],
}


@dataclasses.dataclass(frozen=True)
class County:
    """A synthetic county as pandas DataFrames, the columns of the command's
    files: ``entities`` (entities.csv: a target roster as it is, with
    ``name``, ``kind``, ``township``, ``premises`` … beside the roster's
    columns), ``penalties``, ``credit_lists`` and ``inspectors`` (an
    inspector roster as it is, ``qualifications`` and ``conflicts`` as
    ``;``-separated text). Dates are ``datetime64`` columns."""

    seed: int
    entities: Any
    penalties: Any
    credit_lists: Any
    inspectors: Any

    def __repr__(self) -> str:
        return (
            f"<jianguan.County seed {self.seed}: {len(self.entities)} entities,"
            f" {len(self.penalties)} penalties, {len(self.credit_lists)} list entries,"
            f" {len(self.inspectors)} inspectors>"
        )


def generate_county(
    entities: int, *, seed: int = DEFAULT_SEED, as_of: _dt.date | str | None = None
) -> County:
    """A synthetic county of ``entities`` market entities (1 to 887,503,681),
    the same rows ``jianguan roster generate --entities N --seed S`` writes;
    ``as_of`` is the date the data describes (default 2026-11-28). Needs
    pandas. Raises :class:`~jianguan.InvalidInputError` for a count or date
    the generator refuses."""
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the install
        raise ImportError("generate_county() needs pandas: pip install 'jianguan[pandas]'") from e
    n = count("entities", entities)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InvalidTypeError(f"seed: expected int, got {type(seed).__name__}")
    if not 0 <= seed < 2**64:
        raise InvalidTypeError(f"seed: {seed} is not a whole number from 0 to 2^64-1")
    day = None if as_of is None else date("as_of", as_of)
    texts = _native.generate_county_csv(seed, n, day)
    frames = {}
    for name, body in zip(("entities", "penalties", "credit_lists", "inspectors"), texts):
        frames[name] = pd.read_csv(
            io.StringIO(body),
            dtype={c: str for c in _TEXT[name]},
            parse_dates=_DATES[name],
            date_format="%Y-%m-%d",
        )
    return County(seed=seed, **frames)
