"""Time: whether a match is set in the past, or in a story the message says is over.

- A distance marker ("temu", "w zeszłym roku", "po udarze", "ma za sobą") in the match's own
  clause sets it in the past; a `past_only` marker ("kiedyś", "przez lata", "w 2015") only
  with a verb in the past there ("kiedyś się zabiję" is a plan).
- A time marker (`segment_markers`, phrases with `reach: segment`; not an event such as "po
  pogrzebie", "zmarł") elsewhere in the same segment (the sentence up to a contrast word, across commas:
  "Pięć lat temu uciekłam od męża, który mnie bił") sets the match in the past when its own
  clause has a verb in the past and none in the present.
- A resolution ("mamy już rozwód", "to już przeszłość", "teraz mam pokój") refers back: a match
  before it, with no verb in the present in its clause, is over.
- A future phrase ("za dwa miesiące", for a bed) in the segment sets the match aside, whatever
  the tense: Polish says the near future in the present.
A return later in the message ("…, teraz znowu o tym myślę") keeps it present too.
A match whose own word is part of a distance phrase ("leży po wylewie") is past whatever the
tense. Otherwise a word of the match in the present, or a recurrence word in its segment ("znowu", "nadal"),
keeps it present.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.nlp.safety.patterns import Pattern, Term, matches
from bot.nlp.safety.text import Text, is_past, is_present

if TYPE_CHECKING:
    from bot.nlp.safety.signals import Lexicon


@dataclass(frozen=True)
class Context:
    """What a message says about time, found once per message."""

    phrase_words: dict[str, set[int]]  # per category: words of distance phrases ("w zeszłym roku")
    past_phrase_words: dict[str, set[int]]  # per category: words of phrases that need a past verb ("przez lata")
    future_words: dict[str, set[int]]  # per category: words of phrases set in the future ("za dwa miesiące")
    reaching: set[int]  # words of time phrases that reach the whole segment ("w zeszłym roku")
    resolved_at: int  # the last word of the last resolution ("mamy już rozwód"); -1 when none


def read_context(text: Text, lex: "Lexicon", categories: tuple[str, ...]) -> Context:
    phrase_words: dict[str, set[int]] = {c: set() for c in categories}
    past_phrase_words: dict[str, set[int]] = {c: set() for c in categories}
    future_words: dict[str, set[int]] = {c: set() for c in categories}
    reaching: set[int] = set()
    for phrase in lex.distance_phrases:
        target = future_words if phrase.future else past_phrase_words if phrase.past_only else phrase_words
        for combo in matches(phrase.pattern, text):
            for category in phrase.categories:
                target[category].update(combo)
            if phrase.segment:
                reaching.update(combo)
    resolved_at = max((max(combo) for pattern in lex.resolved for combo in matches(pattern, text)), default=-1)
    return Context(phrase_words, past_phrase_words, future_words, reaching, resolved_at)


def _past(lex: "Lexicon", original: str, folded: str) -> bool:
    """A verb in the past: Morfeusz's reading for Polish; the lexicon's `past_verb` ending otherwise."""
    if lex.morphology:
        return is_past(original, folded)
    return bool(lex.past_verb and lex.past_verb.search(folded))


def _present(lex: "Lexicon", word: str, term: Term) -> bool:
    """A word of a match in the present: one of its term's present forms (Polish, from Morfeusz),
    or, without morphology, a word with the lexicon's `present_verb` ending."""
    if lex.morphology:
        return word in term.present
    return bool(lex.present_verb and lex.present_verb.search(word))


def distanced(
    combo: tuple[int, ...], text: Text, lex: "Lexicon", pattern: Pattern, context: Context, category: str
) -> bool:
    """Whether the match `combo` of `pattern` is set in the past (see the module's docstring)."""
    segments = {text.segments[i] for i in combo}
    clauses = {text.clauses[i] for i in combo}
    segment_words = [i for i, s in enumerate(text.segments) if s in segments]
    clause_words = [i for i in segment_words if text.clauses[i] in clauses]
    if any(lex.recurrence.matches(text.words[i]) for i in segment_words):
        return False
    if any(lex.returns.matches(word) for word in text.words[max(combo) + 1 :]):
        return False
    phrases, past_phrases = context.phrase_words[category], context.past_phrase_words[category]
    if any(i in phrases and i not in context.reaching for i in combo):
        return True  # the event itself is named as past: "leży po wylewie", "jest po udarze"
    if context.future_words[category] & set(segment_words):
        return True  # "wychodzę za dwa miesiące i nie mam gdzie mieszkać": not tonight
    if any(_present(lex, text.words[i], term) for i, term in zip(combo, pattern.terms)):
        return False  # "rok temu mnie wyrzucili i śpię na dworcu": happening now

    def marker(i: int) -> bool:
        return lex.distance.matches(text.words[i]) or i in phrases or i in past_phrases

    def needs_past_verb(i: int) -> bool:
        return i in past_phrases or (lex.past_only.matches(text.words[i]) and i not in phrases)

    clause_past = any(_past(lex, text.originals[i], text.words[i]) for i in clause_words)
    near = [i for i in clause_words if marker(i)]
    conditional = any(lex.conditional.matches(text.words[i]) for i in clause_words)
    if near and conditional:
        return False  # "najlepiej jakbym się powiesił": a wish, not a past event
    if near:
        return clause_past or any(not needs_past_verb(i) for i in near)
    clause_present = lex.morphology and any(is_present(text.originals[i]) for i in clause_words if i not in combo)
    if clause_present:
        return False
    if any(marker(i) and (i in context.reaching or lex.segment_markers.matches(text.words[i])) for i in segment_words):
        # a time told elsewhere in the sentence does not make a wish past: "nie mam pracy od roku, …, czasem
        # myślę, że lepiej by było, gdyby mnie nie było" (probed: no numbers)
        return clause_past and not conditional
    return context.resolved_at > max(combo)
