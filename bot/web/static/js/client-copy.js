// Entry point of the client's copy (/staff/copy?lang=uk), opened by the staff console's "Wydrukuj kopię dla
// klienta": the recommendations for the profile the console sends (copy-handoff.js), in the language the
// page is served in (the client's), drawn by the same cards as the chat and the console, ready to print.
import { longDate, pageLanguage } from "./i18n.js";
import { recommendationCards, unfoldAll, wouldOpenBox } from "./cards.js";
import { fetchRecommendations } from "./api.js";
import { PROFILE, READY, handoffMessage, post } from "./copy-handoff.js";

const ui = {
  status: document.getElementById("copy-status"),
  cards: document.getElementById("copy-cards"),
  date: document.getElementById("copy-date"),
  print: document.getElementById("copy-print"),
};

/** The staff's status line: its Polish texts are on the element (data-loading, data-ready, …). */
function say(state) {
  ui.status.textContent = ui.status.dataset[state];
  ui.status.dataset.state = state;
}

async function show(profile) {
  say("loading");
  ui.print.disabled = true;
  let result;
  try {
    result = await fetchRecommendations(JSON.stringify(profile), pageLanguage());
  } catch {
    say("failed");
    return;
  }
  const items = result.recommendations || [];
  const openings = wouldOpenBox(result.would_open, { level: 2 });
  ui.cards.replaceChildren(recommendationCards(items, { level: 2 }), ...(openings ? [openings] : []));
  unfoldAll(ui.cards); // on paper every tool is there, also those behind "Więcej"
  ui.date.textContent = longDate(new Date());
  say(items.length ? "ready" : "empty");
  ui.print.disabled = !items.length;
}

window.addEventListener("message", (event) => {
  if (!handoffMessage(event, PROFILE) || event.source !== window.opener) return;
  const { profile } = event.data;
  if (profile && typeof profile === "object" && !Array.isArray(profile)) show(profile);
});
ui.print.addEventListener("click", () => window.print());
if (window.opener) post(window.opener, READY);
else say("orphan");
