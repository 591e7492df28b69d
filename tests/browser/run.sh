#!/usr/bin/env bash
# Runs one browser test against the web build; exits 77 (CTest "skipped") when the web
# build or Chromium is missing, so a native-only checkout still tests everything else.
set -u
test=$1
web=$2
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$web/site/azplan.wasm" ] && [ -f "$web/single/azplan.html" ] || { echo "no web build in $web"; exit 77; }
command -v chromium >/dev/null || [ -n "${CHROMIUM:-}" ] || { echo "no chromium"; exit 77; }
[ -d "$here/node_modules/playwright-core" ] || { echo "run shell/setup.sh first (playwright-core)"; exit 77; }
cd "$here" && exec node "$test.mjs" "$web/site" "$web/single/azplan.html"
