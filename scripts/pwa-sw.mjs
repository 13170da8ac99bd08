// Writes the service worker (sw.js) of one build, for the offline PWA. Run by Trunk's post_build
// hook (scripts/trunk-post-build.sh) on the staged build; also runnable by hand on a build folder:
//   node scripts/pwa-sw.mjs <build dir> [public url]      (default: $TRUNK_STAGING_DIR, $TRUNK_PUBLIC_URL)
//
// What is precached: exactly the files the app's page needs, read from this build's index.html
// (Trunk's hashed CSS, JS glue, wasm and initializer; sw-register.js; the web app manifest and
// the icons it names) plus index.html itself, the self-test's selftest-cases.json, the place
// names (regions-tree.json) and the English messages (i18n-en.json) — and only files that exist
// in the build. Not the portal-embedding files (jiuzhu.js, embed.html,
// embed-demo/...): a portal caches its own page.
// A missing file named by index.html or the manifest fails the build.
//
// Why a stale mix cannot happen: workbox-build (generateSW) writes every file into sw.js with a
// revision (the MD5 of its bytes; hashed names are their own revision), so any change to any file
// changes sw.js, and the browser installs it as a new worker. The new worker downloads the new
// files next to the old ones, but the page keeps being served by the old worker — from the old
// files only — until the user presses "Reload" (www/sw-register.js sends SKIP_WAITING); then the
// new worker takes over and deletes what the new list no longer names. Old-format caches of
// earlier Workbox versions are removed too (cleanupOutdatedCaches).
//
// Offline from the first byte: the Workbox runtime is bundled into sw.js (inlineWorkboxRuntime),
// nothing is fetched from a CDN; sw.js is minified (~6 KB gzip, see BENCHMARKS.md).
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, posix } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const publicUrl = process.argv[3] ?? process.env.TRUNK_PUBLIC_URL ?? "/";
const fail = (msg) => {
  console.error(`pwa-sw.mjs: ${msg}`);
  process.exit(1);
};
if (!dir) fail("usage: node scripts/pwa-sw.mjs <build dir> [public url]");
let html = readFileSync(join(dir, "index.html"), "utf8");

// A development build (`trunk serve`, `trunk build` without --release) gets no offline cache, so
// a developer never sees stale files: its sw.js only removes what a release build served from
// the same address may have left (its caches and its registration).
if ((process.env.TRUNK_PROFILE ?? "release") !== "release") {
  writeFileSync(
    join(dir, "sw.js"),
    `// Development build: no offline cache (scripts/pwa-sw.mjs).
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) =>
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("jiuzhu-")).map((k) => caches.delete(k))))
      .then(() => self.registration.unregister())
  )
);
`
  );
  console.log(`pwa-sw.mjs: ${process.env.TRUNK_PROFILE} build: sw.js clears the offline cache instead of filling it`);
  process.exit(0);
}

