#!/usr/bin/env bash
# Writes target/c/pkgconfig/jianguan.pc for the build tree (library in
# target/debug, headers in include/), puts the valgrind suppression file
# ffi/jianguan.supp beside the library, and prints the PKG_CONFIG_PATH to use:
#   export PKG_CONFIG_PATH=$(bash scripts/c-env.sh)
#   cc app.c $(pkg-config --cflags --libs jianguan)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
case $target in /*) ;; *) target=$root/$target ;; esac
profile=${JIANGUAN_PROFILE:-debug}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
out=$target/c/pkgconfig
mkdir -p "$out"
sed -e "s|@LIBDIR@|$target/$profile|" -e "s|@INCLUDEDIR@|$root/include|" \
    -e "s|@VERSION@|$version|" "$root/ffi/jianguan.pc.in" > "$out/jianguan.pc"
# Shipped beside the library, as an installer ships it (docs/c-api.md).
if [[ -d $target/$profile ]]; then
  cp "$root/ffi/jianguan.supp" "$target/$profile/jianguan.supp"
fi
echo "$out"
