"""Sending to Messenger: a small Graph API Send client (aiohttp) and Rasa's output channel."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Iterable, Mapping

import aiohttp
from rasa.core.channels.channel import OutputChannel

from bot.rasa_server.channels import messenger_format as fmt

logger = logging.getLogger(__name__)

DEFAULT_GRAPH_API_URL = "https://graph.facebook.com/v19.0"


class GraphClient:
    """POSTs to `{graph_api_url}/me/messages?access_token=…`. Failures are logged (status and
    Graph error code only, never the content or the token) and do not stop the conversation."""

    def __init__(self, graph_api_url: str, access_token: str, timeout: float = 10) -> None:
        self.url = (graph_api_url or DEFAULT_GRAPH_API_URL).rstrip("/") + "/me/messages"
        self.access_token = access_token or ""
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _open(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            self._session, self._loop = aiohttp.ClientSession(timeout=self.timeout), loop
        return self._session

    async def send(self, body: Mapping[str, Any]) -> bool:
        try:
            async with self._open().post(self.url, params={"access_token": self.access_token}, json=body) as answer:
                if answer.status < 400:
                    return True
                error = await answer.json(content_type=None)
                code = error.get("error", {}).get("code") if isinstance(error, dict) else None
                logger.warning("Messenger Send API answered HTTP %s (Graph error code %s).", answer.status, code)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as problem:
            logger.warning("Messenger Send API call failed: %s.", type(problem).__name__)
        return False

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None


class MessengerOutput(OutputChannel):
    """Rasa's bot messages within Messenger's limits (see bot.rasa_server.channels.messenger_format)."""

    @classmethod
    def name(cls) -> str:
        return "facebook"

    def __init__(self, client: GraphClient) -> None:
        self.client = client
        super().__init__()

    async def _send(self, recipient_id: str, messages: Iterable[fmt.Message]) -> None:
        for message in messages:  # one at a time: Messenger keeps the order only so
            await self.client.send(
                {"recipient": {"id": recipient_id}, "messaging_type": "RESPONSE", "message": message}
            )

    async def send_action(self, recipient_id: str, sender_action: str) -> None:
        await self.client.send({"recipient": {"id": recipient_id}, "sender_action": sender_action})

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send(recipient_id, fmt.text_messages(text))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._send(recipient_id, fmt.text_messages(text, buttons))

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._send(recipient_id, fmt.text_messages(text, quick_replies))

    async def send_custom_json(self, recipient_id: str, json_message: Any, **kwargs: Any) -> None:
        messages = fmt.custom_messages(json_message)
        if not messages:
            logger.info("Messenger: a custom payload of an unknown shape was not sent.")
        await self._send(recipient_id, messages)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self._send(recipient_id, [fmt.image_message(image)])

    async def send_attachment(self, recipient_id: str, attachment: Any, **kwargs: Any) -> None:
        if isinstance(attachment, Mapping) and "type" in attachment and "payload" in attachment:
            await self._send(recipient_id, [{"attachment": dict(attachment)}])
        else:
            await self._send(recipient_id, fmt.text_messages(str(attachment)))

    async def send_elements(self, recipient_id: str, elements: Iterable[dict[str, Any]], **kwargs: Any) -> None:
        template = fmt.generic_elements(elements)
        await self._send(recipient_id, [template] if template else [])
