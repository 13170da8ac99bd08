// Outreach features (issue 5) on the release build: staff mode and "next resident", hand-over by
// QR code (the QR image decoded with jsQR and compared with the link; the link restores the same
// household and result; corrupt, changed, newer and oversized links are rejected and keep the
// saved answers), the printable summary (print media, one A4 page as PDF), the self-test (every
// golden case passes in the browser), and axe (wcag2a + wcag2aa) on every new screen.
//   E2E_DIST=/tmp/outreach-dist E2E_PORT=8473 npx playwright test e2e/outreach.spec.mjs
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { GOLDEN_CASES, KEY, open } from "./household-flows.mjs";

const STAFF_KEY = `${KEY}.staff`;

async function axe(page, include) {
  let b = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]);
  if (include) b = b.include(include);
  const r = await b.analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const saved = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

async function staffOn(page) {
  const sw = page.getByTestId("staff-switch");
  if ((await sw.getAttribute("aria-pressed")) !== "true") await sw.click();
  await expect(sw).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("staff-tools")).toBeVisible();
}

/** Staff mode, a sample household loaded, the result screen open. */
async function sampleResult(page, id) {
  await open(page);
  await staffOn(page);
  await page.getByTestId("sample").selectOption(id);
  await expect(page.locator("[data-testid=result-bar] [data-scheme]").first()).toBeVisible();
  await page.getByTestId("bar-open").click();
  await expect(page.getByTestId("result-screen")).toBeVisible();
}

/** What the result screen says: each scheme's status, the recommended path and the per-capita figure. */
async function resultOf(page) {
  await expect(page.getByTestId("result-screen")).toBeVisible();
  const cards = await page.locator(".result-card").evaluateAll((els) =>
    els.map((e) => `${e.dataset.scheme}=${e.dataset.status}`).sort(),
  );
  return {
    cards,
    path: await page.getByTestId("recommendation").innerText(),
    perCapita: (await page.getByTestId("per-capita").textContent()).trim(), // behind "how it was worked out"
    region: await page.getByTestId("region").innerText(),
  };
}

