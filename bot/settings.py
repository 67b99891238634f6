"""Process-wide settings, read once from the environment and `.env`, then passed down.

Per-server choices (queue channel, crisis resources, role mapping) live in the database and are changed with
slash commands; these are the defaults a new server starts from and what the process itself needs.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PEER_ROLE_NAMES = ("admin", "moderator", "leader", "facilitator", "peer_supporter")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PEERBOT_", env_file=".env", env_file_encoding="utf-8", extra="forbid"
    )

    token: SecretStr | None = Field(default=None, description="The bot token from the Discord developer portal.")
    database_path: Path = Field(default=Path("data/peerbot.db"), description="The SQLite file (WAL mode).")
    dev_guild_id: int | None = Field(
        default=None, description="Sync slash commands to this server only (instant; for development)."
    )
    message_content: bool = Field(
        default=True,
        description="Ask for the privileged Message Content intent, which automatic risk screening needs.",
    )
    log_level: str = Field(default="INFO")
    bootstrap_roles: dict[str, int] = Field(
        default_factory=dict,
        description='First-boot role mapping, e.g. {"admin": 123, "leader": 456}; /setup roles overrides it.',
    )
    # Referral queue defaults (each server can override the deadlines).
    crisis_ack_minutes: int = Field(default=5, ge=1)
    urgent_ack_minutes: int = Field(default=60, ge=1)
    concern_ack_minutes: int = Field(default=24 * 60, ge=1)
    flag_content_retention_days: int = Field(default=30, ge=1)
    flags_per_hour: int = Field(default=5, ge=1)
    risk_second_look: bool = Field(
        default=True,
        description="Let the screener's second look raise a concern worded like urgent or crisis messages.",
    )
    risk_model: bool = Field(
        default=True,
        description="Run the learned, multilingual stage beside the rules (where its embedder can load).",
    )

    @field_validator("bootstrap_roles")
    @classmethod
    def _known_roles(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = sorted(set(value) - set(PEER_ROLE_NAMES))
        if unknown:
            raise ValueError(f"unknown peerbot role(s) {unknown}; use {list(PEER_ROLE_NAMES)}")
        return value
