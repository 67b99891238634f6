"""`/match request`: the intake, the seeker's place in the queue, withdrawing, and the queue as leaders see it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, to_db
from bot.domain.matching.matchmaker import Matchmaker
from bot.domain.matching.offer import OfferState
from bot.domain.matching.profile import ProfileService, Role, Side
from bot.domain.matching.programme import Programme, same_server
from bot.domain.matching.request import LIVE, Intake, Request, RequestState, expectation, load_request
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.errors import Conflict, NotFound
from bot.storage.db import Database


@dataclass(frozen=True)
class Submitted:
    request: Request
    position: int
    outcome: str  # what routing did: offered, review, batch, waiting, held
    next_steps: str  # what happens next, and roughly when, for the seeker


class IntakeService:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, profiles: ProfileService,
                 matchmaker: Matchmaker) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.profiles = profiles
        self.matchmaker = matchmaker

    async def submit(self, actor: Actor, programme: Programme, role: Role, intake: Intake) -> Submitted:
        """Join the waitlist. Needs a seeker profile in the programme; one live request per programme."""
        same_server(actor, programme)
        await self.profiles.require(programme, actor.user_id, Side.SEEKER)
        now = to_db(self.clock.now())
        async with self.db.transaction():
            request_id = await self.db.execute(
                "INSERT OR IGNORE INTO match_requests (guild_id, programme_id, seeker_id, role, challenges, why_now,"
                " wants, special, needed_by, state, queued_at, spell_started_at, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)",
                (actor.guild_id, programme.id, actor.user_id, role.value, intake.challenges, intake.why_now,
                 intake.wants, intake.special, intake.needed_by.isoformat() if intake.needed_by else None, now, now,
                 now))
            if not request_id:
                raise Conflict(f"You already have a request or a match in {programme.name}. /match status shows "
                               "where it is; /match withdraw withdraws a request.")
            await self.db.execute(
                "INSERT INTO match_events (guild_id, programme_id, request_id, kind, at) VALUES (?, ?, ?, ?, ?)",
                (actor.guild_id, programme.id, request_id, "requested", now))
            await self.matchmaker.reschedule(request_id, programme)
            outcome = await self.matchmaker.route(request_id)
        request = await load_request(self.db, request_id)
        assert request is not None
        position = await self.position(request)
        if outcome == "held":
            steps = ("Thank you. Before we match you, someone from the programme team would like to check in with "
                     "you first; your place in the queue is kept.")
        else:
            steps = expectation(programme.settings, position)
        return Submitted(request, position, outcome, steps)

    async def position(self, request: Request) -> int:
        return int(await self.db.fetch_value(
            "SELECT COUNT(*) FROM match_requests WHERE programme_id = ? AND state IN ('waiting','held','offered')"
            " AND (queued_at < ? OR (queued_at = ? AND id <= ?))",
            (request.programme_id, to_db(request.queued_at), to_db(request.queued_at), request.id)))

    async def live(self, actor: Actor, programme: Programme) -> Request | None:
        same_server(actor, programme)
        row = await self.db.fetch_one(
            "SELECT * FROM match_requests WHERE programme_id = ? AND seeker_id = ? AND state != 'closed'",
            (programme.id, actor.user_id))
        return Request.from_row(row) if row else None

    async def withdraw(self, actor: Actor, programme: Programme) -> Request:
        async with self.db.transaction():
            request = await self.live(actor, programme)
            if request is None or request.state not in LIVE:
                if request is not None and request.state is RequestState.MATCHED:
                    raise Conflict("You're matched already. /match end ends the match, kindly and privately.")
                raise NotFound(f"You have no request waiting in {programme.name}.")
            for offer in await self.matchmaker.offers.pending(request_id=request.id):
                await self.matchmaker.offers.settle(offer.id, OfferState.WITHDRAWN, "closed")
            await self.db.execute(
                "UPDATE match_requests SET state = 'closed', closed_reason = 'withdrawn', closed_at = ?,"
                " challenges = NULL, why_now = NULL, wants = NULL, special = NULL, next_action_at = NULL WHERE id = ?",
                (to_db(self.clock.now()), request.id))
            await self.db.execute(
                "INSERT INTO match_events (guild_id, programme_id, request_id, kind, reason, at)"
                " VALUES (?, ?, ?, 'closed', 'withdrawn', ?)",
                (actor.guild_id, programme.id, request.id, to_db(self.clock.now())))
        return request

    async def queue(self, actor: Actor, programme: Programme) -> list[tuple[Request, int]]:
        """The waitlist for leaders, in order: each live request with its place."""
        await self.roles.require(actor, PeerRole.LEADER)
        same_server(actor, programme)
        rows = await self.db.fetch_all(
            "SELECT * FROM match_requests WHERE programme_id = ? AND state IN ('waiting','held','offered')"
            " ORDER BY queued_at, id", (programme.id,))
        return [(Request.from_row(r), i + 1) for i, r in enumerate(rows)]

    async def live_in_guild(self, actor: Actor) -> list[tuple[Request, str]]:
        """Every live request in the server with its programme's name, oldest first, for a leader choosing one
        (the list itself says who is waiting, so it is checked here, not only by the autocomplete)."""
        await self.roles.require(actor, PeerRole.LEADER)
        rows = await self.db.fetch_all(
            "SELECT r.*, p.name AS programme FROM match_requests r JOIN match_programmes p ON p.id = r.programme_id"
            " WHERE r.guild_id = ? AND r.state IN ('waiting','held','offered') ORDER BY r.queued_at LIMIT 200",
            (actor.guild_id,))
        return [(Request.from_row(r), str(r["programme"])) for r in rows]
