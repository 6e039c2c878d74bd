#!/usr/bin/env python3
"""Independent reference implementation of the draw `jianguan-draw/1`.

Written from docs/draw-algorithm.md alone (section numbers cited as §N),
standard library only. Replays test vectors:

    python3 scripts/draw_reference.py tests/vectors/draw/ [more files or dirs]

Prints `ok NAME` or `FAIL NAME: PATH, expected X, got Y` per vector and exits
1 if any vector fails.
"""

import copy
import hashlib
import json
import math
import pathlib
import struct
import sys

ALGORITHM = "jianguan-draw/1"

# Appendix D: "blank" means empty once Unicode White_Space is removed (not
# Python's wider str.isspace, which also counts U+001C..U+001F).
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) \
    + "\u2028\u2029\u202f\u205f\u3000"


def blank(text):
    return not text.strip(WHITE_SPACE)
RECORD_FORMAT = "jianguan-draw-record/1"


class DrawError(Exception):
    """A refusal of the draw; `kind` is the snake_case error kind."""

    def __init__(self, kind, message=""):
        super().__init__(f"{kind}: {message}" if message else kind)
        self.kind = kind


# ---------------------------------------------------------------- AES-128 (§4)
def _xtime(a):
    return ((a << 1) ^ 0x1B) & 0xFF if a & 0x80 else a << 1


def _gmul(a, b):
    r = 0
    while b:
        if b & 1:
            r ^= a
        a, b = _xtime(a), b >> 1
    return r


def _make_sbox():
    # S(x) = affine(x^-1) in GF(2^8) with polynomial x^8+x^4+x^3+x+1 (FIPS 197 §5.1.1).
    inv = [0] * 256
    for x in range(1, 256):
        for y in range(1, 256):
            if _gmul(x, y) == 1:
                inv[x] = y
                break
    rotl = lambda b, n: ((b << n) | (b >> (8 - n))) & 0xFF
    return [b ^ rotl(b, 1) ^ rotl(b, 2) ^ rotl(b, 3) ^ rotl(b, 4) ^ 0x63 for b in inv]


SBOX = _make_sbox()
MUL2 = [_xtime(a) for a in range(256)]
MUL3 = [_xtime(a) ^ a for a in range(256)]


def aes128_expand(key):
    """Key expansion: 11 round keys of 16 bytes (FIPS 197 §5.2)."""
    w = [list(key[4 * i:4 * i + 4]) for i in range(4)]
    rcon = 1
    for i in range(4, 44):
        t = list(w[i - 1])
        if i % 4 == 0:
            t = [SBOX[b] for b in t[1:] + t[:1]]
            t[0] ^= rcon
            rcon = _xtime(rcon)
        w.append([a ^ b for a, b in zip(w[i - 4], t)])
    return [sum(w[4 * r:4 * r + 4], []) for r in range(11)]


def aes128_encrypt(round_keys, block):
    """Encrypt one 16-byte block; state byte i is row i%4, column i//4."""
    s = [a ^ b for a, b in zip(block, round_keys[0])]
    for rnd in range(1, 11):
        s = [SBOX[b] for b in s]                                          # SubBytes
        s = [s[(i + 4 * (i % 4)) % 16] for i in range(16)]                # ShiftRows
        if rnd != 10:                                                     # MixColumns
            m = []
            for c in range(4):
                a0, a1, a2, a3 = s[4 * c:4 * c + 4]
                m += [MUL2[a0] ^ MUL3[a1] ^ a2 ^ a3, a0 ^ MUL2[a1] ^ MUL3[a2] ^ a3,
                      a0 ^ a1 ^ MUL2[a2] ^ MUL3[a3], MUL3[a0] ^ a1 ^ a2 ^ MUL2[a3]]
            s = m
        s = [a ^ b for a, b in zip(s, round_keys[rnd])]                   # AddRoundKey
    return bytes(s)


def aes_self_test():
    key = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
    ct = aes128_encrypt(aes128_expand(key), bytes.fromhex("00112233445566778899aabbccddeeff"))
    if ct.hex() != "69c4e0d86a7b0430d8cdb78070b4c55a":
        raise SystemExit("AES-128 self-test (FIPS-197 C.1) failed: " + ct.hex())


