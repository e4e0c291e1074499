"""`python -m bot.rasa_server run <rasa run arguments>`: the Rasa server with every extension.

Installs the extensions (bot/rasa_server/extensions.py), then hands the arguments to Rasa's own CLI
exactly as `rasa run …` would get them. `shell` works the same way (`rasa shell` starts a Rasa
server too, with the terminal as its channel). Nothing else is accepted: the other Rasa commands
(train, test, data) do not serve people and need none of the extensions.
"""

from __future__ import annotations

import sys

COMMANDS = ("run", "shell")
USAGE = "usage: python -m bot.rasa_server {run,shell} [rasa arguments…]"


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(USAGE, file=sys.stderr)
        return 2
    from rasa.__main__ import main as rasa_main  # heavy (TensorFlow): only once the command is known

    from bot.rasa_server import extensions

    extensions.install()
    sys.argv = ["rasa", *argv]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
