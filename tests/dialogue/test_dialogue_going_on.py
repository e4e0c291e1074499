"""A wish to go on, in Ukrainian and English (twelfth session): after the violence numbers, "ми зараз у
сестри, все добре. що далі?" got "Я не впевнений, що правильно вас розумію…" and the topic menu, because
the words that ask to go on were Polish only."""

import pytest

from bot.dialogue.going_on import wants_to_go_on
from bot.rasa_server.side_questions import going_on


def parsed(text: str, intent: str, language: str) -> dict:
    return {"text": text, "intent": {"name": intent, "confidence": 0.4}, "entities": [], "read_as": language}


@pytest.mark.parametrize(
    ("text", "read_as", "language"),
    [
        ("ми зараз у сестри, все добре. що далі?", "nlu_fallback", "uk"),
        ("дякую, я в безпеці. що далі?", "thank", "uk"),
        ("продовжимо", "out_of_scope", "uk"),
        ("dobre, davaj dali", "nlu_fallback", "uk"),
        ("повернімося до розмови", "goodbye", "uk"),
        ("дякую, давайте дальше", "thank", "uk"),
        ("we're at my sister's now, all good. what's next?", "goodbye", "en"),
        ("thanks, i'm safe. what next?", "thank", "en"),
        ("ok lets keep going", "nlu_fallback", "en"),
        ("Thank you. Can we continue?", "thank", "en"),
        ("back to the questions pls", "out_of_scope", "en"),
    ],
)
def test_a_wish_to_go_on_resumes_the_questions_in_every_language(text: str, read_as: str, language: str) -> None:
    assert wants_to_go_on(text, language)
    assert going_on(parsed(text, read_as, language))["intent"]["name"] == "request_advice"


@pytest.mark.parametrize(
    ("text", "read_as", "language"),
    [
        ("не продовжуймо, я втомилась", "goodbye", "uk"),
        ("чоловік повернувся додому п'яний", "nlu_fallback", "uk"),  # the past: he came back
        ("ні, далі не працюю", "deny", "uk"),  # an answer
        ("дякую, до побачення", "goodbye", "uk"),
        ("i don't want to continue, bye", "goodbye", "en"),
        ("no, i dont know what next", "dont_know", "en"),  # an answer
        ("thanks a lot, bye", "thank", "en"),
        ("what next?", "sit_jobless", "en"),  # a reading that is no end of the talk stays
    ],
)
def test_other_messages_keep_their_reading_in_every_language(text: str, read_as: str, language: str) -> None:
    assert going_on(parsed(text, read_as, language))["intent"]["name"] == read_as


def test_the_words_of_one_language_do_not_go_on_in_another() -> None:
    """ "dalej" is Polish; a Ukrainian reading of a Polish word does not count, nor the reverse."""
    assert wants_to_go_on("ok, dalej", "pl")
    assert not wants_to_go_on("ok, dalej", "en")
    assert not wants_to_go_on("що далі?", "pl")
    assert wants_to_go_on("what's next?", "en") and not wants_to_go_on("what's next?", "uk")
