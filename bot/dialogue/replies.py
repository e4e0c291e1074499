"""Polish texts the assistant sends: recommendations, explanations, summaries, help numbers.

Plain, warm and short: one message per institution (what you can get, why, where, what to bring),
so that chat widgets and Messenger can show them as they come. No amounts without date and
source: the texts only repeat what the knowledge base says, with its dates.
"""

from __future__ import annotations

from typing import Any, Mapping

from bot.knowledge.catalogue import InstitutionInfo, ToolInfo
from bot.messages import plural, text
from bot.profile import FIELDS, VALUE_LABELS

DETAILED = 4  # institutions described in full; the rest are named in one line
TOP_TOOLS = 3  # tools named first (the engine orders them by fit); the rest on request
# First lines the chat widget recognises to replace these texts with the cards (chat/messages.js).
OTHER_PLACES = "Inne miejsca, które mogą Ci pomóc:"
WOULD_OPEN = "Co może otworzyć więcej możliwości:"

HUMAN_HANDOVER = (
    "Możesz porozmawiać z człowiekiem:\n"
    "• 19115 – Miejskie Centrum Kontaktu Warszawa: powie, gdzie jest najbliższy ośrodek pomocy społecznej i urząd pracy\n"
    "• 19524 – Zielona Linia, informacja o usługach urzędów pracy"
)

# Sent by the Rasa server itself (bot/rasa_fallback.py) when the action server cannot answer.
TECHNICAL_PROBLEM = (
    "Przepraszam, mam teraz kłopot techniczny i nie mogę odpowiedzieć. Wcześniejsze odpowiedzi "
    "mam zapisane – napisz proszę jeszcze raz za kilka minut.\n"
    + HUMAN_HANDOVER
    + "\nW niebezpieczeństwie dzwoń pod 112."
)


def provenance(contact: Mapping[str, Any]) -> str:
    """Where a contact comes from, how old it is, whether it is confirmed, and — when its source
    leaves it in doubt — the caveat (the research notes of the others are for the staff files)."""
    date = contact.get("source_date")
    when = text("contact.source_dated", date=date) if date else text("contact.source_undated")
    doubt = "" if contact.get("confirmed") else text("contact.unconfirmed")
    line = text("contact.provenance", when=when, doubt=doubt)
    if contact.get("notes") and not contact.get("confirmed"):
        line += " " + text("contact.caveat", notes=contact["notes"])
    return line


def _contact_line(item: Mapping[str, Any]) -> str:
    contact = item.get("contact") or {}
    if item.get("note"):
        return item["note"]
    if contact:
        parts = [
            p
            for p in (contact.get("name"), contact.get("address"), contact.get("phone") and f"tel. {contact['phone']}")
            if p
        ]
        return "Gdzie: " + ", ".join(parts) + " " + provenance(contact)
    fallback = item.get("fallback_contact") or {}
    if fallback.get("phone"):
        return f"Gdzie: nie mam sprawdzonego adresu – zadzwoń pod {fallback['phone']}, a podadzą najbliższe miejsce."
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
        return "Jak zacząć: " + steps[0]
    return "Jak zacząć: " + " ".join(f"{n}) {text}" for n, text in enumerate(steps, start=1))


def _institution_message(item: Mapping[str, Any], number: int, note_given: bool = False) -> str:
    lines = [f"{number}. {item['name']}"]
    if item["tool_details"]:
        lines.append(_tools_line(item))
    lines.append("Dlaczego: " + " ".join(item["reasons"]))
    if item.get("steps"):
        lines.append(_steps_line(item))
    # The outside-Warsaw note once, on the first institution; later ones only point to it.
    contact = (
        "Gdzie: w Twojej gminie lub powiecie (zob. wyżej)." if note_given and item.get("note") else _contact_line(item)
    )
    if contact:
        lines.append(contact)
    if item.get("documents"):
        lines.append("Co zabrać: " + ", ".join(item["documents"]) + ".")
    return "\n".join(lines)


