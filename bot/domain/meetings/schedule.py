"""Scheduling: series and one-off meetings for a group, their occurrences, and changes to single meetings.

A series is stored as its rule (local start, zone, RRULE); occurrences are materialized as rows up to a
horizon ahead, which a periodic pass extends. A row per meeting lets one meeting move, be cancelled, change
facilitator, or collect RSVPs without touching the rule.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from bot.clock import Clock, from_db, to_db
from bot.domain.assignment import AssignmentService
from bot.domain.facilitator import FacilitatorService
from bot.domain.group import GroupService
from bot.domain.meetings.calendar import group_calendar
from bot.domain.meetings.model import (
    HORIZON,
    OCCURRENCE_COLUMNS,
    OCCURRENCE_FROM,
    Occurrence,
    OccurrenceState,
    Series,
    next_action_at,
)
from bot.domain.meetings.notify import Notifier
from bot.domain.meetings.recurrence import (
    RecurrenceSpec,
    Repeat,
    Schedule,
    build_schedule,
    exists,
    localize,
    overlaps,
    parse_date,
    parse_time,
    within_reach,
    zone,
)
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text
from bot.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from bot.storage.db import Database

OVERLAP_WINDOW = timedelta(days=366 * 2)
MAX_SESSIONS = 52
MAX_COURSE_CAP = 1000
RULE_CHECK_SECONDS = 2.0


@dataclass(frozen=True)
class SeriesDraft:
    title: str
    day: str  # YYYY-MM-DD, local
    at: str  # HH:MM, local
    time_zone: str
    duration_minutes: int
    recurrence: RecurrenceSpec = field(default_factory=RecurrenceSpec)
    agenda: str = ""
    facilitator_id: int | None = None  # defaults to the person scheduling
    co_facilitator_ids: tuple[int, ...] = ()
    syllabus: tuple[str, ...] = ()  # non-empty: a course, one weekly session per title
    capacity: int | None = None  # courses: the enrollment cap


def fmt_local(instant: datetime, tz_name: str) -> str:
    local = instant.astimezone(zone(tz_name))
    return f"{local:%a} {local.day} {local:%b %Y}, {local:%H:%M} {local.tzname()}"


async def _validated(tz_name: str, day: date, at: time, minutes: int, spec: RecurrenceSpec, *,
                     now: datetime) -> Schedule:
    """build_schedule off the event loop: a rule that matches nothing makes dateutil search to the year 9999,
    which takes seconds. Past the time limit the person is told, and the bot keeps answering others."""
    try:
        return await asyncio.wait_for(
            asyncio.to_thread(build_schedule, tz_name, day, at, minutes, spec, now=now), RULE_CHECK_SECONDS
        )
    except TimeoutError:
        raise InvalidInput("That rule gives no meetings in the next two years (or takes too long to work out). "
                           "Please check it, or use the weekly or monthly options.") from None


def _occurrence_rows(series: Series, until: datetime, last: tuple[int, str | None]) -> list[tuple[object, ...]]:
    """Rows for the series' occurrences after its last one (seq, original start) and before `until`."""
    seq, original = last
    schedule = Schedule(series.time_zone, series.dtstart_local, series.duration, series.rrule)
    start = from_db(original) + timedelta(seconds=1) if original else localize(series.dtstart_local, schedule.tz)
    rows: list[tuple[object, ...]] = []
    for _, instant in schedule.between(start, until, limit=5000):
        seq += 1
        occurrence = Occurrence(
            id=0, series_id=series.id, guild_id=series.guild_id, group_id=series.group_id, seq=seq,
            starts_at=instant, ends_at=instant + series.duration, facilitator_id=series.lead_id,
            state=OccurrenceState.SCHEDULED, cancel_reason=None, reminded_through=None, awaiting_since=None,
            checked_in_by=None, event_id=None, event_rev=0,
        )
        due = next_action_at(occurrence)
        rows.append((series.id, series.guild_id, series.group_id, seq, to_db(instant), to_db(instant),
                     to_db(occurrence.ends_at), series.lead_id, to_db(due) if due else None))
    return rows


