"""Family members named in Ukrainian and English messages (issue 14): an age just after one is theirs
("my son is 17", "синові 15", "mama ma 70"), not the writer's. Polish has its own patterns
(bot.dialogue.patterns: PROXY and the clauses about someone else)."""

from __future__ import annotations

import re

_WORDS = {
    "en": r"son|sons|daughter|daughters|mother|mom|mum|father|dad|husband|wife|brother|sister|child|children|kid|kids"
    r"|boy|girl|partner|grandma|grandmother|grandpa|grandfather|parents?",
    # Latin letters too; "don…" only as "donka", "donja", "donechka": "don't" is English
    "uk": r"син\w*|доч\w*|донь\w*|мам\w*|тат\w*|бать\w*|чолов\w*|дружин\w*|брат\w*|сестр\w*|дитин\w*|діт\w*"
    r"|бабус\w*|дід\w*|синов\w*|syn\w*|don(?:ka|ky|ku|ci|ja|ia|ju|ech)\w*|mam\w*|tat\w*|brat\w*|sestr\w*|dytyn\w*",
}


def _pattern(words: str) -> re.Pattern:
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


KIN = _pattern("|".join(_WORDS.values()))  # a family member in either language
KIN_IN = {language: _pattern(words) for language, words in _WORDS.items()}
WORDS_BEFORE = 4


def kin_before(text: str, start: int) -> bool:
    """A family member among the few words before the character `start` (where a number begins)."""
    before = re.findall(r"\w+", text[: max(start, 0)])[-WORDS_BEFORE:]
    return any(KIN.fullmatch(word) for word in before)
