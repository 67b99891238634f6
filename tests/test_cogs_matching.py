"""Matching adapters with autospecced discord.py doubles: command shapes, the intake (modal, then buttons),
offer buttons, opening a space, a departed seeker, a deleted space, check-in buttons and Discord refusals."""

from __future__ import annotations

from typing import Any
from unittest.mock import create_autospec

import discord
import pytest
from discord import app_commands

from bot.domain.matching.programme import Mode
from bot.services import Services
from cogs.matching.timing import MATCHING_WAKE
from cogs.matching.views import CheckinButton, OfferButton, RequestModal, WhoView, buttons_view
from cogs.runtime import PeerBot
from tests import helpers
from tests.conftest import GUILD
from tests.matching_helpers import SEEKER, SUP1, ask, make_programme, match_row, pending_offers, seeker, supporter
from tests.meeting_helpers import count, outbox


def sent_message(message_id: int = 8101) -> Any:
    message = create_autospec(discord.Message, instance=True)
    message.id = message_id
    return message


def dm_user(user_id: int) -> Any:
    user = create_autospec(discord.User, instance=True)
    user.id = user_id
    user.send.return_value = sent_message()
    return user


def test_the_match_group_fits_discord_limits(bot: PeerBot) -> None:
    group = bot.tree.get_command("match")
    assert isinstance(group, app_commands.Group)
    assert len(group.commands) <= 25
    for command in group.commands:
        assert isinstance(command, app_commands.Command)
        assert len(command.description) <= 100 and len(command.parameters) <= 25, command.name
        for parameter in command.parameters:
            assert len(parameter.description) <= 100, (command.name, parameter.name)
    group.to_dict(bot.tree)  # what is sent to Discord builds without error


async def test_profile_command_refuses_kindly_then_shows_what_was_given(bot: PeerBot, services: Services) -> None:
    await make_programme(services)
    guild = helpers.guild(GUILD)
    choice = app_commands.Choice
    for condition, expected in (("Kidny transplant", "Did you mean “Kidney transplant”"),
                                ("Kidney transplant", "condition: Kidney transplant")):
        interaction = helpers.interaction(bot, helpers.member(SEEKER.user_id), guild)
        await helpers.invoke(bot, "match profile", interaction, side=choice(name="seeker", value="seeker"),
                             role=choice(name="patient", value="patient"), languages="English", programme=None,
                             condition=condition, tags=None, issues="rejection", age_band=None, time_zone=None,
                             availability=None, culture=None, gender=None, preferences=None, show=None)
        answer = helpers.last_reply(interaction)
        assert expected in answer["content"] and answer["ephemeral"] is True
        assert answer["allowed_mentions"].everyone is False and answer["allowed_mentions"].users is False
    assert await count(services, "match_profiles") == 1


async def test_request_is_a_modal_then_buttons(bot: PeerBot, services: Services) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    guild = helpers.guild(GUILD)
    interaction = helpers.interaction(bot, helpers.member(SEEKER.user_id), guild)
    await helpers.invoke(bot, "match request", interaction, programme=None)
    assert "/match profile" in helpers.last_reply(interaction)["content"]  # no profile: told how, no form
    interaction.response.send_modal.assert_not_called()
    await seeker(services, programme)
    await supporter(services, programme, SUP1)
    interaction = helpers.interaction(bot, helpers.member(SEEKER.user_id), guild)
    await helpers.invoke(bot, "match request", interaction, programme=None)
    modal = interaction.response.send_modal.call_args.args[0]
    assert isinstance(modal, RequestModal) and len(modal.children) == 5
    for field, value in (("challenges", "Newly diagnosed."), ("why_now", "Starting treatment."),
                         ("needed_by", "tomorrow")):
        getattr(modal, field)._value = value
    submit = helpers.interaction(bot, helpers.member(SEEKER.user_id), guild)
    await submitted(modal, submit)
    assert "YYYY-MM-DD" in helpers.last_reply(submit)["content"]
    assert await count(services, "match_requests") == 0
    modal.needed_by._value = ""
    await submitted(modal, submit)
    view = helpers.last_reply(submit)["view"]
    assert isinstance(view, WhoView)  # nothing is saved until the member says who the support is for
    assert await count(services, "match_requests") == 0
    press = helpers.interaction(bot, helpers.member(SEEKER.user_id), guild)
    await view.me.callback(press)
    assert "You're number 1 in the queue" in helpers.last_reply(press)["content"]
    assert await pending_offers(services) == [(1, SUP1.user_id)]
    assert MATCHING_WAKE in bot.scheduler.job_ids()  # the offer's expiry is on the timeline


async def submitted(modal: discord.ui.Modal, interaction: Any) -> None:
    """What discord.py does with a modal: on_submit, and on_error if it raises."""
    try:
        await modal.on_submit(interaction)
    except Exception as error:
        await modal.on_error(interaction, error)


async def offered(services: Services) -> tuple[int, int]:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    request_id = await ask(services, programme)
    return request_id, (await pending_offers(services))[0][0]


async def test_offer_dm_buttons_and_opening_the_space(bot: PeerBot, services: Services,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _, offer_id = await offered(services)
    supporter_user = dm_user(SUP1.user_id)
    monkeypatch.setattr(bot, "get_user", lambda uid: supporter_user if uid == SUP1.user_id else dm_user(uid))
    guild = helpers.guild(GUILD)
    monkeypatch.setattr(bot, "get_guild", lambda _id: guild)
    pair = {uid: helpers.member(uid) for uid in (SEEKER.user_id, SUP1.user_id)}
    guild.get_member.side_effect = pair.get
    space = create_autospec(discord.TextChannel, instance=True)
    space.id = 9200
    space.send.return_value = sent_message()
    guild.create_text_channel.return_value = space
    monkeypatch.setattr(bot, "get_channel", lambda cid: space if cid == 9200 else None)
    await services.outbox.run_due()
    offer_call = supporter_user.send.call_args_list[0]
    assert "<@" not in offer_call.args[0] and "Their name is shared only if you accept" in offer_call.args[0]
    assert [b.custom_id for b in offer_call.kwargs["view"].children] == [
        f"peerbot:moffer:{GUILD}:accept:{offer_id}", f"peerbot:moffer:{GUILD}:decline:{offer_id}"]

    press = helpers.interaction(bot, helpers.member(SUP1.user_id), None)  # pressed in a DM
    await OfferButton(GUILD, "accept", offer_id).callback(press)
    assert "A private space is opening" in helpers.last_reply(press)["content"]
    await services.outbox.run_due()
    created = guild.create_text_channel.call_args
    overwrites = created.kwargs["overwrites"]
    assert overwrites[guild.default_role].view_channel is False
    assert overwrites[pair[SEEKER.user_id]].view_channel and overwrites[pair[SUP1.user_id]].send_messages
    assert {o.id for o in overwrites if isinstance(o, discord.Object)} == {1, 2, 3}  # admins, leaders, moderators
    await services.outbox.run_due()  # the welcome post, queued when the space was recorded
    welcome = space.send.call_args
    assert "not covered" in welcome.args[0]
    assert [u.id for u in welcome.kwargs["allowed_mentions"].users] == [SEEKER.user_id, SUP1.user_id]
    assert welcome.kwargs["allowed_mentions"].roles is False
    assert [b.custom_id for b in welcome.kwargs["view"].children] == ["peerbot:mspace:spoken:1",
                                                                      "peerbot:mspace:end:1"]
    assert (await match_row(services, 1))["space_state"] == "open"
    # Deleted by hand: noticed, and the match goes on without it.
    await bot.get_cog("MatchCommands").on_guild_channel_delete(space)  # type: ignore[union-attr]
    assert (await match_row(services, 1))["space_state"] == "missing"


async def test_a_seeker_who_left_before_the_space_opened(bot: PeerBot, services: Services,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    await offered(services)
    monkeypatch.setattr(bot, "get_user", dm_user)
    guild = helpers.guild(GUILD)
    monkeypatch.setattr(bot, "get_guild", lambda _id: guild)
    guild.get_member.return_value = None
    guild.fetch_member.side_effect = helpers.http_error(discord.NotFound, 404, "Unknown Member")
    await services.matching.matchmaker.accept(SUP1, 1)
    await services.outbox.run_due()
    row = await match_row(services, 1)
    assert (row["state"], row["end_reason"]) == ("ended", "seeker_left")
    guild.create_text_channel.assert_not_called()


async def test_no_permission_to_open_a_space_alerts_leaders(bot: PeerBot, services: Services,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    await offered(services)
    monkeypatch.setattr(bot, "get_user", dm_user)
    guild = helpers.guild(GUILD)
    monkeypatch.setattr(bot, "get_guild", lambda _id: guild)
    guild.get_member.side_effect = helpers.member
    guild.create_text_channel.side_effect = helpers.http_error(discord.Forbidden, 403, "Missing Permissions")
    await services.matching.matchmaker.accept(SUP1, 1)
    await services.outbox.run_due()
    assert await services.outbox.state_of("mspace:open:1:1") == "failed"
    assert any("Manage Channels" in o["text"] for o in await outbox(services, "leader_alert"))
    assert (await match_row(services, 1))["space_state"] == "pending"


async def test_checkin_buttons_offer_a_rematch_to_the_seeker(bot: PeerBot, services: Services) -> None:
    await offered(services)
    await services.matching.matchmaker.accept(SUP1, 1)
    view = buttons_view(GUILD, [{"kind": "checkin", "match": 1, "round": 1}, {"kind": "rating", "match": 1}])
    assert view is not None
    assert [c.custom_id for c in view.children] == [f"peerbot:mcheck:{GUILD}:1:1:good",
                                                    f"peerbot:mcheck:{GUILD}:1:1:notyet",
                                                    f"peerbot:mcheck:{GUILD}:1:1:notfit", f"peerbot:mrate:{GUILD}:1"]
    await services.db.execute("INSERT INTO match_checkins (match_id, round, side, sent_at) VALUES (1, 1, 'seeker',"
                              " '2026-03-09T12:00:00+00:00')")
    press = helpers.interaction(bot, helpers.member(SEEKER.user_id), None)
    await CheckinButton(GUILD, 1, 1, "notfit").callback(press)
    answer = helpers.last_reply(press)
    assert "someone else" in answer["content"]
    assert [c.custom_id for c in answer["view"].children] == [f"peerbot:mrematch:{GUILD}:1:not_a_good_fit"]
    again = helpers.interaction(bot, helpers.member(SEEKER.user_id), None)
    await CheckinButton(GUILD, 1, 1, "good").callback(again)
    assert "already answered" in helpers.last_reply(again)["content"]


async def test_a_space_made_by_a_failed_attempt_is_found_not_made_twice(bot: PeerBot, services: Services,
                                                                       clock: Any,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    await offered(services)
    monkeypatch.setattr(bot, "get_user", dm_user)
    guild = helpers.guild(GUILD)
    monkeypatch.setattr(bot, "get_guild", lambda _id: guild)
    guild.get_member.side_effect = helpers.member
    space = create_autospec(discord.TextChannel, instance=True)
    space.id, space.name, space.topic = 9300, "match-1", "peerbot match #1 · Support parents"
    guild.text_channels = []

    def made_then_lost(*args: Any, **kwargs: Any) -> Any:
        guild.text_channels = [space]  # Discord made it, but the answer never came back
        raise helpers.http_error(discord.HTTPException, 503, "Service Unavailable")

    guild.create_text_channel.side_effect = made_then_lost
    await services.matching.matchmaker.accept(SUP1, 1)
    await services.outbox.run_due()
    assert await services.outbox.state_of("mspace:open:1:1") == "pending"  # a 503 is retried
    clock.advance(minutes=5)
    await services.outbox.run_due()
    assert guild.create_text_channel.call_count == 1
    assert (await match_row(services, 1))["space_id"] == 9300


def test_long_posts_are_split_between_paragraphs() -> None:
    from cogs.matching.handlers import chunks

    text = "a" * 1500 + "\n\n" + "b" * 800 + "\n\n" + "c" * 4100
    parts = chunks(text)
    assert [len(p) for p in parts] == [1500, 800, 2000, 2000, 100] and all(len(p) <= 2000 for p in parts)
    assert chunks("hello") == ["hello"]
