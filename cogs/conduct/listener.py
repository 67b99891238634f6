"""Conduct's listeners: every message in a screened space and every edit of one, Discord's AutoMod actions, and
the timed pass that expires warnings and ends timeouts (armed for the next one due, rebuilt from the database at
start-up)."""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from bot.domain.conduct.enforcement import Incoming
from cogs.conduct.automod import on_automod_action
from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
WAKE = "conduct:wake"


def incoming(message: discord.Message) -> Incoming:
    author = message.author
    if not isinstance(author, discord.Member) and message.guild is not None:
        # an edit can arrive without the member's roles: the cache has them, and bypass roles need them
        author = message.guild.get_member(author.id) or author
    replied = message.reference.resolved if message.reference else None
    return Incoming(
        guild_id=message.guild.id if message.guild else 0, channel_id=message.channel.id, message_id=message.id,
        author_id=author.id, content=message.content, at=message.edited_at or message.created_at,
        role_ids=frozenset(r.id for r in author.roles) if isinstance(author, discord.Member) else frozenset(),
        reply_to_other=isinstance(replied, discord.Message) and replied.author.id != author.id,
        mentions=len(set(message.raw_mentions) | set(message.raw_role_mentions)) + int(message.mention_everyone),
    )


class ConductListener(commands.Cog):
    """Part of the `/conduct` cog (see cogs/conduct/__init__.py)."""

    bot: PeerBot

    @commands.Cog.listener("on_message")
    async def screen_conduct(self, message: discord.Message) -> None:
        if message.author.bot or message.guild is None or not message.content:
            return
        try:
            await self.bot.services.enforcement.on_message(incoming(message))
        except Exception:  # one message must never take the listener down
            log.exception("conduct screening failed for message %s", message.id)

    @commands.Cog.listener("on_raw_message_edit")
    async def screen_conduct_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """An edit is screened again (Enforcement.on_edit). Raw, so an edit of a message from before a restart is
        seen too; an update that leaves the words as they were (a link preview arriving) is not an edit."""
        message = payload.message
        if payload.guild_id is None or message.author.bot or not message.content:
            return
        if payload.cached_message is not None and payload.cached_message.content == message.content:
            return
        try:
            await self.bot.services.enforcement.on_edit(incoming(message))
        except Exception:
            log.exception("conduct screening failed for the edit of message %s", message.id)

    @commands.Cog.listener()
    async def on_automod_action(self, execution: discord.AutoModAction) -> None:
        try:
            await on_automod_action(self.bot, execution)
        except Exception:
            log.exception("handling AutoMod action on rule %s failed", execution.rule_id)

    async def timed_pass(self) -> None:
        """Whatever is due now, then sleep until the next warning, timeout or meeting removal ends."""
        cases = self.bot.services.conduct_cases
        try:
            await cases.run_due()
        finally:
            due = await cases.next_due()
            if due is not None:
                self.bot.scheduler.at(WAKE, max(due, self.bot.services.clock.now()), self.timed_pass)
