"""Verify a published draw record as an auditor would: re-run it over the
rosters it names and compare; then show a tampered copy refused, naming the
first field that differs.

    python verify_record.py RECORD.json COUNTY_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

import jianguan
from county_draw import inspectors_from_csv


def main(record_path: str, county: str) -> None:
    record = jianguan.DrawRecord.from_json(Path(record_path))
    entities = pd.read_csv(Path(county) / "entities.csv", dtype=str, keep_default_na=False)
    entities["last_penalty_on"] = entities["last_penalty_on"].replace("", None)
    inspectors = inspectors_from_csv(Path(county) / "inspectors.csv")
    sup = jianguan.Supervisor()
    sup.verify(record, roster=entities, inspectors=inspectors)
    print(f"verified: {record.digest} is the draw these rosters give")

    tampered = record.to_dict()
    first = tampered["visits"][0]
    first["inspectors"][0]["inspectors"].reverse()
    forged = jianguan.DrawRecord.from_json_text(json.dumps(tampered, ensure_ascii=False))
    try:
        sup.verify(forged, roster=entities, inspectors=inspectors)
    except jianguan.VerificationError as e:
        print(f"tampered copy refused: {e}")
    else:
        raise SystemExit("a tampered record verified")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
