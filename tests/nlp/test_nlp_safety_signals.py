"""The crisis pattern engine: inflection without diacritics, negation, time, idioms, and how the
patterns and the classifier combine. Sentences written for these tests, not taken from any set."""

from __future__ import annotations

import pytest

from bot.nlp.safety.assess import assess
from bot.nlp.safety.signals import find_signals
from tests.safety_signals import live


def dismissed(text: str) -> set[str]:
    return {s.category for s in find_signals(text) if s.dismissed} - set(live(text))


@pytest.mark.parametrize(
    "text, category",
    [
        ("wczoraj spalem na lawce w parku", "shelter"),  # first person past, glued ending, no diacritics
        ("spałabym gdziekolwiek, nie mam gdzie się podziać", "shelter"),
        ("zrobilam sobie krzywde", "suicide"),
        ("ojczym znowu mnie pobił", "violence"),
        ("mój stary rzucił we mnie butelką", "violence"),
        ("jutro pojde na tory i koniec", "suicide"),
        ("kolega nie oddycha", "emergency"),
        ("jacyś dwaj idą za mną od dworca, boję się", "emergency"),
    ],
)
def test_inflected_forms_without_diacritics_are_sure(text: str, category: str) -> None:
    assert live(text).get(category) is True


def test_mam_is_a_verb_not_a_plural_of_mama() -> None:
    # "mam" is also the genitive plural of "mama": it must not make "u mamy"-style cancels fire
    assert live("nie mam gdzie się podziać na noc").get("shelter") is True


def test_negation_makes_a_strong_match_unsure() -> None:
    assert live("nie myślę o samobójstwie, pytam o pracę").get("suicide") is False


@pytest.mark.parametrize(
    "text, category",
    [
        ("w zeszłym roku brat popełnił samobójstwo, czy należy się renta", "suicide"),
        ("dwa lata temu spałem na dworcu", "shelter"),
        ("tata jest po udarze, jakie świadczenia mu przysługują", "emergency"),
        ("jako nastolatka miałam myśli samobójcze", "suicide"),
        ("ojciec bil mame, ale sa juz po rozwodzie", "violence"),
        ("ataków padaczki nie miałem od 6 lat", "emergency"),
        ("mama miała udar, leży w domu, ja się nią opiekuję", "emergency"),  # issue 13
        ("tata miał wylew, leży, zajmuję się nim", "emergency"),
        ("Jestem w domu samotnej matki z synkiem, nie mam gdzie wrocic. Mam 23 lata.", "shelter"),
    ],
)
def test_a_past_event_is_no_danger_now(text: str, category: str) -> None:
    assert category not in live(text)


@pytest.mark.parametrize("text", ["dwa lata temu spałem na dworcu", "w zeszłym roku brat popełnił samobójstwo"])
def test_a_past_match_is_reported_as_dismissed(text: str) -> None:
    assert dismissed(text)


def test_a_present_verb_keeps_a_distanced_match_present() -> None:
    assert live("miesiąc temu mnie wyrzucili i śpię w altanie na działkach").get("shelter") is True


def test_recurrence_keeps_a_past_match_present() -> None:
    assert "suicide" in live("rok temu chciałam się zabić i znowu chcę się zabić")


@pytest.mark.parametrize(
    "text, category",
    [
        ("szef mnie zabije jak się dowie, że zawaliłem termin", "violence"),
        ("mam ochotę kogoś udusić w tej kolejce", "violence"),
        ("serce mi wali przed rozmową kwalifikacyjną", "violence"),
        ("chcę zniknąć z rejestru bezrobotnych", "suicide"),
        ("zawalę ten egzamin na wózek widłowy", "emergency"),
        ("potrzebuję pomocy z wnioskiem o zasiłek", "emergency"),
        ("nie mogę spać przez te długi", "shelter"),
        ("czy z cukrzycą mogę pracować na nocną zmianę", "emergency"),
    ],
)
def test_idioms_and_everyday_phrases_are_not_danger(text: str, category: str) -> None:
    assert category not in live(text)


def test_an_idiom_does_not_hide_a_real_statement_in_the_same_message() -> None:
    assert live("mam dość tej kolejki, nie chcę już żyć").get("suicide") is True


def test_a_dismissed_category_quiets_the_classifier_but_certainty_still_asks() -> None:
    signals = find_signals("brat odebrał sobie życie w zeszłym roku, szukam psychologa dla mamy")
    assert not assess(signals, {"none": 0.4, "suicide": 0.6}).danger
    assert not assess(
        signals, {"none": 0.2, "suicide": 0.8}
    ).danger  # sure for a live category, not for a dismissed one
    verdict = assess(signals, {"none": 0.05, "suicide": 0.95})
    assert verdict.categories == ("suicide",) and not verdict.sure  # nearly certain: the question, not silence


def test_the_classifier_alone_asks_between_the_thresholds() -> None:
    verdict = assess([], {"none": 0.4, "violence": 0.6})
    assert verdict.categories == ("violence",) and not verdict.sure
    assert not assess([], {"none": 0.6, "violence": 0.4}).danger


@pytest.mark.parametrize(
    "text, category",
    [
        ("niechce juz dalej zyc", "suicide"),  # the negation glued to the verb
        ("brat nieoddycha, co robic", "emergency"),
        ("najlepiej by bylo gdyby mnie w ogole nie bylo", "suicide"),
        ("ojczym ma siekiere i mowi ze nas pozabija", "emergency"),  # a weapon and a threat: 112 first
        ("babcia zamarza w tym mieszkaniu", "emergency"),  # someone else freezing
        ("nie dam juz rady, mam leki w rece", "emergency"),  # the means in hand
    ],
)
def test_what_residents_wrote_and_the_patterns_missed(text: str, category: str) -> None:
    assert live(text).get(category) is True


def test_a_loose_negated_match_does_not_hide_a_tight_plain_one() -> None:
    # the first "nie" negates nothing of "nie widzę sensu" in the next clause
    assert live("nikt mi nie odpisuje, nie widze sensu") == {"suicide": False}  # weak: the question
    assert live("nie myślę o tym, nie") == {}


def test_home_that_is_not_safe_is_asked_about() -> None:
    assert live("w domu jest niebezpiecznie") == {"violence": False}


@pytest.mark.parametrize(
    "text, category",
    [
        ("moj syn mowi ze sie nudzi na smierc", "suicide"),
        ("dusi mnie w klatce piersiowej od rana", "violence"),
        ("jestem na moscie Gdanskim, jade do pracy", "suicide"),
        ("mam dosc zycia na zasilku, chce pracowac", "suicide"),
    ],
)
def test_more_everyday_phrases_are_not_danger(text: str, category: str) -> None:
    assert category not in live(text)


@pytest.mark.parametrize(
    "text, category",
    [
        ("mama ma udar, leży i nie mówi", "emergency"),
        ("dziadek właśnie miał zawał, leży na podłodze", "emergency"),
        ("wyrzucili mnie z domu samotnej matki i nie mam gdzie spać dziś", "shelter"),
        ("nie mam gdzie spac z dzieckiem, dom samotnej matki jest pelny", "shelter"),
    ],
)
def test_a_stroke_now_and_a_home_for_mothers_left_are_still_danger(text: str, category: str) -> None:
    """The two readings of issue 13 stay narrow: a stroke happening now, a home for mothers lost."""
    assert live(text).get(category) is True
