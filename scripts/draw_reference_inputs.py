"""Reading and checking the inputs of a draw (docs/draw-algorithm.md
Appendix D) for the reference implementation (scripts/draw_reference.py):
each document's shape first, then the checks in the table's order."""

import copy
import datetime
import re

from draw_reference_primitives import (
    DOMAINS, LEVELS, DrawError, blank, ppm, ratio_text, valid_code,
)

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
    """Appendix D: exactly YYYY-MM-DD, and a real date."""
    try:
        ok = isinstance(v, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v) \
            and datetime.date.fromisoformat(v)
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
