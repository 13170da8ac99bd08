// End-to-end: the offline PWA (issue 5) — manifest, service worker (sw.js from scripts/pwa-sw.mjs),
// update banner (www/sw-register.js) — on the release build, in Debian's Chromium.
//   npx playwright test e2e/offline.spec.mjs
// Needs dist/ (E2E_DIST) and a build for a sub-path (E2E_SUBPATH_DIST, default
// target/e2e/dist-jiuzhu), made by scripts/test.sh with
//   trunk build --release --public-url /jiuzhu/ --dist target/e2e/dist-jiuzhu
//
// Each test starts its own server (e2e/serve.mjs) on a free port, so that it can stop it: "offline"
// here means both the browser context set offline *and* no server at all.
//
// The update test needs a second release in which every hashed file differs. Rebuilding the same
// sources gives the same files, so release B is made from a copy of dist/: the wasm gets one more
// custom section, each JS/CSS file a trailing comment, each a new content-hashed name, index.html
// the new names and SRI hashes, and then Trunk's own post_build hook (scripts/trunk-post-build.sh,
// which writes sw.js) runs on it, exactly as in a real build.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { freePort, serve } from "./servers.mjs";
import { GOLDEN_CASES, KEY, field, next, expectResult, tekunElder, barStatus } from "./household-flows.mjs";

const DIST = process.env.E2E_DIST ?? "dist";
const SUBPATH_DIST = process.env.E2E_SUBPATH_DIST ?? "target/e2e/dist-jiuzhu";
const SUBPATH = "/jiuzhu/";

test.describe.configure({ timeout: 120_000 });

// ----- helpers -----------------------------------------------------------------------------------

/** The hashed files index.html names (Trunk's CSS, JS glue, wasm, initializer, sw-register). */
function hashedNames(dir) {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  return [...new Set(html.match(/[\w.-]*(?:-[0-9a-f]{12,16}(?:_bg)?|[0-9a-f]{12,16}-[\w.-]+?)\.(?:js|wasm|css)/g))];
}

const usable = (page) => page.locator('[data-field="region.province"] select');

/** Loads the page and waits until the service worker controls it and has precached everything. */
async function loadAndInstall(page, url) {
  await page.goto(url);
  await expect(usable(page)).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, {
    timeout: 30_000,
  });
}

/** The tekun elder household typed in, up to the result screen (the engine's answer). */
async function tekunFlow(page) {
  await tekunElder(page);
  await next(page, "result");
  await expectResult(page, "tekun", "很可能符合");
}

