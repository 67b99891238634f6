"""The audit log: who did or saw what, and when. Kept for accountability; holds ids, never message text."""

from __future__ import annotations

from typing import Any

from bot.clock import Clock, to_db
from bot.domain.erasure import ERASED_ID, redact_column
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

    # Privacy: a member's own actions are theirs to see. On erasure the entries stay, as the programme's
    # accountability record (what was done, viewed or exported, and when), but without the member: where they
    # acted the actor becomes ERASED_ID, and where they were the subject the id goes.
    async def export_member(self, guild_id: int, user_id: int) -> list[dict[str, Any]]:
        rows = await self.db.fetch_all(
            "SELECT action, subject_type, subject_id, at FROM audit_log WHERE guild_id = ? AND actor_id = ?"
            " ORDER BY id",
            (guild_id, user_id),
        )
        return [dict(row) for row in rows]

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        changed = await self.db.execute("UPDATE audit_log SET actor_id = ? WHERE guild_id = ? AND actor_id = ?",
                                        (ERASED_ID, guild_id, user_id))
        changed += await self.db.execute(
            "UPDATE audit_log SET subject_id = NULL WHERE guild_id = ? AND subject_type = 'member' AND subject_id = ?",
            (guild_id, user_id))
        return changed + await redact_column(self.db, "audit_log", "detail", user_id, "guild_id = ?", (guild_id,))
