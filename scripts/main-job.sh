#!/usr/bin/env bash
# The main job: build everything, then run the most complete end-to-end run
# the project can do so far on a generated county.
#
#   1. generate a Pingdu-scale county (JIANGUAN_ENTITIES, default 150000):
#      entities with credit profiles, penalties, credit-list memberships, and
#      an inspector roster, as CSV and JSON Lines under out/county/;
#   2. verify every generated unified social credit code (GB 32100-2015);
#   3. print the supervision catalog and the responsibility summary (who
#      supervises each item, Pingdu plan §(一), §(二));
#   4. compute working-day deadlines across official holidays;
#   5. install the four industry plugins into a plugins folder, list them,
#      risk-grade every operating food, drug, special-equipment and
#      hazardous-chemical business of the county through the loaded plugins,
#      and run their due-date duties and criminal-referral assessments;
#   6. draw inspection batch 3 (targets and inspectors, 双随机), verify it,
#      record its results (deadlines, follow-up events) as history, then draw
#      the joint batch 4 against that history and verify it; show the RFC
#      3797 mode on the RFC's own example;
#   7. do it again from C through libjianguan (include/jianguan.h): a C host
#      loads the same plugins folder, where a plugin written in C
#      (product_quality) sits beside the Rust ones, checks every code of the
#      register and draws batch 3; the Rust command verifies the C record,
#      which must be the Rust record byte for byte;
#   8. and from Python (scripts/county_python.py, the package built into the
#      venv of scripts/python-env.sh): grade the food businesses and draw
#      batch 3 from pandas DataFrames, and batch 4 on Dask over two worker
#      processes; every grade and both records must equal the Rust ones.
set -euo pipefail
cd "$(dirname "$0")/.."

entities=${JIANGUAN_ENTITIES:-150000}
seed=${JIANGUAN_SEED:-20210725}
out=out/county

step() { printf '\n==> %s\n' "$*"; }

step "build (release)"
cargo build --release --workspace --locked
bin=target/release/jianguan

step "generate a county of $entities entities (seed $seed) into $out"
"$bin" roster generate --entities "$entities" --seed "$seed" --out "$out" --jsonl

step "verify every generated code"
# Column 1 of entities.csv is the code; xargs batches them into few calls.
tail -n +2 "$out/entities.csv" | cut -d, -f1 | xargs -n 5000 "$bin" uscc check --json >/dev/null
echo "all $entities codes verified"
"$bin" uscc check "$(sed -n 2p "$out/entities.csv" | cut -d, -f1)"

step "industry plugins: install the four libraries into $out/plugins and list them"
mkdir -p "$out/plugins"
plugins=(food drugs special_equipment hazardous_chemicals)
for p in "${plugins[@]}"; do
  cp "target/release/libjianguan_$p.so" "$out/plugins/"
done
# A plugin written in C against include/jianguan_plugin.h, in the same folder.
c_plugins=$(bash scripts/build-c-plugins.sh)
cp "$c_plugins/libjianguan_product_quality.so" "$out/plugins/"
"$bin" plugins list --dir "$out/plugins"

step "risk-grade the county's businesses through the loaded plugins"
python3 scripts/county_facts.py "$out"
for p in "${plugins[@]}"; do
  "$bin" plugins grade --dir "$out/plugins" --plugin "$p" --summary "$out/facts/$p-grading.csv"
  "$bin" plugins grade --dir "$out/plugins" --plugin "$p" --json "$out/facts/$p-grading.csv" > "$out/facts/$p-grades.json"
done
echo "per-entity grades with reasons: $out/facts/*-grades.json"

step "three food businesses graded in full, with the articles applied (SAMR Order 49; CFDA 2016 scheme)"
head -4 "$out/facts/food-grading.csv" > "$out/facts/food-sample.csv"
"$bin" plugins grade --dir "$out/plugins" --plugin food "$out/facts/food-sample.csv"

step "due-date duties as of 2026-11-28 (Special Equipment Safety Law Art. 40; 危险化学品安全管理条例 Art. 22)"
"$bin" plugins duties --dir "$out/plugins" --plugin special_equipment --as-of 2026-11-28 plugins/special-equipment/fixtures/duties.json
"$bin" plugins duties --dir "$out/plugins" --plugin hazardous_chemicals --as-of 2026-11-28 plugins/hazardous-chemicals/fixtures/duties.json

step "criminal-referral assessment of the food cases (Criminal Law Arts. 140, 143, 144, 149)"
"$bin" plugins assess --dir "$out/plugins" --plugin food plugins/food/fixtures/referral.json

draws="$out/draws"
rm -rf "$draws"
mkdir -p "$draws"
step "double-random draw, batch 3 (docs/draw-algorithm.md): food and publicity checks over the county, seeded by a published lottery draw"
"$bin" draw run --plan examples/plans/pingdu-batch3-2026.json \
  --entropy examples/plans/entropy-pingdu-batch3-2026.json \
  --roster "$out/entities.csv" --inspectors "$out/inspectors.csv" --out "$draws" \
  | tee "$draws/batch3-summary.txt"
