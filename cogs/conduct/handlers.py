"""The Discord end of conduct's outbox items. Each reads the case from the database, so a retry after a crash or
a 5xx does what is still needed and nothing twice. A missing permission is a note in the mod log, never a crash
and never a retry loop: `effect_failed` records it and the item is done."""

from __future__ import annotations

import logging
from typing import Any

import discord

from bot.domain.conduct.cases import CaseService, ConductCase
from bot.domain.outbox import DeliveryError, OutboxItem
from cogs._common import NO_MENTIONS, member_in
from cogs.conduct.code import send_code_prompt
from cogs.conduct.views import appeal_view, describe, mod_view, notice_text
from cogs.effects import OutboxHandler
from cogs.runtime import PeerBot

log = logging.getLogger(__name__)

EVENTS = {"opened": "Action taken", "pardoned": "Pardoned", "false_positive": "Marked a false positive",
          "resolved": "Dealt with", "edited": "Edited into a breach",
          "appealed": "Appealed: for a moderator who did not act", "appeal_upheld": "Appeal decided: upheld",
          "appeal_overturned": "Appeal decided: overturned"}


def case_embed(case: ConductCase, event: str) -> discord.Embed:
    who = f"<@{case.member_id}>" if case.member_id else "(erased)"
    by = f"<@{case.actor_id}>" if case.actor_id else ("Discord AutoMod" if case.source == "automod" else "peerbot")
    embed = discord.Embed(title=f"{EVENTS.get(event, event)}: case #{case.id}",
                          colour=discord.Colour.orange() if case.escalation == "open" else discord.Colour.light_grey())
    embed.add_field(name="Member", value=who)
    embed.add_field(name="By", value=by)
    embed.add_field(name="Rule", value=case.rule or "(none named)")
    embed.add_field(name="Actions", value=", ".join(a.value for a in case.actions) or "recorded only")
    embed.add_field(name="State", value=describe(case))
    if case.channel_id:
        embed.add_field(name="Where", value=f"<#{case.channel_id}>")
    if case.excerpt:
        embed.add_field(name="Excerpt", value=case.excerpt[:300], inline=False)
    if case.reason:
        embed.add_field(name="Reason", value=case.reason[:500], inline=False)
    if case.appeal_text and event == "appealed":
        embed.add_field(name="The member's appeal", value=case.appeal_text[:1000], inline=False)
    embed.timestamp = case.created_at
    embed.set_footer(text=f"Conduct case #{case.id}")
    return embed


