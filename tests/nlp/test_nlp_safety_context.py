"""Context around a crisis pattern: time scope, resolutions, everyday uses of danger words.
Sentences written for these tests, not taken from any development or evaluation set."""

from __future__ import annotations

import pytest

from bot.nlp.safety.assess import assess
from bot.nlp.safety.signals import Signal, find_signals


def live(text: str) -> dict[str, bool]:
    """Category -> sure, for the signals that count (not dismissed)."""
    found: dict[str, bool] = {}
    for signal in find_signals(text):
        if not signal.dismissed:
            found[signal.category] = found.get(signal.category, False) or (signal.strong and signal.sure)
    return found


# -- time: a marker reaches its whole sentence, not only its comma clause -----------------------

@pytest.mark.parametrize("text, category", [
    ("Trzy lata temu odeszłam od partnera, który mnie szarpał i bił.", "violence"),
    ("Dawno temu, kiedy piłem, spałem na dworcu przez zimę.", "shelter"),
    ("Przez lata ojczym mnie bił, ale od dawna mieszkam sama.", "violence"),   # a span with a past verb
    ("W 2017 nocowałem w altanie na działkach, ale od roku wynajmuję pokój.", "shelter"),  # a year
    ("Myślałem o tym, żeby się powiesić, ale to już przeszłość.", "suicide"),  # a resolution refers back
    ("Siostra ma za sobą próbę samobójczą, pytam o grupę wsparcia dla rodzin.", "suicide"),
])
def test_a_time_marker_or_a_resolution_sets_the_sentence_in_the_past(text: str, category: str) -> None:
    assert category not in live(text)


@pytest.mark.parametrize("text, category", [
    ("Od lat ojczym mnie bije.", "violence"),                                  # a span in the present
    ("Trzy lata temu straciłam pracę. Mąż mnie bije.", "violence"),            # another sentence
    ("Trzy lata temu straciłam pracę, a teraz mąż mnie bije.", "violence"),    # a contrast word
    ("Rozwód mamy już za sobą. Wczoraj były mąż mnie pobił pod blokiem.", "violence"),  # told after the resolution
    ("Jestem w żałobie po mamie, ojciec mnie wczoraj pobił.", "violence"),     # an event marker keeps to its clause
    ("Kiedyś już się cięłam, teraz znowu to robię.", "suicide"),               # a return brings it back
    ("najlepiej gdybym się powiesił, nikt by nie płakał", "suicide"),          # a conditional is no past
    ("Sąsiad się powiesił w komórce, właśnie go znalazłam", "suicide"),        # just now
])
def test_what_is_present_stays_present(text: str, category: str) -> None:
    assert category in live(text)


def test_a_bed_lost_some_time_ahead_is_not_tonight() -> None:
    assert "shelter" not in live("Za dwa miesiące kończy mi się najem i nie mam gdzie mieszkać, co robić?")
    assert live("Nie mam gdzie spać, właściciel wyrzucił mnie dziś z pokoju").get("shelter") is True


def test_a_match_does_not_join_words_of_two_sentences() -> None:
    assert "shelter" not in live("Wczoraj spałem jak dziecko. Na dworcu kupiłem bilet do Radomia.")


# -- everyday words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Na mrozie pracuję od rana, czy należy mi się dodatek?",
    "Jutro ma być mróz, czy szkoły będą otwarte?",
    "Urząd pracy jest na ulicy Grochowskiej czy na Ząbkowskiej?",
    "Przy jakiej ulicy jest ta noclegownia?",
    "Mieszkam blisko dworca, szukam pracy w okolicy",
    "Jestem ochroniarzem na dworcu, szukam lepszej zmiany",
    "Firma daje zakwaterowanie, śpimy w barakach przy budowie, czy to zgodne z prawem?",
])
def test_weather_addresses_and_workplaces_are_not_sleeping_rough(text: str) -> None:
    assert "shelter" not in live(text)


@pytest.mark.parametrize("text", [
    "Marznę, trzecią noc śpię na ławce",
    "Jest mróz, a ja śpię w namiocie nad Wisłą",
    "Od tygodnia śpię na ulicy",
    "Śpię po klatkach schodowych, nie mam dokąd pójść",
])
def test_cold_with_sleeping_rough_is_shelter(text: str) -> None:
    assert "shelter" in live(text)


