"""Meeting adapters: commands, buttons and outbox handlers, with autospecced discord.py doubles
(dpytest 0.7.0 simulates neither interactions nor scheduled events)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from unittest.mock import create_autospec

import discord
import pytest

from bot.services import Services
from cogs.runtime import MEETINGS_WAKE, PeerBot
from tests import helpers
from tests.conftest import GUILD, FakeClock
from tests.meeting_helpers import FAC, GROUP, MEMBER, certify, join, make_group, weekly_draft

FIRST = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)


def text_channel(channel_id: int | None = None) -> Any:
    channel = create_autospec(discord.TextChannel, instance=True)
    channel.id = channel_id
    sent = create_autospec(discord.Message, instance=True)
    sent.id = 8001
    channel.send.return_value = sent
    return channel


def mentions_nobody(mentions: discord.AllowedMentions) -> bool:
    return mentions.everyone is False and mentions.users is False and mentions.roles is False


def cog(bot: PeerBot, name: str) -> Any:
    found = bot.get_cog(name)
    assert found is not None
    return found


async def test_schedule_command_refuses_kindly_and_saves_nothing(bot: PeerBot, services: Services) -> None:
    await make_group(services)
    guild = helpers.guild(GUILD)
    interaction = helpers.interaction(bot, helpers.member(MEMBER.user_id), guild)
    await helpers.invoke(bot, "meeting schedule", interaction, group=GROUP, title="Evening", date="2026-03-10",
                         time="19:00", timezone="Europe/London", duration=60, repeat=None, days=None, every=1,
                         nth=None, rrule=None, until=None, count=None, facilitator=None, co_facilitator=None,
                         agenda="")
    assert "not a certified facilitator" in helpers.last_reply(interaction)["content"]
    assert mentions_nobody(helpers.last_reply(interaction)["allowed_mentions"])
    assert await services.db.fetch_value("SELECT COUNT(*) FROM meeting_series") == 0


async def test_schedule_command_arms_the_wake_up(bot: PeerBot, services: Services) -> None:
    await make_group(services)
    await certify(services, FAC.user_id)
    interaction = helpers.interaction(bot, helpers.member(FAC.user_id), helpers.guild(GUILD))
    await helpers.invoke(bot, "meeting schedule", interaction, group=GROUP, title="Evening", date="2026-03-10",
                         time="19:00", timezone="Europe/London", duration=60,
                         repeat=discord.app_commands.Choice(name="weekly", value="weekly"), days=None, every=1,
                         nth=None, rrule=None, until=None, count=None, facilitator=None, co_facilitator=None,
                         agenda="Readings")
    content = helpers.last_reply(interaction)["content"]
    assert content.startswith("Scheduled **Evening**") and "Tue 10 Mar 2026, 19:00 GMT" in content
    assert MEETINGS_WAKE in bot.scheduler.job_ids()


async def test_opening_post_room_and_check_in_button(bot: PeerBot, services: Services, clock: FakeClock,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    group_id = await make_group(services)
    await certify(services, FAC.user_id)
    _, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft())
    group = (await services.groups.list(GUILD))[0]
    channel = text_channel(group.channel_id)
    role = create_autospec(discord.Role, instance=True)
    guild = helpers.guild(GUILD)
    guild.get_channel.side_effect = lambda cid: channel if cid == group.channel_id else None
    guild.get_role.side_effect = lambda rid: role if rid == group.role_id else None
    guild.get_scheduled_event.return_value = None
    monkeypatch.setattr(bot, "get_guild", lambda _id: guild)
    monkeypatch.setattr(bot, "get_channel", lambda cid: channel if cid == group.channel_id else None)
    event = create_autospec(discord.ScheduledEvent, instance=True)
    event.id = 4242
    guild.create_scheduled_event.return_value = event

    clock.current = FIRST
    await services.timeline.run_due()
    await services.outbox.run_due()
    opening = next(c for c in channel.send.call_args_list if "embed" in c.kwargs)
    assert mentions_nobody(opening.kwargs["allowed_mentions"])
    assert [i.custom_id for i in opening.kwargs["view"].children] == [
        f"peerbot:meeting:checkin:{upcoming[0].id}", f"peerbot:meeting:here:{upcoming[0].id}"]
    assert "code of conduct" in opening.kwargs["embed"].fields[0].value
    # Next week's meeting is now within a week, so its event is published: external, in the group's channel.
    created = guild.create_scheduled_event.call_args_list[0].kwargs
    assert created["entity_type"] is discord.EntityType.external and created["location"].startswith("#")

    press = helpers.interaction(bot, helpers.member(FAC.user_id), guild)
    from cogs.meetings import MeetingButton  # the loaded module's class is equivalent for callbacks

    await MeetingButton("checkin", upcoming[0].id).callback(press)
    assert "room for **Tuesday evening meeting** is open" in helpers.last_reply(press)["content"]
    await services.outbox.run_due()
    channel.set_permissions.assert_called_with(role, view_channel=True, read_message_history=True,
                                               send_messages=True, reason="peerbot meeting room")

    # A member's post during the open meeting counts as attendance; the words are not kept.
    message = create_autospec(discord.Message, instance=True)
    message.author = helpers.member(MEMBER.user_id)
    message.author.bot = False
    message.guild = guild
    message.channel = channel
    await cog(bot, "Meetings").on_message(message)
    assert await services.db.fetch_value(
        "SELECT posted FROM meeting_attendance WHERE user_id = ?", (MEMBER.user_id,)) == 1

    clock.advance(minutes=70)
    await services.timeline.run_due()
    await services.outbox.run_due()
    channel.set_permissions.assert_called_with(role, view_channel=True, read_message_history=True,
                                               send_messages=False, reason="peerbot meeting room")
    assert group_id == group.id


async def test_reminder_mentions_only_the_members_who_chose_it(bot: PeerBot, services: Services,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    channel = text_channel(5)
    monkeypatch.setattr(bot, "get_channel", lambda _id: channel)
    await services.outbox.enqueue(GUILD, "group_post", {"channel_id": 5, "text": "Reminder <@30> <@&1> @everyone",
                                                        "mention_ids": [30]}, dedupe_key="p")
    await services.outbox.run_due()
    mentions = channel.send.call_args.kwargs["allowed_mentions"]
    assert mentions.everyone is False and mentions.roles is False and [u.id for u in mentions.users] == [30]


async def test_cancelled_meeting_cancels_its_discord_event(bot: PeerBot, services: Services, clock: FakeClock,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    await make_group(services)
    await certify(services, FAC.user_id)
    _, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft())
    await services.timeline.record_event(upcoming[0].id, 4242)
    event = create_autospec(discord.ScheduledEvent, instance=True)
    event.status = discord.EventStatus.scheduled
    guild = helpers.guild(GUILD)
    guild.get_scheduled_event.return_value = event
    monkeypatch.setattr(bot, "get_guild", lambda _id: guild)
    await services.meetings.cancel(FAC, upcoming[0].id)
    clock.advance(minutes=1)
    await services.outbox.run_due()
    event.cancel.assert_called_once()


async def test_calendar_command_sends_an_ics_file(bot: PeerBot, services: Services) -> None:
    await make_group(services)
    await certify(services, FAC.user_id)
    await services.meetings.schedule(FAC, GROUP, weekly_draft())
    await join(services, MEMBER.user_id)
    interaction = helpers.interaction(bot, helpers.member(MEMBER.user_id), helpers.guild(GUILD))
    await helpers.invoke(bot, "meeting calendar", interaction, group=GROUP)
    sent = helpers.last_reply(interaction)
    assert sent["file"].filename == "meetings.ics"
    assert b"RRULE:FREQ=WEEKLY" in sent["file"].fp.read()


async def test_next_shows_times_in_the_members_zone(bot: PeerBot, services: Services) -> None:
    await make_group(services)
    await certify(services, FAC.user_id)
    await services.meetings.schedule(FAC, GROUP, weekly_draft())
    await join(services, MEMBER.user_id)
    await services.rsvps.set_time_zone(GUILD, MEMBER.user_id, "America/New_York")
    interaction = helpers.interaction(bot, helpers.member(MEMBER.user_id), helpers.guild(GUILD))
    await helpers.invoke(bot, "meeting next", interaction, group=None)
    assert "Tue 10 Mar 2026, 15:00 EDT" in helpers.last_reply(interaction)["content"]


async def test_agreement_button_works_from_a_dm(bot: PeerBot, services: Services) -> None:
    await certify(services)  # publishes the agreement
    from cogs.facilitators import AcceptAgreementButton

    press = helpers.interaction(bot, helpers.member(FAC.user_id), None)
    await AcceptAgreementButton(GUILD, 1).callback(press)
    assert await services.agreement.accepted_version(GUILD, FAC.user_id) == 1


async def test_the_wake_up_follows_the_earliest_due_step(bot: PeerBot, services: Services, clock: FakeClock) -> None:
    await make_group(services)
    await certify(services, FAC.user_id)
    await services.meetings.schedule(FAC, GROUP, weekly_draft())
    await bot.rearm_meetings()
    # The first thing due is publishing the first meeting's Discord event, a week ahead.
    assert bot.scheduler.next_run(MEETINGS_WAKE) == FIRST - timedelta(days=7)
    clock.current = FIRST - timedelta(days=7)
    await bot.meetings_pass()
    assert bot.scheduler.next_run(MEETINGS_WAKE) == FIRST - timedelta(hours=24)


async def test_facilitators_get_the_group_channel_and_lose_it_when_suspended(
    bot: PeerBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.domain.facilitator import CertStatus
    from tests.conftest import LEADER

    await make_group(services)
    await certify(services, FAC.user_id)
    await services.meetings.schedule(FAC, GROUP, weekly_draft())
    group = (await services.groups.list(GUILD))[0]
    channel = text_channel(group.channel_id)
    facilitator = helpers.member(FAC.user_id)
    guild = helpers.guild(GUILD)
    guild.get_channel.side_effect = lambda cid: channel if cid == group.channel_id else None
    guild.get_member.return_value = facilitator
    monkeypatch.setattr(bot, "get_guild", lambda _id: guild)
    monkeypatch.setattr(bot, "get_channel", lambda _id: None)
    await services.outbox.run_due()
    granted = channel.set_permissions.call_args
    assert granted.args == (facilitator,) and granted.kwargs["overwrite"].send_messages is True
    await services.facilitators.set_status(LEADER, FAC.user_id, CertStatus.SUSPENDED, reason="On leave")
    await services.outbox.run_due()
    assert channel.set_permissions.call_args.kwargs["overwrite"] is None


async def test_every_meeting_command_answers(bot: PeerBot, services: Services, clock: FakeClock) -> None:
    """Each command runs through discord.py's machinery and answers in a sentence, never the generic apology."""
    from discord import app_commands

    from cogs._common import SORRY
    from tests.conftest import LEADER

    await make_group(services)
    await certify(services, FAC.user_id)
    await join(services, MEMBER.user_id)
    guild = helpers.guild(GUILD)
    leader = helpers.member(LEADER.user_id, *LEADER.role_ids)
    facilitator = helpers.member(FAC.user_id)
    member = helpers.member(MEMBER.user_id)

    async def run(user: Any, name: str, **params: Any) -> str:
        interaction = helpers.interaction(bot, user, guild)
        interaction.channel_id = 0
        await helpers.invoke(bot, name, interaction, **params)
        content = helpers.last_reply(interaction).get("content") or ""
        assert content != SORRY, (name, content)
        return str(content)

    choice = app_commands.Choice
    assert "Course **Family-to-family**" in await run(
        facilitator, "meeting course", group=GROUP, title="Family-to-family", date="2026-03-11", time="18:00",
        timezone="Europe/London", sessions="One; Two", duration=90, capacity=10, every=1, facilitator=None,
        co_facilitator=None)
    assert "Scheduled" in await run(
        facilitator, "meeting schedule", group=GROUP, title="Evening", date="2026-03-10", time="19:00",
        timezone="Europe/London", duration=60, repeat=choice(name="weekly", value="weekly"), days=None, every=1,
        nth=None, rrule=None, until=None, count=None, facilitator=None, co_facilitator=None, agenda="Readings")
    evening = next(o for o in await services.meetings.upcoming(GUILD) if o.title == "Evening")
    course_id = next(o for o in await services.meetings.upcoming(GUILD) if o.kind == "course").series_id
    assert "See you there" in await run(member, "meeting rsvp", meeting=evening.id, every_week=False)
    assert "Reminders: 1 h, 15 min" in await run(member, "meeting reminders", when="1h, 15m",
                                                 via=choice(name="DM", value="dm"))
    assert "isn't" not in await run(member, "meeting timezone", zone="Asia/Tokyo")
    assert "Asia/Tokyo" in (await services.rsvps.prefs(GUILD, MEMBER.user_id)).time_zone  # type: ignore[operator]
    assert "JST" in await run(member, "meeting next", group=None)
    assert "won't get reminders" in await run(member, "meeting unrsvp", meeting=evening.id)
    assert "enrolled" in await run(member, "course enroll", course=course_id)
    assert "is updated" in await run(facilitator, "meeting agenda", meeting=evening.id, text="Serenity prayer")
    assert "no other certified facilitator" in await run(facilitator, "meeting cover", meeting=evening.id)
    second = (await services.meetings.upcoming_of_series(evening.series_id))[1]
    assert "is now" in await run(leader, "meeting move", meeting=second.id, date="2026-03-19", time="18:00")
    assert "cancelled" in await run(facilitator, "meeting cancel", meeting=second.id, note=None)
    clock.current = evening.starts_at
    assert "room for **Evening** is open" in await run(facilitator, "meeting start", meeting=evening.id)
    assert "has ended" in await run(facilitator, "meeting end", meeting=evening.id)
    assert "attended" in await run(leader, "meeting attendance", meeting=evening.id)
    assert "held sessions" in await run(leader, "course progress", course=course_id)
    assert "ended" in await run(leader, "meeting stop-series", meeting=(await services.meetings.upcoming(
        GUILD, group_id=evening.group_id, limit=5))[-1].id)
    assert "certified" in await run(leader, "facilitator list")
    assert "certified" in await run(leader, "facilitator history", member=facilitator)
    assert "now suspended" in await run(leader, "facilitator set", member=facilitator,
                                        status=choice(name="suspended", value="suspended"), expires=None,
                                        reason="On leave")
    assert "accepted this version" in await run(facilitator, "facilitator agreement")


async def test_deleting_a_group_deletes_its_meetings_discord_events(
    bot: PeerBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import ADMIN

    await make_group(services)
    await certify(services, FAC.user_id)
    _, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft())
    await services.timeline.record_event(upcoming[0].id, 4242)
    event = create_autospec(discord.ScheduledEvent, instance=True)
    guild = helpers.guild(GUILD)
    guild.get_scheduled_event.side_effect = lambda eid: event if eid == 4242 else None
    monkeypatch.setattr(bot, "get_guild", lambda _id: guild)
    await services.groups.delete(ADMIN, GROUP)
    assert await services.db.fetch_value("SELECT COUNT(*) FROM meeting_occurrences") == 0
    await services.outbox.run_due()
    event.delete.assert_called_once()
