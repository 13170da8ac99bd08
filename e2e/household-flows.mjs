// The page object of the resident flow and the sample households typed in screen by screen, as a
// resident would. Shared by the end-to-end tests (flow.spec.mjs) and the screenshot script
// (screenshots.spec.mjs).
import { expect } from "@playwright/test";
import { readdirSync } from "node:fs";

export const KEY = "jiuzhu.answers.v1";

/** How many golden cases the project has (tests/golden/*.json): the self-test runs them all. */
export const GOLDEN_CASES = readdirSync(new URL("../tests/golden/", import.meta.url)).filter((f) => f.endsWith(".json")).length;

// ----- page object ------------------------------------------------------------------------------

export const field = (page, name) => page.locator(`[data-field="${name}"]`);

export async function open(page, path = "/") {
  await page.goto(path);
  await expect(page.getByTestId("app")).toBeVisible();
}

export async function select(page, name, value) {
  await field(page, name).locator("select").selectOption(value);
}

export async function type(page, name, value) {
  await field(page, name).locator("input[type=text]").fill(value);
}

export async function radio(page, name, value) {
  await field(page, name).locator(`input[value="${value}"]`).check();
}

export async function next(page, expectedStep) {
  await page.getByTestId("next").click();
  if (expectedStep) await expect(page.getByTestId("app")).toHaveAttribute("data-step", expectedStep);
}

export async function place(page, [province, city, county], residence, date) {
  await select(page, "region.province", province);
  await select(page, "region.city", city);
  if (county) await select(page, "region.county", county);
  await radio(page, "residence", residence);
  await page.locator('[data-field="as_of"] input').fill(date);
}

/** The list questions (selects) of member i still on "请选择" (not answered). */
export const openSelects = (page, i) =>
  page.locator(`[data-member="${i}"] select:has(option[data-placeholder]:checked)`);

/** Adds member i (0 = the applicant, already there) with the given answers. Every list question
 *  starts on "请选择" and nothing is assumed, so a flow answers each one the form asks
 *  (disability "no" = 没有残疾证; living: not asked of the applicant); it fails if one is left
 *  open, unless `leaveOpen` (a test of unanswered questions). */
export async function member(page, i, { relation, age, living, work, schooling, disability, level, illness, selfCare, supporters }, { leaveOpen = false } = {}) {
  if (i > 0) await page.getByTestId("add-member").click();
  if (relation) await select(page, `members[${i}].relation`, relation);
  await type(page, `members[${i}].age`, String(age));
  if (living) await select(page, `members[${i}].living`, living);
  if (work) await select(page, `members[${i}].work`, work);
  if (schooling) await select(page, `members[${i}].schooling`, schooling);
  if (disability) {
    await select(page, `members[${i}].disability`, disability);
    if (level) await select(page, `members[${i}].disability.level`, String(level));
  }
  if (illness) await radio(page, `members[${i}].serious_illness`, illness);
  if (selfCare) await select(page, `members[${i}].self_care`, selfCare);
  if (supporters) await radio(page, `members[${i}].supporters`, supporters);
  if (!leaveOpen) {
    const open = await openSelects(page, i).evaluateAll((els) => els.map((e) => e.closest("[data-field]")?.dataset.field));
    if (open.length > 0) throw new Error(`member ${i}: list questions left on 请选择: ${open.join(", ")}`);
  }
}

/** The events screen's list question: what happened (`none` = 没有). */
export async function event(page, value) {
  await select(page, "circumstances.sudden_event", value);
}

/** The resident answers "否" to every yes/no question on this screen still unanswered (every
 *  question starts unanswered: nothing the resident did not say is taken as a fact). */
export async function noToTheRest(page) {
  const open = page.locator(".screen fieldset.radios:not(:has(input:checked)):has(input[value=n])");
  while ((await open.count()) > 0) {
    await open.first().locator("input[value=n]").check();
  }
}

/** Adds income j of member i. The type starts on 请选择 (never on 工资): a flow says which it
 *  means (`type: "wages"` …), or `type: null` to leave it unanswered on purpose. */
export async function income(page, i, j, { type: kind, amount, period, payer }) {
  if (kind === undefined) throw new Error(`income(${i}, ${j}): say its type (or type: null)`);
  await page.locator(`[data-member="${i}"] [data-testid=add-income]`).click();
  const base = `members[${i}].income[${j}]`;
  if (kind) await select(page, `${base}.type`, kind);
  await type(page, `${base}.amount`, String(amount));
  if (period) await radio(page, `${base}.period`, period);
  if (payer) await select(page, `${base}.payer`, payer);
}

export const barStatus = (page, scheme) =>
  page.locator(`[data-testid=result-bar] [data-scheme=${scheme}]`).getAttribute("data-status");

/** The result screen's card for `scheme` says "likely" (attribute) and in visible words (很可能符合 /
 *  likely, by the page's language), and the scheme is on the first screen's recommended path. */
export async function expectResult(page, scheme, words) {
  const card = page.locator(`.result-cards [data-scheme=${scheme}]`);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute("data-status", "likely");
  const lang = await page.locator(".result-screen").getAttribute("lang");
  const status = card.locator(":scope > article > .result-status .result-status-words");
  await expect(status).toBeVisible();
  await expect(status).toHaveText(words ?? (lang === "en" ? "likely" : "很可能符合"));
  const path = page.locator(`[data-testid=recommended] [data-scheme=${scheme}], [data-testid=in-addition] [data-scheme=${scheme}]`);
  await expect(path.first()).toBeVisible();
}

