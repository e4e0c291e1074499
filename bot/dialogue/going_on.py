"""A wish to go on with the conversation, in each language the assistant speaks: "wróćmy do rozmowy",
"давайте далі", "let's keep going" (bot.rasa_server.side_questions.going_on reads such a message as
`request_advice` when the NLU saw an end of the talk in it, e.g. a "thank you" after the crisis numbers).
"""

from __future__ import annotations

import re

from bot.nlp.morphology import fold

# Polish, on folded text (no diacritics): "wróćmy do rozmowy", "dobra, kontynuujmy", "ok to pogadajmy o pracy".
_POLISH = re.compile(
    r"\b(wrocmy|wracajmy|wroc|kontynuuj\w*|kontynuowac|dalej|pogadajmy|porozmawiajmy|zaczynajmy|lecimy)\b"
)
# Ukrainian in Cyrillic and in Latin letters, with the Russian forms people mix in: "що далі?", "давай дальше",
# "продовжимо", "повернімося до розмови", "poïхали", "ok, shcho dali". Only forms that ask ("повернімося",
# "вернемось"), not the past ("чоловік повернувся").
_UKRAINIAN = re.compile(
    r"\b(далі|дальше|продовж\w*|продолж\w*|поверн[іе]мо\w*|повертаймо\w*|верн[іе]мо\w*|вернемся|поїхали|поехали"
    r"|dali|dalshe|dalsze|prodovzh\w*|prodovz\w*|prodolzh\w*|povern[iye]mo\w*|poyikhaly|poihaly|poekhali)\b"
)
# English: "let's continue", "can we go on", "what's next?", "back to the questions", "ok lets keep going".
_ENGLISH = re.compile(
    r"\b(continue|go on|keep going|carry on|move on|proceed|next question|what'?s next|what next|what now"
    r"|back to (the )?(questions?|conversation|chat|talk|it)|let'?s go)\b"
)
GO_ON = {"pl": _POLISH, "uk": _UKRAINIAN, "en": _ENGLISH}
# A "not" just before the wish (one word between at most): "nie wracajmy do tego", "не продовжуймо",
# "i don't want to continue".
_NOT_BEFORE = {
    "pl": re.compile(r"\bnie (\w+ )?$"),
    "uk": re.compile(r"\b(не|ne|nie) (\w+ )?$"),
    "en": re.compile(r"\b(not|no|never|don'?t|do not|dont) (\w+ )?(\w+ )?$"),
}


def _normalised(text: str, language: str) -> str:
    if language == "pl":
        return fold(text)
    return re.sub(r"\s+", " ", text.lower().replace("’", "'").replace("ʼ", "'"))


def wants_to_go_on(text: str, language: str = "pl") -> bool:
    """Whether the message asks to go on with the conversation ("wróćmy do rozmowy", "chcę dalej
    odpowiadać", "продовжимо", "let's continue"), not to stop it ("nie wracajmy do tego", "i don't want
    to continue"). A language the assistant does not speak is read as Polish."""
    language = language if language in GO_ON else "pl"
    normalised = _normalised(text, language)
    found = GO_ON[language].search(normalised)
    return bool(found) and not _NOT_BEFORE[language].search(normalised[: found.start()])
