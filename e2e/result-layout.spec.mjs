// The result a resident can act on (issue 13), measured at 360×740 on the release build: the
// recommended path and the next step are on the first screen in normal mode and within two
// screens in 大字模式, for every sample household, in Chinese and in English; the page heights are
// printed (log lines "layout: …") so a change that makes the page long shows.
//   E2E_PORT=8096 npx playwright test e2e/result-layout.spec.mjs
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { open } from "./household-flows.mjs";

const SAMPLES = [
  "xishan_urban_three",
  "xishan_tekun_elder",
  "chuxiong_edge_disabled",
  "wuding_rural_four",
  "changzhi_medical_costs",
  "xishan_fire",
  "chuxiong_found_work",
  "kunming_migrant_unemployed",
];
const H = 740;

test.use({ viewport: { width: 360, height: H }, deviceScaleFactor: 1 });

/** Loads a sample household through staff mode, switches staff mode off, opens the result. */
async function sampleResult(page, id, { elder = false, en = false } = {}) {
  await open(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId("app")).toBeVisible();
  const sw = page.getByTestId("staff-switch");
  await sw.click();
  await page.getByTestId("sample").selectOption(id);
  await expect(page.locator("[data-testid=result-bar] [data-scheme]").first()).toBeVisible();
  await sw.click();
  await expect(page.getByTestId("staff-tools")).toHaveCount(0);
  if (elder) await page.getByTestId("elder").click();
  if (en) {
    await page.getByTestId("lang").click();
    // The English messages are read on the switch (i18n-en.json): wait until they are shown.
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
  await page.getByTestId("bar-open").click();
  await expect(page.getByTestId("result-screen")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Bottom edge (page px) of the first element matching `sel`. */
const bottom = (page, sel) =>
  page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);

for (const en of [false, true]) {
  for (const elder of [false, true]) {
    const mode = `${elder ? "大字模式" : "normal"}, ${en ? "English" : "中文"}`;
    test(`the path and the next step fit (${mode})`, async ({ page }) => {
      test.setTimeout(420_000); // eight households, each with axe (slow on a loaded machine)
      const limit = elder ? 2 * H : H;
      for (const id of SAMPLES) {
        await sampleResult(page, id, { elder, en });
        const path = await bottom(page, "[data-testid=recommendation]");
        const step = await bottom(page, "[data-testid=first-step]");
        const actions = await bottom(page, "[data-testid=result-actions]");
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        console.log(`layout: ${mode} ${id}: path ${Math.round(path)} px, next step ${Math.round(step)} px, buttons ${Math.round(actions)} px, page ${height} px`);
        expect(path, `${id}: the path ends at ${path}px`).toBeLessThanOrEqual(limit);
        // The next step (where to apply, what to bring) ends on the first screen(s) too, in both
        // languages: English runs longer, so its first-screen wording is kept short.
        expect(step, `${id}: the next step ends at ${step}px`).toBeLessThanOrEqual(limit);
        // Every result screen, with its details opened, has no WCAG A/AA violation.
        await page.locator(".result-screen details").evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
        const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
        expect(axe.violations.map((v) => `${id}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      }
    });
  }
}

// Long answers in selects (issue 13 §5): a native select cuts its chosen option at the box edge
// on a 360 px phone ("没有（无配偶、子女、父母…"); the chosen answer is shown in full, wrapped, inside
// the box. On every question screen, in both languages and both modes, every select's chosen
// answer is the visible text layer's, within the select's box and not cut.
for (const en of [false, true]) {
  for (const elder of [false, true]) {
    const mode = `${elder ? "大字模式" : "normal"}, ${en ? "English" : "中文"}`;
    test(`long answers in selects are shown in full at 360 px (${mode})`, async ({ page }) => {
      test.setTimeout(120_000);
      await sampleResult(page, "wuding_rural_four", { elder, en });
      const steps = page.locator("nav.progress li button");
      const n = await steps.count();
      let checked = 0;
      let wrapped = 0;
      for (let k = 0; k < n - 1; k++) {
        const step = await steps.nth(k).getAttribute("data-step");
        await steps.nth(k).evaluate((b) => b.click()); // the step list is hidden in 大字模式
        await expect(page.locator(".jz-app")).toHaveAttribute("data-step", step);
        // A long option chosen where the household has members: "lives elsewhere (…)".
        const living = page.locator("[data-field$='.living'] select").first();
        if (await living.count()) await living.selectOption("apart");
        const faults = await page.locator("main .select-wrap").evaluateAll((ws) =>
          ws.map((w) => {
            const s = w.querySelector("select");
            const f = w.querySelector(".select-face");
            const sb = s.getBoundingClientRect();
            const fb = f.getBoundingClientRect();
            const text = s.selectedOptions[0]?.textContent ?? "";
            const lines = Math.round(fb.height / parseFloat(getComputedStyle(f).lineHeight));
            const fault =
              f.textContent !== text ? `shows "${f.textContent}", chosen "${text}"`
              : f.scrollWidth > f.clientWidth + 1 ? "text cut"
              : fb.right > sb.right + 1 || fb.bottom > sb.bottom + 1 || fb.top < sb.top - 1 ? "text outside the box"
              : sb.right > document.documentElement.clientWidth ? "box wider than the screen"
              : "";
            return { id: s.id, fault, lines };
          }),
        );
        for (const f of faults) expect(f.fault, `${f.id}`).toBe("");
        checked += faults.length;
        wrapped += faults.filter((f) => f.lines > 1).length;
      }
      expect(checked, "selects checked").toBeGreaterThan(5);
      // At least the long answer chosen above runs over two lines and is still whole.
      expect(wrapped, "selects whose answer wraps").toBeGreaterThan(0);
    });
  }
}
