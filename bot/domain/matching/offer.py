"""Offers: a private proposal to one supporter, with what the seeker chose to share and no identity until the
supporter accepts. This module keeps the records; the decisions about them are the Matchmaker's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.clock import Clock, from_db, to_db
from bot.storage.db import Database


class OfferState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class Via(StrEnum):
    AUTO = "auto"
    COORDINATOR = "coordinator"
    BATCH = "batch"


@dataclass(frozen=True)
class Offer:
    id: int
    guild_id: int
    programme_id: int
    request_id: int
    supporter_id: int | None
    score: float
    reasons: list[list[str | None]]
    fallback: bool
    via: Via
    state: OfferState
    withdrawn_reason: str | None
    created_at: datetime
    expires_at: datetime

    @classmethod
    def from_row(cls, row: Any) -> Offer:
        return cls(row["id"], row["guild_id"], row["programme_id"], row["request_id"], row["supporter_id"],
                   row["score"], json.loads(row["reasons"]), bool(row["fallback"]), Via(row["via"]),
                   OfferState(row["state"]), row["withdrawn_reason"], from_db(row["created_at"]),
                   from_db(row["expires_at"]))


class OfferBook:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    async def insert(self, guild_id: int, programme_id: int, request_id: int, supporter_id: int, score: float,
                     reasons: list[list[str | None]], fallback: bool, via: Via, proposed_by: int | None,
                     expires_at: datetime) -> int:
        now = to_db(self.clock.now())
        return await self.db.execute(
            "INSERT OR IGNORE INTO match_offers (guild_id, programme_id, request_id, supporter_id, score, reasons,"
            " fallback, via, proposed_by, state, created_at, expires_at, next_action_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
            (guild_id, programme_id, request_id, supporter_id, score, json.dumps(reasons), int(fallback),
             via.value, proposed_by, now, to_db(expires_at), to_db(expires_at)))

    async def get(self, offer_id: int) -> Offer | None:
        row = await self.db.fetch_one("SELECT * FROM match_offers WHERE id = ?", (offer_id,))
        return Offer.from_row(row) if row else None

    async def pending(self, *, request_id: int | None = None, supporter_id: int | None = None,
                      programme_id: int | None = None) -> list[Offer]:
        where, params = ["state = 'pending'"], []
        for column, value in (("request_id", request_id), ("supporter_id", supporter_id),
                              ("programme_id", programme_id)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        rows = await self.db.fetch_all(f"SELECT * FROM match_offers WHERE {' AND '.join(where)} ORDER BY id",
                                       params)
        return [Offer.from_row(r) for r in rows]

    async def settle(self, offer_id: int, state: OfferState, reason: str | None = None) -> bool:
        """Move a pending offer to its outcome; False when it was no longer pending (someone got there first)."""
        changed = await self.db.execute(
            "UPDATE match_offers SET state = ?, withdrawn_reason = ?, decided_at = ?, next_action_at = NULL"
            " WHERE id = ? AND state = 'pending'",
            (state.value, reason, to_db(self.clock.now()), offer_id))
        return bool(changed)
