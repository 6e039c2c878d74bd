"""Run a county's double-random draw (双随机) from pandas and look at it:
the register and inspector roster as `jianguan roster generate` writes them,
the plan and the published lottery numbers of examples/plans/. The record is
saved under its digest, for anyone to verify.

    python county_draw.py COUNTY_DIR OUT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

import jianguan

PLANS = Path(__file__).resolve().parents[1] / "plans"


def inspectors_from_csv(path: Path) -> list[dict[str, object]]:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    split = lambda s: [x for x in s.split(";") if x]  # noqa: E731
    return [
        {
            "id": r["id"], "name": r["name"], "department": r["department"], "team": r["team"],
            "status": r["status"], "qualifications": split(r.get("qualifications", "")),
            "conflicts": split(r.get("conflicts", "")),
            "workload_cap": int(r["workload_cap"]) if r.get("workload_cap") else None,
        }
        for r in df.to_dict(orient="records")
    ]


def main(county: str, out: str) -> None:
    entities = pd.read_csv(Path(county) / "entities.csv", dtype=str, keep_default_na=False)
    entities["last_penalty_on"] = entities["last_penalty_on"].replace("", None)
    inspectors = inspectors_from_csv(Path(county) / "inspectors.csv")
    plan = json.loads((PLANS / "pingdu-batch3-2026.json").read_text(encoding="utf-8"))
    entropy = json.loads((PLANS / "entropy-pingdu-batch3-2026.json").read_text(encoding="utf-8"))

    sup = jianguan.Supervisor()
    roster = jianguan.roster(entities)  # checked once, reused by draw and verify
    record = sup.draw(plan, roster=roster, inspectors=inspectors, entropy=entropy)
    visits = record.to_pandas()
    selected = record.selection_to_pandas()
    print(f"{plan['id']}: {len(roster)} entities, {len(visits)} visits, seed {record.seed[:16]}…")
    print(selected.groupby(["task", "class", "part"]).size().rename("drawn").to_string())
    print(visits.head(3).to_string(index=False))
    sup.verify(record, roster=roster, inspectors=inspectors)
    Path(out).mkdir(parents=True, exist_ok=True)
    path = record.save(out)
    print(f"record {record.digest} saved to {path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
