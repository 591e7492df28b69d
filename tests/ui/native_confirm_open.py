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
import sys
import time

from native_app import check, click, focus_window, press, read_state, run, start_app, wait_started, wait_state, xdo

# The question's buttons: a centred modal in the 1400x860 window (as in the browser).
SAVE, CANCEL = (565, 468), (798, 468)


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


def test(app, plan, tmp):
    exports = os.path.join(tmp, "exports")
    os.makedirs(exports)
    env = dict(os.environ, AZPLAN_DATA_DIR=os.path.join(tmp, "data"), AZPLAN_EXPORT_DIR=exports)
    state = os.path.join(tmp, "state.json")
    proc = start_app(app, state, env)
    start = wait_started(state, proc, 60)
    if start is None:
        return 1
    focus_window()
    press("1")
    edited = wait_state(state, lambda s: s.get("selectedStatus") == "executed" and s["dirty"], proc, 15)
    check(edited.get("selectedStatus") == "executed" and edited["dirty"], "key 1: executed, unsaved changes")

    def open_by_path():
        click(25, 10)  # Fayl
        click(45, 33)  # Aç…: natively a path dialog, its field focused
        time.sleep(0.3)
        xdo("type", "--delay", "20", plan)
        press("Return")
        return wait_state(state, lambda s: s.get("confirmOpen"), proc, 15)

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
    s = wait_state(state, lambda s: s["measures"] < 50, proc, 15)
    saved = glob.glob(os.path.join(exports, "*-plan.json"))
    text = open(saved[0], encoding="utf-8").read() if len(saved) == 1 else "{}"
    check(len(saved) == 1 and status2017(text, "roadmap-telecom-2016", "1.1.1.3") == "executed",
          f"Yadda saxla (JSON) və aç: {[os.path.basename(p) for p in saved]} holds 1.1.1.3 executed")
    check(not s["confirmOpen"] and s["measures"] < 50 and not s["dirty"] and s["errors"] == 0,
          f'…then the new plan is open ({s["measures"]} items)')


def main():
    if len(sys.argv) != 3:
        print("usage: native_confirm_open.py path/to/azplan path/to/plan.json", file=sys.stderr)
        return 2
    app, plan = sys.argv[1], os.path.abspath(sys.argv[2])
    return run(lambda tmp: test(app, plan, tmp), "azplan-native-confirm-")


if __name__ == "__main__":
    sys.exit(main())
