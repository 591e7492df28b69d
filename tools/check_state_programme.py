#!/usr/bin/env python3
"""Check data/plans/state-programme-2016-2020.json against the plan format and its source.

Usage: python3 tools/check_state_programme.py [plan.json] [source.txt]

Checks (stdlib only):
  * the file is valid UTF-8 JSON, formatVersion 1, no \\u escapes;
  * agency ids are unique slugs; every lead / coExecutor id exists in `agencies`;
  * every code is unique and well-formed, each child's code extends its parent's,
    and siblings are numbered consecutively (x.1 ... x.N, no gaps);
  * every measure has exactly one lead and a period with start <= end in 2016-2020;
  * tasks (2.2.x) and expected results (4.0.x) are numbered consecutively;
  * independently of the JSON, the measures are counted in the source text (codes at
    line starts; a code that no other code extends is a measure) and the counts per
    section and the code sets must agree;
  * each measure's title words and executor names occur in the source between its
    code and the next code, executors in source order, and no agency named there is
    left out.
Exit status 0 when every check passes, 1 otherwise.
"""
import json
import os
import re
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
PLAN = os.path.join(HERE, "..", "data", "plans", "state-programme-2016-2020.json")
SOURCE = "/work/shared/seeds/000_05dd3645102dbe15.txt"
DOC_ID = "state-programme-2016-2020"
YEARS = (2016, 2020)
# Title words that are repaired on purpose (source spelling -> transcribed spelling).
REPAIRS = {"5.4": {"İKT": "KT"}}  # "KT - cəmiyyətin ..." lost its initial İ in extraction
# Words of a source row that belong to neither the title nor an executor name.
LEFTOVER = {"5.7.3": ["və"]}  # "... Bilik Fondu və yerli icra hakimiyyəti orqanları"

errors = []


def err(msg):
    errors.append(msg)
    print("ERROR:", msg)


def norm_ws(s):
    return re.sub(r"\s+", " ", s).strip()


def words(s):
    return [w for w in re.split(r"[\s,.;:()“”\"]+", s) if w]


def code_parts(code):
    return [int(x) for x in code.split(".")]


