// The resident's wasm without the portals' JS API, run first by Trunk's post_build hook
// (scripts/trunk-post-build.sh) on the staged build:  node scripts/resident-wasm.mjs <build dir>
//
// Trunk builds one app wasm, jiuzhu-app-H_bg.wasm, and it exports the whole JS API of
// src/api.rs (evaluate, regions, parameters, version, mount, validateOptions, mountedCount, the
// Screener class): every `#[wasm_bindgen]` export is a root of the module, so its code and all it
// reaches stay in the wasm although index.html never calls any of it (the app starts from
// `main`). A portal needs them; a resident does not. So the build gets two copies:
//
//   jiuzhu-embed-H.js, jiuzhu-embed-H_bg.wasm   Trunk's files as built (every export): what
//       jiuzhu.js loads for portals (the custom element, the iframe page, the JS API;
//       scripts/embed-post-build.sh, docs/embedding.md)
//   jiuzhu-app-H2.js, jiuzhu-app-H2_bg.wasm     the resident's (index.html): the same wasm
//       with the portal exports removed and `wasm-opt -Oz` run again, which drops the code only
//       they reached; the glue without their JS wrappers and without the imports that wasm no
//       longer has. H2 is a hash of the two files; index.html's references and SRI hashes are
//       rewritten to them.
//
// The list of portal exports is below; an export that is on neither list fails the build (a new
// `#[wasm_bindgen]` function: say whether residents need it). A development build (no wasm-opt
// from Trunk) keeps the whole wasm for the resident too, only renamed. A build already through
// this step (e2e/offline.spec.mjs's second release runs the hook again) is left as it is.
// Measured in BENCHMARKS.md, "App size": what the exports cost every resident.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "acorn";

import { swapSri } from "./sri.mjs";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const fail = (msg) => {
  console.error(`resident-wasm.mjs: ${msg}`);
  process.exit(1);
};
if (!dir) fail("usage: node scripts/resident-wasm.mjs <build dir>");
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";

// The wasm exports of src/api.rs (wasm-bindgen's names) and the glue's JS exports for them.
const PORTAL_EXPORTS = [
  "evaluate",
  "regions",
  "parameters",
  "version",
  "mount",
  "mountedCount",
  "validateOptions",
  "__wbg_screener_free",
  "screener_update",
  "screener_destroy",
  "screener_options",
  "screener_mounted",
];
const PORTAL_JS = ["evaluate", "regions", "parameters", "version", "mount", "mountedCount", "validateOptions", "Screener"];
// What the app itself and wasm-bindgen's runtime use: kept.
const kept = (name) =>
  ["memory", "main", "__abort_handler", "__instance_terminated"].includes(name) ||
  /^(__wbindgen_|__externref_|wasm_bindgen__convert__closures)/.test(name);

const names = readdirSync(dir);
if (names.some((n) => /^jiuzhu-embed-[0-9a-f]+_bg\.wasm$/.test(n))) {
  console.log("resident-wasm.mjs: already split (jiuzhu-embed-*), kept");
  process.exit(0);
}
const wasms = names.filter((n) => /^jiuzhu-app-[0-9a-f]+_bg\.wasm$/.test(n));
if (wasms.length !== 1) fail(`expected one jiuzhu-app-*_bg.wasm in ${dir}, found ${wasms.length}`);
const stem = wasms[0].replace(/_bg\.wasm$/, ""); // jiuzhu-app-H
const hash = stem.slice("jiuzhu-app-".length);
if (!names.includes(`${stem}.js`)) fail(`no ${stem}.js next to ${stem}_bg.wasm`);
const full = readFileSync(join(dir, `${stem}_bg.wasm`));
const glue = readFileSync(join(dir, `${stem}.js`), "utf8");

// The portals' copy: Trunk's files under the jiuzhu-embed- name (the glue's default wasm URL,
// which jiuzhu.js never uses, renamed with them); written at the end with the resident's, so a
// failed run leaves the build as it was.
const embed = `jiuzhu-embed-${hash}`;

