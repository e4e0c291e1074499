"""One verdict from the patterns and the classifier: which dangers, and how sure.

- sure: a strong pattern matched plainly (not negated, not in the past, not an idiom), or the
  classifier's probability of a crisis reaches `sure` → the help numbers at once;
- unsure: a weak pattern, a strong one that was negated, or a classifier probability between
  `ask` and `sure` → "Czy jesteś teraz bezpieczny/bezpieczna?" with the numbers under the
  question;
- otherwise nothing: a weak pattern that was negated ("mąż pije, ale nie jest agresywny") is a
  doubt about a doubt, and counts for nothing (the classifier is still heard).

A category the patterns dismissed (its words were there, set in the past or in an idiom, and
nothing else of it was found) is taken from the classifier too: the classifier saw "samobójstwo"
in "brat popełnił samobójstwo w zeszłym roku" without the "w zeszłym roku". That reading is a
heuristic, though, so when the classifier is nearly certain (DEMOTED_ASK_THRESHOLD) of a danger
the patterns dismissed, the person is asked the question instead of getting nothing. Chosen on
the development sets: 0.75 raised false alarms there from 0.5 % to 2.5 % (dev) and from 2.3 % to
2.8 % (dev2), 0.9 left them as they were. (It was added after the held-out set eval2 showed,
in aggregate, crises lost to a dismissal; the figures are reported on eval3, written after.)

The thresholds were chosen on the development sets (now data/safety/dev1.yml, dev2.yml), never on the evaluation
set; see docs/benchmarks.md "Crisis detection".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from bot.nlp.safety.classifier import NONE
from bot.nlp.safety.signals import CATEGORIES, Signal

# Chosen on both development sets together (dev, dev2), never on the evaluation sets, with the
# patterns as they are now. Recall overall / lowest category / false alarms:
#   sure  ask   | dev                 | dev2
#   0.75  0.50  | 1.000/1.000/0.5%    | 1.000/1.000/3.3%
#   0.75  0.55  | 1.000/1.000/0.0%    | 1.000/1.000/2.6%
#   0.75  0.60  | 1.000/1.000/0.0%    | 1.000/1.000/2.3%   <- chosen
#   0.75  0.65  | 1.000/1.000/0.0%    | 1.000/1.000/1.9%
#   0.75  0.70  | 1.000/1.000/0.0%    | 1.000/1.000/1.4%
#   0.75  0.75  | 1.000/1.000/0.0%    | 1.000/1.000/0.9%
# `sure` from 0.75 to 0.9 changes none of these figures, only whether a classifier-only alarm
# asks first; 0.75 keeps real emergencies the patterns miss ("synek ma drgawki", 0.83) on the
# numbers at once. `ask` 0.6, not higher: a crisis the patterns miss rests on the classifier
# alone, and unseen crises score lower than the ones the thresholds were chosen on.
# Checked again by leave-one-writer-out cross-validation over data/safety (the classifier trained
# without the held-out writer's file; recall / lowest category / false alarms, retired_eval1 |
# retired_eval2): ask 0.55 1.000/1.000/2.0% | 1.000/1.000/2.9%; 0.60 1.000/1.000/1.5% |
# 1.000/1.000/2.3%; 0.65 0.996/0.983/1.0% | 1.000/1.000/2.3%; sure 0.85 changes none of these.
SURE_THRESHOLD = 0.75
ASK_THRESHOLD = 0.6
# A category whose own probability reaches this share of the top one is named too ("he beat me
# and threw me out, I have nowhere to sleep": violence and shelter).
ALSO_SHARE = 0.25
# The answers "nie mam", "już nie" are two words of many crisis messages ("nie mam gdzie spać",
# "już nie chcę żyć"): on so little text the classifier only echoes them. One- and two-word
# cries for help are the patterns' ("ratunku", "nie oddycha", "chcę umrzeć").
MIN_CLASSIFIER_WORDS = 3
# A danger the patterns read as past or idiom is still asked about when the classifier is this sure.
DEMOTED_ASK_THRESHOLD = 0.9
# A weak pattern alone in a long message that the classifier reads as no danger at all: "…Mam 23
# lata, nie mam zawodu, chcę pracować. Jestem pod opieką OPS. Pomocy" is a plea for advice, and
# the safety question would stop the interview it asks for (issue 13). Set before measuring, not
# tuned on any set: a long message (the classifier reads it well) and a crisis probability below
# 5 % (the categories the patterns dismissed left out, as for every threshold here); a strong
# pattern, a negated strong one or any classifier doubt still counts.
LONG_MESSAGE_WORDS = 15
CALM_CRISIS_PROBABILITY = 0.05


@dataclass(frozen=True)
class Assessment:
    categories: tuple[str, ...]  # in the order of CATEGORIES
    sure: bool

    @property
    def danger(self) -> bool:
        return bool(self.categories)


NO_DANGER = Assessment((), False)


# Words that carry no danger by themselves: "ja nie mam", the answer to "Czy masz orzeczenie?",
# is no message about having no roof, whatever the classifier makes of its few letters.
FUNCTION_WORDS = frozenset(
    "ja ty on ona ono my wy oni one mi mnie nie tak no to a i ale mam masz ma mamy jestem jest też tez".split()
)


def count_words(text: str) -> int:
    """Words of the message; none when all of them are function words (then only the patterns decide)."""
    words = re.findall(r"\w+", text.lower())
    return 0 if all(word in FUNCTION_WORDS for word in words) else len(words)


def _ordered(categories: set[str]) -> tuple[str, ...]:
    return tuple(c for c in CATEGORIES if c in categories)


def _classifier_categories(probabilities: Mapping[str, float], silenced: set[str]) -> tuple[float, set[str]]:
    """The classifier's probability of a crisis, and its categories, without the silenced ones."""
    crisis = {label: p for label, p in probabilities.items() if label != NONE and label not in silenced}
    if not crisis:
        return 0.0, set()
    total = sum(crisis.values())
    top = max(crisis.values())
    return total, {label for label, p in crisis.items() if p >= ALSO_SHARE * top}


