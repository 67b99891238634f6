"""The private thread peerbot opens to reach a member whose DMs are closed: one per member and server, stored when
it is made and reused for every later note, so that Discord errors and retries leave no orphan threads."""

from __future__ import annotations

import hashlib
from typing import Any

from bot.clock import Clock, to_db
from bot.storage.db import Database


def thread_name(guild_id: int, user_id: int) -> str:
    """Unique to the member, so that a lookup after an interrupted attempt can't adopt someone else's thread,
    and saying nothing about them."""
    code = hashlib.blake2b(f"{guild_id}:{user_id}".encode(), digest_size=3).hexdigest()
    return f"A private check-in · {code}"


class PrivateThreads:
    area = "private_threads"

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def get(self, guild_id: int, user_id: int) -> tuple[int, int] | None:
        """(parent channel, thread) of the member's thread, if one was made."""
        row = await self.db.fetch_one(
            "SELECT channel_id, thread_id FROM member_threads WHERE guild_id = ? AND user_id = ?", (guild_id, user_id))
        return (int(row["channel_id"]), int(row["thread_id"])) if row else None

    async def remember(self, guild_id: int, user_id: int, channel_id: int, thread_id: int) -> None:
        await self.db.execute(
            "INSERT INTO member_threads (guild_id, user_id, channel_id, thread_id, created_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (guild_id, user_id) DO UPDATE SET channel_id = excluded.channel_id,"
            " thread_id = excluded.thread_id, created_at = excluded.created_at",
            (guild_id, user_id, channel_id, thread_id, to_db(self.clock.now())))

    async def forget(self, guild_id: int, user_id: int) -> None:
        await self.delete_member(guild_id, user_id)

    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        found = await self.get(guild_id, user_id)
        return {"channel_id": found[0], "thread_id": found[1]} if found else {}

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        return await self.db.execute("DELETE FROM member_threads WHERE guild_id = ? AND user_id = ?",
                                     (guild_id, user_id))
