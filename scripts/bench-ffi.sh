#!/usr/bin/env bash
# Microbenchmark of the C API (ffi/bench/bench_ffi.c): one USCC check and one
# credit lookup per call, against the release library. Run on an idle
# machine; the figures are not checked by any test.
#   bash scripts/bench-ffi.sh [CALLS_PER_ROUND]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p jianguan-ffi
export PKG_CONFIG_PATH
PKG_CONFIG_PATH=$(JIANGUAN_PROFILE=release bash scripts/c-env.sh)
libdir=$(pkg-config --variable=libdir jianguan)
out=${CARGO_TARGET_DIR:-target}/c/bench
mkdir -p "$out"
gcc -std=c11 -O2 -Wall -Wextra -Werror ffi/bench/bench_ffi.c $(pkg-config --cflags --libs jianguan) \
  -Wl,-rpath,"$libdir" -o "$out/bench_ffi"
"$out/bench_ffi" "$@"
