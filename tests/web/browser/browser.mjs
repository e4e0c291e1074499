// What the browser tests share: headless Debian Chromium (driven by playwright-core), a fresh context for
// each test, what went wrong in a page, screenshots, and the staff console's steps that both
// web.browser.test.mjs (with the bot) and staff-copy.test.mjs (the web app alone) take.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const { CHROMIUM = "/usr/bin/chromium", ARTIFACTS_DIR } = process.env;
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
export const XSS = "<img src=x onerror=alert(1)>";
const ACTION_TIMEOUT = 30_000; // one answer of the bot (NLU, actions, database), or of the web app

/**
 * Launches the browser before the file's tests (closed after them), once the variables its runner sets
 * are there; `browser()` is it.
 */
export function useBrowser(required, runner) {
  let launched = null;
  before(async () => {
    const missing = [...required, "ARTIFACTS_DIR"].filter((name) => !process.env[name]);
    if (missing.length) throw new Error(`${missing.join(", ")} are set by ${runner}: run that instead`);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    // launch() gives the browser a new, empty temporary profile (user-data-dir); every test opens
    // its own context on top of it, so no cookies or localStorage leak between tests.
    launched = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      timeout: 60_000,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    });
  });
  after(async () => {
    if (launched) await launched.close();
  });
  return () => launched;
}

/** A new context and page; everything that goes wrong in the page is collected in `problems`. */
export async function newPage(browser, t, viewport = PHONE, { keep = false } = {}) {
  const context = await browser.newContext({ viewport, locale: "pl-PL", timezoneId: "Europe/Warsaw" });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  const page = await context.newPage();
  const problems = watch(page);
  if (!keep) t.after(() => context.close());
  return { page, problems, context };
}

export function watch(page) {
  const problems = { errors: [], dialogs: [], console: [] };
  page.on("pageerror", (error) => problems.errors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") problems.console.push(message.text()); });
  page.on("dialog", async (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  return problems;
}

export function assertClean(problems, { allowConsole = () => false } = {}) {
  assert.deepEqual(problems.errors, [], "no uncaught errors in the page");
  assert.deepEqual(problems.dialogs, [], "no alert/confirm/prompt was opened");
  assert.deepEqual(problems.console.filter((text) => !allowConsole(text)), [], "no errors in the console");
}

/** `name`.png: the viewport, what a person sees; `name`-full.png: the whole page. In the full-page
 * picture sticky parts (the chat's message field, the console's results column) stay where the
 * viewport was, so they may overlap other content there. */
export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}-full.png`), fullPage: true });
}

export const scrollTo = (locator, block = "start") => locator.evaluate((node, where) => node.scrollIntoView({ block: where }), block);

/** Opens the staff console at `webUrl` and loads the conversation code `typed`; the code field's message. */
export async function loadCodeInConsole(page, webUrl, typed) {
  await page.goto(`${webUrl}/staff`);
  await page.locator("#results-status").filter({ hasText: /\S/ }).waitFor();
  await page.getByLabel("Wczytaj z kodu rozmowy").fill(typed);
  await page.getByRole("button", { name: "Wczytaj", exact: true }).click();
  const message = page.locator("#code-message").filter({ hasText: /\S/ });
  await message.waitFor();
  return message.innerText();
}

/**
 * Waits for the cards computed for a loaded code: the console shows the empty form's cards at start, and
 * "the first card" can still be one of those while the code's recommendations are on their way.
 */
export async function waitForCodeResults(page) {
  await page.locator("#results-status").filter({ hasText: /^Wczytano dane z kodu\./ }).waitFor();
  await page.locator("#cards .card").first().waitFor();
}

/** Clicks the console's "Wydrukuj kopię dla klienta…" and waits for the copy's window to settle. */
export async function openClientCopy(page) {
  const [copy] = await Promise.all([page.waitForEvent("popup"), page.locator("#client-copy").click()]);
  const problems = watch(copy);
  await copy.locator("#copy-status[data-state]:not([data-state=loading])").waitFor({ state: "attached" });
  return { copy, problems };
}

const CYRILLIC = /[а-яіїєґ]/i;

/**
 * The copy of a Ukrainian conversation: the page and its printed part in Ukrainian (`lang`, title, headings,
 * the cards' own words and reasons), institution names in Polish with their translation, the staff's bar in
 * Polish and off the paper, every tool unfolded, no research note meant for the staff. Returns the first card.
 */
export async function assertUkrainianCopy(copy) {
  await copy.locator("#copy-status[data-state=ready]").waitFor({ state: "attached" });
  assert.equal(await copy.locator("html").getAttribute("lang"), "uk");
  assert.equal(await copy.locator("#copy").getAttribute("lang"), "uk", "the printed part says its language");
  assert.equal(await copy.title(), "Drogowskaz – де шукати підтримки");
  assert.equal(await copy.locator("h1").innerText(), "Де шукати підтримки");
  assert.match(await copy.locator(".copy-date").innerText(), /^Підсумок від \d{1,2} \S+ \d{4}/u, "dated, in Ukrainian");
  const card = copy.locator("#copy-cards .card").first();
  assert.match(await card.locator(".card-title").innerText(), /^[^а-яіїєґ]+\(.*[а-яіїєґ]/i, "a Polish name, then its translation");
  const words = await card.innerText();
  for (const heading of ["Що тут можна отримати", "Чому", "Де"]) assert.ok(words.includes(heading), `${heading} in ${words}`);
  assert.match(await card.locator(".card-reasons").innerText(), CYRILLIC, "the reasons in Ukrainian");
  assert.doesNotMatch(await copy.locator("#copy-cards").innerText(), /Dlaczego|Co możesz tu dostać|Jak zacząć/,
    "no Polish card headings");
  assert.equal(await copy.locator("#copy-cards .where-notes").count(), 0, "no research note meant for the staff");
  for (const box of await copy.locator("details.card-more").all()) {
    assert.ok(await box.evaluate((node) => node.open), "every tool is there, also those behind «Ще»");
  }
  const bar = copy.locator(".copy-toolbar");
  assert.equal(await bar.getAttribute("lang"), "pl");
  assert.match(await copy.locator("#copy-status").innerText(), /^Kopia jest gotowa/, "the staff read Polish");
  assert.equal(await copy.locator("#copy-print").innerText(), "Drukuj");
  await copy.emulateMedia({ media: "print" });
  assert.equal(await bar.isVisible(), false, "the staff's bar is not printed");
  assert.ok(await card.isVisible(), "the cards are");
  assert.ok(await copy.locator(".copy-footer").isVisible(), "and where to ask");
  await copy.emulateMedia({ media: "screen" });
  return card;
}
