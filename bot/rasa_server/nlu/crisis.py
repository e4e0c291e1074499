"""The crisis detector in the NLU pipeline: its verdict decides the `crisis_*` intents, alone.

After DIET and the FallbackClassifier (config.yml):
    - name: bot.rasa_server.nlu.crisis.CrisisDetector

It trains its own classifier (bot.nlp.safety.classifier) on the same training data and on the
extra examples of data/safety (bot.nlp.safety.training), runs the
lemma patterns (bot.nlp.safety.signals) and combines both with its own thresholds
(bot.nlp.safety.assess), so the decision never depends on DIET's tie-breaking between intents:
- danger, sure: the intent becomes `crisis_<category>` (confidence 1.0); every category found
  is listed first in the ranking, so the reply can give the numbers of each;
- danger, unsure: the intent becomes `crisis_unsure` and the categories follow it in the ranking;
- no danger: a `crisis_*` intent that DIET chose on its own is replaced by its best other
  intent, so that what the benchmark measures is what the assistant does.
Button payloads ("/affirm") are left as they are.

Two classifiers (issue 14, eleventh session): a message the NLU reads as Polish (`read_as`, set by
bot.rasa_server.nlu.foreign before this component runs) gets the Polish classifier, trained as it
always was, with its thresholds; one read as Ukrainian or English gets the foreign classifier
(bot.nlp.safety.foreign_classifier), which also learns from the Ukrainian and English crisis sets,
with its own thresholds. Both are saved in this component's resource.

Ukrainian in Latin letters (twelfth session): a message read as Polish that the router
(bot.nlp.safety.routing, also in the resource) finds to be Ukrainian written in Latin letters goes to
the foreign classifier too. A model without the router's file routes by `read_as` alone. When such a
message is a danger, the parse data says so (`danger_language`: "uk"), and the numbers come in Ukrainian
though the conversation is Polish (fourteenth session).
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language import DANGER_LANGUAGE_KEY, READ_AS_KEY
from bot.nlp.safety.assess import ASK_THRESHOLD, SURE_THRESHOLD, Assessment, assess, count_words
from bot.nlp.safety.classifier import INTENT_PREFIX, CrisisClassifier, label_of_intent
from bot.nlp.safety.foreign_classifier import (
    FOREIGN_ALONE_THRESHOLD,
    FOREIGN_ASK_THRESHOLD,
    FOREIGN_LONG_VETO,
    FOREIGN_SURE_THRESHOLD,
    FOREIGN_VETO,
    ForeignCrisisClassifier,
    foreign_veto,
    reads_foreign,
)
from bot.nlp.safety.routing import LatinUkrainianRouter, crisis_reading
from bot.nlp.safety.signals import find_signals, lexicon
from bot.nlp.safety.training import extra_digest, foreign_examples, router_examples, training_examples

logger = logging.getLogger(__name__)
UNSURE_INTENT = "crisis_unsure"
RANKING = "intent_ranking"


def is_crisis_intent(name: Optional[str]) -> bool:
    return bool(name) and name.startswith(INTENT_PREFIX)  # type: ignore[union-attr]


def crisis_ranking(assessment: Assessment) -> List[Dict[Text, Any]]:
    """The ranking entries that carry the verdict: the intent, then each category found."""
    entries = [{INTENT_NAME_KEY: f"{INTENT_PREFIX}{c}", PREDICTED_CONFIDENCE_KEY: 1.0} for c in assessment.categories]
    if not assessment.sure:
        entries.insert(0, {INTENT_NAME_KEY: UNSURE_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0})
    return entries


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class CrisisDetector(GraphComponent):
    """Sets `crisis_*` intents from the patterns and its own classifier, with its own thresholds."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "sure_threshold": SURE_THRESHOLD,
            "ask_threshold": ASK_THRESHOLD,
            "foreign_sure_threshold": FOREIGN_SURE_THRESHOLD,
            "foreign_ask_threshold": FOREIGN_ASK_THRESHOLD,
            "foreign_veto": FOREIGN_VETO,
            "foreign_long_veto": FOREIGN_LONG_VETO,
            "foreign_alone_threshold": FOREIGN_ALONE_THRESHOLD,
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        classifier: CrisisClassifier,
        foreign: Optional[ForeignCrisisClassifier] = None,
        router: Optional[LatinUkrainianRouter] = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.classifier = classifier
        self.foreign = foreign if foreign is not None else ForeignCrisisClassifier()
        self.router = router if router is not None else LatinUkrainianRouter()
        lexicon()  # read the patterns when the model loads, not at the first message

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CrisisDetector":
        return cls(
            config, model_storage, resource, CrisisClassifier(), ForeignCrisisClassifier(), LatinUkrainianRouter()
        )

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "CrisisDetector":
        try:
            with model_storage.read_from(resource) as directory:
                classifier = CrisisClassifier.load(directory)
                foreign = ForeignCrisisClassifier.load(directory)
                router = LatinUkrainianRouter.load(directory)
        except ValueError:
            logger.warning("The crisis classifier was not trained; only the patterns will detect danger.")
            classifier, foreign, router = CrisisClassifier(), ForeignCrisisClassifier(), LatinUkrainianRouter()
        return cls(config, model_storage, resource, classifier, foreign, router)

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        """The extra examples (data/safety, with the Ukrainian and English sets of data/safety/foreign
        and data/safety/dev) are read from disk, outside Rasa's graph: their digest makes Rasa
        retrain the classifiers when they change instead of reusing its cache."""
        return extra_digest()

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        nlu = ([m.get(TEXT) for m in examples], [label_of_intent(m.get(INTENT)) for m in examples])
        texts, labels = training_examples(nlu)
        if len(set(labels)) > 1:
            self.classifier.fit(texts, labels)
            more_texts, more_labels = foreign_examples()
            self.foreign.fit(texts + more_texts, labels + more_labels)
            self.router.fit(*router_examples(nlu[0]))
            with self._model_storage.write_to(self._resource) as directory:
                self.classifier.save(directory)
                self.foreign.save(directory)
                self.router.save(directory)
        return self._resource

    def assess(self, text: str, read_as: Optional[str] = None) -> Assessment:
        """`read_as`: the language the NLU read the message in; Ukrainian and English go to the foreign
        classifier (when it was trained), and so does Ukrainian in Latin letters read as anything else
        (crisis_reading); everything else to the Polish one."""
        words = count_words(text)
        return self._assess_read(text, self.reading(text, read_as, words), words)

    def _assess_read(self, text: str, reading: Optional[str], words: int) -> Assessment:
        """The verdict for a message whose crisis reading is known (assess)."""
        foreign = reads_foreign(reading) and self.foreign.trained
        if foreign:
            probabilities = self.foreign.probabilities([text])[0]
            sure, ask = self._config["foreign_sure_threshold"], self._config["foreign_ask_threshold"]
            veto = foreign_veto(words, self._config["foreign_veto"], self._config["foreign_long_veto"])
            alone = self._config["foreign_alone_threshold"]
        else:
            probabilities = self.classifier.probabilities([text])[0]
            sure, ask, veto, alone = self._config["sure_threshold"], self._config["ask_threshold"], None, None
        return assess(find_signals(text), probabilities, sure, ask, words, veto, foreign, alone)

    def reading(self, text: str, read_as: Optional[str], words: Optional[int] = None) -> Optional[str]:
        """The reading whose classifier answers the message (routing.crisis_reading, with this router)."""
        return crisis_reading(text, read_as, self.router, words)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue
            read_as, words = message.get(READ_AS_KEY), count_words(text)
            reading = self.reading(text, read_as, words)
            assessment = self._assess_read(text, reading, words)
            self._decide(message, assessment)
            if assessment.danger and reading != read_as and reads_foreign(reading):
                message.set(DANGER_LANGUAGE_KEY, reading, add_to_output=True)
        return messages

    @staticmethod
    def _decide(message: Message, assessment: Assessment) -> None:
        others = [r for r in message.get(RANKING) or [] if not is_crisis_intent(r.get(INTENT_NAME_KEY))]
        if assessment.danger:
            ranking = crisis_ranking(assessment) + others
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(RANKING, ranking, add_to_output=True)
            return
        current = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if is_crisis_intent(current):
            replacement = others[0] if others else {INTENT_NAME_KEY: "nlu_fallback", PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, dict(replacement), add_to_output=True)
            message.set(RANKING, others, add_to_output=True)
