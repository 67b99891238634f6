"""Running meetings: each occurrence's timeline from reminders to wrap-up, and the room it opens and closes.

An occurrence moves scheduled → awaiting (opening posted) → open (a facilitator checked in) → closed, or to
cancelled (skipped, nobody checked in, or the bot was offline for the whole meeting). Its row stores the
state and `next_action_at`; `run_due` handles every row whose time has come and stores the next time. The
scheduler only has to wake at `next_wake()`, so a restart rebuilds everything from the database, and a late
or repeated pass does each step once (each step is a state change plus outbox items with fixed keys).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from bot.clock import Clock, to_db
from bot.domain.alerts import LeaderAlerts
from bot.domain.meetings.model import (
    CLOSE_GRACE,
    EARLY_CHECKIN,
    EVENT_WINDOW,
    OCCURRENCE_COLUMNS,
    OCCURRENCE_FROM,
    REMINDER_GRACE,
    REMINDER_MENU,
    Occurrence,
    OccurrenceState,
    next_action_at,
)
from bot.domain.meetings.notify import ATTENDEES_SQL, Notifier
from bot.domain.meetings.schedule import SeriesService, fmt_local
from bot.domain.roles import Actor
from bot.domain.text import clean_text
from bot.errors import Conflict, InvalidInput, NotFound
from bot.storage.db import Database

MAX_STEPS = 6  # a timeline has at most this many steps due at once (after a long outage)
STEP_CHUNK = 25  # occurrences advanced per transaction
RETRY_FAILED = timedelta(minutes=1)
log = logging.getLogger(__name__)


def _in(minutes: int) -> str:
    return f"{minutes // 60} hours" if minutes >= 120 else "1 hour" if minutes == 60 else f"{minutes} minutes"


@dataclass(frozen=True)
class Fired:
    """One step a pass took: what, for which meeting, when it was due, and when it ran."""

    occurrence_id: int
    action: str
    due_at: datetime
    fired_at: datetime


@dataclass(frozen=True)
class RoomState:
    channel_id: int | None
    voice_channel_id: int | None
    role_id: int | None
    meeting_only: bool
    open: bool


class MeetingTimeline:
    def __init__(self, db: Database, clock: Clock, series: SeriesService, notifier: Notifier,
                 alerts: LeaderAlerts) -> None:
        self.db = db
        self.clock = clock
        self.series = series
        self.notifier = notifier
        self.alerts = alerts
        # Channels whose meeting is open right now: read on every message, so kept in memory and re-read from
        # the database after anything that opens or closes a room (never changed by hand).
        self._open_channels: frozenset[int] | None = None

    # ---- the pass ------------------------------------------------------------------------------------
    async def run_due(self, limit: int = 5000) -> list[Fired]:
        """Take every step that is due. Steps share a transaction in chunks (a burst of meetings starting at
        19:00 is one commit per chunk, not one per meeting); if a chunk fails, its meetings are retried one by
        one, and a meeting whose step keeps failing is looked at again in a minute instead of blocking others.
        More than `limit` due at once: the rest wait for the next pass, which the caller starts at once."""
        now = self.clock.now()
        rows = await self.db.fetch_all(
            "SELECT id FROM meeting_occurrences WHERE next_action_at <= ? ORDER BY next_action_at LIMIT ?",
            (to_db(now), limit),
        )
        ids = [int(row["id"]) for row in rows]
        fired: list[Fired] = []
        for first in range(0, len(ids), STEP_CHUNK):
            chunk = ids[first:first + STEP_CHUNK]
            done: list[Fired] = []
            try:
                async with self.db.transaction():
                    for occurrence_id in chunk:
                        done += await self._advance(occurrence_id, now)
            except Exception:
                log.exception("a chunk of meeting steps failed; retrying them one by one")
                done = []
                for occurrence_id in chunk:
                    try:
                        done += await self._advance(occurrence_id, now)
                    except Exception:
                        log.exception("meeting %s: step failed; trying again in a minute", occurrence_id)
                        await self.db.execute("UPDATE meeting_occurrences SET next_action_at = ? WHERE id = ?",
                                              (to_db(now + RETRY_FAILED), occurrence_id))
            fired += done
        if any(f.action in ("close", "no_show", "missed", "group_archived") for f in fired):
            await self._refresh_open_channels()
        return fired

    async def next_wake(self) -> datetime | None:
        value = await self.db.fetch_value("SELECT MIN(next_action_at) FROM meeting_occurrences")
        return datetime.fromisoformat(value) if value else None

    async def rebuild(self) -> datetime | None:
        """At start-up: recompute each live occurrence's next step from its state, and return the earliest.
        Fast on purpose, so due steps resume at once; extending the horizons (slower) comes after."""
        rows = await self.db.fetch_all(
            "SELECT o.* FROM meeting_occurrences o WHERE o.state NOT IN ('closed','cancelled')"
        )
        updates = []
        for row in rows:
            due = next_action_at(Occurrence.from_row(row))
            updates.append((to_db(due) if due else None, row["id"]))
        await self.db.execute_many("UPDATE meeting_occurrences SET next_action_at = ? WHERE id = ?", updates)
        return await self.next_wake()

    async def _load(self, occurrence_id: int) -> Occurrence | None:
        row = await self.db.fetch_one(
            f"SELECT {OCCURRENCE_COLUMNS} FROM {OCCURRENCE_FROM} WHERE o.id = ?", (occurrence_id,)
        )
        return Occurrence.from_row(row) if row else None

    async def _advance(self, occurrence_id: int, now: datetime) -> list[Fired]:
        fired: list[Fired] = []
        async with self.db.transaction():
            occurrence = await self._load(occurrence_id)
            if occurrence is None:
                return fired
            for _ in range(MAX_STEPS):
                due = next_action_at(occurrence)
                if due is None or due > now:
                    break
                actions, occurrence = await self._step(occurrence, now)
                ran = self.clock.now()
                fired += [Fired(occurrence.id, action, due, ran) for action in actions]
            due = next_action_at(occurrence)
            await self.db.execute("UPDATE meeting_occurrences SET next_action_at = ? WHERE id = ?",
                                  (to_db(due) if due else None, occurrence.id))
        return fired

    async def _step(self, o: Occurrence, now: datetime) -> tuple[list[str], Occurrence]:
        """Take the step that is due; return what was done and the occurrence as it now is in the database."""
        if not o.group_active and o.state in (OccurrenceState.SCHEDULED, OccurrenceState.AWAITING):
            # The group was archived: its meetings stop quietly (members can no longer see the channel).
            await self.db.execute(
                "UPDATE meeting_occurrences SET state = 'cancelled', cancel_reason = 'group_archived',"
                " event_rev = event_rev + 1 WHERE id = ?", (o.id,))
            if o.event_rev:
                await self.notifier.sync_event(o.guild_id, o.id, o.event_rev + 1)
            return ["group_archived"], replace(o, state=OccurrenceState.CANCELLED, cancel_reason="group_archived",
                                               event_rev=o.event_rev + 1)
        if o.state is OccurrenceState.SCHEDULED:
            actions = []
            if o.event_rev == 0 and now >= o.starts_at - EVENT_WINDOW:
                await self.db.execute("UPDATE meeting_occurrences SET event_rev = 1 WHERE id = ?", (o.id,))
                o = replace(o, event_rev=1)
                if now < o.ends_at:
                    await self.notifier.sync_event(o.guild_id, o.id, 1)
                    actions.append("event")
            reminded, o = await self._reminders(o, now)
            actions += reminded
            if now >= o.starts_at:
                action, o = await self._open_or_miss(o, now)
                actions.append(action)
            return actions, o
        if o.state is OccurrenceState.AWAITING:
            return ["no_show"], await self._no_show(o)
        if o.state is OccurrenceState.OPEN:
            return ["close"], await self._close(o, now)
        return [], o

    async def _reminders(self, o: Occurrence, now: datetime) -> tuple[list[str], Occurrence]:
        due = [m for m in REMINDER_MENU
               if (o.reminded_through is None or m < o.reminded_through)
               and o.starts_at - timedelta(minutes=m) <= now]
        if not due:
            return [], o
        await self.db.execute("UPDATE meeting_occurrences SET reminded_through = ? WHERE id = ?", (min(due), o.id))
        updated = replace(o, reminded_through=min(due))
        # Missed while offline: still useful if only a little late, and never once the meeting has begun.
        fresh = {m for m in due if now - (o.starts_at - timedelta(minutes=m)) <= REMINDER_GRACE
                 and now < o.starts_at}
        if not fresh:
            return ["reminder_skipped"], updated
        rows = await self.db.fetch_all(
            f"SELECT a.user_id, COALESCE(p.reminder_via, 'dm') AS via, COALESCE(p.reminder_offsets, '1440,15')"
            f" AS offsets, p.time_zone FROM ({ATTENDEES_SQL}) a"
            " LEFT JOIN member_prefs p ON p.guild_id = :guild AND p.user_id = a.user_id",
            {"occurrence": o.id, "series": o.series_id, "guild": o.guild_id, "group": o.group_id},
        )
        in_channel: dict[int, list[int]] = {}
        for row in rows:
            chosen = {int(x) for x in row["offsets"].split(",") if x} & fresh
            if not chosen:
                continue
            offset = min(chosen)  # one reminder per person per pass, the closest to the start
            key = f"remind:{o.id}:{to_db(o.starts_at)}:{offset}"
            if row["via"] == "channel" and o.channel_id:
                in_channel.setdefault(offset, []).append(int(row["user_id"]))
            else:
                tz = row["time_zone"] or o.time_zone
                await self.notifier.dm(
                    o.guild_id, int(row["user_id"]),
                    f"Reminder: **{o.label}** ({o.group_name}) starts in {_in(offset)}: "
                    f"{fmt_local(o.starts_at, tz)} (<t:{int(o.starts_at.timestamp())}:R>).", key=key,
                )
        for offset, users in sorted(in_channel.items()):
            assert o.channel_id is not None
            mentions = " ".join(f"<@{u}>" for u in sorted(users))
            await self.notifier.post(
                o.guild_id, o.channel_id,
                f"Reminder: **{o.label}** starts in {_in(offset)} (<t:{int(o.starts_at.timestamp())}:F>). {mentions}",
                key=f"remind:{o.id}:{to_db(o.starts_at)}:{offset}", mention_ids=tuple(sorted(users)),
            )
        return ["reminder"], updated

    async def _open_or_miss(self, o: Occurrence, now: datetime) -> tuple[str, Occurrence]:
        if now >= o.ends_at:
            # The bot was offline for the whole meeting: nothing to announce now, but leaders should know.
            await self.db.execute(
                "UPDATE meeting_occurrences SET state = 'cancelled', cancel_reason = 'missed',"
                " event_rev = event_rev + 1 WHERE id = ?", (o.id,))
            await self.alerts.send(
                o.guild_id, f"peerbot was offline during **{o.label}** ({o.group_name}, "
                f"{fmt_local(o.starts_at, o.time_zone)}), so it couldn't open the room. Sorry about that.",
                dedupe_key=f"missed:{o.id}")
            if o.event_rev:
                await self.notifier.sync_event(o.guild_id, o.id, o.event_rev + 1)
            return "missed", replace(o, state=OccurrenceState.CANCELLED, cancel_reason="missed",
                                     event_rev=o.event_rev + 1)
        await self.db.execute(
            "UPDATE meeting_occurrences SET state = 'awaiting', awaiting_since = ? WHERE id = ?",
            (to_db(now), o.id))
        await self._enqueue_opening(o)
        return "opening", replace(o, state=OccurrenceState.AWAITING, awaiting_since=now)

    async def _enqueue_opening(self, o: Occurrence) -> None:
        await self.notifier.outbox.enqueue(o.guild_id, "meeting_opening", {"occurrence_id": o.id},
                                           dedupe_key=f"opening:{o.id}")

    async def _no_show(self, o: Occurrence) -> Occurrence:
        await self.db.execute(
            "UPDATE meeting_occurrences SET state = 'cancelled', cancel_reason = 'no_facilitator',"
            " event_rev = event_rev + 1 WHERE id = ?", (o.id,))
        await self.notifier.tell_members(
            o, f"We're sorry: **{o.label}** can't go ahead today because no facilitator was able to make it. "
               "/meeting next shows the next meeting.",
            key=f"noshow:{o.id}")
        await self.alerts.send(
            o.guild_id, f"No facilitator checked in for **{o.label}** ({o.group_name}, "
            f"{fmt_local(o.starts_at, o.time_zone)}), so it was called off and members were told.",
            dedupe_key=f"noshow:{o.id}")
        await self.notifier.sync_event(o.guild_id, o.id, o.event_rev + 1)
        return replace(o, state=OccurrenceState.CANCELLED, cancel_reason="no_facilitator", event_rev=o.event_rev + 1)

    # ---- facilitator and member actions --------------------------------------------------------------
    async def check_in(self, actor: Actor, occurrence_id: int) -> Occurrence:
        """A facilitator of the meeting opens the room (from 15 minutes before the start)."""
        o = await self.series.occurrence(actor.guild_id, occurrence_id)
        await self.series.require_runner(actor, o)
        now = self.clock.now()
        if o.state is OccurrenceState.OPEN:
            raise Conflict("The room is already open. Welcome!")
        if o.state in (OccurrenceState.CLOSED, OccurrenceState.CANCELLED):
            raise Conflict("That meeting is over or was cancelled, so it can't be opened.")
        if now < o.starts_at - EARLY_CHECKIN:
            raise Conflict(f"It's a little early: you can check in from "
                           f"{fmt_local(o.starts_at - EARLY_CHECKIN, o.time_zone)}.")
        async with self.db.transaction():
            changed = await self.db.execute(
                "UPDATE meeting_occurrences SET state = 'open', checked_in_by = ?, opened_at = ?,"
                " awaiting_since = COALESCE(awaiting_since, ?), next_action_at = ?, event_rev = event_rev + 1"
                " WHERE id = ? AND state IN ('scheduled','awaiting')",
                (actor.user_id, to_db(now), to_db(now), to_db(o.ends_at + CLOSE_GRACE), o.id),
            )
            if not changed:
                raise Conflict("Someone changed this meeting just now; please try again.")
            await self._mark(o.id, actor.user_id, checked_in=now)
            if o.state is OccurrenceState.SCHEDULED:
                await self._enqueue_opening(o)
            await self._room(o, "open")
            if o.channel_id:
                await self.notifier.post(o.guild_id, o.channel_id,
                                         f"**{o.label}** has started and the room is open. Welcome, everyone.",
                                         key=f"open:{o.id}")
            await self.notifier.sync_event(o.guild_id, o.id)
        await self._refresh_open_channels()
        return await self.series.occurrence(actor.guild_id, o.id)

    async def here(self, actor: Actor, occurrence_id: int) -> Occurrence:
        """A member marks themselves present."""
        o = await self.series.occurrence(actor.guild_id, occurrence_id)
        if o.state not in (OccurrenceState.AWAITING, OccurrenceState.OPEN):
            raise Conflict("That meeting isn't running right now.")
        member = await self.series.groups.is_member(o.group_id, actor.user_id)
        if not member and actor.user_id not in await self.series.facilitator_ids(o):
            raise NotFound(f"This meeting is for members of “{o.group_name}”. /group join adds you.")
        async with self.db.transaction():
            await self._mark(o.id, actor.user_id, checked_in=self.clock.now())
        return o

    async def end(self, actor: Actor, occurrence_id: int) -> Occurrence:
        o = await self.series.occurrence(actor.guild_id, occurrence_id)
        await self.series.require_runner(actor, o)
        if o.state is not OccurrenceState.OPEN:
            raise Conflict("That meeting isn't open, so there's nothing to end.")
        async with self.db.transaction():
            await self._close(o, self.clock.now())
            await self.db.execute("UPDATE meeting_occurrences SET next_action_at = NULL WHERE id = ?", (o.id,))
        await self._refresh_open_channels()
        return await self.series.occurrence(actor.guild_id, o.id)

    async def open_in_channel(self, guild_id: int, channel_id: int) -> Occurrence | None:
        """The meeting running (open or awaiting check-in) in a group's channel, if any."""
        row = await self.db.fetch_one(
            f"SELECT {OCCURRENCE_COLUMNS} FROM {OCCURRENCE_FROM} WHERE g.channel_id = ? AND o.guild_id = ?"
            " AND o.state IN ('awaiting','open') ORDER BY o.starts_at LIMIT 1",
            (channel_id, guild_id),
        )
        return Occurrence.from_row(row) if row else None

    async def _refresh_open_channels(self) -> None:
        rows = await self.db.fetch_all(
            "SELECT DISTINCT g.channel_id FROM meeting_occurrences o JOIN groups g ON g.id = o.group_id"
            " WHERE o.state = 'open' AND g.channel_id IS NOT NULL"
        )
        self._open_channels = frozenset(int(r[0]) for r in rows)

    async def note_post(self, channel_id: int, user_id: int) -> None:
        """Attendance: this member posted in the group's channel while its meeting was open. No content kept.
        Called for every message, so it touches the database only in a channel whose meeting is open."""
        if self._open_channels is None:
            await self._refresh_open_channels()
        assert self._open_channels is not None
        if channel_id not in self._open_channels:
            return
        await self.db.execute(
            "INSERT INTO meeting_attendance (occurrence_id, user_id, posted)"
            " SELECT o.id, ?, 1 FROM meeting_occurrences o JOIN groups g ON g.id = o.group_id"
            " WHERE g.channel_id = ? AND o.state = 'open'"
            " ON CONFLICT (occurrence_id, user_id) DO UPDATE SET posted = 1",
            (user_id, channel_id),
        )

    async def _mark(self, occurrence_id: int, user_id: int, *, checked_in: datetime) -> None:
        await self.db.execute(
            "INSERT INTO meeting_attendance (occurrence_id, user_id, checked_in_at) VALUES (?, ?, ?)"
            " ON CONFLICT (occurrence_id, user_id) DO UPDATE SET"
            " checked_in_at = COALESCE(checked_in_at, excluded.checked_in_at)",
            (occurrence_id, user_id, to_db(checked_in)),
        )

    async def _close(self, o: Occurrence, now: datetime) -> Occurrence:
        await self.db.execute(
            "UPDATE meeting_occurrences SET state = 'closed', closed_at = ?, event_rev = event_rev + 1"
            " WHERE id = ?", (to_db(now), o.id))
        params = {"occurrence": o.id, "series": o.series_id, "group": o.group_id}
        await self.db.execute(
            f"INSERT INTO meeting_attendance (occurrence_id, user_id, rsvped) SELECT :occurrence, user_id, 1"
            f" FROM ({ATTENDEES_SQL}) WHERE true ON CONFLICT (occurrence_id, user_id) DO UPDATE SET rsvped = 1",
            params,
        )
        await self.db.execute(
            "UPDATE meeting_attendance SET attended = (checked_in_at IS NOT NULL OR posted = 1)"
            " WHERE occurrence_id = ?", (o.id,))
        await self._room(o, "close")
        runners = await self.series.facilitator_ids(o)
        attendees = [int(r["user_id"]) for r in await self.db.fetch_all(
            "SELECT user_id FROM meeting_attendance WHERE occurrence_id = ? AND attended = 1 ORDER BY user_id",
            (o.id,))]
        if o.channel_id:
            await self.notifier.post(
                o.guild_id, o.channel_id,
                f"**{o.label}** has ended. Thank you for being here today. What is shared in the meeting stays "
                f"in the meeting. Those who came will get a short, anonymous feedback question by DM.",
                key=f"wrapup:{o.id}")
        for user_id in attendees:
            if user_id in runners:
                continue
            await self.db.execute(
                "INSERT OR IGNORE INTO feedback_invites (occurrence_id, user_id) VALUES (?, ?)", (o.id, user_id))
            await self.notifier.outbox.enqueue(
                o.guild_id, "feedback_prompt", {"occurrence_id": o.id, "user_id": user_id},
                dedupe_key=f"feedback:{o.id}:{user_id}", subject_id=user_id)
        await self.notifier.sync_event(o.guild_id, o.id, o.event_rev + 1)
        return replace(o, state=OccurrenceState.CLOSED, event_rev=o.event_rev + 1)

    async def _room(self, o: Occurrence, change: str) -> None:
        await self.notifier.outbox.enqueue(o.guild_id, "room_sync", {"group_id": o.group_id},
                                           dedupe_key=f"room:{o.id}:{change}")

    # ---- rooms ---------------------------------------------------------------------------------------
    async def room_state(self, group_id: int) -> RoomState | None:
        """What the group's channel should allow right now; the room handler applies it, so a late or
        repeated delivery still leaves the room as the database says."""
        row = await self.db.fetch_one(
            "SELECT channel_id, voice_channel_id, role_id, mode, EXISTS (SELECT 1 FROM meeting_occurrences o"
            " WHERE o.group_id = g.id AND o.state = 'open') AS open FROM groups g WHERE g.id = ?"
            " AND g.status = 'active'",
            (group_id,),
        )
        if row is None:
            return None
        return RoomState(row["channel_id"], row["voice_channel_id"], row["role_id"], row["mode"] == "meeting_only",
                         bool(row["open"]))

    async def reconcile_rooms(self) -> int:
        """At start-up: set every meeting-only room as the database says, whatever happened while down."""
        rows = await self.db.fetch_all(
            "SELECT id, guild_id FROM groups WHERE status = 'active' AND mode = 'meeting_only'"
        )
        stamp = to_db(self.clock.now())
        async with self.db.transaction():
            for row in rows:
                await self.notifier.outbox.enqueue(row["guild_id"], "room_sync", {"group_id": row["id"]},
                                                   dedupe_key=f"room:group:{row['id']}:start:{stamp}")
        return len(rows)

    # ---- the opening post and the Discord event ------------------------------------------------------
    async def opening(self, occurrence_id: int) -> tuple[Occurrence, str] | None:
        o = await self._load(occurrence_id)
        if o is None:
            return None
        agenda = await self.db.fetch_value("SELECT agenda FROM meeting_series WHERE id = ?", (o.series_id,))
        return o, str(agenda or "")

    async def event_spec(self, occurrence_id: int) -> dict[str, Any] | None:
        row = await self.db.fetch_one(
            f"SELECT {OCCURRENCE_COLUMNS}, s.agenda, g.voice_channel_id FROM {OCCURRENCE_FROM} WHERE o.id = ?",
            (occurrence_id,),
        )
        if row is None:
            return None
        o = Occurrence.from_row(row)
        status = {"scheduled": "scheduled", "awaiting": "scheduled", "open": "active", "closed": "completed",
                  "cancelled": "cancelled"}[o.state.value]
        return {"occurrence": o, "status": status, "agenda": row["agenda"],
                "voice_channel_id": row["voice_channel_id"]}

    async def record_event(self, occurrence_id: int, event_id: int | None) -> None:
        await self.db.execute("UPDATE meeting_occurrences SET event_id = ? WHERE id = ?", (event_id, occurrence_id))

    # ---- feedback ------------------------------------------------------------------------------------
    async def submit_feedback(self, user_id: int, occurrence_id: int, rating: int, comment: str | None) -> None:
        """Anonymous: the answer is stored without the member's id; the invite only stops a second answer."""
        if not 1 <= rating <= 5:
            raise InvalidInput("Please choose a rating from 1 to 5.")
        text = clean_text(comment, field="comment", max_len=1000, multiline=True) if comment and \
            comment.strip() else None
        async with self.db.transaction():
            used = await self.db.execute(
                "UPDATE feedback_invites SET answered = 1 WHERE occurrence_id = ? AND user_id = ? AND answered = 0",
                (occurrence_id, user_id),
            )
            if not used:
                raise Conflict("You've already answered for this meeting, or it wasn't one you attended. "
                               "Thank you!")
            group_id = await self.db.fetch_value(
                "SELECT group_id FROM meeting_occurrences WHERE id = ?", (occurrence_id,))
            await self.db.execute(
                "INSERT INTO meeting_feedback (occurrence_id, group_id, rating, comment, created_on)"
                " VALUES (?, ?, ?, ?, ?)",
                (occurrence_id, group_id, rating, text, self.clock.now().date().isoformat()),
            )

    async def attendance(self, actor: Actor, occurrence_id: int) -> dict[str, Any]:
        """For the meeting's facilitators and leaders: who came, who posted, who said they would but didn't."""
        o = await self.series.occurrence(actor.guild_id, occurrence_id)
        await self.series.require_manager(actor, o)
        rows = await self.db.fetch_all(
            "SELECT user_id, checked_in_at IS NOT NULL AS checked_in, posted, rsvped, attended"
            " FROM meeting_attendance WHERE occurrence_id = ? ORDER BY user_id",
            (o.id,),
        )
        feedback = await self.db.fetch_one(
            "SELECT COUNT(*) AS n, AVG(rating) AS mean FROM meeting_feedback WHERE occurrence_id = ?", (o.id,))
        return {
            "occurrence": o,
            "checked_in": [r["user_id"] for r in rows if r["checked_in"]],
            "posted": [r["user_id"] for r in rows if r["posted"]],
            "no_show_rsvps": [r["user_id"] for r in rows if r["rsvped"] and not r["attended"]],
            "attended": sum(1 for r in rows if r["attended"]),
            "feedback_count": feedback["n"] if feedback else 0,
            "feedback_mean": feedback["mean"] if feedback else None,
        }
