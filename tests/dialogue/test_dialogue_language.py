"""The conversation's language: detection, asking for a language, the slot, and every text following it."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.language import ActionSwitchLanguage, follow_language, slot_language
from actions.session import ActionSessionStart, ActionSummary
from actions.slots import ActionValidateSlotMappings
from bot import language
from bot.codes import read_code, read_conversation
from bot.dialogue.prompts import greeting
from bot.knowledge.db import make_engine
from bot.messages import REFERENCE, current_language, text, using
from bot.rasa_server.nlu.language import LanguageDetector
from bot.rasa_server.safety_first import session_hints
from tests.dialogue.test_dialogue_actions import run, slot_events, tracker


@pytest.mark.parametrize(
    "message, expected",
    [
        ("Dzień dobry, straciłem pracę i nie mam zasiłku", "pl"),
        ("Добрий день, я втратила роботу і не знаю, куди звернутися", "uk"),
        ("Hello, I lost my job last month and I need some help", "en"),
        ("Здравствуйте, я потерял работу и не знаю что делать", "ru"),
        ("Guten Tag, ich habe meine Arbeit verloren und brauche Hilfe", "de"),
        # lingua took it for English; the Polish words decide (the fuzzer's conversation went on in English)
        ("co to jest PAI?", "pl"),
        # lingua: German 0.51, English 0.49; then Polish for the Polish letters of a district (probed: an
        # English speaker was answered in Polish); English's commonest words decide
        ("Hi, I lost my job in October", "en"),
        ("my flat is in Praga Północ too, near the zoo", "en"),
        ("mam 40 lat i szukam pracy w Pradze", "pl"),
        # plainly English: a Polish street's letters (lingua: English) or lingua's German read as Polish
        # (fifteenth session: 37 English first messages of a crisis set went to the Polish classifier)
        ("car crash on Wisłostrada and the driver isn't moving", "en"),
        ("the cheesecake on Hoża is to die for", "en"),
        ("Ich wohne in Warschau und suche Arbeit auf der Baustelle", "de"),
        # Ukrainian with the offices' Polish words in Polish letters (probed: answered in Polish, nothing stored)
        ("маю карту побиту, роботу втратила місяць тому, отримую zasiłek з urzędu", "uk"),
        # lingua: Russian 1.0, but Russian has no "ґ" (probed: a Ukrainian was offered the language choice)
        ("я ж писала: Праґа Полудне", "uk"),
        ("Прывітанне, я з Беларусі, шукаю працу", "be"),
        ("а що таке ЦІС, скажіть будь ласка", "uk"),  # probed: lingua, Belarusian; Belarusian has no "щ"
    ],
)
def test_the_language_of_a_message_that_says_enough(message: str, expected: str) -> None:
    assert language.detect(message) == expected


@pytest.mark.parametrize(
    "message", ["OPS", "34", "ok", "Wola", "tak", "мені 34", "CIS KIS", "hej", "cześć", "Привет", "history"]
)
def test_short_messages_tell_no_language(message: str) -> None:
    assert language.detect(message) is None


@pytest.mark.parametrize(
    "message, expected",
    [
        # probed: each got the Polish welcome (too short for lingua)
        ("Привіт", "uk"),
        ("Добрий день!", "uk"),
        ("pryvit", "uk"),
        ("dobryj den", "uk"),  # lingua: Polish
        ("Hello", "en"),
        ("hi there :)", "en"),
        ("Good morning", "en"),
        ("hi, I lost my job", "en"),  # lingua not sure, and one English function word only
        ("Dzień dobry", "pl"),
        ("Hello, mam 34 lata i szukam pracy", "pl"),  # a greeting only decides what lingua cannot
    ],
)
def test_a_greeting_tells_the_language(message: str, expected: str) -> None:
    assert language.detect(message) == expected


@pytest.mark.parametrize(
    "message, expected",
    [
        ("po polsku", "pl"),
        ("Możesz po polsku?", "pl"),
        ("українською", "uk"),
        ("по-українськи, будь ласка", "uk"),
        ("ukrainskoju", "uk"),
        ("in English", "en"),
        ("english please", "en"),
        ("mam polski paszport", None),
        ("Mówię po polsku i po angielsku", None),  # two languages: ask nothing
        ("Szukam pracy, a w poprzedniej pracy mówiłem głównie po angielsku z klientami", None),  # a long message
    ],
)
def test_a_language_asked_for_in_words(message: str, expected: str | None) -> None:
    assert language.requested(message) == expected


def test_locales_of_channels() -> None:
    assert [language.from_locale(x) for x in ("uk_UA", "en-GB", "pl", "ru_RU", None, "")] == [
        "uk",
        "en",
        "pl",
        None,
        None,
        None,
    ]


def test_texts_follow_the_current_language_and_fall_back_to_polish() -> None:
    assert current_language() == REFERENCE
    with using("uk"):
        assert current_language() == "uk"
        assert greeting() == text("reply.greeting", "uk") != text("reply.greeting", "pl")
        with using("en"):
            assert greeting() == text("reply.greeting", "en")
        assert current_language() == "uk"
    with using("xx"):  # no such catalogue
        assert greeting() == text("reply.greeting", "pl")
    assert current_language() == REFERENCE


def parsed(message: str, intent: str = "sit_unemployed") -> Message:
    found = Message(data={TEXT: message, INTENT: {"name": intent, "confidence": 0.9}, ENTITIES: []})
    LanguageDetector().process([found])
    return found


def test_the_nlu_component_sets_the_intents_and_the_language() -> None:
    asked = parsed("по-українськи, будь ласка")
    assert asked.get(INTENT)["name"] == language.SWITCH_INTENT
    assert [(e["entity"], e["value"]) for e in asked.get(ENTITIES)] == [("language", "uk")]
    assert parsed("Здравствуйте, я потерял работу и не знаю что делать").get(INTENT)["name"] == language.OTHER_INTENT
    written = parsed("Добрий день, я втратила роботу і не знаю, куди звернутися")
    assert written.get(INTENT)["name"] == "sit_unemployed" and written.get(language.PARSE_KEY) == "uk"
    assert parsed("OPS").get(language.PARSE_KEY) is None
    in_danger = parsed("Здравствуйте, я больше не хочу жить, это конец", intent="crisis_suicide")
    assert in_danger.get(INTENT)["name"] == "crisis_suicide", "danger first, in any language"
    ukrainian_danger = parsed("Я більше не хочу жити, сьогодні все закінчу", intent="crisis_suicide")
    assert ukrainian_danger.get(INTENT)["name"] == "crisis_suicide"
    assert ukrainian_danger.get(language.PARSE_KEY) == "uk", "the numbers come in the person's language"
    assert parsed("/switch_language").get(INTENT)["name"] == "sit_unemployed"  # payloads are Rasa's own


def test_the_session_starts_in_the_first_messages_language() -> None:
    assert session_hints({"intent": {"name": "greet"}, "language": "uk"}) == {language.SESSION_KEY: "uk"}
    asked = {"intent": {"name": "switch_language"}, "entities": [{"entity": "language", "value": "en"}]}
    assert session_hints(asked) == {language.SESSION_KEY: "en"}
    assert session_hints({"intent": {"name": "greet"}}) == {}
    metadata = {"session_started_metadata": {language.SESSION_KEY: "uk"}}
    events, dispatcher = run(ActionSessionStart(), tracker(slots=metadata))
    assert dispatcher.messages[0]["text"] == text("reply.greeting", "uk")
    assert dispatcher.messages[1]["custom"] == {"language": "uk"}, "the widget follows"
    assert slot_events(events) == {"language": "uk"}
    events, dispatcher = run(ActionSessionStart(), tracker(slots={"session_started_metadata": {"locale": "en_US"}}))
    assert dispatcher.messages[0]["text"] == text("reply.greeting", "en") and slot_events(events) == {"language": "en"}
    events, dispatcher = run(ActionSessionStart(), tracker())
    assert [m["text"] for m in dispatcher.messages] == [text("reply.greeting", "pl")] and slot_events(events) == {}


def with_language(state, parse_language: str | None):
    if parse_language:
        state.latest_message[language.PARSE_KEY] = parse_language
    return state


def test_the_first_message_that_says_enough_sets_the_language_and_later_ones_keep_it() -> None:
    events, dispatcher = run(
        ActionValidateSlotMappings(), with_language(tracker("Я шукаю роботу", "sit_unemployed"), "uk")
    )
    assert slot_events(events)["language"] == "uk" and {"custom": {"language": "uk"}} in [
        {k: v for k, v in m.items() if k == "custom"} for m in dispatcher.messages
    ]
    events, _ = run(
        ActionValidateSlotMappings(),
        with_language(tracker("I lost my job", "sit_unemployed", slots={"language": "uk"}), "en"),
    )
    assert "language" not in slot_events(events)
    events, dispatcher = run(
        ActionValidateSlotMappings(), with_language(tracker("Szukam pracy", "sit_unemployed"), "pl")
    )
    assert slot_events(events)["language"] == "pl" and not [m for m in dispatcher.messages if m.get("custom")]


def test_a_message_plainly_in_another_language_is_read_in_it() -> None:
    """ "nie mam żadnego orzeczenia", read by the English model in a conversation misread as English from its
    first message, answered another question "no" (the fuzzer's conversation 1804); "мені 41 рік" in a
    Polish conversation got "Nie zrozumiałem" (probed)."""
    assert language.reading_language("nie mam żadnego orzeczenia", "en") == "pl"
    assert language.reading_language("мені 41 рік, живу на Волі", "pl") == "uk"
    assert language.reading_language("I live in Praga Północ", "en") == "en", "a Polish name in English"
    # a Ukrainian conversation reads Polish words and Latin Ukrainian (lingua: Polish) in Ukrainian
    assert language.reading_language("nie mam zasiłku", "uk") == "uk"
    assert language.reading_language("ni, zasilku nemaje", "uk") == "uk"


def test_ukrainian_in_latin_letters_is_ukrainian_when_the_reader_says_so() -> None:
    """lingua reads "pryvit, ja szukaju robotu w Warszawi" as Polish: with a reader of Latin-letter Ukrainian
    (the NLU's trained router), a first message is read, and opens the conversation, in Ukrainian."""
    latin = "pryvit, ja szukaju robotu w Warszawi, meni 34 roky"
    reader = {latin, "dyakuju, a de ce ops na Woli, ja tam zhyvu"}.__contains__
    assert language.detect(latin) == "pl"
    assert language.written_in(latin) == "pl" and language.written_in(latin, reader) == "uk"
    assert language.reading_language(latin, None, reader) == "uk"
    assert language.reading_language("szukam pracy w Warszawie", None, reader) == "pl", "the reader's no"
    assert language.reading_language(latin, "uk", reader) == "uk"
    assert language.written_in("Добрий день, я втратила роботу", reader) == "uk"
    assert language.written_in("I lost my job and I need help", reader) == "en", "lingua's English stands"
    earlier = ["pryvit, ja szukaju robotu w Warszawi, meni 34 roky"]
    assert language.following_language("dyakuju, a de ce ops na Woli, ja tam zhyvu", "en", earlier, reader) == "uk"
    assert language.following_language("dyakuju, a de ce ops na Woli, ja tam zhyvu", "en", earlier) is None
    # in a Polish conversation too, though "ja", "na" and "w" are Polish words (probed: after the numbers in
    # Ukrainian, "dyakuju, ja wże w bezpeci…" got the Polish question)
    assert language.reading_language(latin, "pl", reader) == "uk"
    assert language.following_language("dyakuju, a de ce ops na Woli, ja tam zhyvu", "pl", earlier, reader) == "uk"
    assert language.reading_language("szukam pracy w Warszawie", "pl", reader) == "pl"


def parsed_after_the_nlu(message: str, written: str | None) -> Message:
    found = Message(data={TEXT: message, INTENT: {"name": "greet", "confidence": 0.9}, ENTITIES: []})
    found.set(language.WRITTEN_KEY, written)
    LanguageDetector().process([found])
    return found


def test_the_detector_takes_the_language_the_nlu_found_it_written_in() -> None:
    latin = "pryvit, ja szukaju robotu w Warszawi"
    assert parsed_after_the_nlu(latin, "uk").get(language.PARSE_KEY) == "uk"
    assert parsed_after_the_nlu(latin, None).get(language.PARSE_KEY) == "pl", "without the NLU's verdict: lingua's"


def test_two_messages_in_a_row_plainly_in_another_language_move_the_conversation() -> None:
    polish = ["jakie instytucje mogą mi pomóc?", "/sit_homeless", "Mam 60 lat."]  # newest first: a button, a number
    assert language.following_language("nie mam żadnego orzeczenia", "en", polish) == "pl"
    assert language.following_language("nie mam żadnego orzeczenia", "en", ["I lost my job last year"]) is None
    assert language.following_language("nie mam żadnego orzeczenia", "en", []) is None, "once is not enough"
    assert language.following_language("I live in Praga Północ", "en", ["my flat is in Praga Północ"]) is None
    # people who chose Ukrainian write the offices' Polish words: the conversation stays Ukrainian
    assert language.following_language("nie mam zasiłku", "uk", ["jestem zarejestrowana w urzędzie pracy"]) is None
    latin = ['/switch_language{"language":"uk"}', "dobryj den, ja zarejestrovanyj v urzad pracy, shukaju robotu"]
    assert language.following_language("ni, zasilku nemaje", "uk", latin) is None, "the e2e conversation"
    chosen = ["in English please", "jakie instytucje mogą mi pomóc?"]
    assert language.following_language("nie mam żadnego orzeczenia", "en", chosen) is None, "chosen since"
    english = ["I am from Ukraine and I need a job", "hello"]
    assert language.following_language("can I get help in OPS?", "pl", english) == "en"


def test_the_conversation_follows_the_language_the_nlu_says_it_moves_to() -> None:
    state = tracker("co mi polecasz?", "request_advice", slots={"language": "en", "age": 60})
    state.latest_message[language.READ_AS_KEY] = "pl"
    state.latest_message[language.FOLLOW_KEY] = "pl"
    events, dispatcher = run(ActionValidateSlotMappings(), state)
    assert slot_events(events)["language"] == "pl" and dispatcher.messages[-1]["custom"] == {"language": "pl"}
    once = tracker("nie mam żadnego orzeczenia", "deny", slots={"language": "en"})
    once.latest_message[language.READ_AS_KEY] = "pl"  # read in Polish, but only once
    assert follow_language(once, CollectingDispatcher()) == []


def test_asking_for_a_language_changes_it_at_any_time_and_keeps_every_fact() -> None:
    facts = {"age": 45, "work_status": "registered_unemployed", "language": "uk"}
    switch = tracker("in English", "switch_language", [{"entity": "language", "value": "en"}], slots=facts, form=True)
    events, dispatcher = run(ActionValidateSlotMappings(), switch)
    assert slot_events(events) == {"language": "en"}, "only the language changes"
    assert dispatcher.messages[-1]["custom"] == {"language": "en"}
    same = tracker("українською", "switch_language", [{"entity": "language", "value": "uk"}], slots=facts)
    assert follow_language(same, CollectingDispatcher()) == []


def test_every_action_speaks_the_slots_language() -> None:
    """The action server's dispatcher runs each request in the tracker's language (actions/language.py)."""
    assert slot_language({"slots": {"language": "en"}}) == "en"
    assert slot_language({"slots": {"language": "xx"}}) == slot_language({}) == "pl"
    executor = ActionExecutor()
    executor.register_action(ActionSwitchLanguage())
    state = tracker("in English", "switch_language", slots={"language": "en"})
    call = {"next_action": "action_switch_language", "tracker": state.current_state(), "domain": {}}
    call["tracker"]["slots"] = state.slots
    answer = asyncio.run(executor.run(call))
    assert [r["text"] for r in answer["responses"]] == [text("reply.language_switched", "en")]
    assert current_language() == REFERENCE, "the language is the request's only"


@pytest.fixture
def database(tmp_path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_the_summary_code_keeps_the_language(database: str) -> None:
    slots = {"age": 30, "work_status": "jobless_unregistered", "language": "uk"}
    events, dispatcher = run(ActionSummary(), tracker(slots=slots))
    code = slot_events(events)["summary_code"]
    engine = make_engine(database)
    assert read_conversation(engine, code) == ({"age": 30, "work_status": "jobless_unregistered"}, "uk")
    assert read_code(engine, code) == {"age": 30, "work_status": "jobless_unregistered"}
