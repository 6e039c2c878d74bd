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
