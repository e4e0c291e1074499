// The staff console's client's copy (issue 14, point 4) in headless Chromium against the real web app
// alone (no Rasa server): the conversation codes are written into its database by
// tests/web/test_web_browser.py, which starts the app and sets WEB_URL, CODES (a JSON object: language →
// code, "old" made before languages, "hostile" carrying a language no one speaks), CHROMIUM, ARTIFACTS_DIR.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DESKTOP, assertClean, assertUkrainianCopy, loadCodeInConsole, newPage as openPage, openClientCopy, shot, useBrowser,
  waitForCodeResults,
} from "./browser.mjs";

const { WEB_URL } = process.env;
const CODES = JSON.parse(process.env.CODES || "{}");
const TEST_TIMEOUT = 60_000;
// The profile behind every code (tests/web/test_web_browser.py).
const PROFILE = { age: 52, work_status: "registered_unemployed", unemployment_benefit: false, district: "Wola" };

const browser = useBrowser(["WEB_URL", "CODES"], "tests/web/test_web_browser.py");
const newPage = (t, viewport = DESKTOP) => openPage(browser(), t, viewport);

async function consoleWith(t, code) {
  const { page, problems } = await newPage(t);
  assert.match(await loadCodeInConsole(page, WEB_URL, code), /^Wczytano dane z kodu/);
  await waitForCodeResults(page);
  return { page, problems };
}

test("a Ukrainian conversation's code: the console stays Polish, names the language and prints a Ukrainian copy", {
  timeout: TEST_TIMEOUT,
}, async (t) => {
  const { page, problems } = await consoleWith(t, CODES.uk);
  assert.equal(await page.locator("html").getAttribute("lang"), "pl");
  assert.equal(await page.locator("#client-language").innerText(), "Język rozmowy klienta: ukraiński");
  const button = page.locator("#client-copy");
  assert.equal(await button.innerText(), "Wydrukuj kopię dla klienta (po ukraińsku)");
  assert.match(await page.locator("#situation").innerText(), /Wiek: 52[\s\S]*Dzielnica: Wola/, "the summary in Polish");
  const titles = await page.locator("#cards .card-title").allInnerTexts();
  assert.ok(titles.includes("Urząd Pracy m.st. Warszawy"), `Polish cards for the staff: ${titles}`);
  assert.doesNotMatch(await page.locator("#cards").innerText(), /[а-яіїєґ]/i, "nothing in Ukrainian for the staff");

  // A correction made with the client counts: the copy is of the form as it is when opened.
  await page.locator("#f-age").fill("53");
  await page.locator("#f-age").press("Tab");
  const asked = page.context().waitForEvent("request", (request) => request.url().endsWith("/api/recommendations?lang=uk"));
  const { copy, problems: copyProblems } = await openClientCopy(page);
  assert.deepEqual(JSON.parse((await asked).postData()), { ...PROFILE, age: 53 }, "the copy asks for the form's profile");
  assert.equal(new URL(copy.url()).search, "?lang=uk", "the profile never goes into the address");
  const first = await assertUkrainianCopy(copy);
  assert.match(await first.locator(".card-title").innerText(), /^Urząd Pracy m\.st\. Warszawy \(Центр зайнятості/u);
  await shot(copy, "client-copy-uk");
  await copy.emulateMedia({ media: "print" });
  await copy.screenshot({ path: join(process.env.ARTIFACTS_DIR, "client-copy-uk-print.png"), fullPage: true });
  await copy.emulateMedia({ media: "screen" });

  await copy.evaluate(() => { window.print = () => { document.body.dataset.printed = "yes"; }; });
  await copy.locator("#copy-print").click();
  assert.equal(await copy.locator("body").getAttribute("data-printed"), "yes", "Drukuj prints");
  assertClean(copyProblems);

  await page.getByRole("button", { name: "Nowy klient" }).click();
  assert.equal(await page.locator("#client-language").isVisible(), false, "a new client has no language yet");
  assert.equal(await button.isVisible(), false, "nor a copy");
  assertClean(problems);
});

test("an English conversation's code: the copy is in English; a blocked window is said", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, problems } = await consoleWith(t, CODES.en);
  assert.equal(await page.locator("#client-language").innerText(), "Język rozmowy klienta: angielski");
  assert.equal(await page.locator("#client-copy").innerText(), "Wydrukuj kopię dla klienta (po angielsku)");
  const { copy, problems: copyProblems } = await openClientCopy(page);
  await copy.locator("#copy-status[data-state=ready]").waitFor({ state: "attached" });
  assert.equal(await copy.locator("#copy").getAttribute("lang"), "en");
  assert.equal(await copy.locator("h1").innerText(), "Where to look for support");
  const card = await copy.locator("#copy-cards .card", { hasText: "Urząd Pracy" }).first().innerText();
  assert.match(card, /What you can get here[\s\S]*Why/);
  assertClean(copyProblems);

  // A browser that blocks the window: the staff are told what to do.
  await page.evaluate(() => { window.open = () => null; });
  await page.locator("#client-copy").click();
  assert.match(await page.locator("#code-message.error").innerText(), /^Przeglądarka zablokowała nowe okno/);
  assertClean(problems);
});

