// End-to-end: embedding jiuzhu in a portal page (docs/embedding.md), on the built dist/ in
// Debian's Chromium: the JS API, the custom element, the iframe with its postMessage
// protocol, a strict Content-Security-Policy, a sub-path, and axe inside the screener. The
// host pages are www/embed-demo/ (copied to dist/embed-demo/ by scripts/embed-post-build.sh).
//   npx playwright test e2e/embed.spec.mjs
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GOLDEN_CASES } from "./household-flows.mjs";
import { serve } from "./servers.mjs";

const DIST = process.env.E2E_DIST ?? "dist";

/** A copy of the build deployed with this allow-list of portal origins in embed.html. */
function deployWithOrigins(origins) {
  const dir = mkdtempSync(join(tmpdir(), "jiuzhu-embed-"));
  cpSync(DIST, dir, { recursive: true });
  const page = join(dir, "embed.html");
  const html = readFileSync(page, "utf8");
  const edited = html.replace(/(<meta name="jiuzhu-embed-origins" content=")[^"]*"/, `$1${origins.join(" ")}"`);
  if (edited === html && origins.length) throw new Error("embed.html has no jiuzhu-embed-origins meta");
  writeFileSync(page, edited);
  return dir;
}

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// The Xishan household of three of docs/schema.md: 1200 + 636 counted (the scholarship is
// not), 612.00 per person, under the 2022 urban standard of 700 → dibao likely, 264.00.
const XISHAN = {
  region: "530112",
  residence: "urban",
  as_of: "2022-11-01",
  members: [
    { id: "m1", relation: "applicant", age: 45, income: [{ type: "wages", amount: 1200 }] },
    { id: "m2", relation: "spouse", age: 44, income: [{ type: "wages", amount: 636 }] },
    { id: "c1", relation: "child", age: 10, income: [{ type: "scholarship", amount: 100 }] },
  ],
};

/** Fails the test on any uncaught page error or CSP violation report in the console. */
function watchErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) {
      errors.push(`console.${m.type()}: ${m.text()}`);
    }
  });
  return errors;
}

/** Calls the JS API in the page through the stable entry module, as a portal would. */
async function api(page, fn, arg) {
  return page.evaluate(
    async ([body, a]) => {
      const m = await import(new URL("../jiuzhu.js", location.href).href);
      // eslint-disable-next-line no-new-func
      return new Function("m", "a", body)(m, a);
    },
    [fn, arg]
  );
}

test.describe("JS API", () => {
  test("good input: evaluate, regions, parameters, version", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto("embed-demo/api.html");
    await expect(page.locator("#run")).toBeEnabled();

    const r = await api(page, "return m.evaluate(a)", XISHAN);
    expect(r.error).toBeUndefined();
    expect(r.schema).toBe(1);
    expect(r.per_capita_monthly_income).toBe("612.00");
    expect(r.dibao_standard_monthly).toBe("700.00");
    const dibao = r.schemes.find((s) => s.scheme === "dibao");
    expect(dibao.status).toBe("likely");
    expect(dibao.estimate.monthly_low).toBe("264.00");
    expect(r.schemes.map((s) => s.scheme)).toEqual([
      "dibao", "dibao_single_person", "tekun", "edge", "rigid_expense", "temporary_relief", "gradual_exit",
    ]);
    // The same document as JSON text gives the same result.
    const again = await api(page, "return m.evaluate(JSON.stringify(a))", XISHAN);
    expect(again).toEqual(r);

    const regions = await api(page, "return m.regions()");
    const xishan = regions.find((x) => x.code === "530112");
    expect(xishan).toMatchObject({ level: "county", parent: "530100", name_zh: "西山区" });
    expect(regions.length).toBeGreaterThan(10);

    const p = await api(page, "return m.parameters('530112', '2022-11-01')");
    expect(p.region.code).toBe("530112");
    expect(p.chain.map((c) => c.code)).toEqual(["530112", "530100", "530000", "000000"]);
    const std = p.parameters.find((x) => x.name === "dibao_urban_monthly");
    expect(Number(std.value)).toBe(700);
    expect(std.standing).toBe("published");
    expect(std.source.document.length).toBeGreaterThan(5);
    expect(std.effective <= "2022-11-01").toBe(true);

    const v = await api(page, "return m.version()");
    const cargoVersion = readFileSync("Cargo.toml", "utf8").match(/^version = "([^"]+)"/m)[1];
    expect(v).toEqual({ app: cargoVersion, rules: `jiuzhu-rules ${cargoVersion}`, schema: 1 });

    // The demo page's own button goes through the same API.
    await page.click("#run");
    await expect(page.locator("#statuses [data-scheme=dibao]")).toHaveAttribute("data-status", "likely");
    expect(errors).toEqual([]);
  });

  test("invalid input: a structured error, never a throw", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto("embed-demo/api.html");
    await expect(page.locator("#run")).toBeEnabled();
    const cases = await api(
      page,
      `const bad = (f) => { const h = structuredClone(a); f(h); return m.evaluate(h); };
       const cyclic = {}; cyclic.self = cyclic;
       return {
         age: bad((h) => { h.members[0].age = 200; }),
         unknownField: bad((h) => { h.members[0].agee = 3; }),
         region: bad((h) => { h.region = "999999"; }),
         syntax: m.evaluate("{\\"region\\": "),
         nothing: m.evaluate(undefined),
         cyclic: m.evaluate(cyclic),
         params: m.parameters("999999", "2022-01-01"),
         date: m.parameters("530112", "2022-13-01"),
         regionType: m.parameters(530112),
       };`,
      XISHAN
    );
    expect(cases.age.error).toEqual({
      field: "members[0].age",
      problem: "out_of_range",
      message_zh: "年龄 200 超出 0–130 岁",
      message_en: "age 200 is outside 0–130",
    });
    expect(cases.unknownField.error).toMatchObject({ field: "members[0].agee", problem: "unknown_field" });
    expect(cases.unknownField.error.message_zh).toContain("agee");
    expect(cases.region.error).toMatchObject({ field: "region", problem: "unknown_region" });
    expect(cases.syntax.error.problem).toBe("syntax");
    expect(cases.nothing.error).toMatchObject({ field: "(document)", problem: "wrong_type" });
    expect(cases.cyclic.error).toMatchObject({ field: "(document)", problem: "wrong_type" });
    expect(cases.params.error).toMatchObject({ field: "region", problem: "unknown_region" });
    expect(cases.date.error).toMatchObject({ field: "date", problem: "invalid" });
    expect(cases.regionType.error).toMatchObject({ field: "region", problem: "wrong_type" });
    for (const c of Object.values(cases)) {
      expect(c.error.message_zh.length).toBeGreaterThan(0);
      expect(c.error.message_en.length).toBeGreaterThan(0);
    }
    // The demo's "invalid" button shows the message.
    await page.click("#break");
    await expect(page.locator("#error")).toContainText("年龄 200 超出 0–130 岁");
    // And the module still works afterwards (no trapped wasm instance).
    const ok = await api(page, "return m.evaluate(a).per_capita_monthly_income", XISHAN);
    expect(ok).toBe("612.00");
    // An income whose type is not known is `type: null`: counted from nothing to the full
    // amount (never as wages), so the per-capita income is a range; a missing type is an error.
    const kind = await api(
      page,
      `const unknown = JSON.parse(JSON.stringify(a)); unknown.members[1].income[0].type = null;
       const missing = JSON.parse(JSON.stringify(a)); delete missing.members[1].income[0].type;
       const r = m.evaluate(unknown);
       return { pc: r.per_capita_monthly_income, low: r.per_capita_monthly_income_at_least,
                high: r.per_capita_monthly_income_at_most, missing: m.evaluate(missing).error };`,
      XISHAN,
    );
    // 1200 + (0 … 636) + 0 (scholarship) over 3: 400.00 … 612.00.
    expect(kind).toMatchObject({ pc: null, low: "400.00", high: "612.00" });
    expect(kind.missing.field).toBe("members[1].income[0]");
    expect(errors).toEqual([]);
  });

  test("portal standards: used, validated, shown as provided by the portal with their date", async ({ page }) => {
    await page.goto("embed-demo/api.html");
    await expect(page.locator("#run")).toBeEnabled();
    // A (hypothetical) 2025 standard of 480 from the portal: 612.00 per person is above it, even
    // after a plausible unpublished deduction for costs of working (30 % × 480 per earner:
    // (1836 − 2 × 144) ÷ 3 = 516.00), so unlikely.
    const household = {
      ...XISHAN,
      as_of: "2025-03-01",
      params: {
        dibao_urban_monthly: {
          value: 480,
          provided_by: "西山区民政局",
          effective: "2025-01-01",
          document: "关于调整2025年城乡低保标准的通知",
        },
      },
    };
    const r = await api(page, "return m.evaluate(a)", household);
    expect(r.error).toBeUndefined();
    expect(r.dibao_standard_monthly).toBe("480.00");
    expect(r.schemes.find((s) => s.scheme === "dibao").status).toBe("unlikely");
    const std = r.parameters.find((p) => p.name === "dibao_urban_monthly");
    expect(std).toMatchObject({ standing: "override", provided_by: "西山区民政局", effective: "2025-01-01" });
    expect(std.source.document).toContain("关于调整2025年城乡低保标准的通知");
    expect(r.trace.some((t) => t.text.zh.includes("由西山区民政局提供") && t.text.zh.includes("2025-01-01"))).toBe(true);

    const late = structuredClone(household);
    late.params.dibao_urban_monthly.effective = "2025-06-01";
    const e = await api(page, "return m.evaluate(a)", late);
    expect(e.error).toMatchObject({ field: "params.dibao_urban_monthly.effective", problem: "not_in_force" });
    const neg = structuredClone(household);
    neg.params.dibao_urban_monthly.value = -1;
    const n = await api(page, "return m.evaluate(a)", neg);
    expect(n.error.field).toBe("params.dibao_urban_monthly.value");
    // The element / iframe options go through the same checks.
    const o = await api(page, "return m.validateOptions({region: '530112', params: {no_such: 1}})");
    expect(o.error).toMatchObject({ field: "params.no_such", problem: "unknown_parameter" });
    const lang = await api(page, "return m.validateOptions({lang: 'fr'})");
    expect(lang.error).toMatchObject({ field: "lang", problem: "unknown_value" });
  });

  test("portal standards without a fixed region are keyed by region; out-of-range ones are refused", async ({ page }) => {
    await page.goto("embed-demo/api.html");
    await expect(page.locator("#run")).toBeEnabled();
    // Flat standards need a region: said so, not "unknown region code 100000".
    const flat = await api(page, "return m.validateOptions({params: {dibao_urban_monthly: 760}})");
    expect(flat.error.field).toBe("params");
    expect(flat.error.message_en).toContain("key them by region");
    expect(JSON.stringify(flat.error)).not.toContain("100000");
    // Keyed by region: accepted, each checked against its region.
    const keyed = await api(
      page,
      "return m.validateOptions({params: {'530112': {dibao_urban_monthly: {value: 760, provided_by: '西山区民政局'}}, '530100': {dibao_urban_monthly: 750}}})"
    );
    expect(keyed.error).toBeUndefined();
    const zero = await api(page, "return m.validateOptions({params: {'530112': {dibao_urban_monthly: 0}}})");
    expect(zero.error).toMatchObject({ field: "params.530112.dibao_urban_monthly", problem: "out_of_range" });
    expect(zero.error.message_en).toContain("outside its range 1–20000");
    // Ranges and relations of the issue (docs/schema.md, "Parameter ranges").
    for (const [params, field] of [
      [{ tekun_minor_age_limit: 10000000 }, "params.tekun_minor_age_limit"],
      [{ public_notice_days: 1e7 }, "params.public_notice_days"],
      [{ temporary_relief_emergency_min_multiple: 3, temporary_relief_emergency_max_multiple: 2 }, "params.temporary_relief_emergency_min_multiple"],
    ]) {
      const r = await api(page, "return m.validateOptions({region: '530112', params: a})", params);
      expect(r.error, JSON.stringify(params)).toMatchObject({ field, problem: "out_of_range" });
    }
    // NaN, Infinity and undefined in a household object are errors, not "don't know".
    const bad = await api(
      page,
      `const h = (f) => { const x = structuredClone(a); f(x); return m.evaluate(x).error; };
       return {
         nan: h((x) => { x.members[0].age = NaN; }),
         inf: h((x) => { x.members[0].income[0].amount = Infinity; }),
         undef: h((x) => { x.members[1].age = undefined; }),
       };`,
      XISHAN
    );
    expect(bad.nan).toMatchObject({ field: "members[0].age", problem: "wrong_type" });
    expect(bad.nan.message_en).toContain("NaN");
    expect(bad.inf).toMatchObject({ field: "members[0].income[0].amount", problem: "wrong_type" });
    expect(bad.undef).toMatchObject({ field: "members[1].age", problem: "wrong_type" });
  });
});

// ---------------------------------------------------------------------------------------------
// The custom element
// ---------------------------------------------------------------------------------------------

/** Waits until every <jiuzhu-screener> on the page has mounted its app. */
async function elementsReady(page, count) {
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll("jiuzhu-screener")].filter((e) => e.screener?.mounted).length))
    .toBe(count);
  // …and the app rendered inside (its <select> or any form control).
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.querySelectorAll("jiuzhu-screener")].every((e) => e.shadowRoot.querySelector("select, input, button"))
      )
    )
    .toBe(true);
}

const inShadow = (page, id, fn) =>
  page.evaluate(
    ([id, body]) => new Function("root", "el", body)(document.getElementById(id).shadowRoot, document.getElementById(id)),
    [id, fn]
  );

/** `#rrggbb` or `rgb(…)` as [r, g, b]. */
const rgb = (c) =>
  c.startsWith("#") ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) : c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);

