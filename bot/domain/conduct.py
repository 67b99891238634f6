"""The code of conduct: versioned text per server, and each member's acceptance of a version.

Members accept the current version before joining any group, and again after a new version is published.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.clock import Clock, from_db, to_db
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text
from bot.errors import Conflict, DomainError, NotFound
from bot.storage.db import Database

MAX_CONDUCT_LEN = 4000  # fits one Discord embed description


class ConductVersion(BaseModel):
    model_config = ConfigDict(frozen=True)

    guild_id: int
    version: int
    text: str
    created_at: str


class ConductAcceptanceNeeded(DomainError):
    """Raised when a member must accept the current code first; the adapter shows the text and a button."""

    def __init__(self, current: ConductVersion, had_accepted_older: bool) -> None:
        lead = (
            "The code of conduct has changed since you last accepted it."
            if had_accepted_older
            else "Before you join a group, please read and accept the code of conduct."
        )
        super().__init__(lead)
        self.current = current


class ConductService:
    area = "conduct"

    def __init__(self, db: Database, clock: Clock, roles: RoleService) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles

    async def publish(self, actor: Actor, text: str) -> ConductVersion:
        await self.roles.require(actor, PeerRole.ADMIN)
        body = clean_text(text, field="code of conduct", max_len=MAX_CONDUCT_LEN, multiline=True)
        async with self.db.transaction():
            latest = await self.db.fetch_value(
                "SELECT COALESCE(MAX(version), 0) FROM conduct_versions WHERE guild_id = ?", (actor.guild_id,)
            )
            version = int(latest) + 1
            now = to_db(self.clock.now())
            await self.db.execute(
                "INSERT INTO conduct_versions (guild_id, version, text, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (actor.guild_id, version, body, actor.user_id, now),
            )
        return ConductVersion(guild_id=actor.guild_id, version=version, text=body, created_at=now)

    async def current(self, guild_id: int) -> ConductVersion | None:
        row = await self.db.fetch_one(
            "SELECT guild_id, version, text, created_at FROM conduct_versions WHERE guild_id = ?"
            " ORDER BY version DESC LIMIT 1",
            (guild_id,),
        )
        return ConductVersion(**dict(row)) if row else None

    async def versions(self, guild_id: int) -> list[ConductVersion]:
        rows = await self.db.fetch_all(
            "SELECT guild_id, version, text, created_at FROM conduct_versions WHERE guild_id = ? ORDER BY version",
            (guild_id,),
        )
        return [ConductVersion(**dict(row)) for row in rows]

    async def accept(self, guild_id: int, user_id: int, version: int) -> None:
        current = await self.current(guild_id)
        if current is None:
            raise NotFound("This server hasn't published a code of conduct yet.")
        if version != current.version:
            raise Conflict(
                "A newer version of the code of conduct was published while you were reading. "
                "Please read the new one with /conduct show and accept it there."
            )
        await self.db.execute(
            "INSERT OR IGNORE INTO conduct_acceptances (guild_id, user_id, version, accepted_at)"
            " VALUES (?, ?, ?, ?)",
            (guild_id, user_id, version, to_db(self.clock.now())),
        )

    async def accepted_version(self, guild_id: int, user_id: int) -> int | None:
        value = await self.db.fetch_value(
            "SELECT MAX(version) FROM conduct_acceptances WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
        return int(value) if value is not None else None

    async def require_current(self, guild_id: int, user_id: int) -> None:
        current = await self.current(guild_id)
        if current is None:
            raise NotFound(
                "Groups open once this server has a code of conduct. An admin can publish one with /conduct set."
            )
        accepted = await self.accepted_version(guild_id, user_id)
        if accepted != current.version:
            raise ConductAcceptanceNeeded(current, had_accepted_older=accepted is not None)

    async def export_member(self, guild_id: int, user_id: int) -> list[dict[str, Any]]:
        rows = await self.db.fetch_all(
            "SELECT version, accepted_at FROM conduct_acceptances WHERE guild_id = ? AND user_id = ? ORDER BY version",
            (guild_id, user_id),
        )
        return [{"version": r["version"], "accepted_at": from_db(r["accepted_at"]).isoformat()} for r in rows]

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        return await self.db.execute(
            "DELETE FROM conduct_acceptances WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
