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
#   4. compute working-day deadlines across official holidays.
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
