"""Pieces of the knowledge base's own wording that the code matches (data/knowledge/), and the texts
a document is shown as, so that each of them has a translation (bot.knowledge.translations)."""

from __future__ import annotations

# A document to bring only if the person has it: once the answer is known, it is said plainly or left out.
IF_YOU_HAVE = ", jeśli je masz"  # not said: matched in the knowledge base's text
CERTIFICATE_DOCUMENT = "orzeczenie o niepełnosprawności"  # not said: matched in the knowledge base's text


def only_if_certificate(document: str) -> bool:
    """The disability certificate (or a document beside it) to bring only if the person has one."""
    return document.startswith(CERTIFICATE_DOCUMENT) and document.endswith(IF_YOU_HAVE)


def shown_forms(document: str) -> tuple[str, ...]:
    """Every text a document of the knowledge base may be shown as (bot.eligibility._documents)."""
    if only_if_certificate(document):
        return document, document[: -len(IF_YOU_HAVE)]
    return (document,)