def recommendation_messages(result: Mapping[str, Any]) -> list[str]:
    """The texts of one recommendation turn (the custom payload is sent beside them)."""
    items = result["recommendations"]
    if not items:
        return [
            "Na podstawie tego, co wiem, nie znajduję jeszcze instytucji, która pasuje do Twojej sytuacji. "
            "Napisz, proszę, coś więcej – na przykład czy masz pracę, zasiłek albo orzeczenie."
        ]
    head = (
        "Oto miejsca, w których możesz szukać pomocy – od najlepiej dopasowanego:"
        if len(items) > 1
        else "Oto miejsce, w którym możesz szukać pomocy:"
    )
    messages = [head]
    messages += [_institution_message(item, n, note_given=n > 1) for n, item in enumerate(items[:DETAILED], start=1)]
    rest = items[DETAILED:]
    if rest:
        messages.append(f"{OTHER_PLACES} " + "; ".join(item["name"] for item in rest) + ". Zapytaj, a opowiem więcej.")
    openings = [o["text"] for o in result.get("would_open") or []]
    if openings:
        messages.append(f"{WOULD_OPEN}\n" + "\n".join(f"• {text}" for text in openings))
    return messages


UNCHANGED = "Od ostatniej listy nic się nie zmieniło"


def unchanged_recommendations(result: Mapping[str, Any], times: int) -> tuple[str, bool]:
    """Asked for advice again with nothing new (`times` such answers in a row before this one): the
    list above still holds. The answer turns through three forms, so no form comes twice in a row:
    the names, then where to begin, then a summary code or a person (with buttons: True)."""
    items = result["recommendations"]
    form = times % 3
    if form == 0:
        return (
            f"{UNCHANGED} – to wciąż: " + "; ".join(item["name"] for item in items) + ". Jeśli coś w Twojej "
            "sytuacji jest inaczej, napisz mi o tym, a sprawdzę jeszcze raz."
        ), False
    if form == 1 and items[0].get("steps"):
        return f"{UNCHANGED}. Na początek: {items[0]['name']}. {items[0]['steps'][0]['text']}", False
    return (
        f"{UNCHANGED} – te same miejsca są wyżej. Mogę dać Ci kod podsumowania dla pracownika "
        "socjalnego albo numer, pod którym porozmawiasz z człowiekiem."
    ), True


def more_questions_offer(count: int) -> str:
    return (
        f"Mogę zadać jeszcze {count} {_plural(count, 'pytanie', 'pytania', 'pytań')}, żeby sprawdzić, "
        "czy przysługuje Ci coś więcej. Chcesz?"
    )


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n == 1:
        return one
    return few if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else many


def _notes(notes: tuple) -> str:
    if not notes:
        return ""
    return "\nZmiany w przepisach: " + " ".join(f"({n.date.isoformat()}) {n.text}" for n in notes)


def explain_institution(institution: InstitutionInfo, aspect: str) -> str:
    """Answer a question about an institution: what it is, who can go, where it is."""
    if aspect == "where":
        contacts = [c for c in institution.contacts if c.primary] or list(institution.contacts)
        if not contacts:
            phone = institution.fallback_contact.get("phone", "19115")
            return (
                f"{institution.name}: nie mam sprawdzonego adresu. Zadzwoń pod {phone}, a podadzą najbliższe miejsce."
            )
        lines = [f"{institution.name} – adresy z opisanych źródeł (każde z datą i uwagami):"]
        for c in contacts[:6]:
            where = ", ".join(p for p in (c.district, c.address, c.phone and f"tel. {c.phone}") if p)
            lines.append(f"• {c.name}: {where or 'adres nieznany'} {provenance(c.as_dict())}")
        return "\n".join(lines)
    if aspect == "who":
        groups = "; ".join(institution.target_groups or institution.cooperation_area)
        return (
            f"{institution.name} – dla kogo: {groups}." if groups else f"{institution.name}: {institution.description}"
        )
    tools = ", ".join(t.name for t in institution.tools)
    text = f"{institution.name}: {institution.description}"
    if tools:
        text += f"\nFormy wsparcia: {tools}."
    if institution.how_to_apply:
        text += f"\nJak skorzystać: {institution.how_to_apply}"
    return text + _notes(institution.legal_notes)


