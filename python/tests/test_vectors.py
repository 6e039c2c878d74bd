"""The conformance vectors of tests/vectors/ replayed through Python: every
draw in four input forms (list of dicts, pandas, pyarrow, polars) must give
the vector's record byte for byte, or its refusal with kind and message;
every record made here is verified by the Rust command as well."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import jianguan
from conftest import VECTORS, draw_vectors, load, rust_verify

FORMS = {
    "dicts": lambda rows: rows,
    "pandas": lambda rows: pd.DataFrame(rows),
    "pyarrow": lambda rows: pa.Table.from_pylist(rows),
    "polars": lambda rows: pl.DataFrame(rows),
}


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("name", "vector"), draw_vectors(), ids=[n for n, _ in draw_vectors()])
def test_draw_vector(
    sup: jianguan.Supervisor, name: str, vector: dict[str, Any], form: str, tmp_path: Path
) -> None:
    i = vector["inputs"]
    expected = vector["expected"]
    run = lambda: sup.draw(  # noqa: E731
        i["plan"],
        roster=FORMS[form](i["roster"]),
        inspectors=i["inspectors"],
        entropy=i["entropy"],
        history=i["history"],
    )
    if "error" in expected:
        with pytest.raises(jianguan.DrawError) as caught:
            run()
        assert caught.value.kind == expected["error"]
        if expected["error"] == "duplicate_entity" and form != "dicts":
            # A frame's refusal adds the rows holding the code, by position
            # (these frames have no index labels of their own).
            assert re.fullmatch(re.escape(expected["message"]) + r" \(row \d+, row \d+\)", str(caught.value))
        elif form != "dicts" and expected["message"].startswith("target roster row "):
            # A frame's rows are read in Python's reader, which names them
            # as pandas does ("roster row <label>"); the rest is the SDK's.
            assert str(caught.value) == expected["message"].removeprefix("target ")
        else:
            assert str(caught.value) == expected["message"]
        return
    record = run()
    assert record.digest == expected["record_digest"]
    assert record.to_json() == canonical(expected["record"])
    assert record.to_dict() == expected["record"]
    sup.verify(record, roster=FORMS[form](i["roster"]), inspectors=i["inspectors"], history=i["history"])
    if form == "pandas":
        assert "verified" in rust_verify(tmp_path, record, i)


def test_a_record_read_back_verifies(sup: jianguan.Supervisor) -> None:
    v = load(VECTORS / "draw" / "joint-county.json")
    record = jianguan.DrawRecord.from_json_text(json.dumps(v["expected"]["record"]))
    assert record.digest == v["expected"]["record_digest"]
    i = v["inputs"]
    sup.verify(record, roster=i["roster"], inspectors=i["inspectors"], history=i["history"])
    assert record.seed == v["expected"]["record"]["seed"]


USCC = load(VECTORS / "uscc.json")["cases"]


@pytest.mark.parametrize("case", USCC, ids=[c["code"] for c in USCC])
def test_uscc_vector(case: dict[str, Any]) -> None:
    if case["valid"]:
        info = jianguan.check_uscc(case["code"])
        for field in ("authority", "category", "region", "organisation_code"):
            assert getattr(info, field) == case[field]
        assert jianguan.check_uscc_many([case["code"]]) == [None]
    else:
        with pytest.raises(jianguan.UsccError) as caught:
            jianguan.check_uscc(case["code"])
        assert str(caught.value) == case["message"]
        assert caught.value.kind == "invalid_uscc"
        assert isinstance(caught.value, ValueError)
        assert jianguan.check_uscc_many([case["code"]]) == [case["message"]]


DAYS = load(VECTORS / "working-days.json")["cases"]


@pytest.mark.parametrize("case", DAYS, ids=[f"{c['op']}-{i}" for i, c in enumerate(DAYS)])
def test_working_days_vector(sup: jianguan.Supervisor, case: dict[str, Any]) -> None:
    def call() -> object:
        if case["op"] == "is_working_day":
            return sup.is_working_day(case["date"])
        if case["op"] == "add":
            return sup.add_working_days(case["start"], case["n"]).isoformat()
        return sup.working_days_between(case["start"], case["end"])

    if "error" in case:
        with pytest.raises(jianguan.CalendarError) as caught:
            call()
        assert caught.value.kind == case["error"]
        assert "2027" in str(caught.value)
    else:
        assert call() == case["expected"]
