// End-to-end: the release bundle (dist/) in Debian's Chromium. Run by scripts/test.sh after
// `trunk build --release`:  npx playwright test
// The first screen of the app. The whole flow is tested in e2e/flow.spec.mjs.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const province = (page) => page.locator('[data-field="region.province"] select');

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(province(page)).toBeVisible();
});

test("first screen: where you live, in Chinese, step 1 of 7", async ({ page }) => {
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("screen-title")).toHaveText("您家住在哪里？");
  await expect(page.getByTestId("progress")).toHaveText("第 1 步，共 7 步");
  await expect(page.getByRole("main")).toBeVisible();
});

test("the engine runs in the page: one person in Xishan earning ¥600 (< ¥700) → dibao likely", async ({ page }) => {
  await province(page).selectOption("530000");
  await page.locator('[data-field="region.city"] select').selectOption("530100");
  await page.locator('[data-field="region.county"] select').selectOption("530112");
  await page.locator('[data-field="residence"] input[value=urban]').check();
  await page.locator('[data-field="as_of"] input').fill("2022-11-01");
  await expect(page.getByTestId("standards")).toContainText("¥700.00");
  await page.getByTestId("next").click();
  await page.locator('[data-field="members[0].age"] input[type=text]').fill("45");
  await page.getByTestId("next").click();
  await page.getByTestId("add-income").click();
  await page.locator('[data-field="members[0].income[0].type"] select').selectOption("wages");
  await page.locator('[data-field="members[0].income[0].amount"] input[type=text]').fill("600");
  const dibao = page.locator("[data-testid=result-bar] [data-scheme=dibao]");
  // Questions not answered yet count as "don't know": possible, not likely.
  await expect(dibao).toContainText("可能符合，需核实");
  // Answer "否" to every yes/no question, as the resident would, screen by screen.
  for (const step of ["members", "assets", "events"]) {
    await page.locator(`button[data-step=${step}]`).click();
    const open = page.locator(".screen fieldset.radios:not(:has(input:checked)):has(input[value=n])");
    while ((await open.count()) > 0) await open.first().locator("input[value=n]").check();
  }
  await expect(dibao).toContainText("✔");
  await expect(dibao).toContainText("很可能符合");
});

test("no request leaves the app's own origin", async ({ page, baseURL }) => {
  const foreign = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  await page.reload();
  await expect(province(page)).toBeVisible();
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
  // Radio buttons and checkboxes sit inside their (large) labels: the label is the target.
  const targets = "select, button, input[type=text], input[type=date], a[href], label.choice, label.check";
  for (const el of await page.locator(targets).all()) {
    if (!(await el.isVisible())) continue;
    const box = await el.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
});
