"""Batch grading through the loaded industry plugins from every input form:
the food plugin's fixture graded under the CFDA 2016 scheme's cut-offs
(SAMR Order 49; the expectations of plugins/food/tests/fixtures.rs)."""

from __future__ import annotations

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
    assert sup_plugins.plugin("food")["id"] == "food"


@pytest.mark.parametrize("form", FORMS)
def test_food_grades_the_fixture_in_every_form(sup_plugins: jianguan.Supervisor, form: str) -> None:
    g = sup_plugins.grade("food", FORMS[form](ROWS))
    assert g.label == LABELS
    assert len(g) == 10
    # Row 0: 10 + 20 = 30 points, the top of grade A.
    assert g.score[0] == 30.0
    assert all(r.citation for rs in g.reasons for r in rs)
    assert g.uscc is None


def test_a_uscc_column_is_kept_as_the_row_ids(sup_plugins: jianguan.Supervisor) -> None:
    codes = [f"91370283MA{i:07}" for i in range(len(ROWS))]
    frame = pd.DataFrame(ROWS).assign(uscc=codes)
    g = sup_plugins.grade("food", frame)
    assert g.uscc == codes
    df = g.to_pandas()
    assert list(df.columns) == ["uscc", "grade", "label", "score", "reasons"]
    assert list(df["label"]) == LABELS
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
