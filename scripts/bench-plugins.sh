#!/usr/bin/env bash
# Benchmarks batch grading through the loaded food plugin against the same
# crate linked statically, then prints loaded/static throughput per batch size.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p jianguan-food
cargo bench --locked -p jianguan --bench plugin_grading -- "$@"
python3 - <<'PY'
import json, pathlib
base = pathlib.Path("target/criterion/food_grading")
print(f"{'rows':>8} {'static ns/row':>14} {'loaded ns/row':>14} {'loaded/static throughput':>26}")
for n in (1, 64, 1000, 100000):
    est = {}
    for kind in ("static", "loaded"):
        f = base / kind / str(n) / "new" / "estimates.json"
        est[kind] = json.loads(f.read_text())["median"]["point_estimate"] / n
    print(f"{n:>8} {est['static']:>14.1f} {est['loaded']:>14.1f} {est['static'] / est['loaded']:>26.3f}")
PY
