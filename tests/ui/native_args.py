#!/usr/bin/env python3
"""The desktop app's command line: a mistyped option is refused (message, usage, exit 2)
before any window opens, instead of being taken for a plan file name."""
import subprocess
import sys

app = sys.argv[1]
failures = 0


def check(cond, what):
    global failures
    print(("ok   " if cond else "FAIL ") + what)
    failures += 0 if cond else 1


def run(*args):
    # No DISPLAY: a refusal must come before GLFW is asked for anything.
    env = {"PATH": "/usr/bin:/bin", "AZPLAN_DATA_DIR": "/nonexistent/azplan-args-test"}
    return subprocess.run([app, *args], capture_output=True, text=True, timeout=30, env=env)


for args, message in [(["--bogus"], "unknown option --bogus"),
                      (["--sceenshot", "x.png"], "unknown option --sceenshot"),
                      (["--tab", "gant"], 'unknown view "gant" for --tab (table, gantt, timeline, dashboard or indicators)'),
                      (["--year"], "--year needs a value")]:
    r = run(*args)
    check(r.returncode == 2, f"{' '.join(args)}: exit 2 (got {r.returncode})")
    check(message in r.stderr, f"{' '.join(args)}: says '{message}'")
    check("usage: azplan" in r.stderr, f"{' '.join(args)}: prints the usage")

r = run("--help")
check(r.returncode == 0 and "--tab T" in r.stdout and "table, gantt, timeline, dashboard or indicators" in r.stdout,
      "--help lists the views from the view table")
# The usage is a printf format: a bare % in it printed stack garbage.
check("text size, 1 to 2 (100 % to 200 %)\n" in r.stdout, "--help gives the text size range as written")
sys.exit(1 if failures else 0)
