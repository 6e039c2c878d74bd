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

expect rust/check_codes "2 valid, 1 rejected" \
  cargo run -q --locked -p jianguan-examples --example check_codes

# 20 working days after 2026-09-25 across National Day 2026 (国办发明电〔2025〕7号).
expect rust/who_supervises "publish the result by 2026-10-29" \
  cargo run -q --locked -p jianguan-examples --example who_supervises

expect sdk/synth_throughput "20000 entities" \
  cargo run -q --locked -p jianguan --example synth_throughput -- 20000
