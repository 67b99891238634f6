"""The Discord end of the core's ports: the group provisioner and the outbox handlers.

`register_handlers` is the one way to register an outbox handler. It runs the handler inside an `Attempt`
(cogs/delivery.py), so that each message, thread or event it creates is created once however often the item is
tried, and turns discord.py's exceptions into DeliveryError: 429, 5xx and network errors are an outage, retried
for as long as it lasts (soon, when Discord may have done the work anyway); a refusal for a missing permission (403)
is retried for about a day while the admins, who are told, fix it; closed DMs and 404 are permanent; any other
refusal is a fault, set aside after a few.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import aiohttp
import discord

from bot.domain.group import ProvisioningError
from bot.domain.outbox import DeliveryError, Outbox, OutboxItem
from cogs._common import NO_MENTIONS, member_in
from cogs.delivery import Attempt, dm_channel, within
from cogs.private_thread import post_privately

if TYPE_CHECKING:
    from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
T = TypeVar("T")

CATEGORY_NAME = "Peer support groups"
OutboxHandler = Callable[[OutboxItem], Awaitable[dict[str, Any] | None]]


DMS_CLOSED = 50007  # Discord's code for "Cannot send messages to this user"


def delivery_error(error: discord.HTTPException, *, in_doubt: bool = False) -> DeliveryError:
    text = f"{error.status} {error.text}"
    if isinstance(error, discord.Forbidden):
        if error.code == DMS_CLOSED:
            return DeliveryError(text, permanent=True, reason="dms_closed")
        return DeliveryError(text, reason="forbidden")  # an admin can fix it: retried, and they are told
    if isinstance(error, discord.NotFound):
        return DeliveryError(text, permanent=True, reason="not_found")
    if error.status == 429 or error.status >= 500:
        return DeliveryError(text, outage=True, in_doubt=in_doubt, retry_after=getattr(error, "retry_after", None))
    return DeliveryError(text)  # any other refusal (a malformed request): a fault


def register_handlers(outbox: Outbox, handlers: Mapping[str, OutboxHandler]) -> None:
    """Register outbox handlers: each runs exactly once on Discord (cogs/delivery.py), and any Discord error
    that escapes it becomes a DeliveryError."""
    for kind, handler in handlers.items():
        outbox.register(kind, _exactly_once(outbox, handler))


def _exactly_once(outbox: Outbox, handler: OutboxHandler) -> OutboxHandler:
    async def run(item: OutboxItem) -> dict[str, Any] | None:
        attempt = Attempt(outbox, item)
        try:
            result: dict[str, Any] | None = await within(attempt, lambda: handler(item))
            return result
        except discord.HTTPException as error:
            raise delivery_error(error, in_doubt=attempt.in_doubt) from error
        except discord.RateLimited as error:
            raise DeliveryError(str(error), retry_after=error.retry_after) from error
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            raise DeliveryError(f"network: {error!r}", outage=True, in_doubt=attempt.in_doubt) from error

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
        return await member_in(self._guild(item), int(item.payload["user_id"]))

    async def dm(self, item: OutboxItem) -> dict[str, Any] | None:
        """A DM; with `private_thread_in` (a channel id), closed DMs fall back to the member's private thread."""
        user_id = int(item.payload["user_id"])
        try:
            message = await (await dm_channel(self.bot, user_id)).send(item.payload["text"],
                                                                       allowed_mentions=NO_MENTIONS)
        except discord.Forbidden:
            if not item.payload.get("private_thread_in"):
                raise
            thread_id = await post_privately(self.bot, item.guild_id, user_id, int(item.payload["private_thread_in"]),
                                             item.payload["text"])
            return {"via": "private_thread", "thread_id": thread_id}
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
