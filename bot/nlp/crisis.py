"""Safety net for the NLU: clear words of danger always become the `crisis` intent.

A classifier can miss a cry for help written in an unusual way; for these few phrases a miss is
not acceptable, so they are matched on diacritic-free text after DIET and override its intent.
Help numbers come first; a false alarm only costs the person one extra message.

config.yml (after DIETClassifier and FallbackClassifier):
    - name: bot.nlp.crisis.CrisisDetector
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.morphology import fold

CRISIS_INTENT = "crisis"

# Written on folded text (no diacritics, lower case); each alternative is a clear statement.
PATTERNS = re.compile(
    r"\b("
    r"samobojst\w*|samobojcz\w*|zabic sie|zabije sie|sie zabije|sie zabic|zabijac sie|odebrac sobie zycie|odbiore sobie zycie"
    r"|skonczyc ze soba|skoncze ze soba|ze soba skonczyc|ze soba skoncze|nie chce (juz )?zyc|nie chce mi sie zyc|powiesic sie|powiesze sie"
    r"|targnac sie|podciac (sobie )?zyly|skocze z (mostu|dachu|okna)"
    r"|(bije|bil|bila|pobil|pobila|katuje|dusi|dusil) mnie|mnie (bije|bil|bila|pobil|pobila|katuje|dusi|dusil)|boje sie o (swoje )?zycie|grozi mi smiercia"
    r"|(dzis|dzisiaj|tej nocy|na noc) nie mam gdzie (spac|przenocowac)|nie mam gdzie (dzis|dzisiaj) (spac|przenocowac)"
    r"|spie (dzis|dzisiaj) na ulicy"
    r")\b"
)


def is_crisis(text: str) -> bool:
    return bool(PATTERNS.search(fold(text)))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisDetector(GraphComponent):
    """Sets the intent to `crisis` (confidence 1.0) when the text clearly says the person is in danger."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext) -> "CrisisDetector":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/") or not is_crisis(text):
                continue
            intent = {INTENT_NAME_KEY: CRISIS_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [intent] + [r for r in message.get("intent_ranking") or [] if r.get(INTENT_NAME_KEY) != CRISIS_INTENT]
            message.set(INTENT, intent, add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages
