#!/usr/bin/env python3
"""Independent reference implementation of the draw `jianguan-draw/1`.

Written from docs/draw-algorithm.md alone (section numbers cited as §N),
standard library only. Replays test vectors:

    python3 scripts/draw_reference.py tests/vectors/draw/ [more files or dirs]

Prints `ok NAME` or `FAIL NAME: PATH, expected X, got Y` per vector and exits
1 if any vector fails. Also recomputes the document's worked example
(Appendix F) and replays Appendix D's refusals on the settled-points inputs.
The primitives are in draw_reference_primitives.py, the reading and checking
of inputs in draw_reference_inputs.py.
"""

import copy
import json
import pathlib
import struct
import sys

# The helper modules beside this file; leave no __pycache__ in scripts/.
sys.dont_write_bytecode = True

from draw_reference_inputs import check_plan, check_rosters, fill_plan, read_inputs
from draw_reference_primitives import (
    ALGORITHM, DOMAINS, LEVELS, RECORD_FORMAT, DrawError, Prf, aes_self_test, blank, block,
    canon, canon_bytes, derived_key, entity_obj, history_digest, history_obj, inspector_obj,
    lp, make_seed, ppm, roster_digest, sha256, sort_key_fn, u32be, ubytes, valid_code,
    weighted_key, with_check,
)


# ---------------------------------------------------------- dates (§7.2)
def minus_months(date, months):
    y, m, d = (int(x) for x in date.split("-"))
    total = y * 12 + (m - 1) - months
    y, m = divmod(total, 12)
    m += 1
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return "%04d-%02d-%02d" % (y, m, min(d, last))


# --------------------------------------------------- target selection (§7)
def entity_kind(code):  # Appendix B
    return {"91": "enterprise", "92": "individual_business",
            "93": "farmers_cooperative"}.get(code[:2], "other")


def in_population(e, f):  # §7.1
    return (e["status"] in f["statuses"]
            and (not f["industries"] or set(e["industries"]) & set(f["industries"]))
            and (not f["kinds"] or entity_kind(e["uscc"]) in f["kinds"])
            and (not f["regions"] or any(e["region"].startswith(r) for r in f["regions"])))


def exclusion(e, task, plan, past):  # §7.2: first match only
    rules, cls, as_of = task["rules"], e["credit_class"], plan["as_of"]
    if cls in rules["undisturbed_classes"] and not rules["draw_undisturbed"]:
        return "undisturbed_class", f"credit class {cls}"
    if cls not in [s["class"] for s in task["strata"]]:
        return "no_stratum", f"credit class {cls}"
    past = [h for h in past if h["date"] <= as_of]
    if rules["repeat_window_months"] is not None:
        start = minus_months(as_of, rules["repeat_window_months"])
        codes = {it["code"] for it in task["items"]}
        pieces = []
        for h in past:
            shared = sorted(set(h["items"]) & codes, key=ubytes)
            if h["date"] > start and LEVELS.index(h["level"]) >= LEVELS.index(plan["level"]) \
                    and shared:
                pieces.append(f"{'+'.join(shared)} by {h['department']} ({h['level']}) on {h['date']}")
        if pieces:
            return "recently_inspected", "; ".join(sorted(pieces, key=ubytes))
    if rules["yearly_cap"] is not None:
        d, year = task["department"], as_of[:4]
        n = sum(1 for h in past if h["date"][:4] == year and h["department"] == d)
        if n >= rules["yearly_cap"]:
            return "yearly_cap", f"{n} inspections by {d} in {year}"
    return None


