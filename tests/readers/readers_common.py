"""Shared by the reader tests: run azplan-cli, find a reader program or skip (exit 77),
read LibreOffice's flat ODS output, and count checks like the other drivers."""
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SKIP = 77
_passed = 0
_failed = 0


def check(cond, what):
    global _passed, _failed
    if cond:
        _passed += 1
        print("ok   " + what)
    else:
        _failed += 1
        print("FAIL " + what)
    return cond


def finish():
    print(f"{_passed} passed, {_failed} failed")
    sys.exit(1 if _failed else 0)


def need(program):
    path = shutil.which(program)
    if not path:
        print(f"skipped: {program} is not installed (shell/setup.sh installs it)")
        sys.exit(SKIP)
    return path


def export(cli, work, fmt, out_name, *extra):
    os.makedirs(work, exist_ok=True)
    out = os.path.join(work, out_name)
    subprocess.run([cli, "export", "--bundled", "--format", fmt, "--year", "2017", *extra, "-o", out], check=True)
    return out


def soffice_convert(path, to, work, infilter=None):
    """LibreOffice headless with a profile of its own (a second soffice, e.g. another
    test's, would otherwise hand the job to the running one)."""
    soffice = need("soffice")
    outdir = os.path.join(work, "lo-out")
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    cmd = [soffice, "-env:UserInstallation=file://" + os.path.abspath(os.path.join(work, "lo-profile")), "--headless"]
    if infilter:
        cmd.append("--infilter=" + infilter)
    cmd += ["--convert-to", to, "--outdir", outdir, path]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    base = os.path.splitext(os.path.basename(path))[0]
    return os.path.join(outdir, base + "." + to.split(":")[0])


NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _paragraph(e):
    """A text:p's characters, with text:s (runs of spaces), tabs and line breaks."""
    out = e.text or ""
    for k in e:
        tag = k.tag.split("}")[1]
        if tag == "s":
            out += " " * int(k.get("{%s}c" % NS["text"], "1"))
        elif tag == "tab":
            out += "\t"
        elif tag == "line-break":
            out += "\n"
        else:
            out += _paragraph(k)
        out += k.tail or ""
    return out


def read_fods(path, width):
    """Rows of (text, value-type) as LibreOffice holds them: the first `width` columns of
    the first sheet's rows; rows that are entirely empty are dropped."""
    rows = []
    sheet = ET.parse(path).getroot().find(".//table:table", NS)
    for row in sheet.iter("{%s}table-row" % NS["table"]):
        cells = []
        for c in row.findall("table:table-cell", NS):
            rep = int(c.get("{%s}number-columns-repeated" % NS["table"], "1"))
            kind = c.get("{%s}value-type" % NS["office"], "")
            text = "\n".join(_paragraph(p) for p in c.findall("text:p", NS))
            for _ in range(min(rep, width - len(cells))):
                cells.append((text, kind))
            if len(cells) >= width:
                break
        rep = int(row.get("{%s}number-rows-repeated" % NS["table"], "1"))
        if any(t for t, _ in cells):
            rows.extend([cells] * min(rep, 1))
    return rows
