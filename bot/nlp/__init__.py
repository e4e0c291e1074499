"""Polish language support: lemmas, a Rasa tokenizer, and normalisers for entity values.

Modules are imported by name (``bot.nlp.districts``…); nothing heavy is loaded here, so that
importing the package costs nothing until a function is called.
"""