/** A copy of `dist` as release B: every hashed file changed and renamed; sw.js rewritten. */
function releaseB(dist, out) {
  cpSync(dist, out, { recursive: true });
  const sri = (buf) => "sha384-" + createHash("sha384").update(buf).digest("base64");
  let html = readFileSync(join(out, "index.html"), "utf8");
  for (const name of hashedNames(out)) {
    const old = readFileSync(join(out, name));
    let changed;
    if (name.endsWith(".wasm")) {
      // A custom section "jiuzhu.release" = "B": the module is valid and otherwise the same.
      const secName = Buffer.from("jiuzhu.release");
      const body = Buffer.concat([Buffer.from([secName.length]), secName, Buffer.from("B")]);
      changed = Buffer.concat([old, Buffer.from([0, body.length]), body]);
    } else {
      changed = Buffer.concat([old, Buffer.from("\n/* release B */\n")]);
    }
    const hash = createHash("sha256").update(changed).digest("hex").slice(0, 16);
    const renamed = name.replace(/[0-9a-f]{12,16}/, hash);
    writeFileSync(join(out, renamed), changed);
    rmSync(join(out, name));
    html = html.split(name).join(renamed).split(sri(old)).join(sri(changed));
  }
  writeFileSync(join(out, "index.html"), html);
  rmSync(join(out, "sw.js"));
  execFileSync("bash", ["scripts/trunk-post-build.sh"], {
    env: { ...process.env, TRUNK_STAGING_DIR: out, TRUNK_PUBLIC_URL: "/", TRUNK_PROFILE: "release" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

let tmp;
test.beforeAll(() => {
  if (!existsSync(join(DIST, "sw.js"))) throw new Error(`${DIST}/sw.js missing: build with trunk build --release`);
  tmp = mkdtempSync(join(tmpdir(), "jiuzhu-offline-"));
});
test.afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

// ----- install, offline ----------------------------------------------------------------------------

test("installable: manifest (name, zh-CN, standalone, icons), no installability errors", async ({ page }) => {
  const server = await serve(DIST);
  try {
    await loadAndInstall(page, server.origin + "/");
    const cdp = await page.context().newCDPSession(page);
    const { url, data, errors } = await cdp.send("Page.getAppManifest");
    expect(errors).toEqual([]);
    expect(url).toBe(server.origin + "/manifest.webmanifest");
    const manifest = JSON.parse(data);
    expect(manifest).toMatchObject({ short_name: "救助自查", lang: "zh-CN", display: "standalone", start_url: "./", scope: "./" });
    expect(manifest.name).toContain("救助自查");
    for (const [size, purpose] of [["192x192", "any"], ["512x512", "any"], ["512x512", "maskable"]]) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.purpose === purpose);
      expect(icon, `${size} ${purpose} icon`).toBeTruthy();
      const png = await page.request.get(new URL(icon.src, url).href);
      expect(png.status()).toBe(200);
      const buf = await png.body();
      // PNG header: width and height (big-endian) at bytes 16 and 20.
      expect(`${buf.readUInt32BE(16)}x${buf.readUInt32BE(20)}`).toBe(size);
    }
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    // Playwright's contexts are incognito-like: Chrome never installs from those. Any other
    // reason (no manifest, icon missing or too small, no service worker...) fails the test.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
  } finally {
    await server.stop();
  }
});

// On a first visit the worker's install downloads every file it keeps (the wasm again from a
// server that forbids caching, the place names, the self-test's cases, the English): on a slow
// phone network that bandwidth would be taken from the app's own first download. So
// www/sw-register.js registers it only once the app has read the place names (the window event
// `jiuzhu-places-read`, src/ui/place_tree.rs) — also when they cannot be read.
for (const names of ["read", "not readable"]) {
  test(`first visit: the worker is registered only after the app has started and the place names are ${names}`, async ({ page }) => {
    const server = await serve(DIST);
    try {
      if (names === "not readable") await page.route("**/regions-tree.json", (route) => route.abort());
      await page.addInitScript(() => {
        window.__jz = { read: null, register: null };
        addEventListener("jiuzhu-places-read", () => (window.__jz.read ??= performance.now()));
        const sw = navigator.serviceWorker;
        const register = sw.register.bind(sw);
        sw.register = (...args) => {
          window.__jz.register ??= performance.now();
          return register(...args);
        };
      });
      await loadAndInstall(page, server.origin + "/");
      const { read, register } = await page.evaluate(() => window.__jz);
      expect(read).not.toBeNull();
      expect(register).toBeGreaterThanOrEqual(read);
      // A returning visit (the worker controls the page) registers at once, before the app starts.
      await page.reload();
      await expect(usable(page)).toBeVisible();
      const again = await page.evaluate(() => window.__jz);
      expect(again.register).not.toBeNull();
      if (again.read !== null) expect(again.register).toBeLessThan(again.read);
    } finally {
      await server.stop();
    }
  });
}

test("precache = exactly the files index.html loads, plus the manifest and its icons, the self-test's cases, the place names and the English messages", async ({ page }) => {
  const server = await serve(DIST);
  try {
    await loadAndInstall(page, server.origin + "/");
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls.sort();
    });
    const manifest = JSON.parse(readFileSync(join(DIST, "manifest.webmanifest"), "utf8"));
    const expected = [
      "/i18n-en.json",
      "/index.html",
      "/manifest.webmanifest",
      "/regions-tree.json",
      "/selftest-cases.json",
      ...hashedNames(DIST).map((n) => "/" + n),
      ...manifest.icons.map((i) => "/" + i.src),
    ];
    expect(cached).toEqual([...new Set(expected)].sort());
    // Every file of the page (Trunk's hashed ones) is among them; nothing of the embedding kit.
    expect(cached.some((u) => /_bg\.wasm$/.test(u))).toBe(true);
    expect(cached.filter((u) => /jiuzhu\.js|embed|jiuzhu-shadow|csp/.test(u))).toEqual([]);
  } finally {
    await server.stop();
  }
});

