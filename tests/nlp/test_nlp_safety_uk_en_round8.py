"""Ukrainian and English crisis patterns added in the eighth round (2026-11-29): the families the
development sets data/safety/dev/uk7.yml and en7.yml showed missing, and the hard negatives they
must leave quiet. Sentences written for these tests, not taken from any set; every crisis sentence
here was missed (or only asked about) before the round."""

from __future__ import annotations

import pytest

from bot.nlp.safety.signals import find_signals
from tests.safety_signals import live


@pytest.mark.parametrize(
    "text, category",
    [
        ("тато каже що відкриє газ, поки ми спимо", "suicide"),
        ("сиджу біля рейок на Служевці, сил вже нема, чекаю", "suicide"),
        ("це моя остання ніч, вибачте всі", "suicide"),
        ("zapysala video dlja mamy, vse vyrishyla, proshchajte", "suicide"),
        ("скільки поверхів треба щоб напевно", "suicide"),
        ("сестра закрилась і каже що переріже собі вени", "suicide"),
        ("не шукайте мене більше", "suicide"),
        ("проковтнула цілу упаковку від тиску", "suicide"),
        ("ne choczu zhyty", "suicide"),
        ("syn pyshe shcho vbje sebe", "suicide"),
        ("хазяйка погрожує що заріже мене, якщо не заплачу", "violence"),
        ("хлопець порвав мої документи і сильно вдарив", "violence"),
        ("третя ніч без даху, сиджу біля Centralnej", "shelter"),
        ("в нічліжці не пускають без документів, а вже ніч", "shelter"),
        ("чи є вільне місце в притулку на сьогодні для мами з дитиною", "shelter"),
        ("під мостом на картоні ночую", "shelter"),
        ("spimo z synom na przystanku, dali nemaje kudy", "shelter"),
        ("до ранку в макдональдсі, а потім на вулицю", "shelter"),
        ("нас виселили сьогодні ввечері, стоїмо з речами", "shelter"),
        ("батько не притомніє після падіння", "emergency"),
        ("в колеги кровить рука, сильно, не зупиняється", "emergency"),
        ("незнайомий чоловік вліз у квартиру через балкон, я в ванній", "emergency"),
        ("якісь типи пишуть що заріжуть, бо я свідок", "emergency"),
        ("vnuk vypav z vikna", "emergency"),
        ("мою сестру тримають у квартирі, не випускають", "violence"),
        ("i will walk in front of one at centrum, the metro is almost here", "suicide"),
        ("my daughter left a goodbye video and now shes not answering, she was near the bridge", "suicide"),
        ("i dey sit for the edge of the roof", "suicide"),
        ("soon there will be one less burden for my family", "suicide"),
        ("i saved up my diazepam, all of it tonight", "suicide"),
        ("my wife says i belong to her and hides my passport", "violence"),
        ("my husband says im not allowed to leave the flat without him", "violence"),
        ("owner changed the locks while i was at work, all my stuff is outside", "shelter"),
        ("tent behind the tesco, minus 6 tonight", "shelter"),
        ("sitting in the library until it closes, then the street again", "shelter"),
        ("i am outside with my suitcase, the hostel is full", "shelter"),
        ("my uncle wont take us in anymore, we are at the station", "shelter"),
        ("a man keeps trying to open our door, we dont know him", "emergency"),
        ("my colleague got hit by a crane hook and fell", "emergency"),
        ("my son is not awake and his lips look strange", "emergency"),
    ],
)
def test_a_crisis_family_of_the_eighth_round_is_sure(text: str, category: str) -> None:
    assert live(text).get(category) is True


@pytest.mark.parametrize(
    "text",
    [
        "хазяйка погрожує виселити, якщо не заплачу до кінця місяця",
        "шеф мене задушить, якщо дізнається що я запізнився",
        "чи можна викликати швидку іноземцю без страховки",
        "треба відкрити газ у новій квартирі, куди дзвонити",
        "скільки метрів кабелю треба на кухню",
        "здала кров з вени, аналізи в понеділок",
        "мене побили ще в школі, тепер працюю охоронцем",
        "не шукайте роботу через цю агенцію, обманюють",
        "остання ніч перед співбесідою, хвилююсь",
        "знайшла план квартири в шухляді",
        "ночую в хостелі, вільне місце було тільки на сьогодні",
        "i was robbed in march, im fine now, can i get a new karta pobytu",
        "my town got hit by the flood but everyone is safe",
        "used drugs when i was 19, clean for five years, can i work as a driver",
        "how do i call an ambulance in poland if i only speak english",
        "homeless last year but now in a room from ops, looking for work",
        "got a place at the homeless centre, how do i register at pup",
        "homeless, but my aunt lets me stay with her, can i get benefits",
        "not allowed to work without a permit, is that true",
        "we changed the locks after moving in, how do i register the address",
        "camping with the kids in a tent this weekend",
    ],
)
def test_its_look_alikes_stay_quiet(text: str) -> None:
    assert live(text) == {}


@pytest.mark.parametrize(
    "text, category",
    [
        ("вбийте мене, знову ця черга в урзонді", "violence"),
        ("у Києві прилетіло в сусідній будинок, батьки цілі", "emergency"),
        ("my girlfriend dumped me last night, feeling awful", "violence"),
        ("life is tough here but im holding on", "suicide"),
    ],
)
def test_an_idiom_or_news_from_far_away_silences_the_classifier_for_its_category(text: str, category: str) -> None:
    """The patterns read these words as no danger now (assess then silences the classifier for it)."""
    assert category in {s.category for s in find_signals(text) if s.dismissed}
    assert live(text) == {}
