"""Alerts for programme leaders: a meeting nobody ran, a certification about to expire.

They are posted in the server's alerts channel (`/setup alerts`), or, if none is set, in the referral queue
channel, which leaders already watch. Each alert is an outbox item, so it survives a restart and goes once.
"""

from __future__ import annotations

from bot.clock import Clock, to_db
from bot.domain.outbox import Outbox
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.storage.db import Database


class LeaderAlerts:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, outbox: Outbox) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.outbox = outbox

    async def set_channel(self, actor: Actor, channel_id: int) -> None:
        await self.roles.require(actor, PeerRole.ADMIN)
        await self.db.execute(
            "INSERT INTO guild_config (guild_id, alerts_channel_id, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET alerts_channel_id = excluded.alerts_channel_id,"
            " updated_at = excluded.updated_at",
            (actor.guild_id, channel_id, to_db(self.clock.now())),
        )

    async def channel_for(self, guild_id: int) -> int | None:
        value = await self.db.fetch_value(
            "SELECT COALESCE((SELECT alerts_channel_id FROM guild_config WHERE guild_id = ?),"
            " (SELECT queue_channel_id FROM referral_config WHERE guild_id = ?))",
            (guild_id, guild_id),
        )
        return int(value) if value is not None else None

    async def send(self, guild_id: int, text: str, *, dedupe_key: str) -> None:
        """Queue an alert; call inside the transaction of the decision it reports."""
        await self.outbox.enqueue(guild_id, "leader_alert", {"text": text}, dedupe_key=f"alert:{dedupe_key}")
