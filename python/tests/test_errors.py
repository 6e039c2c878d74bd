"""Every exception path: each failure raises its jianguan.Error subclass with
a stable ``kind`` and a message naming what was wrong (row and column for
tables), and nothing is changed."""

from __future__ import annotations

import copy
import io
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
        (lambda s: draw(s, plan=7), "plan: expected a path (str or os.PathLike), a text stream (io.StringIO) or a dict, got int"),
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
        (lambda: roster_frame(uscc_at_7="91370283MA0000000X"), "roster row 7 (91370283MA0000000X), column `uscc`: unified social credit code \"91370283MA0000000X\": check character"),
        (lambda: roster_frame(uscc_at_3=None), "roster row 3, column `uscc`: is missing (null)"),
        (lambda: roster_frame(status_at_5="bankrupt"), f"roster row 5 ({I['roster'][5]['uscc']}), column `status`: \"bankrupt\" is not a status"),
        (lambda: roster_frame(region_at_2="37028"), f"roster row 2 ({I['roster'][2]['uscc']}), column `region`"),
        (lambda: roster_frame(industries_at_4=["food_sales", "nail_bars"]), "column `industries`: unknown industry \"nail_bars\""),
        (lambda: roster_frame(registered_on_at_6="2015/05/20"), "column `registered_on`: \"2015/05/20\" is not a date (YYYY-MM-DD)"),
        (lambda: pd.DataFrame(I["roster"]).assign(registered_on=20150520), "roster: column `registered_on`: whole numbers where a date is needed"),
        (lambda: pd.DataFrame(I["roster"]).assign(weight=2.5), "roster: column `weight`: numbers with a fraction (floats) where a whole number from 0 to 4294967295 is needed"),
        (lambda: pd.DataFrame(I["roster"]).drop(columns=["region"]), "roster: required column `region` is missing"),
        (lambda: pd.DataFrame(I["roster"]).assign(weight=-1), "roster: column `weight`: a value of these whole numbers is not a whole number from 0 to 4294967295"),
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
    # The entry's code follows its position.
    assert str(caught.value).startswith(f"roster[6].registered_on ({rows[6]['uscc']}): "), str(caught.value)
    # Keys the roster does not take are ignored, as the command ignores
    # columns in CSV (a register's whole rows read as they are).
    rows = copy.deepcopy(I["roster"])
    rows[2]["name"] = "平度市某某商行"
    assert draw(sup, roster=rows) == draw(sup)


def test_roster_refusals_from_the_sdk(sup: jianguan.Supervisor) -> None:
    df = pd.DataFrame(I["roster"]).assign(weight=0)
    with pytest.raises(jianguan.RosterError) as caught:
        draw(sup, roster=df)
    assert isinstance(caught.value, jianguan.InvalidInputError)
    assert caught.value.kind == "invalid_roster"
    assert "weight is 0" in str(caught.value)


def test_plan_refusals(sup: jianguan.Supervisor) -> None:
    plan = copy.deepcopy(I["plan"])
    plan["tasks"][0]["items"] = [{"code": "X-99"}] if isinstance(plan["tasks"][0]["items"][0], dict) else ["X-99"]
    with pytest.raises(jianguan.DrawError) as caught:
        draw(sup, plan=plan)
    assert caught.value.kind == "unknown_item"
    assert '"X-99" is not in the catalog' in str(caught.value)
    with pytest.raises(jianguan.FileError, match=r"^plan: reading '\{not json' as a path: no such file \(a str is read as a path"):
        draw(sup, plan="{not json")
    with pytest.raises(jianguan.InvalidInputError, match="^plan: the text read from the stream is not valid JSON: "):
        draw(sup, plan=io.StringIO("{not json"))
    with pytest.raises(jianguan.DrawError) as c2:
        draw(sup, entropy=list(reversed(I["entropy"])))
    assert c2.value.kind == "entropy_mismatch"


