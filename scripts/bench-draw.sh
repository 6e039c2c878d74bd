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
print("pandas: DataFrame.sample per stratum (pandas' sampling API); pandas+numpy:"
      " groupby().indices with numpy Generator.choice (fastest pandas-side idiom);"
      f" polars: {base['kept']['polars']}")
print(f"{'rows':>9} {'jianguan':>9} {'pandas':>8} {'pd+numpy':>9} {'polars':>8}"
      f" {'x pandas':>9} {'x pd+numpy':>11} {'x polars':>9}  targets (ms; x = their time / ours)")
for n in sys.argv[2:]:
    f = crit / n / "new" / "estimates.json"
    api_ns, pd_ns, pl_ns = base["pandas_api"][n], base["pandas"][n], base["polars"][n]
    if not f.exists():
        print(f"{n:>9} {'-':>9} {api_ns / 1e6:>8.1f} {pd_ns / 1e6:>9.1f} {pl_ns / 1e6:>8.1f}"
              f"  (no criterion result: {f})")
        continue
    jg_ns = json.loads(f.read_text())["median"]["point_estimate"]
    vs_api, vs_pd, vs_pl = api_ns / jg_ns, pd_ns / jg_ns, pl_ns / jg_ns
    ok = lambda c: "met" if c else "NOT met"
    marks = (f"10x pandas {ok(vs_api >= 10)}, 10x pd+numpy {ok(vs_pd >= 10)},"
             f" polars {ok(vs_pl >= 1.0)}")
    print(f"{n:>9} {jg_ns / 1e6:>9.2f} {api_ns / 1e6:>8.1f} {pd_ns / 1e6:>9.1f} {pl_ns / 1e6:>8.1f}"
          f" {vs_api:>8.1f}x {vs_pd:>10.1f}x {vs_pl:>8.2f}x  {marks}")
PY
