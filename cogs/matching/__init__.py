"""`/match …`: one-to-one peer matching on Discord. Every rule lives in bot/domain/matching; these are adapters.

  members.py   profile, profile-show, request (a modal, then buttons), status, withdraw, end, spoken, duty, cap
  leaders.py   programme, settings, taxonomy, approve, queue, review, offer, release, batch, load, matches,
               reopen, report
  views.py     persistent buttons (offers, the space, check-ins, rematch, ratings, review, batch) and modals
  handlers.py  outbox handlers: offers, DMs, posts, opening and archiving match spaces
  choices.py   autocomplete from the taxonomy and the database
  timing.py    the wake-up at the earliest due step, and the minute sweep
"""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from cogs.effects import register_handlers
from cogs.matching import timing
from cogs.matching.handlers import MatchingHandlers
from cogs.matching.leaders import LeaderCommands
from cogs.matching.members import MemberCommands
from cogs.matching.views import PERSISTENT
from cogs.runtime import PeerBot

__all__ = ["MatchCommands", "setup"]
log = logging.getLogger(__name__)
CATCH_UP_LIMIT = 200  # posts read back per space after a restart; contacts need only the first of each gap


class MatchCommands(MemberCommands, LeaderCommands, commands.GroupCog, group_name="match",
                    description="One-to-one peer matching"):
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        self._started = False
        super().__init__()

    async def cog_load(self) -> None:
        register_handlers(self.bot.services.outbox, MatchingHandlers(self.bot).all())

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """At start-up (not again after a reconnect: the gateway replays what it missed), count the posts made
        in match spaces while peerbot was away, then start the timeline: a supporter who said hello meanwhile
        must not be reminded to."""
        if self._started:
            return
        self._started = True
        try:
            await self.catch_up_contacts()
        finally:
            await timing.start(self.bot)

    async def catch_up_contacts(self) -> None:
        lifecycle = self.bot.services.matching.lifecycle
        for _, space_id, since in await lifecycle.catch_up_points():
            space = self.bot.get_channel(space_id)
            if not isinstance(space, discord.TextChannel | discord.Thread):
                continue  # deleted meanwhile: noticed when something is next posted there
            try:
                async for message in space.history(after=since, oldest_first=True, limit=CATCH_UP_LIMIT):
                    if not message.author.bot:
                        await lifecycle.note_post(space.id, message.author.id, at=message.created_at)
            except discord.HTTPException as error:
                log.warning("could not read back match space %s to count contacts: %s", space_id, error)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Contacts: a post by one of the pair in their space. Only the fact is kept, never the words."""
        if message.author.bot or message.guild is None:
            return
        if await self.bot.services.matching.lifecycle.note_post(message.channel.id, message.author.id):
            await timing.rearm(self.bot)

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        await self.bot.services.matching.spaces.missing(channel.id)

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        await self.bot.services.matching.spaces.missing(payload.thread_id)

    @commands.Cog.listener()
    async def on_raw_member_remove(self, payload: discord.RawMemberRemoveEvent) -> None:
        """Needs the Server Members intent; without it, a departure is noticed when a space is opened."""
        if await self.bot.services.matching.lifecycle.member_left(payload.guild_id, payload.user.id):
            await timing.rearm(self.bot)


async def setup(bot: PeerBot) -> None:
    bot.add_dynamic_items(*PERSISTENT)
    await bot.add_cog(MatchCommands(bot))
