"""Whether a channel peerbot depends on works: the referral queue.

A handler that Discord refuses in the queue channel (a missing permission, a deleted channel) records it here, and
a later success (or an admin's fix, seen by the adapter) records that it works again. `/setup status` shows a red
warning while it doesn't; the referral adapter sends cards elsewhere meanwhile and re-posts them when it heals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.clock import Clock, from_db, to_db
from bot.storage.db import Database

QUEUE = "referral_queue"


@dataclass(frozen=True)
class Health:
    purpose: str
    channel_id: int | None
    ok: bool
    error: str | None
    since: datetime


class ChannelHealth:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def failed(self, guild_id: int, purpose: str, channel_id: int | None, error: str) -> bool:
        """Record that the channel can't be used. True if it worked (or was unknown) until now."""
        before = await self.get(guild_id, purpose)
        await self._set(guild_id, purpose, channel_id, False, error[:300],
                        keep_since=before is not None and not before.ok)
        return before is None or before.ok

    async def worked(self, guild_id: int, purpose: str, channel_id: int | None) -> bool:
        """Record that the channel works. True if it had failed until now (it has just healed)."""
        before = await self.get(guild_id, purpose)
        if before is not None and before.ok and before.channel_id == channel_id:
            return False
        await self._set(guild_id, purpose, channel_id, True, None, keep_since=False)
        return before is not None and not before.ok

    async def get(self, guild_id: int, purpose: str) -> Health | None:
        row = await self.db.fetch_one(
            "SELECT purpose, channel_id, ok, error, since FROM channel_health WHERE guild_id = ? AND purpose = ?",
            (guild_id, purpose))
        if row is None:
            return None
        return Health(row["purpose"], row["channel_id"], bool(row["ok"]), row["error"], from_db(row["since"]))

    async def failing(self) -> list[tuple[int, Health]]:
        rows = await self.db.fetch_all(
            "SELECT guild_id, purpose, channel_id, ok, error, since FROM channel_health WHERE ok = 0")
        return [(int(r["guild_id"]), Health(r["purpose"], r["channel_id"], False, r["error"], from_db(r["since"])))
                for r in rows]

    async def _set(self, guild_id: int, purpose: str, channel_id: int | None, ok: bool, error: str | None, *,
                   keep_since: bool) -> None:
        await self.db.execute(
            "INSERT INTO channel_health (guild_id, purpose, channel_id, ok, error, since) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (guild_id, purpose) DO UPDATE SET channel_id = excluded.channel_id, ok = excluded.ok,"
            " error = excluded.error, since = CASE WHEN ? THEN since ELSE excluded.since END",
            (guild_id, purpose, channel_id, ok, error, to_db(self.clock.now()), keep_since))
