"""What the assistant sends: recommendations, explanations, summaries, help numbers.

Plain, warm and short: one message per institution (what you can get, why, where, what to bring),
so that chat widgets and Messenger can show them as they come. No amounts without date and
source: the texts only repeat what the knowledge base says, with its dates. The sentences are in
the message catalogue (bot/messages.py); this module only puts them together.
"""

from __future__ import annotations

from typing import Any, Mapping

from bot.eligibility import named
from bot.knowledge.catalogue import InstitutionInfo, ToolInfo
from bot.knowledge.translations import translate
from bot.messages import N_, current_language, plural, text, variants
from bot.profile import FIELDS, value_text

DETAILED = 4  # institutions described in full; the rest are named in one line
TOP_TOOLS = 3  # tools named first (the engine orders them by fit); the rest on request
# First lines the chat widget recognises to replace these texts with the cards (chat/messages.js).
# Texts are looked up when said, not at import: they follow the conversation's language (bot.messages.using).


def human_handover() -> str:
    return text("reply.human_handover")


def technical_problem() -> str:
    """Sent by the Rasa server itself (bot/rasa_server/fallback.py) when the action server cannot answer."""
    return text("reply.technical_problem", handover=human_handover())


def provenance(contact: Mapping[str, Any]) -> str:
    """Where a contact comes from, how old it is, whether it is confirmed, and — when it is not —
    how to check it. The research notes behind the doubt are for the staff (console and API), not
    for the person."""
    date = contact.get("source_date")
    when = text("contact.source_dated", date=date) if date else text("contact.source_undated")
    doubt = "" if contact.get("confirmed") else text("contact.unconfirmed")
    line = text("contact.provenance", when=when, doubt=doubt)
    if not contact.get("confirmed"):
        line += " " + how_to_check(contact)
    return line


def how_to_check(contact: Mapping[str, Any]) -> str:
    """The plain line under an unconfirmed contact: its page, or a phone that knows the answer."""
    if contact.get("url"):
        return text("contact.check_site", url=contact["url"])
    return text("contact.check_phone")


def _phone(phone: str | None) -> str | None:
    return phone and text("recommend.phone", phone=phone)


def _contact_line(item: Mapping[str, Any]) -> str:
    contact = item.get("contact") or {}
    if item.get("note"):
        return item["note"]
    if contact:
        parts = [p for p in (contact.get("name"), contact.get("address"), _phone(contact.get("phone"))) if p]
        return text("recommend.where", place=", ".join(parts), provenance=provenance(contact))
    fallback = item.get("fallback_contact") or {}
    if fallback.get("phone"):
        return text("recommend.where_unknown", phone=fallback["phone"])
    return ""


def _tools_line(item: Mapping[str, Any]) -> str:
    """The best-fitting tools by name; the rest as a count, with how to hear about them."""
    names = [d["name"] for d in item["tool_details"]]
    rest = len(names) - TOP_TOOLS
    more = plural("institution.tools_more", rest) if rest > 0 else ""
    return text("institution.tools", names="; ".join(names[:TOP_TOOLS]), more=more)


def _steps_line(item: Mapping[str, Any]) -> str:
    steps = [step["text"] for step in item.get("steps") or []]
    if len(steps) == 1:
        return text("recommend.how_to_start", steps=steps[0])
    return text("recommend.how_to_start", steps=" ".join(f"{n}) {step}" for n, step in enumerate(steps, start=1)))


def _documents_line(documents: list[str] | tuple[str, ...]) -> str:
    return text("reply.documents", documents=", ".join(documents))


def _institution_message(item: Mapping[str, Any], number: int, note_given: bool = False) -> str:
    lines = [f"{number}. {item['name']}"]
    if item["tool_details"]:
        lines.append(_tools_line(item))
    lines.append(text("recommend.why", reasons=" ".join(item["reasons"])))
    if item.get("steps"):
        lines.append(_steps_line(item))
    # The outside-Warsaw note once, on the first institution; later ones only point to it.
    contact = text("recommend.where_see_above") if note_given and item.get("note") else _contact_line(item)
    if contact:
        lines.append(contact)
    if item.get("documents"):
        lines.append(_documents_line(item["documents"]))
    return "\n".join(lines)


