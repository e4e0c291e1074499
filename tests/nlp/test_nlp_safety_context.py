"""Context around a crisis pattern: time scope, resolutions, everyday uses of danger words.
Sentences written for these tests, not taken from any development or evaluation set."""

from __future__ import annotations

import pytest

from bot.nlp.safety.assess import assess
from bot.nlp.safety.signals import Signal, find_signals
from tests.safety_signals import live

# -- time: a marker reaches its whole sentence, not only its comma clause -----------------------


@pytest.mark.parametrize(
    "text, category",
    [
        ("Trzy lata temu odeszłam od partnera, który mnie szarpał i bił.", "violence"),
        ("Dawno temu, kiedy piłem, spałem na dworcu przez zimę.", "shelter"),
        ("Przez lata ojczym mnie bił, ale od dawna mieszkam sama.", "violence"),  # a span with a past verb
        ("W 2017 nocowałem w altanie na działkach, ale od roku wynajmuję pokój.", "shelter"),  # a year
        ("Myślałem o tym, żeby się powiesić, ale to już przeszłość.", "suicide"),  # a resolution refers back
        ("Siostra ma za sobą próbę samobójczą, pytam o grupę wsparcia dla rodzin.", "suicide"),
    ],
)
def test_a_time_marker_or_a_resolution_sets_the_sentence_in_the_past(text: str, category: str) -> None:
    assert category not in live(text)


@pytest.mark.parametrize(
    "text, category",
    [
        ("Od lat ojczym mnie bije.", "violence"),  # a span in the present
        ("Trzy lata temu straciłam pracę. Mąż mnie bije.", "violence"),  # another sentence
        ("Trzy lata temu straciłam pracę, a teraz mąż mnie bije.", "violence"),  # a contrast word
        ("Rozwód mamy już za sobą. Wczoraj były mąż mnie pobił pod blokiem.", "violence"),  # told after the resolution
        ("Jestem w żałobie po mamie, ojciec mnie wczoraj pobił.", "violence"),  # an event marker keeps to its clause
        ("Kiedyś już się cięłam, teraz znowu to robię.", "suicide"),  # a return brings it back
        ("najlepiej gdybym się powiesił, nikt by nie płakał", "suicide"),  # a conditional is no past
        # a time elsewhere in the sentence does not make the wish past either (probed, sixteenth session)
        ("nie mam pracy od roku, dlugi, czasem mysle ze lepiej by bylo gdyby mnie nie bylo", "suicide"),
        ("Nie pracuję od lat, długi rosną, lepiej by było, gdyby mnie nie było.", "suicide"),
        ("Sąsiad się powiesił w komórce, właśnie go znalazłam", "suicide"),  # just now
    ],
)
def test_what_is_present_stays_present(text: str, category: str) -> None:
    assert category in live(text)


def test_a_bed_lost_some_time_ahead_is_not_tonight() -> None:
    assert "shelter" not in live("Za dwa miesiące kończy mi się najem i nie mam gdzie mieszkać, co robić?")
    assert live("Nie mam gdzie spać, właściciel wyrzucił mnie dziś z pokoju").get("shelter") is True


def test_a_match_does_not_join_words_of_two_sentences() -> None:
    assert "shelter" not in live("Wczoraj spałem jak dziecko. Na dworcu kupiłem bilet do Radomia.")


# -- everyday words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Na mrozie pracuję od rana, czy należy mi się dodatek?",
        "Jutro ma być mróz, czy szkoły będą otwarte?",
        "Urząd pracy jest na ulicy Grochowskiej czy na Ząbkowskiej?",
        "Przy jakiej ulicy jest ta noclegownia?",
        "Mieszkam blisko dworca, szukam pracy w okolicy",
        "Jestem ochroniarzem na dworcu, szukam lepszej zmiany",
        "Firma daje zakwaterowanie, śpimy w barakach przy budowie, czy to zgodne z prawem?",
    ],
)
def test_weather_addresses_and_workplaces_are_not_sleeping_rough(text: str) -> None:
    assert "shelter" not in live(text)


@pytest.mark.parametrize(
    "text",
    [
        "Marznę, trzecią noc śpię na ławce",
        "Jest mróz, a ja śpię w namiocie nad Wisłą",
        "Od tygodnia śpię na ulicy",
        "Śpię po klatkach schodowych, nie mam dokąd pójść",
    ],
)
def test_cold_with_sleeping_rough_is_shelter(text: str) -> None:
    assert "shelter" in live(text)


@pytest.mark.parametrize(
    "text, category",
    [
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
        ("Boję się o pracę, umowa mi się kończy", "violence"),  # "o" is no "ojciec"
        ("Mam padaczkę od dziecka, czy mogę pracować na magazynie?", "emergency"),
        ("Miewam ataki astmy, leczę się u lekarza, czy mogę pracować w piekarni?", "emergency"),
        ("Mam gaz i prąd na siebie, czy MOPS dopłaci do rachunków?", "emergency"),
        ("Tata bije rekordy w grze na telefonie", "violence"),
        ("Ledwo żyję po nocnej zmianie, ale chcę zapytać o szkolenie", "suicide"),
    ],
)
def test_services_topics_and_figures_of_speech_are_not_danger(text: str, category: str) -> None:
    assert category not in live(text)


