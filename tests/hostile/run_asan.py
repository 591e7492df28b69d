#!/usr/bin/env python3
"""Runs the core and data test executables of the ASan+UBSan build (core_tests_asan_ubsan).

usage: run_asan.py ASAN_DIR

ASAN_DIR is the build tree made by `shell/build.sh asan` (-DAZPLAN_SANITIZE=ON).
Exits 77 (CTest SKIP_RETURN_CODE) when it holds no core_tests, 1 when any suite fails
or a sanitizer reports an error.
"""
import os
import subprocess
import sys

SUITES = ["core_tests", "data_tests"]


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    asan_dir = sys.argv[1]
    found = [os.path.join(asan_dir, "tests", s) for s in SUITES]
    found = [p for p in found if os.path.isfile(p) and os.access(p, os.X_OK)]
    if not any(os.path.basename(p) == "core_tests" for p in found):
        print(f"SKIP: no sanitizer build at {asan_dir}; build it with `shell/build.sh asan` "
              "(or set -DAZPLAN_ASAN_DIR=...)")
        return 77
    env = dict(os.environ)
    # Any report fails the run: UBSan stops at the first error instead of going on.
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:strict_string_checks=1:"
                   "detect_stack_use_after_return=1:check_initialization_order=1")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    failed = []
    for exe in found:
        print(f"== {exe}", flush=True)
        proc = subprocess.run([exe], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="replace")
        print(proc.stdout)
        sanitizer = ("ERROR: AddressSanitizer" in proc.stdout or "runtime error:" in proc.stdout
                     or "ERROR: LeakSanitizer" in proc.stdout)
        if proc.returncode != 0 or sanitizer:
            failed.append(os.path.basename(exe))
    print(f"core_tests_asan_ubsan: {len(found)} suite(s) under ASan+UBSan, "
          f"{len(failed)} failed{': ' + ', '.join(failed) if failed else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
