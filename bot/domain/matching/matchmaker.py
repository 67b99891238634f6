"""The Matchmaker: from a waiting request to an accepted offer.

It builds the candidate pool from the database (approved supporters with their profiles, room left in their
caseload, duty, and the safety constraints), ranks candidates, and routes each request by the programme's mode:
automatic offers, a coordinator's review, or the next whole-pool batch. A decline or an expiry moves on to the
next candidate; the seeker keeps their place. Acceptance is a compare-and-set on the request inside one
transaction, so when two supporters accept the same request at once exactly one match is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.clock import Clock, to_db
from bot.domain.matching.explain import for_leaders, for_pair, reasons
from bot.domain.matching.match import MatchRecords
from bot.domain.matching.notify import MatchNotifier
from bot.domain.matching.offer import Offer, OfferBook, OfferState, Via
from bot.domain.matching.pool import CandidatePool, PoolEntry
from bot.domain.matching.profile import Profile, ProfileService, Role, Side
from bot.domain.matching.programme import Mode, Programme, ProgrammeService
from bot.domain.matching.request import Request, RequestState, deadline_alert_at, load_request, next_action_at
from bot.domain.matching.safety import at_risk
from bot.domain.matching.scoring import FORBIDDEN, Candidate, Ranking, Seeker, rank, score_row
from bot.domain.matching.supporter import refresh_load
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.errors import Conflict, NotFound
from bot.storage.db import Database

SETTLED = {
    "accepted": "You've already accepted this offer. Thank you!",
    "declined": "You declined this offer, so it has moved on. Thank you for letting us know.",
    "expired": "This offer expired, so it has moved on to another supporter. Thank you all the same.",
    "taken": "Thank you! Another supporter accepted this request a moment ago, so it's taken care of.",
    "off_duty": "This offer was withdrawn when you went off duty, so it has moved on.",
    "at_capacity": "You're already supporting as many people as your caseload cap allows, so this offer has moved "
                   "on. Thank you for all you do. (You can change your cap with /match cap.)",
    "held": "The programme team has paused this request for now, so there's nothing to do. Thank you.",
    "closed": "This request was withdrawn or closed, so there's nothing to do. Thank you.",
    "unavailable": "I can't complete this just now, so the offer has moved on. A programme leader may be in touch.",
    "unreachable": "I couldn't reach you by private message, so this offer moved on and offers to you are paused. "
                   "Once your DMs from this server are open, /match duty on brings them back.",
}


HELD_FOR_SAFETY = ("This member has an open urgent or crisis referral, so the request is on hold for a leader's "
                   "check-in first.")


@dataclass(frozen=True)
class ReviewCandidate:
    candidate: Candidate
    why: str  # every reason, for leaders
    live: int  # matches the supporter has now
    cap: int


@dataclass(frozen=True)
class Review:
    request: Request
    programme: Programme
    candidates: list[ReviewCandidate]
    fallback: bool
    considered: int


class Matchmaker:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, programmes: ProgrammeService,
                 profiles: ProfileService, offers: OfferBook, matches: MatchRecords, notifier: MatchNotifier) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.programmes = programmes
        self.profiles = profiles
        self.offers = offers
        self.matches = matches
        self.notifier = notifier

    # ---- the pool --------------------------------------------------------------------------------------
    async def pool(self, programme: Programme) -> CandidatePool:
        """Every approved supporter with a profile, with the room left in their caseload. Pending offers hold a
        place, so a popular supporter is never offered more than their cap at once."""
        rows = await self.db.fetch_all(
            "SELECT s.user_id, s.caseload_cap, s.on_duty, p.data,"
            " (SELECT COUNT(*) FROM matches m WHERE m.programme_id = s.programme_id AND m.supporter_id = s.user_id"
            "  AND m.state = 'active') AS live,"
            " (SELECT COUNT(*) FROM match_offers o WHERE o.programme_id = s.programme_id"
            "  AND o.supporter_id = s.user_id AND o.state = 'pending') AS pending"
            " FROM match_supporters s JOIN match_profiles p ON p.programme_id = s.programme_id"
            " AND p.user_id = s.user_id AND p.side = 'supporter' WHERE s.programme_id = ? ORDER BY s.approved_at",
            (programme.id,))
        risky = await at_risk(self.db, programme.guild_id, [int(r["user_id"]) for r in rows])
        entries = [PoolEntry(int(r["user_id"]), Profile.model_validate_json(r["data"]),
                             int(r["caseload_cap"]) - int(r["live"]) - int(r["pending"]),
                             bool(r["on_duty"]) and int(r["user_id"]) not in risky) for r in rows]
        return CandidatePool(entries, self.clock.now())

    async def seeker(self, programme: Programme, request: Request) -> Seeker | None:
        if request.seeker_id is None:
            return None
        profile = await self.profiles.get(programme.id, request.seeker_id, Side.SEEKER)
        if profile is None:
            return None
        rows = await self.db.fetch_all(
            "SELECT supporter_id FROM match_exclusions WHERE programme_id = ? AND seeker_id = ?"
            " UNION SELECT supporter_id FROM match_offers WHERE request_id = ? AND state = 'pending'",
            (programme.id, request.seeker_id, request.id))
        return Seeker(request.seeker_id, profile, request.role, frozenset(int(r[0]) for r in rows if r[0]))

    async def candidates(self, programme: Programme, request: Request, k: int) -> Ranking:
        seeker = await self.seeker(programme, request)
        if seeker is None:
            return Ranking([], False, 0)
        return rank(seeker, await self.pool(programme), programme.settings, k)

    # ---- routing a request -----------------------------------------------------------------------------
    async def route(self, request_id: int) -> str:
        """Do what the programme's mode says for a request that is waiting (or has offers out). Returns what
        happened: held, review, batch, offered, waiting, or none."""
        async with self.db.transaction():
            request = await load_request(self.db, request_id)
            if request is None or request.seeker_id is None or \
                    request.state not in (RequestState.WAITING, RequestState.OFFERED):
                return "none"
            programme = await self.programmes.get(request.programme_id)
            settings = programme.settings
            if await at_risk(self.db, request.guild_id, [request.seeker_id]):
                await self._hold(request, programme)
                return "held"
            pending = await self.offers.pending(request_id=request.id)
            if not pending:
                await self._set_state(request, programme, RequestState.WAITING)
            if settings.mode is Mode.COORDINATOR:
                if not pending:
                    offered = await self.db.fetch_value("SELECT COUNT(*) FROM match_offers WHERE request_id = ?",
                                                        (request.id,))
                    await self.notifier.alert(
                        request.guild_id, f"Match request #{request.id} in **{programme.name}** is waiting for a "
                        f"coordinator's review: `/match review request:{request.id}` shows the best candidates.",
                        key=f"review:{request.spell}:{offered}")
                return "review"
            if settings.mode is Mode.BATCH:
                return "batch"
            want = settings.parallel_offers - len(pending)
            if want > 0:
                ranking = await self.candidates(programme, request, want)
                for candidate in ranking.candidates:
                    await self.make_offer(programme, request, candidate, ranking.fallback, Via.AUTO, None)
                if ranking.candidates:
                    return "offered"
            if pending:
                return "offered"
            await self.notifier.alert(
                request.guild_id, f"No supporter is available right now for match request #{request.id} in "
                f"**{programme.name}**. I'll keep looking every {settings.retry_hours} hours; `/match load` shows "
                "who is at capacity or off duty.", key=f"nobody:{request.spell}")
            return "waiting"

    async def route_waiting(self, programme_id: int) -> None:
        """Room opened up (a supporter approved, back on duty, or freed by an ending): try the queue in order."""
        programme = await self.programmes.get(programme_id)
        if programme.settings.mode is not Mode.AUTO:
            return
        rows = await self.db.fetch_all(
            "SELECT id FROM match_requests WHERE programme_id = ? AND state = 'waiting' ORDER BY queued_at, id",
            (programme_id,))
        for row in rows:
            await self.route(int(row["id"]))

    async def _set_state(self, request: Request, programme: Programme, state: RequestState) -> None:
        await self.db.execute("UPDATE match_requests SET state = ? WHERE id = ?", (state.value, request.id))
        await self.reschedule(request.id, programme)

    async def reschedule(self, request_id: int, programme: Programme, now: datetime | None = None) -> None:
        request = await load_request(self.db, request_id)
        if request is None:
            return
        retry = (now or self.clock.now()) + programme.settings.hours("retry_hours")
        due = next_action_at(request, programme.settings, retry)
        await self.db.execute("UPDATE match_requests SET next_action_at = ? WHERE id = ?",
                              (to_db(due) if due else None, request_id))

    async def _hold(self, request: Request, programme: Programme) -> None:
        """Peer support is not crisis care: a seeker with an open urgent or crisis referral sees a leader first."""
        for offer in await self.offers.pending(request_id=request.id):
            await self.offers.settle(offer.id, OfferState.WITHDRAWN, "held")
        await self.db.execute("UPDATE match_requests SET state = 'held', held_reason = 'open_referral' WHERE id = ?",
                              (request.id,))
        await self.reschedule(request.id, programme)
        await self._event(request, "held", "open_referral")
        await self.notifier.alert(
            request.guild_id, f"Match request #{request.id} in **{programme.name}** is on hold: the member has an "
            "open urgent or crisis referral, and peer support is not crisis care. Please check in with them; "
            f"`/match release request:{request.id}` puts them back in the queue (in their place) once the "
            "referral is resolved.", key=f"held:{request.spell}")
        await self.notifier.dm(
            request.guild_id, request.seeker_id,
            f"Before we match you in {programme.name}, someone from the programme team would like to check in with "
            "you. Your place in the queue is kept. If you need help right now, please contact your local emergency "
            "number or a crisis line.", key=f"held:{request.spell}")

    async def release(self, actor: Actor, request_id: int) -> str:
        await self.roles.require(actor, PeerRole.LEADER)
        async with self.db.transaction():
            request = await self._request_in(actor, request_id)
            if request.state is not RequestState.HELD:
                raise Conflict(f"Request #{request_id} isn't on hold.")
            if request.seeker_id is not None and await at_risk(self.db, request.guild_id, [request.seeker_id]):
                raise Conflict("This member still has an open urgent or crisis referral. Please resolve or close it "
                               "first (/referral), then release the request.")
            await self.db.execute("UPDATE match_requests SET state = 'waiting', held_reason = NULL WHERE id = ?",
                                  (request.id,))
            await self._event(request, "released", None)
            return await self.route(request.id)

    async def _request_in(self, actor: Actor, request_id: int) -> Request:
        request = await load_request(self.db, request_id)
        if request is None or request.guild_id != actor.guild_id:
            raise NotFound(f"There is no match request #{request_id}.")
        return request

    async def _event(self, request: Request, kind: str, reason: str | None) -> None:
        await self.db.execute(
            "INSERT INTO match_events (guild_id, programme_id, request_id, kind, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
            (request.guild_id, request.programme_id, request.id, kind, reason, to_db(self.clock.now())))

    # ---- offers ----------------------------------------------------------------------------------------
    async def make_offer(self, programme: Programme, request: Request, candidate: Candidate, fallback: bool,
                         via: Via, proposed_by: int | None) -> int:
        assert request.seeker_id is not None
        seeker = await self.profiles.get(programme.id, request.seeker_id, Side.SEEKER)
        supporter = await self.profiles.get(programme.id, candidate.user_id, Side.SUPPORTER)
        assert seeker is not None and supporter is not None
        why = [r.as_pair() for r in reasons(seeker, request.role, supporter, fallback=fallback,
                                            now=self.clock.now())]
        expires = self.clock.now() + programme.settings.hours("offer_expiry_hours")
        offer_id = await self.offers.insert(programme.guild_id, programme.id, request.id, candidate.user_id,
                                            candidate.score, why, fallback, via, proposed_by, expires)
        if offer_id:
            await self.db.execute("UPDATE match_requests SET state = 'offered' WHERE id = ? AND state = 'waiting'",
                                  (request.id,))
            await self.reschedule(request.id, programme)
            await self.notifier.offer(programme.guild_id, offer_id, candidate.user_id)
        return offer_id

    async def _offer_for(self, actor: Actor, offer_id: int) -> Offer:
        offer = await self.offers.get(offer_id)
        if offer is None or offer.guild_id != actor.guild_id or offer.supporter_id != actor.user_id:
            raise NotFound("This offer isn't one of yours, or it no longer exists.")
        return offer

    async def accept(self, actor: Actor, offer_id: int) -> int:
        """The supporter accepts: the match is made and its space is asked for. Returns the match id."""
        async with self.db.transaction():
            outcome = await self._accept(actor, offer_id)
        if isinstance(outcome, str):
            raise Conflict(outcome)  # after the commit, so what was learned (expiry, withdrawal) is kept
        return outcome

    async def _accept(self, actor: Actor, offer_id: int) -> int | str:
        offer = await self._offer_for(actor, offer_id)
        if offer.state is not OfferState.PENDING:
            return SETTLED.get(offer.withdrawn_reason or offer.state.value, SETTLED["closed"])
        programme = await self.programmes.get(offer.programme_id)
        request = await load_request(self.db, offer.request_id)
        assert request is not None
        if self.clock.now() >= offer.expires_at:
            await self._lapse(offer, OfferState.EXPIRED, "expired")
            return SETTLED["expired"]
        if request.state is not RequestState.OFFERED or request.seeker_id is None:
            await self.offers.settle(offer.id, OfferState.WITHDRAWN, "taken" if request.state is
                                     RequestState.MATCHED else "closed")
            return SETTLED["taken" if request.state is RequestState.MATCHED else "closed"]
        supporter = await self.db.fetch_one(
            "SELECT caseload_cap, on_duty, (SELECT COUNT(*) FROM matches m WHERE m.programme_id = s.programme_id"
            " AND m.supporter_id = s.user_id AND m.state = 'active') AS live FROM match_supporters s"
            " WHERE programme_id = ? AND user_id = ?", (programme.id, actor.user_id))
        problem = None
        if supporter is None or not supporter["on_duty"]:
            problem = "off_duty"
        elif int(supporter["live"]) >= int(supporter["caseload_cap"]):
            problem = "at_capacity"
        elif await at_risk(self.db, actor.guild_id, [actor.user_id]):
            problem = "unavailable"
        if problem:
            await self._lapse(offer, OfferState.WITHDRAWN, problem)
            return SETTLED[problem]
        if await at_risk(self.db, actor.guild_id, [request.seeker_id]):
            await self._hold(request, programme)
            return SETTLED["held"]
        taken = await self.db.execute(
            "UPDATE match_requests SET state = 'matched', next_action_at = NULL WHERE id = ? AND state = 'offered'",
            (request.id,))
        if not taken or not await self.offers.settle(offer.id, OfferState.ACCEPTED):
            return SETTLED["taken"]
        for other in await self.offers.pending(request_id=request.id):
            await self.offers.settle(other.id, OfferState.WITHDRAWN, "taken")
        match_id = await self.matches.start(programme, request, offer)
        await refresh_load(self.db, self.clock, programme, actor.user_id)
        await self.route_waiting(programme.id)  # the offers withdrawn above gave other supporters room back
        return match_id

    async def decline(self, actor: Actor, offer_id: int) -> None:
        async with self.db.transaction():
            offer = await self._offer_for(actor, offer_id)
            if offer.state is not OfferState.PENDING:
                raise Conflict(SETTLED.get(offer.withdrawn_reason or offer.state.value, SETTLED["closed"]))
            await self._lapse(offer, OfferState.DECLINED, "declined")

    async def expire(self, offer_id: int) -> bool:
        """The timeline's step for an offer nobody answered in time."""
        async with self.db.transaction():
            offer = await self.offers.get(offer_id)
            if offer is None or offer.state is not OfferState.PENDING or self.clock.now() < offer.expires_at:
                return False
            await self._lapse(offer, OfferState.EXPIRED, "expired")
            return True

    async def _lapse(self, offer: Offer, state: OfferState, reason: str) -> None:
        """An offer that did not become a match: remember the pair (declined and expired pairs are not offered
        again) and move the request on to the next candidate, in its place."""
        if not await self.offers.settle(offer.id, state, reason if state is OfferState.WITHDRAWN else None):
            return
        request = await load_request(self.db, offer.request_id)
        if request is None:
            return
        if state is not OfferState.WITHDRAWN and request.seeker_id is not None and offer.supporter_id is not None:
            await self.db.execute(
                "INSERT OR IGNORE INTO match_exclusions (programme_id, seeker_id, supporter_id, reason, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (offer.programme_id, request.seeker_id, offer.supporter_id, reason, to_db(self.clock.now())))
        await self._event(request, f"offer_{state.value}", reason)
        await self.route(request.id)

    async def withdraw_for_supporter(self, guild_id: int, supporter_id: int, reason: str,
                                     programme_id: int | None = None) -> int:
        """Withdraw every pending offer to a supporter (off duty, left, erased); each request moves on."""
        offers = [o for o in await self.offers.pending(supporter_id=supporter_id, programme_id=programme_id)
                  if o.guild_id == guild_id]
        for offer in offers:
            await self._lapse(offer, OfferState.WITHDRAWN, reason)
        return len(offers)

    async def unreachable(self, offer_id: int) -> bool:
        """The offer could not be delivered (the supporter's DMs are closed, or their account is gone). Nobody
        would see it for days, so it moves on now; offers to them pause (off duty, without the messages going
        off duty sends), so the next candidate is someone else; and leaders are told. False if it was settled."""
        async with self.db.transaction():
            offer = await self.offers.get(offer_id)
            if offer is None or offer.state is not OfferState.PENDING or offer.supporter_id is None:
                return False
            supporter_id = offer.supporter_id
            await self.db.execute(
                "UPDATE match_supporters SET on_duty = 0, duty_changed_at = ? WHERE guild_id = ? AND user_id = ?",
                (to_db(self.clock.now()), offer.guild_id, supporter_id))
            moved = await self.withdraw_for_supporter(offer.guild_id, supporter_id, "unreachable")
            await self.notifier.alert(
                offer.guild_id, f"I couldn't send <@{supporter_id}> a match offer: their private messages from this "
                f"server are closed. {moved} offer(s) to them moved on, and offers to them are paused (off duty) "
                "until they open their DMs and use `/match duty on`. Their current matches are unaffected.",
                key=f"unreachable:{offer.id}")
            return True

    async def offer_text(self, offer_id: int) -> str | None:
        """The private offer: what the seeker chose to share, and no identity. None once it is settled."""
        offer = await self.offers.get(offer_id)
        if offer is None or offer.state is not OfferState.PENDING or offer.supporter_id is None:
            return None
        request = await load_request(self.db, offer.request_id)
        programme = await self.programmes.get(offer.programme_id)
        if request is None or request.seeker_id is None:
            return None
        seeker = await self.profiles.get(programme.id, request.seeker_id, Side.SEEKER)
        supporter = await self.profiles.get(programme.id, offer.supporter_id, Side.SUPPORTER)
        if seeker is None or supporter is None:
            return None
        who = "for themselves (a patient)" if request.role is Role.PATIENT else "as a caregiver"
        lines = [f"**A match request in {programme.name}.** Someone is asking for support {who}."]
        shared = [line for line in seeker.lines() if line.split(":")[0].replace(" ", "_") in seeker.show
                  and not line.startswith("role")]
        if shared:
            lines.append("What they chose to share: " + "; ".join(shared))
        for label, text in (("In their words", request.challenges), ("Why now", request.why_now),
                            ("What they'd like in a supporter", request.wants)):
            if text:
                lines.append(f"**{label}:** {text if len(text) <= 500 else text[:500] + '…'}")
        lines.append("**Why you:** " + for_pair(offer.reasons, seeker.show, supporter.show))
        lines.append(f"Their name is shared only if you accept. This offer expires "
                     f"<t:{int(offer.expires_at.timestamp())}:R>; declining is always fine.")
        return "\n".join(lines)

    # ---- coordinator review ----------------------------------------------------------------------------
    async def review(self, actor: Actor, request_id: int) -> Review:
        await self.roles.require(actor, PeerRole.LEADER)
        request = await self._request_in(actor, request_id)
        programme = await self.programmes.get(request.programme_id)
        if request.state not in (RequestState.WAITING, RequestState.OFFERED):
            raise Conflict(f"Request #{request_id} is {request.state.value}, so there is nothing to review.")
        ranking = await self.candidates(programme, request, programme.settings.review_candidates)
        assert request.seeker_id is not None
        seeker = await self.profiles.get(programme.id, request.seeker_id, Side.SEEKER)
        found = []
        for candidate in ranking.candidates:
            supporter = await self.profiles.get(programme.id, candidate.user_id, Side.SUPPORTER)
            assert seeker is not None and supporter is not None
            why = for_leaders([r.as_pair() for r in reasons(seeker, request.role, supporter,
                                                            fallback=ranking.fallback, now=self.clock.now())])
            load = await self.db.fetch_one(
                "SELECT caseload_cap, (SELECT COUNT(*) FROM matches m WHERE m.programme_id = s.programme_id"
                " AND m.supporter_id = s.user_id AND m.state = 'active') AS live FROM match_supporters s"
                " WHERE programme_id = ? AND user_id = ?", (programme.id, candidate.user_id))
            assert load is not None
            found.append(ReviewCandidate(candidate, why, int(load["live"]), int(load["caseload_cap"])))
        return Review(request, programme, found, ranking.fallback, ranking.considered)

    async def approve(self, actor: Actor, request_id: int, supporter_id: int) -> int:
        """A coordinator chooses the supporter; the offer goes to them. Every constraint is checked again."""
        await self.roles.require(actor, PeerRole.LEADER)
        async with self.db.transaction():
            request = await self._request_in(actor, request_id)
            programme = await self.programmes.get(request.programme_id)
            if request.state not in (RequestState.WAITING, RequestState.OFFERED):
                raise Conflict(f"Request #{request_id} is {request.state.value}, so it can't be offered now.")
            if request.seeker_id is None or not await at_risk(self.db, request.guild_id, [request.seeker_id]):
                candidate, fallback = await self.check(programme, request, supporter_id)
                return await self.make_offer(programme, request, candidate, fallback, Via.COORDINATOR,
                                             actor.user_id)
            await self._hold(request, programme)
        # After the commit, so the hold (and the seeker's and leaders' messages) is kept.
        raise Conflict(HELD_FOR_SAFETY)

    async def check(self, programme: Programme, request: Request, supporter_id: int) -> tuple[Candidate, bool]:
        """This pairing as the rules see it now, or a sentence saying which rule it breaks."""
        seeker = await self.seeker(programme, request)
        if seeker is None:
            raise Conflict("The member who asked has no profile any more, so the request can't be matched.")
        if request.seeker_id is not None and await at_risk(self.db, request.guild_id, [request.seeker_id]):
            await self._hold(request, programme)
            raise Conflict(HELD_FOR_SAFETY)
        if any(o.supporter_id == supporter_id for o in await self.offers.pending(request_id=request.id)):
            raise Conflict(f"An offer for request #{request.id} is already with that supporter, waiting for their "
                           "answer.")
        pool = await self.pool(programme)
        at = pool.index.get(supporter_id)
        if at is None:
            raise Conflict("That member isn't an approved supporter with a profile in this programme.")
        if not pool.eligible[at]:
            raise Conflict("That supporter is off duty or unavailable just now.")
        if pool.capacity[at] <= 0:
            raise Conflict("That supporter has no room left in their caseload (including offers waiting for them).")
        row, fallback = score_row(seeker, pool, programme.settings)
        if row[at] == FORBIDDEN:
            raise Conflict("That pairing breaks a rule: no shared language, a preference marked “must”, the role "
                           "track, the condition rule, or they were declined, blocked or matched before.")
        return Candidate(supporter_id, round(float(row[at]), 4)), fallback

    # ---- the request's own timeline ---------------------------------------------------------------------
    async def request_due(self, request_id: int) -> list[str]:
        """An automatic retry, or the alert that a request is close to its "needed by" date."""
        done: list[str] = []
        async with self.db.transaction():
            request = await load_request(self.db, request_id)
            if request is None:
                return done
            programme = await self.programmes.get(request.programme_id)
            now = self.clock.now()
            alert_at = deadline_alert_at(request, programme.settings)
            if alert_at is not None and alert_at <= now and request.state is not RequestState.MATCHED:
                await self.db.execute("UPDATE match_requests SET alerted = alerted || ',deadline' WHERE id = ?",
                                      (request.id,))
                await self.notifier.alert(
                    request.guild_id, f"Match request #{request.id} in **{programme.name}** needs support by "
                    f"{request.needed_by} and is still unmatched ({request.state.value}).",
                    key=f"deadline:{request.spell}")
                done.append("deadline_alert")
            if request.state is RequestState.WAITING and programme.settings.mode is Mode.AUTO:
                done.append(await self.route(request.id))
            await self.reschedule(request.id, programme, now)
        return done