def test_a_forged_record_fails_verification(sup: jianguan.Supervisor) -> None:
    forged = copy.deepcopy(V["expected"]["record"])
    sel = forged["tasks"][0]["strata"][0]["selected"]
    sel[0] = "91370283MA00000009" if sel[0] != "91370283MA00000009" else "91370283MA0007919U"
    record = jianguan.DrawRecord.from_json_text(json.dumps(forged))
    with pytest.raises(jianguan.VerificationError) as caught:
        sup.verify(record, roster=I["roster"], inspectors=I["inspectors"], history=I["history"])
    assert caught.value.kind == "verification_failed"
    assert "verification failed at `tasks[0].strata[0].selected[0]`" in str(caught.value)
    with pytest.raises(jianguan.InvalidInputError, match="^record"):
        jianguan.DrawRecord.from_json_text('{"format": 1}')
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
    # Columns outside the schema are ignored; the missing facts are not.
    with pytest.raises(jianguan.InvalidInputError, match="required fact `business_type` has no column"):
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


def test_out_of_range_and_null_cells(sup: jianguan.Supervisor) -> None:
    rows = copy.deepcopy(I["roster"])
    table = pa.Table.from_pylist(rows)
    far = table.set_column(
        table.schema.get_field_index("registered_on"),
        "registered_on",
        pa.array([2**31 - 1] * len(rows), pa.int32()).cast(pa.date32()),
    )
    with pytest.raises(jianguan.InvalidInputError, match="beyond the dates this reads"):
        draw(sup, roster=far)
    nulls = table.set_column(
        table.schema.get_field_index("weight"), "weight", pa.array([None] + [1] * (len(rows) - 1), pa.int64())
    )
    with pytest.raises(jianguan.InvalidInputError, match=r"roster row 0 \(.*\), column `weight`: is missing \(null\)"):
        draw(sup, roster=nulls)
    rows[1]["industries"] = ["catering", None]
    with pytest.raises(jianguan.InvalidInputError, match="item 1 of the list is missing"):
        draw(sup, roster=pa.Table.from_pylist(rows))


def parts_of(sup: jianguan.Supervisor) -> tuple[jianguan.Setup, list[jianguan.Roster]]:
    rows = sorted(I["roster"], key=lambda r: r["uscc"])
    parts = [jianguan.roster(rows[k : k + 30]) for k in range(0, 90, 30)]
    state = None
    for p in parts:
        state = jianguan._native.roster_digest_update(state, p)
    assert state is not None
    targets, n = jianguan._native.roster_digest_finish(state)
    assert (targets, n) == (jianguan.roster(rows).digest, 90)
    setup = sup.draw_setup(
        I["plan"], targets_digest=targets, targets_rows=n, inspectors=I["inspectors"], entropy=I["entropy"], history=I["history"]
    )
    return setup, parts


def test_a_draw_over_parts_refuses_lost_or_repeated_parts(sup: jianguan.Supervisor) -> None:
    setup, parts = parts_of(sup)
    n = setup.task_count
    counts = [[setup.count(t, p) for p in parts] for t in range(n)]
    sels = [[setup.select(t, p, counts[t]) for p in parts] for t in range(n)]
    record = setup.finish(counts, sels)
    assert record.digest == V["expected"]["record_digest"]
    with pytest.raises(jianguan.InvalidInputError, match="task 0: counts of 3 parts but selections of 2"):
        setup.finish(counts, [sels[0][:2]] + sels[1:])
    lost = [c[:2] for c in counts], [s[:2] for s in sels]
    with pytest.raises(jianguan.InvalidInputError, match="task 0: the parts hold 60 entities, the roster 90; a part is missing"):
        setup.finish(*lost)
    twice = [c + c[1:2] for c in counts], [s + s[1:2] for s in sels]
    with pytest.raises(jianguan.InvalidInputError, match="task 0 part 3: starts at .*, not after the part before it"):
        setup.finish(*twice)
    swapped = counts, [[s[1], s[0], s[2]] for s in sels]
    with pytest.raises(jianguan.InvalidInputError, match=r"task 0 selections\[0\] comes from another roster part than counts\[0\]"):
        setup.finish(*swapped)
    with pytest.raises(jianguan.InvalidInputError, match="no counts given"):
        setup.finish([[] for _ in range(n)], [[] for _ in range(n)])
    with pytest.raises(jianguan.InvalidInputError, match="stratum parts, task 0 has"):
        setup.finish([counts[1]] + counts[1:], sels)
    import pickle

    again = pickle.loads(pickle.dumps(setup))
    assert again.seed == setup.seed
    assert again.finish(counts, sels).digest == record.digest


