// End-to-end: the release bundle (dist/) in Debian's Chromium. Run by scripts/test.sh after
// `trunk build --release`:  npx playwright test
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("select#sample")).toBeVisible();
});

test("the engine runs in the page: Xishan household of 3", async ({ page }) => {
  await page.selectOption("select#sample", "xishan_urban_three");
  await expect(page.getByTestId("per-capita")).toHaveText("¥612.00");
  const dibao = page.locator("[data-scheme=dibao]");
  await expect(dibao).toContainText("✔");
  await expect(dibao).toContainText("很可能符合");
  await expect(dibao).toContainText("¥264.00");
});

test("no request leaves the app's own origin", async ({ page, baseURL }) => {
  const foreign = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await page.reload();
  await expect(page.locator("select#sample")).toBeVisible();
  expect(foreign).toEqual([]);
});

test("accessibility: no WCAG 2.1 A/AA violations (axe)", async ({ page }) => {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("elder-friendly basics: 320px wide, body text >= 18px, targets >= 44px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(320);
  const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(bodySize).toBeGreaterThanOrEqual(18);
  for (const el of await page.locator("select, button, input, a[href]").all()) {
    const box = await el.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
});
