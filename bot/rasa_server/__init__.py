"""Everything that runs only inside the Rasa server: channels, NLU components, stores, overrides.

Start the server with `python -m bot.rasa_server run <rasa run arguments>` (bot/rasa_server/__main__.py):
it installs every extension (bot/rasa_server/extensions.py) and then runs Rasa's own CLI. Importing a
module of this package installs nothing, so Rasa can import the classes that config.yml, endpoints.yml
and credentials.yml name (and tests can import any module) without side effects.

The action server (actions/) and the web app (bot/web/) never import this package; what they share
with it lives in bot/ (tests/test_process_imports.py).
"""
