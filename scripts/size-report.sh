#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli (-q 11) sizes of every file in dist/ (or the folder given), and
# the totals for the wasm and JS that a first visit downloads. Run after `trunk build --release`.
#   bash scripts/size-report.sh [dist] [first-screen budget KiB] [engine-only budget KiB]
# Fails (exit 1) when the first screen (index.html and what it names) is over its budget, gzip -9
# (default: SIZE_BUDGET_KIB, else issue 11's 200 KiB), or when the engine-only module for portals
# (jiuzhu-engine.js, its glue and wasm) is over its own (ENGINE_BUDGET_KIB, else 150 KiB).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${1:-$ROOT/dist}"
BUDGET_KIB="${2:-${SIZE_BUDGET_KIB:-200}}"
ENGINE_BUDGET_KIB="${3:-${ENGINE_BUDGET_KIB:-150}}"
if [ ! -d "$DIST" ]; then
  echo "size-report.sh: $DIST does not exist; run trunk build --release first" >&2
  exit 1
fi
have_brotli=1
command -v brotli >/dev/null 2>&1 || have_brotli=0

printf '%-52s %10s %10s %10s\n' "file" "raw" "gzip-9" "brotli"
tot_raw=0
tot_gz=0
tot_br=0
while IFS= read -r f; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9c "$f" | wc -c)
  if [ "$have_brotli" = 1 ]; then br=$(brotli -q 11 -c "$f" | wc -c); else br="n/a"; fi
  printf '%-52s %10d %10d %10s\n' "${f#"$DIST"/}" "$raw" "$gz" "$br"
  case "$f" in
    *.wasm | *.js)
      tot_raw=$((tot_raw + raw))
      tot_gz=$((tot_gz + gz))
      [ "$have_brotli" = 1 ] && tot_br=$((tot_br + br))
      ;;
  esac
done < <(find "$DIST" -type f ! -name '*.br' ! -name '*.gz' | sort) # not the precompressed copies
if [ "$have_brotli" = 1 ]; then
  printf '%-52s %10d %10d %10d\n' "TOTAL wasm + js" "$tot_raw" "$tot_gz" "$tot_br"
else
  printf '%-52s %10d %10d %10s\n' "TOTAL wasm + js" "$tot_raw" "$tot_gz" "n/a"
fi

# The first screen (the budget in BENCHMARKS.md, "App size"): index.html and the HTML, JS, wasm
# and CSS files it names — what a resident's phone downloads before the first question shows.
# (The manifest and the apple-touch icon are left out: the browser fetches them on its own
# schedule, not for the first paint.)
first=("index.html")
while IFS= read -r f; do
  [ -f "$DIST/$f" ] && first+=("$f")
done < <(grep -oE '[A-Za-z0-9_./-]+\.(css|js|wasm)' "$DIST/index.html" | sed -E 's|^.*/||' | sort -u)
f_raw=0
f_gz=0
f_br=0
for f in "${first[@]}"; do
  f_raw=$((f_raw + $(wc -c <"$DIST/$f")))
  f_gz=$((f_gz + $(gzip -9c "$DIST/$f" | wc -c)))
  [ "$have_brotli" = 1 ] && f_br=$((f_br + $(brotli -q 11 -c "$DIST/$f" | wc -c)))
done
[ "$have_brotli" = 1 ] || f_br="n/a"
printf '%-52s %10d %10d %10s\n' "FIRST SCREEN (${#first[@]} files)" "$f_raw" "$f_gz" "$f_br"

# The engine-only module a portal using only the JS API downloads (docs/embedding.md).
e_raw=0
e_gz=0
e_n=0
for f in "$DIST"/jiuzhu-engine.js "$DIST"/jiuzhu-engine-*.js "$DIST"/jiuzhu-engine-*_bg.wasm; do
  [ -f "$f" ] || continue
  e_n=$((e_n + 1))
  e_raw=$((e_raw + $(wc -c <"$f")))
  e_gz=$((e_gz + $(gzip -9c "$f" | wc -c)))
done
printf '%-52s %10d %10d\n' "ENGINE-ONLY JS API (${e_n} files)" "$e_raw" "$e_gz"

status=0
# KiB with one decimal, from bytes.
kib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
if [ "$f_gz" -gt $((BUDGET_KIB * 1024)) ]; then
  printf 'FAIL first screen gzip: %s KiB, over the budget of %s KiB\n' "$(kib "$f_gz")" "$BUDGET_KIB"
  status=1
else
  printf 'ok   first screen gzip: %s KiB (budget %s KiB)\n' "$(kib "$f_gz")" "$BUDGET_KIB"
fi
if [ "$e_n" -ne 3 ]; then
  printf 'FAIL engine-only module: expected jiuzhu-engine.js, its glue and wasm in %s, found %d files\n' "$DIST" "$e_n"
  status=1
elif [ "$e_gz" -gt $((ENGINE_BUDGET_KIB * 1024)) ]; then
  printf 'FAIL engine-only JS API gzip: %s KiB, over the budget of %s KiB\n' "$(kib "$e_gz")" "$ENGINE_BUDGET_KIB"
  status=1
else
  printf 'ok   engine-only JS API gzip: %s KiB (budget %s KiB)\n' "$(kib "$e_gz")" "$ENGINE_BUDGET_KIB"
fi
exit "$status"
