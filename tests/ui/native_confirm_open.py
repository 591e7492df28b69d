#!/usr/bin/env python3
"""The desktop app under Xvfb (run through xvfb-run): no lost work when opening (issue 8).

With real input (xdotool): key 1 edits the plan, File > Aç… asks for a path (typed, Enter);
because the plan has unsaved changes the app asks first. "İmtina" (cancel) keeps the
edited plan, still unsaved; asked again, "Yadda saxla (JSON) və aç" writes the edited plan
to AZPLAN_EXPORT_DIR (the edit is in it) and then opens the new plan.

The app runs with AZPLAN_DATA_DIR/AZPLAN_EXPORT_DIR in a temporary folder and
--state-out (App::StateJson() in a file). Usage: native_confirm_open.py path/to/azplan
path/to/plan.json. Exits 77 (skipped) without xdotool or a display.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

MEASURE = "roadmap-telecom-2016/1.1.1.3"  # partial in 2017
# The question's buttons: a centred modal in the 1400x860 window (as in the browser).
SAVE, CANCEL = (565, 468), (798, 468)

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what)


def read_state(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def wait_state(path, pred, proc, timeout=15):
    end = time.time() + timeout
    while time.time() < end:
        s = read_state(path)
        if s is not None and pred(s):
            return s
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    return read_state(path)


def xdo(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20)


def press(key):
    # ImGui samples input once per frame: hold keys and buttons across a few frames.
    xdo("keydown", key)
    time.sleep(0.15)
    xdo("keyup", key)
    time.sleep(0.1)


def click(x, y):
    xdo("mousemove", str(x), str(y))
    time.sleep(0.1)
    xdo("mousedown", "1")
    time.sleep(0.15)
    xdo("mouseup", "1")
    time.sleep(0.15)


def status2017(text, doc_id, code):
    def find(nodes):
        for n in nodes or []:
            if n.get("code") == code:
                return n
            c = find(n.get("children"))
            if c:
                return c
        return None
    doc = next((d for d in json.loads(text).get("documents", []) if d.get("id") == doc_id), None)
    n = find(doc["nodes"]) if doc else None
    a = next((x for x in (n or {}).get("assessments", []) if x.get("year") == 2017), None)
    return a and a.get("status")


def main():
    if len(sys.argv) != 3:
        print("usage: native_confirm_open.py path/to/azplan path/to/plan.json", file=sys.stderr)
        return 2
    app, plan = sys.argv[1], os.path.abspath(sys.argv[2])
    if not shutil.which("xdotool") or not os.environ.get("DISPLAY"):
        print("skipped: needs xdotool and a display (run under xvfb-run)")
        return 77
    tmp = tempfile.mkdtemp(prefix="azplan-native-confirm-")
    exports = os.path.join(tmp, "exports")
    os.makedirs(exports)
    env = dict(os.environ, AZPLAN_DATA_DIR=os.path.join(tmp, "data"), AZPLAN_EXPORT_DIR=exports)
    state = os.path.join(tmp, "state.json")
    proc = subprocess.Popen([app, "--year", "2017", "--select", MEASURE, "--state-out", state], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        start = wait_state(state, lambda s: s.get("selected") == MEASURE and "selectedStatus" in s, proc, 60)
        check(start is not None and start.get("selectedStatus") == "partial" and not start["dirty"],
              f"the app runs with {MEASURE} selected (partial in 2017)")
        if start is None:
            return 1
        win = xdo("search", "--sync", "--name", "^azplan$").stdout.split()
        if win:  # no window manager under Xvfb: keys go to the window under the pointer
            xdo("mousemove", "--window", win[0], "700", "500")
            xdo("windowfocus", win[0])
        time.sleep(0.3)
        press("1")
        edited = wait_state(state, lambda s: s.get("selectedStatus") == "executed" and s["dirty"], proc)
        check(edited.get("selectedStatus") == "executed" and edited["dirty"], "key 1: executed, unsaved changes")

        def open_by_path():
            click(25, 10)  # Fayl
            click(45, 33)  # Aç…: natively a path dialog, its field focused
            time.sleep(0.3)
            xdo("type", "--delay", "20", plan)
            press("Return")
            return wait_state(state, lambda s: s.get("confirmOpen"), proc)

        s = open_by_path()
        check(s["confirmOpen"] and s["pendingOpen"] == plan and s["plan"] == edited["plan"] and s["dirty"],
              f'File > Aç… over unsaved changes asks first ("{s["pendingOpen"]}"); the plan is unchanged')
        for _ in range(3):
            if not read_state(state).get("confirmOpen"):
                break
            click(*CANCEL)
            wait_state(state, lambda s: not s.get("confirmOpen"), proc, 3)
        time.sleep(0.3)
        s = read_state(state)
        check(not s["confirmOpen"] and s["plan"] == edited["plan"] and s["measures"] == edited["measures"] and
              s["dirty"] and s.get("selectedStatus") == "executed", "İmtina: the edited plan stays, still unsaved")

        s = open_by_path()
        check(s["confirmOpen"], "asked again")
        for _ in range(3):
            if not read_state(state).get("confirmOpen"):
                break
            click(*SAVE)
            wait_state(state, lambda s: not s.get("confirmOpen"), proc, 3)
        s = wait_state(state, lambda s: s["measures"] < 50, proc)
        saved = glob.glob(os.path.join(exports, "*-plan.json"))
        text = open(saved[0], encoding="utf-8").read() if len(saved) == 1 else "{}"
        check(len(saved) == 1 and status2017(text, "roadmap-telecom-2016", "1.1.1.3") == "executed",
              f"Yadda saxla (JSON) və aç: {[os.path.basename(p) for p in saved]} holds 1.1.1.3 executed")
        check(not s["confirmOpen"] and s["measures"] < 50 and not s["dirty"] and s["errors"] == 0,
              f'…then the new plan is open ({s["measures"]} items)')
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