def main():
    plan_path = sys.argv[1] if len(sys.argv) > 1 else PLAN
    src_path = sys.argv[2] if len(sys.argv) > 2 else SOURCE

    raw = open(plan_path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
        plan = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        print("ERROR: not valid UTF-8 JSON:", e)
        return 1
    print("valid JSON:", plan_path)
    if "\\u" in text:
        err("file contains \\u escapes; write real UTF-8")
    if plan.get("formatVersion") != 1:
        err("formatVersion must be 1")

    # ---- agencies
    agencies = OrderedDict()
    for a in plan.get("agencies", []):
        aid = a.get("id", "")
        if not re.fullmatch(r"[a-z0-9-]+", aid):
            err(f"bad agency id {aid!r}")
        if aid in agencies:
            err(f"duplicate agency id {aid}")
        if not a.get("name"):
            err(f"agency {aid} has no name")
        if not a.get("variants"):
            err(f"agency {aid} has no variants")
        agencies[aid] = a

    docs = [d for d in plan.get("documents", []) if d.get("id") == DOC_ID]
    if len(docs) != 1:
        err(f"expected one document {DOC_ID}, found {len(docs)}")
        return 1
    doc = docs[0]
    p = doc.get("period", {})
    if (p.get("start"), p.get("end")) != YEARS:
        err("document period must be 2016-2020")

    # ---- coded lists
    for field, prefix in (("tasks", "2.2"), ("expectedResults", "4.0"), ("goals", "2")):
        items = doc.get(field, [])
        codes = [i.get("code") for i in items]
        if len(set(codes)) != len(codes):
            err(f"{field}: duplicate codes")
        if field != "goals":
            want = [f"{prefix}.{n}" for n in range(1, len(items) + 1)]
            if codes != want:
                err(f"{field}: codes not consecutive: {codes}")
        for i in items:
            if not i.get("text"):
                err(f"{field} {i.get('code')}: empty text")

    # ---- nodes
    seen = set()
    used = set()
    measures = []           # (code, node)
    per_section = OrderedDict()

    def visit(nodes, parent_code, depth_section):
        expect = 1
        for n in nodes:
            code = n.get("code", "")
            if not re.fullmatch(r"\d+(\.\d+)*", code):
                err(f"malformed code {code!r}")
                continue
            if code in seen:
                err(f"duplicate code {code}")
            seen.add(code)
            parts = code_parts(code)
            if parent_code is not None and parts[:-1] != code_parts(parent_code):
                err(f"{code} is not a child code of {parent_code}")
            if parent_code is not None and parts[-1] != expect:
                err(f"gap or disorder: expected {parent_code}.{expect}, found {code}")
            expect = parts[-1] + 1
            if not n.get("title"):
                err(f"{code}: empty title")
            kind = n.get("kind")
            if kind == "measure":
                measures.append((code, n))
                per_section[depth_section or code] = per_section.get(depth_section or code, 0) + 1
                if n.get("children"):
                    err(f"{code}: a measure with children")
                lead = n.get("lead", [])
                if len(lead) != 1:
                    err(f"{code}: lead must name exactly one agency, has {lead}")
                ids = lead + n.get("coExecutors", [])
                if len(set(ids)) != len(ids):
                    err(f"{code}: an executor is listed twice")
                for aid in ids:
                    used.add(aid)
                    if aid not in agencies:
                        err(f"{code}: unknown agency id {aid}")
                per = n.get("period")
                if not per:
                    err(f"{code}: no period")
                else:
                    s, e = per.get("start"), per.get("end")
                    if not (isinstance(s, int) and isinstance(e, int) and YEARS[0] <= s <= e <= YEARS[1]):
                        err(f"{code}: bad period {per}")
                    if per.get("ongoing") and per.get("text") != "mütəmadi":
                        err(f"{code}: ongoing period without text 'mütəmadi'")
                if n.get("assessments"):
                    err(f"{code}: the source has no assessments")
            elif kind in ("section", "subsection"):
                if not n.get("children"):
                    err(f"{code}: {kind} without children")
                sec = code if kind == "section" else depth_section
                if kind == "subsection":
                    per_section[code] = 0  # own bucket for sub-sections
                    sec = code
                visit(n.get("children", []), code, sec)
            else:
                err(f"{code}: unexpected kind {kind}")

    top = doc.get("nodes", [])
    visit(top, None, None)
    top_codes = [n.get("code") for n in top]
    if top_codes != [f"5.{i}" for i in range(1, len(top_codes) + 1)]:
        err(f"top-level sections not 5.1 ... 5.N: {top_codes}")
    for aid in agencies:
        if aid not in used:
            err(f"agency {aid} is defined but never referenced")

    # ---- independent count in the source
    if not os.path.exists(src_path):
        err(f"source not found: {src_path}")
        return report(per_section, None, measures)
    src = open(src_path, encoding="utf-8").read()
    src = re.sub(r"-[ \t]*\n\s*", "-", src)   # the one word split at a line end: “start-\nup”
    lines = src.split("\n")
    starts = []             # (code, line index, rest of line)
    for i, ln in enumerate(lines):
        m = re.match(r"^\s*(5\.\d+(?:\.\d+)*)\.(?:\s+(.*))?$", ln)
        if m:
            starts.append((m.group(1), i, m.group(2) or ""))
    scodes = [c for c, _, _ in starts]
    leaves = [c for c in scodes if not any(o.startswith(c + ".") for o in scodes)]
    src_count = OrderedDict()
    for c in scodes:
        if c.count(".") == 1:
            src_count[c] = 0
    for c in scodes:
        if c.count(".") == 2 and c not in leaves:
            src_count[c] = 0
    for c in leaves:
        parent = c.rsplit(".", 1)[0]
        src_count[parent] = src_count.get(parent, 0) + 1
    src_count = OrderedDict((k, v) for k, v in src_count.items() if v or k.count(".") == 2)

    jcodes = [c for c, _ in measures]
    if sorted(jcodes) != sorted(leaves):
        err(f"measure codes differ: only in JSON {sorted(set(jcodes) - set(leaves))}, "
            f"only in source {sorted(set(leaves) - set(jcodes))}")
    # tasks and results at line starts
    for field, pat in (("tasks", r"^2\.2\.\d+\.?\s"), ("expectedResults", r"^4\.0\.\d+\.?\s")):
        n_src = sum(1 for ln in lines if re.match(pat, ln.strip() + " "))
        n_js = len(doc.get(field, []))
        print(f"{field}: source {n_src}, JSON {n_js}")
        if n_src != n_js:
            err(f"{field}: source has {n_src}, JSON {n_js}")

    # ---- text checks: words and executors between a code and the next code
    region = {}
    for k, (c, i, rest) in enumerate(starts):
        j = starts[k + 1][1] if k + 1 < len(starts) else len(lines)
        region[c] = (rest + "\n" + "\n".join(lines[i + 1:j]))
    byc = {}

    def index(nodes):
        for n in nodes:
            byc[n["code"]] = n
            index(n.get("children", []))
    index(top)
    for c, n in byc.items():
        if c not in region:
            err(f"{c}: not found in the source")
            continue
        if n.get("kind") != "measure":
            head = words(region[c].split("\n")[0])
            tw = [REPAIRS.get(c, {}).get(w, w) for w in words(n["title"])]
            if tw != head:
                err(f"{c}: heading differs: source {head}, JSON {words(n['title'])}")
            continue
        pool = Counter(words(region[c]))
        missing = Counter(words(n["title"])) - pool
        if missing:
            err(f"{c}: title words not in source region: {list(missing.elements())}")
        flat = norm_ws(re.sub(r"(?m)\b\d{4}\s*-\s*\d{4}\b|\bmütəmadi\b|^\s*\d{4}\s*$", " ", region[c]))
        pos = []
        rest = flat
        for aid in n["lead"] + n.get("coExecutors", []):
            a = agencies.get(aid)
            if not a:
                continue
            hits = [(m.start(), -len(v), v) for v in a["variants"]
                    for m in re.finditer(r"(?<!\w)" + re.escape(v) + r"(?!\w)", flat)]
            if not hits:
                err(f"{c}: executor {aid} not named in its source row")
            else:
                first = min(hits)
                pos.append((first[0], aid))
                rest = re.sub(r"(?<!\w)" + re.escape(first[2]) + r"(?!\w)", " ", rest, count=1)
        # what is left of the row once executors and period are removed must be the title
        extra = Counter(words(rest)) - Counter(words(n["title"])) - Counter(LEFTOVER.get(c, []))
        if extra:
            err(f"{c}: source row words missing from the title: {list(extra.elements())}")
        if [a for _, a in sorted(pos)] != [a for _, a in pos]:
            err(f"{c}: executors not in source order: {[a for _, a in pos]}")
        listed = set(n["lead"] + n.get("coExecutors", []))
        for aid, a in agencies.items():
            if aid in listed:
                continue
            for v in a["variants"]:
                if re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", flat):
                    # a name contained in a longer listed name is no omission
                    if not any(v in w for o in listed for w in agencies[o]["variants"] if w != v):
                        err(f"{c}: source row names {aid} ({v}) but the JSON does not")
                    break
        per = n["period"]
        ptext = re.findall(r"(?m)\b(\d{4})\s*-\s*(\d{4})\b|^\s*(\d{4})\s*$|\b(mütəmadi)\b", region[c])
        if len(ptext) != 1:
            err(f"{c}: expected one period in the source row, found {ptext}")
        else:
            a, b, single, reg = ptext[0]
            want = ((int(a), int(b), False) if a else (int(single), int(single), False) if single
                    else (YEARS[0], YEARS[1], True))
            got = (per.get("start"), per.get("end"), bool(per.get("ongoing")))
            if want != got:
                err(f"{c}: period {got} but source says {ptext[0]}")
    return report(per_section, src_count, measures)


def report(per_section, src_count, measures):
    print()
    print("measures per section (sub-sections indented):")
    print(f"{'section':<12}{'source':>8}{'JSON':>8}")
    keys = list(per_section)
    if src_count:
        keys += [k for k in src_count if k not in per_section]
    tops = sorted({k.split(".")[0] + "." + k.split(".")[1] for k in keys},
                  key=lambda k: code_parts(k))

    def total(d, top):
        if d is None:
            return "-"
        return sum(v for k, v in d.items() if k == top or k.startswith(top + "."))
    for t in tops:
        s, j = total(src_count, t), total(per_section, t)
        print(f"{t:<12}{s!s:>8}{j:>8}")
        if src_count is not None and s != j:
            err(f"section {t}: source {s} measures, JSON {j}")
        for k in sorted((k for k in keys if k.startswith(t + ".")), key=code_parts):
            s = src_count.get(k, 0) if src_count is not None else "-"
            j = per_section.get(k, 0)
            print(f"  {k:<10}{s!s:>8}{j:>8}")
            if src_count is not None and s != j:
                err(f"sub-section {k}: source {s} measures, JSON {j}")
    total_src = sum(src_count.values()) if src_count else "-"
    print(f"{'total':<12}{total_src!s:>8}{len(measures):>8}")
    print()
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
