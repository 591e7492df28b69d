#!/usr/bin/env python3
"""Agency returns end to end through azplan-cli, and through a real spreadsheet program.

usage: returns_test.py CLI SOURCE_DIR WORK_DIR CASE

cases:
  forms            returns --year 2017 -o DIR and -o OUT.zip: one workbook per agency with a
                   status dropdown, protection and Azerbaijani text; the zip holds them all
  merge-conflict   a return that contradicts the coordinator's status: exit 3, nothing written
  merge-prefer     --prefer returns / current: exit 0, the plan written, provenance kept;
                   --json gives the counts
  libreoffice      LibreOffice (headless) opens a generated form, the test fills statuses the
                   way a user would, LibreOffice saves it as .xlsx and as ';'-separated CSV;
                   both merge into the plan with the statuses and Azerbaijani letters intact.
                   Exit 77 (skipped) only when soffice is missing.
  indicators       the small plan with indicators owned through their measures: the forms
                   get an İndikatorlar sheet (CLI summary counts them); LibreOffice re-saves
                   the two-sheet form untouched (read back: nothing refused), then the
                   indicators sheet is filled (12,5 % · 7.25 · a wrong unit) and saved by
                   LibreOffice as .xlsx and as ';' CSV; both merge with the values, source
                   and Azerbaijani letters intact, the bad row named with file, sheet and
                   row. Also the JSON return's "indicators". Exit 77 only without soffice.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile

CLI, SRC, WORK, CASE = sys.argv[1:5]
PLAN = os.path.join(SRC, "tests", "fixtures", "small-plan.json")
os.makedirs(WORK, exist_ok=True)
WORK = os.path.join(WORK, "returns-" + CASE)
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)


def run(*args, expect=0):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, encoding="utf-8")
    if p.returncode != expect:
        sys.exit(f"azplan-cli {' '.join(args)}: exit {p.returncode}, expected {expect}\n{p.stdout}\n{p.stderr}")
    return p


def check(cond, what):
    if not cond:
        sys.exit("FAILED: " + what)


def libreoffice():
    """LibreOffice's headless converter, as convert(src, target, outdir, infilter=None), with
    a profile of the test's own; exits 77 (skipped) when soffice is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found (shell/setup.sh installs libreoffice-calc-nogui): skipped")
        sys.exit(77)
    profile = "file://" + os.path.join(WORK, "lo-profile")

    def convert(src, target, outdir, infilter=None):
        cmd = [soffice, "-env:UserInstallation=" + profile, "--headless", "--norestore"]
        if infilter:
            cmd.append("--infilter=" + infilter)
        cmd += ["--convert-to", target, "--outdir", outdir, src]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        check(p.returncode == 0, f"soffice {' '.join(cmd[2:])}: {p.returncode}\n{p.stdout}\n{p.stderr}")

    return convert


def assessment(plan_path, code, year):
    plan = json.load(open(plan_path, encoding="utf-8"))

    def walk(nodes):
        for n in nodes:
            if n["code"] == code:
                return next((a for a in n.get("assessments", []) if a["year"] == year), None)
            hit = walk(n.get("children", []))
            if hit is not None:
                return hit
        return None

    for d in plan["documents"]:
        hit = walk(d["nodes"])
        if hit is not None:
            return hit
    return None


def write_json_return(path, statuses, agency="mincom", year=2017):
    run("returns", PLAN, "--year", str(year), "--agency", agency, "--format", "json", "-o", WORK)
    src = os.path.join(WORK, f"{year}-{agency}-hesabat.json")
    ret = json.load(open(src, encoding="utf-8"))
    for row in ret["rows"]:
        if row["code"] in statuses:
            row["status"] = statuses[row["code"]]
            row["workDone"] = "Əmr imzalanıb; İnformasiya sistemi qurulub"
            row["reportedBy"] = "Ş. Əliyev"
            row["date"] = "2018-01-20"
    json.dump(ret, open(path, "w", encoding="utf-8"), ensure_ascii=False)


