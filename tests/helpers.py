"""Autospecced doubles of discord.py's own classes, for what dpytest 0.7.0 does not simulate (interactions).

Each double passes isinstance checks and fails on attributes the real class doesn't have.
"""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock, create_autospec

import discord
from discord import app_commands

from cogs.runtime import PeerBot


def member(user_id: int, *role_ids: int, admin: bool = False) -> MagicMock:
    double = create_autospec(discord.Member, instance=True)
    double.id = user_id
    double.roles = [discord.Object(r) for r in role_ids]
    double.guild_permissions = discord.Permissions(administrator=admin)
    double.mention = f"<@{user_id}>"
    return double


def guild(guild_id: int) -> MagicMock:
    double = create_autospec(discord.Guild, instance=True)
    double.id = guild_id
    double.owner_id = 0
    double.default_role = create_autospec(discord.Role, instance=True)
    double.me = member(9999)
    double.get_channel.return_value = None
    double.get_role.return_value = None
    return double


def interaction(bot: PeerBot, user: MagicMock, in_guild: MagicMock | None) -> MagicMock:
    double = create_autospec(discord.Interaction, instance=True)
    double.client = bot
    double.user = user
    double.guild = in_guild
    double.guild_id = in_guild.id if in_guild else None
    double.response = create_autospec(discord.InteractionResponse, instance=True)
    double.response.is_done.return_value = False
    double.followup = create_autospec(discord.Webhook, instance=True)
    return double


def last_reply(double: MagicMock) -> dict[str, Any]:
    """The keyword arguments of the most recent reply, whether first response or follow-up."""
    calls = double.response.send_message.call_args_list + double.followup.send.call_args_list
    assert calls, "the command sent no reply"
    return dict(calls[-1].kwargs)


async def invoke(bot: PeerBot, command_name: str, double: MagicMock, /, **params: Any) -> None:
    """Run a slash command as CommandTree._call does once Discord's options are parsed: checks, callback,
    error handlers, and the tree's on_error."""
    command = bot.tree.get_command(command_name.split()[0])
    for part in command_name.split()[1:]:
        assert isinstance(command, app_commands.Group)
        command = command.get_command(part)
    assert isinstance(command, app_commands.Command), command_name
    double.command = command
    try:
        await command._do_call(double, params)
    except app_commands.AppCommandError as error:
        await command._invoke_error_handlers(double, error)
        await bot.tree.on_error(double, error)


def http_error(cls: type[discord.HTTPException], status: int, text: str = "error") -> discord.HTTPException:
    response = MagicMock(status=status, reason=text)
    return cls(response, {"message": text, "code": 0})


__all__ = ["AsyncMock", "guild", "http_error", "interaction", "invoke", "last_reply", "member"]
