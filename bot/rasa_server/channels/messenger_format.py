"""Pure formatting for Facebook Messenger: Rasa's bot messages → Send API `message` objects.

Messenger's limits: a text at most 2000 characters, at most 13 quick replies with titles of at
most 20 characters and payloads of at most 1000, a generic template with at most 10 elements whose
title and subtitle hold at most 80 characters. Nothing here does I/O, so all of it is unit-tested.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Mapping

from bot import messages as catalogue
from bot.dialogue.replies import TOP_TOOLS

MAX_TEXT = 2000
MAX_QUICK_REPLIES = 13
MAX_QUICK_REPLY_TITLE = 20
MAX_PAYLOAD = 1000
MAX_ELEMENTS = 10
MAX_ELEMENT_TITLE = 80
MAX_ELEMENT_SUBTITLE = 80
ELLIPSIS = "…"
EXPLAIN_TITLE = catalogue.text("messenger.button.explain")
LINK_TITLE = catalogue.text("messenger.button.link")
CHOOSE_TEXT = catalogue.text("messenger.choose_answer")
ONLY_TEXT = catalogue.text("messenger.only_text")

Message = dict[str, Any]

# From the coarsest to the finest boundary; the last resort is a hard cut.
_BOUNDARIES = (
    re.compile(r"\n\s*\n"),
    re.compile(r"(?<=[.!?…])\s+"),
    re.compile(r"\n"),
    re.compile(r"\s+"),
)


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters: cut at a word boundary and end with "…"."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    head = text[: limit - len(ELLIPSIS) + 1]
    cut = head.rfind(" ")
    # a word boundary, unless it would throw away most of the room
    head = head[:cut] if cut >= limit // 3 else head[: limit - len(ELLIPSIS)]
    return head.rstrip(" ,;:-–") + ELLIPSIS


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Parts of at most `limit` characters: at paragraphs, sentences, lines, words, then anywhere."""
    text = text.strip()
    return _split(text, limit, 0) if text else []


def _split(text: str, limit: int, level: int) -> list[str]:
    if len(text) <= limit:
        return [text]
    if level == len(_BOUNDARIES):
        return [text[i : i + limit] for i in range(0, len(text), limit)]
    # Each unit keeps the separator that follows it, so packed units read as the original did.
    units, start = [], 0
    for match in _BOUNDARIES[level].finditer(text):
        units.append(text[start : match.end()])
        start = match.end()
    units.append(text[start:])
    parts: list[str] = []
    current = ""
    for unit in units:
        if len((current + unit).strip()) <= limit:
            current += unit
            continue
        if current.strip():
            parts.append(current.strip())
        current = ""
        if len(unit.strip()) > limit:
            parts.extend(_split(unit.strip(), limit, level + 1))
        else:
            current = unit
    if current.strip():
        parts.append(current.strip())
    return parts


