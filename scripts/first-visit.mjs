// A resident's first visit on a slow phone network, measured on a release build: every request
// to the server — the service worker's too — shares one slow 4G link (e2e/serve.mjs SERVE_SLOW=1:
// 562.5 ms per response, 1,474.56 kbit/s shared, gzip), the phone's CPU is 4× slower (Chrome's
// CPU throttling), nothing is cached and no worker is installed yet. Lighthouse's own throttling
// (scripts/lighthouse.sh) leaves the worker's downloads out; this does not.
//   node scripts/first-visit.mjs <dist> [runs=5] [lang=zh-CN]
// Prints, per run and as medians (ms from navigation):
//   usable    the first question (the province menu) is on the screen
//   wasm      the app's wasm has arrived
//   places    the place names have been read (src/ui/place_tree.rs; the search then works)
//   settled   the end of the last long task (> 50 ms) before 5 s without one: Lighthouse's
//             "interactive" (without its network rule), on this network
//   blocking  the sum of (long task − 50 ms) from the first paint to then: "total blocking time"
//   offline   the service worker is active (the app then opens without a network)
// Used for BENCHMARKS.md "Resident app". Needs the project's Playwright and Chromium (scripts/setup.sh).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright";

import { serve } from "../e2e/servers.mjs";

const dist = resolve(process.argv[2] ?? "dist");
const runs = Number(process.argv[3] ?? 5);
const lang = process.argv[4] ?? "zh-CN";
// How long each visit is watched (offline use is set up in ~20 s on this network).
const WINDOW_MS = Number(process.env.FIRST_VISIT_WINDOW_MS ?? 35_000);
if (!existsSync(join(dist, "index.html"))) {
  console.error(`first-visit.mjs: no ${dist}/index.html (run trunk build --release)`);
  process.exit(1);
}
// SERVE_PRECOMPRESSED=1 in the environment: the build's .br / .gz copies (scripts/precompress.mjs)
// as a server with brotli_static / gzip_static sends them; else gzip level 9.
const server = await serve(dist, { env: { SERVE_GZIP: "1", SERVE_SLOW: "1" } });
const origin = `${server.origin}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-dev-shm-usage", `--lang=${lang}`],
});
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ locale: lang, viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() => {
      const w = window;
      w.__jz = { long: [], usable: null, places: null, offline: null };
      addEventListener("jiuzhu-places-read", () => (w.__jz.places = performance.now()));
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__jz.long.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-field="region.province"] select')) {
          w.__jz.usable = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
      navigator.serviceWorker?.ready.then(() => (w.__jz.offline = performance.now()));
    });
    await page.goto(origin);
    // Nothing is asked of the page while it loads: Playwright's own scripts in a page with a 4×
    // slower CPU are long tasks themselves. One look at the end.
    await page.waitForTimeout(WINDOW_MS);
    const r = await page.evaluate(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
      const wasm = performance
        .getEntriesByType("resource")
        .find((e) => /jiuzhu-app-[0-9a-f]+_bg\.wasm$/.test(e.name));
      // Lighthouse's "interactive" without its network rule: the end of the last long task
      // before 5 s without one (from the first paint); "total blocking time" up to then.
      const long = window.__jz.long.filter(([s]) => s >= fcp);
      let settled = fcp;
      for (const [s, d] of long) {
        if (s - settled >= 5000) break;
        settled = Math.max(settled, s + d);
      }
      return {
        usable: window.__jz.usable,
        wasm: wasm?.responseEnd ?? null,
        places: window.__jz.places,
        settled,
        blocking: long.filter(([s]) => s < settled).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
        offline: window.__jz.offline,
      };
    });
    rows.push(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Math.round(v)])));
    console.log(`run ${i + 1}: ${JSON.stringify(rows.at(-1))}`);
    if (process.env.FIRST_VISIT_TASKS) {
      const tasks = await page.evaluate(() => window.__jz.long.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`));
      console.log(`  long tasks (start+duration ms): ${tasks.join(" ")}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
const median = (k) => {
  const v = rows.map((r) => r[k]).filter((x) => x !== null).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};
console.log(
  `median of ${runs} (${lang}): ` +
    ["usable", "wasm", "places", "settled", "blocking", "offline"].map((k) => `${k} ${median(k)} ms`).join(", ")
);
