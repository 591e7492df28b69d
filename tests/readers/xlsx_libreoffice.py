"""The XLSX export opened by LibreOffice Calc (headless, converted to flat ODS to read
what Calc holds): every cell in the column the CSV has it in, Azerbaijani letters intact,
codes as text (5.1.10 not a date, 1 not a number), years as numbers, deadlines as dates.
Usage: xlsx_libreoffice.py AZPLAN_CLI WORK_DIR"""
import csv
import io
import os
import sys

from readers_common import check, export, finish, need, read_fods, soffice_convert

cli, work = sys.argv[1], sys.argv[2]
need("soffice")
xlsx = export(cli, work, "xlsx", "measures.xlsx")
rows = list(csv.reader(io.StringIO(open(export(cli, work, "csv", "measures.csv"), encoding="utf-8-sig").read(),
                                   newline="")))
header = rows[0]
width = len(header)
cells = read_fods(soffice_convert(xlsx, "fods", os.path.join(work, "lo")), width + 3)
check(len(cells) == len(rows), f"LibreOffice reads {len(cells)} rows (the CSV has {len(rows)})")
check([t for t, _ in cells[0][:width]] == header, "the header is the CSV's: " + ", ".join(header[:5]) + ", …")
check(not [r for r in cells if any(t for t, _ in r[width:])], f"nothing past column {width}")

col = {h: i for i, h in enumerate(header)}
text_cols = [i for i, h in enumerate(header) if h not in ("Başlama ili", "Bitmə ili", "Son tarix")]
same = sum(1 for r, c in zip(rows[1:], cells[1:])
           if all(c[i][0] == r[i].lstrip("\u2060").replace("\r\n", "\n") for i in text_cols))
check(same == len(rows) - 1, f"{same} of {len(rows) - 1} rows hold every text cell as the CSV, in the same column")
code = col["Kod"]
kinds = {c[code][1] for c in cells[1:]}
check(kinds == {"string"}, f"all {len(cells) - 1} codes are text cells ({kinds})")
check(any(c[code][0] == "5.1.10" for c in cells) and any(c[code][0] == "1" for c in cells),
      "5.1.10 and 1 read back as written")
years = {c[col["Başlama ili"]][1] for c in cells[1:] if c[col["Başlama ili"]][0]}
check(years == {"float"}, f"start years are numbers ({years})")
deadlines = {c[col["Son tarix"]][1] for c in cells[1:] if c[col["Son tarix"]][0]}
check(deadlines == {"date"}, f"deadlines are dates ({deadlines})")
lead = col["Əsas icraçı qurum (2017)"]
check(any(c[lead][0] == "Nəqliyyat, Rabitə və Yüksək Texnologiyalar Nazirliyi" for c in cells),
      "Azerbaijani letters intact; the ministry by its 2017 name")
check(cells[0][col["İcra vəziyyəti (2017)"]][0] == "İcra vəziyyəti (2017)" and
      {c[col["İcra vəziyyəti (2017)"]][0] for c in cells[1:]} >= {"icra edilmişdir", "qismən icra edilmişdir"},
      "statuses as Azerbaijani labels")
finish()
