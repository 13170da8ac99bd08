// A tiny static file server for dist/ (no dependencies), used by the end-to-end tests.
//   node e2e/serve.mjs [dir] [port] [prefix]
// With a prefix (e.g. /jiuzhu/, for a build made with `trunk build --public-url /jiuzhu/`), the
// files are served only below it (anything else is 404; the prefix without its slash redirects).
// For the embedding tests (e2e/embed.spec.mjs): everything is also served under the sub-path
// /portal/jiuzhu/ (a portal hosting the build in a folder), and a page requested with
// ?csp=strict, or any embed-demo/csp*.html, gets the Content-Security-Policy header written
// for it in dist/jiuzhu-csp.txt (index.html, embed.html, else "host").
// With SERVE_GZIP=1 in the environment, text and wasm go out gzip-compressed (level 9) to a
// browser that accepts it, as any production web server would send them (scripts/lighthouse.sh).
// With SERVE_PRECOMPRESSED=1, a file's precompressed copy (`<file>.br`, else `<file>.gz`, written by
// scripts/precompress.mjs) goes out as it is to a browser that accepts its encoding, as nginx's
// brotli_static / gzip_static would send it; without a copy, SERVE_GZIP applies.
// With SERVE_SLOW=1, every response waits 562.5 ms and then shares one link of 1,474.56 kbit/s
// with the others — Lighthouse's slow 4G as Chrome DevTools applies it, but for every request to
// this server, the service worker's too, which the browser's own throttling leaves out
// (scripts/first-visit.mjs).
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 8090);
const SUBPATH = "/portal/jiuzhu/";
const prefix = process.argv[4] ? process.argv[4].replace(/^\/?/, "/").replace(/\/?$/, "/") : null;

async function cspFor(path, url) {
  const strict = url.searchParams.get("csp") === "strict" || /\/embed-demo\/csp[^/]*\.html$/.test(path);
  if (!strict || !path.endsWith(".html")) return null;
  const text = await readFile(join(root, "jiuzhu-csp.txt"), "utf8");
  const page = path.endsWith("/index.html") ? "index.html" : path.endsWith("/embed.html") ? "embed.html" : "host";
  const line = text.split("\n").find((l) => l.startsWith(`${page}: `));
  if (!line) throw new Error(`no ${page} policy in jiuzhu-csp.txt`);
  // The iframe may be framed by this server's pages, under either loopback name.
  const self = `http://127.0.0.1:${port} http://localhost:${port}`;
  return line.slice(page.length + 2).replace("<portal origin>", self);
}
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

const SLOW = process.env.SERVE_SLOW === "1";
const LATENCY_MS = 562.5;
const BYTES_PER_MS = (1474.56 * 1000) / 8 / 1000;
const CHUNK = 4096;
let linkFree = 0; // when the shared link has sent everything queued so far
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
// Chunks of responses sent at the same time take turns on the link, in the order they were queued.
async function sendSlowly(res, body) {
  await sleep(LATENCY_MS);
  for (let i = 0; i < body.length; i += CHUNK) {
    const chunk = body.subarray(i, i + CHUNK);
    const now = performance.now();
    linkFree = Math.max(now, linkFree) + chunk.length / BYTES_PER_MS;
    await sleep(linkFree - now);
    if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
  }
  res.end();
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url, "http://localhost");
    if (prefix && url.pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { location: prefix + url.search });
      return res.end();
    }
    if (prefix && !url.pathname.startsWith(prefix)) throw new Error("outside the prefix");
    const pathname = prefix
      ? url.pathname.slice(prefix.length - 1)
      : url.pathname.startsWith(SUBPATH)
        ? url.pathname.slice(SUBPATH.length - 1)
        : url.pathname;
    let path = normalize(join(root, decodeURIComponent(pathname)));
    if (!path.startsWith(root)) throw new Error("outside root");
    if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
    let body = await readFile(path);
    const csp = await cspFor(path, url);
    const accepts = (coding) => new RegExp(`\\b${coding}\\b`).test(req.headers["accept-encoding"] ?? "");
    let encoding = null;
    if (process.env.SERVE_PRECOMPRESSED === "1") {
      for (const [coding, ext] of [["br", ".br"], ["gzip", ".gz"]]) {
        const copy = accepts(coding) && (await readFile(path + ext).catch(() => null));
        if (copy) {
          [body, encoding] = [copy, coding];
          break;
        }
      }
    }
    if (!encoding && process.env.SERVE_GZIP === "1" && accepts("gzip") && !/\.(png|jpe?g|webp)$/.test(path)) {
      [body, encoding] = [gzipSync(body, { level: 9 }), "gzip"];
    }
    res.writeHead(200, {
      "content-type": types[extname(path)] ?? "application/octet-stream",
      "content-length": body.length,
      ...(encoding ? { "content-encoding": encoding, vary: "accept-encoding" } : {}),
      "cache-control": "no-store",
      ...(csp ? { "content-security-policy": csp } : {}),
    });
    if (SLOW) await sendSlowly(res, body);
    else res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://127.0.0.1:${port}${prefix ?? "/"}`));
