"""Messages through dpytest's simulated gateway: the listeners get real discord.py Message objects.

dpytest builds members through the member cache, which peerbot leaves off (it asks for no members intent), so
the fixture turns it on for the simulated client only.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import discord
import discord.ext.test as dpytest
import pytest

from bot.domain.facilitator import CertStatus
from bot.domain.group import Audience, GroupDraft, GroupMode
from bot.domain.roles import Actor
from bot.services import Services
from cogs.runtime import PeerBot
from tests.conftest import FakeClock, FakeProvisioner
from tests.meeting_helpers import FAC, GROUP, weekly_draft


class ChannelProvisioner(FakeProvisioner):
    """Gives the group dpytest's channel, so messages there are the group's."""

    def __init__(self, channel_id: int) -> None:
        super().__init__()
        self.channel_id = channel_id

    async def create_text_channel(self, guild_id: int, name: str, topic: str, **_: object) -> int:
        return self.channel_id


@pytest.fixture
async def bot(services: Services) -> AsyncIterator[PeerBot]:
    peerbot = PeerBot(services)
    await peerbot._async_setup_hook()
    await peerbot.install()
    peerbot._connection._intents.members = True
    peerbot._connection.member_cache_flags = discord.MemberCacheFlags.all()
    dpytest.configure(peerbot, guilds=1, text_channels=1, members=2)
    yield peerbot
    await dpytest.empty_queue()
    await services.screening.stop()


async def group_on_dpytest_channel(services: Services, mode: GroupMode = GroupMode.ALWAYS_OPEN) -> tuple[Actor, int]:
    """A group on dpytest's guild and channel; returns that guild's server admin and the member who posts."""
    config = dpytest.get_config()
    admin = Actor(guild_id=config.guilds[0].id, user_id=1, is_server_admin=True)
    await services.groups.create(admin, GroupDraft(name=GROUP, condition="Recovery", audience=Audience.BOTH,
                                                   description="d", mode=mode),
                                 ChannelProvisioner(config.channels[0].id))
    return admin, config.members[0].id


async def test_a_risky_group_message_becomes_a_referral(bot: PeerBot, services: Services) -> None:
    admin, member_id = await group_on_dpytest_channel(services)
    await dpytest.message("see you all thursday!")
    await dpytest.message("honestly I just want to die")
    await services.screening.drain()  # screened off the loop
    rows = await services.db.fetch_all("SELECT tier, subject_id FROM referrals WHERE guild_id = ?",
                                       (admin.guild_id,))
    assert [(r["tier"], r["subject_id"]) for r in rows] == [("urgent", member_id)]


async def test_posting_during_an_open_meeting_counts_as_attendance(
    bot: PeerBot, services: Services, clock: FakeClock
) -> None:
    admin, member_id = await group_on_dpytest_channel(services, GroupMode.MEETING_ONLY)
    facilitator = Actor(guild_id=admin.guild_id, user_id=FAC.user_id)
    await services.agreement.publish(admin, "Confidentiality. No medical advice.")
    await services.facilitators.set_status(admin, facilitator.user_id, CertStatus.CERTIFIED)
    await services.agreement.accept(admin.guild_id, facilitator.user_id, 1)
    await services.assignments.assign(admin, facilitator.user_id, GROUP)
    _, upcoming = await services.meetings.schedule(facilitator, GROUP, weekly_draft())

    await dpytest.message("before the meeting")  # not counted: the room isn't open
    clock.current = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)
    await services.timeline.check_in(facilitator, upcoming[0].id)
    await dpytest.message("hi everyone, glad to be here")
    await services.screening.drain()

    rows = await services.db.fetch_all("SELECT user_id, posted FROM meeting_attendance WHERE occurrence_id = ?",
                                       (upcoming[0].id,))
    assert (member_id, 1) in {(r["user_id"], r["posted"]) for r in rows}
    stored = []
    for table in ("meeting_attendance", "outbox", "audit_log", "referrals"):
        stored += [str(tuple(r)) for r in await services.db.fetch_all(f"SELECT * FROM {table}")]
    assert not any("glad to be here" in row for row in stored)  # the fact of posting is kept, never the words


async def test_context_lines_carry_their_authors_id_so_erasure_can_find_them(
    bot: PeerBot, services: Services
) -> None:
    admin, member_id = await group_on_dpytest_channel(services)
    await dpytest.message("my words before")
    await dpytest.message("honestly I just want to die")
    await services.screening.drain()
    context = await services.db.fetch_value("SELECT context FROM referrals WHERE guild_id = ?", (admin.guild_id,))
    assert {"author_id": member_id, "text": "my words before"}.items() <= json.loads(context)[-1].items()
    await services.privacy.delete(Actor(guild_id=admin.guild_id, user_id=member_id), member_id)
    assert await services.db.fetch_value("SELECT COUNT(*) FROM referrals WHERE instr(context, 'my words')") == 0
