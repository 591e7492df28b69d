#!/usr/bin/env python3
"""Drives azplan-cli for the CTest tests in tests/cli/CMakeLists.txt (stdlib only).

usage: cli_test.py CLI SOURCE_DIR WORK_DIR CASE [ARG...]

cases:
  validate-hostile NAME    validate tests/hostile/NAME: exit 1 (0 for *.valid.*), every line
                           "file:line:col: [path: ]message", and the expected messages
  validate-generated KIND  a generated huge-string or deep-nesting file: exit 1, the message
  validate-bundled         validate data/plans/*.json: exit 0
  validate-missing         validate a file that does not exist: exit 1, says so
  stats-json               stats --bundled --year 2017 --json: exit 0, valid JSON, the year
  usage REASON ARG...      azplan-cli ARG...: exit 2, 'azplan-cli: REASON' and the usage on stderr
  indicators-bundled       indicators --bundled --year 2017 --json: 21 indicators, the roadmap's 16
                           with no data yet, the cashless share's working (13,5 expected in 2017)
  indicators-recorded      indicators FILE --year 2018 [--json] on a plan with measured values:
                           achieved / on track / behind / no data, text and JSON agree
  format-compact           format --compact, then format: a bundled plan goes to one line and back
                           byte for byte; synth --compact writes the same plan as synth
  export FORMAT            export --bundled --format FORMAT --year 2017 -o FILE: exit 0, the file
                           parses as its format (JSON, CSV with BOM, well-formed XML, HTML report)
"""
import csv
import glob
import io
import json
import os
import re
import subprocess
import sys
import time

# What validate must print for each corpus file: (line, column, path, part of the message).
EXPECT = {
    "invalid-json.json": [(5, 64, "", "invalid JSON: syntax error while parsing object key")],
    "wrong-types.json": [(3, 55, "agencies[0].acronyms", "expected an array of strings, found a string"),
                         (7, 28, "documents[0].period.start", "expected an integer, found a string"),
                         (9, 52, "documents[0].nodes[0].title", "expected a string, found an integer")],
    "missing-required.json": [(4, 5, "documents[0]", 'missing required key "id" (a string)'),
                              (7, 9, "documents[0].nodes[0]", 'missing required key "title" (a string)')],
    "missing-format-version.json": [(1, 1, "", 'missing required key "formatVersion"')],
    "future-format-version.json": [(2, 20, "formatVersion", "the file has format version 7; this azplan "
                                                             "reads versions up to 1")],
    "unknown-status.json": [(8, 54, "documents[0].nodes[0].assessments[0].status",
                             'unknown status "done"; expected executed, partial, notExecuted or notAssessed')],
    "unknown-node-kind.json": [(6, 41, "documents[0].nodes[0].kind", 'unknown node kind "task"; expected target')],
    "end-before-start.json": [(8, 21, "documents[0].nodes[0].period", "end year 2017 is before start year 2020")],
    "duplicate-ids.json": [(5, 13, "agencies[1].id", 'duplicate agency id "mincom"'),
                           (12, 19, "documents[0].nodes[1].code", 'duplicate code "1.1" in document "d"'),
                           (15, 13, "documents[1].id", 'duplicate document id "d"')],
    "unknown-agency.json": [(9, 57, "documents[0].nodes[0].coExecutors[1]",
                             'unknown agency "nobody"; expected an id from "agencies"')],
    "duplicate-measured.json": [(5, 19, "kpis[0].measured", "two measured values for 2018; expected one per year")],
    "agency-cycle.json": [(4, 52, "agencies[0].successor.id", 'agency lineage forms a cycle through "a"')],
    "top-level-array.json": [(1, 1, "", "expected a plan (a JSON object), found an array")],
    "number-overflow.json": [(4, 58, "", "invalid JSON: number overflow parsing '1e400'")],
    "huge-integer.json": [(5, 41, "documents[0].period.end",
                           "expected an integer from 1900 to 2200, found 18446744073709551615")],
    "empty.json": [(1, 1, "", "the file is empty")],
    "whitespace-only.json": [(1, 1, "", "the file is empty")],
    "measures.csv": [(1, 1, "", "this is not JSON")],
    "image.png": [(1, 1, "", "this is not JSON")],
    "invalid-utf8.json": [(3, 22, "", "invalid UTF-8 byte sequence")],
    "overlong-utf8.json": [(1, 32, "", "invalid UTF-8 byte sequence")],
    "bom.valid.json": [],
}

LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:(?P<path>[A-Za-z_][\w.\[\]]*): )?(?P<msg>.+)$")


def run(cli, args, cwd):
    t0 = time.monotonic()
    p = subprocess.run([cli] + args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), \
        time.monotonic() - t0


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)