def test_a_task_number_outside_the_plan_is_refused(sup: jianguan.Supervisor) -> None:
    setup, parts = parts_of(sup)
    n = setup.task_count
    assert n == 2  # the joint-county plan: one task per department
    counts = [setup.count(0, p) for p in parts]
    for t in (-1, n):
        message = f"task {t}: the plan has 2 tasks, numbered from 0"
        with pytest.raises(jianguan.InvalidInputError, match=message):
            setup.count(t, parts[0])
        with pytest.raises(jianguan.InvalidInputError, match=message):
            setup.select(t, parts[0], counts)
        with pytest.raises(jianguan.InvalidInputError, match=message):
            setup.select_targets(t, parts[0])


def test_every_kind_of_the_sdk_has_one_class() -> None:
    from typing import get_args

    from jianguan.errors import CLASS_OF_KIND, ErrorKind, from_kind

    # The Literal, the mapping and the SDK's own list (jianguan::ErrorKind::ALL) agree.
    assert [n for k in get_args(ErrorKind) for n in get_args(k)] == jianguan._native.ERROR_KINDS
    assert set(CLASS_OF_KIND) == set(jianguan._native.ERROR_KINDS)
    for kind in jianguan._native.ERROR_KINDS:
        e = from_kind(kind, "message")
        assert type(e) is CLASS_OF_KIND[kind] and e.kind == kind and str(e) == "message"
        assert isinstance(e, jianguan.Error)
    # Kinds renamed when the SDK took over the list, and the class each now has.
    assert CLASS_OF_KIND["plugin_failed"] is jianguan.PluginError
    assert CLASS_OF_KIND["unknown_item"] is jianguan.UnknownItemError
    assert issubclass(jianguan.UnknownItemError, jianguan.CatalogError)
    assert issubclass(jianguan.UnknownItemError, jianguan.DrawError)
    assert CLASS_OF_KIND["rfc3797_refused"] is jianguan.Rfc3797Error
    assert CLASS_OF_KIND["invalid_outcome_table"] is CLASS_OF_KIND["invalid_results"] is jianguan.ResultsError
    assert CLASS_OF_KIND["credit_source"] is CLASS_OF_KIND["invalid_credit"] is jianguan.CreditError
    # A kind a later SDK adds is still raised, as the base class, keeping its name.
    later = from_kind("a_later_kind", "m")
    assert type(later) is jianguan.Error and later.kind == "a_later_kind"


def test_kinds_the_sdk_names_reach_python(sup: jianguan.Supervisor) -> None:
    with pytest.raises(jianguan.UnknownItemError) as c1:
        sup.item("Z-00")
    assert c1.value.kind == "unknown_item"
    with pytest.raises(jianguan.CreditError) as c2:
        jianguan.Supervisor(credit_profiles=[{"uscc": "914403001922038216", "class": "E", "lists": []}])
    assert c2.value.kind == "invalid_credit"
    with pytest.raises(jianguan.Rfc3797Error) as c3:
        sup.rfc3797_select(pool=25, count=26, sources=[[1]])
    assert c3.value.kind == "rfc3797_refused"


def test_the_docs_list_each_class_with_its_kinds() -> None:
    from conftest import ROOT

    from jianguan.errors import CLASS_OF_KIND

    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    start = text.index("| class | kinds |")
    table = text[start : text.index("\n\n", start)]
    documented: dict[str, str] = {}
    for line in filter(None, table.splitlines()[2:]):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        for kind in cells[1].split(", "):
            documented[kind.strip("`")] = cells[0].strip("`")
    assert documented == {k: c.__name__ for k, c in CLASS_OF_KIND.items()}
