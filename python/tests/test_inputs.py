"""The input side (issue 19, points 1, 2 and 6): a ``str`` is a path, JSON
text goes in only explicitly, every table is read the same forgiving way
(the command's ``;`` text, extra columns, dicts of columns), and ``save``
makes the folder, is idempotent and returns a ``Path``."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import jianguan
from conftest import ROOT, VECTORS, load

V = load(VECTORS / "draw" / "joint-county.json")
I = V["inputs"]
DIGEST = V["expected"]["record_digest"]


def draw(sup: jianguan.Supervisor, **change: Any) -> jianguan.DrawRecord:
    args: dict[str, Any] = {
        "roster": I["roster"], "inspectors": I["inspectors"], "entropy": I["entropy"], "history": I["history"]
    }
    args.update(change)
    plan = args.pop("plan", I["plan"])
    return sup.draw(plan, **args)


# 1. Paths and text.


def test_a_saved_record_reads_back_from_its_path(sup: jianguan.Supervisor, tmp_path: Path) -> None:
    record = draw(sup)
    saved = record.save(tmp_path / "records" / "2026")  # folders made
    assert isinstance(saved, Path) and saved == tmp_path / "records" / "2026" / f"{DIGEST}.json"
    assert jianguan.DrawRecord.from_json(saved) == record
    assert jianguan.DrawRecord.from_json(str(saved)) == record  # a str is a path
    assert jianguan.DrawRecord.from_json_text(saved.read_text(encoding="utf-8")) == record


def test_a_record_path_that_is_not_a_record_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(jianguan.FileError) as caught:
        jianguan.DrawRecord.from_json(missing)
    assert isinstance(caught.value, OSError) and isinstance(caught.value, jianguan.InvalidInputError)
    assert str(caught.value) == f"record: reading {str(missing)!r} as a path: no such file"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1}', encoding="utf-8")
    with pytest.raises(jianguan.InvalidInputError, match=f"^record file {str(bad)!r}: "):
        jianguan.DrawRecord.from_json(bad)
    with pytest.raises(jianguan.FileError, match="a str is read as a path: give JSON text as io.StringIO"):
        jianguan.DrawRecord.from_json('{"format": 1}')


def test_a_missing_catalog_file_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    with pytest.raises(jianguan.FileError) as caught:
        jianguan.Supervisor(catalog=str(path))
    assert str(caught.value) == f"catalog: reading {str(path)!r} as a path: no such file"
    assert "not valid JSON" not in str(caught.value)
    path.write_text("{\n  oops", encoding="utf-8")
    with pytest.raises(jianguan.InvalidInputError) as c2:
        jianguan.Supervisor(catalog=path)
    assert str(c2.value).startswith(f"catalog: file {str(path)!r} is not valid JSON: ")


def test_a_catalog_as_a_path_a_stream_or_a_dict(tmp_path: Path) -> None:
    text = (ROOT / "sdk" / "data" / "catalog.json").read_text(encoding="utf-8")
    path = tmp_path / "catalog.json"
    path.write_text(text, encoding="utf-8")
    items = [s.items() for s in (
        jianguan.Supervisor(catalog=str(path)),
        jianguan.Supervisor(catalog=path),
        jianguan.Supervisor(catalog=io.StringIO(text)),
        jianguan.Supervisor(catalog=json.loads(text)),
    )]
    assert items[0] and all(i == items[0] for i in items)


def test_a_plan_as_a_path_a_stream_or_a_dict(sup: jianguan.Supervisor, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(I["plan"], ensure_ascii=False), encoding="utf-8")
    for plan in (str(path), path, io.StringIO(path.read_text(encoding="utf-8")), I["plan"]):
        assert draw(sup, plan=plan).digest == DIGEST


# 6. save().


def test_save_is_idempotent_and_returns_a_path(sup: jianguan.Supervisor, tmp_path: Path) -> None:
    record = draw(sup)
    first = record.save(str(tmp_path / "a" / "b"))
    again = record.save(tmp_path / "a" / "b")
    assert first == again and isinstance(again, Path)
    assert first.read_text(encoding="utf-8") == record.to_json()
    assert [p.name for p in (tmp_path / "a" / "b").iterdir()] == [f"{DIGEST}.json"]  # no stray temp file
    first.write_text(record.to_json() + " ", encoding="utf-8")
    with pytest.raises(jianguan.InvalidInputError, match="exists and is not this record"):
        record.save(tmp_path / "a" / "b")
    with pytest.raises(jianguan.InvalidTypeError, match="^folder: expected a path"):
        record.save(3)  # type: ignore[arg-type]


# 2. Every input frame forgiving in the same way.


def semicolons(rows: list[dict[str, Any]], *columns: str) -> pd.DataFrame:
    """A table as the command's CSV has it: list columns as `;` text."""
    df = pd.DataFrame(copy.deepcopy(rows))
    for c in columns:
        df[c] = df[c].map(lambda v: ";".join(v) if v else "")
    return df


