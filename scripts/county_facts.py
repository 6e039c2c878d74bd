#!/usr/bin/env python3
"""Writes county-scale fact tables for the industry plugins.

Usage: county_facts.py OUT_DIR

Reads OUT_DIR/entities.csv (from `jianguan roster generate`) and, for each
plugin, writes OUT_DIR/facts/<plugin>-grading.csv: one row per operating
entity in one of the plugin's industries, keyed by its code (`uscc`). The
synthetic roster carries no industry facts (scores, inventories, equipment),
so each entity takes one of the plugin's fixture rows (plugins/*/fixtures/
grading.json, which cover every grade and boundary), chosen by a hash of its
code, and then the facts the roster does know are made consistent with it:
the food business type and the drug category follow the entity's industry,
food risk scores are drawn from the hash over their whole ranges, and a drug
or device business with credit class C or D has a bad credit record.
Deterministic, and a stand-in for real facts, not a statistic.
"""

import csv
import hashlib
import json
import pathlib
import sys

PLUGINS = {
    # plugin id: (fixture folder, SDK industry ids it grades)
    "food": ("food", {"food_production", "food_sales", "catering"}),
    "drugs": ("drugs", {"drug_manufacturing", "drug_wholesale", "drug_retail",
                        "medical_device_trade", "cosmetics_trade"}),
    "special_equipment": ("special-equipment", {"special_equipment_use"}),
    "hazardous_chemicals": ("hazardous-chemicals", {"hazardous_chemical_production",
                                                    "hazardous_chemical_storage",
                                                    "hazardous_chemical_trade"}),
}


FOOD_TYPES = {"food_production": "producer", "food_sales": "seller", "catering": "caterer"}
DRUG_CATEGORIES = {"drug_wholesale": "drug_wholesaler", "drug_retail": "drug_retailer",
                   "medical_device_trade": "device_trader", "cosmetics_trade": "cosmetics_operator"}
DRUG_MAKERS = ["special_control_drug_maker", "high_risk_drug_maker", "other_drug_maker",
               "drug_material_supplier"]


def derive(plugin, entity, ours, row, h):
    """Makes the fixture row agree with what the roster knows of the entity."""
    row = dict(row)
    first = sorted(ours)[0]
    if plugin == "food":
        row["business_type"] = FOOD_TYPES[first]
        row["static_score"] = h % 41
        row["dynamic_score"] = (h >> 16) % 61
    elif plugin == "drugs":
        row["category"] = DRUG_CATEGORIES.get(first) or DRUG_MAKERS[(h >> 16) % len(DRUG_MAKERS)]
        row["bad_credit_record"] = entity["credit_class"] in ("C", "D")
    return row


def cell(value):
    if value is None:
        return ""
    if value == "":
        return "none"  # an empty CSV cell would read as a missing fact
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def main(out):
    root = pathlib.Path(__file__).resolve().parent.parent
    with open(out / "entities.csv", newline="", encoding="utf-8") as f:
        entities = [r for r in csv.DictReader(f) if r["status"] == "operating"]
    (out / "facts").mkdir(exist_ok=True)
    for plugin, (folder, industries) in PLUGINS.items():
        fixtures = json.loads((root / "plugins" / folder / "fixtures" / "grading.json").read_text("utf-8"))
        columns = ["bad_credit_record"] if plugin == "drugs" else []
        for row in fixtures:
            columns += [k for k in row if k not in columns]
        path = out / "facts" / f"{plugin}-grading.csv"
        n = 0
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["uscc"] + columns)
            for e in entities:
                ours = industries.intersection(filter(None, e["industries"].split(";")))
                if not ours:
                    continue
                h = int.from_bytes(hashlib.sha256(e["uscc"].encode()).digest()[:8], "big")
                row = derive(plugin, e, ours, fixtures[h % len(fixtures)], h)
                w.writerow([e["uscc"]] + [cell(row.get(c)) for c in columns])
                n += 1
        print(f"{path}: {n} rows")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
