#!/usr/bin/env python3
"""The Python side of scripts/bench-python-draw.sh: the benchmark plan
(sdk/benches/draw-plan.json) drawn through jianguan from a pandas DataFrame,
beside pandas' and polars' stratified sampling on the same frame.

Usage: python_draw.py RUST_JSON REPEAT

RUST_JSON is what `examples/draw_throughput.rs` printed: its roster CSV (every
column) is read into a pandas DataFrame with pyarrow-backed columns, as a data
team holds a register (reading is not timed). Timed by wall clock, one
warm-up then REPEAT runs, medians reported, as the Rust side:

- from_frame: jianguan.Supervisor.draw(plan, roster=DataFrame, ...): the frame
  read through the Arrow PyCapsule interface, the roster fixed (checked,
  sorted, digest), the whole draw (pools, takes, selection, visits,
  inspectors); compare with Rust's from_entries;
- fixed: the whole draw over a jianguan.Roster fixed beforehand;
- select: the stratified selection alone (Setup.select_targets: pools, takes,
  selection, returned as a pyarrow Table) over the fixed roster; compare with
  Rust's select and with pandas and polars sampling (draw_baselines.py: pandas'
  DataFrame.sample per stratum, the fastest pandas+numpy idiom, and polars),
  which draw the same number from each stratum. These quick steps run at
  least 15 times (REPEAT if more).

Every jianguan record must have the digest the Rust side printed: the same
draw. Prints one JSON object.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable

import pandas as pd
import polars as pl

import jianguan

sys.path.insert(0, str(Path(__file__).resolve().parent))
import draw_baselines as base  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[int], Any]:
    times, out = [], None
    for round_ in range(repeat + 1):
        del out
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            out = fn()
            t1 = time.perf_counter()
        finally:
            gc.enable()
        if round_ > 0:  # round 0 is the warm-up
            times.append(round((t1 - t0) * 1e9))
    return times, out


def median(v: list[int]) -> int:
    return sorted(v)[len(v) // 2]


def main(rust_json: str, repeat: int) -> None:
    rust = json.loads(Path(rust_json).read_text())
    csv = rust["roster_csv"]
    plan = json.loads((ROOT / "sdk" / "benches" / "draw-plan.json").read_text())
    inspectors = json.loads((Path(csv).parent / "inspectors.json").read_text())
    entropy = [{"label": "bench", "value": "1"}]
    frame = pd.read_csv(csv, engine="pyarrow", dtype_backend="pyarrow")
    n = len(frame)
    assert n == rust["rows"]
    sup = jianguan.Supervisor()

    t_frame, record = timed(
        lambda: sup.draw(plan, roster=frame, inspectors=inspectors, entropy=entropy), repeat
    )
    if record.digest != rust["digest"]:
        raise SystemExit(f"from_frame: record {record.digest}, Rust drew {rust['digest']}")

    roster = jianguan.roster(frame)
    roster.digest
    t_fixed, record = timed(
        lambda: sup.draw(plan, roster=roster, inspectors=inspectors, entropy=entropy), repeat
    )
    if record.digest != rust["digest"]:
        raise SystemExit(f"fixed: record {record.digest}, Rust drew {rust['digest']}")
    drawn = {s["class"]: 0 for s in record.to_dict()["tasks"][0]["strata"]}
    for s in record.to_dict()["tasks"][0]["strata"]:
        drawn[s["class"]] += s["take"]

    # The selection and the baselines take well under a second: at least 15
    # runs each, as the Rust side (draw_throughput.rs), for steadier medians.
    quick = max(repeat, 15)
    setup = sup.draw_setup(plan, targets_digest=roster.digest, inspectors=inspectors, entropy=entropy)
    t_select, table = timed(lambda: setup.select_targets(0, roster), quick)
    counts = table.to_pandas()["class"].value_counts().to_dict()
    if {k: counts.get(k, 0) for k in drawn} != drawn:
        raise SystemExit(f"select: drew {counts}, the record {drawn}")

    # The baselines, on the same entities (uscc and class, class categorical).
    pdf = pd.DataFrame({"uscc": frame["uscc"].astype(str), base.CLASS: frame["credit_class"].astype(str).astype("category")})
    pldf = pl.DataFrame({"uscc": pdf["uscc"].to_numpy(), base.CLASS: pdf[base.CLASS].astype(str).to_numpy()})
    pldf = pldf.with_columns(pl.col(base.CLASS).cast(pl.Enum(list(base.CLASSES))))
    want = base.expected_takes(base.pd_counts(pdf))
    if want != drawn:
        raise SystemExit(f"the baselines' takes {want} differ from the record's {drawn}")
    uniq_pd = lambda out: out["uscc"].nunique()  # noqa: E731
    uniq_pl = lambda out: out["uscc"].n_unique()  # noqa: E731
    t_pd_api = base.time_idiom(base.pd_loop_sample, pdf, quick, base.pd_counts, want, uniq_pd, "pandas API")
    t_pd = base.time_idiom(base.PANDAS_IDIOMS[base.PANDAS_KEPT], pdf, quick, base.pd_counts, want, uniq_pd, "pandas+numpy")
    t_pl = base.time_idiom(base.POLARS_IDIOMS[base.POLARS_KEPT], pldf, quick, base.pl_counts, want, uniq_pl, "polars")

    print(json.dumps({
        "rows": n,
        "repeat": repeat,
        "repeat_select": quick,
        "digest": record.digest,
        "python": {"from_frame_ns": median(t_frame), "fixed_ns": median(t_fixed), "select_ns": median(t_select),
                   "all": {"from_frame": t_frame, "fixed": t_fixed, "select": t_select}},
        "rust": {k: rust[k] for k in ("from_entries_ns", "fixed_ns", "select_ns")},
        "baselines": {"pandas_api_ns": median(t_pd_api), "pandas_numpy_ns": median(t_pd), "polars_ns": median(t_pl),
                      "kept": {"pandas": base.PANDAS_KEPT, "polars": base.POLARS_KEPT}},
        "versions": {"pandas": pd.__version__, "polars": pl.__version__, "python": sys.version.split()[0]},
        "machine": base.machine_info(),
    }))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
