#!/usr/bin/env python3
"""The main job's Python step, as a data team would run it over the county
(run with the venv of scripts/python-env.sh):

1. read the register, the inspector roster and batch 3's history into pandas
   (the CSV files as they are), and make the same county with
   ``jianguan.generate_county``: the register must be the command's;
2. grade the county's food businesses through the loaded plugins from a
   DataFrame, and check every grade against the Rust command's;
3. draw batch 3 from the DataFrame; the record must be the Rust command's,
   byte for byte (its strata printed as a table); record the results entered for its visits
   (batch3-results-entered.json beside the record): deadlines and follow-ups
   must be the command's;
4. draw the joint batch 4 (with batch 3's history) on Dask: a LocalCluster of
   two worker processes over the register in 8 partitions; the record must
   again be the Rust command's, byte for byte.

Usage: county_python.py OUT_DIR BATCH3_RECORD BATCH4_RECORD
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import logging

import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, LocalCluster

import jianguan
import jianguan.dask

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "examples" / "plans"


def main(out: str, batch3: str, batch4: str) -> None:
    county = Path(out)
    t0 = time.perf_counter()
    entities = pd.read_csv(county / "entities.csv", dtype=str, keep_default_na=False, engine="pyarrow")
    entities["last_penalty_on"] = entities["last_penalty_on"].replace("", None)
    # The inspectors' and history's CSV files go in as read: `;` lists in
    # text, empty cells missing, as the command reads them (docs/python.md).
    inspectors = pd.read_csv(county / "inspectors.csv", dtype=str, keep_default_na=False)
    history = pd.read_csv(county / "draws" / "history.csv", dtype=str, keep_default_na=False)
    print(f"read {len(entities):,} entities, {len(inspectors)} inspectors, {len(history):,} past inspections"
          f" ({time.perf_counter() - t0:.1f} s)")

    # The same county made from Python: the generator the command runs.
    spec = json.loads((county / "spec.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    made = jianguan.generate_county(spec["entities"], seed=spec["seed"], as_of=spec["as_of"])
    if made.entities["uscc"].tolist() != entities["uscc"].tolist():
        raise SystemExit("jianguan.generate_county differs from `roster generate`")
    print(f"generate_county({spec['entities']:,}, seed={spec['seed']}) from Python in"
          f" {time.perf_counter() - t0:.1f} s: the command's register, code for code")

    sup = jianguan.Supervisor(plugins_dir=county / "plugins")
    print("plugins:", ", ".join(f"{p.id} {p.version}" for p in sup.plugins()))
    facts = pd.read_csv(county / "facts" / "food-grading.csv", engine="pyarrow")
    t0 = time.perf_counter()
    grades = sup.grade("food", facts)
    took = time.perf_counter() - t0
    rust = json.loads((county / "facts" / "food-grades.json").read_text(encoding="utf-8"))
    labels = [g["grade"] for g in rust]
    if grades.grade != labels:
        raise SystemExit("the Python grades differ from the Rust command's")
    summary = grades.counts()
    print(f"graded {len(grades):,} food businesses from a DataFrame in {took * 1000:.0f} ms: {summary};"
          " every grade equals the Rust command's")

    plan3 = json.loads((PLANS / "pingdu-batch3-2026.json").read_text(encoding="utf-8"))
    entropy3 = json.loads((PLANS / "entropy-pingdu-batch3-2026.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    record3 = sup.draw(plan3, roster=entities, inspectors=inspectors, entropy=entropy3)
    took = time.perf_counter() - t0
    if record3.to_json() != Path(batch3).read_text(encoding="utf-8"):
        raise SystemExit("the Python record of batch 3 differs from the Rust command's")
    visits = record3.to_pandas()
    print(f"batch 3 drawn from the DataFrame in {took * 1000:.0f} ms: {len(visits)} visits;"
          f" the record is the Rust record byte for byte ({record3.digest[:16]}…)")
    print(visits.head(3).to_string(index=False))
    print(record3.strata().to_pandas().to_string(index=False))

    # The results the inspectors entered for batch 3, recorded from Python
    # through the same facade method as the command's `draw results`.
    entered = json.loads((Path(batch3).parent / "batch3-results-entered.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    recorded = sup.record_results(record3, entered)
    took = time.perf_counter() - t0
    command = json.loads((Path(batch3).parent / "batch3-results.json").read_text(encoding="utf-8"))
    if recorded.results != command:
        raise SystemExit("the Python results of batch 3 differ from the Rust command's")
    events = sum(len(r["follow_ups"]) for r in recorded.results)
    print(f"batch 3's {len(recorded):,} results recorded from Python in {took * 1000:.0f} ms"
          f" ({events} follow-up events); every deadline and event equals the Rust command's")

    plan4 = json.loads((PLANS / "pingdu-joint-2026.json").read_text(encoding="utf-8"))
    entropy4 = json.loads((PLANS / "entropy-pingdu-joint-2026.json").read_text(encoding="utf-8"))
    # The register as a province keeps it: Parquet files, one per partition,
    # read by Dask itself.
    register = county / "register"
    register.mkdir(exist_ok=True)
    table = pa.Table.from_pandas(entities, preserve_index=False)
    step = -(-len(entities) // 8)
    for k in range(8):
        pq.write_table(table.slice(k * step, step), register / f"part-{k}.parquet")
    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        frame = dd.read_parquet(str(register))
        assert frame.npartitions == 8
        t0 = time.perf_counter()
        record4 = jianguan.dask.draw(sup, plan4, roster=frame, inspectors=inspectors, entropy=entropy4, history=history)
        took = time.perf_counter() - t0
    if record4.to_json() != Path(batch4).read_text(encoding="utf-8"):
        raise SystemExit("the Dask record of batch 4 differs from the Rust command's")
    print(f"batch 4 drawn on Dask (2 worker processes, 8 partitions) in {took:.1f} s:"
          f" {len(record4.to_dict()['visits'])} visits; the record is the Rust record byte for byte"
          f" ({record4.digest[:16]}…)")


if __name__ == "__main__":
    main(*sys.argv[1:4])