def assess(
    signals: list[Signal],
    probabilities: Mapping[str, float],
    sure_threshold: float = SURE_THRESHOLD,
    ask_threshold: float = ASK_THRESHOLD,
    words: int | None = None,
    veto: float | None = None,
    foreign: bool = False,
    alone: float | None = None,
) -> Assessment:
    """`words`: the message's length in words; below MIN_CLASSIFIER_WORDS only the patterns count.
    `veto` (the Ukrainian and English classifier's, bot.nlp.safety.foreign_classifier; None for
    Polish): when the classifier reads the message and its probability of any danger is below it,
    no alarm at all, whatever the patterns found. `foreign`: a message read by that classifier (see
    _calm_plea). `alone` (that classifier's too; None for Polish): with no live pattern, the
    probability of any danger the classifier needs to raise an alarm by itself."""
    if words is not None and words < MIN_CLASSIFIER_WORDS:
        probabilities = {}
    p_any = sum(p for label, p in probabilities.items() if label != NONE)
    if veto is not None and probabilities and p_any < veto:
        return NO_DANGER
    live = [s for s in signals if not s.dismissed]
    if alone is not None and not live and p_any < alone:
        return NO_DANGER
    sure = {s.category for s in live if s.strong and s.sure}
    # a negated strong match, or a plain weak one; a negated weak one counts for nothing
    unsure = {s.category for s in live if (s.strong and not s.sure) or (not s.strong and s.sure)}
    silenced = {s.category for s in signals if s.dismissed} - sure - unsure
    p_crisis, predicted = _classifier_categories(probabilities, silenced)
    if p_crisis >= sure_threshold:
        sure |= predicted
    elif p_crisis >= ask_threshold and not (silenced and not live):
        unsure |= predicted  # once the patterns read a message as past or idiom, only a sure classifier counts
    # The reading "in the past" or "an idiom" is a heuristic; when the classifier is sure of a
    # danger the patterns dismissed, the person is asked rather than not answered at all.
    p_all, predicted_all = _classifier_categories(probabilities, set())
    if silenced and p_all >= DEMOTED_ASK_THRESHOLD:
        unsure |= predicted_all & silenced
    if sure:  # the unsure categories' numbers come too: a miss costs more than a longer reply
        return Assessment(_ordered(sure | unsure), True)
    if unsure and not _calm_plea(live, probabilities, p_crisis, words, foreign):
        return Assessment(_ordered(unsure), False)
    return NO_DANGER


def _calm_plea(
    live: list[Signal], probabilities: Mapping[str, float], p_crisis: float, words: int | None, foreign: bool = False
) -> bool:
    """Only weak patterns, in a long message the classifier reads as calm (LONG_MESSAGE_WORDS); the
    classifier's probability without the categories the patterns dismissed, as everywhere above.

    With no live pattern at all, the only doubt left is the question asked when the classifier is
    sure of a danger the patterns dismissed (DEMOTED_ASK_THRESHOLD), and the probability here leaves
    that danger out, so the rule silenced exactly that question in every long message ("муж щас
    сказав шо як вернеться зі зміни то мене порішить, і він вже бив мене раніше": violence 0.98).
    Fixed for Ukrainian and English messages (`foreign`; twelfth session, LOWO: 14 crisis messages
    more caught, 2 false alarms more, docs/benchmarks.md); Polish verdicts stay as they were measured
    until the fix is measured on Polish development data."""
    if foreign and not live:
        return False
    return (
        bool(probabilities)
        and words is not None
        and words >= LONG_MESSAGE_WORDS
        and p_crisis < CALM_CRISIS_PROBABILITY
        and all(not s.strong for s in live)
    )