def check_diagnostics(shown, out, expected):
    """Every line is file:line:col: [path: ]message; each expectation is among them."""
    lines = [l for l in out.splitlines() if l.strip()]
    parsed = []
    for l in lines:
        m = LINE.match(l)
        check(m is not None, f"not a 'file:line:col: path: message' line: {l!r}")
        check(m.group("file") == shown, f"line names {m.group('file')!r}, expected {shown!r}: {l!r}")
        parsed.append(m)
    for line, col, path, msg in expected:
        ok = any(int(m.group("line")) == line and int(m.group("col")) == col and (m.group("path") or "") == path
                 and msg in m.group("msg") for m in parsed)
        check(ok, f"missing {shown}:{line}:{col}: {path + ': ' if path else ''}…{msg}…")


def validate_hostile(cli, src, work, name):
    shown = f"tests/hostile/{name}"
    rc, out, err, secs = run(cli, ["validate", shown], src)
    print(out + err)
    if ".valid." in name:
        check(rc == 0, f"exit {rc}, expected 0 (the file must load)")
        check("0 invalid" in err, "the summary does not say 0 invalid")
        check(not any("error" in l for l in out.splitlines()), "errors printed for a valid file")
        return
    check(rc == 1, f"exit {rc}, expected 1")
    check(out.strip(), "no diagnostics printed")
    check("1 file(s) checked, 1 invalid" in err, "no summary on stderr")
    check_diagnostics(shown, out, EXPECT.get(name, []))
    check(secs < 10, f"took {secs:.1f} s")


def validate_generated(cli, src, work, kind):
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, f"{kind}.json")
    if kind == "huge-string":
        with open(path, "wb") as f:
            f.write(b'{"formatVersion": 1, "title": "')
            chunk = b"x" * (1 << 20)
            for _ in range(100):
                f.write(chunk)
            f.write(b'"}\n')
        expected = [(1, 31, "", "a text of 102400 KiB; texts up to 1024 KiB are accepted")]
    elif kind == "deep-nesting":
        with open(path, "wb") as f:
            f.write(b"[" * 10000 + b"]" * 10000)
        expected = [(1, 65, "", "nesting deeper than 64 levels")]
    else:
        raise Failure(f"unknown generated kind {kind}")
    try:
        rc, out, err, secs = run(cli, ["validate", path], src)
        print(out + err)
        print(f"validate took {secs:.2f} s")
        check(rc == 1, f"exit {rc}, expected 1")
        check_diagnostics(path, out, expected)
        check(secs < 30, f"took {secs:.1f} s")
    finally:
        os.remove(path)  # never leave 100 MB behind in the build tree


def validate_bundled(cli, src, work):
    files = sorted(os.path.relpath(p, src) for p in glob.glob(os.path.join(src, "data", "plans", "*.json")))
    check(files, "no data/plans/*.json")
    rc, out, err, _ = run(cli, ["validate"] + files, src)
    print(out + err)
    check(rc == 0, f"exit {rc}, expected 0")
    check(f"{len(files)} file(s) checked, 0 invalid" in err, "summary missing")
    for l in out.splitlines():
        m = LINE.match(l)
        check(m is not None, f"not a diagnostic line: {l!r}")
        check(m.group("msg").startswith("warning: "), f"an error for a bundled plan: {l!r}")


def validate_missing(cli, src, work):
    rc, out, err, _ = run(cli, ["validate", "tests/hostile/no-such-file.json"], src)
    print(out + err)
    check(rc == 1, f"exit {rc}, expected 1")
    check("tests/hostile/no-such-file.json: cannot open the file" in err, "does not say it cannot open the file")


def stats_json(cli, src, work):
    rc, out, err, _ = run(cli, ["stats", "--bundled", "--year", "2017", "--json"], src)
    check(rc == 0, f"exit {rc}, expected 0; stderr:\n{err}")
    try:
        doc = json.loads(out)
    except ValueError as e:
        raise Failure(f"stdout is not valid JSON: {e}\n{out[:2000]}")
    check(isinstance(doc, dict), "the JSON is not an object")
    check(doc.get("year") == 2017, f"year is {doc.get('year')!r}, expected 2017")
    plan = doc.get("plan")
    check(isinstance(plan, dict) and isinstance(plan.get("measures"), dict), "no plan.measures object")
    total = sum(v for k, v in plan["measures"].items() if isinstance(v, int) and k in
                ("executed", "partial", "notExecuted", "notAssessed", "pending"))
    check(total > 0, f"plan.measures counts nothing: {plan['measures']}")
    print(f"stats --json: valid JSON, year 2017, plan.measures = {plan['measures']}")


