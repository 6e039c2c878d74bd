"""The API over the Supervisor facade: catalog, credit, calendar, RFC 3797,
results as dataclasses and DataFrames."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from typing import Any

import jianguan


def test_rfc3797_reproduces_the_rfc_worked_example() -> None:
    # RFC 3797 §6, "Fully Worked Example": key string and the first rows.
    sel = jianguan.rfc3797(pool=25, count=16, sources=[[9319], [2, 5, 12, 8, 10], [9, 18, 26, 34, 41, 45]])
    assert sel.key == "9319./2.5.8.10.12./9.18.26.34.41.45./"
    assert sel.picks[0] == jianguan.Rfc3797Pick(1, "990DD0A5692A029A98B5E01AA28F3459", 25, 17)
    assert sel.picks[15] == jianguan.Rfc3797Pick(16, "3269E6CE559ABD57E2BA6AAB495EB9BD", 10, 4)
    assert sel.positions == [17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22, 5, 18, 9, 1, 4]
    assert sel.to_dict()["key"] == sel.key


def test_working_days_across_national_day_2026(sup: jianguan.Supervisor) -> None:
    # 国办发明电〔2025〕7号: 10-01..07 off, 10-10 a make-up working Saturday.
    assert sup.add_working_days(dt.date(2026, 9, 25), 20) == dt.date(2026, 10, 29)
    assert sup.is_working_day("2026-10-10") is True
    assert sup.is_working_day(dt.datetime(2026, 10, 3, 9, 0)) is False
    assert sup.working_days_between("2026-09-30", "2026-10-09") == 2


def test_holidays_of_a_later_year_can_be_loaded() -> None:
    # The shape of sdk/data/cn-holidays.json; the figures are made up for
    # the test (the 2027 notice is not published).
    notice = {
        "years": {
            "2027": {"holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}], "workdays": []}
        }
    }
    s = jianguan.Supervisor(holidays=notice)
    assert s.is_working_day("2027-01-04") is True
    assert s.is_working_day("2027-01-01") is False


def test_catalog_items_and_responsibility(sup: jianguan.Supervisor) -> None:
    items = sup.items()
    assert len(items) >= 56
    f01 = sup.item("F-01")
    assert f01["code"] == "F-01"
    # Pingdu plan §(一): 审管分离 — the approval bureau disposes of a licence
    # obtained by a false commitment; market regulation assists.
    who = sup.resolve("F-01", commitment_breached=True)
    assert who["item_code"] == "F-01"
    roles = {(a["department"], a["role"]) for a in who["assignments"]}
    assert ("administrative_approval", "disposing") in roles
    assert ("market_regulation", "assisting") in roles
    assert ("administrative_approval", "disposing") not in {
        (a["department"], a["role"]) for a in sup.resolve("F-01")["assignments"]
    }


def test_credit_profiles(sup: jianguan.Supervisor) -> None:
    s = jianguan.Supervisor(
        credit_profiles=[{"uscc": "914403001922038216", "class": "B", "lists": []}]
    )
    p = s.credit_profile("914403001922038216")
    assert p is not None and p["class"] == "B"
    assert s.credit_profile("9144030071526726XG") is None
    assert [c["code"] for c in s.credit_scheme["classes"]] == ["A", "B", "C", "D"]


def test_uscc_info_to_dict() -> None:
    info = jianguan.check_uscc("914403001922038216")
    d = info.to_dict()
    assert d["province"] == "广东省" and d["authority_name"] == "工商"


def test_fixed_roster_is_reused(sup: jianguan.Supervisor) -> None:
    from conftest import VECTORS, load

    v = load(VECTORS / "draw" / "joint-county.json")
    i = v["inputs"]
    roster = jianguan.roster(pd.DataFrame(i["roster"]))
    assert len(roster) == 90
    assert roster.digest == v["expected"]["record"]["digests"]["targets"]
    r = sup.draw(i["plan"], roster=roster, inspectors=pd.DataFrame(i["inspectors"]), entropy=[(e["label"], e["value"]) for e in i["entropy"]], history=pd.DataFrame(i["history"]))
    assert r.digest == v["expected"]["record_digest"]
    visits = r.to_pandas()
    assert list(visits.columns) == ["uscc", "tasks", "departments", "items", "inspectors"]
    assert len(visits) == len(v["expected"]["record"]["visits"])
    sel = r.selection_to_pandas()
    assert set(sel["uscc"]) == set(visits["uscc"])


def test_record_save_never_overwrites_another_record(sup: jianguan.Supervisor, tmp_path: Any) -> None:
    from conftest import VECTORS, load

    v = load(VECTORS / "draw" / "joint-county.json")
    r = jianguan.DrawRecord.from_json_text(__import__("json").dumps(v["expected"]["record"]))
    path = r.save(str(tmp_path))
    assert str(path).endswith(f"{r.digest}.json")
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(jianguan.InvalidInputError, match="exists and is not this record"):
        r.save(str(tmp_path))
    assert path.read_text(encoding="utf-8") == "{}"


def test_a_record_pickles_as_itself(sup: jianguan.Supervisor) -> None:
    import pickle

    from conftest import VECTORS, load

    v = load(VECTORS / "draw" / "joint-county.json")
    i = v["inputs"]
    r = sup.draw(i["plan"], roster=i["roster"], inspectors=i["inspectors"], entropy=i["entropy"], history=i["history"])
    again = pickle.loads(pickle.dumps(r))
    assert isinstance(again, jianguan.DrawRecord)
    assert again == r
    assert again.digest == v["expected"]["record_digest"]
    assert again.to_json() == r.to_json()


def test_select_targets_is_the_records_selection(sup: jianguan.Supervisor) -> None:
    from conftest import VECTORS, load

    v = load(VECTORS / "draw" / "joint-county.json")
    i = v["inputs"]
    roster = jianguan.roster(i["roster"])
    setup = sup.draw_setup(i["plan"], targets_digest=roster.digest, inspectors=i["inspectors"], entropy=i["entropy"], history=i["history"])
    assert setup.seed == v["expected"]["record"]["seed"]
    for t, task in enumerate(v["expected"]["record"]["tasks"]):
        table = setup.select_targets(t, roster).to_pandas()
        for s in task["strata"]:
            mine = table[(table["class"] == s["class"]) & (table["part"] == s["part"])]
            assert sorted(mine["uscc"]) == sorted(s["selected"])


def test_departments_of_the_pingdu_catalog(sup: jianguan.Supervisor) -> None:
    # sdk/data/catalog.json: 16 departments, market regulation first.
    deps = sup.departments()
    assert len(deps) == 16
    assert deps[0]["id"] == "market_regulation" and deps[0]["name_zh"] == "平度市市场监督管理局"
    by_id = {d["id"]: d for d in deps}
    # Pingdu plan §(一): a department without a force of its own has joint
    # enforcement led by another.
    assert by_id["education"]["has_enforcement_force"] is False
    assert by_id["education"]["joint_enforcement_lead"] == "market_regulation"
    assert "joint_enforcement_lead" not in by_id["health"]
    # Every item's departments are among them.
    ids = set(by_id)
    assert all(a["department"] in ids for a in sup.resolve("F-01")["assignments"])


def test_module_functions_answer_as_a_default_supervisor(sup: jianguan.Supervisor) -> None:
    assert sup.check_uscc("914403001922038216") == jianguan.check_uscc("914403001922038216")
    assert sup.check_uscc_many(["914403001922038216", "x"]) == jianguan.check_uscc_many(["914403001922038216", "x"])
    sources = [[9319], [2, 5, 12, 8, 10], [9, 18, 26, 34, 41, 45]]
    assert sup.rfc3797_select(pool=25, count=3, sources=sources) == jianguan.rfc3797(pool=25, count=3, sources=sources)
    assert jianguan.rfc3797(pool=25, count=3, sources=sources).positions == [17, 7, 2]
