"""Exceptions a user can catch (issue 19, point 3): a bad code anywhere is a
``UsccError``; unknown plugins and items are ``LookupError``s; draw
refusals are ``ValueError``s; messages speak pandas and name a row by its
index label and code."""

from __future__ import annotations

import copy
import re
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

import jianguan
from conftest import ROOT, VECTORS, load

V = load(VECTORS / "draw" / "joint-county.json")
I = V["inputs"]
FOOD = load(ROOT / "plugins" / "food" / "fixtures" / "grading.json")
BAD = "91370283MA0000000X"  # its check character is wrong
ARROW_NAMES = re.compile(r"Utf8|LargeUtf8|Utf8View|Int64|Float64|Date32|Timestamp|UInt32")


def draw(sup: jianguan.Supervisor, **change: Any) -> jianguan.DrawRecord:
    args: dict[str, Any] = {
        "roster": I["roster"], "inspectors": I["inspectors"], "entropy": I["entropy"], "history": I["history"]
    }
    args.update(change)
    return sup.draw(I["plan"], **args)


def test_a_bad_code_in_a_roster_row_is_a_uscc_error(sup: jianguan.Supervisor) -> None:
    rows = copy.deepcopy(I["roster"])
    rows[4]["uscc"] = BAD
    frame = pd.DataFrame(rows, index=[f"r{i}" for i in range(len(rows))])
    with pytest.raises(jianguan.UsccError) as caught:
        draw(sup, roster=frame)
    e = caught.value
    assert isinstance(e, ValueError) and e.kind == "invalid_uscc"
    assert str(e).startswith(f"roster row 'r4' (position 4, {BAD}), column `uscc`: "), str(e)
    with pytest.raises(jianguan.UsccError, match=r"^roster row 4 \(91370283MA0000000X\), column `uscc`"):
        draw(sup, roster=pa.Table.from_pylist(rows))
    with pytest.raises(jianguan.UsccError, match=r"^roster\[4\]\.uscc: "):
        draw(sup, roster=rows)


def test_a_bad_code_in_history_or_conflicts_is_a_uscc_error(sup: jianguan.Supervisor) -> None:
    history = copy.deepcopy(I["history"])
    history[0]["uscc"] = BAD
    with pytest.raises(jianguan.UsccError, match=r"^history\[0\]\.uscc: "):
        draw(sup, history=history)
    inspectors = copy.deepcopy(I["inspectors"])
    inspectors[0]["conflicts"] = [BAD]
    with pytest.raises(jianguan.UsccError, match=r"^inspectors\[0\]\.conflicts\[0\]: "):
        draw(sup, inspectors=inspectors)


def test_a_bad_code_in_a_facts_row_is_a_uscc_error(sup_plugins: jianguan.Supervisor) -> None:
    codes = jianguan.make_uscc_many([f"91370283MA{i:07}" for i in range(len(FOOD))])
    codes[2] = BAD
    frame = pd.DataFrame(FOOD, index=range(100, 100 + len(FOOD))).assign(uscc=codes)
    for form, where in ((frame, "row 102 (position 2, "), (frame.reset_index(drop=True), "row 2 ("),
                        ([dict(r, uscc=c) for r, c in zip(FOOD, codes)], "row 2 (")):
        with pytest.raises(jianguan.UsccError) as caught:
            sup_plugins.grade("food", form)
        assert isinstance(caught.value, ValueError)
        assert str(caught.value).startswith(f"facts {where}{BAD}), column `uscc`: "), str(caught.value)


def test_unknown_plugins_and_items_are_lookup_errors(sup: jianguan.Supervisor) -> None:
    with pytest.raises(LookupError) as caught:
        sup.grade("fishing", [])
    assert isinstance(caught.value, jianguan.PluginNotLoadedError) and caught.value.kind == "plugin_not_loaded"
    with pytest.raises(LookupError) as c2:
        sup.plugin("fishing")
    assert isinstance(c2.value, jianguan.PluginError)
    with pytest.raises(LookupError) as c3:
        sup.item("X-99")
    assert isinstance(c3.value, jianguan.UnknownItemError) and isinstance(c3.value, jianguan.CatalogError)
    plan = copy.deepcopy(I["plan"])
    plan["tasks"][0]["items"] = [{"code": "X-99"}] if isinstance(plan["tasks"][0]["items"][0], dict) else ["X-99"]
    with pytest.raises(LookupError) as c4:
        sup.draw(plan, roster=I["roster"], inspectors=I["inspectors"], entropy=I["entropy"])
    assert isinstance(c4.value, jianguan.DrawError) and c4.value.kind == "unknown_item"


