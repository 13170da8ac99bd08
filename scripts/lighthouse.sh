#!/usr/bin/env bash
# Lighthouse mobile report of the release build (default mobile emulation: simulated slow 4G,
# 4x CPU slowdown), in Debian's Chromium. Prints the performance and accessibility scores and
# FCP, LCP, TBT, CLS; the full report goes to target/lighthouse/report.json.
#   bash scripts/lighthouse.sh [dist-dir] [runs]
# Build first: trunk build --release (scripts/test.sh does). Used for BENCHMARKS.md.
# LH_EXTRA adds Lighthouse options, e.g. LH_EXTRA=--throttling-method=devtools applies the
# throttling for real instead of simulating it from an unthrottled load.
# LH_LANG=zh-CN starts Chromium in that language (navigator.language), as a resident's phone;
# without it headless Chromium says en-US and the app starts in English.
# SERVE_PRECOMPRESSED=1 sends the build's .br / .gz copies (scripts/precompress.mjs) as nginx's
# brotli_static / gzip_static would: brotli, as Chromium accepts it; otherwise gzip level 9.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$PATH"
DIST="${1:-dist}"
RUNS="${2:-3}"
PORT="${LH_PORT:-8097}"
[ -f "$DIST/index.html" ] || { echo "lighthouse.sh: no $DIST/index.html (run trunk build --release)" >&2; exit 1; }
OUT="target/lighthouse"
mkdir -p "$OUT"
# Served gzip-compressed, as a production web server would (e2e/serve.mjs).
SERVE_GZIP=1 node e2e/serve.mjs "$DIST" "$PORT" >/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.1; done
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
for i in $(seq "$RUNS"); do
  lighthouse "http://127.0.0.1:$PORT/" --quiet --output=json --output-path="$OUT/report-$i.json" \
    --only-categories=performance,accessibility ${LH_EXTRA:-} \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --disable-quic --no-first-run${LH_LANG:+ --lang=$LH_LANG}"
done
cp "$OUT/report-1.json" "$OUT/report.json"
node - "$OUT" "$RUNS" <<'JS'
const fs = require("fs");
const [dir, runs] = process.argv.slice(2);
const rows = [];
for (let i = 1; i <= Number(runs); i++) {
  const r = JSON.parse(fs.readFileSync(`${dir}/report-${i}.json`, "utf8"));
  const a = r.audits;
  rows.push({
    performance: Math.round(r.categories.performance.score * 100),
    accessibility: Math.round(r.categories.accessibility.score * 100),
    fcp_ms: Math.round(a["first-contentful-paint"].numericValue),
    lcp_ms: Math.round(a["largest-contentful-paint"].numericValue),
    tbt_ms: Math.round(a["total-blocking-time"].numericValue),
    cls: Number(a["cumulative-layout-shift"].numericValue.toFixed(3)),
    // when the app itself (not the loading screen) can be used: Lighthouse's "interactive" metric
    tti_ms: a["interactive"] ? Math.round(a["interactive"].numericValue) : null,
  });
}
const median = (k) => { const v = rows.map((r) => r[k]).sort((x, y) => x - y); return v[Math.floor(v.length / 2)]; };
console.log(`lighthouse ${rows.length} run(s), mobile (slow 4G, 4x CPU; ${process.env.LH_EXTRA || "simulated throttling"}):`);
for (const r of rows) console.log(JSON.stringify(r));
console.log("median " + JSON.stringify(Object.fromEntries(Object.keys(rows[0]).map((k) => [k, median(k)]))));
JS
