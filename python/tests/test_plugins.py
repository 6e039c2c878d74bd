"""Batch grading through the loaded industry plugins from every input form:
the food plugin's fixture graded under the CFDA 2016 scheme's cut-offs
(SAMR Order 49; the expectations of plugins/food/tests/fixtures.rs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import jianguan
from conftest import ROOT, load

ROWS = load(ROOT / "plugins" / "food" / "fixtures" / "grading.json")
LABELS = ["A", "B", "B", "C", "D", "A", "C", "D", "A", "D"]
FORMS = {
    "dicts": lambda rows: rows,
    "pandas": lambda rows: pd.DataFrame(rows),
    "pyarrow": lambda rows: pa.Table.from_pylist(rows),
    "polars": lambda rows: pl.DataFrame(rows),
}


def test_the_four_plugins_load(sup_plugins: jianguan.Supervisor) -> None:
    ids = sorted(p.id for p in sup_plugins.plugins())
    assert ids == ["drugs", "food", "hazardous_chemicals", "special_equipment"]
    report = sup_plugins.load_report
    assert report.failures == [] and report.unused_configs == []
    assert sup_plugins.plugin("food").id == "food"


@pytest.mark.parametrize("form", FORMS)
def test_food_grades_the_fixture_in_every_form(sup_plugins: jianguan.Supervisor, form: str) -> None:
    g = sup_plugins.grade("food", FORMS[form](ROWS))
    assert g.grade == LABELS
    assert [g.scale[n].label for n in g.level] == LABELS
    assert len(g) == 10
    # Row 0: 10 + 20 = 30 points, the top of grade A.
    assert g.score[0] == 30.0
    assert all(r.citation for rs in g.reasons for r in rs)
    assert g.uscc is None


def test_a_uscc_column_is_kept_as_the_row_ids(sup_plugins: jianguan.Supervisor) -> None:
    codes = jianguan.make_uscc_many([f"91370283MA{i:07}" for i in range(len(ROWS))])
    frame = pd.DataFrame(ROWS).assign(uscc=codes)
    g = sup_plugins.grade("food", frame)
    assert g.uscc == codes
    df = g.to_pandas()
    assert list(df.columns) == ["uscc", "grade", "level", "score", "reasons"]
    assert list(df["grade"]) == LABELS
    by_dicts = sup_plugins.grade("food", [dict(r, uscc=c) for r, c in zip(ROWS, codes)])
    assert by_dicts == g


def test_missing_values_in_a_frame_are_nulls(sup_plugins: jianguan.Supervisor) -> None:
    frame = pd.DataFrame(ROWS[:2])
    frame.loc[1, "dynamic_score"] = None
    with pytest.raises(jianguan.FactsError) as caught:
        sup_plugins.grade("food", frame)
    assert "row 1" in str(caught.value) and "dynamic_score" in str(caught.value)


def test_plugin_configs_for_no_plugin_are_reported(plugins_dir: Path) -> None:
    s = jianguan.Supervisor(plugins_dir=plugins_dir, plugin_configs={"fod": {}})
    assert s.load_report.unused_configs == ["fod"]


def cited(sup: jianguan.Supervisor, plugin: str, index: int) -> str:
    """A plugin's citation `index` as results print it: 《title》（number）article."""
    c = sup.plugin(plugin).description["citations"][index]
    return f"《{c['title']}》" + (f"（{c['number']}）" if c["number"] else "") + c["article"]


def test_special_equipment_duties_remind_a_month_before_expiry(sup_plugins: jianguan.Supervisor) -> None:
    # 特种设备安全法 Art. 40 (citation 1): request the periodic inspection one
    # month before expiry; plugins/special-equipment/tests/duties.rs.
    code = jianguan.make_uscc("91370283MA0000001")
    rows = [{"category": "boiler", "kind": "steam", "inspection_expiry": "2026-03-31", "uscc": code}]
    d = sup_plugins.duties("special_equipment", rows, as_of="2026-03-01")
    assert len(d) == 1 and d.as_of == dt.date(2026, 3, 1) and d.uscc == [code]
    assert [(x.code, x.due, x.overdue) for x in d[0]] == [
        ("periodic-inspection-request", dt.date(2026, 2, 28), True),
        ("periodic-inspection", dt.date(2026, 3, 31), False),
    ]
    assert {x.reason.citation for x in d[0]} == {cited(sup_plugins, "special_equipment", 1)}
    assert d[0][0].reason.certainty in ("solid", "corroborated", "unconfirmed")
    df = d.to_pandas()
    assert list(df.columns) == ["row", "uscc", "code", "due", "overdue", "citation", "certainty", "detail"]
    assert list(df["code"]) == ["periodic-inspection-request", "periodic-inspection"]
    assert d.to_dict()["rows"][0][1]["due"] == dt.date(2026, 3, 31)


# Rows that leave facts out: pandas keeps a whole-number column with gaps
# whole only with its nullable dtypes (a float is never read as a count),
# and pyarrow's from_pylist takes its columns from the first row alone.
SPARSE_FORMS = {
    "dicts": lambda rows: rows,
    "pandas": lambda rows: pd.DataFrame(rows).convert_dtypes(),
    "pyarrow": lambda rows: pl.DataFrame(rows).to_arrow(),
    "polars": lambda rows: pl.DataFrame(rows),
}


@pytest.mark.parametrize("form", SPARSE_FORMS)
def test_food_duties_fixture_in_every_form(sup_plugins: jianguan.Supervisor, form: str) -> None:
    # plugins/food/tests/fixtures.rs: duties as of 2026-04-01.
    rows = load(ROOT / "plugins" / "food" / "fixtures" / "duties.json")
    d = sup_plugins.duties("food", SPARSE_FORMS[form](rows), as_of=dt.date(2026, 4, 1))
    assert [len(r) for r in d] == [1, 1, 2, 1, 2, 1]
    assert d[0][0].due == dt.date(2026, 3, 15) and d[0][0].overdue
    assert d.uscc is None


REFERRAL = load(ROOT / "plugins" / "food" / "fixtures" / "referral.json")
DECISIONS = ["refer", "do_not_refer", "refer", "do_not_refer", "refer", "do_not_refer", "refer", "needs_testing",
             "refer", "needs_testing", "refer", "do_not_refer", "refer", "refer", "refer", "refer"]


@pytest.mark.parametrize("form", SPARSE_FORMS)
def test_food_referral_fixture(sup_plugins: jianguan.Supervisor, form: str) -> None:
    # plugins/food/tests/fixtures.rs: the decisions of the 16 cases.
    a = sup_plugins.assess_referral("food", SPARSE_FORMS[form](REFERRAL))
    assert a.decision == DECISIONS and len(a) == 16
    assert all(f.decision in ("refer", "needs_testing", "do_not_refer") for fs in a.findings for f in fs)
    assert all(f.reason.citation.startswith("《") for fs in a.findings for f in fs)
    df = a.to_pandas()
    assert list(df.columns) == ["decision", "findings"] and list(df["decision"]) == DECISIONS


def test_referral_facts_outside_the_schema_are_ignored(sup_plugins: jianguan.Supervisor) -> None:
    plain = sup_plugins.assess_referral("food", [{"sales_cny": 1.0, "substandard_food": True}])
    extra = sup_plugins.assess_referral("food", [{"sales_cny": 1.0, "substandard_food": True, "colour": "red"}])
    assert extra == plain
    with pytest.raises(jianguan.PluginError) as c2:
        sup_plugins.duties("fishing", [], as_of="2026-04-01")
    assert c2.value.kind == "plugin_not_loaded"
