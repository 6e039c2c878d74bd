#!/usr/bin/env bash
# Builds the C examples, the C tests and every ```c example of
# docs/c-api.md (as C99, -pedantic-errors) against the built libjianguan,
# runs each (checking one line of its output), then runs them all again
# under `valgrind --leak-check=full --error-exitcode=1` with only the
# suppression file shipped beside the library (docs/c-api.md, "Valgrind"):
# any memory error, and any definite or possible leak, fails.
#
#   bash examples/c/run.sh PLUGINS_DIR
#
# PLUGINS_DIR holds the four built Rust plugins (libjianguan_food.so, …),
# e.g. as examples/run.sh copies them from target/debug. Needs gcc,
# pkg-config, python3 and valgrind; builds into ${CARGO_TARGET_DIR:-target}/c.
set -euo pipefail

if [[ $# -ne 1 || ! -d $1 ]]; then
  echo "usage: $0 PLUGINS_DIR" >&2
  exit 2
fi
plugins=$(cd "$1" && pwd) # absolute: we change directory next
cd "$(dirname "$0")/../.."
here=examples/c
out=${CARGO_TARGET_DIR:-target}/c
bin=$out/bin
mkdir -p "$bin"

PKG_CONFIG_PATH=$(bash scripts/c-env.sh)
export PKG_CONFIG_PATH
libdir=$(pkg-config --variable=libdir jianguan)
read -r -a cflags <<<"$(pkg-config --cflags jianguan)"
read -r -a libs <<<"$(pkg-config --libs jianguan)"

build() { # build NAME SOURCE...
  local name=$1; shift
  gcc -std=c11 -Wall -Wextra -Werror -g "${cflags[@]}" -I"$here" "$@" \
    "${libs[@]}" -Wl,-rpath,"$libdir" -o "$bin/$name"
  echo "built $bin/$name"
}

build check_codes "$here/check_codes.c"
build grade_batch "$here/grade_batch.c"
build draw_verify "$here/draw_verify.c" "$here/tests/json_min.c"
build credit_callback "$here/credit_callback.c"
build test_failures "$here/tests/test_failures.c" "$here/tests/json_min.c"
build test_vectors "$here/tests/test_vectors.c" "$here/tests/json_min.c"
build test_doors "$here/tests/test_doors.c" "$here/tests/json_min.c"
build test_plugin "$here/tests/test_plugin.c"
build test_schemas "$here/tests/test_schemas.c"
build test_errors "$here/tests/test_errors.c"
build test_columns "$here/tests/test_columns.c" "$here/tests/json_min.c"
build county "$here/county.c"
build record_results "$here/record_results.c"

# draw_verify's inputs, and the rosters an auditor receives, from the joint
# county vector.
python3 - tests/vectors/draw/joint-county.json tests/vectors/draw/edge-city.json "$out" <<'PY'
import json, sys
vector, june, out = sys.argv[1], sys.argv[2], sys.argv[3]
with open(vector, encoding="utf-8") as f:
    inputs = json.load(f)["inputs"]
rosters = {k: inputs[k] for k in ("roster", "history", "inspectors")}
# The register the county program checks: the roster's codes.
with open(f"{out}/draw-entities.csv", "w", encoding="utf-8") as f:
    f.write("uscc\n" + "".join(e["uscc"] + "\n" for e in inputs["roster"]))
# A June draw's record: every department of every visit reports "1" (no
# problem found) on the period's first day, so that each deadline falls
# within 2026's notice (a December one would need the 2027 notice).
record = json.load(open(june, encoding="utf-8"))["expected"]["record"]
entered = [{"uscc": v["uscc"], "department": d, "concluded_on": record["plan"]["period"][0],
            "outcomes": ["1"]} for v in record["visits"] for d in v["departments"]]
# docs/c-api.md's columns example: the county's register as CSV, and the
# rest of the inputs (no roster) as JSON.
with open(f"{out}/register.csv", "w", encoding="utf-8") as f:
    f.write("uscc,region,industries,status,class,registered_on,last_penalty_on,weight\n")
    for e in inputs["roster"]:
        lines = ";".join(e.get("industries", []))
        assert len(lines) < 64, lines
        f.write(",".join([e["uscc"], e["region"], lines, e["status"], e["credit_class"],
                          e["registered_on"], e.get("last_penalty_on") or "",
                          str(e.get("weight", 1))]) + "\n")
rest = {k: v for k, v in inputs.items() if k != "roster"}
for name, value in (("draw-inputs.json", inputs), ("draw-rosters.json", rosters),
                    ("draw-rest.json", rest),
                    ("vector-record.json", record), ("results-entered.json", entered)):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False)
PY

# Every ```c example of docs/c-api.md, compiled as C99 with
# -pedantic-errors and run (and below, under valgrind) like the tests. Its
# first line is `// example NAME [ARG...]`, ARG one of PLUGINS, REGISTER,
# DRAW_REST.
doc_examples=()
docs=$out/doc-examples
mkdir -p "$docs"
python3 - docs/c-api.md "$docs" <<'PY'
import re, sys
text, out = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
blocks = re.findall(r"^```c\n(.*?)^```$", text, re.S | re.M)
assert blocks, "docs/c-api.md has no C example"
with open(f"{out}/list", "w") as idx:
    for b in blocks:
        head = b.splitlines()[0].split()
        assert head[:2] == ["//", "example"], f"a C example must start with // example NAME: {head}"
        with open(f"{out}/{head[2]}.c", "w", encoding="utf-8") as f:
            f.write(b)
        idx.write(" ".join(head[2:]) + "\n")
PY
declare -A doc_args
while read -r name args; do
  gcc -std=c99 -pedantic-errors -Wall -Wextra -Werror -g "${cflags[@]}" "$docs/$name.c" \
    "${libs[@]}" -Wl,-rpath,"$libdir" -o "$bin/doc_$name"
  echo "built $bin/doc_$name (docs/c-api.md)"
  doc_examples+=("doc_$name")
  doc_args[doc_$name]=$args
done <"$docs/list"

entered_count=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$out/results-entered.json")

programs=(check_codes grade_batch draw_verify credit_callback test_failures test_vectors test_doors
  record_results test_schemas test_errors test_columns)
# The C plugin, when scripts/build-c-plugins.sh has built it (scripts/test.sh does).
c_plugins=$out/plugins
if [[ ! -f $c_plugins/libjianguan_product_quality.so || ! -d $c_plugins/wrong-version ]]; then
  echo "no C plugin in $c_plugins: run bash scripts/build-c-plugins.sh first" >&2
  exit 1
fi
programs+=(test_plugin county "${doc_examples[@]}")

# Sets `argv` to the arguments of program $1 and `pattern` to a line its
# output must contain.
setup_run() {
  case $1 in
    check_codes) argv=(); pattern="2 valid, 1 rejected" ;;
    grade_batch) argv=("$plugins"); pattern="business 2: grade D (score 75)" ;;
    draw_verify)
      argv=("$out/draw-inputs.json" "$out/draw-record.json" "$out/draw-rosters.json")
      pattern="verified: the record is the draw these rosters give" ;;
    credit_callback) argv=(); pattern="lookups: 3" ;;
    test_failures)
      argv=("$plugins/libjianguan_food.so" tests/vectors); pattern=", 0 failed" ;;
    test_vectors) argv=(tests/vectors); pattern=", 0 failed" ;;
    test_doors) argv=("$plugins" tests/vectors); pattern=", 0 failed" ;;
    record_results)
      argv=("$out/vector-record.json" "$out/results-entered.json" "$out/results-from-c.json")
      pattern="recorded $entered_count results" ;;
    test_plugin) argv=("$c_plugins" "$c_plugins/wrong-version"); pattern=", 0 failed" ;;
    test_schemas) argv=("$plugins"); pattern=", 0 failed" ;;
    test_errors) argv=(); pattern=", 0 failed" ;;
    test_columns) argv=(tests/vectors); pattern=", 0 failed" ;;
    doc_*)
      argv=()
      for a in ${doc_args[$1]}; do
        case $a in
          PLUGINS) argv+=("$plugins") ;;
          REGISTER) argv+=("$out/register.csv") ;;
          DRAW_REST) argv+=("$out/draw-rest.json") ;;
          *) echo "docs/c-api.md: unknown example argument $a" >&2; exit 1 ;;
        esac
      done
      pattern="" ;;
    county)
      argv=("$plugins" "$out/draw-entities.csv" "$out/draw-inputs.json" "$out/county-record.json")
      # The C host's draw is the vector's record.
      pattern="record $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["expected"]["record_digest"])' tests/vectors/draw/joint-county.json)" ;;
  esac
}

