// Entry point of the resident page (/): mounts the chat widget on <main id="chat">.
import { mountChat } from "./chat/widget.js";

const root = document.getElementById("chat");
if (root) mountChat(root);
