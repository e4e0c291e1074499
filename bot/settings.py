"""Every environment variable the project reads, with its default, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1]  # resolved once: the actions read the settings on every turn


def project_root() -> Path:
    """The checkout the package runs from (overridable for installed copies)."""
    override = os.environ.get("DROGOWSKAZ_HOME")
    return Path(override) if override else _CHECKOUT


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    root: Path
    database_url: str
    tracker_store_url: str
    knowledge_dir: Path
    rasa_port: int
    action_port: int
    web_port: int
    rasa_auth_token: str | None
    redis_url: str | None
    max_body_bytes: int
    code_ttl_days: int
    # Conversations whose last message is older than this are removed by `python -m bot.retention`.
    retention_days: int
    rasa_public_url: str  # where browsers reach Rasa's socket.io channel
    api_cors_origins: tuple[str, ...] = ()  # other sites' origins allowed to call the web app's /api from a browser

    @property
    def rasa_url(self) -> str:
        return f"http://localhost:{self.rasa_port}"


def load_settings() -> Settings:
    """Read the environment now (not at import), so tests can set variables first."""
    root = project_root()
    var = root / "var"
    return Settings(
        root=root,
        database_url=os.environ.get("DATABASE_URL") or f"sqlite:///{var / 'knowledge.db'}",
        tracker_store_url=os.environ.get("TRACKER_STORE_URL") or f"sqlite:///{var / 'conversations.db'}",
        knowledge_dir=Path(os.environ.get("KNOWLEDGE_DIR") or root / "data" / "knowledge"),
        rasa_port=_int("RASA_PORT", 5005),
        action_port=_int("ACTION_PORT", 5055),
        web_port=_int("WEB_PORT", 8000),
        rasa_auth_token=os.environ.get("RASA_AUTH_TOKEN") or None,
        redis_url=os.environ.get("REDIS_URL") or None,
        max_body_bytes=_int("MAX_BODY_BYTES", 64 * 1024),
        code_ttl_days=_int("CODE_TTL_DAYS", 30),
        # 90 days: a new session starts after two hours and keeps no slots (domain/domain.yml), so old
        # conversations serve only to review what the assistant misunderstood and to answer a
        # person's questions about a recent conversation; a quarter covers one such review. The
        # store holds what people wrote about health and money, so nothing longer (GDPR art. 5(1)(e)).
        retention_days=_int("RETENTION_DAYS", 90),
        rasa_public_url=(os.environ.get("RASA_PUBLIC_URL") or f"http://localhost:{_int('RASA_PORT', 5005)}").rstrip(
            "/"
        ),
        api_cors_origins=tuple(os.environ.get("API_CORS_ORIGINS", "").replace(",", " ").split()),
    )
