#!/usr/bin/env bash
# Makes the Python environment the tests and examples run in: a venv at
# target/py-venv with python/requirements-dev.txt installed (remade only when
# that file changes), then builds the package into it with maturin (abi3 for
# Python 3.10+; the dev profile, or with --release the release profile, as
# the main job and the benchmark use). Prints the venv's python on stdout.
#
#   scripts/python-env.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${JIANGUAN_PY_VENV:-target/py-venv}
req=python/requirements-dev.txt
if ! cmp -s "$req" "$venv/requirements-dev.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --upgrade pip >&2
  "$venv/bin/pip" install --quiet -r "$req" >&2
  cp "$req" "$venv/requirements-dev.txt"  # stamp: reinstall only when the pins change
fi
profile=()
[[ ${1:-} == --release ]] && profile=(--release)
# maturin builds python/ (crate jianguan-python) and installs it editable.
venv=$(cd "$venv" && pwd)
(cd python && VIRTUAL_ENV="$venv" "$venv/bin/maturin" develop "${profile[@]}" --locked --quiet >&2)
echo "$venv/bin/python"
