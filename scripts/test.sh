#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, the Rust tests (unit,
# integration, doc and command-line tests), the C API (header, C examples
# and tests, under valgrind), the C plugins, the Python package (stubs,
# pytest, examples), the examples, and the docs build. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s (at %ss)\n' "$*" "$SECONDS"; }

# The C side needs a C and a C++ compiler, pkg-config and valgrind. On a
# fresh Debian or Ubuntu machine where they are missing, install them.
need=()
for tool in gcc g++ pkg-config valgrind; do
  command -v "$tool" >/dev/null || need+=("$tool")
done
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  # The tool names are also the Debian package names.
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}"
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

# Cargo builds no cdylib for another crate's tests: build the plugin
# libraries (real and deliberately broken) that the host tests load,
# libjianguan, the command and the examples. Building the examples turns on
# the dev-dependencies' features, as the tests do, so `cargo test` below
# reuses every crate built here instead of compiling much of it again.
# The Python crate is built by maturin below; it has no Rust tests.
step "cargo build --workspace --lib --bins --examples (plugin libraries, libjianguan, examples)"
cargo build --workspace --exclude jianguan-python --lib --bins --examples --locked

# The host tests load C plugins too: the example and the broken fixtures.
step "C plugins (scripts/build-c-plugins.sh)"
bash scripts/build-c-plugins.sh

step "cargo test --workspace"
cargo test --workspace --exclude jianguan-python --locked

# An implementation written from docs/draw-algorithm.md alone (Python standard
# library only) must reproduce every draw vector the Rust tests replay.
step "draw vectors through the independent reference (scripts/draw_reference.py)"
python3 scripts/draw_reference.py tests/vectors/draw

step "headers compile on their own, as C and C++"
bash scripts/c-header-check.sh

step "examples"
bash examples/run.sh

# The Python package: a venv with the pinned packages, the package built
# into it by maturin, its stubs checked against the built module, then its
# tests (every vector, every exception path, Dask) and its examples.
step "Python: venv and maturin build (scripts/python-env.sh)"
py=$(bash scripts/python-env.sh)

step "Python: mypy --strict and stubtest"
(cd python && "$py" -m mypy jianguan && "$py" -m mypy.stubtest --mypy-config-file pyproject.toml jianguan)

step "Python: pytest"
(cd python && "$py" -m pytest -q -p no:cacheprovider)

step "Python examples (examples/python/run.sh)"
bash examples/python/run.sh "$py" "${CARGO_TARGET_DIR:-target}/example-plugins"

step "C examples and C tests, then again under valgrind (examples/c/run.sh)"
bash examples/c/run.sh "${CARGO_TARGET_DIR:-target}/example-plugins"

step "the C plugin's own rule tests, under valgrind"
pq=examples/c/plugins/product_quality
bin=${CARGO_TARGET_DIR:-target}/c/bin
mkdir -p "$bin"
gcc -std=c11 -Wall -Wextra -Werror -g -Iinclude "$pq"/src/*.c "$pq/test_rules.c" -o "$bin/test_product_quality"
valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --quiet \
  "$bin/test_product_quality" | tail -n 1

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

echo
echo "all tests passed"
