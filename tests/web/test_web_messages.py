"""The pages' texts come from the message catalogue: templates' {{_ key}}, and the scripts' t / tn / tParts
calls served as JSON on <body data-messages> (bot/web/script_messages.py)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.messages import languages, load, lookup
from bot.settings import load_settings
from bot.web import pages
from bot.web.script_messages import (
    SCRIPT_KEY,
    STATIC_DIR,
    _categories,
    keys_in_script,
    messages_json,
    module_graph,
    page_keys,
    script_entry,
)

SCRIPTS = sorted((STATIC_DIR / "js").rglob("*.js"))
CALL = re.compile(r"(?<!function )\b(t|tn|tParts)\(")


def template(name: str) -> str:
    return (pages.TEMPLATES_DIR / f"{name}.html").read_text(encoding="utf-8")


def test_render_fills_catalogue_texts_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pages, "text", lambda key, lang: f"<{key}:{lang}> & co")
    out = pages.render('<p title="{{_ a.b}}">{{_a.c}}</p>', {}, lang="uk")
    assert out == '<p title="&lt;a.b:uk&gt; &amp; co">&lt;a.c:uk&gt; &amp; co</p>'
    # {{_pl key}}: a text for the staff, in Polish on a page in the client's language; "_plan.x" is a key
    out = pages.render("<p>{{_pl a.d}}</p><p>{{_plan.x}}</p>", {}, lang="uk")
    assert out == "<p>&lt;a.d:pl&gt; &amp; co</p><p>&lt;plan.x:uk&gt; &amp; co</p>"


def test_template_keys_in_both_languages_count_as_used() -> None:
    from bot.message_keys import TEMPLATE_KEY

    assert TEMPLATE_KEY.findall("{{_ a.b}} {{_pl staff.print}} {{_plan.x}} {{name}} {{!html}}") == [
        "a.b",
        "staff.print",
        "plan.x",
    ]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(STATIC_DIR).as_posix())
def test_scripts_name_every_key_in_full(script: Path) -> None:
    """t("chat." + name) would be invisible to the page's list and to the catalogue check."""
    source = script.read_text(encoding="utf-8")
    assert len(CALL.findall(source)) == len(SCRIPT_KEY.findall(source)), script


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(STATIC_DIR).as_posix())
def test_plural_texts_are_asked_for_with_tn_and_only_they(script: Path) -> None:
    source = script.read_text(encoding="utf-8")
    for function, key in re.findall(r"""\b(t|tn|tParts)\(\s*"([a-z0-9_.]+)\"""", source):
        entry, _ = lookup(key)
        assert isinstance(entry, tuple) == (function == "tn"), (script.name, function, key)


def test_each_page_sends_the_texts_of_its_own_scripts() -> None:
    resident, staff = page_keys(template("resident")), page_keys(template("staff"))
    client_copy = page_keys(template("client_copy"))
    assert {"chat.status.offline", "card.tools", "reply.other_places", "web.date"} <= set(resident)
    assert {"staff.places_found", "staff.tool.loading", "card.tools", "web.date"} <= set(staff)
    assert {"staff.client_language.uk", "staff.client_copy.en", "staff.client_copy_blocked"} <= set(staff)
    assert {"card.tools", "card.would_open", "contact.check_phone", "web.date"} <= set(client_copy)
    assert not [key for key in resident if key.startswith("staff.")]
    assert not [key for key in staff if key.startswith("chat.")]
    # The copy's scripts speak the client's language only: its texts for the staff are Polish in the template.
    assert not [key for key in client_copy if key.startswith(("staff.", "chat."))]
    used_by_scripts = set().union(*(keys_in_script(p.read_text(encoding="utf-8")) for p in SCRIPTS))
    assert used_by_scripts == set(resident) | set(staff) | set(client_copy)


def test_module_graph_follows_local_imports_and_leaves_vendor_unread() -> None:
    graph = [p.relative_to(STATIC_DIR).as_posix() for p in module_graph(STATIC_DIR / "js" / "resident.js")]
    assert graph[0] == "js/resident.js"
    assert {"js/chat/widget.js", "js/chat/messages.js", "js/cards.js", "js/i18n.js"} <= set(graph)
    assert "vendor/socket.io.esm.min.js" in graph and "js/staff.js" not in graph


@pytest.mark.parametrize("language", languages())
def test_plural_forms_by_category_match_the_catalogues_rule(language: str) -> None:
    """The browser picks by CLDR category what gettext's Plural-Forms picks by number."""
    catalogue = load(language)
    plural_keys = [key for key, entry in catalogue.entries.items() if isinstance(entry, tuple)]
    assert plural_keys
    for key in plural_keys:
        forms = script_entry(key, language)
        entry = catalogue.entries[key]
        for n, category in _categories(language).items():
            assert forms[category] == entry[catalogue.plural_index(n)], (key, n)


class _Body(HTMLParser):
    messages: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.messages = dict(attrs)["data-messages"]


@pytest.mark.parametrize("name", pages.PAGES)
def test_rendered_page_carries_its_scripts_texts(name: str) -> None:
    body = _Body()
    body.feed(pages.render_page(name, load_settings()))
    sent = json.loads(body.messages or "")
    assert sent == json.loads(messages_json(page_keys(template(name))))
    assert sent["card.tools"] == "Co możesz tu dostać"
    assert "{{" not in pages.render_page(name, load_settings())
