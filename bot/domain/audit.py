"""The audit log: who did or saw what, and when. Kept for accountability; holds ids, never message text."""

from __future__ import annotations

from typing import Any

from bot.clock import Clock, to_db
from bot.storage.db import Database


class AuditLog:
    area = "audit_log"

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def record(
        self, guild_id: int, actor_id: int, action: str, subject_type: str, subject_id: int | None,
        detail: str | None = None,
    ) -> None:
        await self.db.execute(
            "INSERT INTO audit_log (guild_id, actor_id, action, subject_type, subject_id, at, detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (guild_id, actor_id, action, subject_type, subject_id, to_db(self.clock.now()), detail),
        )

    async def entries_for(self, subject_type: str, subject_id: int) -> list[dict[str, Any]]:
        rows = await self.db.fetch_all(
            "SELECT actor_id, action, at, detail FROM audit_log WHERE subject_type = ? AND subject_id = ?"
            " ORDER BY id",
            (subject_type, subject_id),
        )
        return [dict(row) for row in rows]

    # Privacy: a member's own actions are theirs to see. They are kept on delete, because the log is the
    # programme's accountability record and holds no health data (only ids and action names).
    async def export_member(self, guild_id: int, user_id: int) -> list[dict[str, Any]]:
        rows = await self.db.fetch_all(
            "SELECT action, subject_type, subject_id, at FROM audit_log WHERE guild_id = ? AND actor_id = ?"
            " ORDER BY id",
            (guild_id, user_id),
        )
        return [dict(row) for row in rows]

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        return 0
