#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml). Trunk 0.21.14 passes the wasm size to the initializer
# (www/loader.js) as measured *before* wasm-opt, so the load progress would stop at ~65% and then
# jump. This rewrites that number in the staged index.html to the size of the final .wasm.
# Then it writes the service worker for offline use (scripts/pwa-sw.mjs).
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
sed -i -E "s|(__trunkInitializer\(init, '[^']*${name}', )[0-9]+,|\1${size},|" "$html"
grep -q "${name}', ${size}," "$html" || {
  echo "trunk-post-build.sh: could not set the wasm size in index.html (Trunk's loader changed?)" >&2
  exit 1
}

# Offline use (PWA): the service worker sw.js with this build's precache list (scripts/pwa-sw.mjs).
# After the edit above: index.html's bytes are part of the list.
node "$(dirname "${BASH_SOURCE[0]}")/pwa-sw.mjs" "$dir"