if CASE == "forms":
    out = os.path.join(WORK, "forms")
    p = run("returns", PLAN, "--year", "2017", "-o", out)
    check("wrote 2 form(s), 7 rows" in p.stdout, "two forms, seven rows: " + p.stdout)
    names = sorted(os.listdir(out))
    check(names == sorted(["2017-minecon-hesabat.xlsx", "2017-mincom-hesabat.xlsx"]), f"form names {names}")
    with zipfile.ZipFile(os.path.join(out, "2017-mincom-hesabat.xlsx")) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    check("<sheetProtection" in sheet, "protected sheet")
    check('type="list"' in sheet and "qismən icra edilmişdir" in sheet, "status dropdown in Azerbaijani")
    check("İşçi qrupun yaradılması" in strings, "Azerbaijani titles intact")
    check("Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi" in strings, "agency name in the header")
    p = run("returns", PLAN, "--year", "2017", "--lang", "en", "-o", os.path.join(WORK, "all.zip"))
    with zipfile.ZipFile(os.path.join(WORK, "all.zip")) as z:
        check(sorted(z.namelist()) == names, f"zip entries {z.namelist()}")
        with zipfile.ZipFile(io.BytesIO(z.read("2017-mincom-hesabat.xlsx"))) as form:
            check("executed,partially executed,not executed,not assessed" in
                  form.read("xl/worksheets/sheet1.xml").decode("utf-8"), "English dropdown with --lang en")
    run("returns", PLAN, "--year", "2017", "--agency", "nobody", "-o", out, expect=1)
    print("ok")

elif CASE == "merge-conflict":
    ret = os.path.join(WORK, "mincom.json")
    write_json_return(ret, {"1.1.1": "icra edilmişdir"})  # the plan says partial (coordinator)
    out = os.path.join(WORK, "merged.json")
    p = run("merge", PLAN, "--year", "2017", ret, "-o", out, expect=3)
    check("1 conflict(s)" in p.stdout and "coordinatorEdit" in p.stdout, "conflict reported: " + p.stdout)
    check("--prefer" in p.stderr, "says how to decide: " + p.stderr)
    check(not os.path.exists(out), "nothing written on undecided conflicts")
    print("ok")

elif CASE == "merge-prefer":
    ret = os.path.join(WORK, "mincom.json")
    write_json_return(ret, {"1.1.1": "icra edilmişdir", "1.1.1.1": "✔", "1.1.1.2": "bilinmir"})
    out = os.path.join(WORK, "merged.json")
    p = run("merge", PLAN, "--year", "2017", ret, "-o", out, "--prefer", "returns", "--date", "2018-02-01")
    check("row 3: status \"bilinmir\" is not one of the four" in p.stdout, "bad row named: " + p.stdout)
    a = assessment(out, "1.1.1", 2017)
    check(a["status"] == "executed" and a["reportedStatus"] == "executed", f"return won: {a}")
    check(a["reportingAgency"] == "mincom" and a["sourceFile"] == "mincom.json", f"provenance: {a}")
    check(a["workDone"] == "Əmr imzalanıb; İnformasiya sistemi qurulub" and a["reportedBy"] == "Ş. Əliyev", f"texts: {a}")
    check(a["date"] == "2018-01-20", f"date from the return: {a}")
    check(assessment(out, "1.1.1.2", 2017)["status"] == "executed", "the refused row left the plan alone")
    out2 = os.path.join(WORK, "kept.json")
    p = run("merge", PLAN, "--year", "2017", ret, "-o", out2, "--prefer", "current", "--json")
    counts = json.loads(p.stdout)["counts"]
    check(counts["received"] == 2 and counts["rowsRefused"] == 1 and counts["conflicts"] == 1, f"counts {counts}")
    check(assessment(out2, "1.1.1", 2017)["status"] == "partial", "coordinator's status kept")
    print("ok")

