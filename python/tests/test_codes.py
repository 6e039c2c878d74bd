"""Making codes (issue 19, point 7): GB 32100 check characters for a
17-character body, the GB 11714 organisation-code check where a 16-character
body asks for it, and the synthetic county generator as frames."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import jianguan
from conftest import VECTORS, load

VALID = [c for c in load(VECTORS / "uscc.json")["cases"] if c["valid"]]


@pytest.mark.parametrize("case", VALID, ids=[c["code"] for c in VALID])
def test_the_check_character_of_published_codes(case: dict[str, str]) -> None:
    code = case["code"]
    assert jianguan.make_uscc(code[:17]) == code
    # Their organisation codes pass GB 11714 too (RULES.md §11.3): from 16
    # characters both check characters come out as published.
    assert jianguan.make_uscc(code[:16]) == code


def test_the_gb_11714_worked_figures() -> None:
    # RULES.md §11.1: weights 3 7 9 10 5 8 4 2 on 19220382 give
    # 3+63+18+20+0+24+32+4 = 164, 164 mod 11 = 10, 11 - 10 = 1.
    assert jianguan.make_uscc("9144030019220382")[16] == "1"
    # 91310000631295002H passes GB 32100 but not GB 11714: made from 16
    # characters it gets the organisation check character GB 11714 gives.
    made = jianguan.make_uscc("9131000063129500")
    assert made != "91310000631295002H" and jianguan.check_uscc(made).warnings == []
    assert jianguan.check_uscc("91310000631295002H").warnings != []


def test_bad_bodies_are_uscc_errors() -> None:
    with pytest.raises(jianguan.UsccError, match="has 15 characters; give 17"):
        jianguan.make_uscc("914403001922038")
    with pytest.raises(jianguan.UsccError, match="character 'I' at position 2"):
        jianguan.make_uscc("9I4403001922038216"[:17])
    with pytest.raises(jianguan.UsccError, match=r"^bodies\[1\]: "):
        jianguan.make_uscc_many(["91440300192203821", "914403001922038"])
    with pytest.raises(jianguan.InvalidTypeError):
        jianguan.make_uscc(914403001922038)  # type: ignore[arg-type]
    assert jianguan.make_uscc_many([c["code"][:17] for c in VALID]) == [c["code"] for c in VALID]


def test_a_generated_county_as_frames(sup: jianguan.Supervisor) -> None:
    county = jianguan.generate_county(500, seed=7, as_of="2026-11-28")
    e = county.entities
    assert isinstance(e, pd.DataFrame) and len(e) == 500
    assert {"uscc", "region", "status", "credit_class", "registered_on", "industries"} <= set(e.columns)
    assert jianguan.check_uscc_many(e["uscc"]) == [None] * 500
    assert e["uscc"].is_unique and (e["registered_on"] <= pd.Timestamp("2026-11-28")).all()
    assert isinstance(county.inspectors, pd.DataFrame) and len(county.inspectors) > 0
    assert set(county.penalties["uscc"]) <= set(e["uscc"])
    # The same rows every time, and the first rows of a larger county.
    assert jianguan.generate_county(200, seed=7, as_of=dt.date(2026, 11, 28)).entities.equals(e.head(200))
    assert not jianguan.generate_county(200, seed=8).entities["uscc"].equals(e["uscc"].head(200))
    # The frames go into a draw as they are: the roster's extra columns are
    # ignored, the inspectors' `;` lists read as the command reads them.
    roster = jianguan.roster(e)
    assert len(roster) == 500
    with pytest.raises(jianguan.InvalidInputError, match="is zero"):
        jianguan.generate_county(0)
