// What survives a reload: the Rasa session id and the messages already shown. Kept in this
// browser's localStorage and dropped after two hours without activity (as Rasa's session
// expires), or at once with "Usuń moje dane" – the page may be on a shared computer.

const KEYS = { session: "drogowskaz.session", history: "drogowskaz.history", seen: "drogowskaz.lastSeen" };
const IDLE_MS = 120 * 60 * 1000;
const MAX_ENTRIES = 300;

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: the chat still works, it just forgets on reload
  }
}

export function loadState() {
  const store = storage();
  if (!store) return { sessionId: null, history: [] };
  try {
    const seen = Number(store.getItem(KEYS.seen) || 0);
    if (!seen || Date.now() - seen > IDLE_MS) {
      clearState();
      return { sessionId: null, history: [] };
    }
    const history = JSON.parse(store.getItem(KEYS.history) || "[]");
    return { sessionId: store.getItem(KEYS.session), history: Array.isArray(history) ? history : [] };
  } catch {
    clearState();
    return { sessionId: null, history: [] };
  }
}

export function saveSession(sessionId) {
  write(KEYS.session, sessionId);
}

export function saveHistory(history) {
  write(KEYS.history, JSON.stringify(history.slice(-MAX_ENTRIES)));
}

export function clearState() {
  const store = storage();
  if (!store) return;
  for (const key of Object.values(KEYS)) {
    try { store.removeItem(key); } catch { /* nothing to do */ }
  }
}

function write(key, value) {
  const store = storage();
  if (!store) return;
  try {
    store.setItem(key, value);
    store.setItem(KEYS.seen, String(Date.now()));
  } catch { /* full or blocked: keep going without it */ }
}
