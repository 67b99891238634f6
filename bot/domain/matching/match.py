"""A match and its timeline, computed from the stored row and the programme's settings alone.

The steps of an active match: remind the supporter if there has been no first contact in time, then alert the
coordinator; check in with both sides on the programme's days; remind the supporter on theirs; mark the match
stalled after a quiet spell; and end it when its time is up. Each step records that it was taken in the row,
so `next_action_at` can always be recomputed, after a restart or a change of settings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from bot.clock import Clock, from_db, to_db
from bot.domain.matching.notify import MatchNotifier
from bot.domain.matching.offer import Offer
from bot.domain.matching.profile import Side
from bot.domain.matching.programme import Programme, ProgrammeSettings
from bot.domain.matching.request import Request
from bot.storage.db import Database


class Step(StrEnum):
    FIRST_CONTACT_REMINDER = "first_contact_reminder"
    FIRST_CONTACT_ALERT = "first_contact_alert"
    CHECKIN = "checkin"
    SUPPORTER_REMINDER = "supporter_reminder"
    STALLED = "stalled"
    END = "end"


class EndReason(StrEnum):
    """Why a match ended, as codes a report can count."""

    COMPLETED = "completed"  # its planned time was up
    SEEKER_ENDED = "seeker_ended"
    SUPPORTER_ENDED = "supporter_ended"
    LEADER_ENDED = "leader_ended"
    NOT_A_GOOD_FIT = "not_a_good_fit"  # a check-in said so, and the seeker asked for someone else
    STALLED = "stalled"  # no contact for too long, and the seeker asked for someone else
    SUPPORTER_OFF_DUTY = "supporter_off_duty"  # the supporter stepped back, and the seeker asked for someone else
    REMATCH_REQUESTED = "rematch_requested"
    SEEKER_LEFT = "seeker_left"
    SUPPORTER_LEFT = "supporter_left"
    ERASED = "erased"  # the seeker erased their data
    SUPPORTER_ERASED = "supporter_erased"


@dataclass(frozen=True)
class Match:
    id: int
    guild_id: int
    programme_id: int
    request_id: int
    seeker_id: int | None
    supporter_id: int | None
    state: str
    created_at: datetime
    via: str
    fallback: bool
    reasons: list[list[str | None]]
    space_id: int | None
    space_state: str
    space_rev: int
    first_contact_at: datetime | None
    first_contact_reminded: bool
    first_contact_alerted: bool
    last_contact_at: datetime | None
    checkins_sent: int
    reminders_sent: int
    stalled_at: datetime | None
    ends_at: datetime | None
    end_reason: str | None

    @classmethod
    def from_row(cls, row: Any) -> Match:
        def when(key: str) -> datetime | None:
            return from_db(row[key]) if row[key] else None

        return cls(row["id"], row["guild_id"], row["programme_id"], row["request_id"], row["seeker_id"],
                   row["supporter_id"], row["state"], from_db(row["created_at"]), row["via"], bool(row["fallback"]),
                   json.loads(row["reasons"]), row["space_id"], row["space_state"], row["space_rev"],
                   when("first_contact_at"), bool(row["first_contact_reminded"]),
                   bool(row["first_contact_alerted"]), when("last_contact_at"), row["checkins_sent"],
                   row["reminders_sent"], when("stalled_at"), when("ends_at"), row["end_reason"])

    @property
    def active(self) -> bool:
        return self.state == "active"

    def side_of(self, user_id: int) -> Side | None:
        if user_id == self.seeker_id:
            return Side.SEEKER
        if user_id == self.supporter_id:
            return Side.SUPPORTER
        return None

    def user(self, side: Side) -> int | None:
        return self.seeker_id if side is Side.SEEKER else self.supporter_id


def due_steps(m: Match, s: ProgrammeSettings) -> list[tuple[datetime, Step]]:
    """Every step still ahead of an active match, with when it is due, earliest first."""
    if not m.active:
        return []
    steps: list[tuple[datetime, Step]] = []
    first_due = m.created_at + s.hours("first_contact_hours")
    if m.first_contact_at is None and not m.first_contact_reminded:
        steps.append((first_due, Step.FIRST_CONTACT_REMINDER))
    elif m.first_contact_at is None and not m.first_contact_alerted:
        steps.append((first_due + s.hours("first_contact_alert_hours"), Step.FIRST_CONTACT_ALERT))
    if m.checkins_sent < len(s.checkin_days):
        steps.append((m.created_at + timedelta(days=s.checkin_days[m.checkins_sent]), Step.CHECKIN))
    if m.reminders_sent < len(s.supporter_reminder_days):
        steps.append((m.created_at + timedelta(days=s.supporter_reminder_days[m.reminders_sent]),
                      Step.SUPPORTER_REMINDER))
    if m.stalled_at is None:
        steps.append(((m.last_contact_at or m.created_at) + timedelta(days=s.stalled_after_days), Step.STALLED))
    if m.ends_at is not None:
        steps.append((m.ends_at, Step.END))
    # The end comes before anything else due at the same moment: nobody gets a check-in for a finished match.
    return sorted(steps, key=lambda pair: (pair[0], pair[1] is not Step.END))


def next_action_at(m: Match, s: ProgrammeSettings) -> datetime | None:
    steps = due_steps(m, s)
    return steps[0][0] if steps else None


class MatchRecords:
    """Reading and writing match rows; the lifecycle's rules live in lifecycle.py."""

    def __init__(self, db: Database, clock: Clock, notifier: MatchNotifier) -> None:
        self.db = db
        self.clock = clock
        self.notifier = notifier

    async def get(self, match_id: int) -> Match | None:
        row = await self.db.fetch_one("SELECT * FROM matches WHERE id = ?", (match_id,))
        return Match.from_row(row) if row else None

    async def start(self, programme: Programme, request: Request, offer: Offer) -> int:
        """A supporter accepted: record the match and ask for its space. Call inside the acceptance's
        transaction."""
        now = self.clock.now()
        s = programme.settings
        ends_at = now + timedelta(weeks=s.duration_weeks) if s.duration_weeks else None
        waited = int((now - request.spell_started_at).total_seconds())
        match_id = await self.db.execute(
            "INSERT INTO matches (guild_id, programme_id, request_id, offer_id, seeker_id, supporter_id, state,"
            " created_at, waited_seconds, via, fallback, reasons, ends_at) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?,"
            " ?, ?, ?, ?)",
            (programme.guild_id, programme.id, request.id, offer.id, request.seeker_id, offer.supporter_id,
             to_db(now), waited, offer.via.value, int(offer.fallback),
             json.dumps(offer.reasons), to_db(ends_at) if ends_at else None))
        match = await self.get(match_id)
        assert match is not None
        await self.schedule(match, s)
        if request.seeker_id is not None and offer.supporter_id is not None:
            await self.db.execute(
                "INSERT OR REPLACE INTO match_exclusions (programme_id, seeker_id, supporter_id, reason, at)"
                " VALUES (?, ?, ?, 'matched_before', ?)",
                (programme.id, request.seeker_id, offer.supporter_id, to_db(now)))
        await self.event(match, "matched", offer.via.value)
        await self.notifier.open_space(programme.guild_id, match_id, 1)
        return match_id

    async def schedule(self, match: Match, settings: ProgrammeSettings) -> None:
        due = next_action_at(match, settings)
        await self.db.execute("UPDATE matches SET next_action_at = ? WHERE id = ?",
                              (to_db(due) if due else None, match.id))

    async def event(self, match: Match, kind: str, reason: str | None = None) -> None:
        await self.db.execute(
            "INSERT INTO match_events (guild_id, programme_id, request_id, match_id, kind, reason, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (match.guild_id, match.programme_id, match.request_id, match.id, kind, reason,
             to_db(self.clock.now())))

    async def active_for(self, guild_id: int, user_id: int, side: Side) -> list[Match]:
        column = "seeker_id" if side is Side.SEEKER else "supporter_id"
        rows = await self.db.fetch_all(
            f"SELECT * FROM matches WHERE guild_id = ? AND {column} = ? AND state = 'active' ORDER BY id",
            (guild_id, user_id))
        return [Match.from_row(r) for r in rows]
