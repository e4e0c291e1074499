"""The staff console's client's copy in headless Chromium against the real web app, without Rasa.

Conversation codes are written straight into the app's database (as the action server writes them), one per
language, one made before languages and one whose stored language no one speaks; the node tests of
tests/web/browser/staff-copy.test.mjs load them in the console. What needs the bot (a code from a real
Ukrainian conversation, the widget in Ukrainian) is in tests/e2e/test_e2e_browser.py.
"""

from __future__ import annotations

import json

import pytest

from bot.codes import create_code
from bot.knowledge.db import make_engine
from tests.browser import ARTIFACTS, run_node_tests
from tests.servers import running_web

PROFILE = {"age": 52, "work_status": "registered_unemployed", "unemployment_benefit": False, "district": "Wola"}
LANGUAGES = {"uk": "uk", "en": "en", "pl": "pl", "old": None, "hostile": "<img src=x onerror=alert(1)>"}
NODE_TIMEOUT = 180


def test_client_copy_in_chromium(tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp("browser_web")
    with running_web(tmp) as app:
        engine = make_engine(app.database_url)
        codes = {name: create_code(engine, PROFILE, ttl_days=1, language=lang) for name, lang in LANGUAGES.items()}
        env = {"WEB_URL": app.url, "CODES": json.dumps(codes)}
        run_node_tests("staff-copy.test.mjs", env, NODE_TIMEOUT, ARTIFACTS / "web", tmp)
