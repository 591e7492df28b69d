#!/usr/bin/env python3
"""The desktop app under Xvfb (run through xvfb-run): autosave safety.

1. A damaged autosave (garbage in the data folder) is set aside as
   azplan.autosave.damaged, the bundled plans open, and the notice says so.
2. Two status edits made with real keys (xdotool), about a second of waiting, SIGKILL:
   the restarted app restores both edits with the notice "Avtomatik yaddaşdan bərpa
   edildi." and the same figures.

The app runs with AZPLAN_DATA_DIR in a temporary folder (never the developer's own
autosave) and --state-out, which keeps App::StateJson() (the JSON the web page exposes)
in a file. Usage: native_kill.py path/to/azplan. Exits 77 (skipped) without xdotool or
a display.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

RESTORED = "Avtomatik yaddaşdan bərpa edildi."
DAMAGED = "Avtomatik yaddaş zədələnib və kənara qoyulub; daxili planlar açıldı."
MEASURE = "roadmap-telecom-2016/1.1.1.3"  # partial in 2017

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


def wait_state(path, pred, proc=None, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        s = read_state(path)
        if s is not None and pred(s):
            return s
        if proc is not None and proc.poll() is not None:
            break
        time.sleep(0.05)
    return read_state(path)


def xdo(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=20)


def press(key):
    # ImGui samples keys once per frame: hold the key across a few frames.
    xdo("keydown", key)
    time.sleep(0.15)
    xdo("keyup", key)
    time.sleep(0.1)


def main():
    if len(sys.argv) != 2:
        print("usage: native_kill.py path/to/azplan", file=sys.stderr)
        return 2
    app = sys.argv[1]
    if not shutil.which("xdotool") or not os.environ.get("DISPLAY"):
        print("skipped: needs xdotool and a display (run under xvfb-run)")
        return 77
    tmp = tempfile.mkdtemp(prefix="azplan-native-kill-")
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    env = dict(os.environ, AZPLAN_DATA_DIR=data, AZPLAN_EXPORT_DIR=os.path.join(tmp, "exports"))
    autosave = os.path.join(data, "azplan.autosave")
    proc = None
    try:
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

        # 2. Edits, then SIGKILL.
        for f in os.listdir(data):
            os.remove(os.path.join(data, f))
        state = os.path.join(tmp, "session.json")
        proc = subprocess.Popen([app, "--year", "2017", "--select", MEASURE, "--state-out", state], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        before = wait_state(state, lambda s: s.get("selected") == MEASURE and "selectedStatus" in s, proc)
        check(before is not None and before.get("selectedStatus") == "partial" and not before["dirty"],
              f"the app runs with {MEASURE} selected (partial in 2017)")
        if before is None:
            return 1
        win = xdo("search", "--sync", "--name", "^azplan$").stdout.split()
        check(len(win) > 0, "the app's window is found")
        if win:
            # No window manager under Xvfb: keys go to the window under the pointer.
            xdo("mousemove", "--window", win[0], "700", "500")
            xdo("windowfocus", win[0])
        time.sleep(0.3)
        press("1")
        s1 = wait_state(state, lambda s: s.get("selectedStatus") == "executed", proc, 10)
        check(s1 is not None and s1.get("selectedStatus") == "executed" and s1["dirty"], "key 1 sets it executed")
        press("3")  # the last completed edit
        edited = wait_state(state, lambda s: s.get("selectedStatus") == "notExecuted", proc, 10)
        check(edited is not None and edited.get("selectedStatus") == "notExecuted" and
              edited["plan"]["subMeasures"]["notExecuted"] == before["plan"]["subMeasures"]["notExecuted"] + 1,
              "key 3 sets it not executed (one more not-executed sub-measure)")
        time.sleep(1.0)
        proc.send_signal(signal.SIGKILL)
        rc = proc.wait(timeout=10)
        proc = None
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
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
