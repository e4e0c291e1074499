// The profile form <-> a contract profile. The form is built on the server from bot.profile.FIELDS
// (bot/web/staff_form.py); each field's wrapper carries data-field, data-kind, data-label and,
// where an answer only applies after another one, data-requires="key=value".
import { t } from "../i18n.js";

export function fieldNodes(form) {
  return [...form.querySelectorAll("[data-field]")];
}

function controlsOf(node) {
  return [...node.querySelectorAll("input, select")];
}

function rawValue(node) {
  if (node.dataset.kind === "bool") {
    const checked = node.querySelector("input:checked");
    return checked ? checked.value : "";
  }
  return node.querySelector("input, select").value.trim();
}

/** The profile the form describes; fields that do not apply yet and invalid numbers are left out. */
export function readProfile(form) {
  const profile = {};
  const problems = [];
  for (const node of fieldNodes(form)) {
    const name = node.dataset.field;
    const raw = rawValue(node);
    showProblem(node, "");
    if (raw === "" || node.dataset.inapplicable === "true") continue;
    if (node.dataset.kind === "bool") profile[name] = raw === "true";
    else if (node.dataset.kind === "int") {
      const input = node.querySelector("input");
      const number = Number(raw);
      const min = Number(input.min);
      const max = Number(input.max);
      if (!Number.isInteger(number) || number < min || number > max) {
        const problem = t("staff.number_range", { min, max });
        showProblem(node, problem);
        problems.push(name);
        continue;
      }
      profile[name] = number;
    } else profile[name] = raw;
  }
  return { profile, problems };
}

function showProblem(node, text) {
  const message = node.querySelector(".field-error");
  const input = node.querySelector("input");
  if (!message || !input) return;
  message.textContent = text;
  message.hidden = !text;
  if (text) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-errormessage", message.id);
  } else {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-errormessage");
  }
}

/** Put a profile into the form (unknown keys are ignored; absent keys become "nie wiem"). */
export function fillProfile(form, profile) {
  form.reset();
  for (const node of fieldNodes(form)) {
    const value = profile[node.dataset.field];
    if (value === undefined || value === null) continue;
    if (node.dataset.kind === "bool") {
      const radio = node.querySelector(`input[value="${value ? "true" : "false"}"]`);
      if (radio) radio.checked = true;
    } else {
      node.querySelector("input, select").value = String(value);
    }
  }
  updateApplicability(form);
}

/** Dim and disable the answers whose prerequisite is not met (no degree before a certificate). */
export function updateApplicability(form) {
  const current = Object.fromEntries(fieldNodes(form).map((node) => [node.dataset.field, rawValue(node)]));
  for (const node of form.querySelectorAll("[data-requires]")) {
    const [key, wanted] = node.dataset.requires.split("=");
    const applies = current[key] === wanted;
    node.dataset.inapplicable = String(!applies);
    for (const control of controlsOf(node)) control.disabled = !applies;
  }
}

export function labelOf(form, name) {
  const node = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  return node ? node.dataset.label : name;
}

/** How a value reads in the summary: the option's or radio's own Polish text. */
export function valueText(form, name, value) {
  const node = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (!node) return String(value);
  if (node.dataset.kind === "bool") return value ? t("staff.answer.yes") : t("staff.answer.no");
  if (node.dataset.kind === "int") return String(value);
  const option = [...node.querySelectorAll("option")].find((o) => o.value === value);
  return option ? option.dataset.text || option.textContent : String(value);
}

/** Move the focus to a field (for the "Warto dopytać o" links). */
export function focusField(form, name) {
  const node = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (!node) return;
  const target = node.querySelector("input:checked:not(:disabled)") || node.querySelector("input:not(:disabled), select:not(:disabled)");
  node.scrollIntoView({ block: "center" });
  if (target) target.focus();
}