expect() { # expect NAME PATTERN COMMAND...
  local name=$1 pattern=$2; shift 2
  local output
  output=$("$@" 2>&1) || { echo "$output"; echo "c/$name failed"; exit 1; }
  if ! grep -qF -- "$pattern" <<<"$output"; then
    echo "$output"; echo "c/$name: expected output containing: $pattern"; exit 1
  fi
  echo "c/$name: ok ($(grep -F -- "$pattern" <<<"$output" | tail -1))"
}

for name in "${programs[@]}"; do
  setup_run "$name"
  expect "$name" "$pattern" "$bin/$name" "${argv[@]}"
done

# Exactly the command docs/c-api.md gives hosts: valgrind's defaults
# (definite and possible leaks are errors) with the suppression file shipped
# beside the library, which names the process-lifetime allocations by
# design. "Still reachable" blocks are not errors.
supp=$libdir/jianguan.supp
vg=(valgrind --leak-check=full --error-exitcode=1 --suppressions="$supp" --quiet)
for name in "${programs[@]}"; do
  setup_run "$name"
  if ! log=$("${vg[@]}" "$bin/$name" "${argv[@]}" 2>&1 >/dev/null); then
    echo "$log"; echo "c/$name under valgrind: failed"; exit 1
  fi
  echo "c/$name under valgrind: clean"
done
