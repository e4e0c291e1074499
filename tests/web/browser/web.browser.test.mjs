// Browser tests against the real services: headless Debian Chromium (driven by playwright-core)
// opens the real web app, whose chat widget talks to the real Rasa server over socket.io.
// Started by tests/e2e/test_e2e_browser.py, which starts the services and sets:
//   WEB_URL (the web app), RASA_URL (Rasa), CHROMIUM (the browser binary), ARTIFACTS_DIR (screenshots).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  DESKTOP, PHONE, XSS, assertClean, assertUkrainianCopy, loadCodeInConsole, newPage as openPage, openClientCopy, scrollTo,
  shot, useBrowser, waitForCodeResults,
} from "./browser.mjs";

const { WEB_URL, ARTIFACTS_DIR } = process.env;
const FIRST_MESSAGE = "mam 52 lata, nie mam pracy ani zasiłku, mieszkam na Woli";
const BOT_TIMEOUT = 30_000; // one answer of the bot (NLU, actions, database)
const TEST_TIMEOUT = 90_000;

const browser = useBrowser(["WEB_URL", "RASA_URL"], "tests/e2e/test_e2e_browser.py");
const newPage = (t, viewport, options) => openPage(browser(), t, viewport, options);

/** Wait until the chat log has stopped growing (the bot sends a turn as several messages). */
async function settle(page, quietMs = 1200) {
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + BOT_TIMEOUT;
  while (Date.now() < deadline) {
    const count = await page.locator("#log > li").count();
    const typing = await page.locator("#typing").isVisible();
    if (count !== last || typing) {
      last = count;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      return count;
    }
    await page.waitForTimeout(150);
  }
  throw new Error("the chat did not settle (the bot kept typing)");
}

async function openChat(page) {
  await page.goto(`${WEB_URL}/`);
  await page.locator("#connection[data-state=online]").waitFor();
  // The widget greets by itself: the introduction and the first question with quick replies.
  await page.locator(".message-bot .bubble", { hasText: "Jestem Drogowskaz" }).waitFor();
  await settle(page);
}

async function send(page, text) {
  await page.locator("#message").fill(text); // "Twoja wiadomość", "Ваше повідомлення", …: the page's language
  await page.locator("#send").click();
  await page.locator(".message-user .bubble", { hasText: text }).last().waitFor();
}

const YES = ["Tak", "Так", "Yes"];
const NO = ["Nie", "Ні", "No"];

/**
 * What a 52-year-old from Wola without a job, benefit or certificate answers to a question, in any of the
 * assistant's languages: `{ click }` a quick reply, or `{ type }` a message (the age and the district have
 * no button for them: only "prefer not to say" and "outside Warsaw").
 */
function answerFor(question, titles) {
  const pick = (options) => options.find((title) => titles.includes(title));
  if (/Ile masz lat|Скільки вам років|How old/i.test(question)) return { type: "52" };
  if (/dzielnicy Warszawy|районі Варшави|district of Warsaw/i.test(question)) return { type: "Wola" };
  if (/status osoby bezrobotnej|ośrod\S* pomocy społecznej/.test(question) && pick(YES)) return { click: pick(YES) };
  return { click: pick(NO) || titles[0] };
}

/** Answer the bot's questions (quick replies, or typed where it asks for a number or a place) until the cards come. */
async function answerUntilCards(page, limit = 8) {
  const cards = page.locator(".message-cards .card");
  const asked = [];
  for (let turn = 0; turn < limit; turn += 1) {
    await settle(page);
    if (await cards.count()) return asked;
    const withReplies = page.locator(".message-bot:has(.quick-replies)").last(); // only the current question has them
    const last = (await withReplies.count()) ? withReplies : page.locator(".message-bot:has(.bubble)").last();
    const question = await last.locator(".bubble").innerText();
    const titles = await last.locator(".quick-reply").allInnerTexts();
    const answer = answerFor(question, titles);
    assert.ok(answer.type || answer.click, `no answer to "${question}"; the chat so far:\n${await page.locator("#log").innerText()}`);
    asked.push(`${question} → ${answer.type || answer.click}`);
    if (answer.type) {
      await send(page, answer.type);
    } else {
      await last.getByRole("button", { name: answer.click, exact: true }).click();
      await page.locator(".message-user .bubble", { hasText: answer.click }).last().waitFor();
    }
  }
  assert.fail(`no recommendation cards after ${limit} answers:\n${asked.join("\n")}`);
}

