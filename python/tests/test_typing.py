"""Typing that catches mistakes (issue 19, point 8): ``mypy --strict``
refuses a draw with every argument wrong, accepts the right ones, and the
types it reveals name no private module."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]

WRONG = """\
import jianguan

sup = jianguan.Supervisor()
sup.draw(
    42,  # a plan is a path, a stream or a dict
    roster=3,
    inspectors="inspectors.csv",
    entropy="福彩 2026137",
    history=1.5,
)
sup.grade("food", 7)
jianguan.DrawRecord.from_json(b"{}")
jianguan.make_uscc(914403001922038)
sup.duties("special_equipment", [], as_of=20260301)
jianguan.Supervisor(catalog=3, plugins_dir=4)
"""
# The lines mypy must flag in WRONG (1-based).
WRONG_LINES = {5, 6, 7, 8, 9, 11, 12, 13, 14, 15}

RIGHT = """\
import datetime
import io
from pathlib import Path

import numpy as np
import pandas as pd

import jianguan

sup = jianguan.Supervisor(catalog=Path("catalog.json"), plugins_dir="plugins/")
roster = pd.read_csv("roster.csv")
record = sup.draw(
    "plan.json",
    roster=roster,
    inspectors=[{"id": "1", "qualifications": "food_sales;catering"}],
    entropy=[{"label": "福彩", "value": "03 07"}, ("体彩", "4 0 9")],
    history={"uscc": [], "date": []},
)
again = sup.draw(io.StringIO("{}"), roster=jianguan.roster(roster), inspectors=roster, entropy=roster)
saved: Path = record.save("records")
jianguan.DrawRecord.from_json(saved)
grades = sup.grade("food", roster, id="code")
sup.duties("special_equipment", [{"category": "boiler"}], as_of=datetime.date(2026, 3, 1))
code: str = jianguan.make_uscc("91440300192203821")
county = jianguan.generate_county(1000, seed=7)
sup.grade("food", {"business_type": np.array(["seller"]), "static_score": (10,), "dynamic_score": [2.5]})
reveal_type(sup.draw)
reveal_type(jianguan.roster)
reveal_type(sup.grade)
reveal_type(jianguan.Supervisor.__init__)
"""


def mypy(tmp: Path, name: str, text: str) -> list[str]:
    script = tmp / name
    script.write_text(text, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(PACKAGE / "pyproject.toml"),
         "--no-incremental", "--cache-dir", str(tmp / "cache"), str(script)],
        cwd=PACKAGE, capture_output=True, text=True, check=False,
    )
    return out.stdout.splitlines()


def test_wrong_arguments_fail_mypy_strict(tmp_path: Path) -> None:
    lines = mypy(tmp_path, "wrong.py", WRONG)
    flagged = {int(m.group(1)) for line in lines if (m := re.match(r".*wrong\.py:(\d+): error:", line))}
    assert flagged == WRONG_LINES, "\n".join(lines)


def test_right_arguments_pass_and_reveal_no_private_module(tmp_path: Path) -> None:
    lines = mypy(tmp_path, "right.py", RIGHT)
    errors = [line for line in lines if ": error:" in line]
    assert errors == [], "\n".join(lines)
    revealed = [line for line in lines if "Revealed type" in line]
    assert len(revealed) == 4, "\n".join(lines)
    for line in revealed:
        assert "jianguan._native" not in line and "jianguan._input" not in line, line
    assert "jianguan.typing.ArrowStreamExportable" in revealed[0], revealed[0]
    assert "jianguan.Roster" in revealed[0] and "jianguan.Roster" in revealed[1], revealed[:2]
