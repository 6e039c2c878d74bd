#!/usr/bin/env bash
# Makes the Python environment the tests and examples run in: a venv at
# target/py-venv with python/requirements-dev.txt installed (remade only when
# that file changes), then builds the package into it with maturin (release
# profile, abi3 for Python 3.10+). Prints the venv's python on stdout.
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
# maturin builds python/ (crate jianguan-python) and installs it editable.
(cd python && VIRTUAL_ENV="$PWD/../$venv" "../$venv/bin/maturin" develop --release --locked --quiet >&2)
echo "$venv/bin/python"