# ------------------------------------------------------------ encodings (§3)
def _esc(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif o < 0x20:  # ASSUMPTION: "control characters" = U+0000..U+001F only
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canon(v):
    """Canonical JSON text (§3)."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return _esc(v)
    if isinstance(v, list):
        return "[" + ",".join(canon(x) for x in v) + "]"
    if isinstance(v, dict):
        keys = sorted(v, key=lambda k: k.encode("utf-8"))
        return "{" + ",".join(_esc(k) + ":" + canon(v[k]) for k in keys) + "}"
    raise DrawError("invalid_plan", f"not allowed in canonical JSON: {v!r}")


def canon_bytes(v):
    return canon(v).encode("utf-8")


def lp(x):
    b = x.encode("utf-8") if isinstance(x, str) else bytes(x)
    return len(b).to_bytes(4, "big") + b


def u32be(n):
    return n.to_bytes(4, "big")


def sha256(b):
    return hashlib.sha256(b).digest()


def ubytes(s):
    return s.encode("utf-8")


# -------------------------------------------------------- input digests (§2)
def entity_obj(e):
    return {"credit_class": e["credit_class"],
            # §2: a set of business lines, so a repeated id counts once
            "industries": sorted(set(e.get("industries", [])), key=ubytes),
            "last_penalty_on": e.get("last_penalty_on"), "region": e["region"],
            "registered_on": e["registered_on"], "status": e["status"],
            "uscc": e["uscc"], "weight": e.get("weight", 1)}


def history_obj(h):
    return {"date": h["date"], "department": h["department"],
            "items": sorted(h["items"], key=ubytes), "level": h["level"], "uscc": h["uscc"]}


def inspector_obj(i):
    return {"conflicts": sorted(i.get("conflicts", []), key=ubytes),
            "department": i["department"], "id": i["id"], "name": i.get("name"),
            "qualifications": sorted(i.get("qualifications", []), key=ubytes),
            "status": i.get("status", "active"), "team": i.get("team"),
            "workload_cap": i.get("workload_cap")}


def roster_digest(entities):
    return sha256(b"".join(canon_bytes(e) + b"\n" for e in entities))


def history_digest(history):
    return sha256(b"".join(sorted(canon_bytes(h) + b"\n" for h in history)))


# ------------------------------------------------------------------- PRF (§4)
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]


def valid_code(code):
    """Appendix D: 18 characters of the alphabet, positions 3-8 digits, and
    the GB 32100 check character; nothing else (not GB 11714)."""
    if not isinstance(code, str) or len(code) != 18 or \
            any(c not in USCC_ALPHABET for c in code) or not code[2:8].isdigit():
        return False
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(code, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31] == code[17]


def block(code):
    if len(code) != 18 or any(c not in USCC_ALPHABET for c in code):
        raise DrawError("invalid_roster", f"bad code {code!r}")
    n = 0
    for c in code:
        n = n * 31 + USCC_ALPHABET.index(c)
    return n.to_bytes(16, "big")


class Prf:
    def __init__(self, key):
        self.rk = aes128_expand(key)

    def __call__(self, code):
        return int.from_bytes(aes128_encrypt(self.rk, block(code)), "big")


# ------------------------------------------------------- seed and keys (§5)
def make_seed(digests, entropy):
    data = lp(ALGORITHM) + b"".join(digests) + u32be(len(entropy))
    for pv in entropy:
        data += lp(pv["label"]) + lp(pv["value"])
    return sha256(data)


def derived_key(seed, label, index):
    return sha256(seed + lp(label) + u32be(index))[:16]


# ---------------------------------------------------------- keys (§6)
def weighted_key(v, w):
    u = (float(v >> 76) + 0.5) / 2.0 ** 52  # exact: 52 bits plus one half fit in binary64
    return -math.log(u) / w


def sort_key_fn(prf, weighted):
    def key(e):
        v = prf(e["uscc"])
        return (weighted_key(v, e["weight"]), v) if weighted else v  # ties by v (§6)
    return key


# ---------------------------------------------------- plan (Appendix C)
LEVELS = ["county", "city", "province", "national"]
DOMAINS = {
    "food": ["food_production", "food_sales", "catering"],
    "drugs": ["drug_manufacturing", "drug_wholesale", "drug_retail",
              "medical_device_trade", "cosmetics_trade"],
    "special_equipment": ["special_equipment_use"],
    "hazardous_chemicals": ["hazardous_chemical_production",
                            "hazardous_chemical_storage", "hazardous_chemical_trade"],
    "product_quality": ["industrial_products"],
}


def ppm(text):
    """Decimal string with at most six decimals -> exact parts per million (§7.4);
    a JSON number is read as its shortest round-trip text (Appendix C)."""
    if isinstance(text, float):
        text = repr(text)
    elif isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str) or text.count(".") > 1:
        raise DrawError("invalid_plan", f"bad ratio {text!r}")
    whole, _, frac = text.partition(".")
    if not whole.isdigit() or len(frac) > 6 or (frac and not frac.isdigit()) or (_ and not frac):
        raise DrawError("invalid_plan", f"bad ratio {text!r}")
    return int(whole) * 10**6 + int(frac.ljust(6, "0") or 0)


def ratio_text(p):
    """Shortest decimal string of p parts per million (Appendix C)."""
    whole, frac = divmod(p, 10**6)
    frac = ("%06d" % frac).rstrip("0")
    return f"{whole}.{frac}" if frac else str(whole)


# ------------------------------------------- reading the documents (Appendix D)
INDUSTRIES = [i for ids in DOMAINS.values() for i in ids]
STATUSES = ["operating", "closed", "deregistered", "revoked", "moved_out"]
KINDS = ["enterprise", "individual_business", "farmers_cooperative", "other"]


def unread(what, problem):
    raise DrawError("invalid_input", f"{what}: {problem}")


def fields(obj, what, required, optional):
    """An object with all `required` keys and no key outside both lists."""
    if not isinstance(obj, dict):
        unread(what, "not an object")
    for k in required:
        if k not in obj:
            unread(what, f"missing field {k}")
    for k in obj:
        if k not in required and k not in optional:
            unread(what, f"unknown field {k}")


def text(v, what):
    if not isinstance(v, str):
        unread(what, "not a text")


def one_of(v, allowed, what, nullable=False):
    if not (nullable and v is None) and v not in allowed:
        unread(what, f"{v!r} is not one of {allowed}")


def whole(v, what, lo, hi, nullable=False):
    if nullable and v is None:
        return
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        unread(what, f"{v!r} is not a whole number from {lo} to {hi}")


def date(v, what):
    import datetime
    try:
        ok = isinstance(v, str) and len(v) == 10 and datetime.date.fromisoformat(v)
    except ValueError:
        ok = False
    if not ok:
        unread(what, f"{v!r} is not a date YYYY-MM-DD")


def text_list(v, what, allowed=None):
    if not isinstance(v, list):
        unread(what, "not a list")
    for x in v:
        text(x, what)
        if allowed is not None:
            one_of(x, allowed, what)


def ratio_read(v, what):
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        unread(what, "not a ratio")
    if not isinstance(v, str):
        v = repr(float(v)) if isinstance(v, float) else str(v)  # shortest round-trip text
    try:
        if ppm(v) > 10**6:
            unread(what, f"{v!r} is above 1")
    except DrawError:
        unread(what, f"{v!r} is not a decimal from 0 to 1 with at most six decimals")


def code(v, what):
    if not valid_code(v):
        unread(what, f"{v!r} is not a valid code (Appendix B)")


def read_plan(p):
    U32 = 2**32 - 1
    fields(p, "plan", ["id", "title", "level", "as_of", "period", "entropy", "tasks"],
           ["classes", "inspectors", "replaces"])
    text(p["id"], "plan.id")
    text(p["title"], "plan.title")
    one_of(p["level"], LEVELS, "plan.level")
    date(p["as_of"], "plan.as_of")
    if not isinstance(p["period"], list) or len(p["period"]) != 2:
        unread("plan.period", "not two dates")
    for d in p["period"]:
        date(d, "plan.period")
    text_list(p["entropy"], "plan.entropy")
    text_list(p.get("classes", []), "plan.classes")
    ins = p.get("inspectors", {})
    fields(ins, "plan.inspectors", [], ["per_department", "distinct_teams", "workload_cap"])
    whole(ins.get("per_department", 2), "plan.inspectors.per_department", 0, U32)
    whole(ins.get("workload_cap"), "plan.inspectors.workload_cap", 0, U32, nullable=True)
    if not isinstance(ins.get("distinct_teams", False), bool):
        unread("plan.inspectors.distinct_teams", "not true or false")
    if p.get("replaces") is not None:
        fields(p["replaces"], "plan.replaces", ["record", "reason"], [])
        text(p["replaces"]["record"], "plan.replaces.record")
        text(p["replaces"]["reason"], "plan.replaces.reason")
    if not isinstance(p["tasks"], list):
        unread("plan.tasks", "not a list")
    for t, task in enumerate(p["tasks"]):
        w = f"plan.tasks[{t}]"
        fields(task, w, ["department", "kind", "items", "direction", "strata"],
               ["filter", "rules", "weighted"])
        text(task["department"], w + ".department")
        one_of(task["kind"], ["routine", "publicity"], w + ".kind")
        one_of(task["direction"], ["undirected", "directed"], w + ".direction")
        if not isinstance(task.get("weighted", False), bool):
            unread(w + ".weighted", "not true or false")
        if not isinstance(task["items"], list):
            unread(w + ".items", "not a list")
        for it in task["items"]:
            if isinstance(it, str):
                continue
            fields(it, w + ".items", ["code"], ["industry", "domain", "category"])
            text(it["code"], w + ".items")
            one_of(it.get("industry"), INDUSTRIES, w + ".items", nullable=True)
            one_of(it.get("domain"), list(DOMAINS), w + ".items", nullable=True)
            one_of(it.get("category"), ["general", "key", "unknown"], w + ".items", nullable=True)
        f = task.get("filter", {})
        fields(f, w + ".filter", [], ["industries", "regions", "kinds", "statuses"])
        text_list(f.get("industries", []), w + ".filter.industries", INDUSTRIES)
        text_list(f.get("regions", []), w + ".filter.regions")
        text_list(f.get("kinds", []), w + ".filter.kinds", KINDS)
        text_list(f.get("statuses", []), w + ".filter.statuses", STATUSES)
        if not isinstance(task["strata"], list):
            unread(w + ".strata", "not a list")
        for s in task["strata"]:
            fields(s, w + ".strata", ["class", "size"], [])
            text(s["class"], w + ".strata")
            size = s["size"]
            if not isinstance(size, dict) or len(size) != 1 or set(size) - {"ratio", "count"}:
                unread(w + ".strata", "size is not {ratio} or {count}")
            if "ratio" in size:
                ratio_read(size["ratio"], w + ".strata")
            else:
                whole(size["count"], w + ".strata", 0, 2**64 - 1)
        r = task.get("rules", {})
        fields(r, w + ".rules", [], ["undisturbed_classes", "draw_undisturbed", "penalty_free",
                                     "repeat_window_months", "yearly_cap", "publicity_minimum"])
        text_list(r.get("undisturbed_classes", []), w + ".rules.undisturbed_classes")
        if not isinstance(r.get("draw_undisturbed", False), bool):
            unread(w + ".rules.draw_undisturbed", "not true or false")
        pf = r.get("penalty_free")
        if pf is not None:
            fields(pf, w + ".rules.penalty_free", ["years", "factor"], [])
            whole(pf["years"], w + ".rules.penalty_free.years", 0, U32)
            ratio_read(pf["factor"], w + ".rules.penalty_free.factor")
        whole(r.get("repeat_window_months"), w + ".rules.repeat_window_months", 0, U32, True)
        whole(r.get("yearly_cap"), w + ".rules.yearly_cap", 0, U32, True)
        ratio_read(r.get("publicity_minimum", "0"), w + ".rules.publicity_minimum")


def read_inputs(plan, roster, history, inspectors, entropy):
    """Appendix D, reading: each document's shape, before any check."""
    U32 = 2**32 - 1
    read_plan(plan)
    for what, doc in (("roster", roster), ("history", history), ("inspectors", inspectors),
                      ("entropy", entropy)):
        if not isinstance(doc, list):
            unread(what, "not a list")
    for n, e in enumerate(roster):
        w = f"roster entry {n + 1}"
        fields(e, w, ["uscc", "region", "status", "credit_class", "registered_on"],
               ["industries", "last_penalty_on", "weight"])
        code(e["uscc"], w)
        if not isinstance(e["region"], str) or len(e["region"]) != 6 or not e["region"].isdigit():
            unread(w, "region is not six digits")
        one_of(e["status"], STATUSES, w)
        text(e["credit_class"], w)
        date(e["registered_on"], w)
        if e.get("last_penalty_on") is not None:
            date(e["last_penalty_on"], w)
        text_list(e.get("industries", []), w, INDUSTRIES)
        whole(e.get("weight", 1), w, 1, U32)
    for n, h in enumerate(history):
        w = f"history entry {n + 1}"
        fields(h, w, ["uscc", "date", "department", "level", "items"], [])
        code(h["uscc"], w)
        date(h["date"], w)
        text(h["department"], w)
        one_of(h["level"], LEVELS, w)
        text_list(h["items"], w)
    for n, i in enumerate(inspectors):
        w = f"inspector {n + 1}"
        fields(i, w, ["id", "name", "department", "team", "status"],
               ["qualifications", "workload_cap", "conflicts"])
        for k in ("id", "name", "department", "team"):
            text(i[k], w)
        one_of(i["status"], ["active", "on_leave"], w)
        text_list(i.get("qualifications", []), w)
        if not isinstance(i.get("conflicts", []), list):
            unread(w, "conflicts is not a list")
        for c in i.get("conflicts", []):
            code(c, w)
        whole(i.get("workload_cap"), w, 0, U32, nullable=True)
    for n, x in enumerate(entropy):
        fields(x, f"public value {n + 1}", ["label", "value"], [])
        text(x["label"], f"public value {n + 1}")
        text(x["value"], f"public value {n + 1}")


def check_rosters(roster, history, inspectors):
    """Appendix D, the checks before the plan's, in the table's order."""
    for e in roster:
        if blank(e["credit_class"]):
            raise DrawError("invalid_roster", f"{e['uscc']}: blank class")
    codes = [e["uscc"] for e in roster]
    if len(set(codes)) != len(codes):
        raise DrawError("duplicate_entity")
    for h in history:
        if not h["items"] or blank(h["department"]):
            raise DrawError("invalid_history", h["uscc"])
    for i in inspectors:
        if blank(i["id"]) or blank(i["department"]) or blank(i["team"]) or \
                i.get("workload_cap") == 0:
            raise DrawError("invalid_inspector", i["id"])
    ids = [i["id"] for i in inspectors]
    if len(set(ids)) != len(ids):
        raise DrawError("invalid_inspector", "an id twice")


def fill_plan(plan):
    """Every field present, defaults filled (§2 Plan, Appendix C)."""
    p = copy.deepcopy(plan)
    p.setdefault("classes", ["A", "B", "C", "D"])
    p.setdefault("replaces", None)
    ins = p.setdefault("inspectors", {})
    for k, v in (("per_department", 2), ("distinct_teams", False), ("workload_cap", None)):
        ins.setdefault(k, v)
    for task in p["tasks"]:
        if "kind" not in task or "direction" not in task:  # Appendix D: no default
            raise DrawError("invalid_input", "a task without kind or direction")
        task.setdefault("weighted", False)
        items = []
        for it in task.get("items", []):
            if isinstance(it, str):
                raise DrawError("invalid_plan", f"bare item code {it!r}: no catalog in the spec")
            items.append({"code": it["code"], "industry": it.get("industry"),
                          "domain": it.get("domain"), "category": it.get("category")})
        task["items"] = items
        f = task.setdefault("filter", {})
        for k in ("industries", "regions", "kinds"):
            f.setdefault(k, [])
        f.setdefault("statuses", ["operating"])
        for s in task.get("strata", []):
            if "ratio" in s["size"]:
                s["size"]["ratio"] = ratio_text(ppm(s["size"]["ratio"]))
        r = task.setdefault("rules", {})
        defaults = {"undisturbed_classes": ["A"], "draw_undisturbed": False,
                    "penalty_free": {"years": 3, "factor": "0.5"},
                    "repeat_window_months": 3, "yearly_cap": 2, "publicity_minimum": "0.03"}
        for k, v in defaults.items():
            r.setdefault(k, v)
        if r["penalty_free"] is not None:
            r["penalty_free"]["factor"] = ratio_text(ppm(r["penalty_free"]["factor"]))
        r["publicity_minimum"] = ratio_text(ppm(r["publicity_minimum"]))
    return p


def check_plan(p):
    """Appendix D, `invalid_plan`, in the table's order (no catalog here)."""
    def bad(field, problem):
        raise DrawError("invalid_plan", f"{field} {problem}")

    def unique(field, values):
        if any(blank(v) for v in values) or len(set(values)) != len(values):
            bad(field, "holds a blank or repeated value")
    if blank(p["id"]):
        bad("id", "is blank")
    if p["period"][1] < p["period"][0]:
        bad("period", "ends before it starts")
    if not p["entropy"]:
        bad("entropy", "is empty")
    unique("entropy", p["entropy"])
    if not p["classes"]:
        bad("classes", "is empty")
    unique("classes", p["classes"])
    if not p["tasks"]:
        bad("tasks", "is empty")
    if not 2 <= p["inspectors"]["per_department"] <= 100:
        bad("inspectors.per_department", "is outside 2-100")
    if p["inspectors"]["workload_cap"] == 0:
        bad("inspectors.workload_cap", "is 0")
    if p["replaces"] is not None:
        rec = p["replaces"]["record"]
        if len(rec) != 64 or any(c not in "0123456789abcdefABCDEF" for c in rec):
            bad("replaces.record", "is not 64 hex digits")
        if blank(p["replaces"]["reason"]):
            bad("replaces.reason", "is blank")
    for t, task in enumerate(p["tasks"]):
        w, f, rules = f"tasks[{t}]", task["filter"], task["rules"]
        if blank(task["department"]):
            bad(w + ".department", "is blank")
        if not task["items"]:
            bad(w + ".items", "is empty")
        unique(w + ".items", [it["code"] for it in task["items"]])
        directed = bool(f["industries"] or f["kinds"] or f["regions"])
        if directed != (task["direction"] == "directed"):
            bad(w + ".filter", "does not match the direction")
        if not f["statuses"]:
            bad(w + ".filter.statuses", "is empty")
        if any(not 1 <= len(r) <= 6 or not r.isdigit() or not r.isascii() for r in f["regions"]):
            bad(w + ".filter.regions", "holds a bad prefix")
        if not task["strata"]:
            bad(w + ".strata", "is empty")
        unique(w + ".strata", [st["class"] for st in task["strata"]])
        for st in task["strata"]:
            if st["class"] not in p["classes"]:
                bad(w + ".strata", "names a class not in classes")
            if st["class"] in rules["undisturbed_classes"] and not rules["draw_undisturbed"]:
                bad(w + ".strata", "draws an undisturbed class")
        if any(c not in p["classes"] for c in rules["undisturbed_classes"]):
            bad(w + ".rules.undisturbed_classes", "names a class not in classes")
        if rules["penalty_free"] is not None and not 1 <= rules["penalty_free"]["years"] <= 100:
            bad(w + ".rules.penalty_free.years", "is outside 1-100")
        if rules["yearly_cap"] == 0 or rules["repeat_window_months"] == 0:
            bad(w + ".rules", "has a cap or window of 0")


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
    return hashlib.sha256(canon_bytes(record)).hexdigest()


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


def with_check(first17):
    """Appendix B: a code from its first 17 characters and the check character."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


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
