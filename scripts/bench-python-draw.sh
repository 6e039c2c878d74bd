#!/usr/bin/env bash
# Benchmarks the draw from Python against the same draw through the Rust API
# and against pandas' and polars' stratified sampling on the same frame
# (scripts/bench/python_draw.py says what is timed), then prints the table
# and whether the targets are met: jianguan from Python at least 0.8 of the
# Rust API's throughput with the DataFrame's conversion included, and the
# selection at least 10x faster than pandas.
#
# Usage: scripts/bench-python-draw.sh [ROWS] [REPEAT]   (default 10000000 5)
# The package is built in release mode into the venv of scripts/python-env.sh;
# the roster (a CSV with every column) goes to target/bench-data/.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
repeat=${2:-5}
data=target/bench-data
mkdir -p "$data"

py=$(bash scripts/python-env.sh --release)
cargo build --release --locked -q -p jianguan --example draw_throughput
target/release/examples/draw_throughput "$rows" "$repeat" "$data" > "$data/rust-$rows.json"
# OPENBLAS_* may be set on this machine for old OpenBLAS builds; they slow a
# current numpy, so not for the baselines (as scripts/bench-draw.sh).
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
  "$py" scripts/bench/python_draw.py "$data/rust-$rows.json" "$repeat" > "$data/python-$rows.json"

"$py" - "$data/python-$rows.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
py, rs, b = r["python"], r["rust"], r["baselines"]
ms = lambda ns: f"{ns / 1e6:,.1f}"
print(f"\n{r['rows']:,} entities; {r['machine']['cpu_model']}, {r['machine']['nproc']} cores;"
      f" medians of {r['repeat']} runs after a warm-up ({r['repeat_select']} for the selection and the"
      f" baselines); record {r['digest'][:16]} on every path")
print(f"{'step':<48} {'Rust API':>10} {'Python':>10} {'Python/Rust throughput':>24}")
rows = [("fix the roster + whole draw (from entries / frame)", rs["from_entries_ns"], py["from_frame_ns"]),
        ("whole draw over a fixed roster", rs["fixed_ns"], py["fixed_ns"]),
        ("stratified selection over a fixed roster", rs["select_ns"], py["select_ns"])]
for name, a, p in rows:
    print(f"{name:<48} {ms(a):>8} ms {ms(p):>8} ms {a / p:>23.2f}")
print(f"\nsampling the same strata of the same frame: pandas DataFrame.sample {ms(b['pandas_api_ns'])} ms,"
      f" pandas+numpy ({b['kept']['pandas']}) {ms(b['pandas_numpy_ns'])} ms, polars ({b['kept']['polars']}) {ms(b['polars_ns'])} ms")
sel = py["select_ns"]
print(f"jianguan selection from Python: {b['pandas_api_ns'] / sel:.1f}x pandas, {b['pandas_numpy_ns'] / sel:.1f}x pandas+numpy,"
      f" {b['polars_ns'] / sel:.1f}x polars")
ok = lambda c: "met" if c else "NOT met"
ratio = rs["from_entries_ns"] / py["from_frame_ns"]
print(f"targets: Python >= 0.8 of Rust with conversion: {ratio:.2f} {ok(ratio >= 0.8)};"
      f" >= 10x pandas (selection): {b['pandas_api_ns'] / sel:.1f}x {ok(b['pandas_api_ns'] / sel >= 10)}")
PY
