// How the staff console hands the client's copy (/staff/copy) its profile: the copy's window tells its
// opener it is READY, the console answers with the PROFILE. Messages only between windows of this origin,
// so the profile never goes into an address, a log or the browser's history.
export const READY = "drogowskaz:client-copy-ready";
export const PROFILE = "drogowskaz:client-copy-profile";

/** A message from a window of this very origin, of the given type. */
export function handoffMessage(event, type) {
  return event.origin === window.location.origin && Boolean(event.data) && event.data.type === type;
}

export function post(target, type, fields = {}) {
  target.postMessage({ type, ...fields }, window.location.origin);
}
