"""The CSV export opened as a user double-clicking it would: LibreOffice Calc's import
with the dialog's default separators (tab, comma AND semicolon) under an Azerbaijani
locale with number detection on (the settings that shifted 150 of 349 rows and turned
115 codes into dates), and with plain comma settings; then Python's csv module as the
programmers' reader. Asserts what a user sees: every cell in its column, Azerbaijani
letters intact, codes as text, statuses and headers in Azerbaijani.
Usage: csv_libreoffice.py AZPLAN_CLI WORK_DIR"""
import csv
import io
import os
import sys

from readers_common import check, export, finish, need, read_fods, soffice_convert

cli, work = sys.argv[1], sys.argv[2]
need("soffice")
path = export(cli, work, "csv", "measures.csv")
raw = open(path, "rb").read()
check(raw.startswith(b"\xef\xbb\xbf"), "the CSV starts with the UTF-8 BOM")

# Python's csv module: the file as written.
rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
header = rows[0]
width = len(header)
check(width >= 19 and header[:4] == ["Sənəd", "Kod", "Növ", "Tədbir"], "csv module: Azerbaijani header " + repr(header[:4]))
check(all(len(r) == width for r in rows), f"csv module: every one of {len(rows)} rows has {width} cells")
code_col, status_col, lead_col = header.index("Kod"), header.index("İcra vəziyyəti (2017)"), header.index("Əsas icraçı qurum (2017)")
codes = [r[code_col].lstrip("\u2060") for r in rows[1:]]
check(len(rows) - 1 == 349 and codes.count("5.1.10") >= 1 and codes.count("1") >= 1,
      f"csv module: {len(rows) - 1} items, codes read back as written once U+2060 is stripped")
statuses = {r[status_col] for r in rows[1:]}
check({"icra edilmişdir", "qismən icra edilmişdir", "icra edilməmişdir"} <= statuses,
      "statuses are Azerbaijani labels: " + ", ".join(sorted(s for s in statuses if s)))
multi = [r for r in rows[1:] if ";" in r[lead_col + 2]]
check(len(multi) > 50, f"{len(multi)} rows list several co-executors joined with '; '")

settings = {
    "the import dialog's defaults (tab, comma and semicolon; Azerbaijani locale; number detection)":
        "Text - txt - csv (StarCalc):9/44/59,34,76,1,,1068,false,true",
    "comma only, English locale, no special numbers": "Text - txt - csv (StarCalc):44,34,76,1,,1033,false,false",
}
for what, infilter in settings.items():
    fods = soffice_convert(path, "fods", os.path.join(work, "lo"), infilter)
    cells = read_fods(fods, width + 3)
    check(len(cells) == len(rows), f"LibreOffice, {what}: {len(cells)} rows (the file has {len(rows)})")
    shifted = [i for i, r in enumerate(cells) if any(t for t, _ in r[width:])]
    check(not shifted, f"LibreOffice, {what}: no row spills past column {width}" +
          (f" (rows {shifted[:5]} do)" if shifted else ""))
    same = sum(1 for r, c in zip(rows, cells) if [t for t, _ in c[:width]] == [v.replace("\r\n", "\n") for v in r])
    check(same == len(rows), f"LibreOffice, {what}: {same} of {len(rows)} rows have every cell as written, in its column")
    code_types = {k for r in cells[1:] for t, k in [r[code_col]]}
    bad = [r[code_col] for r in cells[1:] if r[code_col][1] != "string"]
    check(code_types == {"string"}, f"LibreOffice, {what}: all {len(cells) - 1} codes are text" +
          (f"; not: {bad[:5]}" if bad else ""))
    check(cells[0][status_col][0] == "İcra vəziyyəti (2017)" and any(r[3][0].count("ə") > 2 for r in cells[1:]),
          f"LibreOffice, {what}: Azerbaijani letters intact (İ, ə)")
    years = {k for r in cells[1:] for t, k in [r[header.index("Başlama ili")]] if t}
    check(years == {"float"}, f"LibreOffice, {what}: start years are numbers ({years})")
finish()
