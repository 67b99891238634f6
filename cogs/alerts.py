"""Alerts for leaders (bot/domain/alerts.py) on Discord: the alerts channel, else the referral queue; when
neither can be used, a DM to each leader and on-call member. Kept and retried while nobody can be reached."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord

from bot.domain.outbox import DeliveryError, OutboxItem
from cogs._common import NO_MENTIONS
from cogs.delivery import dm_channel

if TYPE_CHECKING:
    from cogs.runtime import PeerBot


async def staff_to_tell(bot: PeerBot, guild_id: int) -> set[int]:
    """Leaders and on-call members to DM: those in discord.py's cache, and those peerbot has seen use it."""
    services = bot.services
    roles = await services.staff.staff_roles(guild_id)
    guild = bot.get_guild(guild_id)
    cached = {m.id for r in roles if guild and (role := guild.get_role(r)) for m in role.members if not m.bot}
    return cached | await services.staff.contacts(guild_id)


async def deliver_alert(bot: PeerBot, item: OutboxItem) -> dict[str, Any]:
    text = str(item.payload["text"])
    services = bot.services
    alerts = await services.alerts.channel_for(item.guild_id)
    queue = (await services.referrals.config(item.guild_id)).queue_channel_id
    for channel_id in dict.fromkeys(c for c in (alerts, queue) if c):
        channel = bot.get_channel(channel_id)
        if not isinstance(channel, discord.TextChannel):
            continue
        try:
            sent = await channel.send(text, allowed_mentions=NO_MENTIONS)
        except (discord.Forbidden, discord.NotFound):
            continue
        return {"message_id": sent.id}
    told = 0
    for user_id in sorted(await staff_to_tell(bot, item.guild_id)):
        try:
            await (await dm_channel(bot, user_id)).send(f"peerbot could not post this in its alerts channel: {text}",
                                                        allowed_mentions=NO_MENTIONS)
            told += 1
        except (discord.Forbidden, discord.NotFound):
            continue
    if not told:
        raise DeliveryError("no alerts channel, referral queue or leader's DMs could be used", outage=True)
    return {"dms": told}
