// The page's texts, from the message catalogue (locale/<lang>/LC_MESSAGES/drogowskaz.po). The server puts
// the entries these scripts use on <body data-messages> as JSON (bot/web/script_messages.py finds them by
// the literal keys of t, tn and tParts calls, so a key is always written out in full here).

let entries = null;
const PLACEHOLDER = /\{([a-z_]+)\}/g;

function catalogue() {
  if (!entries) {
    try {
      entries = JSON.parse(document.body.dataset.messages || "{}");
    } catch {
      entries = {};
    }
  }
  return entries;
}

/** The page's language, as on <html lang>. */
export function pageLanguage() {
  return document.documentElement.lang || "pl";
}

function fill(form, values) {
  return form.replace(PLACEHOLDER, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** A text with its {placeholders} filled; the key itself when the page lacks it (a test keeps that from happening). */
export function t(key, values = {}) {
  const entry = catalogue()[key];
  return typeof entry === "string" ? fill(entry, values) : key;
}

/** A plural text: the form for `n` in the page's language, with {n} and the other placeholders filled. */
export function tn(key, n, values = {}) {
  const entry = catalogue()[key];
  if (!entry || typeof entry !== "object") return key;
  const form = entry[new Intl.PluralRules(pageLanguage()).select(n)] ?? entry.other;
  return fill(form, { n, ...values });
}

/** A text as a list of strings and the given values, for placeholders that are nodes (a link, a phone number). */
export function tParts(key, values = {}) {
  const entry = catalogue()[key];
  if (typeof entry !== "string") return [key];
  return entry.split(/(\{[a-z_]+\})/).filter(Boolean).map((piece) => {
    const name = /^\{([a-z_]+)\}$/.exec(piece);
    return name && name[1] in values ? values[name[1]] : piece;
  });
}

/** A long date ("19 lipca 2018 r.") of an ISO day (2018-07-19) or a Date; any other value is returned as it came. */
export function longDate(value) {
  let date = value;
  if (!(value instanceof Date)) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value || ""));
    if (!match) return String(value || "");
    date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  }
  const options = { day: "numeric", month: "long", year: "numeric" };
  if (!(value instanceof Date)) options.timeZone = "UTC";
  return t("web.date", { date: new Intl.DateTimeFormat(pageLanguage(), options).format(date) });
}
