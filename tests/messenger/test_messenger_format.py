"""Messenger formatting: Messenger's limits on texts, quick replies and carousels (pure functions)."""

from __future__ import annotations

import json

from bot.dialogue.prompts import QUESTIONS, asked
from bot.eligibility import recommend
from bot.knowledge.catalogue import Catalogue
from bot.rasa_server.channels import messenger_format as fmt

EVERYTHING = {
    "age": 52,
    "district": "Praga-Północ",
    "work_status": "registered_unemployed",
    "unemployment_benefit": False,
    "long_term_unemployed": True,
    "social_assistance": True,
    "disability_certificate": True,
    "disability_degree": "severe",
    "disability_condition": "autism",
    "homeless": True,
    "addiction": True,
    "carer": True,
    "family_support": True,
    "social_enterprise": True,
}


def test_shorten_keeps_short_titles_and_cuts_long_ones_at_a_word() -> None:
    assert fmt.shorten("Tak", 20) == "Tak"
    assert fmt.shorten("Dokładnie dwadzieścia", 21) == "Dokładnie dwadzieścia"
    short = fmt.shorten("Nie mam pracy, mam rejestrację w urzędzie pracy", 20)
    assert short == "Nie mam pracy, mam…" and len(short) <= 20
    assert fmt.shorten("Niepełnosprawnościowego", 10) == "Niepełnos…"


def test_quick_replies_at_most_13_with_titles_of_20_and_payloads_kept() -> None:
    buttons = [
        {"title": f"Bardzo długa odpowiedź numer {n} z opisem", "payload": f'/choose{{"n": {n}}}'} for n in range(20)
    ]
    replies = fmt.quick_replies(buttons)
    assert len(replies) == fmt.MAX_QUICK_REPLIES == 13
    for n, reply in enumerate(replies):
        assert reply["content_type"] == "text"
        assert 0 < len(reply["title"]) <= 20 and reply["title"].endswith("…")
        assert reply["payload"] == buttons[n]["payload"]


def test_quick_replies_skip_buttons_without_a_usable_payload() -> None:
    replies = fmt.quick_replies(
        [
            {"title": "Strona", "url": "https://example.org"},
            {"title": "Za długi", "payload": "/x" + "a" * 1000},
            {"title": "", "payload": "/affirm"},
        ]
    )
    assert replies == [{"content_type": "text", "title": "/affirm", "payload": "/affirm"}]


def test_every_question_of_the_bot_fits_as_quick_replies() -> None:
    for variants in QUESTIONS.values():
        for variant in map(asked, variants):
            messages = fmt.text_messages(variant["text"], variant["buttons"])
            replies = messages[-1]["quick_replies"]
            assert [r["payload"] for r in replies] == [b["payload"] for b in variant["buttons"]][:13]
            assert all(len(r["title"]) <= 20 for r in replies)


def test_options_cut_short_on_their_buttons_are_listed_in_full_in_the_text() -> None:
    for variants in QUESTIONS.values():
        for variant in map(asked, variants):
            text = "\n".join(m.get("text", "") for m in fmt.text_messages(variant["text"], variant["buttons"]))
            for button in variant["buttons"]:
                if len(button["title"]) > 20:  # "Potrzebuję wsparcia w wychowaniu dzieci" → "Potrzebuję wsparcia…"
                    assert f"• {button['title']}" in text, variant["text"]
    short = fmt.text_messages("Czy?", [{"title": "Tak", "payload": "/affirm"}, {"title": "Nie", "payload": "/deny"}])
    assert short[0]["text"] == "Czy?"  # nothing added when every title fits


