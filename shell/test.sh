#!/usr/bin/env bash
# Builds everything and runs every test: unit and data tests (native), the same under
# ASan+UBSan, a short fuzzing run, the native window smoke test, and the browser tests
# in headless Chromium. Ends with CTest's summary line for the whole run.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/shell/setup.sh" || exit 1
"$root/shell/build.sh" native web asan fuzz || exit 1

# Every suite is a CTest test of the native build (the browser, sanitizer and fuzz runs
# are registered there too), so one ctest call gives one closing line.
ctest --test-dir build/native --output-on-failure -j 2 --timeout 900
