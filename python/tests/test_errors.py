"""Every exception path: each failure raises its jianguan.Error subclass with
a stable ``kind`` and a message naming what was wrong (row and column for
tables), and nothing is changed."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

import jianguan
from conftest import VECTORS, load

V = load(VECTORS / "draw" / "joint-county.json")
I = V["inputs"]


def draw(sup: jianguan.Supervisor, **change: Any) -> jianguan.DrawRecord:
    args = {"roster": I["roster"], "inspectors": I["inspectors"], "entropy": I["entropy"], "history": I["history"]}
    args.update(change)
    plan = args.pop("plan", I["plan"])
    return sup.draw(plan, **args)


def test_the_hierarchy() -> None:
    for cls in (
        jianguan.InvalidInputError, jianguan.UsccError, jianguan.CatalogError, jianguan.CreditError,
        jianguan.CalendarError, jianguan.PluginError, jianguan.PluginLoadError, jianguan.FactsError,
        jianguan.DrawError, jianguan.VerificationError, jianguan.Rfc3797Error,
    ):
        assert issubclass(cls, jianguan.Error)
    assert issubclass(jianguan.InvalidTypeError, TypeError)
    assert issubclass(jianguan.InvalidInputError, ValueError)
    assert issubclass(jianguan.VerificationError, jianguan.DrawError)
    assert issubclass(jianguan.FactsError, jianguan.PluginError)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: jianguan.check_uscc(914403001922038216), "code: expected str, got int"),
        (lambda s: s.add_working_days(20261001, 3), "start: expected a date or YYYY-MM-DD text, got int"),
        (lambda s: s.add_working_days("2026-10-01", "3"), "n: expected int, got str"),
        (lambda s: s.item(None), "code: expected str, got NoneType"),
        (lambda s: draw(s, roster=42), "roster: expected a pandas, pyarrow or polars table"),
        (lambda s: draw(s, inspectors=3.5), "inspectors: expected a list of dicts"),
        (lambda s: draw(s, entropy="福彩"), "entropy: expected a list of {label, value} dicts"),
        (lambda s: draw(s, plan=7), "plan: expected JSON text, a path or a dict, got int"),
        (lambda s: draw(s, roster=[{"uscc": object()}]), "roster: object is not a JSON value"),
        (lambda s: jianguan.rfc3797(pool="25", count=1, sources=[[1]]), "pool: expected a non-negative int"),
        (lambda s: jianguan.Supervisor(plugins_dir=5), "plugins_dir: expected a path, got int"),
    ],
)
def test_wrong_python_types(sup: jianguan.Supervisor, call: Any, message: str) -> None:
    with pytest.raises(jianguan.InvalidTypeError) as caught:
        call(sup)
    assert message in str(caught.value)
    assert caught.value.kind == "invalid_type"


def roster_frame(**cells: Any) -> pd.DataFrame:
    df = pd.DataFrame(copy.deepcopy(I["roster"]))
    for key, value in cells.items():
        column, row = key.rsplit("_at_", 1)
        df[column] = df[column].astype(object)
        df.at[int(row), column] = value
    return df


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (lambda: roster_frame(uscc_at_7="91370283MA0000000X"), "roster row 7, column `uscc`: unified social credit code \"91370283MA0000000X\": check character"),
        (lambda: roster_frame(uscc_at_3=None), "roster row 3, column `uscc`: is missing (null)"),
        (lambda: roster_frame(status_at_5="bankrupt"), "roster row 5, column `status`: \"bankrupt\" is not a status"),
        (lambda: roster_frame(region_at_2="37028"), "roster row 2, column `region`"),
        (lambda: roster_frame(industries_at_4=["food_sales", "nail_bars"]), "roster row 4, column `industries`"),
        (lambda: pd.DataFrame(I["roster"]).drop(columns=["region"]), "roster: required column `region` is missing"),
        (lambda: pd.DataFrame(I["roster"]).assign(registered_on="2015/05/20"), "roster: column `registered_on` (LargeUtf8) cannot be read as a date"),
        (lambda: pd.DataFrame(I["roster"]).assign(weight=-1), "roster: column `weight` (Int64) cannot be read as a non-negative whole number below 2^32"),
    ],
)
def test_bad_roster_frames_name_row_and_column(sup: jianguan.Supervisor, frame: Any, message: str) -> None:
    with pytest.raises(jianguan.InvalidInputError) as caught:
        draw(sup, roster=frame())
    assert message in str(caught.value), str(caught.value)


def test_bad_roster_rows_name_the_path(sup: jianguan.Supervisor) -> None:
    rows = copy.deepcopy(I["roster"])
    rows[6]["registered_on"] = "2015-13-01"
    with pytest.raises(jianguan.InvalidInputError) as caught:
        draw(sup, roster=rows)
    assert str(caught.value).startswith("roster[6].registered_on: "), str(caught.value)
    rows = copy.deepcopy(I["roster"])
    rows[2]["weigth"] = 3
    with pytest.raises(jianguan.InvalidInputError, match=r"^roster\[2\]\.weigth: unknown field `weigth`, expected one of `uscc`.*`weight`$"):
        draw(sup, roster=rows)


def test_roster_refusals_from_the_sdk(sup: jianguan.Supervisor) -> None:
    df = pd.DataFrame(I["roster"]).assign(weight=0)
    with pytest.raises(jianguan.DrawError) as caught:
        draw(sup, roster=df)
    assert caught.value.kind == "invalid_roster"
    assert "weight is 0" in str(caught.value)


def test_plan_refusals(sup: jianguan.Supervisor) -> None:
    plan = copy.deepcopy(I["plan"])
    plan["tasks"][0]["items"] = [{"code": "X-99"}] if isinstance(plan["tasks"][0]["items"][0], dict) else ["X-99"]
    with pytest.raises(jianguan.DrawError) as caught:
        draw(sup, plan=plan)
    assert caught.value.kind == "unknown_item"
    assert '"X-99" is not in the catalog' in str(caught.value)
    with pytest.raises(jianguan.InvalidInputError, match="^plan: key must be a string at line 1 column 2$"):
        draw(sup, plan="{not json")
    with pytest.raises(jianguan.DrawError) as c2:
        draw(sup, entropy=list(reversed(I["entropy"])))
    assert c2.value.kind == "entropy_mismatch"


def test_a_forged_record_fails_verification(sup: jianguan.Supervisor) -> None:
    forged = copy.deepcopy(V["expected"]["record"])
    sel = forged["tasks"][0]["strata"][0]["selected"]
    sel[0] = "91370283MA00000009" if sel[0] != "91370283MA00000009" else "91370283MA0007919U"
    record = jianguan.DrawRecord.from_json(json.dumps(forged))
    with pytest.raises(jianguan.VerificationError) as caught:
        sup.verify(record, roster=I["roster"], inspectors=I["inspectors"], history=I["history"])
    assert caught.value.kind == "verification_failed"
    assert "verification failed at `tasks[0].strata[0].selected[0]`" in str(caught.value)
    with pytest.raises(jianguan.InvalidInputError, match="^record"):
        jianguan.DrawRecord.from_json('{"format": 1}')
    with pytest.raises(jianguan.InvalidTypeError):
        sup.verify(forged, roster=I["roster"], inspectors=I["inspectors"])  # type: ignore[arg-type]


def test_catalog_calendar_credit_rfc(sup: jianguan.Supervisor) -> None:
    with pytest.raises(jianguan.CatalogError) as c1:
        sup.item("Z-00")
    assert "Z-00" in str(c1.value)
    with pytest.raises(jianguan.CalendarError, match="2027"):
        sup.add_working_days(dt.date(2026, 12, 20), 10)
    with pytest.raises(jianguan.CalendarError):
        sup.working_days_between("2026-10-09", "2026-09-30")
    with pytest.raises(jianguan.InvalidInputError, match="is not a date"):
        sup.is_working_day("2026-02-30")
    with pytest.raises(jianguan.CreditError):
        jianguan.Supervisor(credit_profiles=[{"uscc": "914403001922038216", "class": "E", "lists": []}])
    with pytest.raises(jianguan.InvalidInputError, match="credit_scheme \"zhejiang\""):
        jianguan.Supervisor(credit_scheme="zhejiang")
    with pytest.raises(jianguan.UsccError):
        sup.credit_profile("914403001922038217")
    with pytest.raises(jianguan.Rfc3797Error, match="at most 25"):
        jianguan.rfc3797(pool=25, count=26, sources=[[1]])


def test_plugin_failures(sup_plugins: jianguan.Supervisor, tmp_path: Path, plugins_dir: Path) -> None:
    with pytest.raises(jianguan.PluginError) as c1:
        sup_plugins.grade("fishing", [])
    assert c1.value.kind == "plugin_not_loaded"
    with pytest.raises(jianguan.FactsError) as c2:
        sup_plugins.grade("food", [{"business_type": "seller", "static_score": 10}])
    assert "row 0" in str(c2.value) and "dynamic_score" in str(c2.value)
    with pytest.raises(jianguan.FactsError) as c3:
        sup_plugins.grade("food", [{"business_type": "barber", "static_score": 10, "dynamic_score": 5}])
    assert "barber" in str(c3.value)
    with pytest.raises(jianguan.InvalidInputError, match="column `colour` is not one this table takes"):
        sup_plugins.grade("food", pa.table({"colour": ["red"]}))
    with pytest.raises(jianguan.InvalidInputError, match="required fact `business_type` has no column"):
        sup_plugins.grade("food", pa.table({"static_score": [1.0]}))
    # A corrupt library beside good ones: listed, or an error when all are required.
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "libjianguan_broken.so").write_bytes(b"\x7fELF" + b"\0" * 60)
    listed = jianguan.Supervisor(plugins_dir=folder)
    assert len(listed.load_report.failures) == 1
    assert "libjianguan_broken.so" in listed.load_report.failures[0]
    with pytest.raises(jianguan.PluginLoadError, match="libjianguan_broken.so"):
        jianguan.Supervisor(plugins_dir=folder, require_all_plugins=True)
    with pytest.raises(jianguan.PluginLoadError) as c4:
        jianguan.Supervisor(plugins_dir=tmp_path / "nowhere")
    assert "nowhere" in str(c4.value)
