"""A group's meetings as an iCalendar (.ics) file that any calendar program can subscribe to or import.

Each series is one event with its RRULE in its own time zone (with a VTIMEZONE, so calendars follow daylight
saving exactly as peerbot does). A cancelled meeting is an EXDATE; a moved one is an override carrying the
original start as its RECURRENCE-ID.
"""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar, Event, vRecur

from bot.clock import from_db
from bot.domain.meetings.model import Series
from bot.domain.meetings.recurrence import zone
from bot.storage.db import Database

PRODID = "-//peerbot//meetings//EN"


async def group_calendar(db: Database, group_id: int, group_name: str, now: datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", group_name)
    for row in await db.fetch_all(
        "SELECT * FROM meeting_series WHERE group_id = ? AND status = 'active' ORDER BY id", (group_id,)
    ):
        series = Series.from_row(row)
        tz = zone(series.time_zone)
        uid = f"series-{series.id}-{series.guild_id}@peerbot"
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", now.astimezone(UTC))
        event.add("summary", series.title)
        event.add("dtstart", series.dtstart_local.replace(tzinfo=tz))
        event.add("duration", series.duration)
        if series.agenda:
            event.add("description", series.agenda)
        if series.rrule:
            event.add("rrule", vRecur.from_ical(series.rrule))
        changed = await db.fetch_all(
            "SELECT original_start, starts_at, ends_at, state FROM meeting_occurrences WHERE series_id = ?"
            " AND (state = 'cancelled' OR starts_at != original_start) ORDER BY original_start",
            (series.id,),
        )
        overrides = []
        for change in changed:
            original = from_db(change["original_start"]).astimezone(tz)
            if change["state"] == "cancelled":
                event.add("exdate", original)
                continue
            moved = Event()
            moved.add("uid", uid)
            moved.add("dtstamp", now.astimezone(UTC))
            moved.add("summary", series.title)
            moved.add("recurrence-id", original)
            moved.add("dtstart", from_db(change["starts_at"]).astimezone(tz))
            moved.add("dtend", from_db(change["ends_at"]).astimezone(tz))
            overrides.append(moved)
        cal.add_component(event)
        for moved in overrides:
            cal.add_component(moved)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
