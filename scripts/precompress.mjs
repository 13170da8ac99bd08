// Precompressed copies of the built files, the last step of Trunk's post_build hook
// (scripts/trunk-post-build.sh):  node scripts/precompress.mjs <build dir>
//
// A resident's first visit is mostly the wasm (~1.2 MB raw). Sent uncompressed it is ~2.5× the
// bytes of gzip; compressed on the fly, servers use a fast level (nginx's default gzip level is
// 1). So every text and wasm file gets, next to it, `<name>.br` (brotli, quality 11) and
// `<name>.gz` (gzip, level 9), made once here: a server that serves precompressed files (nginx
// `gzip_static` / `brotli_static`, Caddy `precompressed br gzip`; README "Putting it on a
// server") then sends the smallest copy the browser accepts at no CPU cost. Brotli is about a
// fifth smaller than gzip on the first screen (BENCHMARKS.md "Resident app", "sixth pass").
//
// Only files at least 1 KiB long whose copy is smaller are compressed. Copies whose file is gone
// are removed, and the copies are made again on each run (e2e/offline.spec.mjs runs the hook a
// second time on a built folder), so a copy never differs from its file. Node's own zlib: no
// dependency. The service worker's precache is written before this step (scripts/pwa-sw.mjs) and
// never names a copy: the browser decodes what it is sent.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("precompress.mjs: usage: node scripts/precompress.mjs <build dir>");
  process.exit(1);
}

/** The extensions worth compressing (images are compressed already). */
const TEXT = /\.(html|js|mjs|css|wasm|json|webmanifest|svg|txt)$/;
const MIN_BYTES = 1024;

function* files(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

let count = 0;
for (const path of [...files(dir)]) {
  if (/\.(br|gz)$/.test(path)) {
    // A copy: keep it only while its file is there (it is made again below).
    if (!existsSync(path.slice(0, -3))) rmSync(path);
    continue;
  }
  if (!TEXT.test(path)) continue;
  const body = readFileSync(path);
  for (const [ext, packed] of [
    [".br", () => brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: path.endsWith(".wasm")
          ? constants.BROTLI_MODE_GENERIC
          : constants.BROTLI_MODE_TEXT,
      },
    })],
    [".gz", () => gzipSync(body, { level: 9 })],
  ]) {
    const copy = path + ext;
    const small = body.length >= MIN_BYTES ? packed() : null;
    if (small && small.length < body.length) {
      writeFileSync(copy, small);
      count++;
    } else {
      rmSync(copy, { force: true });
    }
  }
}
console.log(`precompress.mjs: ${count} precompressed copies (.br, .gz) in ${dir}`);