async function handoverLink(page) {
  await page.getByTestId("handover-show").click();
  const link = await page.getByTestId("handover-link").inputValue();
  expect(link).toMatch(/#h1=[A-Za-z0-9_-]+$/);
  return link;
}

/** Decodes the QR code as rendered in the page (a screenshot of the image, read by jsQR). */
async function decodeQr(page) {
  const img = page.getByTestId("handover-qr");
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
  const png = PNG.sync.read(await img.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, "the QR code decodes").not.toBeNull();
  return code.data;
}

test.describe("self-test", () => {
  test("every golden case passes in the browser (#selftest), screen passes axe", async ({ page }) => {
    await page.goto("/#selftest");
    const count = page.getByTestId("selftest-count");
    await expect(count).toBeVisible({ timeout: 30_000 });
    expect(GOLDEN_CASES).toBeGreaterThanOrEqual(100);
    await expect(count).toHaveAttribute("data-total", String(GOLDEN_CASES));
    await expect(count).toHaveAttribute("data-pass", String(GOLDEN_CASES));
    await expect(count).toContainText(`${GOLDEN_CASES} / ${GOLDEN_CASES}`);
    await expect(page.getByTestId("selftest-failures")).toHaveCount(0);
    await expect(page.getByTestId("selftest-status")).toHaveAttribute("role", "status");
    await axe(page);
    // English, and back to the flow; the fragment is gone.
    await page.getByTestId("lang").click();
    await expect(count).toContainText(`${GOLDEN_CASES} of ${GOLDEN_CASES} cases pass`);
    await page.getByTestId("selftest-back").click();
    await expect(page.getByTestId("screen-title")).toBeVisible();
    expect(new URL(page.url()).hash).toBe("");
  });

  test("staff mode opens the self-test and it does not touch the answers", async ({ page }) => {
    await sampleResult(page, "xishan_tekun_elder");
    const before = await saved(page);
    await page.getByTestId("open-selftest").click();
    await expect(page.getByTestId("selftest-count")).toHaveAttribute("data-pass", String(GOLDEN_CASES), { timeout: 30_000 });
    expect(await saved(page)).toBe(before);
  });
});

test.describe("staff mode", () => {
  test("the switch is remembered on the device and survives 'clear my data'", async ({ page }) => {
    await open(page);
    await expect(page.getByTestId("staff-tools")).toHaveCount(0);
    await expect(page.getByTestId("sample")).toHaveCount(0);
    await staffOn(page);
    expect(await page.evaluate((k) => localStorage.getItem(k), STAFF_KEY)).toBe("1");
    await page.reload();
    await expect(page.getByTestId("staff-tools")).toBeVisible();
    await expect(page.getByTestId("sample")).toBeVisible();
    await axe(page);
    await page.getByTestId("clear").click();
    await page.getByTestId("clear-yes").click();
    await expect(page.getByTestId("staff-tools")).toBeVisible();
    await page.getByTestId("staff-switch").click();
    await expect(page.getByTestId("staff-tools")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("app")).toBeVisible();
    await expect(page.getByTestId("staff-tools")).toHaveCount(0);
  });

  test("'next resident' asks in a dialog, then leaves no trace in the page or in storage", async ({ page }) => {
    await sampleResult(page, "wuding_rural_four");
    const resident = await resultOf(page);
    const savedJson = await saved(page);
    expect(savedJson).toContain("532329");
    // Traces to look for afterwards: the region, the amounts typed in, the result's figures.
    const answers = JSON.parse(savedJson);
    const traces = ["532329", "武定", "Wuding", resident.perCapita.replace(/[¥,\s]/g, "").replace(/\.00$/, "")];
    for (const m of answers.m) for (const i of m.inc ?? []) if (i.amt) traces.push(String(i.amt));
    const link = await handoverLink(page);
    await expect(page.getByTestId("handover-link")).toBeVisible();

    // The dialog: modal, labelled, Escape cancels and nothing is lost.
    await page.getByTestId("next-resident").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName(/下一位居民/);
    await expect(page.getByTestId("next-yes")).toBeVisible();
    await axe(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect(await saved(page)).toBe(savedJson);
    await expect(page.getByTestId("result-screen")).toBeVisible();

    // Confirmed with the keyboard.
    await page.getByTestId("next-resident").click();
    await expect(dialog).toBeVisible();
    await page.getByTestId("next-yes").focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("app")).toHaveAttribute("data-step", "place");

    // Storage: no answers, nothing kept aside; only device settings (language, large text,
    // staff mode) — and none of them mentions the resident.
    expect(await saved(page)).toBeNull();
    const store = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    for (const [k, v] of Object.entries(store)) {
      for (const t of traces) expect(`${k}=${v}`, `storage ${k}`).not.toContain(t);
    }
    expect(store[STAFF_KEY]).toBe("1");
    // The page: no text, no form value, no live region, no link of the previous resident.
    // (The sample picker's list names the sample households themselves: not the resident's.)
    const text = await page.evaluate(() => {
      const copy = document.body.cloneNode(true);
      copy.querySelectorAll("[data-field=sample]").forEach((e) => e.remove());
      return copy.textContent;
    });
    for (const t of traces) expect(text).not.toContain(t);
    const values = await page.locator("input, select, textarea").evaluateAll((els) => els.map((e) => e.value).join("|"));
    for (const t of traces) expect(values).not.toContain(t);
    await expect(page.getByTestId("sample")).toHaveValue("");
    const live = await page.locator("[aria-live], [role=status], [role=alert]").allInnerTexts();
    for (const t of traces) expect(live.join("|")).not.toContain(t);
    await expect(page.locator("[data-testid=result-bar] [data-scheme]")).toHaveCount(0);
    await expect(page.getByTestId("handover-link")).toHaveCount(0);
    expect(await page.content()).not.toContain(link.split("#")[1]);
    expect(new URL(page.url()).hash).toBe("");
    // And after a reload, still nothing.
    await page.reload();
    await expect(page.getByTestId("app")).toHaveAttribute("data-step", "place");
    expect(await saved(page)).toBeNull();
  });
});

test.describe("hand-over by QR code", () => {
  test("the QR code holds the link; the link restores the same household and result elsewhere", async ({ page, browser }) => {
    await sampleResult(page, "chuxiong_edge_disabled");
    const before = await resultOf(page);
    const savedJson = await saved(page);
    const link = await handoverLink(page);
    expect(link.startsWith(new URL("/", page.url()).href)).toBe(true);
    expect(await decodeQr(page)).toBe(link);
    await axe(page);

    // Another device: a fresh browser context with nothing saved.
    const other = await browser.newContext({ locale: "zh-CN" });
    const p2 = await other.newPage();
    await p2.goto(link);
    await expect(p2.getByTestId("handover-loaded")).toBeVisible();
    await expect(p2.getByTestId("app")).toHaveAttribute("data-step", "result");
    expect(await resultOf(p2)).toEqual(before);
    expect(JSON.parse(await saved(p2))).toEqual(JSON.parse(savedJson));
    // The fragment left the address bar, and a reload does not bring it back.
    expect(new URL(p2.url()).hash).toBe("");
    await p2.reload();
    expect(await resultOf(p2)).toEqual(before);
    await axe(p2);
    await other.close();
  });

  test("under the strict Content-Security-Policy the QR code still shows, with no violation", async ({ page }) => {
    const refused = [];
    page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
    await page.goto("/?csp=strict");
    await expect(page.getByTestId("app")).toBeVisible();
    await staffOn(page);
    await page.getByTestId("sample").selectOption("xishan_urban_three");
    await page.getByTestId("bar-open").click();
    const link = await handoverLink(page);
    expect(link).toContain("?csp=strict#h1=");
    expect(await decodeQr(page)).toBe(link);
    expect(refused).toEqual([]);
  });

  test("the copy button puts the link on the clipboard", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await sampleResult(page, "xishan_fire");
    const link = await handoverLink(page);
    await page.getByTestId("handover-copy").click();
    await expect(page.getByTestId("handover-copied")).toContainText("已复制");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  });

  test("when the browser refuses the clipboard, the link is selected and the user told how to copy", async ({ page }) => {
    await sampleResult(page, "xishan_fire");
    const link = await handoverLink(page);
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    });
    await page.getByTestId("handover-copy").click();
    await expect(page.getByTestId("handover-copied")).toContainText("链接已选中");
    const sel = await page.evaluate(() => {
      const e = document.activeElement;
      return { testid: e.dataset.testid, start: e.selectionStart, end: e.selectionEnd, value: e.value };
    });
    expect(sel).toEqual({ testid: "handover-link", start: 0, end: link.length, value: link });
  });

  test("with other answers saved, the link asks before replacing them", async ({ page }) => {
    await sampleResult(page, "xishan_urban_three");
    const link = await handoverLink(page);
    const handed = await saved(page);
    // This device now holds another household.
    await page.locator(".step-link[data-step=place]").click();
    await page.getByTestId("sample").selectOption("xishan_tekun_elder");
    await expect.poll(() => saved(page)).not.toBe(handed);
    const own = await saved(page);

    await page.goto("about:blank");
    await page.goto(link);
    const ask = page.getByRole("dialog");
    await expect(ask).toBeVisible();
    await expect(ask).toHaveAccessibleName("收到交接的回答");
    await axe(page);
    await page.getByTestId("handover-keep").click();
    await expect(ask).toBeHidden();
    expect(await saved(page)).toBe(own);
    expect(new URL(page.url()).hash).toBe("");

    await page.goto("about:blank");
    await page.goto(link);
    await expect(ask).toBeVisible();
    await page.getByTestId("handover-replace").click();
    await expect(page.getByTestId("app")).toHaveAttribute("data-step", "result");
    expect(JSON.parse(await saved(page))).toEqual(JSON.parse(handed));
  });

  for (const [name, fragment, reason] of [
    ["corrupt", "#h1=!!not-base64!!", "corrupt"],
    ["cut short", null, "tampered"],
    ["changed", "changed", "tampered"],
    ["from a newer version", "#h2=AAAAAAAAAAAAAAAAAAAA", "newer"],
    ["oversized", `#h1=${"A".repeat(5000)}`, "too_large"],
  ]) {
    test(`a ${name} link is rejected with a clear message and keeps the saved answers`, async ({ page }) => {
      await sampleResult(page, "changzhi_medical_costs");
      const good = await handoverLink(page);
      const own = await saved(page);
      let frag = fragment;
      const payload = good.split("#")[1];
      if (name === "cut short") {
        // Cut to whole base64 groups, so it still decodes and the checksum has to catch it.
        const b64 = payload.slice("h1=".length);
        frag = `#h1=${b64.slice(0, Math.floor((b64.length - 5) / 4) * 4)}`;
      }
      if (frag === "changed") {
        const i = Math.floor(payload.length / 2);
        frag = `#${payload.slice(0, i)}${payload[i] === "A" ? "B" : "A"}${payload.slice(i + 1)}`;
      }
      // Opened as a new page (a link from a chat, a scanned QR code), not a same-page jump.
      await page.goto("about:blank");
      await page.goto(`/${frag}`);
      const alert = page.getByTestId("handover-rejected");
      await expect(alert).toBeVisible();
      await expect(alert).toHaveAttribute("role", "alert");
      await expect(alert).toHaveAttribute("data-reason", reason);
      await expect(alert).toContainText("无法读取交接链接");
      await expect(alert).toContainText("本机已保存的回答没有任何改动");
      expect(await saved(page)).toBe(own);
      expect(new URL(page.url()).hash).toBe("");
      // Still the same household on this device (the screen it was on: the result).
      await expect(page.getByTestId("region")).toContainText("潞州区");
      await page.getByTestId("lang").click();
      await expect(alert).toContainText("The hand-over link cannot be read");
      await expect(alert).toContainText("were not changed");
      await axe(page);
      await page.reload();
      await expect(page.getByTestId("handover-rejected")).toHaveCount(0);
      expect(await saved(page)).toBe(own);
    });
  }
});