test("after one visit the app works with the network off (and no server at all)", async ({ page, context }) => {
  const server = await serve(DIST);
  await loadAndInstall(page, server.origin + "/");
  await server.stop();
  await context.setOffline(true);
  const fromNetwork = [];
  const record = (r) => {
    if (!r.fromServiceWorker() && !r.url().startsWith("data:")) fromNetwork.push(r.url());
  };
  page.on("response", record);
  await page.reload();
  await expect(usable(page)).toBeVisible();
  await tekunFlow(page);
  expect(fromNetwork).toEqual([]);
  // Switching to English reads its messages (i18n-en.json, not in the wasm) from the offline cache.
  await page.getByTestId("lang").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("english-failed")).toHaveCount(0);
  await expectResult(page, "tekun");
  await page.getByTestId("lang").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect(fromNetwork).toEqual([]);
  // A new tab, offline, opening the address again (e.g. from the home screen icon).
  const again = await context.newPage();
  await again.goto(server.origin + "/");
  await expect(again.getByTestId("app")).toHaveAttribute("data-step", "result");
  await expectResult(again, "tekun", "很可能符合");
  // The self-test reads its cases (selftest-cases.json, not in the wasm) from the offline cache.
  const selftest = await context.newPage();
  selftest.on("response", record);
  await selftest.goto(server.origin + "/#selftest");
  await expect(selftest.getByTestId("selftest-count")).toHaveAttribute("data-pass", String(GOLDEN_CASES), { timeout: 30_000 });
  await expect(selftest.getByTestId("selftest-count")).toHaveAttribute("data-total", String(GOLDEN_CASES));
  expect(fromNetwork).toEqual([]);
});

test("offline, a shared link opens from the cache whatever its query string (the WeChat suffix ?from=singlemessage&isappinstalled=0)", async ({ page, context }) => {
  const server = await serve(DIST);
  await loadAndInstall(page, server.origin + "/");
  await server.stop();
  await context.setOffline(true);
  for (const path of [
    "/?from=singlemessage&isappinstalled=0", // WeChat adds this to every shared link
    "/?from=timeline&isappinstalled=0",
    "/index.html?x=1",
    "/?csp=strict",
    "/index.html?from=singlemessage",
  ]) {
    const tab = await context.newPage();
    await tab.goto(server.origin + path);
    await expect(usable(tab), path).toBeVisible();
    await tab.close();
  }
});

test("served from a sub-path (/jiuzhu/): installs there and works offline", async ({ page, context }) => {
  test.skip(
    !existsSync(join(SUBPATH_DIST, "sw.js")),
    `no sub-path build in ${SUBPATH_DIST}: trunk build --release --public-url /jiuzhu/ --dist ${SUBPATH_DIST}`
  );
  const server = await serve(SUBPATH_DIST, { prefix: SUBPATH });
  const outside = [];
  context.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith("http") && !u.pathname.startsWith(SUBPATH)) outside.push(r.url());
  });
  await loadAndInstall(page, server.origin + SUBPATH);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(server.origin + SUBPATH);
  const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((l) => l.href);
  expect(manifestUrl).toBe(server.origin + SUBPATH + "manifest.webmanifest");
  await server.stop();
  await context.setOffline(true);
  await page.reload();
  await expect(usable(page)).toBeVisible();
  await tekunFlow(page);
  const shared = await context.newPage();
  await shared.goto(server.origin + SUBPATH + "?from=singlemessage&isappinstalled=0");
  await expect(shared.getByTestId("app")).toHaveAttribute("data-step", "result"); // where the resident was
  expect(outside).toEqual([]);
});

