#!/usr/bin/env python3
"""Synthetic inspection results for the visits of a draw record (main job).

Usage: python3 scripts/county_results.py RECORD.json RESULTS.json

Each department of each visit concludes on a day of the plan's period and
ticks one or more outcome codes of the default table (RULES.md §1.4). The
shares are assumptions for a demonstration, not statistics: most visits find
nothing (1); a few find the entity unreachable at its registered address (6),
a problem corrected on the spot (E), a problem for follow-up (A), information
not published (B), no such business (F), or serious non-cooperation (8).
Deterministic: outcomes depend on a hash of the code and department only.
"""

import datetime
import hashlib
import json
import sys

SHARES = [("1", 80), ("6", 5), ("E", 5), ("A", 4), ("B", 3), ("F", 2), ("8", 1)]


def pick(uscc, department):
    h = int.from_bytes(hashlib.sha256(f"{uscc}/{department}".encode()).digest()[:8], "big")
    bucket = h % 100
    for code, share in SHARES:
        if bucket < share:
            return code, h
        bucket -= share
    return "1", h


def main(record_path, out_path):
    record = json.load(open(record_path, encoding="utf-8"))
    start, end = (datetime.date.fromisoformat(d) for d in record["plan"]["period"])
    days = (end - start).days + 1
    results = []
    for visit in record["visits"]:
        for department in visit["departments"]:
            code, h = pick(visit["uscc"], department)
            outcomes = [code]
            if code == "A" and h % 3 == 0:
                outcomes.append("E")  # a problem partly corrected on the spot
            results.append({
                "uscc": visit["uscc"],
                "department": department,
                "concluded_on": str(start + datetime.timedelta(days=(h >> 16) % days)),
                "outcomes": outcomes,
            })
    json.dump(results, open(out_path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(f"{len(results)} results for {len(record['visits'])} visits written to {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:])
