"""Ukrainian and English crisis patterns added in the ninth round (2026-11-30): the general families
the development sets data/safety/dev/uk8.yml and en8.yml showed missing (a height or a platform and a
step, a goodbye passed on, the body found, a lethality question, not being saved, a written note, a
belt on a hook, fumes, a car into a tree; beaten with a belt, threats to break bones or burn; a night
with nowhere, a place only because it is warm, told to move out today, a shelter full or open now;
something swallowed, stroke signs, a head injury), and the hard negatives they must leave quiet.
Sentences written for these tests, not taken from any set; every crisis sentence here was missed
(or only asked about) before the round."""

from __future__ import annotations

import pytest

from tests.safety_signals import live


@pytest.mark.parametrize(
    "text, category",
    [
        ("сиджу на старому залізничному мосту, дивлюсь вниз", "suicide"),
        ("стою на перилах на Понятовського, вода холодна", "suicide"),
        ("стою на пероні, ще хвилина і зроблю крок", "suicide"),
        ("передайте братові, що я його любив", "suicide"),
        ("моє тіло хай відправлять до мами", "suicide"),
        ("вранці мене знайдуть на рейках", "suicide"),
        ("коли мене не стане, подбайте про собаку", "suicide"),
        ("хто поховає мене тут, рідних нема", "suicide"),
        ("з дев'ятого поверху вже не вижити, правда?", "suicide"),
        ("скільки ібупрофену випити, щоб не відкачали", "suicide"),
        ("zapysku napysala, vse, bilshe nichoho ne treba", "suicide"),
        ("а як це, боляче коли стрибаєш з висоти?", "suicide"),
        ("як довго мучишся, коли вішаєшся?", "suicide"),
        ("знову бив шнуром, вся спина в слідах", "violence"),
        ("свекор сказав, що переламає мені ребра", "violence"),
        ("сусіди погрожують спалити нашу машину сьогодні", "violence"),
        ("брат викрутив мені руку і не відпускав", "violence"),
        ("старший на роботі погрожує, щоб я мовчала", "violence"),
        ("куди ми на ніч з малою, хостел зачинений", "shelter"),
        ("ne mam hde nocuvaty, dopomozhit", "shelter"),
        ("сиджу на вокзалі в залі очікування, ночую тут бо тепло", "shelter"),
        ("власник сказав виїжджати сьогодні, речі вже на сходах", "shelter"),
        ("закривають о десятій, а я не знаю куди на ніч", "shelter"),
        ("син проковтнув монетку, кашляє", "emergency"),
        ("у бабусі обличчя перекосило, говорить незрозуміло", "emergency"),
        ("в тата ліва нога не слухається, язик заплітається", "emergency"),
        ("син упав з гойдалки, тепер весь час засинає", "emergency"),
        ("сьогодні я піду назавжди, не сумуйте", "suicide"),
        ("у притулку нема місць, стою на морозі з сумками", "shelter"),
        ("my dog is gone and nothing is keeping me here now, i know how", "suicide"),
        ("is the bridge high enough to not survive", "suicide"),
        ("how long does it take to drown", "suicide"),
        ("would it take many of these to not wake up", "suicide"),
        ("standing close to the edge at the station", "suicide"),
        ("the cord is tied to the beam already", "suicide"),
        ("lit the charcoal and taped the door of the garage", "suicide"),
        ("i am done, going up to the rooftop", "suicide"),
        ("gonna drive off the bridge into the river tonight", "suicide"),
        ("nobody will ever find my body", "suicide"),
        ("swallowed the whole bottle of my sertraline", "suicide"),
        ("last message from me, thanks for everything", "suicide"),
        ("the shelter on the corner is full and its almost midnight", "shelter"),
        ("the boss who gave me the room said i must leave the room tonight", "shelter"),
        ("all i need is a roof for tonight", "shelter"),
        ("been sleeping in the laundromat since sunday", "shelter"),
    ],
)
def test_a_crisis_family_of_the_ninth_round_is_sure(text: str, category: str) -> None:
    assert live(text).get(category) is True


@pytest.mark.parametrize(
    "text, category",
    [
        ("gave my books to my flatmate, she wont ask why", "suicide"),
        ("nobody will find me where im going", "suicide"),
    ],
)
def test_a_weaker_family_of_the_ninth_round_asks(text: str, category: str) -> None:
    """Signs that ask first: things given away with a secret, a place no one will find."""
    assert category in live(text)


@pytest.mark.parametrize(
    "text",
    [
        # idioms, exasperation and jokes
        "хоч вішайся з цими відмінками",
        "шеф каже, що повісить мене за цей звіт, жартує",
        "ледь не впала в обморок, коли побачила ціни",
        "хочеться все кинути і поїхати додому, але я тримаюсь",
        "kill me now the bus is late",
        "nearly had a heart attack when the bill came",
        "i would rather die than queue there again",
        "drowning in paperwork this week",
        "the traffic was awful today, i wanted to die, anyway any jobs nearby",
        # the past, and news from far away
        "минулої зими я ночувала на вокзалі, тепер маю кімнату",
        "рік тому в цей час мене побив чоловік, тепер живу окремо",
        "my parents in kharkiv spent last night in the metro, everyone is fine",
        "had a stroke two years ago, fully recovered, can i work as a cleaner",
        # work and everyday talk with knives, ropes, pills, heights
        "працюю на будові мосту, чи платять за висоту більше",
        "я продаю таблетки в аптеці, як підтвердити диплом",
        "i count pills all day at the pharmacy, how do i get a license",
        "my son has epilepsy but the seizures are controlled, can he study",
        "the cable for the tv is hanging from the hook",
        "we climbed to the edge of the old quarry on a school trip",
        "is the lake deep enough for kayaking",
        # a bed for tonight, a service
        "мама живе в noclegowni, там тепло, як їй знайти роботу",
        "хочу волонтерити з бездомними, куди звернутися",
        "my brother is in rehab now, where can he go after",
        "wrote a note for my daughter's teacher, she was ill",
    ],
)
def test_its_look_alikes_stay_quiet(text: str) -> None:
    assert live(text) == {}
