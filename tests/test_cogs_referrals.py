"""Referral adapters with autospecced discord.py doubles (dpytest 0.7.0 simulates no threads or interactions)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from unittest.mock import create_autospec

import discord
import pytest

from bot.services import Services
from cogs.referrals import Referrals
from cogs.runtime import PeerBot
from tests import helpers
from tests.conftest import ADMIN, GUILD, FakeProvisioner
from tests.test_groups import DRAFT


def screening_cog(bot: PeerBot) -> Any:
    found = bot.get_cog("Screening")
    assert found is not None
    return found


async def post(bot: PeerBot, message: Any) -> None:
    """A message through the listener, screened off the loop by the worker."""
    await screening_cog(bot).on_message(message)
    await bot.services.screening.drain()


def cog(bot: PeerBot) -> Any:
    # load_extension executes the module afresh, so the class is not tests' imported Referrals.
    found = bot.get_cog("Referrals")
    assert found is not None and type(found).__name__ == Referrals.__name__
    return found


class History:
    def __init__(self, messages: list[Any]) -> None:
        self.messages = messages

    def __aiter__(self) -> History:
        return self

    async def __anext__(self) -> Any:
        if not self.messages:
            raise StopAsyncIteration
        return self.messages.pop(0)


async def referred(services: Services) -> list[tuple[str, int]]:
    rows = await services.db.fetch_all("SELECT tier, message_id FROM referrals WHERE guild_id = ? ORDER BY id",
                                       (GUILD,))
    return [(r["tier"], r["message_id"]) for r in rows]


async def test_group_message_is_screened_into_the_queue(bot: PeerBot, services: Services) -> None:
    group = await services.groups.create(ADMIN, DRAFT, FakeProvisioner())
    message = create_autospec(discord.Message, instance=True)
    message.author = helpers.member(7)
    message.author.bot = False
    message.guild = helpers.guild(GUILD)
    message.channel = create_autospec(discord.TextChannel, instance=True)
    message.channel.id = group.channel_id
    message.channel.history = lambda **_: History([])
    message.id = 321
    message.jump_url = "https://discord.com/channels/1000/1/321"
    message.content = "honestly I just want to die"
    await post(bot, message)
    assert await referred(services) == [("urgent", 321)]

    message.id, message.content = 322, "see you all on thursday!"
    await post(bot, message)
    assert len(await referred(services)) == 1
    # Messages outside peer-support groups are not screened.
    message.id, message.channel.id, message.content = 323, 999, "i want to die"
    await post(bot, message)
    assert len(await referred(services)) == 1


async def test_a_match_space_thread_is_read_back_at_start_up(bot: PeerBot, services: Services,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Match spaces may be private threads, which an archived thread leaves out of the cache: they are fetched and
    what was posted in them while peerbot was away is screened, as in a group channel."""
    thread = create_autospec(discord.Thread, instance=True, id=555)
    posted = create_autospec(discord.Message, instance=True, id=12, content="I want to die tonight",
                             jump_url="https://discord.com/channels/1/555/12", channel=thread)
    posted.author.bot = False
    posted.author.id = 7
    posted.guild.id = GUILD

    async def history(**_: Any) -> AsyncIterator[Any]:
        yield posted

    thread.history = history
    submitted: list[Any] = []

    async def points() -> list[tuple[int, int, int]]:
        return [(GUILD, 555, 11), (GUILD, 556, 11)]

    async def fetch_channel(channel_id: int) -> Any:
        if channel_id == 556:
            raise helpers.http_error(discord.NotFound, 404)  # deleted while peerbot was away: skipped
        return thread

    async def submit(found: Any) -> None:
        submitted.append(found)

    monkeypatch.setattr(services.screening, "catch_up_points", points)
    monkeypatch.setattr(services.screening, "submit", submit)
    monkeypatch.setattr(bot, "fetch_channel", fetch_channel)
    await screening_cog(bot).catch_up()
    assert [(s.channel_id, s.message_id, s.content) for s in submitted] == [(555, 12, "I want to die tonight")]
