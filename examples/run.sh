#!/usr/bin/env bash
# Runs every example and checks a line of its output, so an example that
# stops working fails the test command.
set -euo pipefail
cd "$(dirname "$0")/.."

expect() { # expect NAME PATTERN COMMAND...
  local name=$1 pattern=$2; shift 2
  local out
  out=$("$@") || { echo "example $name failed"; exit 1; }
  if ! grep -qF -- "$pattern" <<<"$out"; then
    echo "example $name: expected output containing: $pattern"; echo "$out"; exit 1
  fi
  echo "example $name: ok"
}

# Built as scripts/test.sh builds them (a no-op there), with the plugin
# libraries, then run from the build folder: `cargo run -p` would resolve
# one package's features and compile its dependencies again.
cargo build -q --locked --workspace --exclude jianguan-python --lib --bins --examples
bin="${CARGO_TARGET_DIR:-target}/debug/examples"

expect rust/check_codes "2 valid, 1 rejected" \
  "$bin/check_codes"

# 20 working days after 2026-09-25 across National Day 2026 (国办发明电〔2025〕7号).
expect rust/who_supervises "publish the result by 2026-10-29" \
  "$bin/who_supervises"

expect synth/synth_throughput "20000 entities" \
  "$bin/synth_throughput" 20000

# The industry plugins, loaded from a folder as a county system would.
# Central kitchen at 75 points: grade D, a mandatory key inspection target
# (SAMR Order 49 Art. 22).
plugins="${CARGO_TARGET_DIR:-target}/example-plugins"
mkdir -p "$plugins"
for p in food drugs special_equipment hazardous_chemicals; do
  cp "${CARGO_TARGET_DIR:-target}/debug/libjianguan_$p.so" "$plugins/"
done
expect rust/grade_with_plugins "business 2: grade D (score 75)" \
  "$bin/grade_with_plugins" "$plugins"

# A county's joint draw, verified by re-running it; a forged record refused.
expect rust/county_draw "verified: the record is the draw these rosters give" \
  "$bin/county_draw"
