// End-to-end: finding one's place in the whole division tree (issue 10) — the search field
// (combobox), the menus that follow it, a place with no data of its own, "I know my local
// standard", and accessibility of the picker in both modes.
//   npx playwright test e2e/place.spec.mjs
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

import { open, field, type, radio, next, member, income, noToTheRest, event } from "./household-flows.mjs";

const search = (page) => page.locator("input[role=combobox]");
const status = (page) => page.getByTestId("place-search-status");

test.beforeEach(async ({ page }) => {
  // A fresh device for each test, but a reload within a test keeps what was saved.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("jz-test-cleared")) {
      localStorage.clear();
      sessionStorage.setItem("jz-test-cleared", "1");
    }
  });
});

test("a resident of 昆明市五华区 finds their district by typing, with the keyboard", async ({ page }) => {
  await open(page);
  await search(page).fill("五华");
  // Two places are called 五华; each match shows its city and province.
  await expect(status(page)).toHaveText("找到 2 个地方，用上下方向键选择，按回车确认。");
  const list = page.getByRole("listbox");
  await expect(list.getByRole("option")).toHaveCount(2);
  await expect(list.getByRole("option").nth(1)).toContainText("五华区");
  await expect(list.getByRole("option").nth(1)).toContainText("昆明市，云南省");
  await expect(list.getByRole("option").nth(0)).toContainText("梅州市，广东省");
  await search(page).press("ArrowDown");
  await search(page).press("ArrowDown");
  await expect(search(page)).toHaveAttribute("aria-activedescendant", /opt-1$/);
  await expect(list.getByRole("option").nth(1)).toHaveAttribute("aria-selected", "true");
  await search(page).press("Enter");
  await expect(search(page)).toHaveAttribute("aria-expanded", "false");
  await expect(search(page)).toHaveValue("五华区");
  // The menus follow the choice, and the standards shown are Kunming's, inherited.
  await expect(field(page, "region.province").locator("select")).toHaveValue("530000");
  await expect(field(page, "region.city").locator("select")).toHaveValue("530100");
  await expect(field(page, "region.county").locator("select")).toHaveValue("530102");
  await radio(page, "residence", "urban");
  await expect(page.getByTestId("standards")).toContainText("五华区");
  await expect(page.getByTestId("standards")).toContainText("昆明市");
  await expect(page.getByTestId("standards")).toContainText(/¥\d/);
});

test("pinyin and initials find the place too; Escape closes the list", async ({ page }) => {
  await open(page);
  await search(page).fill("xianggelila");
  await expect(page.locator("[role=option]").first()).toContainText("香格里拉市");
  await expect(page.locator("[role=option]").first()).toContainText("迪庆藏族自治州，云南省");
  await search(page).press("Escape");
  await expect(page.getByRole("listbox")).toBeHidden();
  await search(page).fill("wuhua");
  await page.locator('[role=option][data-code="530102"]').click();
  await expect(field(page, "region.county").locator("select")).toHaveValue("530102");
  await search(page).fill("楚雄");
  await expect(page.locator("[role=option]").first()).toContainText("楚雄彝族自治州");
  await search(page).fill("zzzzqq");
  await expect(status(page)).toContainText("没有找到");
});

test("in English the matches and the menus are in English", async ({ page }) => {
  await open(page);
  await page.getByTestId("lang").click();
  await search(page).fill("Wuhua");
  await expect(page.locator('[role=option][data-code="530102"]')).toContainText("Wuhua District");
  await expect(page.locator('[role=option][data-code="530102"]')).toContainText("Kunming City, Yunnan Province");
  await expect(status(page)).toContainText("places found");
});

test("a resident of 广州市天河区 learns which lines are unknown and how to find them, then gives the local standard", async ({ page }) => {
  await open(page);
  await search(page).fill("天河");
  await page.locator('[role=option][data-code="440106"]').click();
  await expect(field(page, "region.city").locator("select")).toHaveValue("440100");
  await radio(page, "residence", "urban");
  await page.locator('[data-field="as_of"] input').fill("2025-06-01");
  const own = page.getByTestId("own-standard");
  await expect(own).toContainText("我知道本地标准");
  await next(page, "members");
  await member(page, 0, { age: 45, work: "employed", disability: "no" });
  await noToTheRest(page);
  await next(page, "income");
  await income(page, 0, 0, { type: "wages", amount: 900 });
  await noToTheRest(page);
  // Expenses, assets, events: "否" to every yes/no question (every question starts unanswered).
  for (const step of ["expenses", "assets", "events"]) {
    await next(page, step);
    await noToTheRest(page);
  }
  await event(page, "none");
  await next(page, "result");
  const result = page.locator(".result-screen");
  // Which line is unknown, and where to find it.
  await expect(result).toContainText("低保标准");
  await expect(result).toContainText("未公布");
  await expect(result).toContainText(/乡镇|民政部门/);
  await expect(page.locator('.result-screen [data-scheme=dibao]').first()).toHaveAttribute("data-status", "possible");
  // Back to the place screen: the resident read 1,200 a month on the notice board (2025-01).
  await page.getByTestId("app").locator('[data-step-link="place"], .step-link').first().click();
  await expect(page.getByTestId("app")).toHaveAttribute("data-step", "place");
  await type(page, "local_standard.amount", "1200");
  await page.locator('[data-field="local_standard.month"] input').fill("2025-01");
  await expect(page.getByTestId("own-in-use")).toBeVisible();
  // 900 < 1200 on the resident's own figure: no longer unknown.
  await expect(page.locator("[data-testid=result-bar] [data-scheme=dibao]")).not.toHaveAttribute("data-status", "possible");
  // The result says whose figure it is.
  await page.locator(".step-link").last().click();
  await expect(page.getByTestId("app")).toHaveAttribute("data-step", "result");
  await expect(page.locator(".result-screen")).toContainText("您提供的");
  await page.locator(".step-link").first().click();
  // Kept with the answers: a reload shows it again.
  await page.reload();
  await expect(page.getByTestId("app")).toBeVisible();
  await expect(field(page, "local_standard.amount").locator("input")).toHaveValue("1200");
});

for (const elder of [false, true]) {
  test(`the picker, list open: axe 0 violations, 320px wide, large targets (${elder ? "大字模式" : "normal"})`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await open(page);
    if (elder) await page.getByTestId("elder").click();
    await search(page).fill("五华");
    await expect(page.locator("[role=option]")).toHaveCount(2);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(320);
    const heights = await page.locator("[role=option]").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(elder ? 60 : 48);
  });
}

test("a portal presetting a county without a data file (五华区 530102) shows the screener, not an error", async ({ page }) => {
  await open(page, "/embed.html?region=530102");
  await expect(page.locator("body")).not.toContainText("未知地区代码");
  await expect(field(page, "region.county").locator("select")).toHaveValue("530102");
});