def usage(cli, src, work, reason, *args):
    rc, out, err, _ = run(cli, list(args), src)
    print(out + err)
    check(rc == 2, f"exit {rc}, expected 2")
    check("usage: azplan-cli <command>" in err, "the usage text is not on stderr")
    first = err.splitlines()[0] if err else ""
    check(first == f"azplan-cli: {reason}", f"reason is {first!r}, expected 'azplan-cli: {reason}'")


def export(cli, src, work, fmt):
    import xml.etree.ElementTree as ET
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, f"export-{fmt}")
    rc, out, err, secs = run(cli, ["export", "--bundled", "--format", fmt, "--year", "2017", "-o", path], src)
    print(out)
    check(rc == 0, f"exit {rc}, expected 0; stderr:\n{err}")
    check(out.startswith(f"wrote {path} ("), f"unexpected stdout {out!r}")
    with open(path, "rb") as f:
        data = f.read()
    check(len(data) > 1000, f"only {len(data)} bytes")
    if fmt == "xlsx":
        check(data.startswith(b"PK\x03\x04"), "not a zip (XLSX) file")
        print(f"export {fmt}: {len(data)} bytes in {secs:.2f} s")
        return
    text = data.decode("utf-8")  # raises on invalid UTF-8
    if fmt == "json":
        check(json.loads(text).get("formatVersion") == 1, "no formatVersion 1")
    elif fmt == "csv":
        check(text.startswith('\ufeff"Sənəd","Kod",'), "no BOM and quoted Azerbaijani header")
    elif fmt == "indicators-csv":
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        check(text.startswith("\ufeff") and rows[0][:6] == ["document", "indicator", "code", "kind", "name", "unit"],
              "no BOM and header")
        check(len(rows) == 1 + 21, f"{len(rows) - 1} indicator rows, expected 21 (no value measured yet)")
        check(any("roadmap-telecom-2016-kpi-cashless-share" in r and "noData" in r and "13.5" in r for r in rows),
              "the cashless share's row lacks its state and 2017 expected value")
    elif fmt == "gantt-a4":
        check(text.startswith("<!DOCTYPE html>") and text.count('<div class="page">') > 3, "not a paged Gantt")
    elif fmt == "html":
        check(text.startswith("<!DOCTYPE html>") and "<script" not in text, "not a script-free HTML page")
        check(">47%<" in text and ">61%<" in text, "the 2017 cover figures are missing")
        check('<h3 class="indicators">İndikatorlar</h3>' in text, "no indicators section")
        check(text.count('<svg class="kpi-chart"') == 16,
              "not one inline chart per roadmap indicator")
        check("hədəfə çatılıb 0, plan üzrədir 0, geridə qalır 0, məlumat yoxdur 16" in text,
              "the roadmap's indicator counts are missing")
    else:
        root = ET.fromstring(data)  # raises when not well-formed
        tag = {"gantt-svg": "{http://www.w3.org/2000/svg}svg", "timeline-svg": "{http://www.w3.org/2000/svg}svg",
               "mspdi": "{http://schemas.microsoft.com/project}Project"}[fmt]
        check(root.tag == tag, f"root is {root.tag}, expected {tag}")
    print(f"export {fmt}: {len(data)} bytes in {secs:.2f} s")


def indicators_bundled(cli, src, work):
    rc, out, err, _ = run(cli, ["indicators", "--bundled", "--year", "2017", "--json"], src)
    check(rc == 0, f"exit {rc}, expected 0; stderr:\n{err}")
    doc = json.loads(out)
    check(doc.get("year") == 2017, "year missing")
    by_doc = {d["documentId"]: d for d in doc["documents"]}
    check(sum(len(d["indicators"]) for d in doc["documents"]) == 21, "not 21 indicators")
    road = by_doc["roadmap-telecom-2016"]
    check(road["counts"] == {"achieved": 0, "onTrack": 0, "behind": 0, "noData": 16}, f"counts {road['counts']}")
    cash = next(k for k in road["indicators"] if k["id"].endswith("cashless-share"))
    w = cash["working"]
    check(w["from"] == 8 and w["fromYear"] == 2016 and w["to"] == 30 and w["toYear"] == 2020, f"working {w}")
    check(abs(w["expected"] - 13.5) < 1e-9, f"expected {w['expected']}, not 13.5")
    check(w["why"] == "noValue", f"why {w.get('why')}")
    pos = next(k for k in road["indicators"] if k["id"].endswith("pos-cashless-share"))
    check(pos["working"]["why"] == "textTargets", "the 8-9 % target was read as a number")
    print(f"indicators --bundled --json: {road['counts']}, cashless expected {w['expected']}")


