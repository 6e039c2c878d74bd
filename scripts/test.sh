#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, the Rust tests (unit,
# integration, doc and command-line tests), the examples, and the docs build.
# CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

# Cargo builds no cdylib for another crate's tests: build the plugin
# libraries (real and deliberately broken) that the host tests load.
step "cargo build --workspace (plugin libraries for the host tests)"
cargo build --workspace --locked

step "cargo test --workspace"
cargo test --workspace --locked

# An implementation written from docs/draw-algorithm.md alone (Python standard
# library only) must reproduce every draw vector the Rust tests replay.
step "draw vectors through the independent reference (scripts/draw_reference.py)"
python3 scripts/draw_reference.py tests/vectors/draw

step "examples"
bash examples/run.sh

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

echo
echo "all tests passed"
