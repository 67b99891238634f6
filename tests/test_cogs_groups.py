"""The group, conduct and privacy commands, driven through discord.py's command machinery."""

from __future__ import annotations

import json
from unittest.mock import MagicMock

import discord

from bot.domain.group import Audience
from bot.services import Services
from cogs.runtime import PeerBot
from tests import helpers
from tests.conftest import ADMIN_ROLE, GUILD, accept_conduct


def made(obj_id: int, cls: type) -> MagicMock:
    double = helpers.create_autospec(cls, instance=True)
    double.id = obj_id
    return double


async def test_group_create_rolls_back_when_discord_refuses_midway(bot: PeerBot, server: MagicMock,
                                                                    services: Services) -> None:
    role = made(71, discord.Role)
    server.create_category.return_value = made(70, discord.CategoryChannel)
    server.create_role.return_value = role
    server.create_text_channel.side_effect = helpers.http_error(discord.Forbidden, 403, "Missing Permissions")
    server.get_role.side_effect = lambda rid: role if rid == 71 else None
    call = helpers.interaction(bot, helpers.member(1, ADMIN_ROLE), server)

    await helpers.invoke(bot, "group create", call, name="New mothers", condition="Postpartum",
                         audience=Audience.PATIENTS, description="Mums in their first year.")

    role.delete.assert_awaited_once()
    assert await services.db.fetch_value("SELECT COUNT(*) FROM groups") == 0
    text = helpers.last_reply(call)["content"]
    assert "Manage Channels" in text and "Nothing was left half-made" in text
    assert helpers.last_reply(call)["ephemeral"] is True


async def test_group_create_success_builds_private_channel(bot: PeerBot, server: MagicMock,
                                                           services: Services) -> None:
    server.create_category.return_value = made(70, discord.CategoryChannel)
    server.create_role.return_value = made(71, discord.Role)
    server.create_text_channel.return_value = made(72, discord.TextChannel)
    call = helpers.interaction(bot, helpers.member(1, ADMIN_ROLE), server)

    await helpers.invoke(bot, "group create", call, name="Recovery (NA/AA)", condition="Addiction",
                         audience=Audience.BOTH, description="24/7 recovery room.")

    overwrites = server.create_text_channel.call_args.kwargs["overwrites"]
    assert overwrites[server.default_role].view_channel is False
    member_rule = next(v for k, v in overwrites.items() if getattr(k, "id", None) == 71)
    assert member_rule.view_channel is True and member_rule.send_messages is True
    assert "<#72>" in helpers.last_reply(call)["content"]


async def test_member_is_refused_create_with_the_role_named(bot: PeerBot, server: MagicMock) -> None:
    call = helpers.interaction(bot, helpers.member(7), server)
    await helpers.invoke(bot, "group create", call, name="X", condition="Y", audience=Audience.BOTH,
                         description="Z")
    assert "Only a admin" in helpers.last_reply(call)["content"]
    server.create_role.assert_not_called()


async def test_join_asks_for_conduct_acceptance_with_a_button(bot: PeerBot, server: MagicMock,
                                                              services: Services) -> None:
    from tests.conftest import ADMIN, FakeProvisioner
    from tests.test_groups import DRAFT

    await services.groups.create(ADMIN, DRAFT, FakeProvisioner())
    await services.conduct.publish(ADMIN, "Be kind.")
    call = helpers.interaction(bot, helpers.member(7), server)
    await helpers.invoke(bot, "group join", call, name=DRAFT.name)
    sent = helpers.last_reply(call)
    assert "accept the code of conduct" in sent["content"]
    assert sent["embed"].description == "Be kind."
    button = sent["view"].children[0]
    assert button.custom_id == "peerbot:conduct:1"

    await accept_conduct(services, 7)
    call = helpers.interaction(bot, helpers.member(7), server)
    await helpers.invoke(bot, "group join", call, name=DRAFT.name)
    assert "Welcome" in helpers.last_reply(call)["content"]
    assert helpers.last_reply(call)["allowed_mentions"].everyone is False


async def test_privacy_export_sends_a_json_file(bot: PeerBot, server: MagicMock, services: Services) -> None:
    await accept_conduct(services, 7)
    call = helpers.interaction(bot, helpers.member(7), server)
    await helpers.invoke(bot, "privacy export", call, member=None)
    file = helpers.last_reply(call)["file"]
    data = json.loads(file.fp.read())
    assert data["user_id"] == 7 and data["conduct"][0]["version"] == 1


async def test_outbox_role_handler_maps_discord_errors(bot: PeerBot, server: MagicMock, services: Services) -> None:
    target = helpers.member(7)
    role = made(71, discord.Role)
    server.get_member.return_value = target
    server.get_role.return_value = role
    target.add_roles.side_effect = [helpers.http_error(discord.DiscordServerError, 503), None]
    await services.outbox.enqueue(GUILD, "role_add", {"user_id": 7, "role_id": 71}, dedupe_key="r")
    await services.outbox.run_due()
    assert await services.outbox.state_of("r") == "pending"
    services.clock.advance(seconds=10)  # type: ignore[attr-defined]
    await services.outbox.run_due()
    assert await services.outbox.state_of("r") == "done"
    assert target.add_roles.await_count == 2
