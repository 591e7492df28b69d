"""Both languages complete, and screenshots of every view (issue 17).

Runs the native app (under xvfb-run) on each tab in English and in Azerbaijani, at
1024x768 (100 %) and at 1280x800 with 200 % text, with a measure selected. Each run
writes a screenshot and the text ImGui's widgets drew in that frame (--dump-text).

The language check: with the English UI, no word with Azerbaijani letters may appear
unless it comes from the plan's data (the bundled plans' JSON: titles, agencies, events);
with the Azerbaijani UI, no word that exists only in the English column of the strings
table (src/ui/strings.cpp) may appear unless it is data.

usage: native_languages.py APP DATA_PLANS_DIR STRINGS_CPP OUT_DIR
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

AZ_LETTERS = set("əğışçöüƏĞİŞÇÖÜ")
WORD = re.compile(r"[^\W\d_]+(?:['ʼ][^\W\d_]+)?", re.UNICODE)
MEASURE = "roadmap-telecom-2016/1.1.1.3"
# Names that are the same in both languages or not words of either (formats, units).
NEUTRAL = {"azplan", "json", "csv", "html", "svg", "png", "xlsx", "mspdi", "gantt", "ctrl", "shift", "n", "q",
           "i", "ii", "iii", "iv", "x", "y", "yyyy", "mm", "dd", "kpi", "ok"}

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what)


def data_text(plans_dir):
    """(every word, all strings joined) of the bundled plans' JSON: text that is data, not UI."""
    words, strings = set(), []

    def walk(v):
        if isinstance(v, str):
            strings.append(v)
            words.update(w.lower() for w in WORD.findall(v))
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(k)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for path in glob.glob(os.path.join(plans_dir, "*.json")):
        with open(path, encoding="utf-8") as f:
            walk(json.load(f))
    return words, "\n".join(strings)


SEGMENT = re.compile(r"\s+[·|—]\s+|\s{2,}|: ")
EDGE = re.compile(r"^[^\w“\"«]+|[^\w”\"»)]+$", re.UNICODE)
LEADING_CODE = re.compile(r"^(?:[\d.\-–/№]+\s+)+")


def is_data_segment(segment, blob):
    """A piece of a drawn run comes from the data when, without a leading code or date and
    the marks around it, it is a piece of one of the data's strings (cut text included)."""
    core = EDGE.sub("", LEADING_CODE.sub("", EDGE.sub("", segment)))
    return bool(core) and core in blob


def table_words(strings_cpp):
    """(Azerbaijani words, English words) of the UI strings table."""
    with open(strings_cpp, encoding="utf-8") as f:
        src = f.read()
    lit = r'(?:"(?:[^"\\]|\\.)*"\s*)+'
    entry = re.compile(r'\{"([^"]+)",\s*\{(' + lit + r'),\s*(' + lit + r')\}\}')
    az, en = set(), set()
    joined = lambda s: "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', s))
    n = 0
    for m in entry.finditer(src):
        n += 1
        az.update(w.lower() for w in WORD.findall(joined(m.group(2))))
        en.update(w.lower() for w in WORD.findall(joined(m.group(3))))
    return az, en, n


def run(app, out_dir, tab, lang, size, scale):
    name = f"{tab}-{lang}-{size}-{int(scale * 100)}"
    shot = os.path.join(out_dir, f"lang-{name}.png")
    text = os.path.join(out_dir, f"lang-{name}.txt")
    env = dict(os.environ, AZPLAN_DATA_DIR=tempfile.mkdtemp(prefix="azplan-lang-"))
    cmd = [app, "--size", size, "--tab", tab, "--lang", lang, "--scale", str(scale), "--year", "2017",
           "--select", MEASURE, "--screenshot", shot, "--frames", "8", "--dump-text", text]
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    check(r.returncode == 0, f"{name}: app ran ({r.returncode}) {r.stderr.strip()[:200]}")
    try:
        with open(text, encoding="utf-8") as f:
            return name, f.read()
    except OSError:
        check(False, f"{name}: text dump written")
        return name, ""


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    app, plans_dir, strings_cpp, out_dir = sys.argv[1:]
    os.makedirs(out_dir, exist_ok=True)
    data, blob = data_text(plans_dir)
    az_words, en_words, entries = table_words(strings_cpp)
    check(entries > 100, f"strings table read ({entries} entries)")
    english_only = {w for w in en_words if w not in az_words and w not in data and w not in NEUTRAL and len(w) > 2}
    check(len(english_only) > 50, f"English-only UI words known ({len(english_only)})")
    for size, scale in (("1024x768", 1), ("1280x800", 2)):
        for lang in ("en", "az"):
            for tab in ("table", "gantt", "timeline", "dashboard"):
                name, text = run(app, out_dir, tab, lang, size, scale)
                segments = [g for line in text.splitlines() for g in SEGMENT.split(line.strip()) if g]
                words = [(w, g) for g in segments for w in WORD.findall(g)]
                check(len(words) > 20, f"{name}: the frame drew text ({len(words)} words)")
                if lang == "en":
                    # Azerbaijani letters, or a word only the Azerbaijani column of the table has.
                    foreign = lambda w: any(c in AZ_LETTERS for c in w) or (
                        w.lower() in az_words and w.lower() not in en_words and w.lower() not in NEUTRAL and len(w) > 2)
                else:
                    foreign = lambda w: w.lower() in english_only
                bad = [(w, g) for w, g in words if foreign(w) and not is_data_segment(g, blob)]
                seen = sorted({f"{w!r} in {g[:80]!r}" for w, g in bad})
                check(not seen, f"{name}: no {'Azerbaijani' if lang == 'en' else 'English'} UI text: " + "; ".join(seen[:8]))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
