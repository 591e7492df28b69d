#!/usr/bin/env bash
# Sets up, builds the web app with the bundled plans, and serves it on 127.0.0.1.
# Usage: shell/serve.sh [port]   (default 8080)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${1:-8080}
"$root/shell/setup.sh"
"$root/shell/build.sh" web
site="$root/build/web/site"
echo
echo "azplan is served at http://127.0.0.1:$port/"
echo "single-file build (opens from disk): file://$root/build/web/single/azplan.html"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site"
