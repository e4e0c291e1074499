"""Ukrainian and English NLU beside the Polish model (issue 14): tokens, intents, entities."""