@pytest.mark.parametrize(
    "text, category",
    [
        ("Mąż mnie bije, dzwoniłam na Niebieską Linię, ale nikt nie odebrał", "violence"),
        ("Mama ma atak padaczki i nie przestaje się trząść", "emergency"),
        ("Kładę się przed pociągiem, nie dam rady dłużej", "suicide"),
        ("Ojciec zamknął brata w piwnicy i nie chce go wypuścić", "violence"),
        ("Żegnam was wszystkich, przepraszam", "suicide"),
    ],
)
def test_the_same_words_in_danger_still_count(text: str, category: str) -> None:
    assert category in live(text)


# -- combining -------------------------------------------------------------------------------


def test_a_sure_reply_carries_the_unsure_categories_too() -> None:
    signals = [Signal("violence", False, True)]
    verdict = assess(signals, {"none": 0.05, "shelter": 0.95})
    assert verdict.sure and verdict.categories == ("violence", "shelter")


def test_the_classifier_alone_needs_the_ask_threshold() -> None:
    assert not assess([], {"none": 0.45, "suicide": 0.55}).danger


@pytest.mark.parametrize(
    "text",
    [
        "Trzy lata temu odeszłam od partnera, który mnie szarpał i bił.",
        "Urząd pracy jest na ulicy Grochowskiej czy na Ząbkowskiej?",
        "Kiedyś już się cięłam, teraz znowu to robię.",
        "Piszę kartkę pożegnalną dla koleżanki z zespołu, odchodzi do innej firmy",
    ],
)
def test_the_word_index_gives_the_same_signals(text: str) -> None:
    assert find_signals(text) == find_signals(text, indexed=False)


@pytest.mark.parametrize(
    "text, category",
    [
        ("Znowu mi się wiesza laptop, gdzie go naprawić?", "suicide"),
        ("Jaki sznurek do suszenia prania kupić?", "suicide"),
        ("Po odwyku czasem mnie ciągnie, ale chodzę na mityngi", "violence"),
        ("znowu mnie ciągnie do picia", "violence"),  # a residents' round: got the violence reply
        ("Znów mnie ciagnie do kieliszka i do automatów", "violence"),
        ("Dawne samookaleczenia to zamknięty rozdział, szukam pracy w biurze", "suicide"),
    ],
)
def test_things_cravings_and_closed_chapters_are_not_danger(text: str, category: str) -> None:
    assert category not in live(text)


def test_a_volunteer_reporting_danger_now_is_heard() -> None:
    assert "suicide" in live("Jestem wolontariuszką, podopieczny mówi, że dziś się zabije")


# -- time told by a month, a school, an age, a span; a victim who was; a life settled since ------


@pytest.mark.parametrize(
    "text, category",
    [
        ("W lipcu kolega zasłabł na budowie, czy firma powinna była mieć apteczkę?", "emergency"),
        ("W gimnazjum się cięłam, dziś pracuję w sklepie i szukam lepszej pracy", "suicide"),
        ("Kiedy miałem 15 lat, ojczym mnie bił, pytam o terapię dla dorosłych", "violence"),
        ("Przez zimę nocowałam w altanie na działkach, od marca mam pokój", "shelter"),
        ("Byłem ofiarą przemocy w rodzinie, czy to coś daje przy rekrutacji do policji?", "violence"),
        ("Matka mnie biła i wyzywała, teraz jestem dorosły i mieszkam sam", "violence"),
    ],
)
def test_a_story_told_as_over_is_no_danger_now(text: str, category: str) -> None:
    assert category not in live(text)


@pytest.mark.parametrize(
    "text, category",
    [
        ("W lipcu mnie wyrzucili i dalej śpię na klatce", "shelter"),  # a present verb, a recurrence
        ("Jestem ofiarą przemocy, mąż mnie dziś uderzył", "violence"),  # a victim now
        ("Przez tydzień się trzymałam, dziś znowu się tnę", "suicide"),
        ("On mnie ciągnie do samochodu siłą", "violence"),  # pulled towards a place, not a craving
        ("Znowu mnie ciągnie do picia, a mąż mnie bije", "violence"),
    ],
)
def test_the_same_times_with_danger_now_still_count(text: str, category: str) -> None:
    assert category in live(text)


# -- everyday uses: collapse, animals, refugees, donations, leaving a job, "last for today" --------


