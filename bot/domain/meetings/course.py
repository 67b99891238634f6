"""Courses: a fixed run of weekly sessions with a syllabus, an enrollment cap and a waitlist.

Enrollment closes when the first session starts. A place that frees up before then goes to the first person
on the waitlist. A member completes the course by attending at least three quarters of the sessions that were
held; the figure is computed from attendance, never stored twice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.clock import Clock, from_db, to_db
from bot.domain.meetings.notify import Notifier
from bot.domain.meetings.schedule import SeriesService, fmt_local
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.errors import Conflict, NotFound, PermissionDenied
from bot.storage.db import Database

COMPLETION_SHARE = 0.75


class Enrollment(StrEnum):
    ENROLLED = "enrolled"
    WAITLISTED = "waitlisted"


@dataclass(frozen=True)
class EnrollResult:
    state: Enrollment
    position: int | None = None  # on the waitlist


@dataclass(frozen=True)
class Progress:
    user_id: int
    attended: int
    held: int
    total: int
    completed: bool | None  # None while the course is still running


class CourseService:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, series: SeriesService,
                 notifier: Notifier) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.series = series
        self.notifier = notifier

    async def _course(self, guild_id: int, series_id: int) -> tuple[int, str, int | None, int]:
        row = await self.db.fetch_one(
            "SELECT s.id, s.title, s.capacity, s.group_id, MIN(o.starts_at) AS first FROM meeting_series s"
            " LEFT JOIN meeting_occurrences o ON o.series_id = s.id WHERE s.id = ? AND s.guild_id = ?"
            " AND s.kind = 'course' AND s.status = 'active' GROUP BY s.id",
            (series_id, guild_id),
        )
        if row is None:
            raise NotFound("I couldn't find that course. /meeting next lists what's coming up.")
        if row["first"] is None or from_db(row["first"]) <= self.clock.now():
            raise Conflict(f"Enrollment for “{row['title']}” closed when its first session began.")
        return int(row["id"]), str(row["title"]), row["capacity"], int(row["group_id"])

    async def active(self, guild_id: int) -> list[tuple[int, str, str]]:
        """(series id, title, group name) of every active course in the server."""
        rows = await self.db.fetch_all(
            "SELECT s.id, s.title, g.name FROM meeting_series s JOIN groups g ON g.id = s.group_id"
            " WHERE s.guild_id = ? AND s.kind = 'course' AND s.status = 'active' ORDER BY s.id DESC",
            (guild_id,),
        )
        return [(int(r["id"]), str(r["title"]), str(r["name"])) for r in rows]

    async def enroll(self, actor: Actor, series_id: int) -> EnrollResult:
        series_id, title, capacity, group_id = await self._course(actor.guild_id, series_id)
        if not await self.series.groups.is_member(group_id, actor.user_id):
            raise NotFound("Please join the course's group first (/group join), then enroll.")
        async with self.db.transaction():
            state = await self.db.fetch_value(
                "SELECT state FROM course_enrollments WHERE series_id = ? AND user_id = ?", (series_id, actor.user_id))
            if state == Enrollment.ENROLLED:
                raise Conflict(f"You're already enrolled in “{title}”.")
            if state == Enrollment.WAITLISTED:
                return EnrollResult(Enrollment.WAITLISTED, await self._position(series_id, actor.user_id))
            enrolled = int(await self.db.fetch_value(
                "SELECT COUNT(*) FROM course_enrollments WHERE series_id = ? AND state = 'enrolled'", (series_id,)))
            result = Enrollment.ENROLLED if capacity is None or enrolled < capacity else Enrollment.WAITLISTED
            await self.db.execute(
                "INSERT INTO course_enrollments (series_id, user_id, state, enrolled_at) VALUES (?, ?, ?, ?)",
                (series_id, actor.user_id, result.value, to_db(self.clock.now())))
        if result is Enrollment.WAITLISTED:
            return EnrollResult(result, await self._position(series_id, actor.user_id))
        return EnrollResult(result)

    async def withdraw(self, actor: Actor, series_id: int) -> None:
        row = await self.db.fetch_one(
            "SELECT e.state, s.title, s.guild_id FROM course_enrollments e JOIN meeting_series s"
            " ON s.id = e.series_id WHERE e.series_id = ? AND e.user_id = ?", (series_id, actor.user_id))
        if row is None or row["guild_id"] != actor.guild_id:
            raise NotFound("You aren't enrolled in that course.")
        async with self.db.transaction():
            await self.db.execute("DELETE FROM course_enrollments WHERE series_id = ? AND user_id = ?",
                                  (series_id, actor.user_id))
            first = await self.db.fetch_value(
                "SELECT MIN(starts_at) FROM meeting_occurrences WHERE series_id = ?", (series_id,))
            if row["state"] == Enrollment.ENROLLED and first and from_db(first) > self.clock.now():
                await self._promote(series_id, str(row["title"]), actor.guild_id, from_db(first))

    async def _promote(self, series_id: int, title: str, guild_id: int, first: datetime) -> None:
        nxt = await self.db.fetch_value(
            "SELECT user_id FROM course_enrollments WHERE series_id = ? AND state = 'waitlisted'"
            " ORDER BY enrolled_at, user_id LIMIT 1", (series_id,))
        if nxt is None:
            return
        await self.db.execute("UPDATE course_enrollments SET state = 'enrolled' WHERE series_id = ? AND user_id = ?",
                              (series_id, nxt))
        series = await self.series.series(guild_id, series_id)
        await self.notifier.dm(guild_id, int(nxt),
                               f"Good news: a place opened in the course “{title}”, and you're now enrolled. "
                               f"The first session is {fmt_local(first, series.time_zone)}.",
                               key=f"course_promoted:{series_id}")

    async def _position(self, series_id: int, user_id: int) -> int:
        return int(await self.db.fetch_value(
            "SELECT COUNT(*) FROM course_enrollments WHERE series_id = ? AND state = 'waitlisted' AND enrolled_at <="
            " (SELECT enrolled_at FROM course_enrollments WHERE series_id = ? AND user_id = ?)",
            (series_id, series_id, user_id)))

    async def progress(self, actor: Actor, series_id: int) -> list[Progress]:
        """Leaders and the course's facilitators see everyone; a member sees only themselves."""
        series = await self.series.series(actor.guild_id, series_id)
        if series.kind != "course":
            raise NotFound("That series isn't a course.")
        staff = await self.roles.has(actor, PeerRole.LEADER) or bool(await self.db.fetch_value(
            "SELECT 1 FROM series_facilitators WHERE series_id = ? AND user_id = ?", (series.id, actor.user_id)))
        counts = await self.db.fetch_one(
            "SELECT COUNT(*) AS total, SUM(state = 'closed') AS held,"
            " SUM(state IN ('scheduled','awaiting','open')) AS pending FROM meeting_occurrences WHERE series_id = ?",
            (series.id,))
        assert counts is not None
        total, held, pending = int(counts["total"]), int(counts["held"] or 0), int(counts["pending"] or 0)
        rows = await self.db.fetch_all(
            "SELECT e.user_id, COUNT(a.occurrence_id) AS attended FROM course_enrollments e"
            " LEFT JOIN meeting_attendance a ON a.user_id = e.user_id AND a.attended = 1 AND a.occurrence_id IN"
            " (SELECT id FROM meeting_occurrences WHERE series_id = e.series_id)"
            " WHERE e.series_id = ? AND e.state = 'enrolled' GROUP BY e.user_id ORDER BY e.user_id",
            (series.id,))
        if not staff:
            rows = [r for r in rows if r["user_id"] == actor.user_id]
            if not rows:
                raise PermissionDenied("You aren't enrolled in this course, so there's no progress to show.")
        needed = math.ceil(COMPLETION_SHARE * held)
        return [Progress(int(r["user_id"]), int(r["attended"]), held, total,
                         None if pending else (held > 0 and int(r["attended"]) >= needed)) for r in rows]