batch3="$draws/$(awk '/^record /{print $2}' "$draws/batch3-summary.txt").json"
"$bin" draw verify --record "$batch3" --roster "$out/entities.csv" --inspectors "$out/inspectors.csv"

step "results of batch 3 (抽查检查结果): publication deadlines, follow-up events, history for the next batch"
python3 scripts/county_results.py "$batch3" "$draws/batch3-results-entered.json"
"$bin" draw results --record "$batch3" --results "$draws/batch3-results-entered.json" \
  --out "$draws/batch3-results.json" --history-out "$draws/history.csv"

step "joint draw, batch 4: market regulation and emergency management, one visit per entity; batch 3's visits are spared by the plan's three-month repeat window (after SAMR Order 49 Art. 42)"
"$bin" draw run --plan examples/plans/pingdu-joint-2026.json \
  --entropy examples/plans/entropy-pingdu-joint-2026.json \
  --roster "$out/entities.csv" --inspectors "$out/inspectors.csv" --history "$draws/history.csv" --out "$draws" \
  | tee "$draws/batch4-summary.txt"
batch4="$draws/$(awk '/^record /{print $2}' "$draws/batch4-summary.txt").json"
"$bin" draw verify --record "$batch4" --roster "$out/entities.csv" --inspectors "$out/inspectors.csv" --history "$draws/history.csv"
echo "records: $draws/<digest>.json (canonical JSON; sha256sum of each file is its name)"

step "C API: a C host (examples/c/county.c, linked with pkg-config) checks the register and draws batch 3 through libjianguan, then records batch 3's results (examples/c/record_results.c)"
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(JIANGUAN_PROFILE=release bash scripts/c-env.sh)
cbin=target/c/bin
mkdir -p "$cbin"
gcc -std=c11 -O2 -Wall -Wextra -Werror examples/c/county.c $(pkg-config --cflags --libs jianguan) \
  -Wl,-rpath,"$(pkg-config --variable=libdir jianguan)" -o "$cbin/county"
python3 scripts/draw_inputs.py examples/plans/pingdu-batch3-2026.json \
  examples/plans/entropy-pingdu-batch3-2026.json "$out/entities.csv" "$out/inspectors.csv" \
  > "$draws/batch3-inputs.json"
"$cbin/county" "$out/plugins" "$out/entities.csv" "$draws/batch3-inputs.json" "$draws/batch3-from-c.json" \
  | tee "$draws/batch3-from-c.txt" | cut -c1-240
"$bin" draw verify --record "$draws/batch3-from-c.json" --roster "$out/entities.csv" --inspectors "$out/inspectors.csv"
cmp "$draws/batch3-from-c.json" "$batch3"
echo "the C record is the Rust record byte for byte: $(basename "$batch3")"
gcc -std=c11 -O2 -Wall -Wextra -Werror examples/c/record_results.c $(pkg-config --cflags --libs jianguan) \
  -Wl,-rpath,"$(pkg-config --variable=libdir jianguan)" -o "$cbin/record_results"
"$cbin/record_results" "$batch3" "$draws/batch3-results-entered.json" "$draws/batch3-results-from-c.json"
python3 - "$draws/batch3-results.json" "$draws/batch3-results-from-c.json" <<'PY'
import json, sys
command, c = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
assert c["results"] == command, "the C host's results differ from the command's"
print(f"the C host's {len(command)} results (deadlines, follow-ups) are the command's")
PY

step "Python: grade and draw from pandas DataFrames, then batch 4 on Dask (2 worker processes); the records must be the Rust records byte for byte"
py=$(bash scripts/python-env.sh --release)
"$py" scripts/county_python.py "$out" "$batch3" "$batch4"

step "RFC 3797 mode for a small pool (e.g. an inspector panel): the RFC's own worked example"
"$bin" draw rfc3797 --pool 25 --count 10 --source 9319 --source "2 5 12 8 10" --source "9 18 26 34 41 45"

step "supervision catalog (Pingdu default)"
"$bin" catalog show

step "responsibility: food production licence obtained by a false commitment (审管分离)"
"$bin" catalog resolve F-01 --commitment-breached

step "responsibility summary of every item"
"$bin" catalog resolve --all | sed -n '/^responsibility summary/,$p'

step "working-day deadlines (国务院办公厅 holiday notices)"
# SAMR Order 45 Art. 9: publish a penalty decision within 20 working days.
"$bin" calendar add 2026-09-25 20
# SAMR Order 49 Art. 39: publish food inspection results within 20 working days.
"$bin" calendar add 2026-02-10 20
"$bin" calendar day 2026-10-10

step "done: files in $out"
ls -l "$out"
