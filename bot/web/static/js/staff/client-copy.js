// After a conversation code is loaded: the client's language ("Język rozmowy klienta: ukraiński") and the
// button that opens the client's copy of the recommendations in that language (/staff/copy?lang=uk). The
// copy asks this console for the profile (copy-handoff.js) and gets the one in the form at that moment.
import { t } from "../i18n.js";
import { PROFILE, READY, handoffMessage, post } from "../copy-handoff.js";

// The line and the button for each language the assistant speaks (keys written in full for the page's list).
const TEXTS = {
  pl: () => [t("staff.client_language.pl"), t("staff.client_copy.pl")],
  uk: () => [t("staff.client_language.uk"), t("staff.client_copy.uk")],
  en: () => [t("staff.client_language.en"), t("staff.client_copy.en")],
};
const REFERENCE = "pl";
const WINDOW_NAME = "drogowskaz-client-copy"; // one copy window, reused by the next click

/** A language of ours, or Polish for anything else a code may carry. */
export function clientLanguage(raw) {
  return typeof raw === "string" && Object.hasOwn(TEXTS, raw) ? raw : REFERENCE;
}

/**
 * Wires the line and the button. `profile()` is the profile to print (the form's, as the staff left it);
 * `warn(text)` shows a problem to the staff. Returns `show(language)`: a language after a code was
 * loaded, null to hide both again ("Nowy klient").
 */
export function clientCopy({ line, button }, profile, warn) {
  let language = null;
  window.addEventListener("message", (event) => {
    if (handoffMessage(event, READY) && event.source) post(event.source, PROFILE, { profile: profile() });
  });
  button.addEventListener("click", () => {
    if (language && !window.open(`/staff/copy?lang=${language}`, WINDOW_NAME)) warn(t("staff.client_copy_blocked"));
  });
  return function show(raw) {
    language = raw === null ? null : clientLanguage(raw);
    line.hidden = button.hidden = !language;
    if (language) [line.textContent, button.textContent] = TEXTS[language]();
  };
}
