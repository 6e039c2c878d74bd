"""Frames large enough to be read in parts on several threads (each part of
at least 65,536 rows): the roster is the one read row by row from dicts,
whatever the frame's order, and a refusal names the first bad row in frame
order, whichever part it is in."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
import pytest

import jianguan
from conftest import TARGET

ROWS = 140_000
COLUMNS = ["uscc", "region", "status", "credit_class", "registered_on", "industries", "last_penalty_on"]


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    cli = next(p for p in (TARGET / "debug" / "jianguan", TARGET / "release" / "jianguan") if p.exists())
    out = tmp_path_factory.mktemp("county140k")
    subprocess.run([str(cli), "roster", "generate", "--entities", str(ROWS), "--seed", "11", "--out", str(out)],
                   check=True, capture_output=True)
    df = pd.read_csv(Path(out) / "entities.csv", dtype=str, keep_default_na=False)[COLUMNS]
    df["last_penalty_on"] = df["last_penalty_on"].replace("", None)
    return df


def rows_of(df: pd.DataFrame) -> list[dict[str, object]]:
    rows = df.to_dict(orient="records")
    for r in rows:
        r["industries"] = [i for i in str(r["industries"]).split(";") if i]
        if not isinstance(r["last_penalty_on"], str):  # None or NaN: no penalty
            r["last_penalty_on"] = None
    return rows


def test_a_frame_read_in_parts_is_the_roster_read_row_by_row(county: pd.DataFrame) -> None:
    # The generated file is in no particular order: the parts are sorted and merged.
    assert not county["uscc"].is_monotonic_increasing
    by_rows = jianguan.roster(rows_of(county))
    assert len(by_rows) == ROWS
    framed = jianguan.roster(county)
    assert framed.digest == by_rows.digest
    # Sorted by code already (no sort needed), and backwards: the same roster.
    ordered = county.sort_values("uscc", kind="stable").reset_index(drop=True)
    assert jianguan.roster(ordered).digest == by_rows.digest
    assert jianguan.roster(ordered.iloc[::-1]).digest == by_rows.digest


def bad(df: pd.DataFrame, column: str, at: dict[int, object]) -> pd.DataFrame:
    df = df.copy()
    df[column] = df[column].astype(object)
    for row, value in at.items():
        df.at[row, column] = value
    return df


def test_the_first_bad_row_in_frame_order_is_named(county: pd.DataFrame) -> None:
    # Rows 100,000 and 130,000 are both in the second part (of two or more).
    frame = bad(county, "status", {130_000: "bankrupt", 100_000: "dormant"})
    with pytest.raises(jianguan.InvalidInputError) as caught:
        jianguan.roster(frame)
    code = county.at[100_000, "uscc"]
    assert str(caught.value).startswith(f"roster row 100000 ({code}), column `status`: \"dormant\" is not a status"), \
        str(caught.value)
    # A bad row in the first part comes first.
    frame = bad(frame, "registered_on", {5_000: "2015/05/20"})
    with pytest.raises(jianguan.InvalidInputError, match=r"^roster row 5000 \(.*\), column `registered_on`: "):
        jianguan.roster(frame)


def test_sdk_refusals_name_the_row_in_the_whole_frame(county: pd.DataFrame) -> None:
    frame = county.assign(credit_class=county["credit_class"].astype(object))
    frame.at[120_000, "credit_class"] = "  "
    with pytest.raises(jianguan.RosterError) as caught:
        jianguan.roster(frame)
    assert caught.value.kind == "invalid_roster"
    assert "row 120000" in str(caught.value) and "credit_class is blank" in str(caught.value), str(caught.value)
    # A code in both parts: found when the parts are merged.
    frame = county.copy()
    frame.at[139_999, "uscc"] = county.at[3, "uscc"]
    with pytest.raises(jianguan.RosterError) as caught:
        jianguan.roster(frame)
    assert caught.value.kind == "duplicate_entity"
    assert county.at[3, "uscc"] in str(caught.value)
