// Recommendation cards, shared by the chat widget and the staff console: for each institution
// what you can get there, why it applies to you, where to go and what to bring.
import { append, el, polishDate, safeUrl, telHref } from "./dom.js";

const defaultToolControl = (detail) => el("span", { class: "tool-name" }, detail.name);
// The tools that fit the person best come first (the engine orders them); the rest wait behind "Więcej".
export const TOP_TOOLS = 3;

/**
 * @param {object} item one recommendation of POST /api/recommendations (or the bot's payload)
 * @param {object} options toolControl(detail, item) -> Node for each tool; level: heading level
 */
export function recommendationCard(item, { toolControl = defaultToolControl, level = 3 } = {}) {
  const sub = `h${Math.min(level + 1, 6)}`;
  const card = el("article", { class: "card" }, el(`h${level}`, { class: "card-title" }, item.name));

  const details = item.tool_details || [];
  const toolItem = (detail) => {
    const extra = (detail.reasons || []).filter((reason) => !(item.reasons || []).includes(reason));
    return el("li", {}, toolControl(detail, item), extra.map((reason) => el("p", { class: "tool-extra" }, reason)));
  };
  if (details.length) {
    card.append(el(sub, {}, "Co możesz tu dostać"), el("ul", { class: "card-tools" }, details.slice(0, TOP_TOOLS).map(toolItem)));
    const more = details.slice(TOP_TOOLS);
    if (more.length) {
      card.append(el("details", { class: "card-more" },
        el("summary", {}, `Więcej (${more.length})`), el("ul", { class: "card-tools" }, more.map(toolItem))));
    }
  }
  if ((item.reasons || []).length) {
    card.append(el(sub, {}, "Dlaczego"), el("ul", { class: "card-reasons" }, item.reasons.map((r) => el("li", {}, r))));
  }
  if ((item.steps || []).length) {
    card.append(el(sub, {}, "Jak zacząć"), el("ol", { class: "card-steps" }, item.steps.map((step) => el("li", {}, step.text))));
  }
  card.append(el(sub, {}, "Gdzie"), where(item));
  if ((item.documents || []).length) {
    card.append(el(sub, {}, "Co zabrać"), el("ul", { class: "card-documents" }, item.documents.map((d) => el("li", {}, d))));
  }
  return card;
}

export function recommendationCards(items, options) {
  return el("div", { class: "card-list" }, items.map((item) => recommendationCard(item, options)));
}

/** What a change the person can make themselves would open (the payload's `would_open`), or null. */
export function wouldOpenBox(openings, { level = 3 } = {}) {
  if (!Array.isArray(openings) || !openings.length) return null;
  return el("aside", { class: "would-open" }, el(`h${level}`, {}, "Co może otworzyć więcej możliwości"),
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

function where(item) {
  const contact = item.contact || {};
  const box = el("div", { class: "card-where" });
  if (contact.address || contact.phone || contact.name) {
    const lines = [];
    if (contact.name && contact.name !== item.name) lines.push(el("span", { class: "where-name" }, contact.name));
    if (contact.address) lines.push(el("span", {}, contact.address));
    if (contact.phone) lines.push(el("span", {}, "tel. ", phoneLink(contact.phone)));
    if (contact.email) lines.push(el("span", {}, "e-mail: ", contact.email));
    const site = link(contact.url, null);
    if (site) lines.push(el("span", {}, "strona: ", site));
    box.append(el("p", { class: "where-lines" }, lines.map((line, n) => [n ? el("br") : null, line])));
    const source = link(contact.source_url, "źródła") || "źródła";
    const when = contact.source_date ? ` z ${polishDate(contact.source_date)}` : " bez daty";
    const doubt = contact.confirmed ? "" : ", niepotwierdzone";
    box.append(el("p", { class: "where-source" }, "Dane ze ", source, when, doubt, " – przed wizytą warto zadzwonić i sprawdzić."));
    if (contact.notes && !contact.confirmed) box.append(el("p", { class: "where-notes" }, el("strong", {}, "Uwaga: "), contact.notes));
    return box;
  }
  if (item.note) return append(box, [el("p", { class: "card-note" }, item.note)]);
  const fallback = item.fallback_contact || {};
  const phones = [fallback.phone, ...(fallback.phones || [])].filter(Boolean);
  if (phones.length) {
    box.append(el("p", {}, "Nie mam sprawdzonego adresu. Zadzwoń pod ",
      phones.map((phone, n) => [n ? " albo " : "", phoneLink(phone)]),
      " – podadzą najbliższe miejsce."));
  } else {
    box.append(el("p", {}, "Nie mam sprawdzonego adresu. Zadzwoń pod ", phoneLink("19115"),
      " (Miejskie Centrum Kontaktu Warszawa) – podadzą najbliższe miejsce."));
  }
  const site = link(fallback.url, null);
  if (site) box.append(el("p", {}, "Strona: ", site));
  return box;
}
