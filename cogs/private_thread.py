"""Reaching a member privately when their DMs are closed: one private thread per member and server, made the
first time (in the channel where they posted), stored, and reused for every later note. Never the group itself.

The thread is made inside an outbox attempt, so cogs/delivery.py makes it once however often the item is tried,
and finds it again by its name (unique to the member) if an interrupted attempt may have made it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.domain.outbox import DeliveryError
from bot.domain.private_threads import thread_name

if TYPE_CHECKING:
    from cogs.runtime import PeerBot


async def member_thread(bot: PeerBot, guild_id: int, user_id: int, channel_id: int | None) -> discord.Thread:
    """The member's private thread: the stored one if Discord still has it, else a new one in `channel_id`."""
    threads = bot.services.threads
    stored = await threads.get(guild_id, user_id)
    if stored is not None:
        found = bot.get_channel(stored[1])
        if isinstance(found, discord.Thread):
            return found
        try:
            fetched = await bot.fetch_channel(stored[1])
        except discord.NotFound:
            await threads.forget(guild_id, user_id)  # deleted on Discord: make a new one below
        else:
            if isinstance(fetched, discord.Thread):
                return fetched
    parent = bot.get_channel(channel_id) if channel_id else None
    if not isinstance(parent, discord.TextChannel):
        raise DeliveryError("their DMs are closed and the channel for a private thread is gone", permanent=True,
                            reason="not_found")
    thread = await parent.create_thread(name=thread_name(guild_id, user_id),
                                        type=discord.ChannelType.private_thread, invitable=False,
                                        reason="peerbot: a private note for a member whose DMs are closed")
    await threads.remember(guild_id, user_id, parent.id, thread.id)
    return thread


async def post_privately(bot: PeerBot, guild_id: int, user_id: int, channel_id: int | None, text: str) -> int:
    """Post `text` to the member in their private thread; returns the thread's id. Only they are mentioned."""
    thread = await member_thread(bot, guild_id, user_id, channel_id)
    await thread.add_user(discord.Object(user_id))  # idempotent
    await thread.send(f"<@{user_id}> {text}",
                      allowed_mentions=discord.AllowedMentions(everyone=False, roles=False,
                                                               users=[discord.Object(user_id)]))
    return thread.id