@pytest.mark.parametrize(
    "text, category",
    [
        ("Wszystko mi się wali, bo znowu odrzucili moje CV", "violence"),
        ("Kot podrapał mnie do krwi, czy to trzeba zgłosić lekarzowi?", "violence"),
        ("Pies sąsiadki ma atak padaczki co miesiąc, gdzie tani weterynarz?", "emergency"),
        ("Brat uciekł przed wojną z Syrii, szuka kursu polskiego", "violence"),
        ("Chcę oddać meble potrzebującym, kto je odbierze?", "suicide"),
        ("Czy mogę odejść z firmy bez okresu wypowiedzenia, jeśli nie płacą?", "suicide"),
        ("To ostatni mój wpis na dzisiaj, jutro wracam z pytaniami", "suicide"),
        ("Jak przebiega sprawa o zakaz zbliżania się dla sprawcy przemocy?", "violence"),
        ("Teść grozi, że przestanie płacić za mieszkanie, co wtedy?", "violence"),
        ("Jutro jestem na dworcu o ósmej, skąd odjeżdża autobus do urzędu?", "shelter"),
        ("Jest zimno, czy w pośredniaku dają kurtki robocze?", "shelter"),
        ("Córka pobiła rekord w pływaniu, a ja szukam pracy", "violence"),
        ("Nie mogę przestać się martwić, czy wezwą mnie do pogotowia w pracy", "emergency"),
    ],
)
def test_everyday_uses_of_danger_words_are_not_danger(text: str, category: str) -> None:
    assert category not in live(text)


@pytest.mark.parametrize(
    "text, category",
    [
        ("Pies nic nie zrobił, to mąż mnie ugryzł i pobił", "violence"),
        ("Chcę odejść z tego świata, nie mam siły", "suicide"),
        ("To moja ostatnia wiadomość, żegnajcie", "suicide"),
        ("Mąż grozi, że mnie zabije, jak wróci", "violence"),
        ("Zostałam na dworcu z dzieckiem, nie mam gdzie spać", "shelter"),
        ("Zimno mi, śpię na ławce", "shelter"),
        ("Kolegę poraził prąd na budowie, nie rusza się", "emergency"),
    ],
)
def test_the_same_words_in_danger_still_count_after_the_everyday_cancels(text: str, category: str) -> None:
    assert category in live(text)


# -- methods and injuries people name without the usual words ----------------------------------


@pytest.mark.parametrize(
    "text, category",
    [
        ("Stoję na torach, już słychać pociąg", "suicide"),
        ("Odkręciłem gaz i siedzę w kuchni", "suicide"),
        ("Zakleiłam szpary w oknie, piecyk gazowy chodzi", "suicide"),
        ("Zaraz coś sobie zrobię, nie wytrzymam", "suicide"),
        ("Mam posiniaczone ręce, mąż", "violence"),
        ("Ojczym tłucze talerze i krzyczy", "violence"),
        ("Córka zjadła moje tabletki nasenne", "emergency"),
    ],
)
def test_methods_and_injuries_named_otherwise_count(text: str, category: str) -> None:
    assert category in live(text)


def test_making_oneself_something_to_eat_is_no_self_harm() -> None:
    assert "suicide" not in live("Zrobię sobie coś do jedzenia i idę na rozmowę")


# -- combining: a negated weak match ---------------------------------------------------------------


def test_a_negated_weak_match_counts_for_nothing() -> None:
    assert not assess([Signal("violence", False, False)], {}).danger
    assert assess([Signal("violence", True, False)], {}).categories == ("violence",)
    assert not assess(find_signals("Brat pije, ale nie jest agresywny, gdzie go leczyć?"), {}).danger


@pytest.mark.parametrize(
    "text",
    [
        "W sierpniu ktoś zasłabł, a dziś znowu mi słabo",
        "Kot dostał drgawek, pies go ugryzł",
        "Gdzie oddać ubrania dla bezdomnych? Zostałem na dworcu",
        "Odkręciłam gaz, zakleiłam drzwi",
    ],
)
def test_the_word_index_gives_the_same_signals_for_the_new_phrases(text: str) -> None:
    assert find_signals(text) == find_signals(text, indexed=False)


# -- combining: a plea at the end of a long, calm message (issue 13) ------------------------------

PLEA = (
    "Jestem w domu samotnej matki z synkiem (2 latka), nie mam gdzie wrocic. Mam 23 lata, "
    "nie mam zawodu, chce pracowac. Jestem pod opieka ops. Pomocy"
)
CALM = {"none": 0.97, "emergency": 0.01, "shelter": 0.02}


def test_a_plea_at_the_end_of_a_long_calm_message_is_no_alarm() -> None:
    signals = find_signals(PLEA)
    assert assess(signals, CALM, words=len(PLEA.split())) == assess([], CALM)


def test_the_same_plea_is_still_asked_about_when_short_doubted_or_strong() -> None:
    signals = find_signals(PLEA)
    assert assess(find_signals("Pomocy"), CALM, words=1).categories == ("emergency",)
    doubted = {"none": 0.9, "emergency": 0.1}
    assert assess(signals, doubted, words=len(PLEA.split())).categories == ("emergency",)
    strong = [Signal("emergency", True, True)]
    assert assess(strong, CALM, words=len(PLEA.split())).sure
    assert assess(signals, {}, words=len(PLEA.split())).categories == ("emergency",), "no classifier: patterns decide"
