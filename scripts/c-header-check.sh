#!/usr/bin/env bash
# Each public header must compile on its own: as C99 (the minimum the
# headers and docs/c-api.md state) with -pedantic-errors, as C11 and as
# C++17, with warnings as errors (the generated one is also diffed by
# `cargo test -p jianguan-ffi header_is_current`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
out=$target/c/header-check
mkdir -p "$out"
for h in jianguan.h jianguan_plugin.h; do
  printf '#include "%s"\n' "$h" > "$out/${h%.h}.c"
  cp "$out/${h%.h}.c" "$out/${h%.h}.cpp"
  gcc -std=c99 -pedantic-errors -Wall -Wextra -Werror -I"$root/include" -c "$out/${h%.h}.c" -o "$out/${h%.h}.c99.o"
  gcc -std=c11 -Wall -Wextra -Werror -pedantic -I"$root/include" -c "$out/${h%.h}.c" -o "$out/${h%.h}.o"
  g++ -std=c++17 -Wall -Wextra -Werror -pedantic -I"$root/include" -c "$out/${h%.h}.cpp" -o "$out/${h%.h}.cpp.o"
  echo "$h: compiles alone as C99 (-pedantic-errors), C11 and C++17"
done
