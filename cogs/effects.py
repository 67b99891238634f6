"""The Discord end of the core's ports: the group provisioner and the outbox handlers.

Handlers turn discord.py exceptions into DeliveryError: 429 and 5xx are transient and retried, 403 and 404 are
permanent (retrying will not grant a permission or bring back a deleted member).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import discord

from bot.domain.group import ProvisioningError
from bot.domain.outbox import DeliveryError, Outbox, OutboxItem
from cogs._common import NO_MENTIONS

if TYPE_CHECKING:
    from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
T = TypeVar("T")

CATEGORY_NAME = "Peer support groups"
OutboxHandler = Callable[[OutboxItem], Awaitable[dict[str, Any] | None]]


def delivery_error(error: discord.HTTPException) -> DeliveryError:
    if isinstance(error, discord.Forbidden | discord.NotFound):
        return DeliveryError(f"{error.status} {error.text}", permanent=True)
    retry_after = getattr(error, "retry_after", None)
    return DeliveryError(f"{error.status} {error.text}", retry_after=retry_after)


def register_handlers(outbox: Outbox, handlers: Mapping[str, OutboxHandler]) -> None:
    """Register outbox handlers, translating any Discord error that escapes one into a DeliveryError."""
    for kind, handler in handlers.items():
        outbox.register(kind, _translating(handler))


def _translating(handler: OutboxHandler) -> OutboxHandler:
    async def run(item: OutboxItem) -> dict[str, Any] | None:
        try:
            return await handler(item)
        except discord.HTTPException as error:
            raise delivery_error(error) from error

    return run


async def _guarded(call: Awaitable[T], doing: str) -> T:
    """Run one provisioning call, turning Discord's refusal into a sentence for the admin."""
    try:
        return await call
    except discord.Forbidden as error:
        raise ProvisioningError(
            f"I couldn't {doing}: I need the Manage Channels and Manage Roles permissions, and my role must sit "
            "above the roles I manage. Nothing was left half-made."
        ) from error
    except discord.HTTPException as error:
        raise ProvisioningError(
            f"Discord returned an error while I tried to {doing} ({error.status}). Nothing was left half-made; "
            "please try again in a minute."
        ) from error


class DiscordGroupProvisioner:
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot

    def _guild(self, guild_id: int) -> discord.Guild:
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            raise ProvisioningError("I can't see this server any more; is peerbot still in it?")
        return guild

    async def ensure_category(self, guild_id: int, category_id: int | None) -> int:
        guild = self._guild(guild_id)
        if category_id is not None and isinstance(guild.get_channel(category_id), discord.CategoryChannel):
            return category_id
        overwrites: dict[discord.Role | discord.Member | discord.Object, discord.PermissionOverwrite] = {
            guild.default_role: discord.PermissionOverwrite(view_channel=False),
            guild.me: discord.PermissionOverwrite(view_channel=True, manage_channels=True),
        }
        category = await _guarded(
            guild.create_category(CATEGORY_NAME, overwrites=overwrites, reason="peerbot groups"),
            "create the groups category",
        )
        return category.id

    async def create_role(self, guild_id: int, name: str) -> int:
        guild = self._guild(guild_id)
        role = await _guarded(
            guild.create_role(name=name[:100], mentionable=False, reason="peerbot group"), "create the group's role"
        )
        return role.id

    def _overwrites(
        self, guild: discord.Guild, member_role_id: int, staff_role_ids: set[int], members_can_post: bool,
        members_can_join: bool = True,
    ) -> dict[discord.Role | discord.Member | discord.Object, discord.PermissionOverwrite]:
        overwrites: dict[discord.Role | discord.Member | discord.Object, discord.PermissionOverwrite] = {
            guild.default_role: discord.PermissionOverwrite(view_channel=False),
            guild.me: discord.PermissionOverwrite(
                view_channel=True, send_messages=True, manage_messages=True, manage_channels=True,
                create_private_threads=True, send_messages_in_threads=True,
            ),
            discord.Object(member_role_id): discord.PermissionOverwrite(
                view_channel=True, send_messages=members_can_post, read_message_history=True,
                connect=members_can_join,
            ),
        }
        for role_id in staff_role_ids:
            overwrites[discord.Object(role_id)] = discord.PermissionOverwrite(view_channel=True, send_messages=True)
        return overwrites

    async def create_text_channel(
        self, guild_id: int, name: str, topic: str, *, category_id: int, member_role_id: int,
        staff_role_ids: set[int], members_can_post: bool,
    ) -> int:
        guild = self._guild(guild_id)
        category = guild.get_channel(category_id)
        channel = await _guarded(
            guild.create_text_channel(
                name, topic=topic, category=category if isinstance(category, discord.CategoryChannel) else None,
                overwrites=self._overwrites(guild, member_role_id, staff_role_ids, members_can_post),
                reason="peerbot group",
            ),
            "create the group's channel",
        )
        return channel.id

    async def create_voice_channel(
        self, guild_id: int, name: str, *, category_id: int, member_role_id: int, staff_role_ids: set[int],
        members_can_join: bool,
    ) -> int:
        guild = self._guild(guild_id)
        category = guild.get_channel(category_id)
        channel = await _guarded(
            guild.create_voice_channel(
                name, category=category if isinstance(category, discord.CategoryChannel) else None,
                overwrites=self._overwrites(guild, member_role_id, staff_role_ids, True, members_can_join),
                reason="peerbot group",
            ),
            "create the group's voice channel",
        )
        return channel.id

    async def delete_channel(self, guild_id: int, channel_id: int) -> None:
        channel = self._guild(guild_id).get_channel(channel_id)
        if channel is not None:
            await _guarded(channel.delete(reason="peerbot group removed"), "delete the channel")

    async def delete_role(self, guild_id: int, role_id: int) -> None:
        role = self._guild(guild_id).get_role(role_id)
        if role is not None:
            await _guarded(role.delete(reason="peerbot group removed"), "delete the role")


