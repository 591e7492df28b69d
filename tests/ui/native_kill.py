#!/usr/bin/env python3
"""The desktop app under Xvfb (run through xvfb-run): autosave safety.

1. A damaged autosave (garbage in the data folder) is set aside as
   azplan.autosave.damaged, the bundled plans open, and the notice says so. A good
   whole copy with a damaged journal of later edits is set aside too (never opened
   without them); a journal that names another whole copy is set aside and the copy opens.
2. Two status edits made with real keys (xdotool), about a second of waiting (the last
   edit is then only in the autosave's journal, not yet in its whole copy), SIGKILL:
   the restarted app restores both edits with the notice "Avtomatik yaddaşdan bərpa
   edildi." and the same figures.

The app runs with AZPLAN_DATA_DIR in a temporary folder (never the developer's own
autosave) and --state-out, which keeps App::StateJson() (the JSON the web page exposes)
in a file. Usage: native_kill.py path/to/azplan. Exits 77 (skipped) without xdotool or
a display.
"""
import json
import os
import signal
import subprocess
import sys
import time

from native_app import check, focus_window, press, read_state, run, start_app, wait_started, wait_state

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")


def fnv1a(data):
    """The autosave's checksum (src/core/autosave_format.cpp): FNV-1a 64-bit, 16 hex digits."""
    h = 1469598103934665603
    for b in data:
        h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


RESTORED = "Avtomatik yaddaşdan bərpa edildi."
DAMAGED = "Avtomatik yaddaş zədələnib və kənara qoyulub; daxili planlar açıldı."


def test(app, tmp):
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    env = dict(os.environ, AZPLAN_DATA_DIR=data, AZPLAN_EXPORT_DIR=os.path.join(tmp, "exports"))
    autosave = os.path.join(data, "azplan.autosave")
    # 1. A damaged autosave.
    garbage = b"\x00\xffnot an autosave {{{" + os.urandom(64)
    with open(autosave, "wb") as f:
        f.write(garbage)
    state = os.path.join(tmp, "damaged.json")
    r = subprocess.run([app, "--frames", "15", "--state-out", state], env=env, capture_output=True, timeout=120)
    s = read_state(state)
    check(r.returncode == 0 and s is not None, f"the app starts over a damaged autosave (exit {r.returncode})")
    if s:
        check(s["notice"] == DAMAGED, f'the user is told: "{s["notice"]}"')
        check(s["measures"] > 300 and s["errors"] == 0 and not s["dirty"],
              f'the bundled plans open ({s["measures"]} items)')
    aside = os.path.join(data, "azplan.autosave.damaged")
    check(os.path.exists(aside) and open(aside, "rb").read() == garbage and not os.path.exists(autosave),
          "the damaged autosave is set aside as azplan.autosave.damaged, byte for byte")

    # 1b. A whole copy that is fine with a journal of edits after it that is not: the two
    # are set aside, and the plan is not opened without its last edits.
    for f in os.listdir(data):
        os.remove(os.path.join(data, f))
    small = open(os.path.join(FIXTURES, "small-plan.json"), "rb").read().decode("utf-8")
    base = json.dumps({"azplanAutosave": 1, "name": "small-plan.json", "year": 2017,
                       "checksum": fnv1a(small.encode("utf-8")), "plan": small}, ensure_ascii=False).encode("utf-8")
    record = json.dumps({"dirty": True, "year": 2017, "nodes": []})
    journal_path = os.path.join(data, "azplan.autosave.journal")
    for what, other_base, line_sum, expect in [
            ("a journal with a damaged record", False, "0000000000000000", DAMAGED),
            ("a journal that names another whole copy", True, None, RESTORED)]:
        header = json.dumps({"azplanJournal": 1, "base": "0123456789abcdef" if other_base else fnv1a(small.encode("utf-8"))})
        journal = (header + "\n" + (line_sum or fnv1a(record.encode("utf-8"))) + " " + record + "\n").encode("utf-8")
        for path, value in [(autosave, base), (journal_path, journal)]:
            with open(path, "wb") as f:
                f.write(value)
        state = os.path.join(tmp, "journal.json")
        r = subprocess.run([app, "--frames", "15", "--state-out", state], env=env, capture_output=True, timeout=120)
        s = read_state(state)
        check(s is not None and s["notice"] == expect, f'{what}: the user is told "{s and s["notice"]}"')
        journal_aside = os.path.join(data, "azplan.autosave.journal.damaged")
        kept = os.path.exists(journal_aside) and open(journal_aside, "rb").read() == journal
        if expect == DAMAGED:
            check(s is not None and s["measures"] > 300 and not s["dirty"] and kept and
                  open(aside, "rb").read() == base, f"{what}: both are set aside, the bundled plans open")
        else:
            # The whole copy was written after that journal (a kill between the two writes):
            # it holds the journal's edits, and opens alone.
            check(s is not None and s["measures"] < 100 and s["dirty"] and kept,
                  f"{what}: the journal is set aside, the whole copy opens ({s and s['measures']} items)")
        for f in os.listdir(data):
            os.remove(os.path.join(data, f))

    # 2. Edits, then SIGKILL.
    state = os.path.join(tmp, "session.json")
    proc = start_app(app, state, env)
    before = wait_started(state, proc, 30)
    if before is None:
        return 1
    check(len(focus_window()) > 0, "the app's window is found")
    press("1")
    s1 = wait_state(state, lambda s: s.get("selectedStatus") == "executed", proc, 10)
    check(s1 is not None and s1.get("selectedStatus") == "executed" and s1["dirty"], "key 1 sets it executed")
    press("3")  # the last completed edit
    edited = wait_state(state, lambda s: s.get("selectedStatus") == "notExecuted", proc, 10)
    check(edited is not None and edited.get("selectedStatus") == "notExecuted" and
          edited["plan"]["subMeasures"]["notExecuted"] == before["plan"]["subMeasures"]["notExecuted"] + 1,
          "key 3 sets it not executed (one more not-executed sub-measure)")
    time.sleep(1.0)
    # The edits are kept as a journal of changes next to the whole copy (src/ui/autosave.h):
    # at least the last one must be in it, so the restart below replays a journal.
    journal = os.path.join(data, "azplan.autosave.journal")
    records = open(journal, "rb").read().decode("utf-8").splitlines()[1:] if os.path.exists(journal) else []
    check(len(records) >= 1 and os.path.exists(autosave),
          f"the whole copy and a journal of {len(records)} edit(s) are on disk before the kill")
    proc.send_signal(signal.SIGKILL)
    rc = proc.wait(timeout=10)
    check(rc == -signal.SIGKILL, f"the app was killed with SIGKILL (status {rc})")

    # 3. Restart: the edits are back.
    state = os.path.join(tmp, "restored.json")
    r = subprocess.run([app, "--frames", "15", "--state-out", state], env=env, capture_output=True, timeout=120)
    s = read_state(state)
    check(r.returncode == 0 and s is not None, f"the app restarts (exit {r.returncode})")
    if s and edited:
        check(s["notice"] == RESTORED, f'the restart says it restored: "{s["notice"]}"')
        check(s["plan"] == edited["plan"] and s["measures"] == edited["measures"] and s["dirty"] and
              s["year"] == 2017, f'both edits are back: sub-measures {s["plan"]["subMeasures"]}')


def main():
    if len(sys.argv) != 2:
        print("usage: native_kill.py path/to/azplan", file=sys.stderr)
        return 2
    app = sys.argv[1]
    return run(lambda tmp: test(app, tmp), "azplan-native-kill-")


if __name__ == "__main__":
    sys.exit(main())
