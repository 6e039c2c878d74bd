"""Results as data (issue 19, Python point 4): reasons with their
certainty, grades by label on the plugin's scale, every table as pandas,
pyarrow and polars frames with the same rows, a record's visits with list
columns and its strata and tasks as the command prints them, plugin(id) as
plugins() lists it, and a roster that pickles."""

from __future__ import annotations

import datetime as dt
import json
import math
import pickle
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import jianguan
from conftest import ROOT, VECTORS, _built, load

GRADING = load(ROOT / "plugins" / "food" / "fixtures" / "grading.json")
LABELS = ["A", "B", "B", "C", "D", "A", "C", "D", "A", "D"]
V = load(VECTORS / "draw" / "joint-county.json")
I = V["inputs"]
# Results are published within 20 working days, past the 2027 notice (not
# yet published): made-up figures, as in test_results.py.
NOTICE_2027 = {"years": {"2027": {"holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}], "workdays": []}}}


@pytest.fixture(scope="module")
def record(sup: jianguan.Supervisor) -> jianguan.DrawRecord:
    r = sup.draw(I["plan"], roster=I["roster"], inspectors=I["inspectors"], entropy=I["entropy"], history=I["history"])
    assert r.digest == V["expected"]["record_digest"]
    return r


def cited(c: dict[str, Any]) -> str:
    return f"《{c['title']}》" + (f"（{c['number']}）" if c["number"] else "") + c["article"]


def test_every_reason_carries_the_certainty_of_its_citation(sup_plugins: jianguan.Supervisor) -> None:
    g = sup_plugins.grade("food", GRADING)
    certainty = {cited(c): c["certainty"] for c in sup_plugins.plugin("food").description["citations"]}
    reasons = [r for rs in g.reasons for r in rs]
    assert reasons and all(r.certainty == certainty[r.citation] for r in reasons)
    assert {r.certainty for r in reasons} <= {"solid", "corroborated", "unconfirmed"}
    # The table keeps it per reason.
    first = g.table()["reasons"][0][0]
    assert first == {"citation": g.reasons[0][0].citation, "detail": g.reasons[0][0].detail,
                     "certainty": g.reasons[0][0].certainty}


def test_a_grade_is_its_label_on_the_plugins_scale(sup_plugins: jianguan.Supervisor) -> None:
    g = sup_plugins.grade("food", GRADING)
    assert g.grade == LABELS
    scale = sup_plugins.plugin("food").scale
    assert [s.label for s in scale] == ["A", "B", "C", "D"] and g.scale == scale
    assert all(s.description for s in scale)
    assert [scale[n].label for n in g.level] == LABELS
    assert g.counts() == {"A": 3, "B": 2, "C": 2, "D": 3}
    # An ordered category in every frame: sorting by grade sorts by risk.
    grade = g.to_pandas()["grade"]
    assert grade.cat.ordered and list(grade.cat.categories) == ["A", "B", "C", "D"]
    assert grade.max() == "D"
    arrow = g.to_arrow().column("grade").type
    assert pa.types.is_dictionary(arrow) and arrow.ordered
    assert g.to_polars().schema["grade"] == pl.Enum(["A", "B", "C", "D"])


def plain(value: Any) -> Any:
    """A cell as Python holds it, whichever frame it came from."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):  # numpy arrays and scalars
        return plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def same_rows_everywhere(table: jianguan.Table) -> None:
    rows = [dict(r) for r in table]
    assert len(rows) == len(table)
    arrow = table.to_arrow()
    assert arrow.column_names == table.columns
    assert arrow.to_pylist() == rows
    assert plain(table.to_polars().to_dicts()) == rows
    frame = table.to_pandas()
    assert list(frame.columns) == table.columns
    assert [{k: plain(v) for k, v in r.items()} for r in frame.to_dict("records")] == rows
    # The Arrow stream is the same table, for pyarrow and polars alike.
    assert pa.table(table).equals(arrow)
    assert pl.DataFrame(table).to_dicts() == table.to_polars().to_dicts()


def tables(sup_plugins: jianguan.Supervisor, sup: jianguan.Supervisor, record: jianguan.DrawRecord) -> dict[str, jianguan.Table]:
    grading = [dict(r, uscc=jianguan.make_uscc(f"91370283MA{i:07}")) for i, r in enumerate(GRADING)]
    duties = sup_plugins.duties("food", load(ROOT / "plugins" / "food" / "fixtures" / "duties.json"), as_of="2026-04-01")
    referral = sup_plugins.assess_referral("food", load(ROOT / "plugins" / "food" / "fixtures" / "referral.json"))
    visit = next(iter(record.visits()))
    done = jianguan.Supervisor(holidays=NOTICE_2027).record_results(
        record, [{"uscc": visit["uscc"], "department": visit["departments"][0], "concluded_on": "2026-12-01", "outcomes": ["6"]}]
    )
    return {
        "grades": sup_plugins.grade("food", grading).table(),
        "duties": duties.table(),
        "referral": referral.table(),
        "results": done.table(),
        "history": done.history_table(),
        "visits": record.visits(),
        "assignments": record.assignments(),
        "strata": record.strata(),
        "tasks": record.tasks(),
        "exclusions": record.exclusions(),
        "selection": record.selection(),
    }


def test_every_table_is_the_same_rows_in_pandas_pyarrow_and_polars(
    sup_plugins: jianguan.Supervisor, sup: jianguan.Supervisor, record: jianguan.DrawRecord
) -> None:
    for name, table in tables(sup_plugins, sup, record).items():
        assert len(table) > 0, name
        same_rows_everywhere(table)
    # The results themselves give the frames of their table.
    g = sup_plugins.grade("food", GRADING)
    assert g.to_arrow().equals(g.table().to_arrow()) and g.to_polars().equals(g.table().to_polars())
    assert record.to_arrow().equals(record.visits().to_arrow())
    assert isinstance(record.to_polars(), pl.DataFrame) and isinstance(g.to_pandas(), pd.DataFrame)


def summary(tmp: Path) -> dict[str, Any]:
    """What `jianguan draw run --json` prints for the vector's inputs."""
    args = [str(_built("jianguan")), "draw", "run", "--json", "--out", str(tmp / "records")]
    for name in ("plan", "roster", "inspectors", "history", "entropy"):
        f = tmp / f"{name}.json"
        f.write_text(json.dumps(I[name], ensure_ascii=False), encoding="utf-8")
        args += [f"--{name}", str(f)]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def test_strata_and_tasks_are_what_the_command_prints(record: jianguan.DrawRecord, tmp_path: Path) -> None:
    s = summary(tmp_path)
    assert s["digest"] == record.digest
    strata = list(record.strata())
    assert strata == [
        {"task": t, "department": task["department"], **st}
        for t, task in enumerate(s["tasks"])
        for st in task["strata"]
    ]
    tasks = list(record.tasks())
    assert len(tasks) == len(s["tasks"]) == 2
    for mine, its in zip(tasks, s["tasks"]):
        assert (mine["department"], mine["items"], mine["population"], mine["drawn"], mine["reduced"]) == (
            its["department"], its["items"], its["population"], its["selected"], its["reduced"])
        assert {r: mine[f"excluded_{r}"] for r in jianguan.EXCLUSION_RULES if mine[f"excluded_{r}"]} == its["excluded"]
    # The vector has exclusions by more than one rule, so the counts are tested.
    assert sum(1 for v in s["tasks"][0]["excluded"].values() if v) >= 2
    assert len(record.exclusions()) == sum(sum(t["excluded"].values()) for t in s["tasks"])
    visits = record.visits()
    assert len(visits) == s["visits"]
    assert sum(len(d) > 1 for d in visits["departments"]) == s["joint_visits"]
    assert len(record.assignments()) == s["inspector_assignments"]


def test_visits_are_list_columns_as_the_record_holds_them(record: jianguan.DrawRecord) -> None:
    expected = V["expected"]["record"]["visits"]
    visits = record.visits()
    assert visits.columns == ["uscc", "tasks", "departments", "items", "inspectors"]
    assert list(visits) == expected
    joint = next(v for v in visits if len(v["departments"]) > 1)
    assert [a["department"] for a in joint["inspectors"]] == joint["departments"]
    frame = record.to_pandas()
    assert frame["tasks"].map(len).sum() == sum(len(v["tasks"]) for v in expected)
    exploded = record.to_polars().explode("inspectors").unnest("inspectors").explode("inspectors")
    assert exploded.height == len(record.assignments())


def test_plugin_is_the_entry_plugins_lists(sup_plugins: jianguan.Supervisor) -> None:
    for p in sup_plugins.plugins():
        one = sup_plugins.plugin(p.id)
        assert isinstance(one, jianguan.PluginInfo) and one == p
    food = sup_plugins.plugin("food")
    assert [f["name"] for f in food.schema["grading"]][:3] == ["business_type", "static_score", "dynamic_score"]
    assert food.origin.endswith("libjianguan_food.so")
    # The description's parts by key, as the description's JSON has them.
    assert food["schema"] == food.schema and food["citations"] == food.description["citations"]
    with pytest.raises(KeyError):
        food["colour"]
    with pytest.raises(jianguan.PluginError) as caught:
        sup_plugins.plugin("fishing")
    assert caught.value.kind == "plugin_not_loaded"


def test_a_roster_pickles_as_the_same_roster(sup: jianguan.Supervisor) -> None:
    roster = jianguan.roster(pd.DataFrame(I["roster"]))
    again = pickle.loads(pickle.dumps(roster))
    assert isinstance(again, jianguan.Roster)
    assert (len(again), again.digest) == (len(roster), roster.digest) == (90, V["expected"]["record"]["digests"]["targets"])
    r = sup.draw(I["plan"], roster=again, inspectors=I["inspectors"], entropy=I["entropy"], history=I["history"])
    assert r.digest == V["expected"]["record_digest"]


def test_results_dates_are_dates_in_every_frame(sup: jianguan.Supervisor, record: jianguan.DrawRecord) -> None:
    visit = next(iter(record.visits()))
    done = jianguan.Supervisor(holidays=NOTICE_2027).record_results(
        record, [{"uscc": visit["uscc"], "department": visit["departments"][0], "concluded_on": "2026-12-01", "outcomes": ["6"]}]
    )
    assert done.to_arrow().schema.field("publish_by").type == pa.date32()
    assert done.to_polars()["publish_by"].to_list() == [dt.date(2026, 12, 29)]
    assert done.to_polars()["outcomes"].to_list() == [["6"]]