def test_draw_refusals_are_value_errors(sup: jianguan.Supervisor) -> None:
    with pytest.raises(ValueError) as caught:
        draw(sup, entropy=list(reversed(I["entropy"])))
    assert isinstance(caught.value, jianguan.DrawError) and caught.value.kind == "entropy_mismatch"
    assert issubclass(jianguan.VerificationError, ValueError)


def test_messages_speak_pandas(sup: jianguan.Supervisor, sup_plugins: jianguan.Supervisor) -> None:
    frame = pd.DataFrame(FOOD)
    first = "static_score"
    frame[first] = frame[first].astype(str)
    with pytest.raises(jianguan.FactsError) as caught:
        sup_plugins.grade("food", frame)
    assert str(caught.value) == f"facts: column `{first}`: text where a number is needed"
    roster = pd.DataFrame(I["roster"]).assign(weight=lambda d: d["weight"] + 0.5)
    with pytest.raises(jianguan.InvalidInputError) as c2:
        draw(sup, roster=roster)
    assert str(c2.value) == (
        "roster: column `weight`: numbers with a fraction (floats) where a whole number from 0 to 4294967295 is needed"
    )
    negative = pd.DataFrame(I["roster"]).assign(weight=-1)
    with pytest.raises(jianguan.InvalidInputError) as c3:
        draw(sup, roster=negative)
    assert str(c3.value) == "roster: column `weight`: a value of these whole numbers is not a whole number from 0 to 4294967295"
    for e in (caught.value, c2.value, c3.value):
        assert not ARROW_NAMES.search(str(e)), str(e)


def test_a_column_of_nones_is_missing_values(sup: jianguan.Supervisor) -> None:
    frame = pd.DataFrame(I["roster"]).assign(last_penalty_on=None)
    rows = [dict(r, last_penalty_on=None) for r in I["roster"]]
    assert draw(sup, roster=frame) == draw(sup, roster=rows)


def test_rows_messages_name_no_rust_types(sup: jianguan.Supervisor) -> None:
    inspectors = copy.deepcopy(I["inspectors"])
    inspectors[0]["workload_cap"] = "three"
    with pytest.raises(jianguan.InvalidInputError) as caught:
        draw(sup, inspectors=inspectors)
    assert str(caught.value) == (
        f'inspectors[0].workload_cap (id {inspectors[0]["id"]}): invalid type: text "three",'
        " expected a whole number from 0 to 4294967295"
    )
    with pytest.raises(jianguan.InvalidInputError) as c2:
        draw(sup, history=[42])
    assert str(c2.value) == "history[0]: invalid type: integer `42`, expected an inspection history entry object"


def test_sdk_roster_refusals_name_the_index_label(sup: jianguan.Supervisor) -> None:
    labelled = pd.DataFrame(I["roster"], index=[f"r{i}" for i in range(len(I["roster"]))])
    zero = labelled.copy()
    zero.loc["r3", "weight"] = 0
    code = zero.loc["r3", "uscc"]
    with pytest.raises(jianguan.RosterError) as caught:
        jianguan.roster(zero)
    assert caught.value.kind == "invalid_roster"
    assert str(caught.value) == f"roster row 'r3' (position 3, {code}): weight is 0; weights are positive integers"
    twice = labelled.copy()
    twice.loc["r5", "uscc"] = twice.loc["r2", "uscc"]
    with pytest.raises(jianguan.RosterError) as c2:
        jianguan.roster(twice)
    assert c2.value.kind == "duplicate_entity"
    assert str(c2.value) == (
        f"target roster lists {twice.loc['r2', 'uscc']} more than once (row 'r2' (position 2), row 'r5' (position 5))"
    )
