"""The JSON API of the real web app, started as `python -m bot.web` on a free port."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Iterator

import pytest

from bot.json_errors import status_message
from bot.knowledge.contract_ids import INSTITUTION_IDS, TOOL_IDS
from bot.messages import text
from tests.servers import free_port, running, web_command


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("web")
    port = free_port()
    env = {"WEB_PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp / 'kb.db'}", "MAX_BODY_BYTES": "16384"}
    base = f"http://127.0.0.1:{port}"
    with running(web_command(), f"{base}/api/health", env, log=tmp / "web.log"):
        yield base


def call(
    base: str, path: str, body: bytes | None = None, method: str | None = None, headers: dict | None = None
) -> tuple[int, Any]:
    request = urllib.request.Request(
        base + path,
        data=body,
        method=method or ("POST" if body is not None else "GET"),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def post(base: str, payload: Any) -> tuple[int, Any]:
    return call(base, "/api/recommendations", json.dumps(payload).encode())


def test_health_counts_institutions(api: str) -> None:
    status, body = call(api, "/api/health")
    assert status == 200
    assert body["institutions"] == len(INSTITUTION_IDS)


def test_acceptance_example(api: str) -> None:
    status, body = post(
        api,
        {"age": 52, "work_status": "registered_unemployed", "unemployment_benefit": False, "social_assistance": True},
    )
    assert status == 200
    by_id = {item["institution"]: item for item in body["recommendations"]}
    assert {"prace_spolecznie_uzyteczne", "prace_interwencyjne"} <= set(by_id["up"]["tools"])
    assert "ops" in by_id
    for item in (by_id["up"], by_id["ops"]):
        assert item["reasons"] and item["name"] and isinstance(item["contact"], dict)
    assert body["recommendations"][0]["institution"] == "up"
    assert "district" in body["missing"] and "age" not in body["missing"]
    extras = next(d for d in by_id["up"]["tool_details"] if d["id"] == "prace_interwencyjne")["reasons"]
    assert any("24 miesięcy" in reason for reason in extras)


def test_empty_profile_asks_for_what_matters(api: str) -> None:
    status, body = post(api, {})
    assert status == 200
    assert {"work_status", "social_assistance", "disability_certificate"} <= set(body["missing"])


def test_district_selects_the_local_contact(api: str) -> None:
    status, body = post(api, {"social_assistance": True, "district": "Wola"})
    ops = next(item for item in body["recommendations"] if item["institution"] == "ops")
    assert "Bema 91" in ops["contact"]["address"]
    assert ops["contact"]["source_url"]
    assert "district" not in body["missing"]


@pytest.mark.parametrize(
    "raw, field",
    [
        (b"[]", "body"),
        (b'"text"', "body"),
        (b"null", "body"),
        (b"{", "body"),
        (b"", "body"),
        (b"\xff\xfe", "body"),
        (b'{"age": NaN}', "body"),
        (b"[" * 5000 + b"]" * 5000, "body"),
        (b'{"age": "52"}', "age"),
        (b'{"age": 7}', "age"),
        (b'{"age": 1e400}', "age"),
        (b'{"age": 52, "pesel": "80010112345"}', "pesel"),
        (b'{"homeless": "yes"}', "homeless"),
        (b"{\"district\": \"Wola' OR '1'='1\"}", "district"),
        (b'{"work_status": "registered_unemployed; DROP TABLE tool;--"}', "work_status"),
        (b'{"disability_degree": ["severe"]}', "disability_degree"),
    ],
)
def test_malformed_bodies_get_400_with_field(api: str, raw: bytes, field: str) -> None:
    status, body = call(api, "/api/recommendations", raw, method="POST")
    assert status == 400
    assert body["field"] == field and body["error"]


def test_oversized_body_is_refused_as_json(api: str) -> None:
    status, body = call(api, "/api/recommendations", b'{"age": 52' + b" " * 20000 + b"}", method="POST")
    assert status == 413 and body["error"]


def test_read_endpoints(api: str) -> None:
    status, body = call(api, "/api/institutions")
    assert status == 200 and [i["id"] for i in body["institutions"]] == list(INSTITUTION_IDS)
    status, up = call(api, "/api/institutions/up")
    assert status == 200 and up["tools"] == list(TOOL_IDS["up"]) and up["legal_notes"]
    status, staz = call(api, "/api/tools/staz")
    assert status == 200 and staz["institution"] == "up" and staz["eligibility_text"] and staz["source"]["passage"]
    assert any("160%" in note["text"] for note in staz["legal_notes"])


@pytest.mark.parametrize(
    "path", ["/api/institutions/nope", "/api/tools/..%2F..%2Fetc%2Fpasswd", "/api/unknown", "/../../etc/passwd"]
)
def test_unknown_things_are_json_404(api: str, path: str) -> None:
    status, body = call(api, path)
    assert status == 404 and body["error"]


def test_wrong_method_is_json_405(api: str) -> None:
    status, body = call(api, "/api/recommendations")
    assert status == 405 and body["error"]


def _texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_lang_switches_every_catalogue_text_and_keeps_the_ids(api: str, lang: str) -> None:
    """CONTRACT section 6: `?lang=`; the knowledge base's own texts (reasons, steps) are still Polish."""
    profile = {"age": 19, "work_status": "jobless_unregistered", "homeless": True, "district": "outside_warsaw"}
    _, polish = post(api, profile)
    status, translated = call(api, f"/api/recommendations?lang={lang}", json.dumps(profile).encode())
    assert status == 200
    ids = lambda body: [(i["institution"], i["tools"]) for i in body["recommendations"]]  # noqa: E731
    assert ids(translated) == ids(polish) and translated["missing"] == polish["missing"]
    assert {i["note"] for i in translated["recommendations"]} == {text("recommend.outside_warsaw", lang)}
    assert all(o["text"] not in _texts(polish) for o in translated["would_open"]), "would_open in the language"
    assert text("recommend.outside_warsaw", "pl") not in _texts(translated)
    status, body = call(api, f"/api/recommendations?lang={lang}", b"{")
    assert status == 400 and body["error"] == text("api.malformed_json", lang), "errors too"


def test_an_unknown_lang_is_refused(api: str) -> None:
    status, body = call(api, "/api/recommendations?lang=ru", json.dumps({"age": 30}).encode())
    assert status == 400 and body["field"] == "lang"
    status, _ = call(api, "/api/recommendations", json.dumps({"age": 30}).encode())
    assert status == 200, "the language of one request is not the next one's"


def test_lang_does_not_carry_over_to_the_next_request_on_the_connection(api: str) -> None:
    """Requests on one keep-alive connection run in one task in Sanic 21.12: a page that is not under
    /api/ after `?lang=en` must answer in Polish again (found by a code review)."""
    connection = http.client.HTTPConnection(urllib.parse.urlsplit(api).netloc, timeout=10)
    try:
        connection.request("GET", "/api/institutions?lang=en")
        assert connection.getresponse().read()
        connection.request("GET", "/no-such-page")
        response = connection.getresponse()
        assert response.status == 404 and json.loads(response.read())["error"] == status_message(404, "pl")
    finally:
        connection.close()
