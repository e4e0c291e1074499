"""The language of each message, in the NLU pipeline (last, after the crisis detector: config.yml).

    - name: bot.rasa_server.nlu.language.LanguageDetector

For every typed message (bot.language):
- words asking for a language ("po polsku", "українською", "in English") -> the intent `switch_language`
  with the entity `language`;
- a message lingua is sure is in a language the assistant does not speak (Russian, Belarusian, German)
  -> the intent `other_language`, unless the crisis detector found danger (the numbers come first);
- the language found, when lingua is sure of it, goes into the parse data (`language`), where the
  session start (bot/rasa_server/safety_first.py) and the action server (actions/language.py) read it;
  the Ukrainian NLU's verdict (`written_in`: Ukrainian in Latin letters, which lingua reads as Polish)
  comes first when it is there.

It runs here, not in the action server, because it must decide the intent before the policies choose
what to do, and the session start (the greeting) is chosen before any action runs. It learns nothing,
and lingua's low-accuracy models for six languages take about 11 MB (docs/benchmarks.md).
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import language

RANKING = "intent_ranking"
EXTRACTOR = "LanguageDetector"


def _set_intent(message: Message, name: str) -> None:
    chosen = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
    others = [r for r in message.get(RANKING) or [] if r.get(INTENT_NAME_KEY) != name]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(RANKING, [chosen, *others], add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageDetector(GraphComponent):
    """Sets `switch_language` / `other_language` and the detected language of each message."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LanguageDetector":
        language.detector()  # load lingua's models with the model, not at the first message
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text and not text.startswith("/"):
                self._decide(message, text)
        return messages

    @staticmethod
    def _decide(message: Message, text: str) -> None:
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY) or ""
        written = message.get(language.WRITTEN_KEY) or language.detect(text)
        if intent.startswith("crisis_"):
            # danger first, in whatever language: the intent stays, but the language is kept, so a
            # first message in danger is answered in its own language
            if written in language.SUPPORTED:
                message.set(language.PARSE_KEY, written, add_to_output=True)
            return
        asked = language.requested(text)
        if asked:
            _set_intent(message, language.SWITCH_INTENT)
            entity = {"entity": language.ENTITY, "value": asked, "start": 0, "end": len(text), "extractor": EXTRACTOR}
            message.set(ENTITIES, [entity], add_to_output=True)
            return
        if written in language.SUPPORTED:
            message.set(language.PARSE_KEY, written, add_to_output=True)
        elif written:
            _set_intent(message, language.OTHER_INTENT)
