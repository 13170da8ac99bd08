#!/usr/bin/env bash
# The release bundle for portals (issue 11): a versioned archive in the npm package layout, so a
# portal team gets the built files without the Rust toolchain. Run after `trunk build --release`:
#   bash scripts/package.sh [dist] [out dir]        (defaults: dist/, target/package/)
# writes <out dir>/jiuzhu-<version>.tgz (the version from Cargo.toml), i.e. `npm pack`'s format:
#   package/package.json        name, version, "exports" for the three entry modules, the types
#   package/README.md           docs/embedding.md (the portal guide), package/schema.md its schema
#   package/dist/               the built files: every mode's files (JS API, engine-only JS API,
#                               custom element, iframe) and the app's own page; not the demo pages
#   package/dist/*.d.ts         TypeScript declarations (npm/*.d.ts): jiuzhu.d.ts (full JS API),
#                               jiuzhu-engine.d.ts (engine-only), jiuzhu-screener.d.ts (the element)
# Publishing it (`npm publish <archive>`) is a release step for people, not CI. Tested by
# e2e/size.spec.mjs (unpacked into an empty portal page).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$(cd "${1:-$ROOT/dist}" && pwd)"
OUT="${2:-$ROOT/target/package}"
fail() {
  echo "package.sh: $*" >&2
  exit 1
}
for f in jiuzhu.js jiuzhu-engine.js jiuzhu-screener.js embed.html jiuzhu-csp.txt; do
  [ -f "$DIST/$f" ] || fail "$DIST/$f missing: run trunk build --release first"
done
grep -q "Development build" "$DIST/sw.js" 2>/dev/null && fail "$DIST is a development build: use trunk build --release"
version="$(sed -nE 's/^version = "([^"]+)"$/\1/p' "$ROOT/Cargo.toml" | head -1)"
[ -n "$version" ] || fail "no version in Cargo.toml"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/package"
mkdir -p "$pkg/dist"
# Every built file except the demo host pages (embed-demo/: the tests' pages, not the product).
(cd "$DIST" && find . -path ./embed-demo -prune -o -type f -print) | while IFS= read -r f; do
  mkdir -p "$pkg/dist/$(dirname "$f")"
  cp "$DIST/$f" "$pkg/dist/$f"
done
cp "$ROOT"/npm/*.d.ts "$pkg/dist/"
cp "$ROOT/docs/embedding.md" "$pkg/README.md"
cp "$ROOT/docs/schema.md" "$pkg/schema.md"

node --input-type=module - "$pkg/package.json" "$version" <<'NODE'
import { writeFileSync } from "node:fs";
const [file, version] = process.argv.slice(2);
const pkg = {
  name: "jiuzhu",
  version,
  description:
    "救助自查 jiuzhu: the self-screening calculator for China's social assistance (dibao, tekun, edge households, rigid-expense hardship, temporary relief), built for portals: JS API, engine-only JS API, custom element, iframe. Runs in the browser; nothing leaves the device.",
  license: "MIT OR Apache-2.0",
  type: "module",
  // The files must be served as they are (relative to each other; the .wasm as
  // application/wasm): a portal copies dist/ to its server (README.md, "Hosting the files").
  exports: {
    ".": { types: "./dist/jiuzhu.d.ts", default: "./dist/jiuzhu.js" },
    "./engine": { types: "./dist/jiuzhu-engine.d.ts", default: "./dist/jiuzhu-engine.js" },
    "./screener": { types: "./dist/jiuzhu-screener.d.ts", default: "./dist/jiuzhu-screener.js" },
    "./dist/*": "./dist/*",
    "./package.json": "./package.json",
  },
  types: "./dist/jiuzhu.d.ts",
  files: ["dist", "README.md", "schema.md"],
  sideEffects: ["./dist/jiuzhu-screener.js", "./dist/jiuzhu.js", "./dist/jiuzhu-engine.js"],
  keywords: ["social-assistance", "dibao", "wasm", "web-component", "china"],
};
writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
NODE

mkdir -p "$OUT"
archive="$OUT/jiuzhu-$version.tgz"
# npm's layout (one top folder, package/), with fixed owners and times: the same files give the
# same archive.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='1985-10-26 08:15Z' \
  -C "$stage" -cf - package | gzip -9n >"$archive"
echo "package.sh: $archive ($(wc -c <"$archive") bytes, $(tar -tzf "$archive" | wc -l) files)"