class SeriesService:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, groups: GroupService,
                 facilitators: FacilitatorService, notifier: Notifier, assignments: AssignmentService) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.groups = groups
        self.facilitators = facilitators
        self.notifier = notifier
        self.assignments = assignments

    # ---- scheduling ----------------------------------------------------------------------------------
    async def schedule(self, actor: Actor, group_name: str, draft: SeriesDraft) -> tuple[Series, list[Occurrence]]:
        group = await self.groups.get(actor.guild_id, group_name)
        if group.status != "active":
            raise Conflict(f"“{group.name}” is archived, so it can't hold meetings.")
        lead_id = await self._lead_for(actor, draft.facilitator_id)
        co_ids = tuple(dict.fromkeys(i for i in draft.co_facilitator_ids if i != lead_id))
        for user_id in (lead_id, *co_ids):
            if user_id != lead_id:
                await self.facilitators.require_active(actor.guild_id, user_id, you=user_id == actor.user_id)
            await self.assignments.require_assigned(group.id, user_id, you=user_id == actor.user_id)
        title = clean_text(draft.title, field="meeting title", max_len=100)
        agenda = clean_text(draft.agenda, field="agenda", max_len=1500, min_len=0, multiline=True)
        syllabus = [clean_text(t, field="session title", max_len=100) for t in draft.syllabus]
        recurrence = draft.recurrence
        if syllabus:
            if len(syllabus) > MAX_SESSIONS:
                raise InvalidInput(f"A course can have up to {MAX_SESSIONS} sessions.")
            if draft.capacity is not None and not 1 <= draft.capacity <= MAX_COURSE_CAP:
                raise InvalidInput(f"The enrollment cap must be between 1 and {MAX_COURSE_CAP}.")
            recurrence = RecurrenceSpec(Repeat.WEEKLY, every=recurrence.every, count=len(syllabus))
        elif draft.capacity is not None:
            raise InvalidInput("An enrollment cap is for courses; add a syllabus to make this a course.")
        schedule = await _validated(draft.time_zone, parse_date(draft.day), parse_time(draft.at),
                                    draft.duration_minutes, recurrence, now=self.clock.now())
        async with self.db.transaction():
            # Again inside the transaction, so an unassignment at the same moment can't be overtaken.
            for user_id in (lead_id, *co_ids):
                await self.assignments.require_assigned(group.id, user_id, you=user_id == actor.user_id)
            await self._check_overlap(group.id, schedule)
            now = self.clock.now()
            series_id = await self.db.execute(
                "INSERT INTO meeting_series (guild_id, group_id, kind, title, time_zone, dtstart_local,"
                " duration_min, rrule, agenda, lead_id, capacity, syllabus, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (actor.guild_id, group.id, "course" if syllabus else "meeting", title, schedule.tz_name,
                 schedule.dtstart.isoformat(timespec="minutes"), int(schedule.duration.total_seconds() // 60),
                 schedule.rule, agenda, lead_id, draft.capacity, json.dumps(syllabus) if syllabus else None,
                 actor.user_id, to_db(now)),
            )
            for user_id in (lead_id, *co_ids):
                await self.db.execute(
                    "INSERT INTO series_facilitators (series_id, user_id) VALUES (?, ?)", (series_id, user_id)
                )
                await self.notifier.facilitator_access(actor.guild_id, group.id, user_id, grant=True,
                                                       key=f"series:{series_id}")
            series = await self.series(actor.guild_id, series_id)
            await self._materialize(series, now + HORIZON)
        return series, await self.upcoming_of_series(series_id, limit=5)

    async def _lead_for(self, actor: Actor, facilitator_id: int | None) -> int:
        """A leader schedules for any active facilitator; a facilitator schedules only for themselves."""
        lead_id = facilitator_id or actor.user_id
        if await self.roles.has(actor, PeerRole.LEADER):
            await self.facilitators.require_active(actor.guild_id, lead_id, you=lead_id == actor.user_id)
            return lead_id
        if lead_id != actor.user_id:
            raise PermissionDenied("Only a programme leader can schedule a meeting for someone else.")
        await self.facilitators.require_active(actor.guild_id, actor.user_id)
        return lead_id

    async def _check_overlap(self, group_id: int, schedule: Schedule, skip_occurrence: int | None = None) -> None:
        first = localize(schedule.dtstart, schedule.tz)
        window_end = first + OVERLAP_WINDOW
        new = [(s, s + schedule.duration) for _, s in schedule.between(first, window_end, limit=400)]
        existing: list[tuple[datetime, datetime]] = []
        rows = await self.db.fetch_all(
            "SELECT starts_at, ends_at FROM meeting_occurrences WHERE group_id = ? AND state != 'cancelled'"
            " AND ends_at > ? AND starts_at < ? AND id IS NOT ?",
            (group_id, to_db(first), to_db(window_end), skip_occurrence),
        )
        existing += [(from_db(r["starts_at"]), from_db(r["ends_at"])) for r in rows]
        # Beyond the materialized horizon, expand the other series' rules.
        for row in await self.db.fetch_all(
            "SELECT * FROM meeting_series WHERE group_id = ? AND status = 'active'", (group_id,)
        ):
            other = Series.from_row(row)
            horizon = from_db(row["materialized_until"]) if row["materialized_until"] else first
            rule = Schedule(other.time_zone, other.dtstart_local, other.duration, other.rrule)
            existing += [(s, s + other.duration) for _, s in rule.between(max(horizon, first), window_end, 400)]
        clash = overlaps(new, existing)
        if clash:
            raise Conflict(f"That would overlap another meeting of this group on "
                           f"{fmt_local(clash[0], schedule.tz_name)}. Please choose another time.")

    _INSERT_OCCURRENCE = (
        "INSERT OR IGNORE INTO meeting_occurrences (series_id, guild_id, group_id, seq, original_start,"
        " starts_at, ends_at, facilitator_id, next_action_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )

    async def _materialize(self, series: Series, until: datetime) -> int:
        """Create a new series' occurrence rows up to `until`. Call inside a transaction."""
        rows = _occurrence_rows(series, until, (0, None))
        await self.db.execute_many(self._INSERT_OCCURRENCE, rows)
        await self.db.execute(
            "UPDATE meeting_series SET materialized_until = ? WHERE id = ?", (to_db(until), series.id)
        )
        return len(rows)

    async def extend_horizons(self, batch: int = 200) -> int:
        """Periodic, and soon after start-up: keep every active series materialized a horizon ahead. Safe to
        repeat or interrupt: rows are keyed by (series, original start) and each chunk is one transaction."""
        until = self.clock.now() + HORIZON
        due = await self.db.fetch_all(
            "SELECT * FROM meeting_series WHERE status = 'active' AND rrule IS NOT NULL"  # one-offs exist already
            " AND (materialized_until IS NULL OR materialized_until < ?)",
            (to_db(until - timedelta(days=1)),),
        )
        made = 0
        for first in range(0, len(due), batch):
            chunk = due[first:first + batch]
            ids = [row["id"] for row in chunk]
            async with self.db.transaction():
                known = {r[0]: (int(r[1]), r[2]) for r in await self.db.fetch_all(
                    "SELECT series_id, MAX(seq), MAX(original_start) FROM meeting_occurrences"
                    f" WHERE series_id IN ({','.join('?' * len(ids))}) GROUP BY series_id", ids)}
                rows = [r for row in chunk
                        for r in _occurrence_rows(Series.from_row(row), until, known.get(row["id"], (0, None)))]
                await self.db.execute_many(self._INSERT_OCCURRENCE, rows)
                await self.db.execute_many("UPDATE meeting_series SET materialized_until = ? WHERE id = ?",
                                           [(to_db(until), series_id) for series_id in ids])
            made += len(rows)
        return made

    # ---- reading -------------------------------------------------------------------------------------
    async def series(self, guild_id: int, series_id: int) -> Series:
        row = await self.db.fetch_one(
            "SELECT * FROM meeting_series WHERE id = ? AND guild_id = ?", (series_id, guild_id)
        )
        if row is None:
            raise NotFound("I couldn't find that meeting series here.")
        return Series.from_row(row)

    async def occurrence(self, guild_id: int, occurrence_id: int) -> Occurrence:
        row = await self.db.fetch_one(
            f"SELECT {OCCURRENCE_COLUMNS} FROM {OCCURRENCE_FROM} WHERE o.id = ? AND o.guild_id = ?",
            (occurrence_id, guild_id),
        )
        if row is None:
            raise NotFound("I couldn't find that meeting. /meeting next lists the upcoming ones.")
        return Occurrence.from_row(row)

    async def upcoming_of_series(self, series_id: int, limit: int = 10) -> list[Occurrence]:
        rows = await self.db.fetch_all(
            f"SELECT {OCCURRENCE_COLUMNS} FROM {OCCURRENCE_FROM} WHERE o.series_id = ? AND o.ends_at > ?"
            " AND o.state NOT IN ('closed','cancelled') ORDER BY o.starts_at LIMIT ?",
            (series_id, to_db(self.clock.now()), limit),
        )
        return [Occurrence.from_row(r) for r in rows]

    async def upcoming(self, guild_id: int, *, group_id: int | None = None, user_id: int | None = None,
                       limit: int = 10, include_cancelled: bool = False) -> list[Occurrence]:
        """Upcoming meetings of one group, or of every group the member belongs to (or runs)."""
        where = ["o.guild_id = ?", "o.ends_at > ?"]
        params: list[object] = [guild_id, to_db(self.clock.now())]
        if not include_cancelled:
            where.append("o.state != 'cancelled'")
        where.append("o.state != 'closed'")
        if group_id is not None:
            where.append("o.group_id = ?")
            params.append(group_id)
        elif user_id is not None:
            where.append("(o.group_id IN (SELECT group_id FROM group_members WHERE user_id = ?)"
                         " OR o.series_id IN (SELECT series_id FROM series_facilitators WHERE user_id = ?)"
                         " OR o.facilitator_id = ?)")
            params += [user_id, user_id, user_id]
        rows = await self.db.fetch_all(
            f"SELECT {OCCURRENCE_COLUMNS} FROM {OCCURRENCE_FROM} WHERE {' AND '.join(where)}"
            " ORDER BY o.starts_at LIMIT ?",
            (*params, limit),
        )
        return [Occurrence.from_row(r) for r in rows]

    async def recent(self, guild_id: int, *, user_id: int | None = None, days: int = 30) -> list[Occurrence]:
        """Meetings that ended in the last `days` (for attendance): all, or those the member ran."""
        rows = await self.db.fetch_all(
            f"SELECT {OCCURRENCE_COLUMNS} FROM {OCCURRENCE_FROM} WHERE o.guild_id = ? AND o.state = 'closed'"
            " AND o.starts_at > ? AND (? IS NULL OR o.checked_in_by = ? OR o.facilitator_id = ?)"
            " ORDER BY o.starts_at DESC LIMIT 25",
            (guild_id, to_db(self.clock.now() - timedelta(days=days)), user_id, user_id, user_id),
        )
        return [Occurrence.from_row(r) for r in rows]

    async def cover_request(self, request_id: int) -> tuple[int, int] | None:
        """(occurrence id, who asked) for a cover request still waiting for someone, else None."""
        row = await self.db.fetch_one(
            "SELECT occurrence_id, requested_by FROM cover_requests WHERE id = ? AND taken_by IS NULL", (request_id,)
        )
        return (int(row["occurrence_id"]), int(row["requested_by"])) if row else None

    async def calendar(self, group_id: int, group_name: str) -> bytes:
        return await group_calendar(self.db, group_id, group_name, self.clock.now())

    async def facilitator_ids(self, occurrence: Occurrence) -> set[int]:
        """Who may run this meeting: whoever holds it now, and the series' co-facilitators."""
        rows = await self.db.fetch_all(
            "SELECT user_id FROM series_facilitators WHERE series_id = ?", (occurrence.series_id,)
        )
        return {int(r["user_id"]) for r in rows} | {occurrence.facilitator_id}

    async def require_runner(self, actor: Actor, occurrence: Occurrence) -> None:
        """Only an active, certified facilitator of this meeting, assigned to its group, may run it."""
        if actor.user_id not in await self.facilitator_ids(occurrence):
            raise PermissionDenied("Only a facilitator of this meeting can do that.")
        await self.facilitators.require_active(actor.guild_id, actor.user_id)
        await self.assignments.require_assigned(occurrence.group_id, actor.user_id)

    async def require_manager(self, actor: Actor, occurrence: Occurrence) -> None:
        """A programme leader, or a facilitator of the meeting, may change it."""
        if await self.roles.has(actor, PeerRole.LEADER):
            return
        await self.require_runner(actor, occurrence)

    # ---- changing one meeting ------------------------------------------------------------------------
    async def cancel(self, actor: Actor, occurrence_id: int, note: str | None = None) -> Occurrence:
        occurrence = await self.occurrence(actor.guild_id, occurrence_id)
        await self.require_manager(actor, occurrence)
        note = clean_text(note, field="note", max_len=300) if note else None
        async with self.db.transaction():
            changed = await self.db.execute(
                "UPDATE meeting_occurrences SET state = 'cancelled', cancel_reason = 'skipped',"
                " next_action_at = NULL, event_rev = event_rev + 1 WHERE id = ? AND state IN ('scheduled','awaiting')",
                (occurrence.id,),
            )
            if not changed:
                raise Conflict("That meeting has already started, finished or been cancelled.")
            text = (f"**{occurrence.label}** on {fmt_local(occurrence.starts_at, occurrence.time_zone)} "
                    f"is cancelled." + (f" {note}" if note else "") + " /meeting next shows the next one.")
            await self.notifier.tell_members(occurrence, text, key=f"cancel:{occurrence.id}")
            await self.notifier.sync_event(occurrence.guild_id, occurrence.id)
        return await self.occurrence(actor.guild_id, occurrence.id)

    async def move(self, actor: Actor, occurrence_id: int, day: str, at: str) -> Occurrence:
        """Move one meeting to a new local date and time in its own zone; reminders follow it."""
        occurrence = await self.occurrence(actor.guild_id, occurrence_id)
        await self.require_manager(actor, occurrence)
        if occurrence.state is not OccurrenceState.SCHEDULED:
            raise Conflict("Only a meeting that hasn't started yet can be moved.")
        tz = zone(occurrence.time_zone)
        local = datetime.combine(parse_date(day), parse_time(at))
        within_reach(local, self.clock.now())
        if not exists(local, tz):
            raise InvalidInput(f"{local:%H:%M} on {local:%d %B %Y} doesn't exist in {tz.key}: the clocks go "
                               "forward then. Please pick another time.")
        starts = localize(local, tz)
        if starts <= self.clock.now():
            raise InvalidInput("That time has already passed. Please choose a time in the future.")
        ends = starts + (occurrence.ends_at - occurrence.starts_at)
        async with self.db.transaction():
            clash = await self.db.fetch_value(
                "SELECT starts_at FROM meeting_occurrences WHERE group_id = ? AND id != ? AND state != 'cancelled'"
                " AND starts_at < ? AND ends_at > ? LIMIT 1",
                (occurrence.group_id, occurrence.id, to_db(ends), to_db(starts)),
            )
            if clash:
                raise Conflict(f"That would overlap another meeting of this group on "
                               f"{fmt_local(from_db(clash), occurrence.time_zone)}.")
            moved = Occurrence(**{**occurrence.__dict__, "starts_at": starts, "ends_at": ends,
                                  "reminded_through": None, "event_rev": occurrence.event_rev + 1})
            due = next_action_at(moved)
            await self.db.execute(
                "UPDATE meeting_occurrences SET starts_at = ?, ends_at = ?, reminded_through = NULL,"
                " event_rev = event_rev + 1, next_action_at = ? WHERE id = ? AND state = 'scheduled'",
                (to_db(starts), to_db(ends), to_db(due) if due else None, occurrence.id),
            )
            await self.notifier.tell_members(
                moved, f"**{occurrence.label}** has moved from {fmt_local(occurrence.starts_at, occurrence.time_zone)}"
                f" to {fmt_local(starts, occurrence.time_zone)}.", key=f"move:{occurrence.id}:{to_db(starts)}",
            )
            if occurrence.event_rev:
                await self.notifier.sync_event(occurrence.guild_id, occurrence.id)
        return await self.occurrence(actor.guild_id, occurrence.id)

    async def set_agenda(self, actor: Actor, series_id: int, agenda: str) -> Series:
        series = await self.series(actor.guild_id, series_id)
        upcoming = await self.upcoming_of_series(series.id, limit=1)
        if not await self.roles.has(actor, PeerRole.LEADER):
            if upcoming:
                await self.require_runner(actor, upcoming[0])
            else:
                raise PermissionDenied("Only a programme leader can change a finished series.")
        text = clean_text(agenda, field="agenda", max_len=1500, min_len=0, multiline=True)
        await self.db.execute("UPDATE meeting_series SET agenda = ? WHERE id = ?", (text, series.id))
        return await self.series(actor.guild_id, series.id)

    async def end_series(self, actor: Actor, series_id: int) -> int:
        """Stop a series: every meeting that hasn't started is cancelled, and members are told once."""
        await self.roles.require(actor, PeerRole.LEADER)
        series = await self.series(actor.guild_id, series_id)
        async with self.db.transaction():
            ids = [int(r["id"]) for r in await self.db.fetch_all(
                "SELECT id FROM meeting_occurrences WHERE series_id = ? AND state = 'scheduled'", (series.id,)
            )]
            await self.db.execute(
                "UPDATE meeting_occurrences SET state = 'cancelled', cancel_reason = 'series_ended',"
                " next_action_at = NULL, event_rev = event_rev + 1 WHERE series_id = ? AND state = 'scheduled'",
                (series.id,),
            )
            await self.db.execute("UPDATE meeting_series SET status = 'ended' WHERE id = ?", (series.id,))
            for occurrence_id in ids:
                await self.notifier.sync_event(series.guild_id, occurrence_id)
            group = await self.db.fetch_one("SELECT channel_id FROM groups WHERE id = ?", (series.group_id,))
            if group and group["channel_id"]:
                await self.notifier.post(series.guild_id, group["channel_id"],
                                         f"The meeting series **{series.title}** has ended. Thank you to everyone "
                                         "who came.", key=f"series_end:{series.id}")
        return len(ids)

    async def hand_over(self, actor: Actor, occurrence_id: int, user_id: int) -> Series:
        """A leader gives the series of a meeting to a facilitator assigned to its group: they lead it, and
        every upcoming meeting whose facilitator can no longer run it (unassigned, or the old lead) is theirs."""
        await self.roles.require(actor, PeerRole.LEADER)
        occurrence = await self.occurrence(actor.guild_id, occurrence_id)
        series = await self.series(actor.guild_id, occurrence.series_id)
        if series.status != "active":
            raise Conflict("That series has ended.")
        await self.facilitators.require_active(actor.guild_id, user_id, you=user_id == actor.user_id)
        async with self.db.transaction():
            await self.assignments.require_assigned(series.group_id, user_id, you=user_id == actor.user_id)
            assigned = set(await self.assignments.assigned(series.group_id))
            await self.db.execute("UPDATE meeting_series SET lead_id = ? WHERE id = ?", (user_id, series.id))
            await self.db.execute("INSERT OR IGNORE INTO series_facilitators (series_id, user_id) VALUES (?, ?)",
                                  (series.id, user_id))
            await self.db.execute(
                "UPDATE meeting_occurrences SET facilitator_id = ? WHERE series_id = ? AND state = 'scheduled'"
                f" AND (facilitator_id = ? OR facilitator_id NOT IN ({','.join('?' * len(assigned))}))",
                (user_id, series.id, series.lead_id, *sorted(assigned)))
            await self.notifier.facilitator_access(actor.guild_id, series.group_id, user_id, grant=True,
                                                   key=f"handover:{series.id}:{user_id}:{to_db(self.clock.now())}")
            await self.notifier.dm(actor.guild_id, user_id,
                                   f"A programme leader has given you the meeting series **{series.title}**. "
                                   "/meeting next shows its meetings.",
                                   key=f"handover:{series.id}:{to_db(self.clock.now())}")
        return await self.series(actor.guild_id, series.id)

    # ---- cover ---------------------------------------------------------------------------------------
    async def request_cover(self, actor: Actor, occurrence_id: int) -> int:
        """Ask the group's other certified facilitators to take a meeting; returns how many were asked."""
        occurrence = await self.occurrence(actor.guild_id, occurrence_id)
        if actor.user_id != occurrence.facilitator_id:
            raise PermissionDenied("Only the facilitator running a meeting can ask for cover for it.")
        if occurrence.state is not OccurrenceState.SCHEDULED:
            raise Conflict("Cover can only be found for a meeting that hasn't started yet.")
        now = self.clock.now()
        active = {f.user_id for f in await self.facilitators.list(actor.guild_id) if f.active_at(now)}
        candidates = [u for u in await self.assignments.assigned(occurrence.group_id)
                      if u != actor.user_id and u in active]
        if not candidates:
            raise NotFound("This group has no other certified facilitator to ask. Please tell your programme "
                           "leader, or cancel the meeting with /meeting cancel.")
        async with self.db.transaction():
            if await self.db.fetch_value(
                "SELECT 1 FROM cover_requests WHERE occurrence_id = ? AND taken_by IS NULL", (occurrence.id,)
            ):
                raise Conflict("Cover has already been requested for this meeting; I'll tell you when someone "
                               "takes it.")
            request_id = await self.db.execute(
                "INSERT INTO cover_requests (occurrence_id, requested_by, requested_at) VALUES (?, ?, ?)",
                (occurrence.id, actor.user_id, to_db(self.clock.now())),
            )
            for user_id in candidates:
                await self.notifier.cover_ask(occurrence, request_id, user_id)
        return len(candidates)

    async def take_cover(self, actor: Actor, request_id: int) -> Occurrence:
        """The first certified facilitator to accept takes the meeting; later clicks are told kindly."""
        row = await self.db.fetch_one(
            "SELECT c.*, o.guild_id FROM cover_requests c JOIN meeting_occurrences o ON o.id = c.occurrence_id"
            " WHERE c.id = ?",
            (request_id,),
        )
        if row is None or row["guild_id"] != actor.guild_id:
            raise NotFound("That cover request no longer exists.")
        await self.facilitators.require_active(actor.guild_id, actor.user_id)
        if row["requested_by"] == actor.user_id:
            raise Conflict("You asked for this cover yourself.")
        async with self.db.transaction():
            group_id = await self.db.fetch_value("SELECT group_id FROM meeting_occurrences WHERE id = ?",
                                                 (row["occurrence_id"],))
            if not await self.assignments.is_assigned(group_id, actor.user_id):
                raise PermissionDenied("Only the group's own facilitators (those assigned to it) can cover its "
                                       "meetings.")
            taken = await self.db.execute(
                "UPDATE cover_requests SET taken_by = ?, taken_at = ? WHERE id = ? AND taken_by IS NULL",
                (actor.user_id, to_db(self.clock.now()), request_id),
            )
            if not taken:
                raise Conflict("Someone else has already taken this meeting. Thank you for offering.")
            moved = await self.db.execute(
                "UPDATE meeting_occurrences SET facilitator_id = ? WHERE id = ? AND state = 'scheduled'",
                (actor.user_id, row["occurrence_id"]),
            )
            if not moved:
                raise Conflict("That meeting has already started or been cancelled.")
            occurrence = await self.occurrence(actor.guild_id, row["occurrence_id"])
            await self.notifier.facilitator_access(actor.guild_id, occurrence.group_id, actor.user_id, grant=True,
                                                   key=f"cover:{request_id}")
            await self.notifier.dm(
                actor.guild_id, row["requested_by"],
                f"Good news: <@{actor.user_id}> will cover **{occurrence.label}** on "
                f"{fmt_local(occurrence.starts_at, occurrence.time_zone)}.", key=f"cover_taken:{request_id}",
            )
        return occurrence