/** "podsumuj" (or `ask` in another language): the summary whose `label` is followed by the conversation code. */
async function askForCode(page, { ask = "podsumuj", label = "Kod rozmowy" } = {}) {
  await send(page, ask);
  const summary = page.locator(".message-bot .bubble", { hasText: `${label}:` }).last();
  await summary.waitFor();
  const text = await summary.innerText();
  const code = new RegExp(`${label}: ([A-Z0-9]{3}-[A-Z0-9]{3})`).exec(text);
  assert.ok(code, `a code in the summary: ${text}`);
  return { code: code[1], text };
}

// One conversation for the first two tests: the reload continues it.
let conversation = null;

test("a resident goes from the first message to the recommendation cards", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, problems, context } = await newPage(t, PHONE, { keep: true }); // the reload test closes it
  conversation = { page, problems, context };
  await openChat(page);
  assert.ok(await page.locator(".quick-reply").count(), "the first question comes with quick replies");
  await send(page, FIRST_MESSAGE);
  const asked = await answerUntilCards(page);
  t.diagnostic(`questions: ${asked.join(" | ") || "none"}`);
  const labourOffice = page.locator(".message-cards .card", { hasText: "Urząd Pracy" }).first();
  await labourOffice.waitFor();
  assert.match(await labourOffice.innerText(), /Dlaczego/);
  assert.match(await labourOffice.locator(".card-steps").innerText(), /Zarejestruj|urz/i, "the first step is on the card");
  // The three tools that fit best are shown; the rest wait behind "Więcej".
  assert.equal(await labourOffice.locator(":scope > .card-tools > li").count(), 3, "three tools first");
  const more = labourOffice.locator("details.card-more");
  assert.match(await more.locator("summary").innerText(), /^Więcej \(\d+\)$/);
  assert.equal(await more.locator("li").first().isVisible(), false, "the rest is folded");
  await more.locator("summary").click();
  assert.ok(await more.locator("li").first().isVisible(), "and opens on request");
  assert.equal(await page.locator(".message-bot .bubble", { hasText: /^1\. / }).count(), 0, "the numbered texts gave way to the cards");
  // An unconfirmed address says how to check it; the research note behind the doubt is for the staff.
  assert.match(await labourOffice.locator(".where-check").innerText(), /Jak to sprawdzić: strona warszawa\.praca\.gov\.pl/);
  assert.equal(await page.locator(".message-cards .where-notes").count(), 0, "no research note in the chat");
  await settle(page);
  const sideways = await page.evaluate(() => [document.documentElement, document.getElementById("log")]
    .filter((node) => node && node.scrollWidth > node.clientWidth + 1).map((node) => node.id || node.tagName));
  assert.deepEqual(sideways, [], "nothing scrolls sideways on a phone");
  await scrollTo(labourOffice);
  await shot(page, "resident-phone");
  await page.setViewportSize(DESKTOP);
  await scrollTo(labourOffice);
  await shot(page, "resident-desktop");
  await page.setViewportSize(PHONE);
  assertClean(problems);
});

test("a reload keeps the conversation, and the next answer continues it", { timeout: TEST_TIMEOUT }, async (t) => {
  assert.ok(conversation, "needs the conversation of the previous test");
  const { page, problems, context } = conversation;
  t.after(() => context.close());
  const session = await page.evaluate(() => localStorage.getItem("drogowskaz.session"));
  const before = await page.locator("#log > li").count();
  assert.ok(session, "the session id is stored");
  await page.reload();
  await page.locator("#connection[data-state=online]").waitFor();
  await page.locator(".message-user .bubble", { hasText: FIRST_MESSAGE }).waitFor();
  await page.locator(".message-cards .card", { hasText: "Urząd Pracy" }).first().waitFor();
  assert.equal(await page.locator("#log > li").count(), before, "every message is shown again");
  assert.equal(await page.evaluate(() => localStorage.getItem("drogowskaz.session")), session, "the same session");
  await page.waitForTimeout(1000);
  assert.equal(await page.locator("#log > li").count(), before, "no new greeting after the reload");
  // Rasa still knows what was said before the reload: the summary repeats it.
  const { text } = await askForCode(page);
  assert.match(text, /wiek: 52/);
  assert.match(text, /dzielnica: Wola/);
  assertClean(problems);
});

test("a resident not registered at the labour office sees what registering would open", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, problems } = await newPage(t);
  await openChat(page);
  await send(page, "mam 34 lata, nie mam pracy i nie jestem zarejestrowany w urzędzie pracy, mieszkam na Bemowie");
  await answerUntilCards(page);
  const openings = page.locator(".message-cards .would-open");
  await openings.waitFor();
  assert.match(await openings.innerText(), /Jeśli zarejestrujesz się w urzędzie pracy[\s\S]*Staż/);
  assert.equal(await page.locator(".message-bot .bubble", { hasText: /^Co może otworzyć więcej możliwości/ }).count(), 0,
    "the text gave way to the box on the cards");
  assertClean(problems);
});