/** WCAG contrast ratio of two colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test.describe("custom element <jiuzhu-screener>", () => {
  test("two elements on one page, different regions, independent", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    const opts = await page.evaluate(() =>
      [...document.querySelectorAll("jiuzhu-screener")].map((e) => e.screener.options)
    );
    expect(opts[0]).toMatchObject({ region: "530112", lang: "zh-CN", mode: "resident", storageKey: "jiuzhu:xishan" });
    expect(opts[1]).toMatchObject({ region: "620600", lang: "en", mode: "staff", storageKey: "jiuzhu:wuwei" });
    // Staff mode is the portal's choice: the resident screener offers no "工作人员模式" switch;
    // the staff one has its tools on.
    const count = (id, sel) => inShadow(page, id, `return root.querySelectorAll(${JSON.stringify(sel)}).length`);
    expect(await count("xishan", "[data-testid=staff-switch]")).toBe(0);
    expect(await count("xishan", "[data-testid=staff-tools]")).toBe(0);
    expect(await count("wuwei", "[data-testid=staff-switch]")).toBe(0);
    expect(await count("wuwei", "[data-testid=staff-tools]")).toBe(1);
    // Each shows its own region, preselected in its place question.
    const chosen = (id) =>
      inShadow(page, id, `return [...root.querySelectorAll("select")].map((s) => s.selectedOptions[0]?.textContent ?? "")`);
    expect(await chosen("xishan")).toContain("西山区");
    expect((await chosen("wuwei")).join("|")).toMatch(/Wuwei/);
    expect((await chosen("wuwei")).join("|")).not.toMatch(/Xishan|西山/);
    // Each has its own app: a sample household loaded in the staff screener (Xishan, family of
    // three: dibao likely, docs/schema.md) gives a result there — statuses only, as an event —
    // and leaves the resident screener untouched.
    const text = (id) => inShadow(page, id, `return root.querySelector(".jiuzhu-embed-root").textContent`);
    const xishanBefore = await text("xishan");
    await page.evaluate(() => {
      window.__results = { xishan: [], wuwei: [] };
      window.__applied = [];
      for (const id of ["xishan", "wuwei"]) {
        document.getElementById(id).addEventListener("jiuzhu-result", (e) => window.__results[id].push(e.detail));
        document.getElementById(id).addEventListener("jiuzhu-apply", (e) => window.__applied.push([id, e.detail]));
      }
    });
    await page.locator("#wuwei [data-testid=sample]").selectOption("xishan_urban_three");
    await expect.poll(() => page.evaluate(() => window.__results.wuwei.length)).toBeGreaterThan(0);
    const result = await page.evaluate(() => window.__results.wuwei.at(-1));
    expect(Object.keys(result).sort()).toEqual(["as_of", "region", "schemes"]);
    expect(result.region).toBe("530112");
    expect(result.schemes.find((x) => x.scheme === "dibao")).toEqual({ scheme: "dibao", status: "likely" });
    for (const x of result.schemes) expect(Object.keys(x).sort()).toEqual(["scheme", "status"]);
    expect(await page.evaluate(() => window.__results.xishan.length)).toBe(0);
    expect(await text("xishan")).toBe(xishanBefore);
    // The result screen's "apply" button (the element has the `apply` attribute) tells the host.
    await page.locator("#wuwei button[data-step=result]").click();
    await page.locator("#wuwei [data-testid=apply]").click();
    await expect.poll(() => page.evaluate(() => window.__applied)).toEqual([["wuwei", { region: "620600" }]]);
    // Without the attribute there is no button.
    await page.evaluate(() => document.getElementById("wuwei").removeAttribute("apply"));
    await expect(page.locator("#wuwei [data-testid=apply]")).toHaveCount(0);
    // An attribute change reaches the mounted screener; an invalid one is refused and reported.
    const events = await page.evaluate(async () => {
      const el = document.getElementById("wuwei");
      const got = [];
      el.addEventListener("jiuzhu-error", (e) => got.push(e.detail));
      el.setAttribute("region", "620602");
      const after = el.screener.options.region;
      el.setAttribute("region", "999999");
      return { after, kept: el.screener.options.region, got };
    });
    expect(events.after).toBe("620602");
    expect(events.kept).toBe("620602");
    expect(events.got).toEqual([expect.objectContaining({ field: "region", problem: "unknown_region" })]);
    expect(errors.filter((e) => !e.includes("999999"))).toEqual([]);
  });

  // The English of the screener is fetched (i18n-en.json); an element started in English shows a
  // short bilingual notice until it is here, instead of every question in Chinese first and
  // again in English a moment later (src/ui/app.rs, `starting_in_english`).
  test("an English element draws its first question in English at once, never Chinese first", async ({ page }) => {
    await page.addInitScript(() => {
      window.__titles = {};
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        const host = this;
        new MutationObserver(() => {
          const t = root.querySelector("[data-testid=screen-title]");
          const list = (window.__titles[host.id] ??= []);
          if (t && list.at(-1) !== t.textContent) list.push(t.textContent);
        }).observe(root, { subtree: true, childList: true, characterData: true });
        return root;
      };
    });
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    await expect(page.locator("#wuwei [data-testid=screen-title]")).toHaveText("Where does your household live?");
    await expect(page.locator("#xishan [data-testid=screen-title]")).toHaveText("您家住在哪里？");
    await page.waitForLoadState("networkidle");
    const titles = await page.evaluate(() => window.__titles);
    expect(titles.wuwei).toEqual(["Where does your household live?"]);
    expect(titles.xishan).toEqual(["您家住在哪里？"]);
  });

  test("staff mode: the self-test reads its cases from jiuzhu's folder, not the portal page's", async ({ page }) => {
    // The demo portal page is in embed-demo/; jiuzhu's files (selftest-cases.json among them)
    // are one folder up. The element tells the screener where it was loaded from (filesBase).
    const fetched = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    const base = await page.evaluate(() => document.getElementById("wuwei").screener.options.filesBase);
    expect(new URL(base).pathname).toBe("/");
    await page.locator("#wuwei [data-testid=open-selftest]").click();
    const count = page.locator("#wuwei [data-testid=selftest-count]");
    await expect(count).toHaveAttribute("data-pass", String(GOLDEN_CASES), { timeout: 30_000 });
    await expect(count).toHaveAttribute("data-total", String(GOLDEN_CASES));
    expect(fetched).toContain("/selftest-cases.json");
    expect(fetched.filter((p) => p.startsWith("/embed-demo/selftest"))).toEqual([]);
    // The place names for the search come from jiuzhu's folder too.
    expect(fetched).toContain("/regions-tree.json");
    expect(fetched.filter((p) => p.startsWith("/embed-demo/regions-tree"))).toEqual([]);
    // So do the English messages of the English element (i18n-en.json: not in the wasm).
    expect(fetched).toContain("/i18n-en.json");
    expect(fetched.filter((p) => p.startsWith("/embed-demo/i18n-en"))).toEqual([]);
  });

  test("portal standards reach the on-screen screener: used, credited to the portal, and changeable", async ({ page }) => {
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    await page.evaluate(() => {
      window.__results = [];
      document.getElementById("wuwei").addEventListener("jiuzhu-result", (e) => window.__results.push(e.detail));
    });
    const dibao = () =>
      page.evaluate(() => window.__results.at(-1)?.schemes.find((x) => x.scheme === "dibao")?.status);
    // 西山区 family of three (2022-11-01): 612.00 per person, below the 2022 standard of 700 → likely.
    await page.locator("#wuwei [data-testid=sample]").selectOption("xishan_urban_three");
    await expect.poll(dibao).toBe("likely");
    // The portal says its standard is 480 (from 2022-01-01): 612.00 is not below it, even after a
    // plausible deduction for costs of working (516.00) → unlikely.
    await page.evaluate(() => {
      document.getElementById("wuwei").params = {
        dibao_urban_monthly: { value: 480, provided_by: "西山区民政局（演示）", effective: "2022-01-01" },
      };
    });
    await expect.poll(dibao).toBe("unlikely");
    await page.locator("#wuwei button[data-step=result]").click();
    await page.locator("#wuwei .result-how summary").first().click();
    await expect(page.locator("#wuwei .result-how")).toContainText("西山区民政局（演示）");
    // Taken back: the built-in 700 again, the resident's answers untouched.
    await page.evaluate(() => { document.getElementById("wuwei").params = null; });
    await expect.poll(dibao).toBe("likely");
  });

  test("keyed portal standards reach a screener with no fixed region", async ({ page }) => {
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    await page.evaluate(() => {
      window.__results = [];
      const el = document.createElement("jiuzhu-screener");
      el.id = "free";
      el.setAttribute("mode", "staff");
      el.params = { "530112": { dibao_urban_monthly: { value: 480, provided_by: "西山区民政局（演示）", effective: "2022-01-01" } } };
      el.addEventListener("jiuzhu-result", (e) => window.__results.push(e.detail));
      document.querySelector("main").append(el);
    });
    await elementsReady(page, 3);
    const dibao = () => page.evaluate(() => window.__results.at(-1)?.schemes.find((x) => x.scheme === "dibao")?.status);
    // 612.00 per person in 西山区: below the built-in 700, not below the portal's 480 (even after a
    // plausible deduction for costs of working: 516.00).
    await page.locator("#free [data-testid=sample]").selectOption("xishan_urban_three");
    await expect.poll(dibao).toBe("unlikely");
    await page.locator("#free button[data-step=result]").click();
    await page.locator("#free .result-how summary").first().click();
    await expect(page.locator("#free .result-how")).toContainText("西山区民政局（演示）");
  });

  test("lang set by the portal wins over the language remembered on the device (visible heading)", async ({ page }) => {
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    const title = () => inShadow(page, "xishan", `return root.querySelector("[data-testid=screen-title]").textContent`);
    await expect.poll(title).toBe("您家住在哪里？");
    // The element has saved its preference (zh-CN) by now; the portal switches to English.
    await expect.poll(() => page.evaluate(() => localStorage.getItem("jiuzhu:xishan.prefs") ?? "")).toContain("zh-CN");
    await page.evaluate(() => document.getElementById("xishan").setAttribute("lang", "en"));
    await expect.poll(title).toBe("Where does your household live?");
    // Reloaded with lang="zh-CN" in the page but "en" remembered: the page's attribute wins.
    await page.reload();
    await elementsReady(page, 2);
    await expect.poll(title).toBe("您家住在哪里？");
  });

  test("an invalid region, then a valid one: the element re-validates and mounts", async ({ page }) => {
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    await page.evaluate(() => {
      window.__errors = [];
      const el = document.createElement("jiuzhu-screener");
      el.id = "late";
      el.setAttribute("region", "999999");
      el.addEventListener("jiuzhu-error", (e) => window.__errors.push(e.detail));
      document.querySelector("main").append(el);
    });
    const alert = page.locator("#late [role=alert]");
    await expect(alert).toContainText("999999");
    // A resident reads it: no command-line or developer hint.
    await expect(alert).not.toContainText("jiuzhu regions");
    await expect(alert).not.toContainText("regions()");
    expect(await page.evaluate(() => window.__errors.map((e) => e.problem))).toEqual(["unknown_region"]);
    await page.evaluate(() => document.getElementById("late").setAttribute("region", "530112"));
    await elementsReady(page, 3);
    await expect(page.locator("#late [role=alert]")).toHaveCount(0);
    expect(await page.evaluate(() => document.getElementById("late").screener.options.region)).toBe("530112");
  });

  test("a portal of 楚雄州 restricts the place: only its places are offered, a saved place elsewhere is not used", async ({ page }) => {
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    const add = (attrs) =>
      page.evaluate((attrs) => {
        window.__errors = [];
        document.getElementById("cx")?.remove();
        const el = document.createElement("jiuzhu-screener");
        el.id = "cx";
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        el.addEventListener("jiuzhu-error", (e) => window.__errors.push(e.detail));
        document.querySelector("main").append(el);
      }, attrs);
    const search = page.locator("#cx input[role=combobox]");
    const options = page.locator("#cx [role=option]");
    // First unrestricted: the resident picks 昆明市五华区, saved on the device under jiuzhu:cx.
    await add({});
    await elementsReady(page, 3);
    await search.fill("五华");
    await page.locator('#cx [role=option][data-code="530102"]').click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem("jiuzhu:cx") ?? "")).toContain("530102");
    // The portal now serves 楚雄州 only: the saved 五华区 is not used, and the resident is told.
    await add({ "allowed-regions": "5323" });
    await elementsReady(page, 3);
    const notice = page.locator("#cx [data-testid=place-outside]");
    await expect(notice).toContainText("五华区");
    await expect(notice).toContainText("不在本网站服务的范围（楚雄彝族自治州）内，没有使用");
    await expect(page.locator("#cx [data-testid=place-limited]")).toHaveText("本网站服务：楚雄彝族自治州。");
    await expect(page.locator("#cx [data-field='region.province'] select")).toHaveValue("");
    // The search lists only places in 楚雄州.
    await search.fill("五华");
    await expect(page.locator("#cx [data-testid=place-search-status]")).toContainText("没有找到");
    await expect(options).toHaveCount(0);
    await search.fill("楚雄");
    await expect(options).toHaveCount(2);
    await expect(options.nth(0)).toContainText("楚雄彝族自治州");
    await expect(options.nth(1)).toContainText("楚雄市");
    await search.fill("县");
    await expect(options.first()).toBeVisible();
    for (const code of await options.evaluateAll((os) => os.map((o) => o.dataset.code))) {
      expect(code.startsWith("5323"), code).toBe(true);
    }
    // The menus lead only there: 云南省, then 楚雄彝族自治州.
    const province = page.locator("#cx [data-field='region.province'] select");
    await expect(province.locator("option")).toHaveText(["请选择", "云南省"]);
    await province.selectOption("530000");
    await expect(page.locator("#cx [data-field='region.city'] select option")).toHaveText(["请选择", "楚雄彝族自治州"]);
    // The resident picks their county by pinyin, and the notice goes.
    await search.fill("mouding");
    await page.locator('#cx [role=option][data-code="532323"]').click();
    await expect(search).toHaveValue("牟定县");
    await expect(page.locator("#cx [data-field='region.county'] select")).toHaveValue("532323");
    await expect(notice).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => localStorage.getItem("jiuzhu:cx") ?? "")).toContain("532323");
    // An invalid restriction: refused with a clear message for the portal's developer; the
    // screener keeps working with the previous one.
    await page.evaluate(() => document.getElementById("cx").setAttribute("allowed-regions", "5399"));
    await expect.poll(() => page.evaluate(() => window.__errors.map((e) => [e.field, e.problem]))).toEqual([["allowedRegions", "unknown_region"]]);
    expect(await page.evaluate(() => window.__errors[0].message_en)).toContain("`5399` is not a division code");
    await expect(search).toBeVisible();
    // A region outside the restriction: refused in words, not a blank element.
    await add({ "allowed-regions": "5323", region: "530102" });
    await expect(page.locator("#cx [role=alert]")).toContainText("530102");
    await expect(page.locator("#cx [role=alert]")).toContainText("allowedRegions");
  });

  test("theming variables apply; host CSS does not get in, the screener's CSS does not get out", async ({ page }) => {
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    const style = (id) =>
      inShadow(
        page,
        id,
        `const cs = (sel) => getComputedStyle(root.querySelector(sel));
         const p = root.querySelector(".jiuzhu-embed-root p, .jiuzhu-embed-root dd, .jiuzhu-embed-root li");
         return {
           font: cs(".jiuzhu-embed-root").fontFamily,
           size: parseFloat(getComputedStyle(p).fontSize),
           transform: getComputedStyle(p).textTransform,
           spacing: getComputedStyle(p).letterSpacing,
           color: cs(".jiuzhu-embed-root").color,
           background: cs(".jiuzhu-embed-root").backgroundColor,
           muted: getComputedStyle(root.querySelector(".jiuzhu-embed-root")).getPropertyValue("--fg-muted").trim(),
           headerRule: cs(".site-header").borderBottomColor,
           selectRadius: cs("select").borderRadius,
           selectHeight: root.querySelector("select").getBoundingClientRect().height,
           headerDisplay: cs("header").display,
         };`
      );
    const plain = await style("xishan");
    const themed = await style("wuwei");
    // Defaults (www/jiuzhu-screener.css) …
    expect(plain.headerRule).toBe("rgb(163, 18, 15)");
    expect(plain.selectRadius).toBe("8px");
    expect(plain.font).toContain("system-ui");
    // … with text contrast >= 4.5:1.
    expect(contrast(plain.color, plain.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(plain.muted, plain.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(plain.headerRule, plain.background)).toBeGreaterThanOrEqual(4.5);
    // The portal's theme (hostile.css .themed).
    expect(themed.headerRule).toBe("rgb(10, 77, 140)");
    expect(themed.selectRadius).toBe("16px");
    expect(themed.font).toContain("Georgia");
    // The host page's hostile rules (62.5% root size, 11px !important text, uppercase, letter
    // spacing, inline headers, 0 min-height) do not reach inside.
    for (const s of [plain, themed]) {
      expect(s.size).toBeGreaterThanOrEqual(18);
      expect(s.transform).toBe("none");
      expect(s.spacing).toBe("normal");
      expect(s.headerDisplay).toBe("block");
      expect(s.selectHeight).toBeGreaterThanOrEqual(44);
    }
    // Nothing of the screener's CSS is in the document, and the host's own elements keep the
    // host's styles (the app's `.en {display:block}` and 48px controls stay inside).
    const host = await page.evaluate(() => ({
      sheets: [...document.styleSheets].map((s) => s.href ?? "").filter((h) => /jiuzhu|style-/.test(h)),
      en: getComputedStyle(document.querySelector("header .en")).display,
      button: getComputedStyle(document.getElementById("host-button")).minHeight,
      bodyFont: getComputedStyle(document.body).fontFamily,
    }));
    expect(host.sheets).toEqual([]);
    expect(host.en).toBe("inline");
    expect(host.button).toBe("0px");
    expect(host.bodyFont).toContain("Times New Roman");
    // 大字模式 inside the element keeps its sizes on this 62.5%-root page: text >= 30px,
    // targets >= 60px (style.css), not two thirds of that.
    await page.locator("#xishan [data-testid=elder]").click();
    const elder = await inShadow(
      page,
      "xishan",
      `const app = root.querySelector(".jz-app.elder");
       if (!app) return null;
       const label = app.querySelector(".jz-main label, .jz-main legend, .jz-main p");
       // (radio buttons and checkboxes: their label is the target, as on index.html)
       const buttons = [...app.querySelectorAll(".jz-main button, .jz-main select, .jz-main input:not([type=radio]):not([type=checkbox])")]
         .filter((b) => b.getClientRects().length && getComputedStyle(b).visibility !== "hidden");
       return {
         text: parseFloat(getComputedStyle(label).fontSize),
         target: Math.min(...buttons.map((b) => b.getBoundingClientRect().height)),
       };`
    );
    expect(elder).not.toBeNull();
    expect(elder.text).toBeGreaterThanOrEqual(30);
    expect(elder.target).toBeGreaterThanOrEqual(60);
  });

  test("removing an element frees it: no listener, timer or observer left behind", async ({ page }) => {
    // Count what is registered on window/document and every timer, observer and frame callback.
    await page.addInitScript(() => {
      const live = new Map();
      const key = (t, type, fn, opts) => `${type}|${typeof opts === "boolean" ? opts : !!opts?.capture}`;
      const ids = new WeakMap();
      let n = 0;
      const id = (x) => (ids.has(x) ? ids.get(x) : (ids.set(x, ++n), n));
      const globalTarget = (t) => t === window || t === document || t === document.documentElement || t === document.body;
      const add = EventTarget.prototype.addEventListener;
      const remove = EventTarget.prototype.removeEventListener;
      EventTarget.prototype.addEventListener = function (type, fn, opts) {
        if (globalTarget(this) && fn) live.set(`${id(this)}|${id(fn)}|${key(this, type, fn, opts)}`, type);
        return add.call(this, type, fn, opts);
      };
      EventTarget.prototype.removeEventListener = function (type, fn, opts) {
        if (fn) live.delete(`${id(this)}|${id(fn)}|${key(this, type, fn, opts)}`);
        return remove.call(this, type, fn, opts);
      };
      const timers = new Set();
      const wrapTimer = (set, clear, once) => {
        const s = window[set];
        const c = window[clear];
        window[set] = function (fn, ...rest) {
          const h = s.call(window, (...a) => {
            if (once) timers.delete(`${set}:${h}`);
            return typeof fn === "function" ? fn(...a) : undefined;
          }, ...rest);
          timers.add(`${set}:${h}`);
          return h;
        };
        window[clear] = function (h) {
          timers.delete(`${set}:${h}`);
          return c.call(window, h);
        };
      };
      wrapTimer("setTimeout", "clearTimeout", true);
      wrapTimer("setInterval", "clearInterval", false);
      wrapTimer("requestAnimationFrame", "cancelAnimationFrame", true);
      const observers = new Set();
      for (const name of ["ResizeObserver", "MutationObserver", "IntersectionObserver"]) {
        const O = window[name];
        window[name] = class extends O {
          observe(...a) {
            observers.add(this);
            return super.observe(...a);
          }
          disconnect() {
            observers.delete(this);
            return super.disconnect();
          }
        };
      }
      window.__jiuzhuLeaks = () => ({
        listeners: [...live.values()].sort(),
        timers: timers.size,
        observers: observers.size,
      });
    });
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    // Remove both, then count: this is the page with the wasm loaded and no screener.
    expect(await api(page, "return m.mountedCount()")).toBe(2);
    await page.evaluate(() => document.querySelectorAll("jiuzhu-screener").forEach((e) => e.remove()));
    await page.waitForTimeout(200);
    const baseline = await page.evaluate(() => window.__jiuzhuLeaks());
    // Ten rounds of inserting two screeners, waiting for them, using one, removing both.
    for (let round = 0; round < 10; round++) {
      await page.evaluate((round) => {
        for (const [i, region] of [["a", "530112"], ["b", "140403"]]) {
          const el = document.createElement("jiuzhu-screener");
          el.id = `r${round}${i}`;
          el.setAttribute("region", region);
          document.querySelector("main").append(el);
        }
      }, round);
      await elementsReady(page, 2);
      await inShadow(page, `r${round}a`, `const s = root.querySelector("select"); s.selectedIndex = (s.selectedIndex + 1) % s.options.length;
        s.dispatchEvent(new Event("change", { bubbles: true }));`);
      const gone = await page.evaluate(() => {
        const els = [...document.querySelectorAll("jiuzhu-screener")];
        const screeners = els.map((e) => e.screener);
        els.forEach((e) => e.remove());
        return {
          handles: els.map((e) => e.screener),
          empty: els.every((e) => !e.shadowRoot.querySelector(".jiuzhu-embed-root")),
          // A freed wasm object has no pointer left.
          freed: screeners.every((s) => s.__wbg_ptr === 0),
        };
      });
      expect(gone).toEqual({ handles: [null, null], empty: true, freed: true });
    }
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => window.__jiuzhuLeaks())).toEqual(baseline);
    // And the wasm side agrees: no Yew app is left running.
    expect(await api(page, "return m.mountedCount()")).toBe(0);
  });

  test("axe: no WCAG 2.1 A/AA violation inside the embedded screener", async ({ page }) => {
    await page.goto("embed-demo/elements.html");
    await elementsReady(page, 2);
    for (const id of ["#xishan", "#wuwei"]) {
      const results = await new AxeBuilder({ page }).include(id).withTags(WCAG).analyze();
      expect(results.violations.map((v) => `${id} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(5); // axe did look inside the shadow root
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The iframe and its postMessage protocol
// ---------------------------------------------------------------------------------------------

const messages = (page) => page.evaluate(() => window.jiuzhuMessages ?? []);
const ofType = async (page, type) => (await messages(page)).filter((m) => m.type === type);

/** Waits until the iframe has taken the height of the last `resize` (so clicks land). */
async function settled(page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const last = (window.jiuzhuMessages ?? []).filter((m) => m.type === "resize").at(-1);
        return !!last && document.getElementById("screener").clientHeight === last.height;
      })
    )
    .toBe(true);
}

