// End-to-end: embedding jiuzhu in a portal page (docs/embedding.md), on the built dist/ in
// Debian's Chromium: the JS API, the custom element, the iframe with its postMessage
// protocol, a strict Content-Security-Policy, a sub-path, and axe inside the screener. The
// host pages are www/embed-demo/ (copied to dist/embed-demo/ by scripts/embed-post-build.sh).
//   npx playwright test e2e/embed.spec.mjs
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";

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
    expect(errors).toEqual([]);
  });

  test("portal standards: used, validated, shown as provided by the portal with their date", async ({ page }) => {
    await page.goto("embed-demo/api.html");
    await expect(page.locator("#run")).toBeEnabled();
    // A (hypothetical) 2025 standard of 600 from the portal: 612.00 per person is then above it.
    const household = {
      ...XISHAN,
      as_of: "2025-03-01",
      params: {
        dibao_urban_monthly: {
          value: 600,
          provided_by: "西山区民政局",
          effective: "2025-01-01",
          document: "关于调整2025年城乡低保标准的通知",
        },
      },
    };
    const r = await api(page, "return m.evaluate(a)", household);
    expect(r.error).toBeUndefined();
    expect(r.dibao_standard_monthly).toBe("600.00");
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
});