test("markup typed in the chat is shown as text and never run", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, problems } = await newPage(t);
  await openChat(page);
  const before = await page.locator("#log > li").count();
  await send(page, XSS);
  const bubble = page.locator(".message-user .bubble").last();
  assert.equal(await bubble.textContent(), XSS, "shown exactly as typed");
  await page.waitForFunction((n) => document.querySelectorAll("#log > li").length > n + 1, before); // the bot answered
  await settle(page);
  assert.equal(await page.locator("#log img").count(), 0, "no image element in the chat");
  assert.equal(await page.locator('img[src="x"]').count(), 0, "no image element anywhere");
  assert.equal(await page.evaluate(() => localStorage.getItem("drogowskaz.history").includes("<img src=x")), true, "stored as text");
  await page.reload();
  await page.locator(".message-user .bubble", { hasText: XSS }).waitFor();
  assert.equal(await page.locator("#log img").count(), 0, "not after a reload from localStorage either");
  assertClean(problems);
});

test("the staff console goes from an empty form to the print view", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, problems } = await newPage(t, DESKTOP);
  await page.goto(`${WEB_URL}/staff`);
  const status = page.locator("#results-status");
  await status.filter({ hasText: /\S/ }).waitFor();
  const cards = page.locator("#cards .card");
  const initially = await cards.count();
  assert.equal(await page.locator("#f-age").inputValue(), "", "the form starts empty");

  // The form asks for recommendations 300 ms after the last change: wait for the answer to the
  // form's final state, or a late answer would redraw the cards under the test's feet.
  const answerWith = (part) => page.waitForResponse((response) =>
    response.url().endsWith("/api/recommendations") && (response.request().postData() || "").includes(part));
  const titles = () => page.locator("#cards .card-title").allInnerTexts();

  let answered = answerWith('"work_status":"registered_unemployed"');
  await page.locator("#f-work_status").selectOption("registered_unemployed");
  await answered;
  const labourOffice = cards.filter({ hasText: "Urząd Pracy" }).first();
  await labourOffice.waitFor();
  const first = await titles();

  answered = answerWith('"district":"Wola"');
  await page.locator('fieldset[data-field="unemployment_benefit"] input[value="false"]').check();
  await page.locator('fieldset[data-field="social_assistance"] input[value="true"]').check();
  await page.locator("#f-age").fill("52");
  await page.locator("#f-age").press("Tab"); // leaves the field, as a person does: `change` fires now
  await page.locator("#f-district").selectOption("Wola");
  await answered;
  await cards.filter({ hasText: "Ośrodek Pomocy Społecznej" }).first().waitFor();
  await page.waitForFunction(() => /Pasuj/.test(document.querySelector("#results-status").textContent));
  const last = await titles();
  t.diagnostic(`cards: ${initially} → ${first.length} → ${last.length}; ${await status.innerText()}`);
  assert.notDeepEqual(last, first, "the recommendations follow the form");
  assert.match(await labourOffice.innerText(), /Dlaczego/);
  assert.match(await page.locator("#situation").innerText(), /Wiek: 52[\s\S]*Dzielnica: Wola/);
  assert.match(await labourOffice.locator(".where-notes").innerText(), /^Uwaga: .*2024/, "the staff see the research note");

  // A tool's details are fetched when opened.
  const details = labourOffice.locator("details.tool-details").first();
  await details.locator("summary").click();
  await details.getByText("Kto może skorzystać").waitFor();

  await scrollTo(page.locator("#results-heading"));
  await shot(page, "staff-desktop");
  await page.setViewportSize(PHONE);
  await scrollTo(page.locator("#results-heading"));
  await shot(page, "staff-phone");
  await page.setViewportSize(DESKTOP);
  assert.ok(await details.evaluate((node) => node.open), "the tool's details stay open");

  // Health problems without a certificate: the console says what a certificate would open.
  answered = answerWith('"health_limitations":true');
  await page.locator('fieldset[data-field="health_limitations"] input[value="true"]').check();
  await answered;
  const openings = page.locator("#cards .would-open");
  await openings.waitFor();
  assert.match(await openings.innerText(), /Jeśli uzyskasz orzeczenie o niepełnosprawności[\s\S]*PFRON/);
  assert.match(await labourOffice.locator(".card-steps").innerText(), /\S/, "the first step is on the card");
  assert.ok(await labourOffice.locator("details.card-more").count(), "more than three tools: the rest behind Więcej");

  // Printing: the browser fires `beforeprint` (the date is stamped then) and applies print media.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  assert.match(await page.locator(".print-header").innerText(), /Podsumowanie z \d{1,2} \S+ \d{4} r\./, "dated");
  assert.equal(await page.locator("#profile-form").isVisible(), false, "the form is not printed");
  assert.equal(await page.locator("#code-form").isVisible(), false, "nor the code field");
  assert.ok(await page.locator(".print-header").isVisible(), "the print header is");
  assert.ok(await page.locator("#situation").isVisible(), "the summary of the situation is printed");
  assert.match(await page.locator("#situation").innerText(), /52/);
  assert.ok(await labourOffice.isVisible(), "and the recommendations");
  assert.ok(await openings.isVisible(), "with what registering would open");
  assert.ok(await labourOffice.locator(".card-steps").isVisible(), "and the first steps");
  for (const box of await page.locator("#cards details.card-more").all()) {
    assert.ok(await box.evaluate((node) => node.open), "every tool is printed, also those behind Więcej");
  }
  await page.screenshot({ path: join(ARTIFACTS_DIR, "staff-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  assertClean(problems);
});

test("an open tool's details stay open when a field is left without a change", {
  timeout: TEST_TIMEOUT,
}, async (t) => {
  const { page } = await newPage(t, DESKTOP);
  await page.goto(`${WEB_URL}/staff`);
  const answered = page.waitForResponse((response) => (response.request().postData() || "").includes('"age":52'));
  await page.locator("#f-work_status").selectOption("registered_unemployed");
  await page.locator("#f-age").fill("52"); // the cursor stays in the field
  await answered;
  const details = page.locator("#cards details.tool-details").first();
  await details.locator("summary").click(); // leaves the field
  await details.getByText("Kto może skorzystać").waitFor();
  await page.waitForTimeout(1000); // past the form's 300 ms debounce and the answer
  assert.ok(await details.evaluate((node) => node.open), "still open");
});

let botCode = null; // the code of the next test, for the one after it

async function loadCode(t, typed) {
  const { page, problems } = await newPage(t, DESKTOP);
  assert.match(await loadCodeInConsole(page, WEB_URL, typed), /Wczytano dane z kodu/, `the code "${typed}" is loaded`);
  assert.equal(await page.locator("#f-age").inputValue(), "52");
  assert.equal(await page.locator("#f-district").inputValue(), "Wola");
  assert.ok(await page.locator('fieldset[data-field="unemployment_benefit"] input[value="false"]').isChecked());
  await page.locator("#cards .card", { hasText: "Urząd Pracy" }).first().waitFor();
  assert.match(await page.locator("#situation").innerText(), /Wola/);
  assert.equal(await page.locator("#client-language").innerText(), "Język rozmowy klienta: polski");
  assert.equal(await page.locator("#client-copy").innerText(), "Wydrukuj kopię dla klienta");
  assertClean(problems);
}

test("a conversation code from the bot fills the staff console", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, problems } = await newPage(t);
  await openChat(page);
  await send(page, FIRST_MESSAGE);
  await settle(page);
  const { code } = await askForCode(page);
  botCode = code;
  t.diagnostic(`code ${code}`);
  assertClean(problems);
  await loadCode(t, code.toLowerCase()); // as staff may type it: lower case, with the dash
});