// The resident's wasm.
const exports = WebAssembly.Module.exports(new WebAssembly.Module(full)).map((e) => e.name);
const unknown = exports.filter((n) => !kept(n) && !PORTAL_EXPORTS.includes(n));
if (unknown.length) {
  fail(
    `the app's wasm exports ${unknown.join(", ")}: add it to PORTAL_EXPORTS (portals only) or to the kept ones (the app needs it)`
  );
}
const missing = PORTAL_EXPORTS.filter((n) => !exports.includes(n));
if (missing.length) fail(`the app's wasm no longer exports ${missing.join(", ")}: update PORTAL_EXPORTS`);
let resident = full;
if (release) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const local = join(root, "node_modules", ".bin", "wasm-opt");
  const tmp = join(dir, `${stem}.resident.wasm`);
  // -Oz once more after the exports are gone (Trunk has already run index.html's
  // data-wasm-opt and data-wasm-opt-params passes on this file); then
  // the two metadata sections browsers ignore (the toolchain's names, the target features:
  // 234 B), in the same run (a run of its own re-encodes the module larger).
  const args = [
    "--remove-exports",
    `--pass-arg=remove-exports@${PORTAL_EXPORTS.join(",")}`,
    "-Oz",
    "--strip-producers",
    "--strip-target-features",
  ];
  execFileSync(
    existsSync(local) ? local : "wasm-opt",
    [...args, join(dir, `${stem}_bg.wasm`), "-o", tmp],
    { stdio: ["ignore", "inherit", "inherit"] }
  );
  resident = readFileSync(tmp);
  rmSync(tmp);
}
const module = new WebAssembly.Module(resident);
const left = WebAssembly.Module.exports(module).filter((e) => PORTAL_EXPORTS.includes(e.name));
if (release && left.length) fail(`wasm-opt left ${left.map((e) => e.name).join(", ")}`);
const imported = new Set(WebAssembly.Module.imports(module).map((i) => i.name));

// The resident's glue: the JS API's wrappers are no longer exported (the minifier then drops
// them, scripts/minify-glue.mjs), and the imports object loses what the wasm no longer imports.
const ast = parse(glue, { ecmaVersion: "latest", sourceType: "module" });
const cuts = []; // [start, end, replacement], applied from the end
for (const node of ast.body) {
  if (node.type === "ExportNamedDeclaration" && node.declaration) {
    const name = node.declaration.id?.name ?? node.declaration.declarations?.[0]?.id?.name;
    if (PORTAL_JS.includes(name)) cuts.push([node.start, node.declaration.start, ""]);
    else fail(`${stem}.js exports ${name}: add it to PORTAL_JS (portals only), or keep it exported here (the app needs it)`);
  }
}
if (cuts.length !== PORTAL_JS.length) fail(`${stem}.js: expected the exports ${PORTAL_JS.join(", ")}`);
const walk = (node, visit) => {
  visit(node);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child.type === "string") walk(child, visit);
    }
  }
};
let imports = 0;
let pruned = 0;
walk(ast, (node) => {
  // wasm-bindgen's imports object: `{ __proto__: null, __wbg_…: function…, … }` (not the object
  // of import modules that holds it).
  if (node.type !== "ObjectExpression" || !node.properties.some((p) => /^__wb/.test(p.key?.name ?? ""))) return;
  imports++;
  for (const p of node.properties) {
    const key = p.key?.name ?? p.key?.value;
    if (key === "__proto__" || imported.has(key)) continue;
    const comma = glue.slice(p.end).match(/^\s*,/);
    cuts.push([p.start, p.end + (comma ? comma[0].length : 0), ""]);
    pruned++;
  }
});
if (imports !== 1) fail(`${stem}.js: expected one imports object, found ${imports}`);
let residentGlue = glue;
for (const [start, end, text] of cuts.sort((a, b) => b[0] - a[0])) {
  residentGlue = residentGlue.slice(0, start) + text + residentGlue.slice(end);
}
const offered = new Set();
walk(parse(residentGlue, { ecmaVersion: "latest", sourceType: "module" }), (node) => {
  if (node.type === "Property" && /^__wb/.test(node.key?.name ?? "")) offered.add(node.key.name);
});
const notOffered = [...imported].filter((n) => /^__wb/.test(n) && !offered.has(n));
if (notOffered.length) fail(`the resident glue lost imports the wasm needs: ${notOffered.join(", ")}`);

// New names for the new content; index.html's references and SRI hashes follow.
const sha = (data) => createHash("sha256").update(data).digest("hex");
const hash2 = sha(Buffer.concat([resident, Buffer.from(residentGlue)])).slice(0, 16);
const app = `jiuzhu-app-${hash2}`;
residentGlue = residentGlue.split(`${stem}_bg.wasm`).join(`${app}_bg.wasm`);
const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
if (!html.includes(stem)) fail(`index.html does not name ${stem}`);
html = html.split(stem).join(app);
for (const [before, after, what] of [
  [full, resident, "wasm"],
  [glue, residentGlue, "glue"],
]) {
  html = swapSri(html, before, after) ?? fail(`index.html has no integrity hash of the ${what}`);
}
writeFileSync(join(dir, `${embed}_bg.wasm`), full);
writeFileSync(join(dir, `${embed}.js`), glue.split(`${stem}_bg.wasm`).join(`${embed}_bg.wasm`));
writeFileSync(join(dir, `${app}_bg.wasm`), resident);
writeFileSync(join(dir, `${app}.js`), residentGlue);
rmSync(join(dir, `${stem}_bg.wasm`));
rmSync(join(dir, `${stem}.js`));
writeFileSync(htmlPath, html);
console.log(
  `resident-wasm.mjs: ${embed}_bg.wasm ${full.length} B (portals), ${app}_bg.wasm ${resident.length} B (index.html), ${pruned} imports pruned`
);