test.describe("iframe embed.html", () => {
  test("round trip: ready, resize, hello, configure, error", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto("embed-demo/iframe.html");
    await expect.poll(async () => (await ofType(page, "ready")).length).toBe(1);
    const [ready] = await ofType(page, "ready");
    expect(ready).toMatchObject({
      source: "jiuzhu",
      protocol: 1,
      version: { schema: 1 },
      options: { region: "530112", lang: "zh-CN" },
    });
    // resize: the iframe follows the page's height.
    await expect.poll(async () => (await ofType(page, "resize")).length).toBeGreaterThan(0);
    const frame = page.frameLocator("#screener");
    await expect(frame.locator("select").first()).toBeVisible();
    const contentHeight = await page.frame({ url: /embed\.html/ }).evaluate(() =>
      Math.ceil(document.documentElement.getBoundingClientRect().height)
    );
    await expect
      .poll(async () => (await ofType(page, "resize")).at(-1).height)
      .toBe(contentHeight);
    await expect.poll(() => page.evaluate(() => document.getElementById("screener").getBoundingClientRect().height)).toBeCloseTo(contentHeight, -1);
    // hello → ready again.
    await settled(page);
    await page.click("#hello");
    await expect.poll(async () => (await ofType(page, "ready")).length).toBe(2);
    // configure → configured, and the frame switches language.
    await page.click("#english");
    await expect.poll(async () => (await ofType(page, "configured")).length).toBe(1);
    expect((await ofType(page, "configured"))[0].options).toMatchObject({ lang: "en", region: "530112" });
    await expect.poll(() => page.frame({ url: /embed\.html/ }).evaluate(() => document.documentElement.lang)).toBe("en");
    // …visibly: the screen's heading is in English although Chinese was remembered on the device.
    await expect(frame.getByTestId("screen-title")).toHaveText("Where does your household live?");
    // Invalid messages from the allowed portal are answered with an error, nothing else changes.
    await page.evaluate(() => {
      window.jiuzhuSend({ type: "configure", options: { lang: "fr" } });
      window.jiuzhuSend({ type: "configure", options: { colour: "red" } });
      window.jiuzhuSend({ type: "erase-everything" });
      window.jiuzhuSend({ type: "configure", options: { params: { dibao_urban_monthly: { value: -3 } } } });
    });
    await expect.poll(async () => (await ofType(page, "error")).length).toBe(4);
    const errs = await ofType(page, "error");
    expect(errs.map((e) => [e.field, e.problem])).toEqual([
      ["lang", "unknown_value"],
      ["options.colour", "unknown_field"],
      ["type", "unknown_value"],
      ["params.dibao_urban_monthly.value", "out_of_range"],
    ]);
    expect((await ofType(page, "configured")).length).toBe(1);
    expect(errors).toEqual([]);
  });

  test("allowed-regions restricts the place; an invalid value or a region outside it is ignored with a warning, never a blank page", async ({ page }) => {
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    // Restricted to 楚雄州, with a region outside it: the region is dropped, the restriction kept
    // (its only place preselected).
    await page.goto("embed.html?allowed-regions=5323&region=530102");
    const search = page.locator("input[role=combobox]");
    await expect(search).toBeVisible();
    await expect(page.locator("[data-field='region.city'] select")).toHaveValue("532300");
    await expect(page.getByTestId("place-limited")).toHaveText("本网站服务：楚雄彝族自治州。");
    await search.fill("五华");
    await expect(page.getByTestId("place-search-status")).toContainText("没有找到");
    await search.fill("chuxiong");
    await expect(page.locator("[role=option]")).toHaveCount(2);
    await expect(page.locator("[role=option]").nth(1)).toContainText("楚雄市");
    expect(warnings.join("\n")).toContain("ignoring region=530102: region 530102 is outside allowedRegions (532300)");
    // Not a division: ignored, the screener works unrestricted.
    warnings.length = 0;
    await page.goto("embed.html?allowed-regions=5399");
    await expect(search).toBeVisible();
    expect(warnings.join("\n")).toContain("ignoring allowed-regions=5399: `5399` is not a division code");
    await search.fill("五华");
    await expect(page.locator("[role=option]")).toHaveCount(2);
  });

  test("round trip: result (statuses only) and apply", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto("embed-demo/iframe.html?mode=staff");
    await expect.poll(async () => (await ofType(page, "ready")).length).toBe(1);
    const frame = page.frameLocator("#screener");
    // Staff mode: load the Xishan family of three (docs/schema.md: dibao likely).
    await frame.locator("[data-testid=sample]").selectOption("xishan_urban_three");
    await expect.poll(async () => (await ofType(page, "result")).length).toBeGreaterThan(0);
    const result = (await ofType(page, "result")).at(-1);
    expect(Object.keys(result).sort()).toEqual(["as_of", "protocol", "region", "schemes", "source", "type"]);
    expect(result.region).toBe("530112");
    expect(result.schemes).toHaveLength(7);
    expect(result.schemes.find((x) => x.scheme === "dibao")).toEqual({ scheme: "dibao", status: "likely" });
    for (const x of result.schemes) expect(Object.keys(x).sort()).toEqual(["scheme", "status"]);
    // No amounts, incomes or answers anywhere in what the portal received.
    expect(JSON.stringify(await messages(page))).not.toMatch(/612|1200|636|income|members/);
    // The same statuses are not sent twice.
    const count = (await ofType(page, "result")).length;
    await frame.locator("button[data-step=result]").click();
    await frame.locator("[data-testid=apply]").click();
    await expect.poll(async () => (await ofType(page, "apply")).length).toBe(1);
    expect((await ofType(page, "apply"))[0]).toMatchObject({ source: "jiuzhu", protocol: 1, region: "530112" });
    expect((await ofType(page, "result")).length).toBe(count);
    expect(errors).toEqual([]);
  });

  test("a real cross-origin portal on the deployer's allow-list (localhost framing 127.0.0.1) gets the messages", async ({ page, baseURL }) => {
    // Deployed as docs/embedding.md#allow-list says: embed.html names the portal's origin.
    const portal = baseURL.replace("127.0.0.1", "localhost");
    const dir = deployWithOrigins([new URL(portal).origin]);
    const jiuzhu = await serve(dir);
    try {
      await page.goto(`${portal}embed-demo/iframe.html?frame=${encodeURIComponent(jiuzhu.origin + "/")}&origin=${encodeURIComponent(new URL(portal).origin)}`);
      await expect.poll(async () => (await ofType(page, "ready")).length).toBe(1);
      await settled(page);
      await page.click("#hello");
      await expect.poll(async () => (await ofType(page, "ready")).length).toBe(2);
    } finally {
      await jiuzhu.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a page that names itself as origin but is not on the allow-list gets nothing", async ({ page, baseURL }) => {
    // Any site could frame embed.html?origin=<itself>: without the deployer's consent it must
    // not hear the resident's statuses. This build's allow-list is empty (same origin only).
    expect(readFileSync(join(DIST, "embed.html"), "utf8")).toContain('<meta name="jiuzhu-embed-origins" content="">');
    const stranger = baseURL.replace("127.0.0.1", "localhost");
    const frameBase = new URL("/", baseURL).href;
    await page.goto(`${stranger}embed-demo/iframe.html?mode=staff&frame=${encodeURIComponent(frameBase)}&origin=${encodeURIComponent(new URL(stranger).origin)}`);
    const frame = page.frameLocator("#screener");
    await frame.locator("[data-testid=sample]").selectOption("xishan_urban_three");
    await page.click("#hello");
    await page.waitForTimeout(1000);
    expect(await messages(page)).toEqual([]);
  });

  test("messages from a non-allowed origin are ignored, and nothing is sent to it", async ({ page, baseURL }) => {
    // 1. The frame allows only http://localhost:PORT, but the page framing it is 127.0.0.1:
    //    the portal's hello goes unanswered and the frame sends it nothing at all.
    const other = new URL(baseURL.replace("127.0.0.1", "localhost")).origin;
    await page.goto(`embed-demo/iframe.html?origin=${encodeURIComponent(other)}`);
    const frame = page.frameLocator("#screener");
    await expect(frame.locator("select").first()).toBeVisible();
    await page.click("#hello");
    await page.waitForTimeout(1000);
    expect(await messages(page)).toEqual([]);

    // 2. The frame allows this page; a second window of another origin (a cross-origin iframe
    //    on the same page) posts to it: ignored, while the same message from the portal is not.
    await page.goto("embed-demo/iframe.html");
    await expect.poll(async () => (await ofType(page, "ready")).length).toBe(1);
    await page.evaluate((src) => {
      const f = document.createElement("iframe");
      f.id = "stranger";
      f.title = "stranger";
      f.src = src;
      document.body.append(f);
      return new Promise((r) => f.addEventListener("load", r));
    }, `${other}/embed-demo/demo.css`);
    const stranger = page.frame({ url: /demo\.css/ });
    await stranger.evaluate(() => {
      window.parent.frames[0].postMessage({ source: "jiuzhu-host", type: "hello" }, "*");
      window.parent.frames[0].postMessage({ source: "jiuzhu-host", type: "configure", options: { lang: "en" } }, "*");
    });
    await page.waitForTimeout(1000);
    expect((await ofType(page, "ready")).length).toBe(1);
    expect(await ofType(page, "configured")).toEqual([]);
    expect(await page.frame({ url: /embed\.html/ }).evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await settled(page);
    await page.click("#hello");
    await expect.poll(async () => (await ofType(page, "ready")).length).toBe(2);
  });

  test("axe: no WCAG 2.1 A/AA violation inside the iframe", async ({ page }) => {
    await page.goto("embed-demo/iframe.html");
    await expect.poll(async () => (await ofType(page, "ready")).length).toBe(1);
    await expect(page.frameLocator("#screener").locator("select").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).include("#screener").withTags(WCAG).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Strict CSP and sub-path hosting
// ---------------------------------------------------------------------------------------------

test.describe("hosting", () => {
  test("a host page under a strict Content-Security-Policy: API, element and iframe work", async ({ page }) => {
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto("embed-demo/csp.html");
    const policy = response.headers()["content-security-policy"];
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain("unsafe-inline");
    await expect(page.locator("#api-check")).toHaveAttribute("data-ok", "true");
    await elementsReady(page, 1);
    await expect(page.frameLocator("#frame").locator("select").first()).toBeVisible();
    // The policy is really in force: an injected inline script does not run.
    const ran = await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.head.append(s);
      return window.__inlineRan === true;
    });
    expect(ran).toBe(false);
    const violations = await page.evaluate(() => window.__violations);
    expect(violations).toEqual(["script-src-elem inline"]); // only our own probe
    expect(errors.filter((e) => !/inline script/i.test(e))).toEqual([]);
  });

  test("index.html and embed.html carry the strict policy themselves (no header needed)", async ({ page, request }) => {
    for (const path of ["index.html", "embed.html"]) {
      const html = await (await request.get(path)).text();
      const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
      expect(meta, path).toBeTruthy();
      expect(meta[1]).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(meta[1]).not.toContain("unsafe-inline");
      expect(meta[1]).not.toContain("frame-ancestors"); // a header's job (docs/embedding.md#csp)
      expect(html.indexOf(meta[0])).toBeLessThan(html.search(/<script\b/i) === -1 ? Infinity : html.search(/<script\b/i));
    }
    // Served with no CSP header at all: injected inline script still does not run.
    for (const path of ["/", "/embed.html?region=530112"]) {
      const errors = watchErrors(page);
      const response = await page.goto(path);
      expect(response.headers()["content-security-policy"]).toBeUndefined();
      await expect(page.locator("select").first()).toBeVisible();
      const ran = await page.evaluate(() => {
        const s = document.createElement("script");
        s.textContent = "window.__inlineRan = true";
        document.head.append(s);
        return window.__inlineRan === true;
      });
      expect(ran, path).toBe(false);
      expect(errors.filter((e) => !/inline script/i.test(e)), path).toEqual([]);
    }
  });

  test("the app's own page runs under its policy (Trunk's inline script by hash)", async ({ page }) => {
    const errors = watchErrors(page);
    const response = await page.goto("?csp=strict");
    expect(response.headers()["content-security-policy"]).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    await expect(page.locator("select").first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("served from a sub-path: every file is fetched below it, nothing from elsewhere", async ({ page, baseURL }) => {
    const outside = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.protocol === "data:") return;
      if (u.origin !== new URL(baseURL).origin || !u.pathname.startsWith("/portal/jiuzhu/")) outside.push(r.url());
    });
    await page.goto("/portal/jiuzhu/embed-demo/elements.html");
    await elementsReady(page, 2);
    await page.goto("/portal/jiuzhu/embed-demo/iframe.html");
    await expect.poll(async () => (await ofType(page, "ready")).length).toBe(1);
    await page.goto("/portal/jiuzhu/embed-demo/api.html");
    await page.click("#run");
    await expect(page.locator("#statuses [data-scheme=dibao]")).toHaveAttribute("data-status", "likely");
    expect(outside).toEqual([]);
    expect(baseURL).toBeTruthy();
  });

  test("the app's own page from a sub-path, when built with a relative public_url", async ({ page }) => {
    // index.html's file links come from Trunk's public_url: Trunk.toml has "/" (root). Built
    // with `trunk build --release --public-url ./`, the same files work from any folder.
    const dist = process.env.E2E_DIST ?? "dist";
    const html = readFileSync(`${dist}/index.html`, "utf8");
    test.skip(!/from '\.\/jiuzhu-app-/.test(html), "index.html built for the root (public_url = /)");
    const outside = [];
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.protocol.startsWith("http") && !u.pathname.startsWith("/portal/jiuzhu/")) outside.push(r.url());
    });
    await page.goto("/portal/jiuzhu/");
    await expect(page.locator("#jiuzhu-root select, #jiuzhu-root input").first()).toBeVisible();
    expect(outside).toEqual([]);
  });
});