def test_buttons_become_quick_replies_on_the_last_part_of_the_text() -> None:
    messages = fmt.text_messages(
        "Czy masz status osoby bezrobotnej?",
        [
            {"title": "Tak", "payload": "/affirm"},
            {"title": "Nie", "payload": "/deny"},
            {"title": "Nie wiem", "payload": "/dont_know"},
        ],
    )
    assert messages == [
        {
            "text": "Czy masz status osoby bezrobotnej?",
            "quick_replies": [
                {"content_type": "text", "title": "Tak", "payload": "/affirm"},
                {"content_type": "text", "title": "Nie", "payload": "/deny"},
                {"content_type": "text", "title": "Nie wiem", "payload": "/dont_know"},
            ],
        }
    ]
    assert fmt.text_messages("", [{"title": "Tak", "payload": "/affirm"}])[0]["text"] == fmt.CHOOSE_TEXT
    link = fmt.text_messages("Więcej:", [{"title": "Strona", "url": "https://example.org"}])
    assert link == [{"text": "Więcej:\nStrona: https://example.org"}]


def test_a_5000_character_text_is_split_at_sentences_under_2000() -> None:
    sentences = [f"To jest zdanie numer {n}, które opisuje jedną z form pomocy w Warszawie." for n in range(80)]
    text = " ".join(sentences)
    text = text[: text.rfind(".", 0, 5000) + 1]
    assert 4900 <= len(text) <= 5000
    parts = fmt.split_text(text)
    assert len(parts) == 3
    assert all(len(p) <= fmt.MAX_TEXT for p in parts)
    assert all(p.endswith(".") and p[0].isupper() for p in parts)  # whole sentences only
    assert " ".join(parts) == text
    messages = fmt.text_messages(text, [{"title": "Tak", "payload": "/affirm"}])
    assert [m["text"] for m in messages] == parts
    assert "quick_replies" in messages[-1] and all("quick_replies" not in m for m in messages[:-1])


def test_split_falls_back_to_lines_words_and_hard_cuts() -> None:
    lines = "\n".join(f"linia {n} bez kropki na końcu" for n in range(200))
    parts = fmt.split_text(lines)
    assert all(len(p) <= 2000 for p in parts) and "\n".join(parts) == lines
    words = " ".join(["słowo"] * 1000)
    assert all(len(p) <= 2000 for p in fmt.split_text(words)) and " ".join(fmt.split_text(words)) == words
    blob = "x" * 4500
    assert [len(p) for p in fmt.split_text(blob)] == [2000, 2000, 500]
    assert fmt.split_text("  krótki tekst  ") == ["krótki tekst"] and fmt.split_text("   ") == []


def test_recommendations_become_a_carousel(catalogue: Catalogue) -> None:
    recommendations = recommend(EVERYTHING, catalogue)["recommendations"]
    assert len(recommendations) > fmt.MAX_ELEMENTS  # the profile is chosen to exceed the carousel
    messages = fmt.custom_messages({"recommendations": recommendations})
    template = messages[0]["attachment"]["payload"]
    assert messages[0]["attachment"]["type"] == "template" and template["template_type"] == "generic"
    elements = template["elements"]
    assert len(elements) == 10
    for element, item in zip(elements, recommendations):
        assert len(element["title"]) <= 80 and element["title"] == fmt.shorten(item["name"], 80)
        assert len(element.get("subtitle", "")) <= 80
        [button] = element["buttons"]
        assert button == {
            "type": "postback",
            "title": "Wyjaśnij",
            "payload": f'/ask_what_is{{"institution": "{item["institution"]}"}}',
        }
        assert json.loads(button["payload"][len("/ask_what_is") :]) == {"institution": item["institution"]}
    first = recommendations[0]
    assert elements[0]["subtitle"].startswith(first["tool_details"][0]["name"])
    # the institutions beyond the tenth are still named, in a text
    assert len(messages) == 2 and all(item["name"] in messages[1]["text"] for item in recommendations[10:])


