// Browser tests (draft, not part of `make test`): headless Chromium drives the resident page and
// the staff console of the real web app; a scripted stand-in (fake_rasa.py) plays Rasa's socketio
// channel. See README.md here for how to run them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = resolve(import.meta.dirname, "../../..");
const PYTHON = join(ROOT, ".venv/bin/python");
const ARTIFACTS = join(ROOT, "tests/artifacts/browser");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const freePort = () => new Promise((done) => {
  const server = createServer().listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    server.close(() => done(port));
  });
});

async function waitUp(url, child, seconds = 60) {
  for (let i = 0; i < seconds * 5; i += 1) {
    if (child.exitCode !== null) throw new Error(`${url}: exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

let web, rasa, browser, base, rasaUrl;
const children = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const [webPort, rasaPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${webPort}`;
  rasaUrl = `http://127.0.0.1:${rasaPort}`;
  const tmp = mkdtempSync(join(tmpdir(), "drogowskaz-browser-"));
  rasa = spawn(PYTHON, [join(ROOT, "tests/web/browser/fake_rasa.py"), String(rasaPort)], { cwd: ROOT, stdio: "inherit" });
  web = spawn(PYTHON, ["-m", "bot.web"], {
    cwd: ROOT, stdio: "inherit",
    env: { ...process.env, WEB_PORT: String(webPort), DATABASE_URL: `sqlite:///${tmp}/kb.db`, RASA_PUBLIC_URL: rasaUrl },
  });
  children.push(rasa, web);
  await waitUp(`${rasaUrl}/`, rasa);
  await waitUp(`${base}/api/health`, web);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
});

after(async () => {
  if (browser) await browser.close();
  for (const child of children) child.kill("SIGTERM");
});

async function newPage(t, viewport = { width: 390, height: 844 }) {
  const context = await browser.newContext({ viewport, locale: "pl-PL" });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
  page.on("dialog", (dialog) => { problems.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  t.after(() => context.close());
  return { page, problems, context };
}

const received = async () => (await fetch(`${rasaUrl}/received`)).json();

test("the widget greets, sends quick replies and shows their titles", async (t) => {
  const { page, problems } = await newPage(t);
  await page.goto(`${base}/`);
  await page.getByText("Jaka jest teraz Twoja sytuacja zawodowa?").waitFor();
  await page.getByRole("button", { name: "Pracuję" }).click();
  await page.locator(".message-user .bubble", { hasText: "Pracuję" }).waitFor();
  assert.ok((await received()).some((m) => m.message === "/sit_employed"));
  assert.equal(await page.locator(".quick-reply").count(), 0, "used quick replies disappear");
  await page.screenshot({ path: join(ARTIFACTS, "resident-phone.png"), fullPage: true });
  assert.deepEqual(problems, []);
});

test("messages are text: markup from a person or the bot is never run", async (t) => {
  const { page, problems } = await newPage(t);
  await page.goto(`${base}/`);
  await page.getByLabel("Twoja wiadomość").fill("xss");
  await page.keyboard.press("Enter");
  await page.locator(".message-bot .bubble", { hasText: "<img src=x onerror=alert(1)>" }).waitFor();
  assert.equal(await page.locator("#log img").count(), 0);
  assert.deepEqual(problems, []);
});

test("recommendations become cards, and a tool can be explained", async (t) => {
  const { page } = await newPage(t, { width: 1280, height: 900 });
  await page.goto(`${base}/`);
  await page.getByLabel("Twoja wiadomość").fill("szukam pracy");
  await page.getByRole("button", { name: "Wyślij" }).click();
  const card = page.locator(".card", { hasText: "Urząd Pracy m.st. Warszawy" });
  await card.waitFor();
  assert.equal(await page.locator(".bubble", { hasText: "1. Urząd Pracy" }).count(), 0, "the numbered text gave way to the card");
  assert.equal(await card.locator('a[href^="javascript"]').count(), 0);
  await card.getByRole("button", { name: "Wyjaśnij: Staż" }).click();
  await page.getByText('Wyjaśniam: /ask_what_is{"tool":"staz"}').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, "resident-cards.png"), fullPage: true });
});

test("a reload keeps the conversation and its session", async (t) => {
  const { page } = await newPage(t);
  await page.goto(`${base}/`);
  await page.getByText("Jaka jest teraz Twoja sytuacja zawodowa?").waitFor();
  const session = await page.evaluate(() => localStorage.getItem("drogowskaz.session"));
  await page.reload();
  await page.getByText("Jaka jest teraz Twoja sytuacja zawodowa?").waitFor();
  const requests = (await received()).filter((m) => m.event === "session_request");
  assert.equal(requests.at(-1).session_id, session);
});

test("the keyboard reaches everything on the resident page", async (t) => {
  const { page } = await newPage(t);
  await page.goto(`${base}/`);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Przejdź do pola wiadomości");
  await page.keyboard.press("Enter");
  await page.keyboard.type("xss");
  await page.keyboard.press("Enter");
  await page.locator(".message-user .bubble", { hasText: "xss" }).waitFor();
});

test("the staff console recommends as the form changes, loads a code and prints", async (t) => {
  const { page, problems } = await newPage(t, { width: 1366, height: 900 });
  await page.goto(`${base}/staff`);
  await page.getByLabel("Sytuacja zawodowa", { exact: true }).selectOption("registered_unemployed");
  await page.locator('fieldset[data-field="social_assistance"]').getByLabel("Tak").check();
  await page.getByLabel("Wiek", { exact: true }).fill("52");
  await page.locator(".card", { hasText: "Urząd Pracy m.st. Warszawy" }).waitFor();
  assert.match(await page.locator("#missing").textContent(), /Warto dopytać o: /);
  await page.locator("summary", { hasText: "Staż" }).first().click();
  await page.getByText("Kto może skorzystać").first().waitFor();
  await page.screenshot({ path: join(ARTIFACTS, "staff.png"), fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: join(ARTIFACTS, "staff-print.png"), fullPage: true });
  assert.equal(await page.locator("#profile-form").isVisible(), false, "the form is not printed");
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: "Nowy klient" }).click();
  assert.equal(await page.getByLabel("Wiek", { exact: true }).inputValue(), "");
  await page.getByLabel("Wczytaj z kodu rozmowy").fill("ZZZ-ZZZ");
  await page.getByRole("button", { name: "Wczytaj", exact: true }).click();
  await page.getByText("Nie ma takiego kodu").waitFor();
  assert.deepEqual(problems.filter((p) => !p.includes("404")), []);
});
