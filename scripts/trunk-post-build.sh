#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml), the only one: its steps run in order. First two edits to
# Trunk's bootstrap script in the staged index.html:
#  1. Trunk 0.21.14 passes the wasm size to the initializer (www/loader.js) as measured *before*
#     wasm-opt, so the load progress would stop at ~65% and then jump: the number becomes the
#     size of the final .wasm.
#  2. The wasm download starts after the first paint (a frame callback, then a timer; at once
#     in a hidden tab, which gets no frames). Otherwise, on a slow
#     network the 1.4 MB wasm competes with the stylesheets that the first paint waits for, and
#     on a fast one the app can replace the loading screen before it was ever shown — the
#     introduction a resident sees first would depend on a race (and Lighthouse's simulated
#     LCP counts the whole wasm download when the fetch happens to start before the first paint).
# Then the files for portals (scripts/embed-post-build.sh; its CSP hashes the edited script),
# then the service worker for offline use (scripts/pwa-sw.mjs).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
html="$dir/index.html"
shopt -s nullglob
wasms=("$dir"/*_bg.wasm)
if [ ${#wasms[@]} -ne 1 ]; then
  echo "trunk-post-build.sh: expected one *_bg.wasm in $dir, found ${#wasms[@]}" >&2
  exit 1
fi
name="$(basename "${wasms[0]}")"
size="$(wc -c <"${wasms[0]}")"
after_paint='if (document.visibilityState === "visible") await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));'
grep -q 'onStart?.();' "$html" || {
  echo "trunk-post-build.sh: no 'onStart?.();' in index.html (Trunk's bootstrap changed?)" >&2
  exit 1
}
# (2) also drops Trunk's <link rel=preload> of the wasm, which would start the download before
# the first paint anyway.
sed -i -E -e "s|<link [^>]*href=[^ >]*${name}[^>]*rel=preload[^>]*>||" \
  -e "s|(__trunkInitializer\(init, '[^']*${name}', )[0-9]+,|\1${size},|" \
  -e "s|onStart\?\.\(\);|onStart?.(); ${after_paint}|" "$html"
grep -q "${name}', ${size}," "$html" || {
  echo "trunk-post-build.sh: could not set the wasm size in index.html (Trunk's loader changed?)" >&2
  exit 1
}
if grep -q "rel=preload[^>]*${name}\|${name}[^>]*rel=preload" "$html"; then
  echo "trunk-post-build.sh: could not remove the wasm preload from index.html" >&2
  exit 1
fi
grep -qF "onStart?.(); ${after_paint}" "$html" || {
  echo "trunk-post-build.sh: could not defer the wasm download in index.html" >&2
  exit 1
}

# Portal embedding (docs/embedding.md).
bash "$(dirname "${BASH_SOURCE[0]}")/embed-post-build.sh"

# Offline use (PWA): the service worker sw.js with this build's precache list (scripts/pwa-sw.mjs).
# After the edit above: index.html's bytes are part of the list.
node "$(dirname "${BASH_SOURCE[0]}")/pwa-sw.mjs" "$dir"