def recommendation_messages(result: Mapping[str, Any]) -> list[str]:
    """The texts of one recommendation turn (the custom payload is sent beside them)."""
    items = result["recommendations"]
    if not items:
        return [text("recommend.none")]
    messages = [text("recommend.head_many") if len(items) > 1 else text("recommend.head_one")]
    messages += [_institution_message(item, n, note_given=n > 1) for n, item in enumerate(items[:DETAILED], start=1)]
    rest = items[DETAILED:]
    if rest:
        names = "; ".join(item["name"] for item in rest)
        messages.append(text("recommend.other_places", other_places=text("reply.other_places"), names=names))
    openings = [o["text"] for o in result.get("would_open") or []]
    if openings:
        messages.append(text("reply.would_open") + "\n" + "\n".join(f"• {opening}" for opening in openings))
    return messages


UNCHANGED_KEY = N_("recommend.unchanged")


def said_unchanged(message: str) -> bool:
    """Whether an earlier reply (in any language) was one of the "nothing changed" answers."""
    return any(message.startswith(first) for first in variants(UNCHANGED_KEY))


def unchanged_recommendations(result: Mapping[str, Any], times: int) -> tuple[str, bool]:
    """Asked for advice again with nothing new (`times` such answers in a row before this one): the
    list above still holds. The answer turns through three forms, so no form comes twice in a row:
    the names, then where to begin, then a summary code or a person (with buttons: True)."""
    items = result["recommendations"]
    form = times % 3
    if form == 0:
        names = "; ".join(item["name"] for item in items)
        return text("recommend.unchanged.names", unchanged=text(UNCHANGED_KEY), names=names), False
    if form == 1 and items[0].get("steps"):
        first = items[0]
        step = first["steps"][0]["text"]
        return text(
            "recommend.unchanged.first_step", unchanged=text(UNCHANGED_KEY), name=first["name"], step=step
        ), False
    return text("recommend.unchanged.next", unchanged=text(UNCHANGED_KEY)), True


def more_questions_offer(count: int) -> str:
    return plural("recommend.more_questions_offer", count)


def _in_language(polish: str) -> str:
    """A text of the knowledge base in the conversation's language (Polish when it has no translation)."""
    return translate(polish, current_language())


def _name(polish: str) -> str:
    """An institution's or tool's Polish name, with its translation in another language."""
    return named(polish, current_language())


def _notes(notes: tuple) -> str:
    if not notes:
        return ""
    dated = " ".join(f"({n.date.isoformat()}) {_in_language(n.text)}" for n in notes)
    return "\n" + text("explain.legal_notes", notes=dated)


def _addresses(institution: InstitutionInfo, district: str | None = None) -> str:
    """The institution's addresses; with the person's district, the one for it first."""
    contacts = [c for c in institution.contacts if c.primary] or list(institution.contacts)
    if not contacts:
        phone = institution.fallback_contact.get("phone", "19115")
        return text("explain.no_address", name=institution.name, phone=phone)
    own = institution.contact_for(district) if district else None
    if own:
        lines = [text("explain.address_for_district", name=institution.name, district=district), _address(own)]
        others = [c for c in contacts if c is not own]
        if others:
            lines.append(text("explain.other_addresses"))
    else:
        lines, others = [text("explain.addresses", name=institution.name)], contacts
    lines += [_address(c) for c in others[:6]]
    return "\n".join(lines)


def _address(contact: Any) -> str:
    where = ", ".join(p for p in (contact.district, contact.address, _phone(contact.phone)) if p)
    return f"• {contact.name}: {where or text('explain.address_unknown')} {provenance(contact.as_dict())}"


def explain_institution(institution: InstitutionInfo, aspect: str, district: str | None = None) -> str:
    """Answer a question about an institution: what it is, who can go, where it is (for the
    person's district first, when known)."""
    if aspect == "where":
        return _addresses(institution, district)
    name = _name(institution.name)
    if aspect == "who":
        groups = "; ".join(_in_language(g) for g in institution.target_groups or institution.cooperation_area)
        return (
            text("explain.who", name=name, groups=groups)
            if groups
            else f"{name}: {_in_language(institution.description)}"
        )
    tools = ", ".join(_name(t.name) for t in institution.tools)
    answer = f"{name}: {_in_language(institution.description)}"
    if tools:
        answer += "\n" + text("explain.tools", tools=tools)
    if institution.how_to_apply:
        answer += "\n" + text("explain.how_to_apply", how=_in_language(institution.how_to_apply))
    return answer + _notes(institution.legal_notes)


