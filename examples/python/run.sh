#!/usr/bin/env bash
# Runs the Python examples with the project's venv and checks a line of each
# one's output; the record the county example saves is verified again by the
# Rust command. Usage: examples/python/run.sh PYTHON PLUGINS_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
py=$1 plugins=$2
target=${CARGO_TARGET_DIR:-target}
work=$target/python-examples
rm -rf "$work"
mkdir -p "$work"

expect() { # expect NAME PATTERN COMMAND...
  local name=$1 pattern=$2; shift 2
  local out
  out=$("$@") || { echo "example $name failed"; echo "$out"; exit 1; }
  if ! grep -qF -- "$pattern" <<<"$out"; then
    echo "example $name: expected output containing: $pattern"; echo "$out"; exit 1
  fi
  echo "example $name: ok"
}

# Central kitchen at 40 + 35 = 75 points: grade D (CFDA 2016 scheme, > 60).
expect python/grade_frame "highest risk: 91370283MA0007919U grade D (75 points)" \
  "$py" examples/python/grade_frame.py "$plugins"

"$target/debug/jianguan" roster generate --entities 20000 --seed 20210725 --out "$work/county" >/dev/null
expect python/county_draw "saved to $work/records/" \
  "$py" examples/python/county_draw.py "$work/county" "$work/records"
record=$(ls "$work"/records/*.json)

expect python/verify_record "tampered copy refused: verification failed at \`visits[0].inspectors[0].inspectors[0]\`" \
  "$py" examples/python/verify_record.py "$record" "$work/county"

# 20 working days after 2026-09-25 across National Day 2026 (国办发明电〔2025〕7号).
expect python/record_results "publish by 2026-10-29; follow-ups: abnormal_operations_listing" \
  "$py" examples/python/record_results.py "$record"

# The Python record, verified by the Rust command.
expect python/rust-verifies "verified" \
  "$target/debug/jianguan" draw verify --record "$record" \
  --roster "$work/county/entities.csv" --inspectors "$work/county/inspectors.csv"
