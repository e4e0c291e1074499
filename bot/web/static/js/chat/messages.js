// Rasa's socket.io messages -> the entries the widget shows and stores:
//   {who: "user", text} | {who: "bot", text, buttons?: [{title, payload}]} | {who: "bot", recommendations, wouldOpen}
import { t } from "../i18n.js";

/** Entries from one `bot_uttered` message (text, quick replies, the custom recommendation payload). */
export function entriesFrom(message) {
  const entries = [];
  const custom = recommendationsOf(message);
  if (custom) entries.push({ who: "bot", recommendations: custom.recommendations, wouldOpen: custom.would_open || [] });
  if (typeof message.text === "string" && message.text.trim()) {
    const buttons = buttonsOf(message);
    entries.push(buttons.length ? { who: "bot", text: message.text, buttons } : { who: "bot", text: message.text });
  }
  return entries;
}

function recommendationsOf(message) {
  // Top level (a fixed socketio output channel), or wrapped as Rasa's REST channel does ("custom"),
  // or as "data" (socket.io's own emit argument).
  for (const candidate of [message, message.custom, message.data]) {
    if (candidate && Array.isArray(candidate.recommendations)) return candidate;
  }
  return null;
}

/** The language the conversation goes on in, when this message says it changed (actions/language.py). */
export function languageOf(message) {
  for (const candidate of [message, message.custom, message.data]) {
    if (candidate && typeof candidate.language === "string") return candidate.language;
  }
  return null;
}

/** The intent payload that switches the conversation's language (domain intent `switch_language`). */
export function switchPayload(lang) {
  return `/switch_language${JSON.stringify({ language: lang })}`;
}

function buttonsOf(message) {
  const raw = message.quick_replies || message.buttons || [];
  return Array.isArray(raw)
    ? raw.filter((b) => b && typeof b.title === "string" && typeof b.payload === "string")
        .map((b) => ({ title: b.title, payload: b.payload }))
    : [];
}

/** The intent payload that asks the bot to explain a tool (domain intent `ask_what_is`, entity `tool`). */
export function explainPayload(toolId) {
  return `/ask_what_is${JSON.stringify({ tool: toolId })}`;
}

/**
 * The bot sends the recommended institutions as texts ("1. Name\n…" for the first few, then
 * reply.other_places "A; B.", then reply.would_open and the list) and then the same data as cards;
 * the cards replace those texts (the bot's replies use the same catalogue entries). Returns the
 * indexes (into `history`) to drop: such bot texts after the last user message that name a
 * recommended institution.
 */
export function superseded(history, recommendations) {
  const names = recommendations.map((item) => item.name).filter(Boolean);
  const otherPlaces = t("reply.other_places");
  const wouldOpen = t("reply.would_open");
  const drop = [];
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const entry = history[i];
    if (entry.who === "user") break;
    if (typeof entry.text !== "string") continue;
    const first = entry.text.split("\n")[0];
    const numbered = /^\d+\.\s+(.+)$/.exec(first);
    if (numbered && names.includes(numbered[1].trim())) drop.push(i);
    else if (first.startsWith(otherPlaces) && names.some((name) => first.includes(name))) drop.push(i);
    else if (first === wouldOpen) drop.push(i);
  }
  return drop;
}
