from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest.mock import MagicMock

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from bot.domain.roles import Actor, PeerRole
from bot.services import Services, open_services
from bot.settings import Settings
from cogs.runtime import PeerBot
from tests import helpers

# Hypothesis (tests/test_fuzz_services.py): a few dozen examples a method in CI; `--hypothesis-profile=long`
# for a thorough run. Registered here so the command-line option can find them.
hypothesis_settings.register_profile(
    "ci", max_examples=20, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
hypothesis_settings.register_profile("long", parent=hypothesis_settings.get_profile("ci"), max_examples=2000)
hypothesis_settings.load_profile("ci")

GUILD = 1000
ADMIN_ROLE = 1
LEADER_ROLE = 2
MOD_ROLE = 3
PEER_ROLE = 5


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 3, 2, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **kwargs: float) -> None:
        self.current += timedelta(**kwargs)


class FakeProvisioner:
    """Records Discord resources as a dict; `fail_on` makes one step raise like Discord would."""

    def __init__(self, fail_on: str | None = None, fail_cleanup: bool = False) -> None:
        self.fail_on = fail_on
        self.fail_cleanup = fail_cleanup
        self.next_id = 500
        self.resources: dict[int, str] = {}
        self.calls: list[str] = []

    def _make(self, kind: str) -> int:
        self.calls.append(kind)
        if self.fail_on == kind:
            from bot.domain.group import ProvisioningError

            raise ProvisioningError(f"I couldn't make the {kind}.")
        self.next_id += 1
        self.resources[self.next_id] = kind
        return self.next_id

    async def ensure_category(self, guild_id: int, category_id: int | None) -> int:
        if category_id in self.resources:
            return category_id
        return self._make("category")

    async def create_role(self, guild_id: int, name: str) -> int:
        return self._make("role")

    async def create_text_channel(self, guild_id: int, name: str, topic: str, **_: object) -> int:
        return self._make("text")

    async def create_voice_channel(self, guild_id: int, name: str, **_: object) -> int:
        return self._make("voice")

    async def delete_channel(self, guild_id: int, channel_id: int) -> None:
        if self.fail_cleanup:
            raise RuntimeError("Discord 503")
        self.resources.pop(channel_id, None)

    async def delete_role(self, guild_id: int, role_id: int) -> None:
        if self.fail_cleanup:
            raise RuntimeError("Discord 503")
        self.resources.pop(role_id, None)

    def made(self, kind: str) -> list[int]:
        return [rid for rid, k in self.resources.items() if k == kind]


def actor(user_id: int, *roles: int, admin: bool = False) -> Actor:
    return Actor(guild_id=GUILD, user_id=user_id, role_ids=frozenset(roles), is_server_admin=admin)


ADMIN = actor(1, ADMIN_ROLE)
LEADER = actor(2, LEADER_ROLE)
MODERATOR = actor(3, MOD_ROLE)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # The learned stage has its own tests (test_risk_model.py); elsewhere the rules decide, so tiers are exact.
    return Settings(_env_file=None, database_path=tmp_path / "peerbot.db", risk_model=False)  # type: ignore[call-arg]


@pytest.fixture
async def services(settings: Settings, clock: FakeClock) -> AsyncIterator[Services]:
    built = await open_services(settings, clock)
    await built.roles.repo.replace(GUILD, PeerRole.ADMIN, {ADMIN_ROLE})
    await built.roles.repo.replace(GUILD, PeerRole.LEADER, {LEADER_ROLE})
    await built.roles.repo.replace(GUILD, PeerRole.MODERATOR, {MOD_ROLE})
    await built.roles.repo.replace(GUILD, PeerRole.PEER_SUPPORTER, {PEER_ROLE})
    yield built
    await built.db.close()


@pytest.fixture
async def bot(services: Services) -> AsyncIterator[PeerBot]:
    """The bot with every cog installed over `services`, never connected (the cog tests' Discord side)."""
    peerbot = PeerBot(services)
    await peerbot.install()
    yield peerbot
    await services.screening.stop()


@pytest.fixture
def server(bot: PeerBot, monkeypatch: pytest.MonkeyPatch) -> MagicMock:
    """An autospecced guild the bot finds as GUILD."""
    double = helpers.guild(GUILD)
    monkeypatch.setattr(bot, "get_guild", lambda guild_id: double if guild_id == GUILD else None)
    return double


async def accept_conduct(services: Services, *user_ids: int) -> None:
    current = await services.conduct.current(GUILD)
    if current is None:
        current = await services.conduct.publish(ADMIN, "Be kind. Keep what is shared here private.")
    for user_id in user_ids:
        await services.conduct.accept(GUILD, user_id, current.version)
