"""Members and meetings: time zone and reminder preferences, RSVPs, and the privacy of all meeting data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.clock import Clock, to_db
from bot.domain.erasure import ERASED_ID, redact_column
from bot.domain.meetings.model import REMINDER_MENU, OccurrenceState
from bot.domain.meetings.recurrence import zone
from bot.domain.meetings.schedule import SeriesService
from bot.domain.roles import Actor
from bot.errors import Conflict, InvalidInput, NotFound
from bot.storage.db import Database

DEFAULT_OFFSETS = (1440, 15)


@dataclass(frozen=True)
class Prefs:
    time_zone: str | None = None
    offsets: tuple[int, ...] = DEFAULT_OFFSETS
    via: str = "dm"


def offset_label(minutes: int) -> str:
    return f"{minutes // 60} h" if minutes % 60 == 0 else f"{minutes} min"


class RsvpService:
    area = "meetings"

    def __init__(self, db: Database, clock: Clock, series: SeriesService) -> None:
        self.db = db
        self.clock = clock
        self.series = series

    async def prefs(self, guild_id: int, user_id: int) -> Prefs:
        row = await self.db.fetch_one(
            "SELECT time_zone, reminder_offsets, reminder_via FROM member_prefs WHERE guild_id = ? AND user_id = ?",
            (guild_id, user_id),
        )
        if row is None:
            return Prefs()
        offsets = tuple(int(x) for x in row["reminder_offsets"].split(",") if x)
        return Prefs(row["time_zone"], offsets, row["reminder_via"])

    async def set_time_zone(self, guild_id: int, user_id: int, name: str) -> Prefs:
        tz = zone(name)
        await self.db.execute(
            "INSERT INTO member_prefs (guild_id, user_id, time_zone) VALUES (?, ?, ?)"
            " ON CONFLICT (guild_id, user_id) DO UPDATE SET time_zone = excluded.time_zone",
            (guild_id, user_id, tz.key),
        )
        return await self.prefs(guild_id, user_id)

    async def set_reminders(self, guild_id: int, user_id: int, offsets: list[int], via: str) -> Prefs:
        if via not in ("dm", "channel"):
            raise InvalidInput("Reminders come by DM or as a mention in the group channel.")
        chosen = sorted(set(offsets), reverse=True)
        if any(m not in REMINDER_MENU for m in chosen):
            raise InvalidInput("Reminders can be " + ", ".join(offset_label(m) for m in REMINDER_MENU)
                               + " before a meeting.")
        await self.db.execute(
            "INSERT INTO member_prefs (guild_id, user_id, reminder_offsets, reminder_via) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (guild_id, user_id) DO UPDATE SET reminder_offsets = excluded.reminder_offsets,"
            " reminder_via = excluded.reminder_via",
            (guild_id, user_id, ",".join(str(m) for m in chosen), via),
        )
        return await self.prefs(guild_id, user_id)

    async def rsvp(self, actor: Actor, occurrence_id: int, *, whole_series: bool = False) -> None:
        o = await self.series.occurrence(actor.guild_id, occurrence_id)
        if o.kind == "course":
            raise Conflict("This is a course session: enrolling in the course (/course enroll) is your RSVP.")
        if o.state is not OccurrenceState.SCHEDULED or (o.starts_at <= self.clock.now() and not whole_series):
            raise Conflict("That meeting has already started, finished or been cancelled.")
        if not await self.series.groups.is_member(o.group_id, actor.user_id):
            raise NotFound(f"Please join “{o.group_name}” first (/group join), then RSVP.")
        now = to_db(self.clock.now())
        if whole_series:
            await self.db.execute(
                "INSERT OR IGNORE INTO series_subscriptions (series_id, user_id, created_at) VALUES (?, ?, ?)",
                (o.series_id, actor.user_id, now))
        else:
            await self.db.execute(
                "INSERT OR IGNORE INTO meeting_rsvps (occurrence_id, user_id, created_at) VALUES (?, ?, ?)",
                (o.id, actor.user_id, now))

    async def cancel_rsvp(self, actor: Actor, occurrence_id: int) -> None:
        o = await self.series.occurrence(actor.guild_id, occurrence_id)
        async with self.db.transaction():
            removed = await self.db.execute(
                "DELETE FROM meeting_rsvps WHERE occurrence_id = ? AND user_id = ?", (o.id, actor.user_id))
            removed += await self.db.execute(
                "DELETE FROM series_subscriptions WHERE series_id = ? AND user_id = ?", (o.series_id, actor.user_id))
        if not removed:
            raise NotFound("You hadn't RSVP'd to that meeting.")

    # ---- privacy: every meeting table that names a member --------------------------------------------
    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        async def rows(sql: str) -> list[dict[str, Any]]:
            return [dict(r) for r in await self.db.fetch_all(sql, (guild_id, user_id))]

        return {
            "preferences": await rows("SELECT time_zone, reminder_offsets, reminder_via FROM member_prefs"
                                      " WHERE guild_id = ? AND user_id = ?"),
            "rsvps": await rows("SELECT r.occurrence_id, r.created_at FROM meeting_rsvps r JOIN meeting_occurrences"
                                " o ON o.id = r.occurrence_id WHERE o.guild_id = ? AND r.user_id = ?"),
            "series_rsvps": await rows("SELECT x.series_id, x.created_at FROM series_subscriptions x"
                                       " JOIN meeting_series s ON s.id = x.series_id"
                                       " WHERE s.guild_id = ? AND x.user_id = ?"),
            "attendance": await rows("SELECT a.occurrence_id, a.checked_in_at, a.posted, a.rsvped, a.attended FROM"
                                     " meeting_attendance a JOIN meeting_occurrences o ON o.id = a.occurrence_id"
                                     " WHERE o.guild_id = ? AND a.user_id = ?"),
            "course_enrollments": await rows("SELECT e.series_id, e.state, e.enrolled_at FROM course_enrollments e"
                                             " JOIN meeting_series s ON s.id = e.series_id"
                                             " WHERE s.guild_id = ? AND e.user_id = ?"),
            "meetings_facilitated": await rows("SELECT id AS occurrence_id, starts_at FROM meeting_occurrences"
                                               " WHERE guild_id = ? AND facilitator_id = ?"),
            # Feedback answers are anonymous and hold no member id, so they can't be exported per member.
        }

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        """Erase the member from every meeting table. Meetings they ran stay, without their id."""
        in_guild_occ = "occurrence_id IN (SELECT id FROM meeting_occurrences WHERE guild_id = ?)"
        in_guild_series = "series_id IN (SELECT id FROM meeting_series WHERE guild_id = ?)"
        count = await self.db.execute("DELETE FROM member_prefs WHERE guild_id = ? AND user_id = ?",
                                      (guild_id, user_id))
        for table, scope in (("meeting_rsvps", in_guild_occ), ("meeting_attendance", in_guild_occ),
                             ("feedback_invites", in_guild_occ), ("series_subscriptions", in_guild_series),
                             ("course_enrollments", in_guild_series), ("series_facilitators", in_guild_series)):
            count += await self.db.execute(f"DELETE FROM {table} WHERE {scope} AND user_id = ?", (guild_id, user_id))
        count += await self.db.execute(
            f"DELETE FROM cover_requests WHERE {in_guild_occ} AND (requested_by = ? OR taken_by = ?)",
            (guild_id, user_id, user_id))
        count += await self.db.execute(
            "UPDATE meeting_occurrences SET facilitator_id = ? WHERE guild_id = ? AND facilitator_id = ?",
            (ERASED_ID, guild_id, user_id))
        count += await self.db.execute(
            "UPDATE meeting_occurrences SET checked_in_by = NULL WHERE guild_id = ? AND checked_in_by = ?",
            (guild_id, user_id))
        for column in ("lead_id", "created_by"):
            count += await self.db.execute(
                f"UPDATE meeting_series SET {column} = ? WHERE guild_id = ? AND {column} = ?",
                (ERASED_ID, guild_id, user_id))
        for column in ("title", "agenda"):
            count += await redact_column(self.db, "meeting_series", column, user_id, "guild_id = ?", (guild_id,))
        return count + await redact_column(self.db, "meeting_feedback", "comment", user_id,
                                           "group_id IN (SELECT id FROM groups WHERE guild_id = ?)", (guild_id,))