def test_inspectors_read_from_the_commands_csv(sup: jianguan.Supervisor, tmp_path: Path) -> None:
    csv = tmp_path / "inspectors.csv"
    table = semicolons(I["inspectors"], "qualifications", "conflicts")
    table["workload_cap"] = table["workload_cap"].astype("Int64")  # as the command writes it: 3, not 3.0
    table.to_csv(csv, index=False)
    frame = pd.read_csv(csv, dtype=str)
    assert isinstance(frame.loc[0, "qualifications"], str) and ";" in frame.loc[0, "conflicts"]
    assert draw(sup, inspectors=frame).digest == DIGEST
    history = tmp_path / "history.csv"
    semicolons(I["history"], "items").to_csv(history, index=False)
    assert draw(sup, inspectors=frame, history=pd.read_csv(history)).digest == DIGEST
    assert draw(sup, inspectors=pl.read_csv(csv, infer_schema=False)).digest == DIGEST


def test_dicts_of_columns(sup: jianguan.Supervisor) -> None:
    def columns(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
        return {k: [r.get(k) for r in rows] for k in rows[0]}

    assert draw(
        sup, roster=columns(I["roster"]), inspectors=columns(I["inspectors"]), history=columns(I["history"])
    ).digest == DIGEST
    with pytest.raises(jianguan.InvalidInputError, match=r"^roster: the columns differ in length \(uscc: 2, region: 1"):
        draw(sup, roster={"uscc": ["a", "b"], "region": ["370283"]})


def test_a_registers_whole_rows_read_as_they_are(sup: jianguan.Supervisor) -> None:
    rows = [dict(r, name="某某商行", township="凤台街道") for r in I["roster"]]
    inspectors = [dict(r, phone="0532-0000") for r in I["inspectors"]]
    assert draw(sup, roster=rows, inspectors=inspectors).digest == DIGEST
    frame = pd.DataFrame(rows).assign(industries=lambda d: d["industries"].map(";".join))
    assert draw(sup, roster=frame).digest == DIGEST
    assert draw(sup, roster=pd.DataFrame(I["roster"]).assign(region=lambda d: d["region"].astype(int))).digest == DIGEST


FOOD = load(ROOT / "plugins" / "food" / "fixtures" / "grading.json")


def test_grading_ignores_extra_columns_and_carries_an_id(sup_plugins: jianguan.Supervisor) -> None:
    codes = jianguan.make_uscc_many([f"91370283MA{i:07}" for i in range(len(FOOD))])
    plain = sup_plugins.grade("food", FOOD)
    frame = pd.DataFrame(FOOD).assign(name="某某餐馆", code=codes)
    for form in (frame, pa.Table.from_pandas(frame), pl.from_pandas(frame), frame.to_dict("records")):
        g = sup_plugins.grade("food", form, id="code")
        assert g.grade == plain.grade and g.uscc == codes
    by_columns = sup_plugins.grade("food", {k: list(frame[k]) for k in frame.columns}, id="code")
    assert by_columns.grade == plain.grade and by_columns.uscc == codes
    with pytest.raises(jianguan.InvalidInputError, match="^facts: id column `licence` is missing"):
        sup_plugins.grade("food", frame, id="licence")


def test_an_all_missing_date_column_reads_as_missing_in_every_frame_library() -> None:
    # An all-null column is Arrow's null type (pyarrow, polars) or object
    # dtype (pandas); each means "no date", as an absent column does.
    codes = [jianguan.make_uscc(f"91370283MA{i:07}") for i in range(3)]
    cols: dict[str, list[Any]] = {
        "uscc": codes,
        "region": ["370283"] * 3,
        "status": ["operating"] * 3,
        "credit_class": ["B"] * 3,
        "registered_on": ["2020-01-01"] * 3,
    }
    without = jianguan.roster(pd.DataFrame(cols)).digest
    cols["last_penalty_on"] = [None] * 3
    for frame in (pd.DataFrame(cols), pa.table(cols), pl.DataFrame(cols)):
        assert jianguan.roster(frame).digest == without, type(frame).__module__
