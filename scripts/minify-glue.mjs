// Minifies the wasm-bindgen glue of a release build with terser, run by Trunk's post_build hook
// (scripts/trunk-post-build.sh) on the staged build:  node scripts/minify-glue.mjs <build dir>
// Trunk 0.21's own minifier gives up on wasm-bindgen 0.2.130's glue ("Failed to minify JS:
// RequiredTokenNotFound(Identifier)") and copies it as it is. Minified, the app's glue goes
// from 45 KB to 20 KB (8.8 to 6.1 KB gzip) and the engine-only module's from 9.9 to 4.4 KB
// (BENCHMARKS.md, "App size" and "Embedding"). Trunk's <link rel=modulepreload> of the app's glue
// carries an integrity hash (SRI) of the file: it is recomputed here.
// Development builds keep the readable glue.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

import { swapSri } from "./sri.mjs";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const fail = (msg) => {
  console.error(`minify-glue.mjs: ${msg}`);
  process.exit(1);
};
if (!dir) fail("usage: node scripts/minify-glue.mjs <build dir>");
if ((process.env.TRUNK_PROFILE ?? "release") !== "release") process.exit(0);

// The app's hashed glue (the resident's), the portals' copy of it, and the engine's (Trunk's
// "worker" build: jiuzhu-engine.js next to jiuzhu-engine_bg.wasm until
// scripts/embed-post-build.sh hashes their names; a build already through this hook, as
// e2e/offline.spec.mjs's second release, has no unhashed glue left).
const files = readdirSync(dir);
const app = files.filter((n) => /^jiuzhu-app-[0-9a-f]+\.js$/.test(n));
if (app.length !== 1) fail(`expected one jiuzhu-app-*.js in ${dir}, found ${app.length}`);
// The portals' copy of the app's glue (scripts/resident-wasm.mjs): named by no SRI hash.
const embed = files.filter((n) => /^jiuzhu-embed-[0-9a-f]+\.js$/.test(n));
const unhashed = [...embed, ...(files.includes("jiuzhu-engine_bg.wasm") ? ["jiuzhu-engine.js"] : [])];
const names = [...app, ...unhashed];
const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
for (const name of names) {
  const path = join(dir, name);
  const before = readFileSync(path, "utf8");
  // Only whitespace, local names and dead code: the exports and the import names the wasm
  // calls (`__wbg_…` keys of the imports object) are kept as they are.
  const out = await minify(before, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!out.code) fail(`${name}: terser gave nothing`);
  writeFileSync(path, out.code);
  const swapped = swapSri(html, before, out.code);
  if (swapped !== null) html = swapped;
  else if (!unhashed.includes(name)) fail(`index.html has no integrity hash of ${name}`);
  console.log(`minify-glue.mjs: ${name} ${before.length} -> ${out.code.length} bytes`);
}
writeFileSync(htmlPath, html);
