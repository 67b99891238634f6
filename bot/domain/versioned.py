"""A text published in numbered versions per server, and who accepted which version.

The code of conduct (members) and the facilitator agreement (facilitators) both work this way: each save is a
new version, and an acceptance records one version and the time, nothing else.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from bot.clock import Clock, from_db, to_db
from bot.domain.erasure import ERASED_ID
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text
from bot.errors import Conflict, NotFound
from bot.storage.db import Database

MAX_TEXT_LEN = 4000  # fits one Discord embed description


class TextVersion(BaseModel):
    model_config = ConfigDict(frozen=True)

    guild_id: int
    version: int
    text: str
    created_at: str


class VersionedText:
    # Set by each subclass; table names are constants of the code, never user input.
    versions_table: ClassVar[str]
    acceptances_table: ClassVar[str]
    noun: ClassVar[str]  # "code of conduct"
    show_command: ClassVar[str]  # where to read the current version
    publisher: ClassVar[PeerRole]

    def __init__(self, db: Database, clock: Clock, roles: RoleService) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles

    async def publish(self, actor: Actor, text: str) -> TextVersion:
        await self.roles.require(actor, self.publisher)
        body = clean_text(text, field=self.noun, max_len=MAX_TEXT_LEN, multiline=True)
        async with self.db.transaction():
            latest = await self.db.fetch_value(
                f"SELECT COALESCE(MAX(version), 0) FROM {self.versions_table} WHERE guild_id = ?", (actor.guild_id,)
            )
            version = int(latest) + 1
            now = to_db(self.clock.now())
            await self.db.execute(
                f"INSERT INTO {self.versions_table} (guild_id, version, text, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (actor.guild_id, version, body, actor.user_id, now),
            )
        return TextVersion(guild_id=actor.guild_id, version=version, text=body, created_at=now)

    async def current(self, guild_id: int) -> TextVersion | None:
        row = await self.db.fetch_one(
            f"SELECT guild_id, version, text, created_at FROM {self.versions_table} WHERE guild_id = ?"
            " ORDER BY version DESC LIMIT 1",
            (guild_id,),
        )
        return TextVersion(**dict(row)) if row else None

    async def versions(self, guild_id: int) -> list[TextVersion]:
        rows = await self.db.fetch_all(
            f"SELECT guild_id, version, text, created_at FROM {self.versions_table} WHERE guild_id = ?"
            " ORDER BY version",
            (guild_id,),
        )
        return [TextVersion(**dict(row)) for row in rows]

    async def accept(self, guild_id: int, user_id: int, version: int) -> None:
        current = await self.current(guild_id)
        if current is None:
            raise NotFound(f"This server hasn't published a {self.noun} yet.")
        if version != current.version:
            raise Conflict(
                f"A newer version of the {self.noun} was published while you were reading. "
                f"Please read the new one with {self.show_command} and accept it there."
            )
        await self.db.execute(
            f"INSERT OR IGNORE INTO {self.acceptances_table} (guild_id, user_id, version, accepted_at)"
            " VALUES (?, ?, ?, ?)",
            (guild_id, user_id, version, to_db(self.clock.now())),
        )

    async def accepted_version(self, guild_id: int, user_id: int) -> int | None:
        value = await self.db.fetch_value(
            f"SELECT MAX(version) FROM {self.acceptances_table} WHERE guild_id = ? AND user_id = ?",
            (guild_id, user_id),
        )
        return int(value) if value is not None else None

    async def has_accepted_current(self, guild_id: int, user_id: int) -> bool:
        current = await self.current(guild_id)
        return current is not None and await self.accepted_version(guild_id, user_id) == current.version

    async def export_member(self, guild_id: int, user_id: int) -> list[dict[str, Any]]:
        rows = await self.db.fetch_all(
            f"SELECT version, accepted_at FROM {self.acceptances_table} WHERE guild_id = ? AND user_id = ?"
            " ORDER BY version",
            (guild_id, user_id),
        )
        return [{"version": r["version"], "accepted_at": from_db(r["accepted_at"]).isoformat()} for r in rows]

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        """Their acceptances go; versions they published stay (the text is the server's), without them."""
        deleted = await self.db.execute(
            f"DELETE FROM {self.acceptances_table} WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        )
        return deleted + await self.db.execute(
            f"UPDATE {self.versions_table} SET created_by = ? WHERE guild_id = ? AND created_by = ?",
            (ERASED_ID, guild_id, user_id))
