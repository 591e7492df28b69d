"""The MS Project XML export through GNOME Planner's own import (msp2planner.xsl, run
with xsltproc as Planner runs it): the task tree must come out with the outline levels
the file states, every name within MS Project's 255 characters, the full titles in the
notes, agencies' short names as resource short names, co-executors allocated.
Usage: mspdi_planner.py AZPLAN_CLI WORK_DIR"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

from readers_common import SKIP, check, export, finish, need

XSL = "/usr/share/planner/stylesheets/msp2planner.xsl"
cli, work = sys.argv[1], sys.argv[2]
xsltproc = need("xsltproc")
if not os.path.exists(XSL):
    print("skipped: " + XSL + " is missing (Debian's planner-data; shell/setup.sh installs it)")
    sys.exit(SKIP)
path = export(cli, work, "mspdi", "msproject.xml")
planner = subprocess.run([xsltproc, XSL, path], check=True, capture_output=True).stdout
out = ET.fromstring(planner)

ms = {"ms": "http://schemas.microsoft.com/project"}
source = ET.parse(path).getroot()
src_tasks = {t.findtext("ms:ID", namespaces=ms): t for t in source.find("ms:Tasks", ms)}

depth_ok, seen, names = 0, 0, []
def walk(e, depth):
    global depth_ok, seen
    for t in e.findall("task"):
        seen += 1
        src = src_tasks.get(t.get("id"))
        if src is not None and int(src.findtext("ms:OutlineLevel", namespaces=ms)) == depth:
            depth_ok += 1
        names.append((t.get("name"), t.get("note"), src))
        walk(t, depth + 1)
walk(out.find("tasks"), 1)
expected = sum(1 for t in src_tasks.values() if t.findtext("ms:OutlineLevel", namespaces=ms) != "0")
check(seen == expected, f"Planner's import builds {seen} tasks of the file's {expected} (the project summary aside)")
check(depth_ok == seen, f"{depth_ok} of {seen} tasks sit at the depth their OutlineLevel states")
top = [t.get("name") for t in out.find("tasks").findall("task")]
check(len(top) == 4 and all(top), "the 4 documents are the top-level tasks: " + "; ".join(n[:40] for n in top))
too_long = [n for n, _, _ in names if len(n) > 255]
check(not too_long, f"every task name is within 255 characters (longest {max(len(n) for n, _, _ in names)})")
cut = [(n, note) for n, note, _ in names if n.endswith("…")]
check(len(cut) >= 8 and all(note.startswith(n.split(" ", 1)[1][:-1]) for n, note in cut),
      f"{len(cut)} shortened names, each the beginning of the full title its note starts with")
check(any("Digər icraçı qurumlar:" in note for _, note, _ in names), "co-executors are named in the notes")
measure = next((n for n, _, _ in names if n.startswith("1.1.1.3 Azərbaycanda telekommunikasiya")), "")
check(bool(measure), "Azerbaijani letters intact: " + measure[:60])

resources = out.find("resources").findall("resource")
short = {r.get("name"): r.get("short-name") for r in resources}
check(all(short.values()) and short.get("Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi") not in (None, ""),
      f"{len(resources)} resources, each with a short name (e.g. {short.get('Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi')})")
allocations = out.find("allocations").findall("allocation")
check(len(allocations) > len([1 for _, note, _ in names if "Əsas icraçı qurum:" in note]),
      f"{len(allocations)} allocations: more than one per task that has a lead (co-executors are allocated too)")
finish()
