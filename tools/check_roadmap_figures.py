#!/usr/bin/env python3
"""Recompute the published 2017 monitoring figures of the telecom/IT Strategic Roadmap
from data/plans/roadmap-telecom-2016.json and compare them with the report
(seed 001_a4cdf8234126cf2f.txt). Python 3 standard library only.

Method (seeds README, report cover):
  * executed = 1, partial = 0.5, notExecuted = 0; items not planned for the year
    ("2017-ci ildə icrası qiymətləndirilmir", or outside their period) are left out.
  * Each priority's summary ("5 tədbirdən 4-ü 80%") counts MEASURES; its footnote
    gives how many of the priority's measures were not assessed.
  * The cover's per-priority percentage is the weighted score of SUB-MEASURES
    (the finest level: a measure without sub-measures counts as its own item).
  * The cover's shares per target and overall count SUB-MEASURES.
  * Rounding as printed: shares are whole percents, executed and partial rounded
    half-up, not-executed = 100 - the other two; single scores rounded half-up.
    Fractions are kept exact; rounding happens only for display.

Also checks: the file is valid JSON, codes and node ids are unique, every
referenced agency id is defined, every measure/sub-measure has a 2017 status, the
2017 status agrees with the item's period, and no letter is \\u-escaped.

Usage: python3 tools/check_roadmap_figures.py [path/to/roadmap-telecom-2016.json]
Exit status 0 when every figure and check is ok, 1 otherwise.
"""
import json
import os
import re
import sys
from fractions import Fraction

YEAR = 2017
DOC_ID = "roadmap-telecom-2016"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "data", "plans", "roadmap-telecom-2016.json")

# ---- published figures (line numbers refer to the seed 001_a4cdf8234126cf2f.txt) ----
# Priority summaries: (executed, partial, notExecuted, denominator,
#                      footnote total measures, footnote not-assessed count,
#                      printed % executed, % partial, % not executed)
PRIORITY_MEASURES = {
    "1.1": (0, 1, 1, 2, 3, 1, 0, 50, 50),     # l.205-212
    "1.2": (0, 4, 1, 5, 6, 1, 0, 80, 20),     # l.462-469
    "1.3": (0, 0, 2, 2, 2, 0, 0, 0, 100),     # l.995-999 (no footnote)
    "2.1": (2, 0, 0, 2, 3, 1, 100, 0, 0),     # l.1212-1219
    "2.2": (0, 2, 1, 3, 3, 0, 0, 67, 33),     # l.1468-1472 (no footnote)
    "2.3": (1, 1, 2, 4, 4, 0, 25, 25, 50),    # l.1783-1787 (no footnote)
    "2.4": (5, 1, 0, 6, 6, 0, 83, 17, 0),     # l.2310-2312 (no footnote)
    "2.5": (2, 2, 0, 4, 4, 0, 50, 50, 0),     # l.3053-3055 (no footnote)
    "3.1": (0, 1, 1, 2, 2, 0, 0, 50, 50),     # l.3435-3439 (no footnote)
    "3.2": (0, 1, 1, 2, 4, 2, 0, 50, 50),     # l.3760-3767
}
# Footnotes also give the periods of the measures left out.
FOOTNOTE_PERIODS = {
    "1.1": ["2018–2020"], "1.2": ["2018–2020"], "2.1": ["2018–2020"],
    "3.2": ["2018–2020", "2020–2025"],
}
# Cover, "Prioritetlərin icra vəziyyəti" (l.59-151): weighted sub-measure score.
PRIORITY_SCORE = {"1.1": 50, "1.2": 38, "1.3": 0, "2.1": 100, "2.2": 63,
                  "2.3": 58, "2.4": 95, "2.5": 83, "3.1": 17, "3.2": 33}
# Cover, HƏDƏFLƏR (l.10, 29-33): executed / partial / not executed shares.
TARGET_SHARES = {"1": (6, 56, 38), "2": (71, 17, 12), "3": (17, 17, 66)}
OVERALL_SHARES = (47, 28, 25)   # l.33, l.171-172
OVERALL_SCORE = 61              # l.157

STATUSES = {"executed", "partial", "notExecuted", "notAssessed"}
WEIGHT = {"executed": Fraction(1), "partial": Fraction(1, 2), "notExecuted": Fraction(0)}
MEASURE_KINDS = {"measure", "assignment"}

problems = []