def explain_tool(tool: ToolInfo, institution: InstitutionInfo, aspect: str) -> str:
    """Answer a question about a tool: what / who / how long / how much / where."""
    name = f"{tool.name} ({institution.short_name})"
    if aspect == "who":
        return f"{name} – kto może skorzystać, według opracowania: {tool.eligibility_text}" + _notes(tool.legal_notes)
    if aspect == "how_long":
        text = (
            f"{name} – jak długo: {tool.duration}"
            if tool.duration
            else f"{name}: opracowanie nie podaje, jak długo to trwa."
        )
        return text + _notes(tool.legal_notes)
    if aspect == "how_much":
        text = (
            f"{name} – co otrzymujesz: {tool.benefits}"
            if tool.benefits
            else f"{name}: opracowanie nie podaje kwot ani świadczeń."
        )
        return text + _notes(tool.legal_notes)
    if aspect == "where":
        return explain_institution(institution, "where")
    text = f"{name}: {tool.description}"
    if tool.how_to_apply:
        text += f"\nJak skorzystać: {tool.how_to_apply}"
    if tool.documents:
        text += "\nCo zabrać: " + ", ".join(tool.documents) + "."
    return text + _notes(tool.legal_notes)


MISUNDERSTOOD_AGAIN = "Przepraszam, chyba się nie rozumiemy."


def known_facts(profile: Mapping[str, Any], separator: str = ": ") -> list[str]:
    """ "wiek: 45", "dzielnica: Wola": the person's answers as the summary shows them."""
    return [f"{FIELDS[k].label}{separator}{_value(v)}" for k, v in profile.items() if k in FIELDS]


def noted(changed: Mapping[str, Any], added: Mapping[str, Any]) -> str | None:
    """A short line for answers given out of turn: a corrected answer, or a fact told while
    another question waits (so the question that follows is not a silent repeat)."""
    parts = []
    if changed:
        parts.append("Zmieniam: " + "; ".join(known_facts(changed, " – ")) + ".")
    if added:
        parts.append("Zapisuję: " + "; ".join(known_facts(added, " – ")) + ".")
    return " ".join(parts) or None


def misunderstood_again(profile: Mapping[str, Any], in_questions: bool) -> str:
    """The second misunderstanding in a row: another way forward, what is known, and a person to call."""
    way = (
        "Wybierz odpowiedź przyciskiem pod pytaniem albo napisz „nie wiem” – wtedy pominę to pytanie."
        if in_questions
        else "Wybierz jedną z dróg poniżej albo opisz swoją sprawę kilkoma prostymi słowami."
    )
    facts = known_facts(profile)
    known = ("Co już wiem: " + "; ".join(facts) + ".\n") if facts else ""
    return f"{MISUNDERSTOOD_AGAIN} {way}\n{known}{HUMAN_HANDOVER}"


def summary_text(profile: Mapping[str, Any], result: Mapping[str, Any], code: str, ttl_days: int) -> str:
    """A summary without personal identifiers: situation, where to go, and the code for staff."""
    facts = known_facts(profile)
    places = [
        f"{item['name']} ({', '.join(d['name'] for d in item['tool_details']) or 'wsparcie'})"
        for item in result["recommendations"]
    ]
    return (
        "Podsumowanie (bez danych osobowych):\n"
        + ("Sytuacja: " + "; ".join(facts) + ".\n" if facts else "")
        + ("Gdzie się zwrócić: " + "; ".join(places) + ".\n" if places else "")
        + f"Kod rozmowy: {code}. Pokaż go w ośrodku pomocy społecznej, urzędzie pracy lub organizacji – "
        "pracownik odczyta z niego Twoją sytuację bez zadawania tych samych pytań. "
        f"Kod wygasa po {ttl_days} {_plural(ttl_days, 'dniu', 'dniach', 'dniach')}."
    )


def _value(value: Any) -> str:
    if value is True:
        return "tak"
    if value is False:
        return "nie"
    return VALUE_LABELS.get(value, str(value)) if isinstance(value, str) else str(value)
