"""Per-member export and delete. Every area that stores member data registers itself here."""

from __future__ import annotations

from typing import Any, Protocol

from bot.clock import Clock
from bot.domain.audit import AuditLog
from bot.domain.erasure import ERASED_ID
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.storage.db import Database


class MemberData(Protocol):
    area: str

    async def export_member(self, guild_id: int, user_id: int) -> Any: ...
    async def delete_member(self, guild_id: int, user_id: int) -> int: ...


class PrivacyService:
    """`areas` are erased in order; the outbox goes last, so it also sees the effects they queued while
    erasing (role removals, access withdrawn) and keeps those until they are done (bot/domain/outbox.py)."""

    def __init__(
        self, db: Database, clock: Clock, roles: RoleService, audit: AuditLog, areas: list[MemberData],
        outbox: MemberData,
    ) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.audit = audit
        self.areas = [*areas, outbox]

    async def _authorise(self, actor: Actor, user_id: int) -> None:
        if actor.user_id != user_id:
            await self.roles.require(actor, PeerRole.ADMIN)

    async def export(self, actor: Actor, user_id: int) -> dict[str, Any]:
        await self._authorise(actor, user_id)
        data: dict[str, Any] = {
            "guild_id": actor.guild_id, "user_id": user_id, "exported_at": self.clock.now().isoformat(),
        }
        for area in self.areas:
            data[area.area] = await area.export_member(actor.guild_id, user_id)
        await self.audit.record(actor.guild_id, actor.user_id, "privacy_export", "member", user_id)
        return data

    async def delete(self, actor: Actor, user_id: int) -> dict[str, int]:
        """Erase everything about the member in this server in one transaction: all of it, or nothing."""
        await self._authorise(actor, user_id)
        counts: dict[str, int] = {}
        async with self.db.transaction():
            for area in self.areas:
                counts[area.area] = await area.delete_member(actor.guild_id, user_id)
            # The erasure is on record, but not whose: that would undo it.
            await self.audit.record(actor.guild_id, ERASED_ID if actor.user_id == user_id else actor.user_id,
                                    "privacy_delete", "member", None)
        return counts
