"""Crisis signals in Ukrainian (Cyrillic and Latin transliteration, surzhyk) and English (issue 14),
and which language's lexicon reads a message. Sentences written for these tests, not taken from
any set (neither the development sets of data/safety/dev nor the held-out ones)."""

from __future__ import annotations

import pytest

from bot.nlp.safety.languages import applicable
from bot.nlp.safety.signals import lexicons
from bot.nlp.safety.text import fold_word, read_text
from tests.safety_signals import live


@pytest.mark.parametrize(
    "text, category",
    [
        # Ukrainian, Cyrillic
        ("я вже не хочу жити на цьому світі", "suicide"),
        ("думаю покінчити з собою цієї ночі", "suicide"),
        ("завтра стрибну з даху нашого блоку", "suicide"),
        ("чоловік знову бʼє мене при дітях", "violence"),
        ("муж бьот меня кагда пьяный", "violence"),  # surzhyk, Russian spelling
        ("мені нема де сьогодні ночувати", "shelter"),
        ("ночую на лавці біля вокзалу", "shelter"),
        ("сусідка не дихає, лежить на підлозі", "emergency"),
        ("в тата судоми прямо зараз", "emergency"),
        # Ukrainian, Latin transliteration without apostrophes
        ("ne khochu zhyty, vse", "suicide"),
        ("ne hochu zhit bilshe", "suicide"),
        ("khochu vbyty sebe", "suicide"),
        ("cholovik bye mene i ditey", "violence"),
        ("nema de spaty sohodni vnochi", "shelter"),
        ("brat ne dykhaye", "emergency"),
        # English, native and not, no punctuation
        ("i want to end my life tonight", "suicide"),
        ("gonna jump off the bridge near my work", "suicide"),
        ("my husband keeps beating me and the kids", "violence"),
        ("my boyfriend choked me and i am scared", "violence"),
        ("no place to sleep tonight me and my son", "shelter"),
        ("sleeping at the bus station since monday", "shelter"),
        ("my wife is not breathing", "emergency"),
        ("some man following me from metro i am scared", "emergency"),
    ],
)
def test_a_crisis_in_ukrainian_or_english_is_sure(text: str, category: str) -> None:
    assert live(text).get(category) is True


@pytest.mark.parametrize(
    "text",
    [
        # Ukrainian idioms and everyday talk with dramatic words
        "треба якось вбити час до співбесіди",
        "вмираю від нудьги на цих курсах",
        "цей urząd мене вбʼє своїми папірцями",
        "не хочу жити в гуртожитку з чужими людьми",
        "вигнали з роботи без пояснень",
        "ночую у сестри поки шукаю кімнату",
        "два роки тому ночувала на вокзалі, тепер маю квартиру",
        "працюю на даху, кладу черепицю",
        "vbyty chas v cherzi",
        # English idioms and everyday talk
        "this paperwork is killing me",
        "im dying to start working again",
        "i dont want to live in a shared room",
        "my landlord will kill me if i pay late",
        "got kicked out of the course for missing classes",
        "i stay at my cousins place for now",
        "a year ago i slept at the station, now i rent a room",
        "i work on a bridge renovation crew",
        "can you help me find a job in wola",
    ],
)
def test_everyday_ukrainian_and_english_is_no_danger(text: str) -> None:
    assert live(text) == {}


def test_a_negated_crisis_in_english_is_asked_about_not_sure() -> None:
    assert live("i am not thinking about suicide, just asking about work").get("suicide") is False


def test_the_polish_lexicon_does_not_read_a_message_in_english() -> None:
    every = lexicons()
    assert applicable("can you help me with my application please", every) == ["en"]
    # Polish "pomocy" style cries still reach the Polish lexicon, and mixed messages keep both
    assert "pl" in applicable("nie mam gdzie spać, sorry for my bad polish", every)
    assert set(applicable("чи можна мені допомогти, ja nie mam gdzie spac", every)) >= {"pl", "uk"}


def test_a_polish_message_is_not_read_with_the_latin_ukrainian_words() -> None:
    # "pobił" folds to the transliterated Ukrainian "pobil"; the Polish lexicon knows the record
    assert "uk" not in applicable("syn pobił rekord w biegu, a ja szukam pracy", lexicons())


def test_an_apostrophe_inside_a_word_joins_it_and_a_latin_i_reads_as_cyrillic() -> None:
    lex = lexicons()["uk"]
    words = read_text(
        "він б'є, нiде спати", lex.clause_breaks.matches, lex.segment_breaks.matches, lex.segment_openers.matches
    ).words
    assert words == ("він", "бє", fold_word("ніде"), "спати")
    assert read_text(
        "don't", lex.clause_breaks.matches, lex.segment_breaks.matches, lex.segment_openers.matches
    ).words == ("dont",)


# Common Polish words; a Ukrainian or English "commonest word" among them takes a Polish message
# with none of the Polish list's words away from the Polish patterns. English keeps "my" and "we",
# its own commonest words: a Polish message needs two English ones and no Polish one to lose them.
POLISH_EVERYDAY = (
    "a i o u w z ze to ty on ona ono wy oni im ich go mu mi by bym no na do po za od pod nad tak tu tam zaraz teraz raz"
)


@pytest.mark.parametrize("language", ["uk", "en"])
def test_no_common_polish_word_is_another_languages_common_word(language: str) -> None:
    assert lexicons()[language].function_words.isdisjoint(POLISH_EVERYDAY.split())


@pytest.mark.parametrize(
    "text, category",
    [
        ("zaraz skoczę pod pociąg, ty wiesz", "suicide"),  # "zaraz" and "ty" were Ukrainian words
        ("Im starsza tym gorzej, by im pomóc muszę się zabić", "suicide"),  # "im" and "by" were English
    ],
)
def test_a_polish_crisis_with_no_listed_polish_word_is_read_in_polish(text: str, category: str) -> None:
    assert "pl" in applicable(text, lexicons())
    assert category in live(text)