def explain_tool(tool: ToolInfo, institution: InstitutionInfo, aspect: str, district: str | None = None) -> str:
    """Answer a question about a tool: what / who / how long / how much / where."""
    name = f"{_name(tool.name)} ({institution.short_name})"
    if aspect == "who":
        return text("explain.tool_who", name=name, eligibility=_in_language(tool.eligibility_text)) + _notes(
            tool.legal_notes
        )
    if aspect == "how_long":
        answer = (
            text("explain.how_long", name=name, duration=_in_language(tool.duration))
            if tool.duration
            else text("explain.how_long_unknown", name=name)
        )
        return answer + _notes(tool.legal_notes)
    if aspect == "how_much":
        answer = (
            text("explain.how_much", name=name, benefits=_in_language(tool.benefits))
            if tool.benefits
            else text("explain.how_much_unknown", name=name)
        )
        return answer + _notes(tool.legal_notes)
    if aspect == "where":
        return explain_institution(institution, "where", district)
    answer = f"{name}: {_in_language(tool.description)}"
    if tool.how_to_apply:
        answer += "\n" + text("explain.how_to_apply", how=_in_language(tool.how_to_apply))
    if tool.documents:
        answer += "\n" + _documents_line([_in_language(d) for d in tool.documents])
    return answer + _notes(tool.legal_notes)


MISUNDERSTOOD_AGAIN_KEY = N_("reply.misunderstood_again")


def said_misunderstood_again(message: str) -> bool:
    return any(message.startswith(first) for first in variants(MISUNDERSTOOD_AGAIN_KEY))


def known_facts(profile: Mapping[str, Any], separator: str = ": ") -> list[str]:
    """ "wiek: 45", "dzielnica: Wola": the person's answers as the summary shows them."""
    return [f"{_label(k, profile)}{separator}{_value(v)}" for k, v in profile.items() if k in FIELDS]


def _label(key: str, profile: Mapping[str, Any]) -> str:
    """A fact's name; a condition without a certificate is a diagnosis, not a type of disability
    ("orzeczenie: nie; rodzaj niepełnosprawności: …" read as a contradiction)."""
    if key == "disability_condition" and profile.get("disability_certificate") is False:
        return text("summary.label_diagnosis_without_certificate")
    return FIELDS[key].label


def noted(changed: Mapping[str, Any], added: Mapping[str, Any], same: Mapping[str, Any] | None = None) -> str | None:
    """A short line for answers given out of turn: a corrected answer, a fact told while another
    question waits (so the question that follows is not a silent repeat), or a correction that
    says again what is already noted."""
    parts = [
        text(key, facts="; ".join(known_facts(facts, " – ")))
        for key, facts in (
            (N_("reply.noted.changed"), changed),
            (N_("reply.noted.added"), added),
            (N_("reply.noted.same"), same),
        )
        if facts
    ]
    return " ".join(parts) or None


def misunderstood_again(profile: Mapping[str, Any], in_questions: bool) -> str:
    """The second misunderstanding in a row: another way forward, what is known, and a person to call."""
    way = text("reply.misunderstood.way_in_questions") if in_questions else text("reply.misunderstood.way_elsewhere")
    facts = known_facts(profile)
    known = (text("reply.known_facts", facts="; ".join(facts)) + "\n") if facts else ""
    return f"{text(MISUNDERSTOOD_AGAIN_KEY)} {way}\n{known}{human_handover()}"


def summary_text(profile: Mapping[str, Any], result: Mapping[str, Any], code: str, ttl_days: int) -> str:
    """A summary without personal identifiers: situation, where to go, and the code for staff."""
    facts = known_facts(profile)
    places = [
        f"{item['name']} ({', '.join(d['name'] for d in item['tool_details']) or text('summary.place_support')})"
        for item in result["recommendations"]
    ]
    lines = [text("summary.head")]
    if facts:
        lines.append(text("summary.situation", facts="; ".join(facts)))
    if places:
        lines.append(text("summary.places", places="; ".join(places)))
    lines.append(text("summary.code", code=code) + " " + plural("summary.expires", ttl_days))
    return "\n".join(lines)


def _value(value: Any) -> str:
    if value is True:
        return text("value.yes")
    if value is False:
        return text("value.no")
    return value_text(value) if isinstance(value, str) else str(value)
