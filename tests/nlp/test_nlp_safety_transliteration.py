"""The Ukrainian lexicon reads Ukrainian in Latin letters by sound key, in any transliteration
(bot.nlp.safety.transliteration, issue 14, thirteenth session); a Polish message is read as written.

The messages were written for this test (none is a training or evaluation example).
"""

from __future__ import annotations

import pytest

from bot.nlp.foreign.tokens import sound_key
from bot.nlp.safety.signals import find_signals, lexicons
from bot.nlp.safety.transliteration import word_keys


def categories(message: str) -> set[str]:
    return {s.category for s in find_signals(message) if not s.dismissed}


@pytest.mark.parametrize(
    ("message", "category"),
    [
        # Polish-style transliteration ("cz", "sz", "w", "ż", "j"), which the lexicon does not list
        ("zroblu petlu z pasa, wże perewiryw haczok", "suicide"),
        ("wże nakowtajusia tabłetok i wse", "suicide"),
        ("meni wże wse odno, choczu wmerty siohodni", "suicide"),
        ("czołowik mene znowu pobyw, ja bojusia jty dodomu", "violence"),
        ("wże tretiu nicz spłju na wokzali, nema kudy jty", "shelter"),
    ],
)
def test_polish_style_latin_ukrainian_is_read(message: str, category: str) -> None:
    assert category in categories(message)
    plain = {s.category for s in find_signals(message, lexicons()["uk"].plain) if not s.dismissed}
    assert category not in plain, "written so that only the sound keys read it"


def test_ch_is_read_both_ways() -> None:
    # "ch" is "ч" for one writer ("chomu") and "х" for another ("choczu" = "хочу")
    assert "hocu" in word_keys("choczu")
    assert sound_key("хочу") == "hocu"
    assert word_keys("вже") == ()  # a Cyrillic word is compared as written


def test_a_polish_message_is_not_read_by_sound_keys() -> None:
    # "zamykają" has the key of "замикає" (locks in): without a Ukrainian word in the message the
    # Latin words are read as written, so a Polish hostel closing is no violence
    message = "zamykają nam hostel robotniczy w piątek, szukam pokoju"
    uk = lexicons()["uk"]
    assert uk.reading(message) is uk.plain
    assert categories(message) == set()
    keyed = {s.category for s in find_signals(message, uk) if not s.dismissed}
    assert keyed, "the keyed lexicon alone would read it: the gate is what keeps it out"


def test_a_ukrainian_marker_turns_the_keys_on() -> None:
    uk = lexicons()["uk"]
    assert uk.reading("ja wże ne znaju szczo robyty") is uk
    assert uk.reading("nie wiem co robić") is uk.plain


@pytest.mark.parametrize(
    ("message", "suicide"),
    [
        ("дідусь пішов з життя минулого тижня, ми всі сумуємо", False),  # a death, told
        ("хочу піти з життя, більше не можу", True),
    ],
)
def test_gone_from_life_in_the_past_is_a_death(message: str, suicide: bool) -> None:
    assert ("suicide" in categories(message)) is suicide
