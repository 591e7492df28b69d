"""Shared by the native app tests (native_kill.py, native_confirm_open.py), run under Xvfb
through xvfb-run: pass/fail bookkeeping, the app's --state-out file (App::StateJson(), the
JSON the web page exposes), real input through xdotool, and starting and stopping the app.
"""
import json
import os
import shutil
import subprocess
import tempfile
import time

MEASURE = "roadmap-telecom-2016/1.1.1.3"  # partial in 2017

passed = failed = 0
_started = []  # every app process start_app began, stopped by run()


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok   " + what)
    else:
        failed += 1
        print("FAIL " + what)


def finish():
    """Prints the tally; the exit status for it."""
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def can_run():
    """xdotool and a display are there; otherwise says the test is skipped (exit 77)."""
    if not shutil.which("xdotool") or not os.environ.get("DISPLAY"):
        print("skipped: needs xdotool and a display (run under xvfb-run)")
        return False
    return True


def read_state(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def wait_state(path, pred, proc=None, timeout=30):
    """Polls the state file until pred holds (or the app exits, or time is up); the last state."""
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


def start_app(app, state, env):
    """The app in 2017 with MEASURE selected, keeping its state in the file `state`."""
    proc = subprocess.Popen([app, "--year", "2017", "--select", MEASURE, "--state-out", state], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _started.append(proc)
    return proc


def wait_started(state, proc, timeout):
    """The first state with MEASURE selected, checked to be partial and unsaved; None if none came."""
    start = wait_state(state, lambda s: s.get("selected") == MEASURE and "selectedStatus" in s, proc, timeout)
    check(start is not None and start.get("selectedStatus") == "partial" and not start["dirty"],
          f"the app runs with {MEASURE} selected (partial in 2017)")
    return start


def focus_window():
    """Points at the app's window and focuses it; the window ids found."""
    win = xdo("search", "--sync", "--name", "^azplan$").stdout.split()
    if win:
        # No window manager under Xvfb: keys go to the window under the pointer.
        xdo("mousemove", "--window", win[0], "700", "500")
        xdo("windowfocus", win[0])
    time.sleep(0.3)
    return win


def run(test, prefix):
    """The exit status of test(tmp), run with a new temporary folder: 77 (skipped) without
    xdotool or a display; test's own status if it returns one, else the tally. Afterwards
    the apps start_app began are stopped and the folder is removed."""
    if not can_run():
        return 77
    tmp = tempfile.mkdtemp(prefix=prefix)
    try:
        status = test(tmp)
    finally:
        for proc in _started:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return status if status is not None else finish()