test("a link opened in the tab the app is already in (hashchange) is read the same way", async ({ page }) => {
  await sampleResult(page, "xishan_tekun_elder");
  const own = await saved(page);
  await page.evaluate(() => { location.hash = "#h1=AAAAAAAAAAAA"; });
  await expect(page.getByTestId("handover-rejected")).toHaveAttribute("data-reason", "tampered");
  expect(await saved(page)).toBe(own);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe("");
});

test("大字模式: the new controls have 30px text and 60px targets, and pass axe", async ({ page }) => {
  await sampleResult(page, "xishan_urban_three");
  await page.getByTestId("elder").click();
  await page.getByTestId("handover-show").click();
  const sizes = async (sel) =>
    page.locator(sel).evaluateAll((els) =>
      els.filter((e) => e.offsetParent !== null || e.closest("dialog[open]")).map((e) => {
        const r = e.getBoundingClientRect();
        return { sel: e.dataset.testid ?? e.className, h: r.height, w: r.width, font: parseFloat(getComputedStyle(e).fontSize) };
      }),
    );
  const controls = await sizes(
    "[data-testid=next-resident], [data-testid=open-selftest], [data-testid=staff-switch], [data-testid=print], [data-testid=handover-show], [data-testid=handover-copy], [data-testid=handover-link]",
  );
  expect(controls.length).toBe(7);
  for (const c of controls) {
    expect(c.h, `${c.sel} height`).toBeGreaterThanOrEqual(60);
    expect(c.w, `${c.sel} width`).toBeGreaterThanOrEqual(60);
    expect(c.font, `${c.sel} text`).toBeGreaterThanOrEqual(30);
  }
  await axe(page);
  await page.getByTestId("next-resident").click();
  const inDialog = await sizes("[data-testid=next-confirm] p, [data-testid=next-yes], [data-testid=next-no]");
  expect(inDialog.length).toBe(3);
  for (const c of inDialog) {
    expect(c.font, `${c.sel} text`).toBeGreaterThanOrEqual(30);
    if (c.sel.startsWith("next-")) expect(c.h, `${c.sel} height`).toBeGreaterThanOrEqual(60);
  }
  await axe(page);
  await page.getByTestId("next-no").click();
  await page.getByTestId("open-selftest").click();
  await expect(page.getByTestId("selftest-count")).toBeVisible({ timeout: 30_000 });
  const count = await sizes("[data-testid=selftest-count], [data-testid=selftest-back], [data-testid=selftest-again]");
  for (const c of count) expect(c.font, `${c.sel} text`).toBeGreaterThanOrEqual(30);
  await axe(page);
});

