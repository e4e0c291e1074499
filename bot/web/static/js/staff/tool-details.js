// A tool's full description in the staff console, fetched once from GET /api/tools/<id> when the
// person opens it: description, who can use it (the study's words), how to apply, documents,
// duration and benefits, and dated legal notes where the law has changed since the study.
import { el } from "../dom.js";
import { longDate, t } from "../i18n.js";

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
    section(t("staff.tool.eligibility"), tool.eligibility_text),
    section(t("staff.tool.how_to_apply"), tool.how_to_apply),
    section(t("card.documents"), tool.documents),
    section(t("staff.tool.duration"), tool.duration),
    section(t("staff.tool.benefits"), tool.benefits),
    section(t("staff.tool.legal_notes"), (tool.legal_notes || []).map((note) => t("staff.tool.legal_note", { date: longDate(note.date), text: note.text }))),
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
    body.replaceChildren(el("p", { class: "hint" }, t("staff.tool.loading")));
    try {
      body.replaceChildren(...describe(await fetchTool(detail.id)).filter(Boolean));
    } catch {
      loaded = false;
      body.replaceChildren(el("p", { class: "form-message error" }, t("staff.tool.failed")));
    }
  });
  return box;
}