def test_recommendations_that_cannot_be_a_carousel_become_text(catalogue: Catalogue) -> None:
    recommendations = recommend({"work_status": "registered_unemployed"}, catalogue)["recommendations"]
    broken = [dict(item) for item in recommendations]
    del broken[0]["institution"]
    [message] = fmt.custom_messages({"recommendations": broken})
    assert message["text"].startswith("Miejsca, które mogą Ci pomóc:")
    assert all(item["name"] in message["text"] for item in recommendations)
    assert fmt.custom_messages({"recommendations": []}) == []
    assert fmt.custom_messages({"something": "else"}) == []
    assert fmt.custom_messages({"text": "Cześć"}) == [{"text": "Cześć"}]


def test_incoming_events_give_payloads_before_text() -> None:
    quick = {"sender": {"id": "1"}, "message": {"mid": "m", "text": "Tak", "quick_reply": {"payload": "/affirm"}}}
    assert fmt.incoming_text(quick) == "/affirm"
    assert (
        fmt.incoming_text({"postback": {"title": "Wyjaśnij", "payload": '/ask_what_is{"institution": "up"}'}})
        == '/ask_what_is{"institution": "up"}'
    )
    assert fmt.incoming_text({"message": {"text": "nie mam pracy"}}) == "nie mam pracy"
    assert fmt.incoming_text({"message": {"text": "echo", "is_echo": True}}) is None
    assert fmt.incoming_text({"delivery": {"mids": ["m"]}}) is None
    sticker = {"message": {"attachments": [{"type": "image", "payload": {"url": "https://example.org/x.png"}}]}}
    assert fmt.incoming_text(sticker) is None and fmt.is_attachment_only(sticker)


# A registered 52-year-old with OPS help and no benefit: the labour office has many tools.
MANY_TOOLS = {
    "age": 52,
    "work_status": "registered_unemployed",
    "unemployment_benefit": False,
    "social_assistance": True,
    "district": "Wola",
    "health_limitations": True,
}


def test_the_carousel_names_the_three_best_tools_and_counts_the_rest(catalogue: Catalogue) -> None:
    result = recommend(MANY_TOOLS, catalogue)
    up = next(item for item in result["recommendations"] if item["institution"] == "up")
    assert len(up["tools"]) > 3
    carousel = fmt.custom_messages({"recommendations": result["recommendations"]})[0]
    element = next(e for e in carousel["attachment"]["payload"]["elements"] if e["title"].startswith("Urząd Pracy"))
    assert element["subtitle"].endswith(f"(+{len(up['tools']) - 3} więcej)") and len(element["subtitle"]) <= 80
    assert up["tool_details"][0]["name"][:20] in element["subtitle"]


def test_first_steps_and_what_would_open_more_reach_messenger(catalogue: Catalogue) -> None:
    from bot.dialogue.replies import recommendation_messages

    result = recommend(MANY_TOOLS, catalogue)
    assert result["would_open"], "a certificate would open more for a person with health problems"
    sent = [part["text"] for text in recommendation_messages(result) for part in fmt.text_messages(text)]
    assert all(len(text) <= 2000 for text in sent)
    assert any(
        text.startswith("Co może otworzyć więcej możliwości") and "Jeśli uzyskasz orzeczenie" in text for text in sent
    )
    assert sum("Jak zacząć:" in text for text in sent) >= 3


def test_the_chat_text_names_three_tools_and_says_how_to_hear_the_rest(catalogue: Catalogue) -> None:
    from bot.dialogue.replies import recommendation_messages

    result = recommend(MANY_TOOLS, catalogue)
    up = next(item for item in result["recommendations"] if item["institution"] == "up")
    text = next(t for t in recommendation_messages(result) if "Urząd Pracy" in t.splitlines()[0])
    line = next(line for line in text.splitlines() if line.startswith("Co możesz tu dostać:"))
    named = [d["name"] for d in up["tool_details"]]
    assert all(name in line for name in named[:3]) and not any(name in line for name in named[3:])
    assert f"i {len(named) - 3} innych form wsparcia" in line or f"i {len(named) - 3} inne formy wsparcia" in line
