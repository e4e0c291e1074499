// The link to Rasa's socketio channel (credentials.yml: user_uttered / bot_uttered,
// session_persistence: true). Every (re)connection first asks for the stored session, so a reload
// or a dropped network continues the same conversation; messages typed meanwhile wait in a queue
// until the session is confirmed.
import { io } from "../../vendor/socket.io.esm.min.js";

export function connect({ url, path, sessionId, onSession, onMessage, onStatus }) {
  let current = sessionId || null;
  let ready = false;
  const queue = [];
  const socket = io(url, {
    path,
    transports: ["websocket", "polling"],
    tryAllTransports: true,
    reconnectionDelayMax: 10000,
  });

  const flush = () => {
    while (ready && socket.connected && queue.length) {
      socket.emit("user_uttered", { message: queue.shift(), session_id: current });
    }
  };

  socket.on("connect", () => {
    ready = false;
    socket.emit("session_request", { session_id: current });
  });
  socket.on("session_confirm", (confirmed) => {
    const id = typeof confirmed === "string" ? confirmed : confirmed && confirmed.session_id;
    if (!id) return;
    const isNew = id !== current;
    current = id;
    ready = true;
    onSession(id, isNew);
    onStatus("online");
    flush();
  });
  socket.on("bot_uttered", (message) => onMessage(message || {}));
  socket.on("disconnect", () => {
    ready = false;
    onStatus("offline");
  });
  socket.on("connect_error", () => onStatus("offline"));

  return {
    send(text) {
      queue.push(text);
      flush();
    },
    sessionId() {
      return current;
    },
  };
}