/** The printed text sizes, in pt: the summary's body at least `body`, and every piece of text in
 *  it (lists, stamp, sub-heading) at least 12pt. */
async function expectPrintSizes(summary, body) {
  const pt = (px) => Math.round(px * 0.75 * 100) / 100;
  const sizes = await summary.evaluate((s) => {
    const out = { body: parseFloat(getComputedStyle(s).fontSize), smallest: Infinity, where: "" };
    const w = document.createTreeWalker(s, NodeFilter.SHOW_TEXT);
    while (w.nextNode()) {
      const t = w.currentNode;
      if (!t.textContent.trim()) continue;
      const px = parseFloat(getComputedStyle(t.parentElement).fontSize);
      if (px < out.smallest) Object.assign(out, { smallest: px, where: t.textContent.trim().slice(0, 30) });
    }
    return out;
  });
  expect(pt(sizes.body), "body text (pt)").toBeGreaterThanOrEqual(body);
  expect(pt(sizes.smallest), `smallest text (pt): "${sizes.where}"`).toBeGreaterThanOrEqual(12);
}

test.describe("printable summary", () => {
  // Every sample household fits one page in Chinese at a size an older person reads: body 13pt,
  // nothing under 12pt (lists and the stamp included). The fullest, changzhi_medical_costs, uses
  // about 93 % of the page.
  const ALL_SAMPLES = ["xishan_urban_three", "xishan_tekun_elder", "chuxiong_edge_disabled", "wuding_rural_four",
    "changzhi_medical_costs", "xishan_fire", "chuxiong_found_work", "kunming_migrant_unemployed"];
  for (const id of ALL_SAMPLES) {
    test(`${id}: print shows the summary only, and the PDF is one A4 page`, async ({ page }) => {
      await sampleResult(page, id);
      const summary = page.getByTestId("print-summary");
      await expect(summary).toBeHidden();
      await expect(page.getByTestId("print")).toBeVisible();
      await page.emulateMedia({ media: "print" });
      await expect(summary).toBeVisible();
      for (const hidden of ["print", "lang", "elder", "clear", "back", "handover-show", "staff-tools", "result-screen", "result-bar"]) {
        await expect(page.getByTestId(hidden), hidden).toBeHidden();
      }
      await expect(page.locator("nav.progress")).toBeHidden();
      // What the window needs.
      await expect(summary).toContainText("社会救助办事清单");
      await expect(summary).toContainText("要带的材料");
      await expect(summary).toContainText("在哪里申请");
      await expect(summary).toContainText("身份证");
      await expect(summary.locator(".print-scheme").first()).toBeVisible();
      await expect(summary).toContainText("jiuzhu-rules");
      await expect(summary).toContainText("不是审核决定");
      await expect(summary).toContainText("30 个工作日");
      await expectPrintSizes(summary, 13);
      await axe(page, "[data-testid=print-summary]");
      const pdf = (await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
      const pages = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
      expect(pages.length, "pages in the PDF").toBe(1);
    });
  }

  // English runs about a third longer: 12pt throughout, one page for every sample household but
  // changzhi_medical_costs (four schemes, each with what to check: two pages, as the README says).
  for (const id of ALL_SAMPLES.filter((s) => s !== "changzhi_medical_costs")) test(`${id} in English: one A4 page too`, async ({ page }) => {
    await sampleResult(page, id);
    await page.getByTestId("lang").click();
    await page.emulateMedia({ media: "print" });
    const summary = page.getByTestId("print-summary");
    await expect(summary).toBeVisible();
    await expect(summary).toHaveAttribute("lang", "en");
    await expect(summary).toContainText("Social assistance checklist");
    await expect(summary).toContainText("What to bring");
    await expect(summary).toContainText("This is an estimate, not a decision.");
    expect(await summary.innerText()).not.toMatch(/[：（）]/);
    await expectPrintSizes(summary, 12);
    const pdf = (await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
    expect((pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length, "pages in the PDF").toBe(1);
  });

  test("the print button calls window.print()", async ({ page }) => {
    await sampleResult(page, "xishan_tekun_elder");
    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => { window.__printed += 1; };
    });
    await page.getByTestId("print").click();
    expect(await page.evaluate(() => window.__printed)).toBe(1);
  });
});
