"""The Rasa NLU components that config.yml names; the Polish text logic they call is in bot.nlp."""
