"""No phone: where to go in person instead of the numbers.

A man sleeping rough wrote three times that he had no phone and got "zadzwoń 19115" three
times (issue 13). The knowledge base has no night shelters or street-work points with addresses,
so the place named is the district's social welfare centre (OPS), which the study calls the
first point of contact for anyone seeking social help (data/knowledge/institutions.yaml), with
its address from the knowledge base and that address's source and caveat; never an invented one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.dialogue.replies import provenance
from bot.knowledge.catalogue import Catalogue
from bot.messages import text
from bot.nlp.morphology import fold

PHRASES = Path(__file__).with_name("no_phone.yml")


def _alternatives(items: list[str]) -> str:
    return "|".join(re.escape(i[:-1]) + r"\w*" if i.endswith("*") else re.escape(i) for i in items)


@lru_cache(maxsize=1)
def _no_phone() -> re.Pattern[str]:
    data = yaml.safe_load(PHRASES.read_text(encoding="utf-8"))
    phone, before, after = (_alternatives(data[k]) for k in ("phone", "before", "after"))
    return re.compile(
        rf"\b({before}) ({phone})\b|\b({phone})( mi)? ({after})|\b({after})( mi)? ({phone})\b"
        rf"|\b({_alternatives(data['cannot_call'])})"
    )


def says_no_phone(message: str) -> bool:
    """Whether the person says they have no phone to call from ("nie mam telefonu", "komórkę mi ukradli")."""
    return bool(_no_phone().search(fold(message)))


def in_person(catalogue: Catalogue, district: str | None, no_roof: bool) -> str:
    """Where to go without a phone: the OPS, with the district's own address when the district is known
    (a seat serving several districts, or the city's, is no place to walk to from anywhere)."""
    lines = [text("in_person.ops")]
    if no_roof:
        lines.append(text("in_person.say_no_roof"))
    ops = catalogue.institutions.get("ops")
    contact = ops.contact_for(district) if ops and district else None
    if contact and contact.district == district and contact.address:
        place = ", ".join(p for p in (contact.name, contact.address) if p)
        lines.append(text("in_person.address", place=place, provenance=provenance(contact.as_dict())))
    return " ".join(lines)
