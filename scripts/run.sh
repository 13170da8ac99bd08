#!/usr/bin/env bash
# Runs the app locally (the README's "run the app" command): installs the tools if needed, builds
# the release bundle and serves it on http://127.0.0.1:8080/ (rebuilding when files change).
#   PORT=9000 bash scripts/run.sh      # another port
#   ADDRESS=0.0.0.0 bash scripts/run.sh   # reachable from other devices (e.g. a phone on the LAN)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

PORT="${PORT:-8080}"
ADDRESS="${ADDRESS:-127.0.0.1}"
echo
echo "==> serving jiuzhu on http://$ADDRESS:$PORT/ (Ctrl-C to stop)"
exec trunk serve --release --address "$ADDRESS" --port "$PORT"
