#!/usr/bin/env bash
# Benchmarks jianguan's verifiable stratified random draw against stratified
# sampling in pandas and polars on the same synthetic roster, then prints the
# median times and whether the targets are met: at least 10x faster than
# pandas, and no slower than polars (polars time / jianguan time >= 1.0).
#
# Usage: scripts/bench-draw.sh [--rows "N..."] [--repeat R] [-- CRITERION_ARGS...]
#   --rows    roster sizes (default "1000000 10000000"); also narrows criterion
#             to those sizes, so pass no filter of your own with it
#   --repeat  timed Python runs per size after one warm-up (default 5)
#   anything else (after an optional --) goes to criterion, e.g. --sample-size 10
# The Python baselines run in a venv at target/bench-venv, made on first use
# from scripts/bench/requirements.txt and remade when that file changes.
set -euo pipefail
cd "$(dirname "$0")/.."

rows="1000000 10000000"
rows_given=0
repeat=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; rows_given=1; shift 2 ;;
    --rows=*) rows="${1#--rows=}"; rows_given=1; shift ;;
    --repeat) repeat="$2"; shift 2 ;;
    --repeat=*) repeat="${1#--repeat=}"; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
criterion_args=("$@")
if [[ $rows_given == 1 ]]; then
  # Criterion filters benchmark ids by regex: run only the asked-for sizes.
  criterion_args=("draw_stratified/jianguan/(${rows// /|})\$" "${criterion_args[@]}")
fi

venv=target/bench-venv
req=scripts/bench/requirements.txt
if ! cmp -s "$req" "$venv/requirements.txt"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r "$req"
  cp "$req" "$venv/requirements.txt"  # stamp: reinstall only when the pins change
fi

data=target/bench-data
mkdir -p "$data"
for n in $rows; do
  csv="$data/roster-$n.csv"
  if [[ ! -s $csv ]]; then
    # Written aside and renamed, so that an interrupted run leaves no half file
    # to be reused next time.
    cargo run --release --locked -p jianguan-cli -- draw bench-roster --rows "$n" --out "$csv.tmp"
    mv "$csv.tmp" "$csv"
  fi
done

cargo bench --locked -p jianguan --bench draw -- "${criterion_args[@]}"

csvs=()
for n in $rows; do csvs+=("$data/roster-$n.csv"); done
# OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE may be set on this machine for old
# OpenBLAS builds; they slow a current numpy, so not for the baselines.
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
  "$venv/bin/python" scripts/bench/draw_baselines.py --repeat "$repeat" \
  --out "$data/baselines.json" "${csvs[@]}"

"$venv/bin/python" - "$data/baselines.json" $rows <<'PY'
import json, pathlib, sys
base = json.loads(pathlib.Path(sys.argv[1]).read_text())
crit = pathlib.Path("target/criterion/draw_stratified/jianguan")
m, v = base["machine"], base["versions"]
print(f"\n{m['cpu_model']}, {m['nproc']} cores; pandas {v['pandas']}, polars {v['polars']},"
      f" numpy {v['numpy']}; medians (Python: of {base['repeat']} runs after a warm-up)")
print(f"{'rows':>9} {'jianguan ms':>12} {'pandas ms':>10} {'polars ms':>10}"
      f" {'pandas/jianguan':>16} {'polars/jianguan':>16}  targets")
for n in sys.argv[2:]:
    f = crit / n / "new" / "estimates.json"
    pd_ns, pl_ns = base["pandas"][n], base["polars"][n]
    if not f.exists():
        print(f"{n:>9} {'-':>12} {pd_ns / 1e6:>10.1f} {pl_ns / 1e6:>10.1f}"
              f"  (no criterion result: {f})")
        continue
    jg_ns = json.loads(f.read_text())["median"]["point_estimate"]
    vs_pd, vs_pl = pd_ns / jg_ns, pl_ns / jg_ns
    marks = (f"pandas>=10x {'met' if vs_pd >= 10 else 'NOT met'},"
             f" polars>=1.0 {'met' if vs_pl >= 1.0 else 'NOT met'}")
    print(f"{n:>9} {jg_ns / 1e6:>12.2f} {pd_ns / 1e6:>10.1f} {pl_ns / 1e6:>10.1f}"
          f" {vs_pd:>15.1f}x {vs_pl:>16.2f}  {marks}")
PY
