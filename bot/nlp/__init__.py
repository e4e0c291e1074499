"""Polish language support shared by the processes: lemmas (Morfeusz), numbers, districts, crisis signals and normalisers for entity values (the Rasa components that use them are in bot/rasa_server/nlu).

Modules are imported by name (``bot.nlp.districts``…); nothing heavy is loaded here, so that
importing the package costs nothing until a function is called.
"""
