"""Record an inspection result (抽查检查结果) for a visit of a published draw
and see its publication deadline and follow-ups; a result for an entity the
draw did not visit is refused, naming the result's position.

    python record_results.py RECORD_JSON
"""

from __future__ import annotations

import sys
from pathlib import Path

import jianguan


def main(record_path: str) -> None:
    record = jianguan.DrawRecord.from_json(Path(record_path))
    visit = record.to_pandas().iloc[0]
    department = visit["departments"][0]
    sup = jianguan.Supervisor()
    # 6 通过登记的住所（经营场所）无法联系 (the default Zhejiang outcome table):
    # the entity goes on the abnormal-operations list. Formed on 2026-09-25,
    # it is published within 20 working days, across National Day 2026.
    done = sup.record_results(
        record,
        [{"uscc": visit["uscc"], "department": department, "concluded_on": "2026-09-25", "outcomes": ["6"]}],
    )
    (result,) = done.results
    events = ", ".join(f["event"] for f in result["follow_ups"])
    print(f"result for {result['uscc']} by {department}: publish by {result['publish_by']}; follow-ups: {events}")
    print(f"history for the next draw: {done.history[0]}")
    try:
        sup.record_results(
            record,
            [{"uscc": "914403001922038216", "department": department, "concluded_on": "2026-09-25", "outcomes": ["1"]}],
        )
    except jianguan.ResultsError as e:
        print(f"refused as expected ({e.kind}): {e}")


if __name__ == "__main__":
    main(sys.argv[1])