test("a code typed with a space instead of the dash is loaded too", {
  timeout: TEST_TIMEOUT,
}, async (t) => {
  assert.ok(botCode, "needs the code of the previous test");
  await loadCode(t, botCode.toLowerCase().replace("-", " "));
});

test("markup in the staff console's code field is shown as text and never run", { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, problems } = await newPage(t, DESKTOP);
  await page.goto(`${WEB_URL}/staff`);
  await page.locator("#results-status").filter({ hasText: /\S/ }).waitFor();
  const field = page.getByLabel("Wczytaj z kodu rozmowy");
  await field.fill(XSS); // the browser keeps maxlength=12 …
  assert.equal(await field.inputValue(), XSS.slice(0, 12));
  await field.evaluate((input, value) => { input.value = value; }, XSS); // … a changed page would not
  const answer = page.waitForResponse((response) => response.url().includes("/api/codes/"));
  await page.getByRole("button", { name: "Wczytaj", exact: true }).click();
  assert.equal((await answer).status(), 400);
  await page.locator("#code-message.error").filter({ hasText: /\S/ }).waitFor();
  assert.equal(await field.inputValue(), XSS, "the field still holds the text");
  assert.doesNotMatch(await page.locator("#code-message").innerText(), /<img/);
  assert.equal(await page.locator("img").count(), 0, "no image element in the page");
  // The failed request itself is logged by Chromium as a console error; nothing else may be.
  assertClean(problems, { allowConsole: (text) => /status of 400/.test(text) });
});

