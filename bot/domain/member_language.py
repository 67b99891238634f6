"""A member's own language, and country for crisis lines, for the private note peerbot may send them. Stored only
when the member chooses one (/language); exported and erased with the rest of their data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.clock import Clock, to_db
from bot.domain.crisis_resources import LANGUAGES
from bot.domain.roles import Actor
from bot.errors import InvalidInput
from bot.storage.db import Database


@dataclass(frozen=True)
class MemberLanguage:
    language: str
    country: str | None


class MemberLanguageService:
    area = "language"

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def choose(self, actor: Actor, language: str, country: str | None = None) -> MemberLanguage:
        if language not in LANGUAGES:
            raise InvalidInput(f"Please choose one of: {', '.join(LANGUAGES)}.")
        if country is not None:
            country = country.strip().upper()
            if len(country) != 2 or not country.isascii() or not country.isalpha():
                raise InvalidInput("Please give the country as a two-letter code, such as ES, FR, DE, BR or GB.")
        await self.db.execute(
            "INSERT INTO member_language (guild_id, user_id, language, country, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (guild_id, user_id) DO UPDATE SET language = excluded.language,"
            " country = excluded.country, updated_at = excluded.updated_at",
            (actor.guild_id, actor.user_id, language, country, to_db(self.clock.now())),
        )
        return MemberLanguage(language, country)

    async def clear(self, actor: Actor) -> None:
        await self.delete_member(actor.guild_id, actor.user_id)

    async def get(self, guild_id: int, user_id: int) -> MemberLanguage | None:
        row = await self.db.fetch_one("SELECT language, country FROM member_language WHERE guild_id = ? AND"
                                      " user_id = ?", (guild_id, user_id))
        return MemberLanguage(row["language"], row["country"]) if row else None

    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        found = await self.get(guild_id, user_id)
        return {"language": found.language, "country": found.country} if found else {}

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        return await self.db.execute("DELETE FROM member_language WHERE guild_id = ? AND user_id = ?",
                                     (guild_id, user_id))
