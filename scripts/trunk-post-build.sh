#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml), the only one: its steps run in order.
#  0. The resident's wasm without the portals' JS API (scripts/resident-wasm.mjs): Trunk's app
#     files become jiuzhu-embed-H.js / _bg.wasm (for jiuzhu.js), and index.html loads a copy
#     without the portal exports, jiuzhu-app-H2.js / _bg.wasm.
#  1. Trunk 0.21.14 passes the wasm size to the initializer (www/loader.js) as measured *before*
#     wasm-opt, so the load progress would stop at ~65% and then jump: this rewrites that number
#     in the staged index.html to the size of the final .wasm.
#  2. The wasm-bindgen glue minified with terser (scripts/minify-glue.mjs; release builds).
#  3. The files for portals (scripts/embed-post-build.sh; its CSP hashes index.html's inline
#     script, so it runs after the edits above).
#  4. The golden cases for the self-test screen, selftest-cases.json (scripts/selftest-cases.mjs).
#  5. The place names for the picker, regions-tree.json (a copy of data/divisions.json).
#  6. The English UI messages, i18n-en.json (scripts/i18n-en.mjs; fetched on a switch to English).
#  7. The service worker for offline use (scripts/pwa-sw.mjs; it precaches the cases, the
#     place names and the English messages too).
#  8. Release builds: precompressed copies `<file>.br` and `<file>.gz` of every text and wasm file
#     (scripts/precompress.mjs), for servers that send them as they are (README, "Putting it on
#     a server"). Last: every file is final by then.
# (Trunk runs the hooks of one stage concurrently; one hook keeps these in order.)
#
# Trunk's <link rel=preload> of the wasm stays: the download starts with the page. Deferring it
# to after the first paint was tried (29 Nov 2026): with real slow-4G throttling it made the
# first paint no faster and the app usable 0.3 s later (BENCHMARKS.md, "Resident app").
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
html="$dir/index.html"

# The resident's wasm and glue (index.html's), without the exports only portals call.
node "$(dirname "${BASH_SOURCE[0]}")/resident-wasm.mjs" "$dir"

shopt -s nullglob
# The resident's wasm (neither the portals' jiuzhu-embed-*_bg.wasm nor the engine-only
# jiuzhu-engine_bg.wasm is loaded by index.html).
wasms=("$dir"/jiuzhu-app-*_bg.wasm)
if [ ${#wasms[@]} -ne 1 ]; then
  echo "trunk-post-build.sh: expected one jiuzhu-app-*_bg.wasm in $dir, found ${#wasms[@]}" >&2
  exit 1
fi
name="$(basename "${wasms[0]}")"
size="$(wc -c <"${wasms[0]}")"
sed -i -E "s|(__trunkInitializer\(init, '[^']*${name}', )[0-9]+,|\1${size},|" "$html"
grep -q "${name}', ${size}," "$html" || {
  echo "trunk-post-build.sh: could not set the wasm size in index.html (Trunk's loader changed?)" >&2
  exit 1
}

# The wasm-bindgen glue, minified (Trunk's minifier fails on it), with the SRI hash in
# index.html to match; before the CSP hash and the precache list, which read the final files.
node "$(dirname "${BASH_SOURCE[0]}")/minify-glue.mjs" "$dir"

# Portal embedding (docs/embedding.md).
bash "$(dirname "${BASH_SOURCE[0]}")/embed-post-build.sh"

# The self-test's cases (src/ui/self_test.rs reads them; not in the wasm).
node "$(dirname "${BASH_SOURCE[0]}")/selftest-cases.mjs" "$dir"

# The place picker's names (src/ui/place_tree.rs reads them after the first paint; not in the wasm).
cp "$(dirname "${BASH_SOURCE[0]}")/../data/divisions.json" "$dir/regions-tree.json"

# The English UI messages (src/ui/english.rs reads them on a switch to English; not in the wasm).
node "$(dirname "${BASH_SOURCE[0]}")/i18n-en.mjs" "$dir"

# Offline use (PWA): the service worker sw.js with this build's precache list (scripts/pwa-sw.mjs).
# After the edit above: index.html's bytes are part of the list.
node "$(dirname "${BASH_SOURCE[0]}")/pwa-sw.mjs" "$dir"

# Precompressed copies for the web server (scripts/precompress.mjs); release builds only (a
# development build is served by `trunk serve`, which does not read them).
if [ "${TRUNK_PROFILE:-release}" = "release" ]; then
  node "$(dirname "${BASH_SOURCE[0]}")/precompress.mjs" "$dir"
fi