// ----- the sample households, typed in --------------------------------------------------------

/** 西山区独居老人（2022）：特困 — 78, partly self-caring, no supporter, basic pension + allowance. */
export async function tekunElder(page) {
  await place(page, ["530000", "530100", "530112"], "urban", "2022-11-01");
  await next(page, "members");
  await member(page, 0, { age: 78, disability: "no", work: "not_working", selfCare: "partial", supporters: "none" });
  await noToTheRest(page);
  await next(page, "income");
  await income(page, 0, 0, { type: "resident_basic_pension", amount: 150 });
  await income(page, 0, 1, { type: "old_age_allowance", amount: 50 });
  await next(page, "expenses");
  await next(page, "assets");
  await type(page, "assets.financial", "2000");
  await type(page, "assets.homes", "1");
  await noToTheRest(page);
  await next(page, "events");
  await event(page, "none");
  await noToTheRest(page);
}

/** 楚雄市边缘家庭，成员一级残疾（2023）：参照单人户. */
export async function edgeDisabled(page) {
  await place(page, ["530000", "532300", "532301"], "urban", "2023-10-01");
  await next(page, "members");
  await member(page, 0, { age: 52, work: "employed", disability: "no" });
  await member(page, 1, { relation: "spouse", age: 50, living: "together", work: "employed", disability: "no" });
  await member(page, 2, { relation: "child", age: 24, living: "together", schooling: "none", work: "not_working", disability: "physical", level: 1, selfCare: "partial" });
  await noToTheRest(page);
  await next(page, "income");
  await income(page, 0, 0, { type: "wages", amount: 2400 });
  await income(page, 1, 0, { type: "wages", amount: 300 });
  await income(page, 2, 0, { type: "support", amount: 200, payer: "sibling" });
  await next(page, "expenses");
  await next(page, "assets");
  await type(page, "assets.financial", "5000");
  await type(page, "assets.homes", "1");
  await noToTheRest(page);
  await next(page, "events");
  await event(page, "none");
  await noToTheRest(page);
}

/** 武定县农村四口之家（2023）：农村低保 — yearly farming incomes. */
export async function ruralFour(page) {
  await place(page, ["530000", "532300", "532329"], "rural", "2023-08-01");
  await next(page, "members");
  await member(page, 0, { age: 48, work: "farming", disability: "no" });
  await member(page, 1, { relation: "spouse", age: 46, living: "together", work: "farming", disability: "no" });
  await member(page, 2, { relation: "child", age: 19, living: "together", schooling: "undergraduate", work: "not_working", disability: "no", selfCare: "full" });
  await member(page, 3, { relation: "parent", age: 74, living: "together", work: "not_working", disability: "no", selfCare: "full" });
  await noToTheRest(page);
  await next(page, "income");
  await income(page, 0, 0, { type: "farming", amount: 12000, period: "year" });
  await income(page, 1, 0, { type: "farming", amount: 6000, period: "year" });
  await income(page, 3, 0, { type: "resident_basic_pension", amount: 118 });
  await next(page, "expenses");
  await next(page, "assets");
  await type(page, "assets.financial", "2000");
  await type(page, "assets.homes", "1");
  await noToTheRest(page);
  await next(page, "events");
  await event(page, "none");
  await noToTheRest(page);
}

/** 长治市潞州区大额医疗支出家庭（2023）：刚性支出困难. */
export async function medicalCosts(page) {
  await place(page, ["140000", "140400", "140403"], "urban", "2023-09-01");
  await next(page, "members");
  await member(page, 0, { age: 55, work: "employed", disability: "no" });
  await member(page, 1, { relation: "spouse", age: 54, living: "together", work: "not_working", disability: "no", illness: "y", selfCare: "full" });
  await noToTheRest(page);
  await next(page, "income");
  await income(page, 0, 0, { type: "wages", amount: 4000 });
  await next(page, "expenses");
  await radio(page, "expenses.period", "year");
  await type(page, "expenses.medical", "12000");
  await next(page, "assets");
  await type(page, "assets.financial", "8000");
  await type(page, "assets.homes", "1");
  await noToTheRest(page);
  await next(page, "events");
  await event(page, "none");
  await noToTheRest(page);
}

/** 西山区遭遇火灾的家庭（2024）：临时救助. */
export async function fire(page) {
  await place(page, ["530000", "530100", "530112"], "urban", "2024-09-01");
  await next(page, "members");
  await member(page, 0, { age: 38, work: "employed", disability: "no" });
  await member(page, 1, { relation: "child", age: 9, living: "together", schooling: "compulsory", disability: "no", selfCare: "full" });
  await noToTheRest(page);
  await next(page, "income");
  await income(page, 0, 0, { type: "wages", amount: 3500 });
  await next(page, "expenses");
  await next(page, "assets");
  await type(page, "assets.financial", "1000");
  await type(page, "assets.homes", "1");
  await noToTheRest(page);
  await next(page, "events");
  await event(page, "fire");
  await noToTheRest(page);
}

