"""The outbox: Discord side effects that a decision needs, performed after the decision is committed.

A service writes its decision and the effects it implies in one transaction (`enqueue`). The dispatcher then
hands each due item to the handler registered for its kind. Because the item is in the database, a restart picks
up where the last process stopped. Each item is done exactly once on Discord:

- **The attempt is recorded before Discord is called** (`attempts`, `started_at`, committed first). A handler
  that sees `item.attempts > 0` knows an earlier attempt may have got through, even if the process died in the
  middle of it.
- **Steps.** Whatever an attempt creates on Discord is recorded as a step (`record_step`: the id Discord gave),
  and a later attempt of the same item finds it (`step_result`) instead of creating it again. The Discord adapter
  does this for every message a handler sends (cogs/delivery.py), so handlers need not.
- **Nothing is forgotten while the database is busy.** If marking an item done (or recording a step) fails because
  SQLite is locked, the outcome is kept in memory and in the spool file beside the database, and written when the
  database is free; the item is not handed to its handler again meanwhile.
- **Outcomes.** Success marks the item done. A Discord outage (429, 5xx, network) is retried with capped backoff
  for as long as it lasts, honouring `retry_after`; when Discord may have done the work anyway (`in_doubt`), the
  retry comes within 30 s, while Discord still remembers the message's nonce. A permanent failure (a missing
  permission, closed DMs) marks it failed; the handler's own fallback has run by then. Any other failure is a
  fault: after `MAX_FAULTS` of them the item is set aside (a dead letter), the leaders' alerts channel is told,
  and `/setup status` lists it.
- **Shutdown.** `stop()` lets the delivery in flight finish and takes no further item.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.clock import Clock, from_db, to_db
from bot.domain.erasure import ERASED_NAME, names
from bot.storage.db import Database, is_unavailable
from bot.storage.spool import Spool

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(minutes=10)
IN_DOUBT_BACKOFF = timedelta(seconds=30)  # Discord keeps a message nonce "for a few minutes"
MAX_FAULTS = 8  # failures that are not an outage (a bug, a missing setting) before an item is set aside


class DeliveryError(Exception):
    """Raised by a handler.

    `permanent` failures are not retried; `reason` says why ('forbidden', 'dms_closed', 'not_found').
    `outage`: Discord or the network was unavailable; retried for as long as it lasts, never set aside.
    `in_doubt`: Discord may have done the work even so (a 5xx or a lost response); retried soon.
    """

    def __init__(self, message: str, *, permanent: bool = False, retry_after: float | None = None,
                 outage: bool = False, in_doubt: bool = False, reason: str | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after
        self.outage = outage or retry_after is not None
        self.in_doubt = in_doubt
        self.reason = reason


@dataclass(frozen=True)
class OutboxItem:
    id: int
    guild_id: int
    kind: str
    payload: dict[str, Any]
    attempts: int  # attempts begun before this one: > 0 means an earlier one may have reached Discord
    faults: int = 0
    created_at: str = ""


@dataclass(frozen=True)
class Failure:
    """An item an admin should know about: set aside after too many faults, or refused for a permission."""

    kind: str
    why: str  # 'set_aside' or 'forbidden'
    at: datetime
    error: str


Handler = Callable[[OutboxItem], Awaitable[dict[str, Any] | None]]


class Outbox:
    area = "outbox"

    def __init__(self, db: Database, clock: Clock, spool: Spool | None = None) -> None:
        self.db = db
        self.clock = clock
        self.spool = spool if spool is not None else Spool(None)
        self._handlers: dict[str, Handler] = {}
        self.on_enqueue: Callable[[], None] | None = None
        self._unsaved_done: dict[int, tuple[dict[str, Any] | None, str]] = {}  # item -> (result, spool entry)
        self._unsaved_steps: dict[tuple[int, str], tuple[dict[str, Any], str]] = {}
        self._recovered = False
        self._inflight: set[int] = set()
        self._stopping = False

    def register(self, kind: str, handler: Handler) -> None:
        self._handlers[kind] = handler

    @property
    def kinds(self) -> set[str]:
        return set(self._handlers)

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

    # ---- delivering ----------------------------------------------------------------------------------
    def stop(self) -> None:
        """Take no further item; the one in flight finishes."""
        self._stopping = True

    @property
    def stopping(self) -> bool:
        return self._stopping

    @property
    def busy(self) -> bool:
        """A delivery is in flight."""
        return bool(self._inflight)

    async def run_due(self, limit: int = 50) -> int:
        """Deliver what is due now. Returns how many items were attempted."""
        self._recover()
        if not await self._save_unsaved():
            return 0  # the database is still busy: nothing can be recorded, so nothing is attempted
        now = self.clock.now()
        rows = await self.db.fetch_all(
            "SELECT id, guild_id, kind, payload, attempts, faults, created_at FROM outbox WHERE state = 'pending'"
            " AND due_at <= ? ORDER BY due_at, id LIMIT ?",
            (to_db(now), limit),
        )
        attempted = 0
        for row in rows:
            if self._stopping:
                break
            if row["id"] in self._unsaved_done or row["id"] in self._inflight:
                continue
            item = OutboxItem(row["id"], row["guild_id"], row["kind"], json.loads(row["payload"]), row["attempts"],
                              row["faults"], row["created_at"])
            try:
                await self._deliver(item)
            except Exception as error:
                if not is_unavailable(error):
                    raise
                log.warning("the database is busy (%s); outbox delivery resumes when it is free", error)
                break
            attempted += 1
        return attempted

    async def _deliver(self, item: OutboxItem) -> None:
        handler = self._handlers.get(item.kind)
        if handler is None:
            await self._failed(item, DeliveryError(f"no handler registered for {item.kind!r}"))
            return
        self._inflight.add(item.id)
        try:
            if not await self._begin(item):
                return
            try:
                result = await handler(item)
            except DeliveryError as error:
                await self._failed(item, error)
            except Exception as error:
                if is_unavailable(error):  # our own database, not the handler: wait for it like an outage
                    await self._failed(item, DeliveryError(f"database busy: {error}", outage=True), quiet=True)
                else:  # a bug or an unexpected API error: keep the item, count it as a fault
                    log.exception("outbox %s (%s) raised", item.id, item.kind)
                    await self._failed(item, DeliveryError(repr(error)))
            else:
                await self._done(item, result)
        finally:
            self._inflight.discard(item.id)

    async def _begin(self, item: OutboxItem) -> bool:
        """Record that an attempt begins, before the handler calls Discord. False if the item is gone."""
        changed = await self.db.execute(
            "UPDATE outbox SET attempts = attempts + 1, started_at = ? WHERE id = ? AND state = 'pending'",
            (to_db(self.clock.now()), item.id),
        )
        return bool(changed)

    async def _done(self, item: OutboxItem, result: dict[str, Any] | None) -> None:
        try:
            await self._mark_done(item.id, result)
        except Exception as error:
            if not is_unavailable(error):
                raise
            # Discord has done it; the database can't say so yet. Never hand it to the handler again.
            entry = self.spool.add("outbox_done", {"item": item.id, "result": result})
            self._unsaved_done[item.id] = (result, entry.id)
            log.warning("outbox %s (%s) is done but the database is busy; recorded in %s", item.id, item.kind,
                        self.spool.path)

    async def _mark_done(self, item_id: int, result: dict[str, Any] | None) -> None:
        async with self.db.transaction():
            await self.db.execute(
                "UPDATE outbox SET state = 'done', done_at = ?, result = ?, last_error = NULL WHERE id = ?",
                (to_db(self.clock.now()), json.dumps(result) if result else None, item_id),
            )
            await self.db.execute("DELETE FROM outbox_steps WHERE item_id = ?", (item_id,))

    async def _failed(self, item: OutboxItem, error: DeliveryError, *, quiet: bool = False) -> None:
        now = self.clock.now()
        message = str(error)[:500]
        if error.permanent:
            log.warning("outbox %s (%s) failed permanently: %s", item.id, item.kind, error)
            async with self.db.transaction():
                await self.db.execute(
                    "UPDATE outbox SET state = 'failed', failure = ?, last_error = ?, done_at = ? WHERE id = ?",
                    (error.reason, message, to_db(now), item.id),
                )
                if error.reason == "forbidden" and item.kind != "leader_alert":
                    await self._permission_alert(item, message)
            return
        faults = item.faults + (0 if error.outage else 1)
        if faults >= MAX_FAULTS:
            await self._dead_letter(item, faults, message)
            return
        if error.retry_after:
            backoff = timedelta(seconds=error.retry_after)
        else:
            backoff = min(timedelta(seconds=5 * 2 ** min(item.attempts, 12)), MAX_BACKOFF)
            if error.in_doubt:
                backoff = min(backoff, IN_DOUBT_BACKOFF)
        if not quiet:
            log.info("outbox %s (%s) will be retried in %s: %s", item.id, item.kind, backoff, message)
        await self.db.execute(
            "UPDATE outbox SET faults = ?, last_error = ?, due_at = ? WHERE id = ?",
            (faults, message, to_db(now + backoff), item.id),
        )

    async def _dead_letter(self, item: OutboxItem, faults: int, message: str) -> None:
        log.error("outbox %s (%s) failed %s times and is set aside: %s", item.id, item.kind, faults, message)
        now = to_db(self.clock.now())
        async with self.db.transaction():
            await self.db.execute(
                "UPDATE outbox SET state = 'failed', failure = 'set_aside', faults = ?, last_error = ?, done_at = ?"
                " WHERE id = ?", (faults, message, now, item.id),
            )
            if item.kind != "leader_alert":  # an alert that can't be delivered can't announce itself
                await self.enqueue(
                    item.guild_id, "leader_alert",
                    {"text": f"Admins: a Discord action peerbot had to do ({item.kind.replace('_', ' ')}) failed "
                             f"{faults} times and has been set aside. The last error was: {message[:300]}. "
                             "/setup status lists what is set aside; the cause is often a missing permission or "
                             "setting."},
                    dedupe_key=f"alert:dead_letter:{item.id}",
                )

    async def _permission_alert(self, item: OutboxItem, message: str) -> None:
        """Discord refused for want of a permission: an admin can fix that, so tell them (once a day per action
        and place). A member's closed DMs are their own choice, and are not reported."""
        where = item.payload.get("channel_id") or item.payload.get("role_id") or ""
        place = f" in <#{where}>" if item.payload.get("channel_id") else ""
        await self.enqueue(
            item.guild_id, "leader_alert",
            {"text": f"Admins: Discord refused peerbot{place} when it tried to do a "
                     f"{item.kind.replace('_', ' ')} ({message[:200]}). This is usually a missing permission, or "
                     "peerbot's role sitting below a role it manages. /setup status lists what failed."},
            dedupe_key=f"alert:forbidden:{item.kind}:{where}:{self.clock.now().date().isoformat()}",
        )

    # ---- steps: what an attempt already did on Discord -----------------------------------------------
    async def step_result(self, item_id: int, step: str) -> dict[str, Any] | None:
        unsaved = self._unsaved_steps.get((item_id, step))
        if unsaved is not None:
            return unsaved[0]
        value = await self.db.fetch_value(
            "SELECT result FROM outbox_steps WHERE item_id = ? AND step = ?", (item_id, step)
        )
        return dict(json.loads(value)) if value is not None else None

    async def record_step(self, item_id: int, step: str, result: dict[str, Any]) -> None:
        try:
            await self._save_step(item_id, step, result)
        except Exception as error:
            if not is_unavailable(error):
                raise
            entry = self.spool.add("outbox_step", {"item": item_id, "step": step, "result": result})
            self._unsaved_steps[(item_id, step)] = (result, entry.id)

    async def _save_step(self, item_id: int, step: str, result: dict[str, Any]) -> None:
        await self.db.execute(
            "INSERT OR REPLACE INTO outbox_steps (item_id, step, result, at)"
            " SELECT id, ?, ?, ? FROM outbox WHERE id = ?",  # nothing, if the item was erased meanwhile
            (step, json.dumps(result), to_db(self.clock.now()), item_id),
        )

    # ---- outcomes the database could not take at the time -------------------------------------------
    def _recover(self) -> None:
        """Once per process: outcomes spooled by a process that stopped before the database took them."""
        if self._recovered:
            return
        self._recovered = True
        for entry in self.spool.entries("outbox_done"):
            self._unsaved_done[int(entry.data["item"])] = (entry.data.get("result"), entry.id)
        for entry in self.spool.entries("outbox_step"):
            key = (int(entry.data["item"]), str(entry.data["step"]))
            self._unsaved_steps[key] = (dict(entry.data["result"]), entry.id)

    async def _save_unsaved(self) -> bool:
        """Write what the database refused earlier. False while it still refuses."""
        try:
            for key, (result, entry_id) in list(self._unsaved_steps.items()):
                await self._save_step(*key, result)
                del self._unsaved_steps[key]
                self.spool.remove(entry_id)
            for item_id, (outcome, entry_id) in list(self._unsaved_done.items()):
                await self._mark_done(item_id, outcome)
                del self._unsaved_done[item_id]
                self.spool.remove(entry_id)
        except Exception as error:
            if not is_unavailable(error):
                raise
            return False
        return True

    # ---- reading -------------------------------------------------------------------------------------
    async def next_due_at(self) -> datetime | None:
        if self._unsaved_done or self._unsaved_steps:
            return self.clock.now() + timedelta(seconds=2)  # try the database again soon
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

    async def failures(self, guild_id: int, *, limit: int = 5) -> tuple[int, list[Failure]]:
        """Items set aside or refused for a permission in the last 7 days: how many, and the latest few."""
        since = to_db(self.clock.now() - timedelta(days=7))
        where = "guild_id = ? AND state = 'failed' AND failure IN ('set_aside', 'forbidden') AND done_at >= ?"
        count = await self.db.fetch_value(f"SELECT COUNT(*) FROM outbox WHERE {where}", (guild_id, since))
        rows = await self.db.fetch_all(
            f"SELECT kind, failure, done_at, last_error FROM outbox WHERE {where} ORDER BY done_at DESC, id DESC"
            " LIMIT ?", (guild_id, since, limit),
        )
        return int(count), [Failure(r["kind"], r["failure"], from_db(r["done_at"]), r["last_error"] or "")
                            for r in rows]

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
            payload = json.loads(row["payload"])
            if not (row["subject_id"] == user_id or _in_payload(payload, user_id)
                    or str(user_id) in row["dedupe_key"].split(":")
                    or names(row["last_error"], user_id) or names(row["result"], user_id)):
                continue  # the digits were part of something else (a longer number, a time)
            owed = row["subject_id"] == user_id and row["kind"] in self.OWED_KINDS and (
                row["kind"] != "facilitator_access" or not payload.get("grant"))
            if row["state"] != "pending" or (row["subject_id"] == user_id and not owed):
                changed += await self.db.execute("DELETE FROM outbox WHERE id = ?", (row["id"],))
                continue
            if not owed:
                payload = _without_member(payload, user_id)
                if _in_payload(payload, user_id):
                    changed += await self.db.execute("DELETE FROM outbox WHERE id = ?", (row["id"],))
                    continue
            changed += await self.db.execute(
                "UPDATE outbox SET payload = ?, last_error = NULL, erase_when_done = ? WHERE id = ?",
                (json.dumps(payload), int(owed or str(user_id) in row["dedupe_key"].split(":")), row["id"]))
        return changed

    async def purge_erased(self) -> int:
        """Periodic: delete delivered (or failed) effects that were owed to a member who has since been erased."""
        return await self.db.execute("DELETE FROM outbox WHERE erase_when_done = 1 AND state != 'pending'")


def _in_payload(payload: Any, user_id: int) -> bool:
    """The member in a payload: as an id value, or mentioned in a text."""
    if isinstance(payload, dict):
        return any(_in_payload(v, user_id) for v in payload.values())
    if isinstance(payload, list):
        return any(_in_payload(v, user_id) for v in payload)
    if isinstance(payload, str):
        return f"<@{user_id}>" in payload or f"<@!{user_id}>" in payload
    return type(payload) is int and payload == user_id


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
        return payload.replace(f"<@!{user_id}>", ERASED_NAME).replace(f"<@{user_id}>", ERASED_NAME)
    return payload
