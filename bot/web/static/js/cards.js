// Recommendation cards, shared by the chat widget and the staff console: for each institution
// what you can get there, why it applies to you, where to go and what to bring.
import { append, el, safeUrl, telHref } from "./dom.js";
import { longDate, t, tParts } from "./i18n.js";

const defaultToolControl = (detail) => el("span", { class: "tool-name" }, detail.name);
// Warsaw's city contact line, when no verified address or number of an institution is known.
const CITY_LINE = "19115";
// The tools that fit the person best come first (the engine orders them); the rest wait behind "Więcej".
export const TOP_TOOLS = 3;

/**
 * @param {object} item one recommendation of POST /api/recommendations (or the bot's payload)
 * @param {object} options toolControl(detail, item) -> Node for each tool; level: heading level;
 *   staff: true in the staff console, which shows the research note behind an unconfirmed contact
 *   (the person sees how to check it instead)
 */
export function recommendationCard(item, { toolControl = defaultToolControl, level = 3, staff = false } = {}) {
  const sub = `h${Math.min(level + 1, 6)}`;
  const card = el("article", { class: "card" }, el(`h${level}`, { class: "card-title" }, item.name));

  const details = item.tool_details || [];
  const toolItem = (detail) => {
    const extra = (detail.reasons || []).filter((reason) => !(item.reasons || []).includes(reason));
    return el("li", {}, toolControl(detail, item), extra.map((reason) => el("p", { class: "tool-extra" }, reason)));
  };
  if (details.length) {
    card.append(el(sub, {}, t("card.tools")), el("ul", { class: "card-tools" }, details.slice(0, TOP_TOOLS).map(toolItem)));
    const more = details.slice(TOP_TOOLS);
    if (more.length) {
      card.append(el("details", { class: "card-more" },
        el("summary", {}, t("card.more", { count: more.length })), el("ul", { class: "card-tools" }, more.map(toolItem))));
    }
  }
  if ((item.reasons || []).length) {
    card.append(el(sub, {}, t("card.reasons")), el("ul", { class: "card-reasons" }, item.reasons.map((r) => el("li", {}, r))));
  }
  if ((item.steps || []).length) {
    card.append(el(sub, {}, t("card.steps")), el("ol", { class: "card-steps" }, item.steps.map((step) => el("li", {}, step.text))));
  }
  card.append(el(sub, {}, t("card.where")), where(item, staff));
  if ((item.documents || []).length) {
    card.append(el(sub, {}, t("card.documents")), el("ul", { class: "card-documents" }, item.documents.map((d) => el("li", {}, d))));
  }
  return card;
}

export function recommendationCards(items, options) {
  return el("div", { class: "card-list" }, items.map((item) => recommendationCard(item, options)));
}

/** Open every folded "Więcej" under `root`: on paper every tool is shown. */
export function unfoldAll(root) {
  root.querySelectorAll("details.card-more").forEach((box) => { box.open = true; });
}

/** What a change the person can make themselves would open (the payload's `would_open`), or null. */
export function wouldOpenBox(openings, { level = 3 } = {}) {
  if (!Array.isArray(openings) || !openings.length) return null;
  return el("aside", { class: "would-open" }, el(`h${level}`, {}, t("card.would_open")),
    el("ul", {}, openings.filter((o) => o && typeof o.text === "string").map((o) => el("li", {}, o.text))));
}

function phoneLink(phone) {
  const href = telHref(phone);
  return href ? el("a", { href }, phone) : phone;
}

function link(url, text) {
  const href = safeUrl(url);
  return href ? el("a", { href, rel: "noopener noreferrer", target: "_blank" }, text || new URL(href).hostname) : null;
}

/** For the person, under an unconfirmed contact: where to check it (its page, or phones that know). */
function howToCheck(contact) {
  const site = link(contact.url, null);
  return el("p", { class: "where-check" }, site ? tParts("contact.check_site", { url: site }) : t("contact.check_phone"));
}

function where(item, staff) {
  const contact = item.contact || {};
  const box = el("div", { class: "card-where" });
  if (contact.address || contact.phone || contact.name) {
    const lines = [];
    if (contact.name && contact.name !== item.name) lines.push(el("span", { class: "where-name" }, contact.name));
    if (contact.address) lines.push(el("span", {}, contact.address));
    if (contact.phone) lines.push(el("span", {}, tParts("card.phone", { phone: phoneLink(contact.phone) })));
    if (contact.email) lines.push(el("span", {}, t("card.email", { email: contact.email })));
    const site = link(contact.url, null);
    if (site) lines.push(el("span", {}, tParts("card.site", { site })));
    box.append(el("p", { class: "where-lines" }, lines.map((line, n) => [n ? el("br") : null, line])));
    const source = link(contact.source_url, t("card.source_link")) || t("card.source_link");
    const when = contact.source_date ? t("card.source_dated", { date: longDate(contact.source_date) }) : t("card.source_undated");
    const doubt = contact.confirmed ? "" : t("contact.unconfirmed");
    box.append(el("p", { class: "where-source" }, tParts("card.source", { source, when, doubt })));
    if (!contact.confirmed && staff && contact.notes) {
      box.append(el("p", { class: "where-notes" }, el("strong", {}, `${t("card.caveat")} `), contact.notes));
    } else if (!contact.confirmed && !staff) {
      box.append(howToCheck(contact));
    }
    return box;
  }
  if (item.note) return append(box, [el("p", { class: "card-note" }, item.note)]);
  const fallback = item.fallback_contact || {};
  const phones = [fallback.phone, ...(fallback.phones || [])].filter(Boolean);
  if (phones.length) {
    const numbers = phones.map((phone, n) => [n ? t("card.phone_or") : "", phoneLink(phone)]);
    box.append(el("p", {}, tParts("card.no_address", { phones: numbers })));
  } else {
    box.append(el("p", {}, tParts("card.no_address_city", { phone: phoneLink(CITY_LINE) })));
  }
  const site = link(fallback.url, null);
  if (site) box.append(el("p", {}, tParts("card.fallback_site", { site })));
  return box;
}