def takes(size, n, r, f):  # §7.4, exact integers
    if "ratio" in size:
        p = ppm(size["ratio"])
        return -(-n * p // 10**6), -(-r * p * f // 10**12)
    c = size["count"]
    if n + r == 0 and c > 0:
        raise DrawError("empty_stratum")
    if c > n + r:
        raise DrawError("stratum_too_small", f"count {c} > {n + r}")
    D = n * 10**6 + r * f
    take_r = 0 if D == 0 else (2 * c * r * f + D) // (2 * D)
    take_r = min(take_r, r)
    take_n = c - take_r
    if take_n > n:
        take_n, take_r = n, c - n
    return take_n, take_r


def select_task(t, task, plan, roster, history_by_code, seed):
    rules, f = task["rules"], task["filter"]
    factor = ppm(rules["penalty_free"]["factor"]) if rules["penalty_free"] else 0
    cut = minus_months(plan["as_of"], 12 * rules["penalty_free"]["years"]) \
        if rules["penalty_free"] else None
    stratum_of = {s["class"]: i for i, s in enumerate(task["strata"])}
    population = [e for e in roster if in_population(e, f)]            # §7.1
    excluded, reduced = [], []
    parts = [([], []) for _ in task["strata"]]
    for e in population:
        ex = exclusion(e, task, plan, history_by_code.get(e["uscc"], []))  # §7.2
        if ex:
            excluded.append({"uscc": e["uscc"], "rule": ex[0], "detail": ex[1]})
            continue
        is_reduced = cut is not None and e["registered_on"] <= cut and \
            (e["last_penalty_on"] is None or e["last_penalty_on"] <= cut)  # §7.3
        parts[stratum_of[e["credit_class"]]][is_reduced].append(e)
        if is_reduced:
            reduced.append(e["uscc"])
    sizes = [takes(s["size"], len(parts[i][0]), len(parts[i][1]), factor)  # §7.4
             for i, s in enumerate(task["strata"])]
    if task["kind"] == "publicity":                                        # §7.5
        need = -(-len(population) * ppm(rules["publicity_minimum"]) // 10**6)
        if sum(a + b for a, b in sizes) < need:
            raise DrawError("publicity_minimum", f"task {t}: {sum(map(sum, sizes))} < {need}")
    key = sort_key_fn(Prf(derived_key(seed, "targets", t)), task["weighted"])  # §7.6
    strata = []
    for i, s in enumerate(task["strata"]):
        for part, name in ((0, "normal"), (1, "reduced")):
            pool = parts[i][part]
            chosen = sorted(pool, key=key)[:sizes[i][part]]
            strata.append({"class": s["class"], "part": name, "pool": len(pool),
                           "take": sizes[i][part], "selected": [e["uscc"] for e in chosen]})
    return {"department": task["department"], "population": len(population), "strata": strata,
            "excluded": sorted(excluded, key=lambda x: ubytes(x["uscc"])),
            "reduced": sorted(reduced, key=ubytes)}


# --------------------------------------------- visits and inspectors (§8)
def qualified(insp, item):
    if item.get("industry") is None and item.get("domain") is None:
        return True
    for q in insp["qualifications"]:
        if q == item["code"] or (item.get("industry") is not None and q == item["industry"]):
            return True
        if item.get("industry") is None and q in DOMAINS.get(item["domain"], []):
            return True
    return False


def first_occurrence(seq):
    out = []
    for x in seq:
        if x not in out:
            out.append(x)
    return out


def draw_visits(plan, tasks_out, inspectors, seed):
    tasks_of = {}
    for t, to in enumerate(tasks_out):
        for part in to["strata"]:
            for code in part["selected"]:
                tasks_of.setdefault(code, set()).add(t)
    prf = Prf(derived_key(seed, "visits", 0))
    ptasks, cfg = plan["tasks"], plan["inspectors"]
    load = {i["id"]: 0 for i in inspectors}
    visits, recusals = [], []
    for code in sorted(tasks_of, key=prf):
        ts = sorted(tasks_of[code])
        depts = sorted({ptasks[t]["department"] for t in ts}, key=ubytes)
        visit = {"uscc": code, "tasks": ts, "departments": depts,
                 "items": first_occurrence(it["code"] for t in ts for it in ptasks[t]["items"]),
                 "inspectors": []}
        for d in depts:
            items = []  # step 1: first occurrence of each code, keep its item object
            for t in ts:
                if ptasks[t]["department"] == d:
                    for it in ptasks[t]["items"]:
                        if it["code"] not in [x["code"] for x in items]:
                            items.append(it)
            cands = []  # step 2
            for insp in inspectors:
                if insp["department"] != d or insp["status"] != "active" or \
                        not all(qualified(insp, it) for it in items):
                    continue
                if code in insp["conflicts"]:
                    recusals.append({"uscc": code, "inspector": insp["id"], "department": d})
                else:
                    cands.append(insp)
            cands.sort(key=lambda i: (sha256(seed + lp("inspector") + lp(code) + lp(i["id"])),
                                      ubytes(i["id"])))  # step 3
            taken = []  # step 4
            for insp in cands:
                if len(taken) == cfg["per_department"]:
                    break
                cap = insp["workload_cap"] if insp["workload_cap"] is not None else cfg["workload_cap"]
                if cap is not None and load[insp["id"]] >= cap:
                    continue
                if cfg["distinct_teams"] and insp["team"] in [x["team"] for x in taken]:
                    continue
                taken.append(insp)
            if len(taken) < cfg["per_department"]:
                raise DrawError("insufficient_inspectors", f"{code} {d}")
            for insp in taken:  # step 5
                load[insp["id"]] += 1
            visit["inspectors"].append({"department": d, "inspectors": [i["id"] for i in taken]})
        visits.append(visit)
    return visits, recusals


# ----------------------------------------------------------- the draw (§9)
def draw(plan_in, roster_in, history_in, inspectors_in, entropy_in):
    read_inputs(plan_in, roster_in, history_in, inspectors_in, entropy_in)  # Appendix D
    check_rosters(roster_in, history_in, inspectors_in)
    plan = fill_plan(plan_in)
    check_plan(plan)
    # §5: exactly the plan's labels, in order, each with a non-blank value
    entropy = [{"label": x["label"], "value": x["value"]} for x in entropy_in]
    if [x["label"] for x in entropy] != list(plan["entropy"]) or \
            any(blank(x["value"]) for x in entropy):
        raise DrawError("entropy_mismatch")
    roster = sorted((entity_obj(e) for e in roster_in), key=lambda e: ubytes(e["uscc"]))
    inspectors = sorted((inspector_obj(i) for i in inspectors_in), key=lambda i: ubytes(i["id"]))
    for e in roster:  # §7.1 (checked over the whole roster)
        block(e["uscc"])
        if e["credit_class"] not in plan["classes"]:
            raise DrawError("unknown_class", e["uscc"])
    history = [history_obj(h) for h in history_in]
    digests = [sha256(canon_bytes(plan)), roster_digest(roster), history_digest(history),
               roster_digest(inspectors)]
    seed = make_seed(digests, entropy)
    by_code = {}
    for h in history:
        by_code.setdefault(h["uscc"], []).append(h)
    tasks_out = [select_task(t, task, plan, roster, by_code, seed)
                 for t, task in enumerate(plan["tasks"])]
    visits, recusals = draw_visits(plan, tasks_out, inspectors, seed)
    return {"format": RECORD_FORMAT, "algorithm": ALGORITHM, "plan": plan,
            "digests": dict(zip(["plan", "targets", "history", "inspectors"],
                                (d.hex() for d in digests))),
            "entropy": entropy, "seed": seed.hex(), "tasks": tasks_out,
            "visits": visits, "recusals": recusals}


def record_digest(record):
    return sha256(canon_bytes(record)).hex()


# ------------------------------------------------------- replay (§10)
def first_diff(exp, got, path=""):
    """First difference, keys in byte order and arrays by position (§10)."""
    if isinstance(exp, dict) and isinstance(got, dict):
        for k in sorted(set(exp) | set(got), key=ubytes):
            if k not in exp or k not in got:
                return f"{path}.{k}".lstrip("."), exp.get(k, "<absent>"), got.get(k, "<absent>")
            d = first_diff(exp[k], got[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(exp, list) and isinstance(got, list):
        for i in range(max(len(exp), len(got))):
            if i >= len(exp) or i >= len(got):
                return (f"{path}[{i}]", exp[i] if i < len(exp) else "<absent>",
                        got[i] if i < len(got) else "<absent>")
            d = first_diff(exp[i], got[i], f"{path}[{i}]")
            if d:
                return d
        return None
    if canon(exp) != canon(got) or type(exp) is not type(got):
        return path.lstrip(".") or "$", exp, got
    return None


def replay_vector(v):
    inp, exp = v["inputs"], v["expected"]
    try:
        record = draw(inp["plan"], inp["roster"], inp["history"], inp["inspectors"],
                      inp["entropy"])
    except DrawError as err:
        if "error" in exp and err.kind == exp["error"]:
            return None
        return f"refused: expected {exp.get('error', 'a record')}, got error {err}"
    if "error" in exp:
        return f"expected error {exp['error']}, got a record"
    if canon(record) != canon(exp["record"]):
        p, e, g = first_diff(exp["record"], record)
        return f"{p}, expected {canon(e)}, got {canon(g)}"
    if record_digest(record) != exp["record_digest"]:
        return f"record_digest, expected {exp['record_digest']}, got {record_digest(record)}"
    return None


def replay_primitives(data):
    """primitives.json: `seed` (hex) and lists `blocks`, `derived_keys` (from that
    seed), `prf` and `weighted` (`key_bits`: the binary64 key's bits, hex)."""
    seed = bytes.fromhex(data["seed"])
    checks = {
        "blocks": lambda c: (c["block"], block(c["uscc"]).hex()),
        "derived_keys": lambda c: (c["key"], derived_key(seed, c["label"], c["index"]).hex()),
        "prf": lambda c: (c["value"], "%032x" % Prf(bytes.fromhex(c["key"]))(c["uscc"])),
        "weighted": lambda c: (c["key_bits"], struct.pack(
            ">d", weighted_key(int(c["value"], 16), c["weight"])).hex()),
    }
    results = []
    for section, cases in data.items():
        if section == "seed":
            continue
        if section not in checks:
            results.append((f"primitives.{section}", "unknown section"))
            continue
        for i, c in enumerate(cases):
            exp, got = checks[section](c)
            err = None if exp == got else f"{section}[{i}], expected {exp}, got {got}"
            results.append((f"primitives.{section}[{i}]", err))
    return results


def set_path(doc, path, value):
    """A copy of `doc` with `value` at `path` (keys and indexes); `...` deletes."""
    doc = copy.deepcopy(doc)
    at = doc
    for k in path[:-1]:
        at = at[k]
    if value is ...:
        del at[path[-1]]
    else:
        at[path[-1]] = value
    return doc


# Appendix D applied to the settled-points vector's inputs: what each edit is
# refused as (reading first, then the table's order).
READING = [
    (("plan", "tasks", 0, "kind"), ..., "invalid_input"),
    (("plan", "extra"), 1, "invalid_input"),
    (("plan", "tasks", 0, "filter", "kinds"), ["company"], "invalid_input"),
    (("plan", "tasks", 0, "filter", "statuses"), ["open"], "invalid_input"),
    (("plan", "tasks", 0, "rules", "penalty_free"), {"years": 3}, "invalid_input"),
    (("plan", "tasks", 0, "strata", 1, "size", "ratio"), ".5", "invalid_input"),
    (("plan", "tasks", 0, "rules", "yearly_cap"), 0, "invalid_plan"),
    (("plan", "tasks", 0, "rules", "repeat_window_months"), 0, "invalid_plan"),
    (("plan", "inspectors"), {"workload_cap": 0}, "invalid_plan"),
    (("roster", 0, "weight"), 2**53 + 1, "invalid_input"),
    (("roster", 0, "weight"), 0, "invalid_input"),
    (("roster", 0, "industries"), ["bakery"], "invalid_input"),
    (("roster", 0, "uscc"), "91370283MA00000010", "invalid_input"),
    (("roster", 0, "credit_class"), " ", "invalid_roster"),
    (("roster", 0, "registered_on"), "2025-1-1", "invalid_input"),
    (("roster", 0, "last_penalty_on"), "2025-02-29", "invalid_input"),
    (("plan", "as_of"), "+2026-06-30", "invalid_input"),
    (("history", 0, "date"), "2026-W19-7", "invalid_input"),
    (("history", 0, "level"), "town", "invalid_input"),
    (("history", 0, "items"), [], "invalid_history"),
    (("inspectors", 0, "workload_cap"), 0, "invalid_inspector"),
    (("entropy",), {"福彩3D 2026-170": "5 0 2"}, "invalid_input"),
    (("entropy", 0, "value"), "  ", "entropy_mismatch"),
]


def replay_reading(inputs):
    """Each READING edit of `inputs` must be refused with its kind; a roster
    refusal must come before a plan refusal made at the same time."""
    cases = [(f"reading{list(p)}={v!r}", set_path(inputs, p, v), k) for p, v, k in READING]
    both = set_path(set_path(inputs, ("roster", 0, "credit_class"), " "), ("plan", "id"), " ")
    cases.append(("reading: roster before plan", both, "invalid_roster"))
    # The GB 11714 check of characters 9-17 is not part of validity (Appendix B).
    def gb11714_ok(org):  # characters 9-17: 8 body characters and their check
        vals = [int(c) if c.isdigit() else ord(c) - 55 for c in org[:8]]
        check = 11 - sum(v * w for v, w in zip(vals, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
        return org[8] == {10: "X", 11: "0"}.get(check, str(check))
    org = next(c for c in (with_check(f"91370283MA000000{i}") for i in range(10))
               if not gb11714_ok(c[8:17]))
    ok = set_path(inputs, ("roster", 0, "uscc"), org)
    cases.append(("reading: GB 11714 not checked", ok, None))
    results = []
    for name, inp, kind in cases:
        try:
            draw(inp["plan"], inp["roster"], inp["history"], inp["inspectors"], inp["entropy"])
            got = None
        except DrawError as err:
            got = err.kind
        results.append((name, None if got == kind else f"expected {kind}, got {got}"))
    return results

def appendix_f():
    """The block of Appendix F, recomputed from this file's primitives."""
    label, value = "福彩3D 2026-240", "3 8 1"
    empty = sha256(b"")
    data = lp(ALGORITHM) + empty * 4 + u32be(1) + lp(label) + lp(value)
    seed = sha256(data)
    k0, kv = derived_key(seed, "targets", 0), derived_key(seed, "visits", 0)
    out = [f"lp(label) = {lp(label).hex()}", f"seed input bytes = {len(data)}",
           f"seed = {seed.hex()}", f"K_task(0) = {k0.hex()}",
           f"K_task(1) = {derived_key(seed, 'targets', 1).hex()}", f"K_visits = {kv.hex()}"]
    codes = [with_check(f"91370283MA000000{i}") for i in range(1, 6)]
    prf = Prf(k0)
    for c in codes:
        out.append(f"block({c}) = {block(c).hex()}")
        out.append(f"F(K_task(0), {c}) = {prf(c):032x}")
    out.append("uniform order = " + " ".join(sorted(codes, key=prf)))
    c, v = codes[0], prf(codes[0])
    key = weighted_key(v, 3)
    out += [f"top52({c}) = {v >> 76}", f"u({c}) = {repr((float(v >> 76) + 0.5) / 2.0 ** 52)}",
            f"key({c}, weight 3) = {repr(key)}", f"key bits = {struct.pack('>d', key).hex()}",
            f"F(K_visits, {c}) = {Prf(kv)(c):032x}",
            f"inspector key({c}, MR-1) = "
            + sha256(seed + lp("inspector") + lp(c) + lp("MR-1")).hex()]
    return "\n".join(out)


def replay_appendix(doc):
    """Appendix F of the document must equal the recomputed block."""
    text = doc.read_text(encoding="utf-8")
    try:
        shown = text.split("## Appendix F.")[1].split("```text\n")[1].split("\n```")[0]
    except IndexError:
        return "Appendix F has no ```text block"
    # §2's example line must be the canonical line of its own entity.
    shown_line = "".join(x.strip("`") for x in text.split(
        "Example line (no spaces; wrapped here):\n")[1].splitlines()[:2])
    entity = json.loads(shown_line)
    if not valid_code(entity["uscc"]) or canon_bytes(entity_obj(entity)).decode() != shown_line:
        return f"the example line of §2 is not canonical: {shown_line}"
    got = appendix_f()
    if shown == got:
        return None
    for a, b in zip(shown.splitlines() + [""] * 40, got.splitlines()):
        if a != b:
            return f"shows {a!r}, recomputed {b!r}"
    return "differs"


def main(args):
    aes_self_test()
    files = []
    for a in args or ["tests/vectors/draw"]:
        p = pathlib.Path(a)
        files += sorted(p.rglob("*.json")) if p.is_dir() else [p]
    failed = 0
    doc = pathlib.Path(__file__).resolve().parent.parent / "docs" / "draw-algorithm.md"
    err = replay_appendix(doc)
    print("ok appendix-F" if err is None else f"FAIL appendix-F: {err}")
    failed += err is not None
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        if f.name == "primitives.json":
            results = replay_primitives(data)
        else:
            results = [(data.get("name", f.stem), replay_vector(data))]
            if data.get("name") == "settled-points":
                results += replay_reading(data["inputs"])
        for name, err in results:
            print(f"ok {name}" if err is None else f"FAIL {name}: {err}")
            failed += err is not None
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