// Issue 14: the widget in Ukrainian on a phone, then the staff console with that conversation's code.
const UK_FIRST_MESSAGE = "Добрий день, мені 52 роки, я без роботи і без допомоги з безробіття, живу на Волі";
const CYRILLIC = /[а-яіїєґ]/i;
let ukrainian = null; // the conversation of the next test, for the one after it

/** After the bot's turn in another language the widget loads the page again in it (`?lang=`). */
async function followedTo(page, lang) {
  await page.waitForURL((url) => url.searchParams.get("lang") === lang);
  await page.locator("#connection[data-state=online]").waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), lang);
  assert.equal(await page.locator("#language").inputValue(), lang, "the switch shows the language");
  await settle(page);
}

test("a resident writing in Ukrainian on a phone gets the page, the switch and the cards in Ukrainian", {
  timeout: 150_000,
}, async (t) => {
  const { page, problems, context } = await newPage(t, PHONE, { keep: true }); // the next test closes it
  ukrainian = { page, problems, context };
  await openChat(page);
  await send(page, UK_FIRST_MESSAGE);
  await followedTo(page, "uk");
  assert.match(await page.locator("h1").innerText(), CYRILLIC, "the page's own text in Ukrainian");
  assert.equal(await page.locator("#send").innerText(), "Надіслати");
  assert.match(await page.locator(".message-bot .bubble").last().innerText(), CYRILLIC, "and the bot's");
  const asked = await answerUntilCards(page);
  t.diagnostic(`questions: ${asked.join(" | ") || "none"}`);
  const card = page.locator(".message-cards .card").first();
  assert.match(await card.locator(".card-title").innerText(), /^[^а-яіїєґ]+\(.*[а-яіїєґ]/i, "a Polish name, then its translation");
  const words = await card.innerText();
  for (const heading of ["Що тут можна отримати", "Чому", "Де"]) assert.ok(words.includes(heading), `${heading} in ${words}`);
  assert.match(await card.locator(".card-reasons").innerText(), CYRILLIC, "the reasons in Ukrainian");
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
  assert.equal(sideways, false, "nothing scrolls sideways on a phone");
  await scrollTo(card);
  await shot(page, "resident-phone-uk");

  await page.locator("#language").selectOption("en");
  await followedTo(page, "en");
  assert.equal(await page.locator("#send").innerText(), "Send");
  assert.doesNotMatch(await page.locator(".message-bot .bubble").last().innerText(), CYRILLIC, "the bot goes on in English");
  await page.locator("#language").selectOption("uk");
  await followedTo(page, "uk");
  assert.equal(await page.locator("#send").innerText(), "Надіслати");
  assert.ok(await page.locator(".message-cards .card").count(), "the cards are still there");
  assertClean(problems);
});

test("the staff console loads a Ukrainian conversation's code: Polish for the staff, a Ukrainian copy for the client", {
  timeout: TEST_TIMEOUT,
}, async (t) => {
  assert.ok(ukrainian, "needs the conversation of the previous test");
  const { page: chat, problems: chatProblems, context } = ukrainian;
  t.after(() => context.close());
  const { code } = await askForCode(chat, { ask: "підсумуй", label: "Код розмови" });
  t.diagnostic(`code ${code}`);
  assertClean(chatProblems);

  const { page, problems } = await newPage(t, DESKTOP);
  assert.match(await loadCodeInConsole(page, WEB_URL, code.toLowerCase()), /^Wczytano dane z kodu/);
  await waitForCodeResults(page);
  assert.equal(await page.locator("#client-language").innerText(), "Język rozmowy klienta: ukraiński");
  assert.equal(await page.locator("#client-copy").innerText(), "Wydrukuj kopię dla klienta (po ukraińsku)");
  const situation = await page.locator("#situation").innerText();
  assert.match(situation, /^Sytuacja/, "the summary, in Polish");
  assert.doesNotMatch(situation + (await page.locator("#cards").innerText()), CYRILLIC, "nothing in Ukrainian for the staff");
  await shot(page, "staff-uk-code");

  const { copy, problems: copyProblems } = await openClientCopy(page);
  await assertUkrainianCopy(copy);
  await shot(copy, "client-copy-uk");
  assertClean(copyProblems);
  assertClean(problems);
  // Last, as they depend on the model reading the first message: the facts the person wrote came through.
  assert.match(situation, /Wiek: 52[\s\S]*Dzielnica: Wola/);
});
