"""`python -m bot.web`: run the web app on WEB_PORT; exit non-zero with a clear message on bad data."""

from __future__ import annotations

import sys

from bot.knowledge.files import KnowledgeError
from bot.messages import text
from bot.settings import load_settings
from bot.web.app import create_app


def main() -> int:
    settings = load_settings()
    try:
        app = create_app(settings)
    except KnowledgeError as error:
        print(text("web.start_failed", error=error), file=sys.stderr)
        return 1
    app.run(host="0.0.0.0", port=settings.web_port, access_log=False, workers=1, motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
