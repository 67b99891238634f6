"""Outbox handlers for matching. Each reads the current rows, so a late or repeated delivery does the right
thing, and each is idempotent: opening a space looks for one it may already have made before making another.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord

from bot.domain.matching.programme import SpaceKind
from bot.domain.outbox import DeliveryError, OutboxItem
from cogs._common import NO_MENTIONS
from cogs.matching.views import buttons_view, offer_view, space_view
from cogs.private_thread import member_thread

if TYPE_CHECKING:
    from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
Space = discord.TextChannel | discord.Thread


def chunks(text: str, limit: int = 2000) -> list[str]:
    """A text in pieces Discord accepts, split between paragraphs where it can."""
    parts: list[str] = []
    current = ""
    for paragraph in text.split("\n\n"):
        while len(paragraph) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(paragraph[:limit])
            paragraph = paragraph[limit:]
        joined = f"{current}\n\n{paragraph}" if current else paragraph
        if len(joined) > limit:
            parts.append(current)
            current = paragraph
        else:
            current = joined
    parts.append(current)
    return [part for part in parts if part] or [""]


class MatchingHandlers:
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot

    def all(self) -> dict[str, Any]:
        return {"match_offer": self.offer, "match_dm": self.dm, "match_post": self.post,
                "match_space_open": self.open_space, "match_space_archive": self.archive}

    async def _user(self, user_id: int) -> discord.User:
        return self.bot.get_user(user_id) or await self.bot.fetch_user(user_id)

    def _guild(self, guild_id: int) -> discord.Guild:
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            raise DeliveryError("guild not available yet")
        return guild

    async def _space(self, space_id: int) -> Space | None:
        channel = self.bot.get_channel(space_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(space_id)
            except discord.NotFound:
                return None
        return channel if isinstance(channel, discord.TextChannel | discord.Thread) else None

    async def offer(self, item: OutboxItem) -> dict[str, Any] | None:
        matchmaker = self.bot.services.matching.matchmaker
        offer_id = int(item.payload["offer_id"])
        text = await matchmaker.offer_text(offer_id)
        offer = await matchmaker.offers.get(offer_id)
        if text is None or offer is None or offer.supporter_id is None:
            return {"skipped": "no longer pending"}
        try:
            user = await self._user(offer.supporter_id)
            sent = await user.send(text[:2000], view=offer_view(item.guild_id, offer_id),
                                   allowed_mentions=NO_MENTIONS)
        except (discord.Forbidden, discord.NotFound):
            # Closed DMs (or a deleted account): an offer nobody sees would hold the seeker for days.
            await matchmaker.unreachable(offer_id)
            return {"skipped": "the supporter can't be reached by DM; the offer moved on"}
        return {"message_id": sent.id}

    async def dm(self, item: OutboxItem) -> dict[str, Any] | None:
        user_id = int(item.payload["user_id"])
        view = buttons_view(item.guild_id, item.payload.get("buttons", []))
        text = str(item.payload["text"])[:2000]
        try:
            user = await self._user(user_id)
            sent = await user.send(text, view=view or discord.utils.MISSING, allowed_mentions=NO_MENTIONS)
        except discord.Forbidden:
            match_id = item.payload.get("match_id")
            if match_id is None:
                raise
            return await self._in_private_thread(item.guild_id, int(match_id), user_id, text, view)
        return {"message_id": sent.id}

    async def _in_private_thread(self, guild_id: int, match_id: int, user_id: int, text: str,
                                 view: discord.ui.View | None) -> dict[str, Any]:
        """Closed DMs: the member's own private thread (cogs/private_thread.py), made in their match space when
        they have none yet. Only they and staff see it, never the other person of the pair."""
        space_id, state = await self.bot.services.matching.spaces.target(match_id)
        space = await self._space(space_id) if space_id is not None and state == "open" else None
        parent = space.parent if isinstance(space, discord.Thread) else space
        if parent is None:
            raise DeliveryError("their DMs are closed and the match has no open space", permanent=True,
                                reason="dms_closed")
        thread = await member_thread(self.bot, guild_id, user_id, parent.id)
        await thread.add_user(discord.Object(user_id))  # idempotent
        await thread.send(f"<@{user_id}> {text}"[:2000], view=view or discord.utils.MISSING,
                          allowed_mentions=discord.AllowedMentions(everyone=False, roles=False,
                                                                   users=[discord.Object(user_id)]))
        return {"via": "private_thread", "thread_id": thread.id}

    async def post(self, item: OutboxItem) -> dict[str, Any] | None:
        matching = self.bot.services.matching
        match_id = int(item.payload["match_id"])
        space_id, state = await matching.spaces.target(match_id)
        match = await matching.lifecycle.records.get(match_id)
        if state == "pending" and match is not None and match.active:
            raise DeliveryError("the match space is not open yet")  # retried once it is
        if state != "open" or space_id is None:
            return {"skipped": f"space {state}"}
        channel = await self._space(space_id)
        if channel is None:
            await matching.spaces.missing(space_id)
            return {"skipped": "space deleted"}
        mentions = NO_MENTIONS
        view: discord.ui.View | None = None
        if item.payload.get("welcome"):
            pair = [discord.Object(u) for u in (match.seeker_id, match.supporter_id) if u] if match else []
            mentions = discord.AllowedMentions(everyone=False, roles=False, users=pair)
            view = space_view(match_id)
        parts = chunks(str(item.payload["text"]))
        try:
            for part in parts[:-1]:  # a long welcome (a long boundaries text) goes in pieces, the buttons last
                await channel.send(part, allowed_mentions=mentions)
            sent = await channel.send(parts[-1], view=view or discord.utils.MISSING, allowed_mentions=mentions)
        except discord.Forbidden:
            # The pair would wait for a welcome or a reminder that never comes: a leader must fix the permission.
            await self.bot.services.alerts.send(
                item.guild_id, f"I couldn't post in the private space of match #{match_id} (<#{space_id}>): I need "
                "Send Messages there (and Send Messages in Threads for a thread).",
                dedupe_key=f"match:post_refused:{match_id}:{space_id}")
            raise
        return {"message_id": sent.id}

    async def open_space(self, item: OutboxItem) -> dict[str, Any] | None:
        matching = self.bot.services.matching
        spec = await matching.spaces.spec(int(item.payload["match_id"]), int(item.payload["rev"]))
        if spec is None:
            return {"skipped": "nothing to open"}
        guild = self._guild(item.guild_id)
        members: list[discord.Member] = []
        for user_id in (spec.seeker_id, spec.supporter_id):
            try:
                members.append(guild.get_member(user_id) or await guild.fetch_member(user_id))
            except discord.NotFound:
                await matching.lifecycle.member_left(guild.id, user_id)
                return {"skipped": "a member of the pair has left the server"}
        try:
            space = await self._existing(guild, spec.name, spec.topic, spec.kind, spec.parent_id) \
                if item.attempts else None
            space = space or await self._create(guild, spec.name, spec.topic, spec.kind, spec.parent_id,
                                                members, spec.staff_role_ids)
        except (discord.Forbidden, discord.NotFound) as error:
            # Retrying won't help: a leader must fix it, so they are told, or the pair waits with no space.
            why = ("I need the Manage Channels permission (and Create Private Threads for threads)"
                   if isinstance(error, discord.Forbidden) else
                   "the category or channel set for match spaces (or one of the pair) is gone; check the "
                   "programme's `space_parent` in /match settings")
            await self.bot.services.alerts.send(
                guild.id, f"I couldn't open a private space for match #{spec.match_id}: {why}. `/match reopen` "
                "tries again once that's fixed.", dedupe_key=f"match:space_failed:{spec.match_id}:{spec.rev}")
            raise DeliveryError(f"{error.status} {error.text}", permanent=True) from error
        if not await matching.spaces.record(spec.match_id, spec.rev, space.id):
            await self._close(space, members)  # the match ended while the space was being made
            return {"skipped": "match ended meanwhile", "space_id": space.id}
        return {"space_id": space.id}

    async def _existing(self, guild: discord.Guild, name: str, topic: str, kind: SpaceKind,
                        parent_id: int | None) -> Space | None:
        """A space an earlier attempt may have made before the process stopped."""
        if kind is SpaceKind.THREAD:
            parent = guild.get_channel(parent_id) if parent_id else None
            threads = parent.threads if isinstance(parent, discord.TextChannel) else []
            return next((t for t in threads if t.name == name), None)
        return next((c for c in guild.text_channels if c.name == name and c.topic == topic), None)

    async def _create(self, guild: discord.Guild, name: str, topic: str, kind: SpaceKind, parent_id: int | None,
                      members: list[discord.Member], staff_role_ids: frozenset[int]) -> Space:
        parent = guild.get_channel(parent_id) if parent_id else None
        if kind is SpaceKind.THREAD and isinstance(parent, discord.TextChannel):
            # Visible to the pair, and to staff with Manage Threads on the parent channel.
            thread = await parent.create_thread(name=name, type=discord.ChannelType.private_thread, invitable=False,
                                                reason="peerbot match space")
            for member in members:
                await thread.add_user(member)
            return thread
        overwrites: dict[discord.Role | discord.Member | discord.Object, discord.PermissionOverwrite] = {
            guild.default_role: discord.PermissionOverwrite(view_channel=False),
            guild.me: discord.PermissionOverwrite(view_channel=True, send_messages=True, manage_channels=True,
                                                  read_message_history=True),
        }
        for member in members:
            overwrites[member] = discord.PermissionOverwrite(view_channel=True, send_messages=True,
                                                             read_message_history=True)
        for role_id in staff_role_ids:
            overwrites[discord.Object(role_id)] = discord.PermissionOverwrite(view_channel=True, send_messages=True,
                                                                              read_message_history=True)
        category = parent if isinstance(parent, discord.CategoryChannel) else None
        return await guild.create_text_channel(name, topic=topic, category=category, overwrites=overwrites,
                                               reason="peerbot match space")

    async def _close(self, space: Space, members: list[discord.Member]) -> None:
        """Read-only for the pair; staff keep the history."""
        if isinstance(space, discord.Thread):
            await space.edit(archived=True, locked=True, reason="peerbot match ended")
            return
        for member in members:
            await space.set_permissions(member, view_channel=True, read_message_history=True, send_messages=False,
                                        reason="peerbot match ended")

    async def archive(self, item: OutboxItem) -> dict[str, Any] | None:
        matching = self.bot.services.matching
        match_id = int(item.payload["match_id"])
        space_id, state = await matching.spaces.target(match_id)
        if space_id is None or state not in ("open", "archived"):
            await matching.spaces.archived(match_id)
            return {"skipped": f"space {state}"}
        space = await self._space(space_id)
        if space is not None:
            await self._close(space, await self._pair_in(space))
        await matching.spaces.archived(match_id)
        return {"archived": space is not None}

    async def _pair_in(self, space: Space) -> list[discord.Member]:
        """The members a space's own overwrites let in (roles and the bot keep theirs), whoever they were: after
        an erasure the match row no longer says."""
        if not isinstance(space, discord.TextChannel):
            return []
        found: list[discord.Member] = []
        for target in space.overwrites:
            if isinstance(target, discord.Role) or target.id == space.guild.me.id:
                continue
            if isinstance(target, discord.Member):
                found.append(target)
                continue
            try:
                found.append(await space.guild.fetch_member(target.id))
            except discord.NotFound:
                continue  # left the server: nothing to take away
        return found
