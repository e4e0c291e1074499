// Entry point of the staff console (/staff): the form drives POST /api/recommendations (debounced),
// a conversation code fills the form and names the client's language (with a copy to print in it),
// "Nowy klient" clears it, "Drukuj" prints the referral summary.
import { debounce, el } from "./dom.js";
import { longDate, t, tn } from "./i18n.js";
import { fetchRecommendations } from "./api.js";
import { recommendationCards, unfoldAll, wouldOpenBox } from "./cards.js";
import { fieldNodes, fillProfile, focusField, labelOf, readProfile, updateApplicability, valueText } from "./staff/profile-form.js";
import { toolDetails } from "./staff/tool-details.js";
import { clientCopy } from "./staff/client-copy.js";

const form = document.getElementById("profile-form");
const ui = {
  status: document.getElementById("results-status"),
  missing: document.getElementById("missing"),
  cards: document.getElementById("cards"),
  situation: document.getElementById("situation"),
  situationList: document.getElementById("situation-list"),
  codeForm: document.getElementById("code-form"),
  code: document.getElementById("code"),
  codeMessage: document.getElementById("code-message"),
  printDate: document.getElementById("print-date"),
  clientLanguage: document.getElementById("client-language"),
  clientCopy: document.getElementById("client-copy"),
};
let requestNumber = 0;
let shownBody = null; // the form state (profile and problems) the cards on screen were computed for

async function refresh(note = "") {
  updateApplicability(form);
  const { profile, problems } = readProfile(form);
  showSituation(profile);
  const body = JSON.stringify(profile);
  const state = body + JSON.stringify(problems);
  if (state === shownBody && !note) return; // nothing changed: keep the cards (and open details) as they are
  const number = ++requestNumber;
  let result;
  try {
    result = await fetchRecommendations(body);
  } catch (error) {
    if (number === requestNumber) ui.status.textContent = t("staff.results_failed", { error: error.message });
    return;
  }
  if (number !== requestNumber) return; // an answer to an older state of the form
  shownBody = state;
  showResults(result, problems, note);
}

function showResults(result, problems, note) {
  const items = result.recommendations || [];
  const openings = wouldOpenBox(result.would_open, { level: 3 });
  ui.cards.replaceChildren(recommendationCards(items, { toolControl: toolDetails, level: 3, staff: true }), ...(openings ? [openings] : []));
  const missing = (result.missing || []).map((name) => ({ name, label: labelOf(form, name) }));
  ui.missing.hidden = !missing.length;
  ui.missing.replaceChildren(...(missing.length ? [
    el("p", {}, el("strong", {}, t("staff.ask_about"))),
    el("ul", { class: "missing-list" },
      missing.map((m) => el("li", {}, el("button", { type: "button", class: "link-button", onclick: () => focusField(form, m.name) }, m.label)))),
  ] : []));
  const count = items.length;
  const sentences = [
    note,
    count ? tn("staff.places_found", count) : t("staff.no_places"),
    missing.length ? tn("staff.ask_more", missing.length) : "",
    problems.length ? t("staff.fix_fields") : "",
  ];
  ui.status.textContent = sentences.filter(Boolean).join(" ");
}

function showSituation(profile) {
  const entries = fieldNodes(form).map((node) => node.dataset.field).filter((name) => name in profile);
  ui.situation.hidden = !entries.length;
  ui.situationList.replaceChildren(...entries.map((name) =>
    el("li", {}, t("staff.situation_item", { label: capitalised(labelOf(form, name)), value: valueText(form, name, profile[name]) }))));
}

function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const refreshSoon = debounce(() => refresh(), 300);
const onEdit = () => {
  updateApplicability(form); // at once: a follow-up answer becomes clickable without waiting
  refreshSoon();
};
form.addEventListener("input", onEdit);
form.addEventListener("change", onEdit);
form.addEventListener("submit", (event) => event.preventDefault());

// The client's copy is of the profile in the form when it is opened (corrections made with the client count).
const showClientLanguage = clientCopy({ line: ui.clientLanguage, button: ui.clientCopy }, () => readProfile(form).profile,
  (text) => { ui.codeMessage.textContent = text; ui.codeMessage.classList.add("error"); });

ui.codeForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const code = ui.code.value.trim();
  const say = (text, isError) => {
    ui.codeMessage.textContent = text;
    ui.codeMessage.classList.toggle("error", isError);
    if (isError) ui.code.setAttribute("aria-invalid", "true");
    else ui.code.removeAttribute("aria-invalid");
  };
  if (!code) {
    say(t("staff.code_empty"), true);
    ui.code.focus();
    return;
  }
  try {
    const response = await fetch(`/api/codes/${encodeURIComponent(code)}`, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) {
      say(body.error || t("staff.code_failed"), true);
      ui.code.focus();
      return;
    }
    fillProfile(form, body.profile || {});
    showClientLanguage(body.language);
    say(t("staff.code_loaded", { code: code.toUpperCase() }), false);
    refresh(t("staff.code_loaded_note"));
  } catch {
    say(t("staff.offline"), true);
  }
});

document.getElementById("new-client").addEventListener("click", () => {
  fillProfile(form, {});
  ui.code.value = "";
  ui.codeMessage.textContent = "";
  ui.code.removeAttribute("aria-invalid");
  showClientLanguage(null);
  refresh(t("staff.form_cleared"));
  const first = form.querySelector("input:not(:disabled), select:not(:disabled)");
  if (first) first.focus();
});

function stampPrintDate() {
  ui.printDate.textContent = longDate(new Date());
}
window.addEventListener("beforeprint", stampPrintDate);
// The print view shows every tool, also those behind "Więcej".
window.addEventListener("beforeprint", () => unfoldAll(ui.cards));
document.getElementById("print").addEventListener("click", () => {
  stampPrintDate();
  window.print();
});

updateApplicability(form);
refresh();