elif CASE == "libreoffice":
    convert = libreoffice()
    forms = os.path.join(WORK, "forms")
    run("returns", PLAN, "--year", "2017", "--agency", "mincom", "-o", forms)
    form = os.path.join(forms, "2017-mincom-hesabat.xlsx")

    # 1. LibreOffice opens our form and saves it as CSV (UTF-8, comma): what a user sees.
    opened = os.path.join(WORK, "opened")
    convert(form, 'csv:Text - txt - csv (StarCalc):44,34,76,1', opened)
    rows = list(csv.reader(open(os.path.join(opened, "2017-mincom-hesabat.csv"), encoding="utf-8", newline="")))
    header = next(i for i, r in enumerate(rows) if r and r[1].startswith("Kod"))
    check(rows[header + 1][2] == "İşçi qrupun yaradılması", f"title as LibreOffice reads it: {rows[header + 1]}")
    # 1b. LibreOffice re-saves the untouched form as .xlsx: azplan still knows it as the
    # agency's return for this plan and year (nothing filled in, nothing refused).
    resaved = os.path.join(WORK, "resaved")
    convert(form, "xlsx", resaved)
    p = run("merge", PLAN, "--year", "2017", os.path.join(resaved, "2017-mincom-hesabat.xlsx"),
            "-o", os.path.join(WORK, "resaved.json"))
    check("1 file(s), 0 refused; 0 rows received, 0 refused" in p.stdout, "re-saved form: " + p.stdout)
    # 2. The user fills in statuses (Azerbaijani labels, a mark, a score) and work done.
    fill = {"1.1.1": ("icra edilmişdir", "Şura yaradılıb, Əsasnamə təsdiqlənib"),
            "1.1.1.1": ("✔", "Qərar № 12"),
            "1.1.1.3": ("0,5", "Çərçivə sənədinin layihəsi hazırlanıb"),
            "1.1.1.4": ("qiymətləndirilmir", "")}
    for r in rows[header + 1:]:
        if len(r) > 8 and r[1] in fill:
            r[7], r[8] = fill[r[1]]
            r[10] = "İlqar Məmmədov"
    filled = os.path.join(WORK, "filled.csv")
    with open(filled, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    # 3. LibreOffice saves it as .xlsx (every column read as text, as the form's are).
    as_text = "/".join(f"{c}/2" for c in range(1, 13))
    xlsx_dir = os.path.join(WORK, "xlsx")
    convert(filled, "xlsx", xlsx_dir, infilter=f"Text - txt - csv (StarCalc):44,34,76,1,{as_text}")
    saved_xlsx = os.path.join(xlsx_dir, "filled.xlsx")
    # 4. …and that .xlsx as ';'-separated CSV, as Azerbaijani locales save it.
    csv_dir = os.path.join(WORK, "csv")
    convert(saved_xlsx, 'csv:Text - txt - csv (StarCalc):59,34,76,1', csv_dir)
    saved_csv = os.path.join(csv_dir, "filled.csv")
    first = open(saved_csv, encoding="utf-8").readline()
    check(first.count(";") >= 11 and "," not in first.split(";")[1], f"';'-separated: {first!r}")
    for ret in (saved_xlsx, saved_csv):
        out = os.path.join(WORK, os.path.basename(ret) + ".plan.json")
        p = run("merge", PLAN, "--year", "2017", ret, "-o", out, "--prefer", "returns")
        check("4 rows received, 0 refused" in p.stdout, f"{ret}: {p.stdout}")
        a = assessment(out, "1.1.1", 2017)
        check(a["status"] == "executed" and a["workDone"] == "Şura yaradılıb, Əsasnamə təsdiqlənib", f"{ret}: {a}")
        check(a["reportedBy"] == "İlqar Məmmədov", f"{ret}: Azerbaijani letters intact: {a}")
        check(assessment(out, "1.1.1.1", 2017)["status"] == "executed", f"{ret}: ✔")
        check(assessment(out, "1.1.1.3", 2017)["status"] == "partial", f"{ret}: 0,5")
        check(assessment(out, "1.1.1.4", 2017)["status"] == "notAssessed", f"{ret}: label")
    print("ok")

elif CASE == "indicators":
    # The small plan and three indicators: mincom owns two (measure 1.1.1, sub-measure
    # 1.1.1.2), minecon one (sub-measure 1.1.2.1).
    plan = json.load(open(PLAN, encoding="utf-8"))
    plan["kpis"] = [
        {"id": "kpi-share", "documentId": "rm", "kind": "outcome", "name": "Nağdsız ödənişlərin payı", "unit": "%",
         "baseline": {"year": 2016, "value": 8}, "targets": [{"year": 2020, "value": 30}], "nodeIds": ["rm/1.1.1"]},
        {"id": "kpi-speed", "documentId": "rm", "kind": "outcome", "name": "Genişzolaqlı internetin sürəti",
         "unit": "Mbit/s", "targets": [{"year": 2020, "value": 20}], "nodeIds": ["rm/1.1.1.2"]},
        {"id": "kpi-count", "documentId": "rm", "kind": "outcome", "name": "Operatorların sayı", "unit": "operator",
         "nodeIds": ["rm/1.1.2.1"]},
    ]
    kplan = os.path.join(WORK, "plan-with-indicators.json")
    json.dump(plan, open(kplan, "w", encoding="utf-8"), ensure_ascii=False)

    def measured(plan_path, kpi_id, year):
        for k in json.load(open(plan_path, encoding="utf-8")).get("kpis", []):
            if k["id"] == kpi_id:
                return next((m for m in k.get("measured", []) if m["year"] == year), None)
        return None

    forms = os.path.join(WORK, "forms")
    p = run("returns", kplan, "--year", "2017", "-o", forms)
    check("wrote 2 form(s), 7 rows, 3 indicators" in p.stdout, "indicators counted: " + p.stdout)
    form = os.path.join(forms, "2017-mincom-hesabat.xlsx")
    with zipfile.ZipFile(form) as z:
        workbook = z.read("xl/workbook.xml").decode("utf-8")
        sheet2 = z.read("xl/worksheets/sheet2.xml").decode("utf-8")
    check('name="İndikatorlar"' in workbook, "an İndikatorlar sheet: " + workbook)
    check("<sheetProtection" in sheet2, "indicators sheet protected")

    # JSON returns carry the indicators too.
    run("returns", kplan, "--year", "2017", "--agency", "minecon", "--format", "json", "-o", WORK)
    jret = json.load(open(os.path.join(WORK, "2017-minecon-hesabat.json"), encoding="utf-8"))
    check([k["id"] for k in jret.get("indicators", [])] == ["kpi-count"], f"JSON indicators {jret.get('indicators')}")
    jret["indicators"][0].update(value="4", source="Rabitə statistikası", reportedBy="Gülnarə Həsənova")
    jpath = os.path.join(WORK, "minecon.json")
    json.dump(jret, open(jpath, "w", encoding="utf-8"), ensure_ascii=False)
    out = os.path.join(WORK, "json.plan.json")
    p = run("merge", kplan, "--year", "2017", jpath, "-o", out, "--date", "2018-02-01")
    m = measured(out, "kpi-count", 2017)
    check(m and m["value"] == 4 and m["reportingAgency"] == "minecon" and m["reportedBy"] == "Gülnarə Həsənova",
          f"JSON value merged with provenance: {m}\n{p.stdout}")

    convert = libreoffice()

    # 1. LibreOffice re-saves the untouched two-sheet form: both sheets still read.
    resaved = os.path.join(WORK, "resaved")
    convert(form, "xlsx", resaved)
    p = run("merge", kplan, "--year", "2017", os.path.join(resaved, "2017-mincom-hesabat.xlsx"),
            "-o", os.path.join(WORK, "resaved.json"))
    check("1 file(s), 0 refused; 0 rows received, 0 refused" in p.stdout and "not read" not in p.stdout,
          "re-saved two-sheet form: " + p.stdout)
    # 2. LibreOffice saves the indicators sheet (the 2nd) as CSV: what a user sees there.
    opened = os.path.join(WORK, "opened")
    convert(form, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2', opened)
    csvs = [f for f in os.listdir(opened) if f.endswith(".csv")]
    check(len(csvs) == 1, f"one CSV of sheet 2: {csvs}")
    rows = list(csv.reader(open(os.path.join(opened, csvs[0]), encoding="utf-8", newline="")))
    header = next(i for i, r in enumerate(rows) if len(r) > 1 and r[1].startswith("İndikator"))
    check(rows[header][7].startswith("Ölçülmüş dəyər (2017)"), f"value heading: {rows[header]}")
    by_id = {r[0]: r for r in rows[header + 1:] if r and r[0]}
    check(sorted(by_id) == ["kpi-share", "kpi-speed"], f"mincom's indicators: {sorted(by_id)}")
    check(by_id["kpi-share"][4] == "8 (2016)" and by_id["kpi-share"][5].startswith("30 (2020)"),
          f"baseline and target as LibreOffice reads them: {by_id['kpi-share']}")
    # 3. The user fills in values (decimal comma with a unit, a decimal point), sources and
    #    a note, and one value with the wrong unit.
    by_id["kpi-share"][7:11] = ["12,5 %", "Mərkəzi Bankın statistikası", "İl üzrə orta göstərici", "Şahin Əliyev"]
    by_id["kpi-speed"][7:9] = ["7.25", "Rabitə və İnformasiya Texnologiyaları Nazirliyi"]
    bad = list(by_id["kpi-share"])
    bad[7] = "12 manat"
    rows.append(bad)
    bad_row = len(rows)
    filled = os.path.join(WORK, "indicators.csv")
    with open(filled, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    # 4. LibreOffice saves it as .xlsx (every column as text, as the form's are), and that
    #    .xlsx as ';'-separated CSV, as Azerbaijani locales do.
    as_text = "/".join(f"{c}/2" for c in range(1, 13))
    xlsx_dir = os.path.join(WORK, "xlsx")
    convert(filled, "xlsx", xlsx_dir, infilter=f"Text - txt - csv (StarCalc):44,34,76,1,{as_text}")
    saved_xlsx = os.path.join(xlsx_dir, "indicators.xlsx")
    csv_dir = os.path.join(WORK, "csv")
    convert(saved_xlsx, 'csv:Text - txt - csv (StarCalc):59,34,76,1', csv_dir)
    saved_csv = os.path.join(csv_dir, "indicators.csv")
    for ret in (saved_xlsx, saved_csv):
        out = os.path.join(WORK, os.path.basename(ret) + ".plan.json")
        p = run("merge", kplan, "--year", "2017", ret, "-o", out, "--date", "2018-02-01")
        check("2 rows received, 1 refused" in p.stdout, f"{ret}: {p.stdout}")
        check(f"row {bad_row}: indicator kpi-share: value \"12 manat\" not accepted: the unit is %" in p.stdout,
              f"{ret}: the bad row named with its row: {p.stdout}")
        check((", sheet " in p.stdout) and os.path.basename(ret) in p.stdout, f"{ret}: file and sheet named: {p.stdout}")
        m = measured(out, "kpi-share", 2017)
        check(m and m["value"] == 12.5 and m["source"] == "Mərkəzi Bankın statistikası", f"{ret}: 12,5 % intact: {m}")
        check(m["note"] == "İl üzrə orta göstərici" and m["reportedBy"] == "Şahin Əliyev", f"{ret}: letters intact: {m}")
        check(m["reportingAgency"] == "mincom" and m["sourceFile"] == os.path.basename(ret), f"{ret}: provenance {m}")
        check(measured(out, "kpi-speed", 2017)["value"] == 7.25, f"{ret}: 7.25")
    print("ok")

else:
    sys.exit("unknown case " + CASE)
