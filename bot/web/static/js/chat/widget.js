// The resident's chat: renders the conversation as text (never as HTML), quick replies as buttons,
// recommendations as cards, and keeps the conversation across reloads (see storage.js).
import { el } from "../dom.js";
import { t } from "../i18n.js";
import { recommendationCards, wouldOpenBox } from "../cards.js";
import { entriesFrom, explainPayload, languageOf, superseded, switchPayload } from "./messages.js";
import { connect } from "./connection.js";
import { clearState, loadState, saveHistory, saveSession } from "./storage.js";

const STATUS = {
  connecting: () => t("chat.status.connecting"),
  online: () => t("chat.status.online"),
  offline: () => t("chat.status.offline"),
  slow: () => t("chat.status.slow"),
};
const SLOW_MS = 20000;
// The page follows the conversation's language by loading itself again in it (its texts, `lang`,
// the screen readers' labels), once the bot's replies of the turn have arrived; the conversation
// and its history carry over (storage.js).
const SETTLE_MS = 1500;

export function mountChat(root) {
  const ui = {
    log: root.querySelector("#log"),
    form: root.querySelector("#composer"),
    input: root.querySelector("#message"),
    status: root.querySelector("#connection"),
    typing: root.querySelector("#typing"),
    restart: root.querySelector("#restart"),
    forget: root.querySelector("#forget"),
    language: root.querySelector("#language"),
  };
  const pageLanguage = document.documentElement.lang || "pl";
  let following = pageLanguage;
  let settleTimer = null;
  const state = loadState();
  let history = state.history;
  let greeted = history.length > 0;
  let forgetting = false;
  let slowTimer = null;

  const setStatus = (key) => {
    ui.status.textContent = STATUS[key]();
    ui.status.dataset.state = key;
  };
  const waiting = (on) => {
    ui.typing.hidden = !on;
    clearTimeout(slowTimer);
    if (on) slowTimer = setTimeout(() => { ui.typing.hidden = true; setStatus("slow"); }, SLOW_MS);
  };
  const persist = () => { if (!forgetting) saveHistory(history); };

  const connection = connect({
    url: root.dataset.rasaUrl,
    path: root.dataset.socketioPath || "/socket.io",
    sessionId: state.sessionId,
    onStatus: setStatus,
    onSession: (id) => {
      if (!forgetting) saveSession(id);
      if (!greeted) {
        greeted = true;
        // Starts the conversation: the bot introduces itself, in the page's language when it is not Polish.
        connection.send(pageLanguage === "pl" ? "/greet" : switchPayload(pageLanguage));
        waiting(true);
      }
    },
    onMessage: (message) => {
      waiting(false);
      following = languageOf(message) || following;
      for (const entry of entriesFrom(message)) addEntry(entry);
      followLanguage();
    },
  });

  function followLanguage() {
    clearTimeout(settleTimer);
    if (following === pageLanguage) return;
    settleTimer = setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set("lang", following);
      window.location.replace(url.toString());
    }, SETTLE_MS);
  }

  function render(entry, active) {
    const mine = entry.who === "user";
    const item = el("li", { class: `message ${mine ? "message-user" : "message-bot"}` },
      el("span", { class: "visually-hidden" }, `${mine ? t("chat.speaker_you") : t("chat.speaker_bot")} `));
    if (entry.recommendations) {
      item.classList.add("message-cards");
      item.append(recommendationCards(entry.recommendations, { toolControl: explainButton, level: 3 }));
      const openings = wouldOpenBox(entry.wouldOpen, { level: 3 });
      if (openings) item.append(openings);
      return item;
    }
    item.append(el("p", { class: "bubble" }, entry.text));
    if (active && entry.buttons && entry.buttons.length) item.append(quickReplies(entry.buttons));
    return item;
  }

  function quickReplies(buttons) {
    return el("div", { class: "quick-replies", role: "group", "aria-label": t("chat.quick_replies") },
      buttons.map((button) => el("button", { type: "button", class: "quick-reply", onclick: () => say(button.title, button.payload) }, button.title)));
  }

  function explainButton(detail) {
    const label = t("chat.explain_tool", { name: detail.name });
    return el("span", { class: "tool" },
      el("span", { class: "tool-name" }, detail.name), " ",
      el("button", {
        type: "button", class: "tool-explain", "aria-label": label,
        onclick: () => say(label, explainPayload(detail.id)),
      }, t("chat.explain")));
  }

  function redraw() {
    const lastUser = history.map((e) => e.who).lastIndexOf("user");
    ui.log.setAttribute("aria-busy", "true");
    ui.log.replaceChildren(...history.map((entry, i) => render(entry, i > lastUser)));
    ui.log.setAttribute("aria-busy", "false");
    scrollToEnd();
  }

  function addEntry(entry) {
    if (entry.recommendations) {
      const drop = superseded(history, entry.recommendations);
      if (drop.length) {
        history = history.filter((_, i) => !drop.includes(i));
        redraw();
      }
    }
    if (entry.who === "user") ui.log.querySelectorAll(".quick-replies").forEach((node) => node.remove());
    history.push(entry);
    ui.log.append(render(entry, true));
    persist();
    scrollToEnd();
  }

  function scrollToEnd() {
    const last = ui.log.lastElementChild;
    const calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (last) last.scrollIntoView({ block: "end", behavior: calm ? "auto" : "smooth" });
  }

  /** Show `shown` as the person's message and send `payload` (the same text when typed). */
  function say(shown, payload = shown) {
    if (ui.status.dataset.state === "slow") setStatus("online");
    if (forgetting) {
      // After "Usuń moje dane" nothing is stored again until the person writes something new.
      forgetting = false;
      saveSession(connection.sessionId());
    }
    addEntry({ who: "user", text: shown });
    connection.send(payload);
    waiting(true);
    ui.input.focus();
  }

  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = ui.input.value.trim();
    if (!text) return;
    ui.input.value = "";
    say(text);
  });

  ui.restart.addEventListener("click", () => {
    history = [];
    redraw();
    say(t("chat.restart"), "/restart");
  });

  ui.forget.addEventListener("click", () => {
    if (!window.confirm(t("chat.forget_confirm"))) return;
    clearState(); // this browser forgets at once; the bot deletes the stored conversation
    history = [];
    redraw();
    forgetting = true;
    connection.send("/delete_data");
    waiting(true);
  });

  if (ui.language) {
    ui.language.value = pageLanguage;
    ui.language.addEventListener("change", () => {
      const chosen = ui.language.value;
      say(ui.language.selectedOptions[0].textContent, switchPayload(chosen));
    });
  }

  setStatus("connecting");
  redraw();
}
