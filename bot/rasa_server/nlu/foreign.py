"""Ukrainian and English NLU in the Polish pipeline (issue 14): one model per language beside DIET.

Right after DIET (config.yml):
    - name: bot.rasa_server.nlu.foreign.ForeignLanguageNLU

It trains a model for each language of its configuration (bot.nlp.foreign: an intent classifier and
an entity extractor) from `languages/<lang>/nlu`, not from Rasa's training data, which stays the
Polish data DIET learns from: DIET's model is the same with or without this component.

For every typed message it decides the language to read it in (bot.language.reading_language: a
language asked for, else another one the message is plainly written in, else the conversation's slot,
which Rasa hands to the NLU as the tracker, else the language detected, else Polish). A message read in
Ukrainian or English gets this model's intent, ranking and entities in place of DIET's; the synonym
mapper, the catalogue filter, the fallback classifier and the crisis detector after it treat them as
DIET's. Polish messages keep DIET's.
Button payloads ("/affirm") are left as they are.

Ukrainian in Latin letters, which lingua reads as Polish, is told apart by the crisis detector's router
(bot.nlp.safety.routing), trained here too on the same examples: a first message such as "pryvit, ja
szukaju robotu w Warszawi" is read, and opens the conversation, in Ukrainian (bot.language.written_in,
fourteenth session); the language detector after the crisis detector finds it in the parse data
(`written_in`).

Its held-out figures are in docs/benchmarks.md, "Ukrainian and English NLU"; the comparison with one
model for all languages that issue 14 asks for was measured there: per language stays (training time).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import language
from bot.dialogue import clauses
from bot.nlp.foreign.entities import Span
from bot.nlp.foreign.model import LANGUAGES_DIR, LanguageModel, digest, nlu_dir, read_examples
from bot.nlp.safety.routing import LatinUkrainianRouter, latin_ukrainian_reader
from bot.nlp.safety.training import extra_digest, router_examples

logger = logging.getLogger(__name__)
EXTRACTOR = "ForeignLanguageNLU"
RANKING = "intent_ranking"
READ_AS = language.READ_AS_KEY  # the language the NLU read the message in, in the parse data


def entity_of(span: Span) -> Dict[Text, Any]:
    return {
        "entity": span.entity,
        "start": span.start,
        "end": span.end,
        "value": span.value,
        "confidence_entity": span.confidence,
        "extractor": EXTRACTOR,
    }


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class ForeignLanguageNLU(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # data: the folder with languages/<lang>/nlu (a test points it elsewhere)
        return {"languages": ["uk", "en"], "ranking_length": 10, "data": str(LANGUAGES_DIR)}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        models: Dict[str, LanguageModel],
        router: Optional[LatinUkrainianRouter] = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.models = models
        self.router = router or LatinUkrainianRouter()
        self._latin_ukrainian = latin_ukrainian_reader(self.router)

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ForeignLanguageNLU":
        return cls(config, model_storage, resource, {})

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "ForeignLanguageNLU":
        settings = {**cls.get_default_config(), **config}
        models: Dict[str, LanguageModel] = {}
        router = LatinUkrainianRouter()
        try:
            with model_storage.read_from(resource) as directory:
                models = {lang: LanguageModel.load(directory, lang) for lang in settings["languages"]}
                router = LatinUkrainianRouter.load(directory)
        except (ValueError, FileNotFoundError):
            logger.warning("No Ukrainian or English NLU was trained: such messages are read by the Polish model.")
        return cls(config, model_storage, resource, models, router)

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        """Its data is read from disk, outside Rasa's graph: the digest makes Rasa retrain it on a change (the
        router's examples include the crisis sets of data/safety)."""
        return f"{digest(Path({**cls.get_default_config(), **config}['data']))}:{extra_digest()}"

    def train(self, training_data: TrainingData) -> Resource:
        # training_data is the Polish data; each language's own data is read from languages/<lang>/nlu
        root = Path(self._config["data"])
        models = {
            lang: LanguageModel.fit(lang, read_examples(nlu_dir(lang, root))) for lang in self._config["languages"]
        }
        polish = [m.get(TEXT) for m in training_data.intent_examples if m.get(TEXT)]
        router = LatinUkrainianRouter().fit(*router_examples(polish))
        with self._model_storage.write_to(self._resource) as directory:
            for model in models.values():
                model.save(directory)
            router.save(directory)
        self.models, self.router, self._latin_ukrainian = models, router, latin_ukrainian_reader(router)
        return self._resource

    def process(self, messages: List[Message], tracker: Optional[DialogueStateTracker] = None) -> List[Message]:
        conversation = tracker.get_slot(language.SLOT) if tracker is not None else None
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/"):
                continue
            reader = self._latin_ukrainian
            read_as = language.reading_language(text, conversation, reader)
            message.set(READ_AS, read_as, add_to_output=True)
            message.set(language.WRITTEN_KEY, language.written_in(text, reader))
            follow = language.following_language(text, conversation, _earlier_texts(tracker), reader)
            if follow is not None:
                message.set(language.FOLLOW_KEY, follow, add_to_output=True)
            model = self.models.get(read_as)
            if model is not None:
                self._read(message, text, model)
        return messages

    def _read(self, message: Message, text: str, model: LanguageModel) -> None:
        ranking, spans = model.parse(text)
        entries = [
            {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
            for name, confidence in ranking[: self._config["ranking_length"]]
        ]
        message.set(INTENT, dict(entries[0]), add_to_output=True)
        message.set(RANKING, entries, add_to_output=True)
        message.set(ENTITIES, [entity_of(span) for span in spans], add_to_output=True)
        reading = clauses.read(text, model.language)
        if reading.own != (text.strip(),):
            # a message of several statements, questions or talk of a family member: what each of the
            # writer's own statements says (bot.dialogue.facts reads their facts)
            tops = [model.intents.ranking(clause)[0] for clause in reading.own]
            message.set(clauses.CLAUSES_KEY, [[name, confidence] for name, confidence in tops], add_to_output=True)
            message.set(clauses.OTHERS_KEY, reading.others, add_to_output=True)


def _earlier_texts(tracker: Optional[DialogueStateTracker]) -> Iterator[str]:
    """The person's earlier messages, newest first (the tracker does not hold the one being read yet), read
    from the tracker only as far as they are asked for."""
    if tracker is not None:
        yield from (e.text or "" for e in reversed(tracker.events) if isinstance(e, UserUttered))
