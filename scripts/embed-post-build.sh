#!/usr/bin/env bash
# Run by scripts/trunk-post-build.sh (Trunk's post_build hook) for portal embedding
# (docs/embedding.md). In the staged build it writes, next to Trunk's hashed files:
#   jiuzhu.js              the stable, unhashed entry module: imports this build's hashed
#                          wasm-bindgen glue of the app with the JS API (jiuzhu-embed-H.js,
#                          scripts/resident-wasm.mjs), initialises the wasm, re-exports the JS API
#                          (src/api.rs) and names the hashed files (`files`, also in
#                          jiuzhu-files.js)
#   jiuzhu-shadow-H.css    the app's stylesheet for a shadow root (the custom element): `:root`
#                          and `body` rules apply to `:host`, `rem` is immune to the host
#                          page's root font size, plus the theming variables (www/jiuzhu-screener.css)
#   embed.html             the iframe page (www/embed.html with the hashed CSS names and
#                          the allow-list of portal origins, JIUZHU_EMBED_ORIGINS)
#   index.html, embed.html get the strict CSP as a <meta http-equiv> (all but frame-ancestors)
#   jiuzhu-screener.js, jiuzhu-frame.js   copied from www/ (stable names)
#   embed-demo/            the demo host pages (www/embed-demo/), used by e2e/embed.spec.mjs
#   jiuzhu-csp.txt         the Content-Security-Policy each page needs, with the sha256 of
#                          index.html's inline bootstrap script
#   jiuzhu-engine.js       the stable entry module of the engine-only wasm (no Yew: evaluate,
#                          regions, parameters, version), for portals that use only the JS API.
#                          Trunk builds it as a "worker" (index.html's second rust link), which
#                          keeps it off index.html but gives unhashed names; they are hashed here:
#                          jiuzhu-engine-H.js (glue) and jiuzhu-engine-H_bg.wasm
# Trunk's copy-dir/copy-file are <link>s in index.html, which other parts of the project own,
# and would hash nothing here anyway; so the copies are made here.
#
# It runs after scripts/trunk-post-build.sh has finished editing index.html's inline script, so
# the CSP hash is of the final script.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/www"
exec node --input-type=module - "$dir" "$src" <<'NODE'
import { createHash } from "node:crypto";
import { cp, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

const [dir, src] = process.argv.slice(2);
const fail = (msg) => {
  console.error(`embed-post-build.sh: ${msg}`);
  process.exit(1);
};
const names = await readdir(dir);
const one = (re, what) => {
  const found = names.filter((n) => re.test(n));
  if (found.length !== 1) fail(`expected one ${what} in ${dir}, found ${found.length}`);
  return found[0];
};
// The app with the JS API's exports (scripts/resident-wasm.mjs; index.html loads jiuzhu-app-*,
// the same app without them).
const wasm = one(/^jiuzhu-embed-[0-9a-f]+_bg\.wasm$/, "jiuzhu-embed-*_bg.wasm");
const glue = one(/^jiuzhu-embed-[0-9a-f]+\.js$/, "jiuzhu-embed-*.js");
const sha = (text, enc = "hex") => createHash("sha256").update(text).digest(enc);

// The app's stylesheets, in the order index.html links them (Trunk has hashed their names).
const indexHtml = await readFile(join(dir, "index.html"), "utf8");
const styles = [...indexHtml.matchAll(/<link\b[^>]*>/gi)]
  .map(([tag]) => tag)
  .filter((tag) => /\brel=["']?stylesheet\b/i.test(tag))
  .map((tag) => tag.match(/\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i))
  .map((m) => (m ? (m[1] ?? m[2] ?? m[3]).split("/").pop() : ""))
  .filter((name) => /\.css$/.test(name));
if (styles.length === 0) fail("index.html links no stylesheet");
for (const name of styles) if (!names.includes(name)) fail(`index.html links ${name}, not in ${dir}`);

// The shadow-root stylesheet. Rules for the document (`:root`, `html`, `body`) become rules
// for the element's `:host`; `rem` (relative to the *host page's* root font size, which
// portals often set to 62.5%) becomes a multiple of --jiuzhu-rem (the browser's default size,
// never less than 16px). Before it, a reset of what the host page passes down (inherited
// properties such as font, colour, line height do cross a shadow boundary; custom properties,
// the theme, still inherit); after it, the theming layer (www/jiuzhu-screener.css).
const appCss = (await Promise.all(styles.map((n) => readFile(join(dir, n), "utf8")))).join("\n");
const theme = await readFile(join(src, "jiuzhu-screener.css"), "utf8");
const hosted = appCss
  .replace(/(^|[{},;\s])(?::root|html|body)(?=\s*[{,])/g, "$1:host")
  .replace(/(-?(?:\d+\.?\d*|\.\d+))rem\b/g, "calc($1*var(--jiuzhu-rem))");
if (!hosted.includes(":host")) fail(`${styles}: no :root/html/body rule found to move to :host`);
const shadowCss = ":host{all:initial;display:block}\n" + hosted + "\n" + theme;
const shadowName = `jiuzhu-shadow-${sha(shadowCss).slice(0, 16)}.css`;
await writeFile(join(dir, shadowName), shadowCss);

// The entry module. Top-level await: `import { evaluate } from ".../jiuzhu.js"` gives
// functions that are ready to call. Every URL is relative to the module, so a build works
// from any path (no dependence on Trunk's public_url). The file names are also in a tiny
// module of their own, jiuzhu-files.js, so the custom element can start loading its
// stylesheet while the wasm is still on its way.
const files = `// jiuzhu-files.js — this build's hashed file names (scripts/embed-post-build.sh).
export const files = Object.freeze({
  glue: new URL("./${glue}", import.meta.url).href,
  wasm: new URL("./${wasm}", import.meta.url).href,
  styles: [${styles.map((n) => `new URL("./${n}", import.meta.url).href`).join(", ")}],
  shadowCss: new URL("./${shadowName}", import.meta.url).href,
});
`;
const entry = `// jiuzhu.js — the stable entry module for portals (docs/embedding.md).
// Generated by scripts/embed-post-build.sh for this build; do not edit. Serve it (and
// jiuzhu-files.js, jiuzhu-screener.js, jiuzhu-frame.js, embed.html) with
// Cache-Control: no-cache; the hashed files it names can be cached for ever.
import init from "./${glue}";
import { files } from "./jiuzhu-files.js";
export { evaluate, regions, parameters, version, mount, mountedCount, validateOptions, Screener } from "./${glue}";
export { files };
await init({ module_or_path: files.wasm });
`;
await writeFile(join(dir, "jiuzhu-files.js"), files);
await writeFile(join(dir, "jiuzhu.js"), entry);

// The engine-only module (src/bin/engine.rs): content-hashed names, then its entry module.
// Trunk wrote jiuzhu-engine.js (the glue) and jiuzhu-engine_bg.wasm; the glue's name becomes
// the entry's. The glue names the wasm only as a default that the entry never uses.
// (A build already through this hook, as e2e/offline.spec.mjs's second release, keeps its.)
const engineDone = names.some((n) => /^jiuzhu-engine-[0-9a-f]+_bg\.wasm$/.test(n)) && !names.includes("jiuzhu-engine_bg.wasm");
if (!engineDone) {
const engineWasmBytes = await readFile(join(dir, "jiuzhu-engine_bg.wasm")).catch(() =>
  fail("no jiuzhu-engine_bg.wasm (index.html's rust link for jiuzhu-engine)")
);
const engineGlueText = await readFile(join(dir, "jiuzhu-engine.js"), "utf8");
const engineHash = sha(Buffer.concat([engineWasmBytes, Buffer.from(engineGlueText)])).slice(0, 16);
const engineWasm = `jiuzhu-engine-${engineHash}_bg.wasm`;
const engineGlue = `jiuzhu-engine-${engineHash}.js`;
await rename(join(dir, "jiuzhu-engine_bg.wasm"), join(dir, engineWasm));
await rename(join(dir, "jiuzhu-engine.js"), join(dir, engineGlue));
if (/\b(mount|Screener)\b/.test(engineGlueText)) fail(`${engineGlue} exports the screener: built with the ui feature?`);
await writeFile(
  join(dir, "jiuzhu-engine.js"),
  `// jiuzhu-engine.js — the engine-only entry module for portals that use only the JS API
// (docs/embedding.md): evaluate, regions, parameters, version; no screener, no Yew. Generated by
// scripts/embed-post-build.sh; serve it with Cache-Control: no-cache (the hashed files it names
// can be cached for ever).
import init from "./${engineGlue}";
export { evaluate, regions, parameters, version } from "./${engineGlue}";
export const files = Object.freeze({
  glue: new URL("./${engineGlue}", import.meta.url).href,
  wasm: new URL("./${engineWasm}", import.meta.url).href,
});
await init({ module_or_path: files.wasm });
`
);
}

// The iframe page and the stable-named scripts. The origins allowed to frame embed.html and
// hear its messages come from the deployer (JIUZHU_EMBED_ORIGINS, space-separated origins;
// docs/embedding.md#allow-list): never from the page that frames it.
const page = await readFile(join(src, "embed.html"), "utf8");
if (!page.includes("{{STYLESHEETS}}")) fail("www/embed.html: no {{STYLESHEETS}} placeholder");
if (!page.includes("{{EMBED_ORIGINS}}")) fail("www/embed.html: no {{EMBED_ORIGINS}} placeholder");
const origins = (process.env.JIUZHU_EMBED_ORIGINS ?? "").split(/[\s,]+/).filter(Boolean);
for (const o of origins) {
  let ok = false;
  try {
    const u = new URL(o);
    ok = /^https?:$/.test(u.protocol) && u.origin === o.replace(/\/$/, "");
  } catch {}
  if (!ok) fail(`JIUZHU_EMBED_ORIGINS: ${o} is not an origin (scheme://host[:port])`);
}
const links = styles.map((n) => `<link rel="stylesheet" href="./${n}">`).join("\n  ");
let embedPage = page
  .replace("{{STYLESHEETS}}", links)
  .replace("{{EMBED_ORIGINS}}", origins.map((o) => o.replace(/\/$/, "")).join(" "));
for (const f of ["jiuzhu-screener.js", "jiuzhu-frame.js"]) {
  await cp(join(src, f), join(dir, f));
}
await cp(join(src, "embed-demo"), join(dir, "embed-demo"), { recursive: true });

// The CSP: the hash of each inline <script> of index.html (final: trunk-post-build.sh has made
// its edits before running this).
const inline = [...indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  .filter(([, attrs]) => !/\bsrc\s*=/.test(attrs))
  .map(([, , body]) => `'sha256-${sha(body, "base64")}'`);
const common = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];
const policy = (scripts, extra = []) =>
  [`script-src 'self' 'wasm-unsafe-eval'${scripts.map((h) => " " + h).join("")}`, ...common, ...extra].join("; ");
// The policy ships in the pages themselves as a <meta http-equiv> (what a meta can carry:
// not frame-ancestors, which only a header can set — docs/embedding.md#csp), before any
// script. Replaces an earlier one, so running the hook twice on a build is harmless.
const withMeta = (html, content, name) => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${content}">`;
  const clean = html.replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>\s*/gi, "");
  const at = clean.match(/<meta\s+charset=["']?utf-8["']?\s*\/?>/i) ?? clean.match(/<head\b[^>]*>/i);
  if (!at) fail(`${name}: no <head> to put the Content-Security-Policy in`);
  const end = at.index + at[0].length;
  const out = clean.slice(0, end) + meta + clean.slice(end);
  const firstScript = out.search(/<script\b/i);
  if (firstScript !== -1 && firstScript < out.indexOf(meta)) fail(`${name}: a script comes before the policy`);
  return out;
};
await writeFile(join(dir, "index.html"), withMeta(indexHtml, policy(inline), "index.html"));
embedPage = withMeta(embedPage, policy([]), "embed.html");
await writeFile(join(dir, "embed.html"), embedPage);

await writeFile(
  join(dir, "jiuzhu-csp.txt"),
  `# Content-Security-Policy for this build of jiuzhu (docs/embedding.md#csp).
# index.html (the app's own page; the hash is of Trunk's inline bootstrap script, new each build):
index.html: ${policy(inline)}
# embed.html (the iframe page; no inline script). frame-ancestors: the portal's origin.
embed.html: ${policy([], ["frame-ancestors <portal origin>"])}
# Both pages carry the policy without frame-ancestors in a <meta http-equiv>; the header adds
# frame-ancestors (a meta tag cannot): for index.html 'self' (or 'none'), for embed.html the
# portals of JIUZHU_EMBED_ORIGINS (this build: ${origins.join(" ") || "none: same origin only"}).
# A portal page using jiuzhu.js / jiuzhu-screener.js (add the portal's own sources):
host: ${policy([])}
`
);
console.log(`embed-post-build.sh: jiuzhu.js -> ${glue}, jiuzhu-engine.js${engineDone ? " (kept)" : ""}, ${shadowName}, embed.html, ${inline.length} inline script hash(es)`);
NODE