test("under the strict CSP of jiuzhu-csp.txt the worker registers and takes control, no violation", async ({ page }) => {
  const server = await serve(DIST);
  try {
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(server.origin + "/?csp=strict");
    expect(response.headers()["content-security-policy"]).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    await expect(usable(page)).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, { timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    const { errors } = await cdp.send("Page.getAppManifest");
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
  } finally {
    await server.stop();
  }
});

test("the embedding modes (custom element, iframe, JS API) register no service worker", async ({ page }) => {
  const server = await serve(DIST);
  const registrations = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  try {
    await page.goto(server.origin + "/embed-demo/elements.html");
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll("jiuzhu-screener")].every((e) => e.shadowRoot?.querySelector("select, input, button"))
        )
      )
      .toBe(true);
    await page.goto(server.origin + "/embed-demo/iframe.html");
    await expect(page.frameLocator("iframe").first().locator("select, input, button").first()).toBeVisible();
    await page.goto(server.origin + "/embed-demo/api.html");
    await page.click("#run");
    await expect(page.locator("#statuses [data-scheme=dibao]")).toHaveAttribute("data-status", "likely");
    // Give a (wrongly) started registration time to show up.
    await page.waitForTimeout(1000);
    expect(await registrations()).toBe(0);
    // The app's own page does register (so the check above can fail).
    await loadAndInstall(page, server.origin + "/");
    expect(await registrations()).toBe(1);
  } finally {
    await server.stop();
  }
});

// ----- update --------------------------------------------------------------------------------------

test("a new release: banner, reload when ready, answers kept, only the new files, old cache gone", async ({ page }) => {
  const a = join(tmp, "a");
  const b = join(tmp, "b");
  cpSync(DIST, a, { recursive: true });
  releaseB(DIST, b);
  const namesA = hashedNames(a);
  const namesB = hashedNames(b);
  expect(namesA.filter((n) => namesB.includes(n))).toEqual([]); // every hashed file differs
  expect(readFileSync(join(a, "sw.js"))).not.toEqual(readFileSync(join(b, "sw.js")));

  const port = await freePort();
  let server = await serve(a, { port });
  const loaded = () =>
    page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname.slice(1)).filter((n) => /\.(js|wasm|css)$/.test(n))
    );
  try {
    await loadAndInstall(page, server.origin + "/");
    // Some answers, saved on the device.
    await tekunElder(page);
    const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);
    expect(saved).toContain("78");

    // Release B goes live. The open page is still version A; a reload is served by worker A, from
    // A's files only, while B installs in the background.
    await server.stop();
    server = await serve(b, { port });
    await page.reload();
    await expect(usable(page).or(page.getByTestId("app"))).toBeVisible();
    const banner = page.locator("#jiuzhu-update");
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toHaveAttribute("role", "status");
    await expect(banner).toContainText("新版本可用");
    await expect(banner).toContainText("A new version is available");
    const onA = await loaded();
    expect(onA.filter((n) => namesB.includes(n))).toEqual([]);
    expect(onA.filter((n) => namesA.includes(n)).length).toBeGreaterThanOrEqual(3);

    // The banner: accessible, a big enough button, reachable from the keyboard.
    const axe = await new AxeBuilder({ page }).include("#jiuzhu-update").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const button = banner.getByRole("button", { name: /刷新/ });
    const box = await button.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    // 大字模式: 30px text, a 60px button.
    await page.getByTestId("elder").click();
    await expect(page.getByTestId("app")).toHaveClass(/elder/);
    expect((await button.boundingBox()).height).toBeGreaterThanOrEqual(60);
    expect(await banner.locator("p").evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeGreaterThanOrEqual(30);
    await page.getByTestId("elder").click();
    await expect(page.getByTestId("app")).not.toHaveClass(/elder/);
    // Reachable with Tab (from the 大字 switch, through the rest of the page).
    let tabs = 0;
    while (!(await button.evaluate((b) => b === document.activeElement)) && tabs < 100) {
      await page.keyboard.press("Tab");
      tabs++;
    }
    await expect(button).toBeFocused();

    // The user presses Reload: worker B takes over and the page reloads, from B's files only.
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
    await expect(usable(page).or(page.getByTestId("app"))).toBeVisible();
    await expect(page.locator("#jiuzhu-update")).toHaveCount(0);
    const onB = await loaded();
    expect(onB.filter((n) => namesA.includes(n))).toEqual([]);
    for (const n of namesB.filter((n) => !/sw-register/.test(n))) expect(onB, `${n} loaded`).toContain(n);
    const inline = await page.locator("script[type=module]:not([src])").first().textContent();
    for (const n of namesB.filter((n) => /^jiuzhu-app-/.test(n))) expect(inline).toContain(n); // B's glue + wasm
    // The answers are still there, and still give the same result.
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(saved);
    await expect(page.getByTestId("app")).toHaveAttribute("data-step", "events");
    expect(await barStatus(page, "tekun")).toBe("likely");
    await expect(page.locator("button[data-step=members]")).toBeVisible();
    await page.locator("button[data-step=members]").click();
    await expect(field(page, "members[0].age").locator("input[type=text]")).toHaveValue("78");

    // The old release's files are gone from the cache; B's are all there.
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname.slice(1));
      }
      return urls;
    });
    expect(cached.filter((n) => namesA.includes(n))).toEqual([]);
    for (const n of namesB) expect(cached).toContain(n);

    // And B works offline.
    await server.stop();
    await page.context().setOffline(true);
    await page.reload();
    await expect(page.getByTestId("app")).toBeVisible();
    expect(await barStatus(page, "tekun")).toBe("likely");
  } finally {
    await server.stop();
  }
});

