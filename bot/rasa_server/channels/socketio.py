"""Rasa's socketio channel, fixed for the python-socketio 5.x that Rasa 3.6.21 installs here (5.18).

Rasa 3.6's own channel breaks the chat widget in two ways with it:
- `AsyncServer.enter_room` is a coroutine now and Rasa calls it without `await`, so with
  `session_persistence: true` the browser never joins its session's room and receives no reply;
- `send_custom_json` spreads the payload into `emit(**payload)`, so the contract's custom message
  `{"recommendations": [...]}` raises TypeError, which ends the turn before the tracker is saved.
This channel keeps Rasa's events, names and options (credentials.yml key
`bot.rasa_server.channels.socketio.SocketIOInput` instead of `socketio`), joins the room properly and sends a
custom payload as the event's data: the widget receives `{"recommendations": [...]}` as one message.

Messages pass bot.rasa_server.channels.input_guard first: an empty or over-long one is answered at once with
a short Polish text on the bot message event and never reaches the NLU. Session ids must be
short strings and metadata an object (anything else is ignored).
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput as RasaSocketIOOutput

from bot.rasa_server.channels.input_guard import InputRejected, clean_message, clean_sender

logger = logging.getLogger(__name__)
WRITTEN_FOR_RASA = "3.6.21"  # Rasa's socketio channel: its attributes and the handlers replaced


class SocketIOOutput(RasaSocketIOOutput):
    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self.sio.emit(self.bot_message_evt, dict(json_message), room=recipient_id)


class SocketIOInput(RasaSocketIOInput):
    """Same name ("socketio") and options as Rasa's channel; see the module docstring for what differs."""

    def get_output_channel(self) -> Optional[SocketIOOutput]:
        return SocketIOOutput(self.sio, self.bot_message_evt) if self.sio is not None else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> SocketBlueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio

        # Registering the same events again replaces Rasa's handlers (connect/disconnect stay).
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data if isinstance(data, dict) else {}
            if not isinstance(data.get("session_id"), str) or not 0 < len(data["session_id"]) <= 128:
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, data["session_id"], namespace=self.namespace)
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Dict) -> None:
            if not isinstance(data, dict):
                return
            if self.session_persistence:
                try:
                    sender_id = clean_sender(data.get("session_id"))
                except InputRejected:
                    logger.warning("socketio message without a usable session_id ignored; send session_request first")
                    return
            else:
                sender_id = sid
            output = SocketIOOutput(sio, self.bot_message_evt)
            try:
                text = clean_message(data.get("message"))
            except InputRejected as problem:
                await output.send_text_message(sender_id, problem.message)
                return
            metadata = _metadata(data.get(self.metadata_key))
            await on_new_message(UserMessage(text, output, sender_id, input_channel=self.name(), metadata=metadata))

        return blueprint


def _metadata(raw: Any) -> Dict[Text, Any]:
    """The message's metadata: an object, or a JSON string of one (Rasa's widgets send both)."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return {}
    return raw if isinstance(raw, dict) else {}
