"""Ukrainian and English patterns fixed in the thirteenth session (issue 14), each a family seen in
more than one writer's messages; the sentences were written for this test."""

from __future__ import annotations

import pytest

from bot.nlp.safety.signals import find_signals


def live(message: str) -> set[str]:
    return {s.category for s in find_signals(message) if not s.dismissed}


@pytest.mark.parametrize(
    "message",
    [
        "донька з'їла мамині таблетки від серця, їй два роки",  # "з'їла", not only "з'їв"
        "малі зїли якісь пігулки з аптечки, шо робити",
        "baby swallowed a battery 5 min ago",  # "min" is as near as "minutes"
        "синочок проковтнув батарейку 5 хв тому",
    ],
)
def test_something_swallowed_just_now_is_an_emergency(message: str) -> None:
    assert "emergency" in live(message)


def test_a_battery_is_not_battering() -> None:
    assert "violence" not in live("my son swallowed a battery from the remote")
    assert "violence" in live("my husband battered me again last night and i cant leave")


@pytest.mark.parametrize(
    "message",
    [
        "мама мене вб'є, якщо дізнається про двійку",  # the condition after a comma
        "тато мене вбє якшо побачить шо я розбила телефон",  # surzhyk "якшо"
        "my dad will kill me, if he finds out i failed the exam",
    ],
)
def test_will_kill_me_if_they_find_out_is_an_idiom(message: str) -> None:
    assert not live(message) & {"violence", "emergency", "suicide"}


@pytest.mark.parametrize(
    "message",
    [
        "він мене вб'є, якщо я піду в поліцію, він так сказав",
        "he will kill me, if i go to the police he said it twice",
    ],
)
def test_a_threat_with_its_condition_stays_a_threat(message: str) -> None:
    assert "violence" in live(message)


@pytest.mark.parametrize(
    "message",
    [
        "як тихо піти без болю, щоб не мучитись, якими таблетками померти",
        "шукаю отруту для себе, де таку продають",
        "треба щоб виглядало як нещасний випадок, тоді страховку дадуть сім'ї",
        "після суботи я вже не буду жива",
        "зробила петлю з шарфа і перевірила гак",
        "whats the most painless way to die at home",
        "i took double my meds on purpose so i dont wake up",
        "i wont be alive by the time you read this",
        "how tight should i tie the noose",
    ],
)
def test_a_plan_in_other_words_is_suicide(message: str) -> None:
    assert "suicide" in live(message)


@pytest.mark.parametrize(
    "message",
    [
        "painless tattoo removal, where in warsaw?",
        "лікар сказав шо процедура буде без болю, не бійтесь",
        "i tied a rope for the washing on the balcony",
    ],
)
def test_the_same_words_without_a_plan_are_not(message: str) -> None:
    assert "suicide" not in live(message)


# Families of uk6's misses and false alarms (fold G), in sentences of this test's own.
@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("яка смертельна доза снодійного для жінки 50 кг", "suicide"),
        ("з дев'ятого поверху точно не виживеш?", "suicide"),
        ("все вже вирішила, лишилось дату вибрати", "suicide"),
        ("брат п'яний кричить шо переріже собі вени", "suicide"),
        ("мама раптом не бачить одним оком і мова плутається", "emergency"),
        ("на вокзалі причепились двоє, кажуть пожалієш якшо не віддам телефон", "emergency"),
    ],
)
def test_uk6_families_are_read(message: str, category: str) -> None:
    assert category in live(message)


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("я зараз втоплю цей телефон, знову завис", "suicide"),
        ("бачу бездомного на лавці біля метро, кому дзвонити шоб йому допомогли?", "shelter"),
        ("ночую в знайомих, господиня дозволила до кінця місяця", "shelter"),
    ],
)
def test_uk6_false_alarm_families_are_not(message: str, category: str) -> None:
    assert category not in live(message)


# Families of en6's misses and false alarms (fold G), in sentences of this test's own.
@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("wher can i sleep tonite in warsaw", "shelter"),
        ("got the helium tank and a mask, this weekend", "suicide"),
        ("my dad having fits for 5 mins now and wont stop", "emergency"),
        ("her waters broke at 31 weeks, lots of blood", "emergency"),
        ("hiding in a shop, a group of guys chased me from the tram", "emergency"),
        ("her brother did it off that bridge and tonight she says she's gonna do it too", "suicide"),
    ],
)
def test_en6_families_are_read(message: str, category: str) -> None:
    assert category in live(message)


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("took a first aid course at work, we practised CPR, does it count for my CV", "emergency"),
        ("we had overdose response training in the shelter where i volunteer", "emergency"),
        ("my cousin killed himself in March, is there a support group in english", "suicide"),
    ],
)
def test_en6_false_alarm_families_are_not(message: str, category: str) -> None:
    assert category not in live(message)


# Families of uk7's misses and false alarms (fold H), in sentences of this test's own.
@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("побили мене біля магазину, вони ще тут стоять", "emergency"),
        ("хлорка потрапила в очі, страшно пече", "emergency"),
        ("хтось ламає двері в квартиру, я з дитиною в ванній", "emergency"),
        ("брат випив пляшку горілки і не прокидається, я його трясу", "emergency"),
        ("у тата раптом одне око перестало бачити", "emergency"),
        ("з якого мосту стрибати, шоб напевно", "suicide"),
        ("сусід тягне жінку за волосся по сходах", "violence"),
    ],
)
def test_uk7_families_are_read(message: str, category: str) -> None:
    assert category in live(message)


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("бригадир з нас кров пє, хочу іншу роботу", "emergency"),
        ("здав кров як донор, чи дають за це вихідний", "emergency"),
        ("забув випити таблетки від тиску, шо робити", "suicide"),
        ("у 15 років різала руки, тепер все добре, питаю про роботу", "suicide"),
        ("ночую в ночліжці на Праґі, а вдень куди з речами?", "shelter"),
    ],
)
def test_uk7_false_alarm_families_are_not(message: str, category: str) -> None:
    assert category not in live(message)


# Families of en7's misses and false alarms (fold H), in sentences of this test's own.
@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("i want to finish my life, what tablets work fast", "suicide"),
        ("im in the stairwell again tonight, the neighbours keep yelling at me", "shelter"),
    ],
)
def test_en7_families_are_read(message: str, category: str) -> None:
    assert category in live(message)


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("my mum will skin me alive when she sees my grades", "violence"),
        ("about to throw my phone out the window, the app froze again", "suicide"),
        ("if i eat one more pączek i will burst", "suicide"),
        ("they will cut my electricity next month if i dont pay the bills", "violence"),
        ("the shelter gave me a bed until april, what jobs can i find", "shelter"),
    ],
)
def test_en7_false_alarm_families_are_not(message: str, category: str) -> None:
    assert category not in live(message)


def test_jumping_into_the_water_is_not_a_bill() -> None:
    message = "if i jump off the bridge into the cold water will it be quick"
    assert "suicide" in live(message)
