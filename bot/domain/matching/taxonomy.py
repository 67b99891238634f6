"""The server's own list of conditions, finer tags (sub-type, treatment, stage) and issues.

Leaders curate it; profile commands offer it through autocomplete. Where nothing on the list fits, a member
writes their own words as “other: …”, which is kept as written and matches only the same words. Anything
else that is not on the list is refused kindly, with the nearest entries, so a typo never becomes a tag.
"""

from __future__ import annotations

import difflib
from enum import StrEnum

from bot.clock import Clock, to_db
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text, name_key
from bot.errors import InvalidInput, NotFound
from bot.storage.db import Database

OTHER = "other:"
MAX_LABEL = 80


class Kind(StrEnum):
    CONDITION = "condition"
    TAG = "tag"
    ISSUE = "issue"

    @property
    def noun(self) -> str:
        return {"condition": "condition", "tag": "tag", "issue": "issue"}[self.value]


def is_other(label: str) -> bool:
    return name_key(label).startswith(OTHER)


def other_label(text: str) -> str:
    """A member's own words, in the one form every other member's same words take."""
    words = clean_text(text.split(":", 1)[1] if is_other(text) else text, field="description", max_len=MAX_LABEL)
    return f"{OTHER} {words}"


class TaxonomyService:
    def __init__(self, db: Database, clock: Clock, roles: RoleService) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles

    async def add(self, actor: Actor, kind: Kind, label: str) -> str:
        await self.roles.require(actor, PeerRole.LEADER)
        label = clean_text(label, field=kind.noun, max_len=MAX_LABEL)
        if "," in label or is_other(label):
            raise InvalidInput("A list entry can't contain a comma or start with “other:”.")
        await self.db.execute(
            "INSERT OR IGNORE INTO match_taxonomy (guild_id, kind, key, label, added_by, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (actor.guild_id, kind.value, name_key(label), label, actor.user_id, to_db(self.clock.now())),
        )
        return label

    async def remove(self, actor: Actor, kind: Kind, label: str) -> None:
        """Profiles that use the entry keep it; it is no longer offered."""
        await self.roles.require(actor, PeerRole.LEADER)
        removed = await self.db.execute("DELETE FROM match_taxonomy WHERE guild_id = ? AND kind = ? AND key = ?",
                                        (actor.guild_id, kind.value, name_key(label)))
        if not removed:
            raise NotFound(f"“{label[:MAX_LABEL]}” is not on the {kind.noun} list.")

    async def labels(self, guild_id: int, kind: Kind) -> list[str]:
        rows = await self.db.fetch_all(
            "SELECT label FROM match_taxonomy WHERE guild_id = ? AND kind = ? ORDER BY key", (guild_id, kind.value))
        return [str(r["label"]) for r in rows]

    async def suggest(self, guild_id: int, kind: Kind, typed: str, limit: int = 25) -> list[str]:
        """Entries containing what was typed, and “other: …” with the typed words when nothing is exact."""
        needle = name_key(typed.strip())
        found = [label for label in await self.labels(guild_id, kind) if needle in name_key(label)]
        if needle and not any(name_key(label) == needle for label in found) and not needle.startswith(OTHER):
            found = [*found[:limit - 1], f"{OTHER} {typed.strip()[:MAX_LABEL]}"]
        return found[:limit]

    async def resolve(self, guild_id: int, kind: Kind, values: list[str]) -> list[str]:
        """Each value as the list spells it, or as the member's own words; an unknown value is refused."""
        known = {name_key(label): label for label in await self.labels(guild_id, kind)}
        resolved: list[str] = []
        for value in values:
            if not value.strip():
                continue
            if is_other(value):
                label = other_label(value)
            elif name_key(value.strip()) in known:
                label = known[name_key(value.strip())]
            else:
                shown = clean_text(value, field=kind.noun, max_len=200)[:MAX_LABEL]
                near = difflib.get_close_matches(name_key(shown), list(known), n=3, cutoff=0.6)
                hint = f" Did you mean {', '.join('“' + known[k] + '”' for k in near)}?" if near else ""
                raise InvalidInput(
                    f"“{shown}” isn't on this server's {kind.noun} list.{hint} Pick from the suggestions, or write "
                    f"your own words as “other: {shown}”.")
            if label not in resolved:
                resolved.append(label)
        return resolved
