"""What every action needs: the person's profile from the slots, and the shared catalogue."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.dialogue.questions import PHASE_SLOT, next_question
from bot.eligibility import recommend
from bot.knowledge.catalogue import Catalogue
from bot.knowledge.glossary import Glossary, glossary
from bot.knowledge.service import get_catalogue
from bot.profile import FIELDS, PROFILE_KEYS
from bot.settings import Settings, load_settings

FORM = "profile_form"
OFFER_SLOT = "offer"
FINISHED_OFFERS = frozenset({"more_questions", "done"})  # the interview ended by the person's choice


def settings() -> Settings:
    return load_settings()


def catalogue() -> Catalogue:
    current = settings()
    return get_catalogue(current.database_url, current.knowledge_dir)


def words() -> Glossary:
    """The glossary of the words people use (data/knowledge/glossary.yaml)."""
    return glossary(settings().knowledge_dir)


def slots_of(tracker: Tracker) -> dict[str, Any]:
    return dict(tracker.current_slot_values())


def profile_of(slots: dict[str, Any]) -> dict[str, Any]:
    """The contract profile held in the slots; a value that breaks the contract is dropped, not fatal."""
    return {k: slots[k] for k in PROFILE_KEYS if slots.get(k) is not None and FIELDS[k].check(slots[k]) is None}


def result_of(slots: dict[str, Any]) -> dict[str, Any]:
    return recommend(profile_of(slots), catalogue())


def interview_left(slots: dict[str, Any]) -> bool:
    """Whether a question worth asking is left and the person has not ended the interview."""
    if slots.get(OFFER_SLOT) in FINISHED_OFFERS:
        return False
    return bool(next_question(result_of(slots)["missing"], slots, slots.get(PHASE_SLOT) == "extended"))