test("a development build's sw.js removes the offline cache a release left on the same address", async ({ page }) => {
  const dev = join(tmp, "dev");
  cpSync(DIST, dev, { recursive: true });
  execFileSync(process.execPath, ["scripts/pwa-sw.mjs", dev, "/"], {
    env: { ...process.env, TRUNK_PROFILE: "debug" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const port = await freePort();
  let server = await serve(DIST, { port });
  const cacheCount = () => page.evaluate(async () => (await caches.keys()).length);
  try {
    await loadAndInstall(page, server.origin + "/");
    expect(await cacheCount()).toBeGreaterThan(0);
    await server.stop();
    server = await serve(dev, { port });
    await page.reload();
    await expect.poll(cacheCount, { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), { timeout: 15_000 })
      .toBe(0);
    await page.reload(); // now straight from the server
    await expect(usable(page)).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  } finally {
    await server.stop();
  }
});

// ----- timing (BENCHMARKS.md 'Offline (PWA)') ------------------------------------------------------

test("repeat visit with the network off: time to a usable screen (median of 9)", async ({ page, context }) => {
  const server = await serve(DIST);
  // performance mark when the first question (the province) is on screen.
  await context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-field="region.province"] select')) {
        performance.mark("jiuzhu-usable");
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await loadAndInstall(page, server.origin + "/");
  await server.stop();
  await context.setOffline(true);
  const cdp = await context.newCDPSession(page);
  const results = {};
  for (const cpu of [1, 4]) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
    const times = [];
    for (let i = 0; i < 9; i++) {
      await page.reload();
      await expect(usable(page)).toBeVisible();
      const t = await page.waitForFunction(() => performance.getEntriesByName("jiuzhu-usable")[0]?.startTime);
      times.push(await t.jsonValue());
    }
    times.sort((x, y) => x - y);
    results[`${cpu}x CPU`] = { median_ms: Math.round(times[4]), min_ms: Math.round(times[0]), max_ms: Math.round(times[8]) };
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const precache = await page.evaluate(async () => {
    let bytes = 0;
    let files = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        bytes += (await (await cache.match(req)).arrayBuffer()).byteLength;
        files++;
      }
    }
    return { files, bytes };
  });
  console.log(`offline repeat visit, time to usable screen: ${JSON.stringify(results)}; precache ${JSON.stringify(precache)}`);
  test.info().annotations.push({ type: "offline-timing", description: JSON.stringify({ results, precache }) });
  expect(results["1x CPU"].median_ms).toBeLessThan(5000);
});
