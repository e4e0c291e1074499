"""No phone: where to go in person instead of the numbers.

A man sleeping rough wrote three times that he had no phone and got "zadzwoń 19115" three
times (issue 13). The knowledge base has no night shelters or street-work points with addresses,
so the place named is the district's social welfare centre (OPS), which the study calls the
first point of contact for anyone seeking social help (data/knowledge/institutions.yaml), with
its address from the knowledge base and that address's source and caveat; never an invented one.
"""

from __future__ import annotations

import re

from bot.dialogue.replies import provenance
from bot.knowledge.catalogue import Catalogue
from bot.messages import text
from bot.nlp.morphology import fold

_PHONE = r"(telefon\w*|komork\w*|komorecz\w*|tel|fon[au]?|smartfon\w*)"
_NO_PHONE = re.compile(
    rf"\b(nie mam|nie mam juz|juz nie mam|bez|brak)( zadnego| swojego| wlasnego)? {_PHONE}\b"
    rf"|\bnie mam (jak|z czego|skad|czym|na czym|za co) (za)?dzwoni[cl]\w*"
    rf"|\b{_PHONE} (mi )?(ukradli|ukradziono|zabrali|zgubil\w*|padl|sie rozladowal|rozladowany|zepsul\w*|nie dziala)"
    rf"|\b(ukradli|zabrali|zgubil\w*) (mi )?{_PHONE}"
)


def says_no_phone(message: str) -> bool:
    """Whether the person says they have no phone to call from ("nie mam telefonu", "komórkę mi ukradli")."""
    return bool(_NO_PHONE.search(fold(message)))


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
