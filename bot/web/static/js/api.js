// The web app's JSON API as the pages call it: errors come back as {"error": <Polish text>} (bot/json_errors.py).

/**
 * POST /api/recommendations for a profile given as its JSON text; `lang` ("uk", "en") asks for every text
 * of the answer in that language (CONTRACT section 6). Rejects with the API's own error message.
 */
export async function fetchRecommendations(body, lang = null) {
  const url = lang ? `/api/recommendations?lang=${encodeURIComponent(lang)}` : "/api/recommendations";
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body,
  });
  const result = await response.json();
  if (!response.ok) throw new Error(result.error || String(response.status));
  return result;
}