class OutboxHandlers:
    """One method per outbox kind. Each is idempotent: doing it twice leaves Discord as doing it once."""

    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot

    def all(self) -> dict[str, OutboxHandler]:
        return {
            "dm": self.dm,
            "role_add": self.role_add,
            "role_remove": self.role_remove,
            "delete_channel": self.delete_channel,
            "delete_role": self.delete_role,
            "archive_group": self.archive_group,
        }

    def _guild(self, item: OutboxItem) -> discord.Guild:
        guild = self.bot.get_guild(item.guild_id)
        if guild is None:
            raise DeliveryError("guild not available (not ready yet, or the bot was removed)")
        return guild

    async def _member(self, item: OutboxItem) -> discord.Member | None:
        guild = self._guild(item)
        user_id = int(item.payload["user_id"])
        member = guild.get_member(user_id)
        if member is None:
            try:
                member = await guild.fetch_member(user_id)
            except discord.NotFound:
                return None
        return member

    async def dm(self, item: OutboxItem) -> dict[str, Any] | None:
        user = self.bot.get_user(int(item.payload["user_id"])) or await self.bot.fetch_user(
            int(item.payload["user_id"])
        )
        message = await user.send(item.payload["text"], allowed_mentions=NO_MENTIONS)
        return {"message_id": message.id}

    async def _role(self, item: OutboxItem, add: bool) -> dict[str, Any] | None:
        member = await self._member(item)
        role = self._guild(item).get_role(int(item.payload["role_id"]))
        if member is None or role is None:
            return {"skipped": "member or role no longer exists"}
        if add:
            await member.add_roles(role, reason="peerbot group membership")
        else:
            await member.remove_roles(role, reason="peerbot group membership")
        return None

    async def role_add(self, item: OutboxItem) -> dict[str, Any] | None:
        return await self._role(item, add=True)

    async def role_remove(self, item: OutboxItem) -> dict[str, Any] | None:
        return await self._role(item, add=False)

    async def delete_channel(self, item: OutboxItem) -> dict[str, Any] | None:
        channel = self._guild(item).get_channel(int(item.payload["id"]))
        if channel is not None:
            await channel.delete(reason="peerbot group removed")
        return None

    async def delete_role(self, item: OutboxItem) -> dict[str, Any] | None:
        role = self._guild(item).get_role(int(item.payload["id"]))
        if role is not None:
            await role.delete(reason="peerbot group removed")
        return None

    async def archive_group(self, item: OutboxItem) -> dict[str, Any] | None:
        """Hide the channels from the group role; staff keep read access to the history."""
        guild = self._guild(item)
        role = guild.get_role(int(item.payload["role_id"])) if item.payload.get("role_id") else None
        for key in ("channel_id", "voice_channel_id"):
            channel = guild.get_channel(int(item.payload[key])) if item.payload.get(key) else None
            if channel is None or role is None:
                continue
            await channel.set_permissions(role, view_channel=False, reason="peerbot group archived")
        return None