def quick_replies(buttons: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Buttons with a payload as Messenger quick replies (at most 13, titles shortened)."""
    replies = []
    for button in buttons:
        payload, title = button.get("payload"), button.get("title")
        if not isinstance(payload, str) or not payload or len(payload) > MAX_PAYLOAD:
            continue
        title = shorten(title if isinstance(title, str) and title.strip() else payload, MAX_QUICK_REPLY_TITLE)
        replies.append({"content_type": "text", "title": title, "payload": payload})
        if len(replies) == MAX_QUICK_REPLIES:
            break
    return replies


def _link_lines(buttons: Iterable[Mapping[str, Any]]) -> list[str]:
    """Buttons that open a web page cannot be quick replies: they become lines of the text."""
    return [
        f"{b.get('title') or LINK_TITLE}: {b['url']}"
        for b in buttons
        if isinstance(b.get("url"), str) and not b.get("payload")
    ]


def _option_lines(buttons: Iterable[Mapping[str, Any]]) -> list[str]:
    """When a quick reply's title must be shortened ("Potrzebuję wsparcia…"), every option in full under
    the text, so that the person knows what each button means."""
    titles = [b.get("title") for b in buttons if isinstance(b.get("payload"), str) and isinstance(b.get("title"), str)]
    if not any(len(" ".join(title.split())) > MAX_QUICK_REPLY_TITLE for title in titles):
        return []
    return [f"• {' '.join(title.split())}" for title in titles]


def text_messages(text: str | None, buttons: Iterable[Mapping[str, Any]] = ()) -> list[Message]:
    """A text (split under the limit), with the buttons as quick replies on its last part."""
    buttons = list(buttons or ())
    parts = [(text or "").strip(), *_option_lines(buttons), *_link_lines(buttons)]
    full = "\n".join(part for part in parts if part)
    messages: list[Message] = [{"text": part} for part in split_text(full)]
    replies = quick_replies(buttons)
    if replies:
        if not messages:
            messages.append({"text": CHOOSE_TEXT})
        messages[-1]["quick_replies"] = replies
    return messages


def explain_payload(institution_id: str) -> str:
    return "/ask_what_is" + json.dumps({"institution": institution_id}, ensure_ascii=False)


def _tools_line(item: Mapping[str, Any], limit: int | None = None) -> str:
    """The three best-fitting tools (the engine orders them), then how many more the "explain" button shows;
    the names are shortened to `limit` characters with the count kept whole."""
    details = item.get("tool_details")
    if isinstance(details, list) and details:
        names = [
            str(d.get("name") or d.get("id"))
            for d in details
            if isinstance(d, Mapping) and (d.get("name") or d.get("id"))
        ]
    else:
        names = [str(t) for t in item.get("tools") or [] if isinstance(t, str)]
    more = catalogue.text("messenger.more_tools", n=len(names) - TOP_TOOLS) if len(names) > TOP_TOOLS else ""
    line = "; ".join(names[:TOP_TOOLS])
    if limit is not None and line:
        line = shorten(line, limit - len(more))
    return line + more


def _element(item: Any) -> Message | None:
    if not isinstance(item, Mapping):
        return None
    institution, name = item.get("institution"), item.get("name")
    if not isinstance(institution, str) or not institution or not isinstance(name, str) or not name.strip():
        return None
    payload = explain_payload(institution)
    if len(payload) > MAX_PAYLOAD:
        return None
    element: Message = {"title": shorten(name, MAX_ELEMENT_TITLE)}
    tools = _tools_line(item, MAX_ELEMENT_SUBTITLE)
    if tools:
        element["subtitle"] = tools
    element["buttons"] = [{"type": "postback", "title": EXPLAIN_TITLE, "payload": payload}]
    return element


def recommendation_carousel(recommendations: Any) -> Message | None:
    """A generic-template carousel of the first 10 institutions; None when none can be drawn."""
    if not isinstance(recommendations, list):
        return None
    elements = [e for e in map(_element, recommendations) if e]
    if not elements or len(elements) != len(recommendations):
        return None
    return {
        "attachment": {"type": "template", "payload": {"template_type": "generic", "elements": elements[:MAX_ELEMENTS]}}
    }


def recommendations_text(recommendations: Any) -> str | None:
    """The same recommendations as a readable list, for when the carousel cannot be built."""
    if not isinstance(recommendations, list):
        return None
    lines = []
    for item in recommendations:
        if not isinstance(item, Mapping):
            continue
        name = item.get("name") or item.get("institution")
        if not isinstance(name, str) or not name.strip():
            continue
        tools = _tools_line(item)
        lines.append(f"• {name.strip()}" + (f" – {tools}" if tools else ""))
    return catalogue.text("messenger.places_intro") + "\n" + "\n".join(lines) if lines else None


def custom_messages(custom: Any) -> list[Message]:
    """A custom payload: the contract's recommendations as a carousel (or a text); a payload that
    already is a Messenger message (text or attachment) as it is; anything else is not sent."""
    if isinstance(custom, Mapping) and "recommendations" in custom:
        items = custom["recommendations"]
        carousel = recommendation_carousel(items)
        if carousel:
            rest = [item["name"] for item in items[MAX_ELEMENTS:]]
            return [carousel] + (text_messages(catalogue.text("messenger.also", names="; ".join(rest))) if rest else [])
        return text_messages(recommendations_text(custom["recommendations"]))
    if isinstance(custom, Mapping) and (
        isinstance(custom.get("text"), str) or isinstance(custom.get("attachment"), Mapping)
    ):
        message = {k: v for k, v in custom.items() if k in ("text", "attachment", "quick_replies")}
        if "text" in message:
            parts = text_messages(message.pop("text"), [])
            if parts and "quick_replies" in message:
                parts[-1]["quick_replies"] = quick_replies(message["quick_replies"])
            return parts
        return [message]
    return []


def generic_elements(elements: Iterable[Mapping[str, Any]]) -> Message | None:
    """Rasa's `elements` (a generic template) within Messenger's limits."""
    shaped = []
    for element in list(elements)[:MAX_ELEMENTS]:
        if not element.get("title"):
            continue
        item = dict(element)
        item["title"] = shorten(item["title"], MAX_ELEMENT_TITLE)
        if item.get("subtitle"):
            item["subtitle"] = shorten(item["subtitle"], MAX_ELEMENT_SUBTITLE)
        if item.get("buttons"):
            item["buttons"] = [{"type": "postback", **b} for b in item["buttons"][:3]]
        shaped.append(item)
    if not shaped:
        return None
    return {"attachment": {"type": "template", "payload": {"template_type": "generic", "elements": shaped}}}


def image_message(url: str) -> Message:
    return {"attachment": {"type": "image", "payload": {"url": url, "is_reusable": True}}}


def incoming_text(event: Mapping[str, Any]) -> str | None:
    """What one Messenger `messaging` event says to the bot: a quick-reply or postback payload,
    else the typed text; None for echoes, deliveries, reads and attachments."""
    message = event.get("message")
    if isinstance(message, Mapping):
        if message.get("is_echo"):
            return None
        quick = message.get("quick_reply")
        if isinstance(quick, Mapping) and isinstance(quick.get("payload"), str) and quick["payload"]:
            return quick["payload"]
        text = message.get("text")
        return text if isinstance(text, str) and text.strip() else None
    postback = event.get("postback")
    if isinstance(postback, Mapping):
        payload = postback.get("payload") or postback.get("title")
        return payload if isinstance(payload, str) and payload else None
    return None


def is_attachment_only(event: Mapping[str, Any]) -> bool:
    message = event.get("message")
    return (
        isinstance(message, Mapping)
        and not message.get("is_echo")
        and bool(message.get("attachments"))
        and incoming_text(event) is None
    )
