"""The writer's own statements in a Ukrainian or English message, one clause each (issue 14).

The Ukrainian and English models give a message one intent; a message of several facts ("I am 40,
registered at the labour office, no benefit": no benefit 0.44, registered 0.41) then kept one of them
or none. Each clause read on its own says one thing. Polish has its text patterns instead
(bot.dialogue.patterns), which also know what is no statement of the writer's; here, as there:

- questions are no statements: a sentence ending in "?" and a clause opening with a question word or
  "I don't know what …" ("i dont know what is orzeczenie" was stored as no certificate, probed);
- a clause about a family member is theirs ("my husband is unemployed and registered, i work part time"
  was stored as registered, probed), and so are the clauses after it until the writer speaks of
  themselves again ("I", "я", "мені").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from bot.dialogue.kin import KIN_IN

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_SPLIT = {
    "en": re.compile(r"[,;:]|(?<!\w)(?:and|but|because|so)(?!\w)", re.IGNORECASE),
    "uk": re.compile(r"[,;:]|(?<!\w)(?:і|й|та|але|а|бо|i|ale|a|bo)(?!\w)", re.IGNORECASE),
}
_QUESTION = re.compile(
    r"^\W*(?:what|whats|where|when|how|why|who|which|can|could|should"
    r"|що|де|коли|як|чому|хто|який|яка|яке|які|чи|scho|shcho|sho|de|koly|jak|chy)(?!\w)",
    re.IGNORECASE,
)
# A sentence that opens with not knowing what something is asks about it ("не знаю, що таке ЦІС").
_NOT_KNOWING = re.compile(
    r"^\W*(?:i\s+)?(?:don'?t|dont|do not)\s+know,?\s+(?:what|if|whether)"
    r"|^\W*(?:я\s+)?не знаю,?\s+(?:що|чи|де|як)|^\W*(?:ja\s+)?ne znaju,?\s+(?:scho|shcho|sho|chy)",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"(?<!\w)(?:i|im|i'm|i've|ive|i'd|me|я|мені|мене|мною|ja|meni|mene)(?!\w)",
    re.IGNORECASE,
)
MIN_LETTERS = 3  # "ok", "so": no clause of its own
# In the parse data (bot.rasa_server.nlu.foreign), when the message is more than one statement of the
# writer's: [intent, confidence] of each own statement, and whether a family member was spoken of.
CLAUSES_KEY = "own_clauses"
OTHERS_KEY = "about_others"


@dataclass(frozen=True)
class Reading:
    own: tuple[str, ...]  # the writer's statements
    others: bool  # some clause was about a family member


def read(text: str, language: str) -> Reading:
    """The clauses of `text` that state something of the writer's own."""
    split = _SPLIT.get(language)
    if split is None:
        return Reading((text,), False)
    own: list[str] = []
    others = about_others = False
    for sentence in _SENTENCE.findall(text):
        asking = sentence.rstrip().endswith("?") or bool(_NOT_KNOWING.search(sentence))
        for clause in (c.strip() for c in split.split(sentence)):
            if sum(ch.isalpha() for ch in clause) < MIN_LETTERS:
                continue
            kin, writer = KIN_IN[language].search(clause), _FIRST_PERSON.search(clause)
            if kin and not (writer and writer.start() < kin.start()):
                about_others = others = True  # "my husband is unemployed", not "I look after my mother"
            elif writer:
                about_others = False
            if not (asking or about_others or _QUESTION.search(clause)):
                own.append(clause)
    return Reading(tuple(own), others)


def clause_intents(parse_data: Mapping[str, Any] | None) -> tuple[tuple[str, float], ...] | None:
    """The own statements' intents of a parsed message (CLAUSES_KEY), None when it has none."""
    found = (parse_data or {}).get(CLAUSES_KEY)
    if not isinstance(found, list):
        return None
    return tuple(
        (str(pair[0]), float(pair[1]))
        for pair in found
        if isinstance(pair, (list, tuple)) and len(pair) == 2 and isinstance(pair[1], (int, float))
    )


def about_others(parse_data: Mapping[str, Any] | None) -> bool:
    return bool((parse_data or {}).get(OTHERS_KEY))