def half_up(x):
    """Round a non-negative Fraction (a percentage) half-up to an int."""
    return int((x * 2 + 1) // 2)


def shares(e, p, n):
    tot = e + p + n
    if tot == 0:
        return (0, 0, 0)
    pe = half_up(Fraction(100 * e, tot))
    pp = half_up(Fraction(100 * p, tot))
    return (pe, pp, 100 - pe - pp)


def score(items):
    assessed = [s for s in items if s in WEIGHT]
    if not assessed:
        return None
    return sum(WEIGHT[s] for s in assessed) / len(assessed) * 100


def report(label, got, want):
    ok = got == want
    print(f"{'ok      ' if ok else 'MISMATCH'}  {label}: computed {got}, expected {want}")
    if not ok:
        problems.append(label)


def check(label, cond, detail=""):
    if not cond:
        print(f"MISMATCH  {label} {detail}")
        problems.append(label)


def effective_status(node, inherited_period, year=YEAR):
    for a in node.get("assessments", []):
        if a.get("year") == year and "status" in a:
            return a["status"]
    per = node.get("period") or inherited_period
    if per and not (per["start"] <= year <= per["end"]):
        return "notAssessed"
    return "pending"


SEED = os.environ.get("AZPLAN_SEEDS", "/work/shared/seeds")
TICK, EMPTY = "\uf0fd", "\uf0a8\uf06f"
PHRASES = {"qismən icra edilmişdir": "partial", "icra edilməmişdir": "notExecuted",
           "icra edilmişdir": "executed", "2017-ci ildə icrası": "notAssessed"}


def _words(text):
    text = re.sub(r"[“”\"]", "", text)
    return [w.strip(",.;:()") for w in text.split() if w.strip(",.;:()")]


def source_crosscheck(doc):
    """Compare the file with the seed text, independently of the transcription script:
    the ticked boxes of the measure tables, in reading order, must equal the statuses of
    the measures and sub-measures in document order; every title word must occur in the
    seed (line-end splits and split suffixes joined)."""
    path = os.path.join(SEED, doc["source"])
    if not os.path.exists(path):
        print(f"\nskipped   source cross-check: {path} not found")
        return
    print(f"\n== source cross-check against {doc['source']} ==")
    text = open(path, encoding="utf-8").read()
    tables = text[text.index("Planlaşdırılmış tədbirlər"):]
    pat = "([" + TICK + EMPTY + "])\\s*(" + "|".join(PHRASES) + ")"
    boxes = re.findall(pat, tables)
    ticked = [PHRASES[ph] for g, ph in boxes if g == TICK]
    order = []

    def walk(nodes):
        for n in nodes:
            if n["kind"] in MEASURE_KINDS or n["kind"] == "submeasure":
                order.append((n["code"], [a.get("status") for a in n.get("assessments", [])
                                          if a.get("year") == YEAR][0]))
            walk(n.get("children", []))
    walk(doc["nodes"])
    report("ticked boxes (U+F0FD) in the tables vs items in the file", len(ticked), len(order))
    diff = [(c, s, t) for (c, s), t in zip(order, ticked) if s != t]
    report("2017 statuses in reading order equal the ticked boxes", diff, [])
    # every status line carries a box: a phrase at a line start without a glyph would be a lost box
    lost = [l for l in tables.split("\n")
            if re.match(r"^\s*(qismən icra edilmişdir|icra edilməmişdir|icra edilmişdir|2017-ci ildə icrası)", l)]
    report("status labels without a box (lost glyphs)", len(lost), 0)
    words = set()
    toks = _words(text)
    for i, w in enumerate(toks):
        words.add(w)
        if i + 1 < len(toks):
            words.add(w + toks[i + 1])          # “Elektron hökumət” in, TTQ- nin
    missing = []

    def walk2(nodes):
        for n in nodes:
            miss = [w for w in _words(n["title"]) if w not in words]
            if miss:
                missing.append((n["code"], miss))
            walk2(n.get("children", []))
    walk2(doc["nodes"])
    report("title words not found in the seed", missing, [])


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    raw = open(path, "rb").read()
    text = raw.decode("utf-8-sig")
    plan = json.loads(text)          # same as python3 -c 'import json;json.load(open(...))'
    print(f"ok        JSON loads: {os.path.normpath(path)}")
    esc = re.findall(r"\\u[0-9a-fA-F]{4}", text)
    check("no \\u escapes in the file", not esc, f"({len(esc)} found)")
    check("formatVersion == 1", plan.get("formatVersion") == 1)

    agencies = {a["id"] for a in plan.get("agencies", [])}
    check("agency ids unique", len(agencies) == len(plan.get("agencies", [])))
    for a in plan.get("agencies", []):
        check(f"agency id pattern {a['id']}", re.fullmatch(r"[a-z0-9-]+", a["id"]) is not None)

    docs = {d["id"]: d for d in plan["documents"]}
    doc = docs[DOC_ID]
    dper = doc["period"]

    # walk the tree
    codes, ids, referenced = [], [], set()
    measures, subs_of = {}, {}
    priorities, targets = {}, {}

    def walk(nodes, parent_period, parents):
        for n in nodes:
            codes.append(n["code"])
            ids.append(n.get("id", f"{DOC_ID}/{n['code']}"))
            for key in ("lead", "coExecutors"):
                for aid in n.get(key, []):
                    referenced.add(aid)
                    check(f"agency '{aid}' of {n['code']} is defined", aid in agencies)
            per = n.get("period") or parent_period
            n["_period"] = per
            if n["kind"] == "target":
                targets[n["code"]] = n
            elif n["kind"] == "priority":
                priorities[n["code"]] = n
            elif n["kind"] in MEASURE_KINDS:
                measures[n["code"]] = n
                subs_of[n["code"]] = [c for c in n.get("children", []) if c["kind"] == "submeasure"]
            if n["kind"] in MEASURE_KINDS or n["kind"] == "submeasure":
                st = [a for a in n.get("assessments", []) if a.get("year") == YEAR]
                check(f"{n['code']} has one {YEAR} assessment with a status",
                      len(st) == 1 and st[0].get("status") in STATUSES)
                if st and st[0].get("status") in STATUSES:
                    s = st[0]["status"]
                    inside = per["start"] <= YEAR <= per["end"]
                    check(f"{n['code']} status {s} agrees with period {per.get('text')}",
                          (s == "notAssessed") != inside)
            walk(n.get("children", []), per, parents + [n])

    walk(doc["nodes"], dper, [])
    check("node codes unique", len(codes) == len(set(codes)),
          str(sorted({c for c in codes if codes.count(c) > 1})))
    check("node ids unique", len(ids) == len(set(ids)))
    for k in plan.get("kpis", []):
        check(f"kpi {k['id']} documentId", k.get("documentId") in docs)
    check("kpi ids unique", len({k['id'] for k in plan.get('kpis', [])}) == len(plan.get('kpis', [])))
    nsub = sum(len(v) for v in subs_of.values())
    print(f"ok        structure: {len(targets)} targets, {len(priorities)} priorities, "
          f"{len(measures)} measures, {nsub} sub-measures, {len(agencies)} agencies "
          f"({len(referenced)} referenced), {len(plan.get('kpis', []))} KPIs")

    def finest(mcode):
        m = measures[mcode]
        return subs_of[mcode] or [m]

    def status(n):
        return effective_status(n, n["_period"])

    print(f"\n== {YEAR}: priority summaries (measure level) ==")
    for p in sorted(priorities):
        ms = [measures[c] for c in measures if c.startswith(p + ".")]
        st = [status(m) for m in ms]
        e, pa, ne = st.count("executed"), st.count("partial"), st.count("notExecuted")
        na, pend = st.count("notAssessed"), st.count("pending")
        we, wp, wn, wden, wtot, wna, pe, pp, pn = PRIORITY_MEASURES[p]
        report(f"priority {p} measures executed/partial/not of N",
               (e, pa, ne, e + pa + ne), (we, wp, wn, wden))
        report(f"priority {p} measures printed % (exec/partial/not)", shares(e, pa, ne), (pe, pp, pn))
        report(f"priority {p} footnote: not assessed of total measures", (na, len(ms)), (wna, wtot))
        if p in FOOTNOTE_PERIODS:
            got = sorted(m["_period"]["text"].replace(" (mütəmadi)", "")
                         for m in ms if status(m) == "notAssessed")
            report(f"priority {p} footnote: periods of the measures left out", got,
                   sorted(FOOTNOTE_PERIODS[p]))
        check(f"priority {p} has no pending measures", pend == 0)

    print(f"\n== {YEAR}: cover, execution % per priority (weighted sub-measure score) ==")
    for p in sorted(priorities):
        items = [status(s) for c in measures if c.startswith(p + ".") for s in finest(c)]
        sc = score(items)
        e, pa, ne = items.count("executed"), items.count("partial"), items.count("notExecuted")
        report(f"priority {p} score ({e} exec, {pa} partial, {ne} not; exact {float(sc):.2f})",
               half_up(sc), PRIORITY_SCORE[p])

    print(f"\n== {YEAR}: cover, sub-measure shares per target (executed/partial/not) ==")
    all_items = []
    for t in sorted(targets):
        items = [status(s) for c in measures if c.split(".")[0] == t for s in finest(c)]
        all_items += items
        e, pa, ne = items.count("executed"), items.count("partial"), items.count("notExecuted")
        report(f"target {t} shares ({e}/{pa}/{ne} of {e + pa + ne})", shares(e, pa, ne), TARGET_SHARES[t])

    print(f"\n== {YEAR}: cover, overall ==")
    e, pa, ne = all_items.count("executed"), all_items.count("partial"), all_items.count("notExecuted")
    na = all_items.count("notAssessed")
    report(f"overall sub-measure shares ({e}/{pa}/{ne} of {e + pa + ne}; {na} not assessed)",
           shares(e, pa, ne), OVERALL_SHARES)
    sc = score(all_items)
    report(f"overall weighted score (exact {float(sc):.2f})", half_up(sc), OVERALL_SCORE)

    print(f"\n== {YEAR}: main-executor performance (not published: the chart did not survive) ==")
    perf = {}
    for c, m in measures.items():
        s = status(m)
        if s in WEIGHT:
            for aid in m.get("lead", [])[:1]:
                perf.setdefault(aid, []).append(s)
    for aid in sorted(perf, key=lambda a: (-len(perf[a]), a)):
        print(f"info      {aid}: {len(perf[aid])} measures, score {float(score(perf[aid])):.1f}")

    source_crosscheck(doc)

    print()
    if problems:
        print(f"{len(problems)} MISMATCH(ES)")
        return 1
    print("all figures and checks ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
