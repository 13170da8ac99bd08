// End-to-end: answers kept on the device when the device's storage is full (issue 12, item 15).
// Another key (another app of the same site) has filled localStorage: saving an answer fails.
// The resident is told that the answers still work in this tab but will not be kept, and the
// answers stay in memory. Once there is room again, they are saved and the notice goes.
//   npx playwright test e2e/storage.spec.mjs
import { test, expect } from "@playwright/test";
import { KEY, field, next, open, place } from "./household-flows.mjs";

/** Fills localStorage with other keys until not even one more character fits. */
async function fillStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 256, 16, 1]) {
      const chunk = "x".repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`other-app-${n++}`, chunk);
        } catch {
          break;
        }
      }
    }
    return n;
  });
}

test("storage full: the resident is told, and the answers work in this tab", async ({ page }) => {
  await open(page, "/");
  expect(await fillStorage(page)).toBeGreaterThan(1);
  await expect(page.getByTestId("save-failed")).toHaveCount(0);
  // The resident answers: saving fails.
  await place(page, ["530000", "530100", "530112"], "urban", "2022-11-01");
  const notice = page.getByTestId("save-failed");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("本机存储空间已满");
  await expect(notice).toContainText("不会保留");
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  // …and goes on in this tab: the answers are kept in memory and give a result.
  await next(page, "members");
  await field(page, "members[0].age").locator("input[type=text]").fill("45");
  await next(page, "income");
  await expect(page.locator("[data-testid=result-bar] [data-scheme=dibao]")).toHaveAttribute("data-status", /likely|possible|unlikely/);
  await page.getByTestId("back").click();
  await expect(field(page, "members[0].age").locator("input[type=text]")).toHaveValue("45");
  // Room again (the other app cleared its keys): the next answer is saved, the notice goes.
  await page.evaluate((k) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("other-app-")) localStorage.removeItem(key);
  }, KEY);
  await field(page, "members[0].age").locator("input[type=text]").fill("46");
  await expect(notice).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toContain("46");
});
