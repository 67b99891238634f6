"""The outbox: Discord side effects that a decision needs, performed after the decision is committed.

A service writes its decision and the effects it implies in one transaction (`enqueue`). The dispatcher then
hands each due item to the handler registered for its kind. Success marks the item done; a transient failure
(rate limit, 5xx, network) retries with capped backoff for as long as it takes; a permanent failure (missing
permission, closed DMs) marks it failed and lets the handler's own fallback take over. Because the item is in
the database, a restart picks up where the last process stopped.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.clock import Clock, from_db, to_db
from bot.domain.erasure import names, redact
from bot.storage.db import Database

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(minutes=10)


class DeliveryError(Exception):
    """Raised by a handler. `permanent` failures are not retried."""

    def __init__(self, message: str, *, permanent: bool = False, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after


@dataclass(frozen=True)
class OutboxItem:
    id: int
    guild_id: int
    kind: str
    payload: dict[str, Any]
    attempts: int


Handler = Callable[[OutboxItem], Awaitable[dict[str, Any] | None]]


class Outbox:
    area = "outbox"

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._handlers: dict[str, Handler] = {}
        self.on_enqueue: Callable[[], None] | None = None

    def register(self, kind: str, handler: Handler) -> None:
        self._handlers[kind] = handler

    async def enqueue(
        self, guild_id: int, kind: str, payload: dict[str, Any], *, dedupe_key: str,
        subject_id: int | None = None, due_at: datetime | None = None,
    ) -> bool:
        """Record an effect; call inside the decision's transaction. A repeated dedupe_key is ignored."""
        now = self.clock.now()
        inserted = await self.db.execute(
            "INSERT OR IGNORE INTO outbox (guild_id, kind, payload, dedupe_key, subject_id, created_at, due_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (guild_id, kind, json.dumps(payload), dedupe_key, subject_id, to_db(now), to_db(due_at or now)),
        )
        if inserted and self.on_enqueue:
            self.on_enqueue()
        return bool(inserted)

    async def run_due(self, limit: int = 50) -> int:
        """Deliver what is due now. Returns how many items were attempted."""
        now = self.clock.now()
        rows = await self.db.fetch_all(
            "SELECT id, guild_id, kind, payload, attempts FROM outbox WHERE state = 'pending' AND due_at <= ?"
            " ORDER BY due_at, id LIMIT ?",
            (to_db(now), limit),
        )
        for row in rows:
            item = OutboxItem(row["id"], row["guild_id"], row["kind"], json.loads(row["payload"]), row["attempts"])
            await self._deliver(item)
        return len(rows)

    async def _deliver(self, item: OutboxItem) -> None:
        handler = self._handlers.get(item.kind)
        if handler is None:
            await self._retry(item, f"no handler registered for {item.kind!r}", None)
            return
        try:
            result = await handler(item)
        except DeliveryError as error:
            if error.permanent:
                log.warning("outbox %s (%s) failed permanently: %s", item.id, item.kind, error)
                await self.db.execute(
                    "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, done_at = ?"
                    " WHERE id = ?",
                    (str(error)[:500], to_db(self.clock.now()), item.id),
                )
            else:
                await self._retry(item, str(error), error.retry_after)
        except Exception as error:  # a bug or an unexpected API error: keep the item and retry later
            log.exception("outbox %s (%s) raised", item.id, item.kind)
            await self._retry(item, repr(error), None)
        else:
            await self.db.execute(
                "UPDATE outbox SET state = 'done', attempts = attempts + 1, done_at = ?, result = ?,"
                " last_error = NULL WHERE id = ?",
                (to_db(self.clock.now()), json.dumps(result) if result else None, item.id),
            )

    async def _retry(self, item: OutboxItem, error: str, retry_after: float | None) -> None:
        backoff = timedelta(seconds=retry_after) if retry_after else min(
            timedelta(seconds=5 * 2 ** min(item.attempts, 12)), MAX_BACKOFF
        )
        await self.db.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, due_at = ? WHERE id = ?",
            (error[:500], to_db(self.clock.now() + backoff), item.id),
        )

    async def next_due_at(self) -> datetime | None:
        value = await self.db.fetch_value("SELECT MIN(due_at) FROM outbox WHERE state = 'pending'")
        return from_db(value) if value else None

    async def result_of(self, dedupe_key: str) -> dict[str, Any] | None:
        row = await self.db.fetch_one("SELECT state, result FROM outbox WHERE dedupe_key = ?", (dedupe_key,))
        if row is None or row["result"] is None:
            return None
        return dict(json.loads(row["result"]))

    async def state_of(self, dedupe_key: str) -> str | None:
        value = await self.db.fetch_value("SELECT state FROM outbox WHERE dedupe_key = ?", (dedupe_key,))
        return str(value) if value is not None else None

    # ---- privacy ---------------------------------------------------------------------------------------
    # On erasure (PrivacyService runs this after every other area, so it also sees the effects they queued):
    # - finished items that name the member (payload, key, subject, error) are deleted;
    # - pending effects the member is owed (OWED_KINDS: their roles and channel access removed, a hidden message,
    #   the crisis note) are kept, marked erase_when_done, and deleted once delivered (purge_erased);
    # - other pending items about them (a reminder DM, an invitation) are deleted;
    # - pending items for others that name them (a channel reminder's mention, an alert) lose the mention; one
    #   whose key still holds the id is deleted once delivered.
    OWED_KINDS = frozenset({"role_remove", "facilitator_access", "hide_message", "author_support"})

    async def export_member(self, guild_id: int, user_id: int) -> list[dict[str, Any]]:
        rows = await self.db.fetch_all(
            "SELECT kind, created_at, state FROM outbox WHERE guild_id = ? AND subject_id = ? ORDER BY id",
            (guild_id, user_id),
        )
        return [dict(row) for row in rows]

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        rows = await self.db.fetch_all(
            "SELECT id, kind, payload, dedupe_key, subject_id, state, last_error, result FROM outbox"
            " WHERE guild_id = ? AND (subject_id = ? OR instr(payload, ?) OR instr(dedupe_key, ?)"
            " OR instr(COALESCE(last_error, ''), ?) OR instr(COALESCE(result, ''), ?))",
            (guild_id, user_id, *[str(user_id)] * 4),
        )
        changed = 0
        for row in rows:
            if not any(names(row[c], user_id) for c in ("payload", "dedupe_key", "subject_id", "last_error", "result")):
                continue  # the digits were part of a longer number
            payload = json.loads(row["payload"])
            owed = row["subject_id"] == user_id and row["kind"] in self.OWED_KINDS and (
                row["kind"] != "facilitator_access" or not payload.get("grant"))
            if row["state"] != "pending" or (row["subject_id"] == user_id and not owed):
                changed += await self.db.execute("DELETE FROM outbox WHERE id = ?", (row["id"],))
                continue
            if not owed:
                payload = _without_member(payload, user_id)
                if names(json.dumps(payload), user_id):
                    changed += await self.db.execute("DELETE FROM outbox WHERE id = ?", (row["id"],))
                    continue
            changed += await self.db.execute(
                "UPDATE outbox SET payload = ?, last_error = NULL, erase_when_done = ? WHERE id = ?",
                (json.dumps(payload), int(owed or names(row["dedupe_key"], user_id)), row["id"]))
        return changed

    async def purge_erased(self) -> int:
        """Periodic: delete delivered (or failed) effects that were owed to a member who has since been erased."""
        return await self.db.execute("DELETE FROM outbox WHERE erase_when_done = 1 AND state != 'pending'")


def _without_member(payload: Any, user_id: int) -> Any:
    """A payload for someone else with the member taken out: off a list of people to ping (and their ping out
    of the text), and elsewhere in text written as "(erased member)"."""
    if isinstance(payload, dict):
        pinged = user_id in payload.get("mention_ids", ())
        return {k: _without_member(v.replace(f" <@{user_id}>", "") if pinged and isinstance(v, str) else v, user_id)
                for k, v in payload.items()}
    if isinstance(payload, list):
        return [_without_member(v, user_id) for v in payload if not (type(v) is int and v == user_id)]
    if isinstance(payload, str):
        return redact(payload, user_id)
    return payload
