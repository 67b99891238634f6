"""Automatic screening on Discord: the message listener hands each guild message to the core's ScreeningWorker
(bot/domain/screening.py), which screens it off the event loop; at start-up, each screened space's history after its
watermark is screened, so that a message that arrived while the bot was down, or was waiting when it stopped, is
not lost."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.domain.screening import Incoming

if TYPE_CHECKING:
    from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
CATCH_UP_LIMIT = 500  # messages read back per channel at start-up; more than that is reported as a gap


async def _context(message: discord.Message) -> list[dict[str, Any]]:
    """The messages just before a flagged one, for the professional who reads the referral."""
    context: list[dict[str, Any]] = []
    try:
        async for earlier in message.channel.history(limit=5, before=message):
            # The author's id lets an erasure find the lines they wrote (bot/domain/referral.py).
            context.insert(0, {"author_id": earlier.author.id, "author": earlier.author.display_name,
                               "text": earlier.content[:300]})
    except discord.HTTPException:
        log.info("no history access for context in %s", message.channel.id)
    return context


def incoming(message: discord.Message) -> Incoming | None:
    if message.author.bot or message.guild is None or not message.content:
        return None
    return Incoming(message.guild.id, message.channel.id, message.id, message.author.id, message.jump_url,
                    message.content, lambda: _context(message))


class Screening(commands.Cog):
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        self._caught_up = False

    async def cog_load(self) -> None:
        self.bot.services.screening.start()
        log.info(self.bot.services.screener_setup.describe())

    async def cog_unload(self) -> None:
        await self.bot.services.screening.stop()

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        found = incoming(message)
        if found is not None:
            await self.bot.services.screening.submit(found)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """Words edited into a message are screened too: distress added by an edit reaches the referral queue
        (one referral per message, so an edit never brings a second). A link preview arriving is no edit."""
        cached = payload.cached_message
        if cached is not None and cached.content == payload.message.content:
            return
        found = incoming(payload.message)
        if found is not None:
            await self.bot.services.screening.submit(found)

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        if not self._caught_up:  # on_ready comes again after a reconnect; the gateway replays what it missed
            self._caught_up = True
            await self.catch_up()

    async def catch_up(self) -> None:
        """Screen each screened space's messages after its watermark, oldest first: group channels, and match
        spaces, which may be threads (an archived one is not in the cache, so it is fetched)."""
        services = self.bot.services
        for guild_id, channel_id, mark in await services.screening.catch_up_points():
            channel = self.bot.get_channel(channel_id)
            if channel is None:
                try:
                    channel = await self.bot.fetch_channel(channel_id)
                except discord.HTTPException:
                    channel = None  # deleted, or no longer visible: the gap alert below can't name it either
            if not isinstance(channel, discord.TextChannel | discord.Thread):
                continue
            count = 0
            try:
                async for message in channel.history(after=discord.Object(mark), oldest_first=True,
                                                     limit=CATCH_UP_LIMIT):
                    found = incoming(message)
                    if found is not None:
                        await services.screening.submit(found)
                    count += 1
            except discord.HTTPException as error:
                log.warning("could not read back channel %s to screen what was missed: %s", channel_id, error)
                await services.alerts.send(
                    guild_id, f"Automatic screening could not read back <#{channel_id}> after a restart, so messages "
                    "posted there while peerbot was away were not screened.", dedupe_key=f"screening_gap:{channel_id}:"
                    f"{mark}")
                continue
            if count >= CATCH_UP_LIMIT:
                log.warning("channel %s had more than %s messages to screen after a restart", channel_id, count)
                await services.alerts.send(
                    guild_id, f"peerbot was away while more than {CATCH_UP_LIMIT} messages were posted in "
                    f"<#{channel_id}>. The first {CATCH_UP_LIMIT} were screened; please read the rest of that "
                    "time yourselves.", dedupe_key=f"screening_gap:{channel_id}:{mark}")
            elif count:
                log.info("screened %s message(s) posted in %s while peerbot was away", count, channel_id)


async def setup(bot: PeerBot) -> None:
    await bot.add_cog(Screening(bot))
