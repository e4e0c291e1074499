"""Which languages' lexicons read a message.

Every lexicon reads every message, except one whose language the message plainly is not: the
Polish patterns were written for Polish words, and on an English message short words that are
Polish ones too ("help", "on", "go") would make them fire; the Ukrainian ones in Latin letters
("syn", "brat", "pobyl") would fire on Polish. A lexicon is left out when none of its language's
commonest words (`function_words` in its lexicon file) is in the message and another language's
are, at least MIN_WORDS of them. Mixed messages ("nie mam gdzie spać, sorry for my polish",
"чи можна мені допомогти, ja chce umrzec") keep every lexicon whose words are there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Mapping

from bot.nlp.safety.text import fold_word, plain

if TYPE_CHECKING:
    from bot.nlp.safety.signals import Lexicon

MIN_WORDS = 2
_WORD = re.compile(r"[^\W_]+")


def counts(message: str, lexicons: Mapping[str, "Lexicon"]) -> dict[str, int]:
    """Per language: how many words of the message are its function words."""
    words = [fold_word(word) for word in _WORD.findall(plain(message))]
    return {language: sum(word in lex.function_words for word in words) for language, lex in lexicons.items()}


def applicable(message: str, lexicons: Mapping[str, "Lexicon"]) -> list[str]:
    """The languages whose lexicons read the message, in the order given."""
    found = counts(message, lexicons)
    return [
        language
        for language in lexicons
        if found[language] or not any(n >= MIN_WORDS for other, n in found.items() if other != language)
    ]
