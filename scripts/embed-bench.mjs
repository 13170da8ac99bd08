// Embedding benchmark (BENCHMARKS.md, "Embedding"): for each mode, the bytes a portal page
// downloads from jiuzhu (raw, gzip -9, brotli -q 11 of each file), and the time from a
// <jiuzhu-screener> being inserted to its first interactive screen (a form control rendered
// in its shadow root), median of N cold runs (fresh browser context, nothing cached) and of N
// warm runs (a second element on a page whose wasm is already loaded), at full CPU speed and
// with the CPU slowed 4× (a cheap phone). Debian Chromium, e2e/serve.mjs on 127.0.0.1.
//   node scripts/embed-bench.mjs [dist] [runs]        (after trunk build --release)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const runs = Number(process.argv[3] ?? 9);
const port = 8497;
const base = `http://127.0.0.1:${port}/`;

const server = spawn(process.execPath, ["e2e/serve.mjs", dist, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Every jiuzhu file a demo page fetches (the demo's own files under embed-demo/ excluded). */
async function bytes(path, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = new Map();
  page.on("response", async (r) => {
    const u = new URL(r.url());
    if (u.origin !== new URL(base).origin || u.pathname.startsWith("/embed-demo/")) return;
    bodies.set(u.pathname, await r.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(base + path);
  await ready(page);
  await page.waitForTimeout(500);
  await context.close();
  let raw = 0;
  let gz = 0;
  let br = 0;
  for (const body of bodies.values()) {
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
    br += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files: [...bodies.keys()].sort(), raw, gz, br };
}

const controlIn = (sel) => (page) =>
  page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((e) => e.shadowRoot?.querySelector("select, input, button")), sel);

const modes = {
  "JS API (jiuzhu-engine.js)": await bytes("embed-demo/api.html", (p) => p.waitForSelector("#run:not([disabled])")),
  "custom element": await bytes("embed-demo/elements.html", controlIn("jiuzhu-screener")),
  iframe: await bytes("embed-demo/iframe.html", (p) =>
    p.frameLocator("#screener").locator("select, input, button").first().waitFor()
  ),
};

/** ms from inserting an element to a form control in its shadow root. */
async function insertToInteractive(page, id) {
  return page.evaluate(
    (id) =>
      new Promise((resolve) => {
        const el = document.createElement("jiuzhu-screener");
        el.id = id;
        el.setAttribute("region", "530112");
        const t0 = performance.now();
        const check = () => {
          if (el.shadowRoot?.querySelector("select, input, button")) resolve(performance.now() - t0);
          else requestAnimationFrame(check);
        };
        document.body.append(el);
        check();
      }),
    id
  );
}

/** Median times over `runs` fresh contexts, with the CPU slowed `cpu` times (CDP). */
async function timings(cpu) {
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (cpu > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    }
    // An empty host page that has loaded the element's script (a few KiB) but not the wasm,
    // which the first element fetches.
    await page.goto(base + "embed-demo/blank.html");
    await page.evaluate(() => import("../jiuzhu-screener.js"));
    cold.push(await insertToInteractive(page, "cold"));
    warm.push(await insertToInteractive(page, "warm"));
    await context.close();
  }
  return { cold, warm };
}
const fast = await timings(1);
const slow = await timings(4);
await browser.close();
server.kill();

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`| mode | files | raw | gzip -9 | brotli -q 11 |`);
console.log(`|---|---|---|---|---|`);
for (const [name, m] of Object.entries(modes)) {
  console.log(`| ${name} | ${m.files.map((f) => f.replace(/^\//, "")).join(", ")} | ${kb(m.raw)} | ${kb(m.gz)} | ${kb(m.br)} |`);
}
console.log();
const line = (label, { cold, warm }) =>
  console.log(`${label}: cold median ${median(cold).toFixed(0)} ms ` +
    `(min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)}); ` +
    `warm median ${median(warm).toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`);
console.log(`insert → first interactive screen, ${runs} runs each:`);
line("  CPU as is", fast);
line("  CPU slowed 4× (CDP)", slow);
