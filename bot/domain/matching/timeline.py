"""Matching's timed work, on one stored timeline: offers that expire, requests to retry or close to their date,
the steps of every active match, and supporters who have been over their cap for weeks.

Each row stores `next_action_at`; `run_due` handles every row whose time has come, and the runtime wakes at
`next_wake()` (plus a one-minute sweep as a safety net). Each step changes the row and queues its outbox items
with fixed keys in one transaction, so a late, repeated or post-restart pass does nothing twice. `rebuild()`
recomputes every `next_action_at` from the rows and the current settings at start-up, and after a leader
changes a programme's timings.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.clock import Clock, from_db, to_db
from bot.domain.matching.lifecycle import MatchLifecycle
from bot.domain.matching.match import Match, next_action_at
from bot.domain.matching.matchmaker import Matchmaker
from bot.domain.matching.programme import Mode, ProgrammeService
from bot.domain.matching.request import Request
from bot.domain.matching.request import next_action_at as request_next_action_at
from bot.domain.matching.supporter import SupporterService
from bot.storage.db import Database

log = logging.getLogger(__name__)
RETRY_FAILED = timedelta(minutes=1)
TABLES = ("match_offers", "match_requests", "matches", "match_supporters")


@dataclass(frozen=True)
class Fired:
    kind: str  # offer, request, match, supporter
    id: int
    action: str
    at: datetime


class MatchingTimeline:
    def __init__(self, db: Database, clock: Clock, programmes: ProgrammeService, matchmaker: Matchmaker,
                 lifecycle: MatchLifecycle, supporters: SupporterService) -> None:
        self.db = db
        self.clock = clock
        self.programmes = programmes
        self.matchmaker = matchmaker
        self.lifecycle = lifecycle
        self.supporters = supporters

    async def run_due(self, limit: int = 500) -> list[Fired]:
        now = self.clock.now()
        fired: list[Fired] = []

        async def each(kind: str, table: str, key: str, run: Callable[[Any], Awaitable[list[str]]]) -> None:
            rows = await self.db.fetch_all(
                f"SELECT {key} FROM {table} WHERE next_action_at <= ? ORDER BY next_action_at LIMIT ?",
                (to_db(now), limit))
            for row in rows:
                try:
                    actions = await run(row)
                except Exception:
                    # One bad row must not block the others: look at it again in a minute.
                    log.exception("matching: %s step failed for %s; trying again in a minute", kind, tuple(row))
                    where = " AND ".join(f"{k.strip()} = ?" for k in key.split(","))
                    await self.db.execute(f"UPDATE {table} SET next_action_at = ? WHERE {where}",
                                          (to_db(now + RETRY_FAILED), *tuple(row)))
                    continue
                fired.extend(Fired(kind, int(row[0]) if kind != "supporter" else int(row[1]), a, self.clock.now())
                             for a in actions)

        async def offer(row: Any) -> list[str]:
            return ["expired"] if await self.matchmaker.expire(int(row[0])) else []

        async def request(row: Any) -> list[str]:
            return await self.matchmaker.request_due(int(row[0]))

        async def match(row: Any) -> list[str]:
            return [step.value for step in await self.lifecycle.advance(int(row[0]))]

        async def supporter(row: Any) -> list[str]:
            return ["over_cap_checkin"] if await self.supporters.over_cap_due(int(row[0]), int(row[1])) else []

        await each("offer", "match_offers", "id", offer)
        await each("request", "match_requests", "id", request)
        await each("match", "matches", "id", match)
        await each("supporter", "match_supporters", "programme_id, user_id", supporter)
        return fired

    async def next_wake(self) -> datetime | None:
        values = [await self.db.fetch_value(f"SELECT MIN(next_action_at) FROM {table}") for table in TABLES]
        found = [from_db(v) for v in values if v]
        return min(found) if found else None

    async def rebuild(self, programme_id: int | None = None) -> datetime | None:
        """Recompute every next step from the rows and the programme's current settings."""
        where = "" if programme_id is None else " AND programme_id = ?"
        params: tuple[int, ...] = () if programme_id is None else (programme_id,)
        programmes = {p.id: p for p in [await self.programmes.get(int(r[0])) for r in await self.db.fetch_all(
            "SELECT id FROM match_programmes" + (" WHERE id = ?" if programme_id else ""), params)]}
        now = self.clock.now()
        updates: list[tuple[str | None, int]] = []
        for row in await self.db.fetch_all(f"SELECT * FROM matches WHERE state = 'active'{where}", params):
            m = Match.from_row(row)
            due = next_action_at(m, programmes[m.programme_id].settings)
            updates.append((to_db(due) if due else None, m.id))
        await self.db.execute_many("UPDATE matches SET next_action_at = ? WHERE id = ?", updates)
        request_updates: list[tuple[str | None, int]] = []
        for row in await self.db.fetch_all(
                f"SELECT * FROM match_requests WHERE state IN ('waiting','held','offered'){where}", params):
            r = Request.from_row(row)
            settings = programmes[r.programme_id].settings
            # Look for a supporter at once after a restart: the retry time before it was not stored.
            due = request_next_action_at(r, settings, now if settings.mode is Mode.AUTO else None)
            request_updates.append((to_db(due) if due else None, r.id))
        await self.db.execute_many("UPDATE match_requests SET next_action_at = ? WHERE id = ?", request_updates)
        await self.db.execute(f"UPDATE match_offers SET next_action_at = expires_at WHERE state = 'pending'{where}",
                              params)
        supporter_updates: list[tuple[str | None, int, int]] = []
        for row in await self.db.fetch_all(
                f"SELECT programme_id, user_id, over_cap_since, over_cap_checked FROM match_supporters"
                f" WHERE over_cap_since IS NOT NULL{where}", params):
            days = programmes[int(row["programme_id"])].settings.over_cap_checkin_days
            due_at = None if row["over_cap_checked"] else from_db(row["over_cap_since"]) + timedelta(days=days)
            supporter_updates.append((to_db(due_at) if due_at else None, row["programme_id"], row["user_id"]))
        await self.db.execute_many(
            "UPDATE match_supporters SET next_action_at = ? WHERE programme_id = ? AND user_id = ?", supporter_updates)
        return await self.next_wake()

