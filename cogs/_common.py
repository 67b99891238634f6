"""Helpers every cog shares: who is calling, how to reply, and how errors become kind sentences."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.domain.roles import Actor
from bot.errors import DomainError
from bot.storage.db import is_unavailable

if TYPE_CHECKING:
    from cogs.runtime import PeerBot

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
SORRY = "Sorry, something went wrong on my side and nothing was changed. Please try again in a minute."
BUSY = ("The database is busy just now (a backup or maintenance may be running), so nothing was changed. "
        "Please try again in a minute.")


def actor_of(interaction: discord.Interaction[Any]) -> Actor:
    """The caller as the core sees them. Commands are guild-only, so the user is a Member."""
    user = interaction.user
    if interaction.guild is None or not isinstance(user, discord.Member):
        raise DomainError("Please use this command inside the server, not in a direct message.")
    return Actor(
        guild_id=interaction.guild.id,
        user_id=user.id,
        role_ids=frozenset(role.id for role in user.roles),
        is_server_admin=user.guild_permissions.administrator or interaction.guild.owner_id == user.id,
    )


def bot_of(interaction: discord.Interaction[Any]) -> PeerBot:
    client: PeerBot = interaction.client
    return client


async def member_in(guild: discord.Guild, user_id: int) -> discord.Member | None:
    """The member from the cache, else from Discord; None when they are no longer in the server."""
    member = guild.get_member(user_id)
    if member is None:
        try:
            member = await guild.fetch_member(user_id)
        except discord.NotFound:
            return None
    return member


async def reply(
    interaction: discord.Interaction[Any], content: str | None = None, *, ephemeral: bool = True, **kwargs: Any
) -> None:
    """Answer once, or follow up if already answered; ephemeral and mention-free unless told otherwise."""
    kwargs.setdefault("allowed_mentions", NO_MENTIONS)
    if content is not None:
        kwargs["content"] = content
    if interaction.response.is_done():
        await interaction.followup.send(ephemeral=ephemeral, **kwargs)
    else:
        await interaction.response.send_message(ephemeral=ephemeral, **kwargs)


def kind_message(error: BaseException) -> str:
    """The sentence a member sees for an error raised while handling their interaction."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, DomainError):
        return error.message
    if isinstance(error, app_commands.NoPrivateMessage):
        return "Please use this command inside the server, not in a direct message."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Please wait {error.retry_after:.0f} seconds before trying that again."
    if isinstance(error, discord.Forbidden):
        return ("Discord didn't allow me to do that. A server admin may need to give me more permissions "
                "(see the README's permissions list). Nothing was changed.")
    if isinstance(error, discord.HTTPException):
        return "Discord had a problem just now, so nothing was changed. Please try again in a minute."
    if is_unavailable(error):
        log.warning("a command met a busy database: %s", error)
        return BUSY
    log.error("unexpected error in an interaction", exc_info=error)
    return SORRY


async def on_app_command_error(interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
    await reply(interaction, kind_message(error))
