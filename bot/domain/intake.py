"""Referrals that must not be lost while the database can't be written.

A screened or flagged message that reaches the referral path while SQLite is locked (a backup, another `peerbot`
command, a long transaction) is kept in the spool file beside the database (fsync'd, so it survives a crash too),
then stored by `drain()` as soon as the database takes writes again, and removed from the spool. Storing is
idempotent on the referral's natural key, (guild, message id), and a replayed flag is skipped when that member's
flag of that message is already recorded, so a crash between storing and removing stores nothing twice.

While an entry waits longer than `STALLED_AFTER`, `stalled()` hands it once to the adapter, which tells the
leaders directly on Discord (the outbox needs the database, so it can't carry that alert).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.clock import Clock, from_db, to_db
from bot.domain.referral import Referral, ReferralService
from bot.domain.risk import Category, Evidence, Screening, Tier
from bot.domain.roles import Actor
from bot.errors import RateLimited
from bot.storage.db import is_unavailable
from bot.storage.spool import Spool, SpoolEntry

log = logging.getLogger(__name__)
STALLED_AFTER = timedelta(seconds=30)
KIND = "referral"


@dataclass(frozen=True)
class Waiting:
    """A referral kept in the spool, as much of it as an alert may show (never the message's words)."""

    entry_id: str
    guild_id: int
    channel_id: int
    tier: str
    source: str
    jump_url: str | None
    since: datetime


def _screening_data(screening: Screening) -> dict[str, Any]:
    return {"tier": screening.tier.label, "categories": [c.value for c in screening.categories],
            "evidence": [e.as_dict() for e in screening.evidence], "method_detail": screening.method_detail}


def _screening(data: dict[str, Any]) -> Screening:
    return Screening(Tier[str(data["tier"]).upper()], tuple(Category(c) for c in data["categories"]),
                     tuple(Evidence(**e) for e in data["evidence"]), bool(data["method_detail"]))


def _actor_data(actor: Actor) -> dict[str, Any]:
    return {"guild_id": actor.guild_id, "user_id": actor.user_id, "role_ids": sorted(actor.role_ids),
            "is_server_admin": actor.is_server_admin}


class ReferralIntake:
    def __init__(self, referrals: ReferralService, spool: Spool, clock: Clock) -> None:
        self.referrals = referrals
        self.spool = spool
        self.clock = clock
        self._reported: set[str] = set()

    async def from_screening(
        self, guild_id: int, author_id: int, channel_id: int, message_id: int, jump_url: str, content: str,
        context: list[dict[str, Any]], screening: Screening,
    ) -> Referral | None:
        """As ReferralService.from_screening; while the database is busy, kept and stored later (returns None)."""
        try:
            return await self.referrals.from_screening(guild_id, author_id, channel_id, message_id, jump_url, content,
                                                       context, screening)
        except Exception as error:
            if not is_unavailable(error) or screening.tier < Tier.CONCERN:
                raise
            self._keep("screening", {"guild_id": guild_id, "author_id": author_id, "channel_id": channel_id,
                                     "message_id": message_id, "jump_url": jump_url, "content": content,
                                     "context": context, "screening": _screening_data(screening)}, error)
            return None

    async def flag(
        self, actor: Actor, author_id: int, channel_id: int, message_id: int, jump_url: str, content: str,
        reason: str | None, screening: Screening,
    ) -> Referral | None:
        """As ReferralService.flag; while the database is busy, kept and stored later (returns None)."""
        try:
            return await self.referrals.flag(actor, author_id, channel_id, message_id, jump_url, content, reason,
                                             screening)
        except Exception as error:
            if not is_unavailable(error):
                raise
            self._keep("flag", {"guild_id": actor.guild_id, "actor": _actor_data(actor),
                                "author_id": author_id, "channel_id": channel_id, "message_id": message_id,
                                "jump_url": jump_url, "content": content, "reason": reason,
                                "screening": _screening_data(screening)}, error)
            return None

    def _keep(self, source: str, data: dict[str, Any], error: BaseException) -> None:
        entry = self.spool.add(KIND, {"source": source, "at": to_db(self.clock.now()), **data})
        log.warning("the database is busy (%s): a %s referral is kept in %s (%s) until it can be stored",
                    error, source, self.spool.path or "memory", entry.id)

    # ---- storing what was kept -----------------------------------------------------------------------
    async def drain(self) -> int:
        """Store every kept referral the database will now take; returns how many are still waiting."""
        for entry in self.spool.entries(KIND):
            try:
                await self._store(entry)
            except Exception as error:
                if not is_unavailable(error):
                    raise
                break
            self.spool.remove(entry.id)
            self._reported.discard(entry.id)
            log.info("a kept %s referral is now stored", entry.data["source"])
        return len(self.spool.entries(KIND))

    async def _store(self, entry: SpoolEntry) -> None:
        data = entry.data
        screening = _screening(data["screening"])
        if data["source"] == "screening":
            await self.referrals.from_screening(
                data["guild_id"], data["author_id"], data["channel_id"], data["message_id"], data["jump_url"],
                data["content"], data["context"], screening)  # a repeat is ignored on (guild, message id)
            return
        actor = Actor(int(data["actor"]["guild_id"]), int(data["actor"]["user_id"]),
                      frozenset(int(r) for r in data["actor"]["role_ids"]), bool(data["actor"]["is_server_admin"]))
        already = await self.referrals.db.fetch_value(
            "SELECT 1 FROM referral_events e JOIN referrals r ON r.id = e.referral_id WHERE r.guild_id = ?"
            " AND r.message_id = ? AND e.actor_id = ? AND e.action = 'flagged'",
            (actor.guild_id, data["message_id"], actor.user_id))
        if already:
            return
        try:
            await self.referrals.flag(actor, data["author_id"], data["channel_id"], data["message_id"],
                                      data["jump_url"], data["content"], data["reason"], screening)
        except RateLimited:
            log.warning("a kept flag from %s was over the hourly limit when stored, and was dropped", actor.user_id)

    # ---- what is waiting -----------------------------------------------------------------------------
    def waiting(self) -> list[Waiting]:
        return [Waiting(e.id, int(e.data["guild_id"]), int(e.data["channel_id"]), str(e.data["screening"]["tier"]),
                        str(e.data["source"]), e.data.get("jump_url"), from_db(e.data["at"]))
                for e in self.spool.entries(KIND)]

    def stalled(self) -> list[Waiting]:
        """Kept referrals waiting longer than STALLED_AFTER and not yet reported; each is returned once."""
        cutoff = self.clock.now() - STALLED_AFTER
        found = [w for w in self.waiting() if w.since <= cutoff and w.entry_id not in self._reported]
        self._reported.update(w.entry_id for w in found)
        return found
