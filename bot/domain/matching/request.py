"""Requests for a match: the intake, the waitlist, and a request's own small timeline.

A request is waiting (in the queue), held (with a leader first, for safety), offered (an offer is out),
matched, or closed. `queued_at` is the seeker's place in the queue and survives rematches: someone whose
match did not work out goes back to where they were, not to the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from bot.clock import from_db
from bot.domain.matching.profile import Role
from bot.domain.matching.programme import Mode, ProgrammeSettings
from bot.domain.text import clean_text
from bot.errors import InvalidInput
from bot.storage.db import Database

INTAKE_MAX = 1000


class RequestState(StrEnum):
    WAITING = "waiting"
    HELD = "held"
    OFFERED = "offered"
    MATCHED = "matched"
    CLOSED = "closed"


LIVE = (RequestState.WAITING, RequestState.HELD, RequestState.OFFERED)


@dataclass(frozen=True)
class Intake:
    """What the seeker wrote in the intake form, cleaned."""

    challenges: str
    why_now: str
    wants: str | None = None
    special: str | None = None
    needed_by: date | None = None

    @classmethod
    def clean(cls, challenges: str, why_now: str, wants: str | None = None, special: str | None = None,
              needed_by: str | None = None, *, today: date) -> Intake:
        def optional(text: str | None, field: str) -> str | None:
            return clean_text(text, field=field, max_len=INTAKE_MAX, multiline=True) \
                if text and text.strip() else None

        by: date | None = None
        if needed_by and needed_by.strip():
            try:
                by = date.fromisoformat(needed_by.strip())
            except ValueError:
                raise InvalidInput("Please write the date as YYYY-MM-DD, for example 2026-03-20.") from None
            if by < today or by > today + timedelta(days=366):
                raise InvalidInput("The date you need support by should be between today and a year from now.")
        return cls(clean_text(challenges, field="condition and its challenges", max_len=INTAKE_MAX,
                              multiline=True),
                   clean_text(why_now, field="answer to “why now”", max_len=INTAKE_MAX, multiline=True),
                   optional(wants, "answer to “what you'd like in a supporter”"),
                   optional(special, "answer to “anything special”"), by)


@dataclass(frozen=True)
class Request:
    id: int
    guild_id: int
    programme_id: int
    seeker_id: int | None
    role: Role
    challenges: str | None
    why_now: str | None
    wants: str | None
    special: str | None
    needed_by: date | None
    state: RequestState
    queued_at: datetime
    spell_started_at: datetime
    rematches: int
    held_reason: str | None
    alerted: frozenset[str]

    @classmethod
    def from_row(cls, row: Any) -> Request:
        return cls(row["id"], row["guild_id"], row["programme_id"], row["seeker_id"], Role(row["role"]),
                   row["challenges"], row["why_now"], row["wants"], row["special"],
                   date.fromisoformat(row["needed_by"]) if row["needed_by"] else None, RequestState(row["state"]),
                   from_db(row["queued_at"]), from_db(row["spell_started_at"]), row["rematches"],
                   row["held_reason"], frozenset(a for a in row["alerted"].split(",") if a))

    @property
    def spell(self) -> str:
        """Names this wait (the first request, or the nth rematch) in alert keys, so each goes once per wait."""
        return f"{self.id}:{self.rematches}"


async def load_request(db: Database, request_id: int) -> Request | None:
    row = await db.fetch_one("SELECT * FROM match_requests WHERE id = ?", (request_id,))
    return Request.from_row(row) if row else None


def deadline_alert_at(request: Request, settings: ProgrammeSettings) -> datetime | None:
    if request.needed_by is None or "deadline" in request.alerted:
        return None
    day = datetime(request.needed_by.year, request.needed_by.month, request.needed_by.day, tzinfo=UTC)
    return day - settings.hours("deadline_alert_hours")


def next_action_at(request: Request, settings: ProgrammeSettings, retry_at: datetime | None) -> datetime | None:
    """When the request next needs a look: an automatic retry, or the alert before its "needed by" date."""
    if request.state not in LIVE:
        return None
    times = [t for t in (deadline_alert_at(request, settings),
                         retry_at if settings.mode is Mode.AUTO and request.state is RequestState.WAITING else None)
             if t is not None]
    return min(times) if times else None


def expectation(settings: ProgrammeSettings, position: int) -> str:
    """What happens next, and roughly when, as the seeker reads it."""
    if settings.mode is Mode.AUTO:
        how = ("I'm looking for a supporter now. Each one has "
               f"{settings.offer_expiry_hours} hours to answer; if one can't, I ask the next.")
    elif settings.mode is Mode.COORDINATOR:
        how = "A programme coordinator will look at your request and choose a supporter for you, usually within a " \
              "few days."
    else:
        how = "Coordinators match everyone waiting together, regularly; you'll hear as soon as you're matched."
    return (f"You're number {position} in the queue. {how} When a supporter accepts, a private space opens for "
            f"the two of you and I'll message you. You can withdraw at any time with /match withdraw.")
