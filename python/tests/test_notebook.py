"""Notebook manners (issue 19, Python point 5): short reprs whatever the
size, HTML summaries for grades and records, progress on request, and a
long draw that Ctrl-C stops promptly."""

from __future__ import annotations

import _thread
import io
import json
import math
import threading
import time
from typing import Any

import pyarrow as pa
import pytest

import jianguan
from conftest import ROOT, VECTORS, load

V = load(VECTORS / "draw" / "joint-county.json")
I = V["inputs"]


def test_a_large_grades_prints_one_short_line(sup_plugins: jianguan.Supervisor) -> None:
    n = 43_000
    facts = pa.table({
        "business_type": ["seller", "caterer", "central_kitchen"] * (n // 3) + ["seller"] * (n % 3),
        "static_score": [float(i % 40) for i in range(n)],
        "dynamic_score": [float(i % 60) for i in range(n)],
    })
    g = sup_plugins.grade("food", facts)
    assert len(g) == n
    text = repr(g)
    assert len(text) < 200, text
    assert text.startswith("Grades(plugin='food', 43,000 rows: A ")
    counts = g.counts()
    assert sum(counts.values()) == n and all(f"{k} {v:,}" in text for k, v in counts.items())
    page = g._repr_html_()
    assert page.startswith("<table>") and len(page) < 5_000
    assert all(f"<td>{s.label}</td>" in page for s in g.scale)
    assert "<th>mean score</th>" in page
    table = g.table()
    assert len(repr(table)) < 200 and "43,000 rows" in repr(table)
    assert table._repr_html_().count("<tr>") == 11  # header and the first ten rows


def test_duties_and_referrals_print_short_and_show_their_first_rows(sup_plugins: jianguan.Supervisor) -> None:
    rows = load(ROOT / "plugins" / "food" / "fixtures" / "duties.json") * 5_000
    d = sup_plugins.duties("food", rows, as_of="2026-04-01")
    assert repr(d) == f"Duties(plugin='food', as of 2026-04-01, {len(rows):,} rows: 40,000 duties, {sum(x.overdue for r in d for x in r):,} overdue)"
    assert d._repr_html_().count("<tr>") == 11 and "<th>due</th>" in d._repr_html_()
    cases = load(ROOT / "plugins" / "food" / "fixtures" / "referral.json")
    a = sup_plugins.assess_referral("food", cases)
    assert repr(a) == "ReferralAssessments(plugin='food', 16 cases: do_not_refer 4, needs_testing 2, refer 10)"
    assert "<th>findings</th>" in a._repr_html_()


def test_supervisor_and_load_report_say_what_they_hold(sup_plugins: jianguan.Supervisor) -> None:
    text = repr(sup_plugins)
    assert text.startswith("<jianguan.Supervisor: plugins drugs 0.1.0, food 0.1.0, hazardous_chemicals 0.1.0, special_equipment 0.1.0;")
    assert "catalog of" in text and "items in" in text and "credit scheme 国市监信发〔2022〕6号" in text
    report = repr(sup_plugins.load_report)
    assert report.startswith("LoadReport(loaded 4: drugs 0.1.0, food 0.1.0,") and "refused 0" in report
    assert len(report) < 300
    # A plugin's long description stays out of its repr.
    assert "citations" not in repr(sup_plugins.plugin("food")) and len(repr(sup_plugins.plugin("food"))) < 600


def test_a_record_shows_its_strata_as_html(sup: jianguan.Supervisor) -> None:
    r = sup.draw(I["plan"], roster=I["roster"], inspectors=I["inspectors"], entropy=I["entropy"], history=I["history"])
    page = r._repr_html_()
    assert page.startswith("<table><caption>draw record " + r.digest[:16])
    assert "<th>pool</th><th>take</th>" in page
    assert page.count("<tr>") == 1 + len(r.strata())
    assert repr(r).startswith("<jianguan.DrawRecord " + r.digest[:16]) and len(repr(r)) < 200
    assert "16 visits" in repr(r)


def draw(sup: jianguan.Supervisor, **kwargs: Any) -> jianguan.DrawRecord:
    return sup.draw(I["plan"], roster=I["roster"], inspectors=I["inspectors"], entropy=I["entropy"], history=I["history"], **kwargs)


def test_progress_is_shown_only_when_asked(sup: jianguan.Supervisor, capsys: pytest.CaptureFixture[str]) -> None:
    draw(sup, progress=False)
    assert capsys.readouterr() == ("", "")
    # Under pytest standard error is no terminal: the default shows nothing.
    draw(sup)
    assert capsys.readouterr() == ("", "")
    draw(sup, progress=True)
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("\rdraw: ") and "inspectors for 16 of 16 visits (100%)" in err
    assert err.endswith("s\n") and "\rdraw: done in " in err
    r = draw(sup)
    sup.verify(r, roster=I["roster"], inspectors=I["inspectors"], history=I["history"], progress=False)
    assert capsys.readouterr() == ("", "")
    sup.verify(r, roster=I["roster"], inspectors=I["inspectors"], history=I["history"], progress=True)
    assert "\rverify: done in " in capsys.readouterr().err


# GB 32100-2015: the characters of a code and the weights of its check character.
CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def code(n: int) -> str:
    body = "91370283MA" + "".join(CHARS[(n // 31**k) % 31] for k in range(6, -1, -1))
    check = (31 - sum(CHARS.index(c) * w for c, w in zip(body, WEIGHTS)) % 31) % 31
    return body + CHARS[check]


def test_ctrl_c_stops_a_long_draw_promptly(sup: jianguan.Supervisor) -> None:
    # A roster of 40,000 entities, half of each class drawn, 300 inspectors
    # to key for each of the 20,000 visits: seconds of inspector drawing.
    n = 40_000
    roster = jianguan.roster(pa.table({
        "uscc": [code(i * 7919) for i in range(n)], "region": ["370283"] * n, "status": ["operating"] * n,
        "credit_class": [("A", "B", "C", "D")[i % 4] for i in range(n)], "registered_on": ["2020-01-01"] * n,
    }))
    plan = json.loads((ROOT / "sdk" / "benches" / "draw-plan.json").read_text(encoding="utf-8"))
    plan["tasks"][0]["strata"] = [{"class": c, "size": {"ratio": "0.5"}} for c in "ABCD"]
    inspectors = [{"id": f"i{i}", "name": f"n{i}", "department": "market_regulation", "team": f"t{i % 5}",
                   "status": "active", "qualifications": [], "conflicts": [], "workload_cap": None} for i in range(300)]
    entropy = [{"label": "bench", "value": "1"}]

    def run() -> jianguan.DrawRecord:
        return sup.draw(plan, roster=roster, inspectors=inspectors, entropy=entropy)

    start = time.monotonic()
    whole = run()
    uninterrupted = time.monotonic() - start
    if uninterrupted < 1.5:
        # A faster machine: more inspectors to key, as many times as needed
        # for a draw of at least two seconds (the cost grows with them).
        more = math.ceil(2.0 / uninterrupted)
        inspectors = [dict(i, id=f"{i['id']}-{k}") for k in range(more) for i in inspectors]
        start = time.monotonic()
        whole = run()
        uninterrupted = time.monotonic() - start
    assert len(whole.visits()) == n // 2
    assert uninterrupted > 1.0, f"the draw took {uninterrupted:.2f} s, too short to interrupt"
    timer = threading.Timer(0.2, _thread.interrupt_main)
    start = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        run()
    interrupted = time.monotonic() - start
    timer.join()
    # The exception arrives long before the draw would have ended (the
    # call returns only once the drawing thread has stopped).
    assert interrupted < uninterrupted / 2, (interrupted, uninterrupted)
    # Nothing is left half-done: the next draw is the same record.
    assert run() == whole
    # Verification re-runs the draw: it stops alike.
    timer = threading.Timer(0.2, _thread.interrupt_main)
    start = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        sup.verify(whole, roster=roster, inspectors=inspectors)
    assert time.monotonic() - start < uninterrupted / 2
    timer.join()


def test_progress_writes_to_the_stream_given() -> None:
    from jianguan._progress import DrawProgress

    out = io.StringIO()
    with DrawProgress("draw", True, out) as report:
        report(0, 2, 0, 0)
    assert out.getvalue().startswith("\rdraw: selecting: 0 of 2 tasks, ") and "done in" in out.getvalue()
    quiet = io.StringIO()
    with DrawProgress("draw", False, quiet) as report:
        report(2, 2, 10, 10)
    assert quiet.getvalue() == ""