// index.html's hand-written links to the manifest and the touch icon are relative; Trunk's own
// links start with the public url. Give them the same prefix, so that every link of the page
// means the same thing (e.g. /jiuzhu/manifest.webmanifest even when the page is /jiuzhu).
const prefixed = html.replace(/<link\b[^>]*>/gi, (tag) =>
  /\brel=["']?(?:manifest|apple-touch-icon)\b/i.test(tag)
    ? tag.replace(
        /(\bhref=["']?)(?![a-z][a-z0-9+.-]*:|\/)([^"'\s>]+)/i,
        (_, head, href) => head + publicUrl.replace(/\/?$/, "/") + href.replace(/^\.\//, "")
      )
    : tag
);
if (prefixed !== html) writeFileSync(join(dir, "index.html"), (html = prefixed));

// A reference in index.html → the file's path inside the build, or null when it is not a file of
// this build (data: URL, another origin, a fragment). Trunk writes `<public_url><name>`; a
// hand-written relative link is relative to index.html, which sits at the build's root.
const base = new URL(publicUrl, "http://build.invalid/root/");
function inBuild(ref) {
  if (!ref || /^(data|blob|javascript|mailto):/i.test(ref) || ref.startsWith("#")) return null;
  const url = new URL(ref, base);
  if (url.origin !== base.origin) return null;
  if (!url.pathname.startsWith(base.pathname)) fail(`index.html names ${ref}, outside the public url ${publicUrl}`);
  const path = decodeURIComponent(url.pathname.slice(base.pathname.length));
  return path === "" ? "index.html" : path;
}

const files = new Set(["index.html"]);
const add = (path, from) => {
  if (!path) return;
  if (!existsSync(join(dir, path)) || !statSync(join(dir, path)).isFile()) fail(`${from} names ${path}, not in ${dir}`);
  files.add(path);
};
// Attributes (Trunk minifies: values may be unquoted) and, in Trunk's inline loader script,
// the quoted module and wasm paths.
for (const m of html.matchAll(/\s(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
  add(inBuild(m[1] ?? m[2] ?? m[3]), "index.html");
}
for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
  for (const m of body.matchAll(/['"`]([^'"`\s]+\.(?:js|mjs|wasm|css))['"`]/g)) add(inBuild(m[1]), "index.html's script");
}
// The manifest's icons (their URLs are relative to the manifest).
for (const manifest of [...files].filter((f) => f.endsWith(".webmanifest"))) {
  const json = JSON.parse(readFileSync(join(dir, manifest), "utf8"));
  for (const icon of json.icons ?? []) add(posix.join(posix.dirname(manifest), icon.src), manifest);
}
// The self-test's golden cases (scripts/selftest-cases.mjs): read by the app, not named by the page.
add("selftest-cases.json", "the self-test (src/ui/self_test.rs)");
// The place names for the picker (scripts/trunk-post-build.sh copies data/divisions.json): read
// after the first paint (src/ui/place_tree.rs), so offline the picker has every place.
add("regions-tree.json", "the place picker (src/ui/place_tree.rs)");
// The English UI messages (scripts/i18n-en.mjs): read on a switch to English (src/ui/english.rs),
// so offline the switch works once the app is installed.
add("i18n-en.json", "the English messages (src/ui/english.rs)");
if (![...files].some((f) => f.endsWith("_bg.wasm"))) fail("index.html names no *_bg.wasm (Trunk's loader changed?)");
if (files.has("sw.js")) fail("index.html must not name sw.js (it is not precached)");

// The app's page, and its folder, as the browser asks for them (the public url).
const appDir = publicUrl.replace(/\/?$/, "/");
const appPage = appDir + "index.html";
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Loaded only now: index.html is final before the (slow) import, for the other post_build hook.
const { generateSW } = await import("workbox-build");
// Trunk writes its hash as hex without leading zeros: usually 16 digits, sometimes fewer.
const hashed = /(^|\/)[0-9a-f]{12,16}-[^/]+$|-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;
const { count, size, warnings } = await generateSW({
  swDest: join(dir, "sw.js"),
  globDirectory: dir,
  globPatterns: [...files].sort(),
  // Trunk's hashed names are revisions already: no ?__WB_REVISION__ cache-busting for them.
  dontCacheBustURLsMatching: hashed,
  // The release wasm is ~1 MB. A bigger file would be left out (then the count check below fails).
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  cacheId: "jiuzhu",
  inlineWorkboxRuntime: true,
  mode: "production",
  sourcemap: false,
  clientsClaim: true, // the first visit is controlled at once: offline works without a reload
  skipWaiting: false, // an update waits for the user (www/sw-register.js → SKIP_WAITING)
  cleanupOutdatedCaches: true,
  // Any query string on the app's own page is the same page, so it opens offline too: the
  // suffix WeChat adds to every shared link (?from=singlemessage&isappinstalled=0), ?selftest,
  // ?csp=strict, tracking parameters, a hand-typed ?x=1. No file of the build takes a query.
  ignoreURLParametersMatching: [/./],
  directoryIndex: "index.html",
  // And a navigation to the app's page with anything after it is answered from the cache.
  navigateFallback: appPage,
  navigateFallbackAllowlist: [new RegExp(`^${escapeRe(appDir)}(index\\.html)?(\\?.*)?$`)],
});
for (const w of warnings) console.error(`pwa-sw.mjs: workbox: ${w}`);
if (count !== files.size) fail(`precached ${count} files, expected ${files.size}`);
const sw = readFileSync(join(dir, "sw.js"));
const gz = [...files].reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
console.log(
  `pwa-sw.mjs: sw.js (${sw.length} B, gzip ${gzipSync(sw, { level: 9 }).length} B) precaches ${count} files, ` +
    `${size} B (gzip -9 ${gz} B): ${[...files].sort().join(" ")}`
);
