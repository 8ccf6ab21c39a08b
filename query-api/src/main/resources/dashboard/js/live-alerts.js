// Live alerts from GET …/alerts/live (text/event-stream). EventSource cannot send the Authorization
// header, so this reads the stream with fetch() and parses its events; it reconnects with backoff.

const FIRST_DELAY_MS = 1000;
const LONGEST_DELAY_MS = 30000;

/** Splits an event-stream into events {event, id, data}; comment lines (": keep-alive") are skipped. */
function parseEvents(buffer, onEvent) {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop();
  for (const block of blocks) {
    const event = { event: "message", id: null, data: [] };
    for (const line of block.split(/\r?\n/)) {
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "data") event.data.push(value);
      else if (field === "event") event.event = value;
      else if (field === "id") event.id = value;
    }
    if (event.data.length) onEvent({ ...event, data: event.data.join("\n") });
  }
  return rest;
}

/**
 * Follows the stream until stop() is called. onAlert(alert) for each `alert` event; onState(state)
 * with "live", "reconnecting", "unavailable" (no such endpoint) or "unauthorized".
 */
export function followAlerts(url, token, { onAlert, onState }) {
  const abort = new AbortController();
  let delay = FIRST_DELAY_MS;
  let lastId = null;

  async function connect() {
    const headers = { Accept: "text/event-stream", Authorization: `Bearer ${token}` };
    if (lastId) headers["Last-Event-ID"] = lastId;
    const response = await fetch(url, { headers, signal: abort.signal });
    if (response.status === 401) return "unauthorized";
    if (response.status === 404 || response.status === 405) return "unavailable";
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    onState("live");
    delay = FIRST_DELAY_MS;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer = parseEvents(buffer + value, (event) => {
        if (event.id) lastId = event.id;
        if (event.event === "alert") onAlert(JSON.parse(event.data));
      });
    }
  }

  (async () => {
    while (!abort.signal.aborted) {
      try {
        const final = await connect();
        onState(final);
        return;
      } catch {
        if (abort.signal.aborted) return;
        onState("reconnecting");
        await new Promise((resolve) => setTimeout(resolve, delay * (0.75 + Math.random() / 2)));
        delay = Math.min(delay * 2, LONGEST_DELAY_MS);
      }
    }
  })();

  return { stop: () => abort.abort() };
}
