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
#      and run their due-date duties and criminal-referral assessments.
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
