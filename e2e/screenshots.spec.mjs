// Screenshots of the main screens at 360×740 (a small phone), in normal mode and in 大字模式, for
// docs/screenshots/ and the README. Not a test: it only runs when asked, after a release build:
//   SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.mjs
import { test } from "@playwright/test";

import { open, next, edgeDisabled } from "./household-flows.mjs";

test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to refresh docs/screenshots/");
test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });

for (const elder of [false, true]) {
  const mode = elder ? "elder" : "normal";
  test(`screenshots, ${mode} mode`, async ({ page }) => {
    await open(page);
    if (elder) await page.getByTestId("elder").click();
    const shot = (name) => page.screenshot({ path: `docs/screenshots/${mode}-${name}.png` });
    await shot("1-place-empty");
    await edgeDisabled(page); // the 楚雄市 household with a severely disabled son; ends on "events"
    while ((await page.getByTestId("app").getAttribute("data-step")) !== "place") {
      await page.getByTestId("back").click();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("2-place");
    await next(page, "members");
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("3-members");
    await next(page, "income");
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("4-income");
    await page.getByTestId("bar-open").click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("5-result");
  });
}