for (const [which, why] of [["pl", "a Polish conversation"], ["old", "a code made before languages"],
  ["hostile", "a code whose language no one speaks"]]) {
  test(`${why}: Polish, and a Polish copy`, { timeout: TEST_TIMEOUT }, async (t) => {
    const { page, problems } = await consoleWith(t, CODES[which]);
    assert.equal(await page.locator("#client-language").innerText(), "Język rozmowy klienta: polski");
    assert.equal(await page.locator("#client-copy").innerText(), "Wydrukuj kopię dla klienta");
    const { copy, problems: copyProblems } = await openClientCopy(page);
    await copy.locator("#copy-status[data-state=ready]").waitFor({ state: "attached" });
    assert.equal(await copy.locator("#copy").getAttribute("lang"), "pl");
    assert.match(await copy.locator("#copy-cards").innerText(), /Co możesz tu dostać[\s\S]*Dlaczego/);
    assert.equal(await page.locator("img").count(), 0, "no markup from the stored language");
    assertClean(copyProblems);
    assertClean(problems);
  });
}

test("a codes API answering with a language we do not speak (a changed server) leaves the console Polish", {
  timeout: TEST_TIMEOUT,
}, async (t) => {
  const { page, problems } = await newPage(t);
  await page.route("**/api/codes/**", (route) => route.fulfill({ json: { profile: PROFILE, language: "__proto__" } }));
  await loadCodeInConsole(page, WEB_URL, "ABC-DEF");
  assert.equal(await page.locator("#client-language").innerText(), "Język rozmowy klienta: polski");
  const { copy } = await openClientCopy(page);
  await copy.locator("#copy-status[data-state=ready]").waitFor({ state: "attached" });
  assert.equal(await copy.locator("#copy").getAttribute("lang"), "pl");
  assertClean(problems);
});

test("the copy opened by itself, or sent a profile the API refuses, tells the staff in Polish", {
  timeout: TEST_TIMEOUT,
}, async (t) => {
  const { page, problems } = await newPage(t);
  await page.goto(`${WEB_URL}/staff/copy?lang=uk`);
  const status = page.locator("#copy-status");
  await page.locator("#copy-status[data-state=orphan]").waitFor({ state: "attached" });
  assert.match(await status.innerText(), /^Tę kopię otwiera się w konsoli/);
  assert.ok(await page.locator("#copy-print").isDisabled(), "nothing to print");

  // A window of this origin that answers the copy with a profile the API refuses (400).
  const opened = page.waitForEvent("popup");
  await page.evaluate(() => {
    window.addEventListener("message", (event) => event.source.postMessage(
      { type: "drogowskaz:client-copy-profile", profile: { age: "dużo" } }, window.location.origin));
    window.open("/staff/copy?lang=uk", "refused");
  });
  const copy = await opened;
  await copy.locator("#copy-status[data-state=failed]").waitFor({ state: "attached" });
  assert.match(await copy.locator("#copy-status").innerText(), /^Nie udało się pobrać listy miejsc/);
  assert.ok(await copy.locator("#copy-print").isDisabled());
  assert.equal(await copy.locator("#copy-cards .card").count(), 0);

  const unknown = await page.context().newPage();
  await unknown.goto(`${WEB_URL}/staff/copy?lang=%3Cscript%3E`);
  assert.equal(await unknown.locator("html").getAttribute("lang"), "pl", "a language we do not speak: Polish");
  assertClean(problems);
});