@pytest.mark.parametrize("text, category", [
    ("Pod jaki numer dzwoni się do Niebieskiej Linii?", "violence"),
    ("Przygotowuję referat o przemocy w rodzinie, gdzie są dane z Warszawy?", "violence"),
    ("Na kursie pierwszej pomocy ćwiczyliśmy resuscytację na fantomie", "emergency"),
    ("Po czym rozpoznać udar u starszej osoby?", "emergency"),
    ("Gonią mnie terminy w robocie, nie wiem w co ręce włożyć", "emergency"),
    ("Piszę kartkę pożegnalną dla koleżanki z zespołu, odchodzi do innej firmy", "suicide"),
    ("Jutro nie będzie mnie na zajęciach, jak to usprawiedliwić?", "suicide"),
    ("Żegnam się z tą firmą po dziesięciu latach", "suicide"),
    ("Kierowniczka grozi, że zgłosi moje spóźnienia do kadr", "violence"),
    ("Skoczyłam ze spadochronem na urodziny, było super", "suicide"),
    ("Taka praca to samobójstwo finansowe", "suicide"),
    ("Boję się o pracę, umowa mi się kończy", "violence"),                    # "o" is no "ojciec"
    ("Mam padaczkę od dziecka, czy mogę pracować na magazynie?", "emergency"),
    ("Miewam ataki astmy, leczę się u lekarza, czy mogę pracować w piekarni?", "emergency"),
    ("Mam gaz i prąd na siebie, czy MOPS dopłaci do rachunków?", "emergency"),
    ("Tata bije rekordy w grze na telefonie", "violence"),
    ("Ledwo żyję po nocnej zmianie, ale chcę zapytać o szkolenie", "suicide"),
])
def test_services_topics_and_figures_of_speech_are_not_danger(text: str, category: str) -> None:
    assert category not in live(text)


@pytest.mark.parametrize("text, category", [
    ("Mąż mnie bije, dzwoniłam na Niebieską Linię, ale nikt nie odebrał", "violence"),
    ("Mama ma atak padaczki i nie przestaje się trząść", "emergency"),
    ("Kładę się przed pociągiem, nie dam rady dłużej", "suicide"),
    ("Ojciec zamknął brata w piwnicy i nie chce go wypuścić", "violence"),
    ("Żegnam was wszystkich, przepraszam", "suicide"),
])
def test_the_same_words_in_danger_still_count(text: str, category: str) -> None:
    assert category in live(text)


# -- combining -------------------------------------------------------------------------------

def test_a_sure_reply_carries_the_unsure_categories_too() -> None:
    signals = [Signal("violence", False, True)]
    verdict = assess(signals, {"none": 0.05, "shelter": 0.95})
    assert verdict.sure and verdict.categories == ("violence", "shelter")


def test_the_classifier_alone_needs_the_ask_threshold() -> None:
    assert not assess([], {"none": 0.45, "suicide": 0.55}).danger


@pytest.mark.parametrize("text", [
    "Trzy lata temu odeszłam od partnera, który mnie szarpał i bił.",
    "Urząd pracy jest na ulicy Grochowskiej czy na Ząbkowskiej?",
    "Kiedyś już się cięłam, teraz znowu to robię.",
    "Piszę kartkę pożegnalną dla koleżanki z zespołu, odchodzi do innej firmy",
])
def test_the_word_index_gives_the_same_signals(text: str) -> None:
    assert find_signals(text) == find_signals(text, indexed=False)


@pytest.mark.parametrize("text, category", [
    ("Znowu mi się wiesza laptop, gdzie go naprawić?", "suicide"),
    ("Jaki sznurek do suszenia prania kupić?", "suicide"),
    ("Po odwyku czasem mnie ciągnie, ale chodzę na mityngi", "violence"),
    ("Dawne samookaleczenia to zamknięty rozdział, szukam pracy w biurze", "suicide"),
])
def test_things_cravings_and_closed_chapters_are_not_danger(text: str, category: str) -> None:
    assert category not in live(text)


def test_a_volunteer_reporting_danger_now_is_heard() -> None:
    assert "suicide" in live("Jestem wolontariuszką, podopieczny mówi, że dziś się zabije")
