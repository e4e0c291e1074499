"""Messenger webhook signatures and unset credentials (no server needed)."""

from __future__ import annotations

import hashlib
import hmac

from bot.rasa_server.channels.messenger import MessengerInput, _same, valid_signature
from bot.rasa_server.channels.messenger_output import DEFAULT_GRAPH_API_URL

BODY = '{"object": "page", "entry": []}'.encode()


def sign(secret: str, method: str = "sha256", body: bytes = BODY) -> str:
    return f"{method}=" + hmac.new(secret.encode(), body, getattr(hashlib, method)).hexdigest()


def test_sha256_and_sha1_signatures_are_checked() -> None:
    assert valid_signature("s3cret", BODY, {"X-Hub-Signature-256": sign("s3cret")})
    assert valid_signature("s3cret", BODY, {"X-Hub-Signature": sign("s3cret", "sha1")})
    assert not valid_signature("s3cret", BODY + b" ", {"X-Hub-Signature-256": sign("s3cret")})
    assert not valid_signature("s3cret", BODY, {"X-Hub-Signature-256": sign("other")})
    assert not valid_signature("s3cret", BODY, {"X-Hub-Signature-256": sign("s3cret", "sha1")})  # wrong method
    assert not valid_signature("s3cret", BODY, {"X-Hub-Signature": "md5=" + hashlib.md5(BODY).hexdigest()})
    assert not valid_signature("s3cret", BODY, {"X-Hub-Signature-256": "sha256=zażółć"})
    assert not valid_signature("s3cret", BODY, {})
    # a wrong sha256 header is not rescued by a right sha1 one
    assert not valid_signature(
        "s3cret", BODY, {"X-Hub-Signature-256": sign("x"), "X-Hub-Signature": sign("s3cret", "sha1")}
    )


def test_without_credentials_nothing_verifies() -> None:
    channel = MessengerInput.from_credentials(None)
    assert channel.verify == "" and channel.secret == ""
    assert not _same("", channel.verify) and not _same(None, channel.verify)
    assert not valid_signature(channel.secret, BODY, {"X-Hub-Signature-256": sign("")})
    assert channel.client.url == DEFAULT_GRAPH_API_URL + "/me/messages"


def test_credentials_set_the_graph_url() -> None:
    channel = MessengerInput.from_credentials(
        {"verify": "v", "secret": "s", "page-access-token": "t", "graph_api_url": "http://127.0.0.1:1/v19.0/"}
    )
    assert channel.client.url == "http://127.0.0.1:1/v19.0/me/messages" and channel.client.access_token == "t"
    assert channel.name() == "facebook" and channel.url_prefix() == "facebook"