def indicators_recorded(cli, src, work):
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, "indicators-recorded.json")
    plan = {"formatVersion": 1, "id": "t", "documents": [{"id": "d", "kind": "programme", "title": "Sənəd",
            "period": {"start": 2016, "end": 2020}, "nodes": []}],
            "kpis": [
                {"id": "up", "documentId": "d", "name": "nağdsız ödənişlər", "unit": "%",
                 "baseline": {"year": 2016, "value": 8}, "targets": [{"year": 2020, "value": 30}],
                 "measured": [{"year": 2018, "value": 20, "source": "MB"}]},
                {"id": "down", "documentId": "d", "name": "gün", "unit": "gün",
                 "baseline": {"year": 2016, "value": 40}, "targets": [{"year": 2020, "value": 10}],
                 "measured": [{"year": 2018, "value": 26}]},
                {"id": "done", "documentId": "d", "name": "sürət", "unit": "Mbit/s",
                 "baseline": {"year": 2016, "value": 3.6}, "targets": [{"year": 2020, "value": 20}],
                 "measured": [{"year": 2018, "value": 25}]},
                {"id": "text", "documentId": "d", "name": "reytinq",
                 "targets": [{"year": 2020, "text": "yaxşılaşdırılması"}],
                 "measured": [{"year": 2018, "value": 74}]}]}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)
    rc, out, err, _ = run(cli, ["indicators", path, "--year", "2018", "--json"], src)
    check(rc == 0, f"exit {rc}, expected 0; stderr:\n{err}")
    states = {k["id"]: k["state"] for d in json.loads(out)["documents"] for k in d["indicators"]}
    check(states == {"up": "onTrack", "down": "behind", "done": "achieved", "text": "noData"}, f"states {states}")
    rc, out, err, _ = run(cli, ["indicators", path, "--year", "2018"], src)
    check(rc == 0, f"exit {rc}, expected 0; stderr:\n{err}")
    print(out)
    check("Sənəd: achieved 1, on track 1, behind 1, no data 1" in out, "no per-document counts line")
    check("path 8 % (2016) → 30 % (2020), rising; expected in 2018: 19 %; measured 20 % → on track" in out,
          "the working of the rising indicator is not shown")
    check("path 40 gün (2016) → 10 gün (2020), falling; expected in 2018: 25 gün; measured 26 gün → behind" in out,
          "the working of the falling indicator is not shown")


def format_compact(cli, src, work):
    os.makedirs(work, exist_ok=True)
    original = sorted(glob.glob(os.path.join(src, "data", "plans", "*.json")))[0]
    path = os.path.join(work, "format-compact.json")
    with open(original, "rb") as f:
        indented = f.read()
    with open(path, "wb") as f:
        f.write(indented)
    rc, out, err, _ = run(cli, ["format", "--compact", path], src)
    check(rc == 0, f"exit {rc}, expected 0; stderr:\n{err}")
    with open(path, "rb") as f:
        compact = f.read()
    check(compact.count(b"\n") == 1 and compact.endswith(b"\n"), "the compact file is not one line")
    check(len(compact) < len(indented), f"{len(compact)} bytes compact, {len(indented)} indented")
    check(json.loads(compact) == json.loads(indented), "the compact file holds another plan")
    check("Azərbaycan".encode() in compact, "Azerbaijani letters escaped or lost")
    rc, out, err, _ = run(cli, ["format", path], src)
    check(rc == 0, f"exit {rc}, expected 0; stderr:\n{err}")
    with open(path, "rb") as f:
        check(f.read() == indented, "format did not give the canonical file back byte for byte")
    files = {}
    for name, extra in (("synth.json", []), ("synth-compact.json", ["--compact"])):
        files[name] = os.path.join(work, name)
        rc, out, err, _ = run(cli, ["synth", "--measures", "200"] + extra + ["-o", files[name]], src)
        check(rc == 0, f"synth {extra}: exit {rc}; stderr:\n{err}")
    with open(files["synth.json"], "rb") as a, open(files["synth-compact.json"], "rb") as b:
        x, y = a.read(), b.read()
    check(y.count(b"\n") == 1 and json.loads(x) == json.loads(y), "synth --compact wrote another plan")


CASES = {"validate-hostile": validate_hostile, "validate-generated": validate_generated,
         "validate-bundled": validate_bundled, "validate-missing": validate_missing,
         "stats-json": stats_json, "usage": usage, "export": export,
         "indicators-bundled": indicators_bundled, "indicators-recorded": indicators_recorded,
         "format-compact": format_compact}


def main():
    if len(sys.argv) < 5 or sys.argv[4] not in CASES:
        print(__doc__, file=sys.stderr)
        return 2
    cli, src, work, case = sys.argv[1:5]
    try:
        CASES[case](cli, src, work, *sys.argv[5:])
    except Failure as f:
        print(f"FAILED: {f}")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