class ConductHandlers:
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot

    def all(self) -> dict[str, OutboxHandler]:
        return {
            "conduct_hide": self.hide, "conduct_notice": self.notice, "conduct_timeout": self.timeout,
            "conduct_untimeout": self.untimeout, "conduct_modlog": self.modlog, "conduct_modlog_note": self.note,
            "conduct_code_prompt": self.code_prompt, "conduct_meeting_remove": self.meeting_remove,
            "conduct_meeting_return": self.meeting_return,
        }

    @property
    def cases(self) -> CaseService:
        return self.bot.services.conduct_cases

    def _guild(self, guild_id: int) -> discord.Guild:
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            raise DeliveryError("guild not available (not ready yet, or the bot was removed)")
        return guild

    async def hide(self, item: OutboxItem) -> dict[str, Any] | None:
        case = await self.cases.get(int(item.payload["case_id"]))
        channel = self.bot.get_channel(case.channel_id) if case.channel_id else None
        if channel is None and case.channel_id and case.message_id:  # not in the cache (yet): ask Discord
            try:
                channel = await self.bot.fetch_channel(case.channel_id)
            except (discord.NotFound, discord.Forbidden):
                channel = None  # deleted, or hidden from peerbot: noted below
        hidden = False
        if isinstance(channel, discord.abc.Messageable) and case.message_id:
            try:
                await channel.get_partial_message(case.message_id).delete()
                hidden = True
            except discord.NotFound:
                hidden = True  # already gone (the author or a moderator deleted it)
            except discord.Forbidden:
                await self.cases.effect_failed(case.id, "hide the message",
                                               f"I need the Manage Messages permission in <#{case.channel_id}>.")
        elif case.message_id:
            await self.cases.effect_failed(case.id, "hide the message",
                                           f"I can't see <#{case.channel_id}> any more (deleted, or my access was "
                                           "removed). Please check the message by hand.")
        async with self.bot.services.db.transaction():
            if hidden:
                await self.cases.effect_done(case.id, "hide")
            await self.cases.queue_notice(case.guild_id, case.id, case.member_id, str(item.payload.get("round", "")),
                                          item.payload.get("rule"))
        return {"hidden": hidden}

    async def notice(self, item: OutboxItem) -> dict[str, Any] | None:
        case = await self.cases.get(int(item.payload["case_id"]))
        if case.member_id is None:
            return {"skipped": "the member erased their data"}
        events = {e["action"] for e in await self.cases.events(case.id)}
        hidden = "hide_done" in events or case.source == "automod"
        rule = self.bot.services.enforcement.screener.by_name.get(str(item.payload.get("rule") or case.rule or ""))
        try:
            user = self.bot.get_user(case.member_id) or await self.bot.fetch_user(case.member_id)
            view = appeal_view(case)
            sent = await (user.send(notice_text(case, rule, hidden), view=view, allowed_mentions=NO_MENTIONS)
                          if view else user.send(notice_text(case, rule, hidden), allowed_mentions=NO_MENTIONS))
        except discord.Forbidden:
            await self.cases.effect_failed(case.id, "send the member their notice", "Their DMs are closed.")
            return {"skipped": "DMs closed"}
        await self.cases.forget_content(case.id)
        return {"message_id": sent.id}

    async def timeout(self, item: OutboxItem) -> dict[str, Any] | None:
        timeout = await self.cases.timeout(int(item.payload["timeout_id"]))
        if timeout is None or timeout["state"] != "active" or timeout["ends_at"] <= self.bot.services.clock.now():
            return {"skipped": "no longer active"}
        guild = self._guild(item.guild_id)
        member = await member_in(guild, int(timeout["member_id"]))
        if member is None:
            return {"skipped": "member left"}
        if not guild.me.guild_permissions.moderate_members:
            await self.cases.effect_failed(timeout["case_id"], "time out the member",
                                           "I need the Moderate Members permission.")
            return {"skipped": "no permission"}
        try:
            await member.timeout(timeout["ends_at"], reason=f"peerbot conduct case #{timeout['case_id']}")
        except discord.Forbidden:
            await self.cases.effect_failed(timeout["case_id"], "time out the member",
                                           "Discord refused: their role may be above mine, or they own the server.")
            return {"skipped": "refused"}
        return None

    async def untimeout(self, item: OutboxItem) -> dict[str, Any] | None:
        timeout = await self.cases.timeout(int(item.payload["timeout_id"]))
        if timeout is None:
            return {"skipped": "gone"}
        guild = self._guild(item.guild_id)
        member = await member_in(guild, int(timeout["member_id"]))
        if member is None or member.timed_out_until is None:
            return {"skipped": "not timed out"}
        try:
            await member.timeout(None, reason=f"peerbot conduct case #{timeout['case_id']} undone")
        except discord.Forbidden:
            await self.cases.effect_failed(timeout["case_id"], "lift the timeout",
                                           "I need the Moderate Members permission; please lift it by hand.")
        return None

    async def _modlog_channel(self, guild_id: int) -> discord.TextChannel | None:
        config = await self.bot.services.conduct_policy.config(guild_id)
        channel = self.bot.get_channel(config.modlog_channel_id) if config.modlog_channel_id else None
        return channel if isinstance(channel, discord.TextChannel) else None

    async def modlog(self, item: OutboxItem) -> dict[str, Any] | None:
        channel = await self._modlog_channel(item.guild_id)
        if channel is None:
            return {"skipped": "no mod-log channel (/conduct settings)"}
        case = await self.cases.get(int(item.payload["case_id"]))
        view = mod_view(case)
        embed = case_embed(case, str(item.payload["event"]))
        try:
            sent = await (channel.send(embed=embed, view=view, allowed_mentions=NO_MENTIONS) if view
                          else channel.send(embed=embed, allowed_mentions=NO_MENTIONS))
        except discord.Forbidden:
            log.warning("cannot post to the mod log %s in guild %s", channel.id, item.guild_id)
            return {"skipped": "no permission in the mod-log channel"}
        return {"message_id": sent.id}

    async def note(self, item: OutboxItem) -> dict[str, Any] | None:
        channel = await self._modlog_channel(item.guild_id)
        if channel is None:
            return {"skipped": "no mod-log channel"}
        try:
            await channel.send(str(item.payload["text"]), allowed_mentions=NO_MENTIONS)
        except discord.Forbidden:
            return {"skipped": "no permission in the mod-log channel"}
        return None

    async def code_prompt(self, item: OutboxItem) -> dict[str, Any] | None:
        current = await self.bot.services.conduct.current(item.guild_id)
        user_id = int(item.payload["user_id"])
        if current is None or current.version != int(item.payload["version"]):
            return {"skipped": "a newer version replaced it"}
        if await self.bot.services.conduct.accepted_version(item.guild_id, user_id) == current.version:
            return {"skipped": "accepted meanwhile"}
        try:
            user = self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)
            return {"message_id": await send_code_prompt(user, item.guild_id, current)}
        except discord.Forbidden:
            return {"skipped": "DMs closed"}

    async def meeting_remove(self, item: OutboxItem) -> dict[str, Any] | None:
        guild = self._guild(item.guild_id)
        channel = guild.get_channel(int(item.payload["channel_id"]))
        member = await member_in(guild, int(item.payload["user_id"]))
        if channel is None or member is None:
            return {"skipped": "channel or member gone"}
        try:
            await channel.set_permissions(member, send_messages=False, connect=False, speak=False,
                                          reason="peerbot: removed from this meeting by a facilitator")
            if member.voice is not None and member.voice.channel is not None:
                await member.move_to(None, reason="peerbot: removed from this meeting by a facilitator")
        except discord.Forbidden:
            await self.cases.effect_failed(int(item.payload["case_id"]), "remove the member from the meeting",
                                           "I need the Manage Channels permission (and Move Members for voice).")
        return None

    async def meeting_return(self, item: OutboxItem) -> dict[str, Any] | None:
        guild = self._guild(item.guild_id)
        channel = guild.get_channel(int(item.payload["channel_id"]))
        member = await member_in(guild, int(item.payload["user_id"]))
        if channel is None or member is None:
            return {"skipped": "channel or member gone"}
        try:
            await channel.set_permissions(member, overwrite=None, reason="peerbot: the meeting has ended")
        except discord.Forbidden:
            await self.cases.note(item.guild_id, f"The meeting in <#{channel.id}> has ended, but I couldn't let <@"
                                  f"{member.id}> back in: I need the Manage Channels permission. Please remove their "
                                  "permission overwrite on that channel by hand.",
                                  f"meeting_return:{item.payload['channel_id']}:{item.payload['user_id']}")
            return {"skipped": "no permission"}
        return None

