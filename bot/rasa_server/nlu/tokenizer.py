"""A Rasa tokenizer for Polish whose tokens carry Morfeusz lemmas.

Polish inflects: "zasiłek", "zasiłku", "zasiłkiem" are one word to the person and three to a
bag-of-words featurizer. With lemmas on the tokens, CountVectorsFeaturizer (which reads
`Token.lemma` when `use_lemma` is on, its default) sees one word. spaCy's Polish tokenizer
splits the text (its trained pipelines cannot be installed here, and Rasa's spaCy lemmatizer
only lower-cases Polish without one); Morfeusz 2 gives the lemmas.

config.yml:
    - name: bot.rasa_server.nlu.tokenizer.PolishTokenizer
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.morphology import best_lemma, fold

WRITTEN_FOR_RASA = "3.6.21"  # Tokenizer's private _apply_token_pattern


@lru_cache(maxsize=1)
def _spacy_tokenizer() -> Any:
    """spaCy's rule-based Polish tokenizer; built once, on first use (it takes ~1 s)."""
    import spacy

    return spacy.blank("pl").tokenizer


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class PolishTokenizer(Tokenizer):
    """Splits Polish text with spaCy and sets each token's lemma from Morfeusz."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Same keys as Rasa's own tokenizers, so the usual options work unchanged."""
        return {
            # Flag to check whether to split intents
            "intent_tokenization_flag": False,
            # Symbol on which intent should be split
            "intent_split_symbol": "_",
            # Regular expression to detect tokens
            "token_pattern": None,
            # Symbol on which prefix should be split
            "prefix_separator_symbol": None,
            # Lower-case and strip diacritics from each token's text and lemma, so that the
            # featurizers see "zasiłku" and "zasilku" alike (offsets still point into the text).
            "fold": False,
        }

    @staticmethod
    def supported_languages() -> Optional[List[Text]]:
        """Morfeusz's dictionary is Polish only."""
        return ["pl"]

    @staticmethod
    def required_packages() -> List[Text]:
        """Python packages the component imports when it runs."""
        return ["spacy", "morfeusz2"]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PolishTokenizer:
        """Nothing is trained or stored: the dictionaries ship with the packages.

        spaCy and Morfeusz are loaded here (~0.4 s), when the model loads, so that the first
        person to write does not wait for them.
        """
        tokenizer = cls({**cls.get_default_config(), **config})
        _spacy_tokenizer()
        best_lemma("zasiłku")  # not said: warms up Morfeusz
        return tokenizer

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        """Tokens with character offsets into the original text and Morfeusz lemmas."""
        text = message.get(attribute)
        if not text:
            return []
        tokens = [
            Token(t.text, t.idx, end=t.idx + len(t.text), lemma=best_lemma(t.text))
            for t in _spacy_tokenizer()(text)
            if t.text.strip()
        ]
        tokens = self._apply_token_pattern(tokens)
        if self._config["fold"]:
            return [Token(fold(t.text), t.start, end=t.end, data=t.data, lemma=fold(t.lemma)) for t in tokens]
        return tokens

    def _apply_token_pattern(self, tokens: List[Token]) -> List[Token]:
        """Rasa's version copies the whole token's lemma to each piece; lemmatise each piece."""
        if not self.token_pattern_regex:
            return tokens
        pieces = super()._apply_token_pattern(tokens)
        return [Token(p.text, p.start, end=p.end, data=dict(p.data), lemma=best_lemma(p.text)) for p in pieces]
