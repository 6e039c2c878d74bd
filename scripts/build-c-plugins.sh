#!/usr/bin/env bash
# Builds the plugins written in C against include/jianguan_plugin.h into
# ${CARGO_TARGET_DIR:-target}/c/plugins: the example product-quality plugin
# (and a copy built for a wrong contract version), and the test fixtures of
# plugins/testing/c/ with each load-time fault. The Rust host tests
# (sdk/tests/plugin_c.rs) and the C tests load them from there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
out=$target/c/plugins
rm -rf "$out"
mkdir -p "$out/fixtures"
cc=${CC:-gcc}
flags=(-std=c11 -Wall -Wextra -Werror -g -O2 -fPIC -shared -pthread -I"$root/include")

fixture() { # fixture NAME [DEFINES...]
  local name=$1; shift
  "$cc" "${flags[@]}" "$@" -o "$out/fixtures/libtesting_c_$name.so" "$root/plugins/testing/c/fixture.c"
}
fixture ok
fixture major2 -DFIXTURE_VERSION='"2.0.0"'
fixture minor1 -DFIXTURE_VERSION='"1.1.0"'
fixture garbled -DFIXTURE_VERSION='"one"'
fixture null_table -DFIXTURE_NULL_TABLE
fixture short_table -DFIXTURE_SHORT_TABLE
fixture null_entry -DFIXTURE_NULL_ENTRY
fixture bad_json -DFIXTURE_BAD_JSON
fixture undefined -DFIXTURE_UNDEFINED

pq=$root/examples/c/plugins/product_quality
if [ -d "$pq" ]; then
  "$cc" "${flags[@]}" -o "$out/libjianguan_product_quality.so" "$pq"/src/*.c
  mkdir -p "$out/wrong-version"
  "$cc" "${flags[@]}" -DJG_PQ_CONTRACT_VERSION='"2.0.0"' \
    -o "$out/wrong-version/libjianguan_product_quality.so" "$pq"/src/*.c
fi
echo "$out"
