#!/usr/bin/env python3
"""Writes a draw's inputs as one JSON object (plan, roster, history,
inspectors, entropy), the shape the C and Python bindings take
(`jg_supervisor_draw`), from the CSV rosters the `jianguan draw run` command
reads. Columns and list separators (`;`) follow the command's readers, so
the same rosters give the same draw through either path.

    python3 scripts/draw_inputs.py PLAN ENTROPY ENTITIES_CSV INSPECTORS_CSV [HISTORY_CSV] > inputs.json
"""
import csv
import json
import sys


def items(cell):
    return [s.strip() for s in (cell or "").split(";") if s.strip()]


def roster(path):
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            entry = {
                "uscc": row["uscc"],
                "region": row["region"],
                "industries": items(row.get("industries")),
                "status": row["status"],
                "credit_class": row["credit_class"],
                "registered_on": row["registered_on"],
                "last_penalty_on": row.get("last_penalty_on") or None,
            }
            if row.get("weight"):
                entry["weight"] = int(row["weight"])
            out.append(entry)
    return out


def inspectors(path):
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            entry = {
                "id": row["id"],
                "name": row["name"],
                "department": row["department"],
                "team": row["team"],
                "qualifications": items(row.get("qualifications")),
                "status": row["status"],
                "conflicts": items(row.get("conflicts")),
            }
            if row.get("workload_cap"):
                entry["workload_cap"] = int(row["workload_cap"])
            out.append(entry)
    return out


def history(path):
    if not path:
        return []
    with open(path, newline="", encoding="utf-8") as f:
        return [
            {
                "uscc": row["uscc"],
                "date": row["date"],
                "department": row["department"],
                "level": row["level"],
                "items": items(row["items"]),
            }
            for row in csv.DictReader(f)
        ]


def main(argv):
    if len(argv) not in (5, 6):
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        plan = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        entropy = json.load(f)
    inputs = {
        "plan": plan,
        "roster": roster(argv[3]),
        "history": history(argv[5] if len(argv) == 6 else None),
        "inspectors": inspectors(argv[4]),
        "entropy": entropy,
    }
    json.dump(inputs, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv)
