"""Meeting series and occurrences as the rest of the code sees them, and the timeline's fixed intervals."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from bot.clock import from_db

CHECKIN_GRACE = timedelta(minutes=10)  # no facilitator by start + this: the meeting is called off
CLOSE_GRACE = timedelta(minutes=10)  # an open room closes itself this long after the scheduled end
EARLY_CHECKIN = timedelta(minutes=15)  # a facilitator may open the room this early
REMINDER_GRACE = timedelta(minutes=30)  # a reminder missed while offline is still sent if this late or less
REMINDER_MENU = (1440, 180, 60, 15)  # minutes before the start a member may choose; largest first
EVENT_WINDOW = timedelta(days=7)  # publish a Discord scheduled event this long before a meeting
HORIZON = timedelta(days=28)  # occurrences exist this far ahead; a periodic pass extends it


class OccurrenceState(StrEnum):
    SCHEDULED = "scheduled"
    AWAITING = "awaiting"  # the opening is posted; waiting for a facilitator to check in
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"



@dataclass(frozen=True)
class Series:
    id: int
    guild_id: int
    group_id: int
    kind: str  # "meeting" or "course"
    title: str
    time_zone: str
    dtstart_local: datetime
    duration: timedelta
    rrule: str | None
    agenda: str
    lead_id: int
    capacity: int | None
    syllabus: list[str]
    status: str

    @classmethod
    def from_row(cls, row: Any) -> Series:
        return cls(
            id=row["id"], guild_id=row["guild_id"], group_id=row["group_id"], kind=row["kind"],
            title=row["title"], time_zone=row["time_zone"],
            dtstart_local=datetime.fromisoformat(row["dtstart_local"]),
            duration=timedelta(minutes=row["duration_min"]), rrule=row["rrule"], agenda=row["agenda"],
            lead_id=row["lead_id"], capacity=row["capacity"],
            syllabus=json.loads(row["syllabus"]) if row["syllabus"] else [], status=row["status"],
        )


@dataclass(frozen=True)
class Occurrence:
    id: int
    series_id: int
    guild_id: int
    group_id: int
    seq: int
    starts_at: datetime
    ends_at: datetime
    facilitator_id: int
    state: OccurrenceState
    cancel_reason: str | None
    reminded_through: int | None
    awaiting_since: datetime | None
    checked_in_by: int | None
    event_id: int | None
    event_rev: int
    # Joined from the series and group, for display.
    title: str = ""
    time_zone: str = "UTC"
    group_name: str = ""
    channel_id: int | None = None
    kind: str = "meeting"
    session_title: str | None = None
    group_active: bool = True

    @classmethod
    def from_row(cls, row: Any) -> Occurrence:
        keys = row.keys()
        session_title = None
        if "syllabus" in keys and row["syllabus"]:
            titles = json.loads(row["syllabus"])
            session_title = titles[row["seq"] - 1] if 0 < row["seq"] <= len(titles) else None
        return cls(
            id=row["id"], series_id=row["series_id"], guild_id=row["guild_id"], group_id=row["group_id"],
            seq=row["seq"], starts_at=from_db(row["starts_at"]), ends_at=from_db(row["ends_at"]),
            facilitator_id=row["facilitator_id"], state=OccurrenceState(row["state"]),
            cancel_reason=row["cancel_reason"], reminded_through=row["reminded_through"],
            awaiting_since=from_db(row["awaiting_since"]) if row["awaiting_since"] else None,
            checked_in_by=row["checked_in_by"], event_id=row["event_id"], event_rev=row["event_rev"],
            title=row["title"] if "title" in keys else "",
            time_zone=row["time_zone"] if "time_zone" in keys else "UTC",
            group_name=row["group_name"] if "group_name" in keys else "",
            channel_id=row["channel_id"] if "channel_id" in keys else None,
            kind=row["kind"] if "kind" in keys else "meeting",
            session_title=session_title,
            group_active=row["group_status"] == "active" if "group_status" in keys else True,
        )

    @property
    def label(self) -> str:
        session = f" (session {self.seq}: {self.session_title})" if self.session_title else ""
        return f"{self.title}{session}"


# Every query that builds an Occurrence for display selects these.
OCCURRENCE_COLUMNS = (
    "o.*, s.title, s.time_zone, s.kind, s.syllabus, g.name AS group_name, g.channel_id, g.status AS group_status"
)
OCCURRENCE_FROM = (
    "meeting_occurrences o JOIN meeting_series s ON s.id = o.series_id JOIN groups g ON g.id = o.group_id"
)


def next_action_at(o: Occurrence) -> datetime | None:
    """When this occurrence's timeline next needs attention, computed from its stored state alone."""
    if o.state is OccurrenceState.SCHEDULED:
        times = [o.starts_at]
        pending = [m for m in REMINDER_MENU if o.reminded_through is None or m < o.reminded_through]
        if pending:
            times.append(o.starts_at - timedelta(minutes=pending[0]))
        if o.event_rev == 0:
            times.append(o.starts_at - EVENT_WINDOW)
        return min(times)
    if o.state is OccurrenceState.AWAITING:
        since = o.awaiting_since or o.starts_at
        return max(since, o.starts_at) + CHECKIN_GRACE
    if o.state is OccurrenceState.OPEN:
        return o.ends_at + CLOSE_GRACE
    return None
