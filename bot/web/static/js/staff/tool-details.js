// A tool's full description in the staff console, fetched once from GET /api/tools/<id> when the
// person opens it: description, who can use it (the study's words), how to apply, documents,
// duration and benefits, and dated legal notes where the law has changed since the study.
import { el, polishDate } from "../dom.js";

const cache = new Map();

async function fetchTool(id) {
  if (!cache.has(id)) {
    cache.set(id, fetch(`/api/tools/${encodeURIComponent(id)}`, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .catch((error) => { cache.delete(id); throw error; }));
  }
  return cache.get(id);
}

function section(title, content) {
  if (!content || (Array.isArray(content) && !content.length)) return null;
  const body = Array.isArray(content) ? el("ul", {}, content.map((item) => el("li", {}, item))) : el("p", {}, content);
  return el("div", { class: "tool-section" }, el("h5", {}, title), body);
}

function describe(tool) {
  return [
    el("p", {}, tool.description),
    section("Kto może skorzystać", tool.eligibility_text),
    section("Jak skorzystać", tool.how_to_apply),
    section("Co zabrać", tool.documents),
    section("Jak długo", tool.duration),
    section("Co otrzymujesz", tool.benefits),
    section("Zmiany w przepisach", (tool.legal_notes || []).map((note) => `${polishDate(note.date)}: ${note.text}`)),
  ];
}

/** A <details> element for one recommended tool; its content is loaded when it is first opened. */
export function toolDetails(detail) {
  const body = el("div", { class: "tool-body", "aria-live": "polite" });
  const box = el("details", { class: "tool-details" }, el("summary", {}, detail.name), body);
  let loaded = false;
  box.addEventListener("toggle", async () => {
    if (!box.open || loaded) return;
    loaded = true;
    body.replaceChildren(el("p", { class: "hint" }, "Wczytuję opis…"));
    try {
      body.replaceChildren(...describe(await fetchTool(detail.id)).filter(Boolean));
    } catch {
      loaded = false;
      body.replaceChildren(el("p", { class: "form-message error" }, "Nie udało się wczytać opisu. Spróbuj jeszcze raz."));
    }
  });
  return box;
}
