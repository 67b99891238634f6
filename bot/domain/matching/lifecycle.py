"""The life of a match: contacts, check-ins, reminders, stalls, endings (planned and early), rematches and
ratings, and what happens when someone leaves the server.

Every ending goes through `finish`, which records a reason code for reports, tells the other person kindly,
archives the space, asks both for a private rating, and either closes the request or puts the seeker back in
the queue in their old place (a rematch).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.clock import Clock, from_db, to_db
from bot.domain.matching.match import EndReason, Match, MatchRecords, Step, due_steps
from bot.domain.matching.matchmaker import Matchmaker
from bot.domain.matching.notify import MatchNotifier, button
from bot.domain.matching.offer import OfferState
from bot.domain.matching.profile import Side
from bot.domain.matching.programme import Programme, ProgrammeService, same_server
from bot.domain.matching.request import load_request
from bot.domain.matching.space import MatchSpaces
from bot.domain.matching.supporter import refresh_load
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text
from bot.errors import Conflict, InvalidInput, NotFound
from bot.storage.db import Database

MAX_STEPS = 8  # steps taken at once for one match (after a long outage)
REQUEUE = {EndReason.SUPPORTER_ENDED, EndReason.SUPPORTER_LEFT, EndReason.NOT_A_GOOD_FIT, EndReason.STALLED,
           EndReason.SUPPORTER_OFF_DUTY, EndReason.REMATCH_REQUESTED, EndReason.SUPPORTER_ERASED}
REMATCH_REASONS = {"not_a_good_fit": EndReason.NOT_A_GOOD_FIT, "stalled": EndReason.STALLED,
                   "supporter_off_duty": EndReason.SUPPORTER_OFF_DUTY, "asked": EndReason.REMATCH_REQUESTED}
NO_RATING = {EndReason.SEEKER_LEFT, EndReason.SUPPORTER_LEFT, EndReason.ERASED, EndReason.SUPPORTER_ERASED}


@dataclass(frozen=True)
class MatchSummary:
    """One active match as a coordinator sees it."""

    match: Match
    contacts_in_window: int
    expected: int
    window_weeks: int
    first_contact: str  # on time, late, or none yet


def _rounds_due(start: datetime, days: list[int], now: datetime) -> int:
    """How many of these days after `start` have come by `now`."""
    return sum(1 for day in days if start + timedelta(days=day) <= now)


class MatchLifecycle:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, programmes: ProgrammeService,
                 records: MatchRecords, matchmaker: Matchmaker, spaces: MatchSpaces, notifier: MatchNotifier) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.programmes = programmes
        self.records = records
        self.matchmaker = matchmaker
        self.spaces = spaces
        self.notifier = notifier

    async def _match_in(self, guild_id: int, match_id: int) -> Match:
        match = await self.records.get(match_id)
        if match is None or match.guild_id != guild_id:
            raise NotFound(f"There is no match #{match_id}.")
        return match

    async def _participant(self, actor: Actor, match_id: int) -> tuple[Match, Side]:
        match = await self._match_in(actor.guild_id, match_id)
        side = match.side_of(actor.user_id)
        if side is None:
            raise NotFound("That isn't one of your matches.")
        return match, side

    async def mine(self, actor: Actor) -> list[tuple[Match, Side, str]]:
        """The member's active matches, with their side and the programme's name."""
        found = []
        for side in Side:
            for match in await self.records.active_for(actor.guild_id, actor.user_id, side):
                found.append((match, side, (await self.programmes.get(match.programme_id)).name))
        return found

    async def active(self, actor: Actor) -> list[tuple[Match, str]]:
        """Active matches to choose from, each with its programme's name: every one in the server for a leader,
        the member's own for anyone else."""
        user_id = None if await self.roles.has(actor, PeerRole.LEADER) else actor.user_id
        rows = await self.db.fetch_all(
            "SELECT m.*, p.name AS programme FROM matches m JOIN match_programmes p ON p.id = m.programme_id"
            " WHERE m.guild_id = ? AND m.state = 'active' AND (? IS NULL OR ? IN (m.seeker_id, m.supporter_id))"
            " ORDER BY m.id DESC LIMIT 200", (actor.guild_id, user_id, user_id))
        return [(Match.from_row(r), str(r["programme"])) for r in rows]

    # ---- contacts ------------------------------------------------------------------------------------
    async def note_post(self, channel_id: int, user_id: int, at: datetime | None = None) -> bool:
        """A post in a match space by one of the pair counts as contact (the words are never kept). Called for
        every message, so it touches the database only in a match space. `at` is when it was posted, for posts
        read back after a restart (`catch_up_points`); a post no later than the last contact counted is not new."""
        match_id = await self.spaces.match_in(channel_id)
        if match_id is None:
            return False
        async with self.db.transaction():
            match = await self.records.get(match_id)
            side = match.side_of(user_id) if match else None
            if match is None or side is None or not match.active:
                return False
            if at is not None and (at > self.clock.now() or (match.last_contact_at or match.created_at) >= at):
                return False
            await self._contact(match, side, "post", at)
        return True

    async def catch_up_points(self) -> list[tuple[int, int, datetime]]:
        """(guild, space, since) for every open match space: posts made there after `since` while peerbot was
        away are read back at start-up and counted (note_post with their time), before any step is taken."""
        rows = await self.db.fetch_all(
            "SELECT guild_id, space_id, COALESCE(last_contact_at, created_at) AS since FROM matches"
            " WHERE state = 'active' AND space_state = 'open' AND space_id IS NOT NULL ORDER BY id")
        return [(int(r["guild_id"]), int(r["space_id"]), from_db(r["since"])) for r in rows]

    async def spoken(self, actor: Actor, match_id: int) -> Match:
        """“We've spoken”: a call or a meeting in person counts as contact."""
        async with self.db.transaction():
            match, side = await self._participant(actor, match_id)
            if not match.active:
                raise Conflict("That match has ended. Thank you for the time you gave it.")
            await self._contact(match, side, "spoken")
        updated = await self.records.get(match_id)
        assert updated is not None
        return updated

    async def _contact(self, match: Match, side: Side, kind: str, at: datetime | None = None) -> None:
        programme = await self.programmes.get(match.programme_id)
        s = programme.settings
        now = at or self.clock.now()
        last = await self.db.fetch_value("SELECT MAX(at) FROM match_contacts WHERE match_id = ?", (match.id,))
        if kind == "spoken" or last is None or now - from_db(last) >= s.hours("contact_gap_hours"):
            await self.db.execute("INSERT INTO match_contacts (match_id, at, kind, side) VALUES (?, ?, ?, ?)",
                                  (match.id, to_db(now), kind, side.value))
        first = match.first_contact_at is None and (side is Side.SUPPORTER or kind == "spoken")
        on_time = now <= match.created_at + s.hours("first_contact_hours")
        await self.db.execute(
            "UPDATE matches SET last_contact_at = ?, stalled_at = NULL,"
            " first_contact_at = CASE WHEN ? THEN ? ELSE first_contact_at END,"
            " first_contact_on_time = CASE WHEN ? THEN ? ELSE first_contact_on_time END WHERE id = ?",
            (to_db(now), first, to_db(now), first, int(on_time), match.id))
        if first:
            await self.records.event(match, "first_contact", "on_time" if on_time else "late")
        if match.stalled_at is not None:
            await self.records.event(match, "resumed")
        updated = await self.records.get(match.id)
        assert updated is not None
        await self.records.schedule(updated, s)

    # ---- check-ins -----------------------------------------------------------------------------------
    async def answer_checkin(self, actor: Actor, match_id: int, round_: int, *, happened: bool, good_fit: bool
                             ) -> str:
        """“Has it happened, is it a good fit?” Returns what comes next: thanks, rematch (the seeker may ask
        for someone else), or leaders (a coordinator follows up)."""
        async with self.db.transaction():
            match, side = await self._participant(actor, match_id)
            answered = await self.db.execute(
                "UPDATE match_checkins SET answered_at = ?, happened = ?, good_fit = ? WHERE match_id = ?"
                " AND round = ? AND side = ? AND answered_at IS NULL",
                (to_db(self.clock.now()), int(happened), int(good_fit and happened), match.id, round_, side.value))
            if not answered:
                raise Conflict("You've already answered this check-in. Thank you!")
            code = "good" if happened and good_fit else "not_yet" if not happened else "not_a_good_fit"
            await self.records.event(match, "checkin", f"{side.value}:{code}")
            if code == "good" or not match.active:
                return "thanks"
            programme = await self.programmes.get(match.programme_id)
            said = "it hasn't happened yet" if code == "not_yet" else "it isn't a good fit"
            await self.notifier.alert(
                match.guild_id, f"Check-in for match #{match.id} in **{programme.name}**: the {side.value} says "
                f"{said}. `/match matches` shows its contacts.", key=f"checkin:{match.id}:{round_}:{side.value}")
            return "rematch" if side is Side.SEEKER else "leaders"

    # ---- endings and rematches -----------------------------------------------------------------------
    async def end(self, actor: Actor, match_id: int, *, rematch: bool = False) -> Match:
        """Either side ends the match privately, no reason asked; a leader may end any match. The seeker may
        ask for someone else; when the supporter ends it, the seeker goes back in the queue in their place."""
        async with self.db.transaction():
            match = await self._match_in(actor.guild_id, match_id)
            side = match.side_of(actor.user_id)
            if side is None:
                await self.roles.require(actor, PeerRole.LEADER)
            if not match.active:
                raise Conflict("That match has already ended.")
            if side is Side.SEEKER:
                reason = EndReason.REMATCH_REQUESTED if rematch else EndReason.SEEKER_ENDED
            elif side is Side.SUPPORTER:
                reason = EndReason.SUPPORTER_ENDED
            else:
                reason = EndReason.REMATCH_REQUESTED if rematch else EndReason.LEADER_ENDED
            await self.finish(match, reason, side.value if side else "leader")
        ended = await self.records.get(match_id)
        assert ended is not None
        return ended

    async def rematch(self, actor: Actor, match_id: int, reason: str) -> None:
        """The seeker asks for someone else (after a check-in, a stall, or their supporter's break)."""
        code = REMATCH_REASONS.get(reason)
        if code is None:
            raise InvalidInput("Unknown rematch reason.")
        async with self.db.transaction():
            match, side = await self._participant(actor, match_id)
            if side is not Side.SEEKER:
                raise Conflict("Only the member being supported can ask for a new match. If this match isn't "
                               "working for you, /match end ends it kindly.")
            if not match.active:
                raise Conflict("That match has already ended; if you asked for someone new, you're in the queue.")
            await self.finish(match, code, "seeker")

    async def finish(self, match: Match, reason: EndReason, by: str) -> None:
        """End a match. Call inside a transaction."""
        now = self.clock.now()
        changed = await self.db.execute(
            "UPDATE matches SET state = 'ended', ended_at = ?, end_reason = ?, ended_by = ?, next_action_at = NULL"
            " WHERE id = ? AND state = 'active'", (to_db(now), reason.value, by, match.id))
        if not changed:
            return
        programme = await self.programmes.get(match.programme_id)
        await self.records.event(match, "ended", reason.value)
        await self._tell(match, programme, reason)
        if match.space_state in ("open", "pending"):
            await self.notifier.archive_space(match.guild_id, match.id)
        if reason not in NO_RATING:
            for side in Side:
                await self.notifier.dm(
                    match.guild_id, match.user(side),
                    f"Would you tell us privately how your match in {programme.name} went? A rating from 1 to 5 "
                    "and a comment if you like. The other person never sees it.",
                    key=f"rate:{match.id}", match_id=match.id, buttons=[button("rating", match=match.id)])
        request = await load_request(self.db, match.request_id)
        if request is not None and request.seeker_id is not None and reason in REQUEUE:
            await self.db.execute(
                "UPDATE match_requests SET state = 'waiting', spell_started_at = ?, rematches = rematches + 1,"
                " alerted = '' WHERE id = ?", (to_db(now), request.id))
            await self.records.event(match, "rematch", reason.value)
            await self.matchmaker.route(request.id)
        elif request is not None:
            await self.db.execute(
                "UPDATE match_requests SET state = 'closed', closed_reason = ?, closed_at = ?, challenges = NULL,"
                " why_now = NULL, wants = NULL, special = NULL, next_action_at = NULL WHERE id = ?",
                (reason.value, to_db(now), request.id))
        if match.supporter_id is not None:
            await refresh_load(self.db, self.clock, programme, match.supporter_id)
            await self.matchmaker.route_waiting(programme.id)
        await self.spaces.refresh()

    async def _tell(self, match: Match, programme: Programme, reason: EndReason) -> None:
        name = programme.name
        key = f"end:{match.id}"
        if reason is EndReason.COMPLETED:
            await self.notifier.post(
                match.guild_id, match.id,
                f"Your match in **{name}** has reached its planned end. Thank you both for the time and care you "
                "gave each other. This space will now close and stay readable for the programme team. If you'd "
                "like support again later, /match request is always there.", key=key)
            for side in Side:
                await self.notifier.dm(match.guild_id, match.user(side),
                                       f"Your match in {name} has come to its planned end. Thank you.", key=key)
            return
        to_supporter = {
            EndReason.SEEKER_ENDED: "The person you were supporting has decided to end the match. They didn't need "
                                    "to give a reason, and it isn't a judgement on you. Thank you for your time.",
            EndReason.SEEKER_LEFT: "The person you were supporting has left the server, so your match has ended. "
                                   "Thank you for the support you gave.",
            EndReason.LEADER_ENDED: "The programme team has ended your match. Thank you for your time; a leader "
                                    "will explain if needed.",
        }
        to_seeker = {
            EndReason.SUPPORTER_ENDED: "Your supporter has had to end the match. It isn't anything you did. You keep "
                                       "your place in the queue, and I'm looking for someone new for you.",
            EndReason.SUPPORTER_LEFT: "Your supporter is no longer in the server, so your match has ended. You keep "
                                      "your place in the queue, and I'm looking for someone new for you.",
            EndReason.LEADER_ENDED: "The programme team has ended your match. A leader will be in touch if needed.",
        }
        to_supporter[EndReason.ERASED] = to_supporter[EndReason.SEEKER_LEFT].replace("has left the server",
                                                                                      "has left the programme")
        to_seeker[EndReason.SUPPORTER_ERASED] = to_seeker[EndReason.SUPPORTER_LEFT].replace(
            "is no longer in the server", "has left the programme")
        if reason in REQUEUE and reason not in to_seeker:
            to_supporter[reason] = ("The person you were supporting will be matched with someone new. Matches "
                                    "don't always fit, and it isn't a judgement on you. Thank you for your time.")
        for side, texts in ((Side.SUPPORTER, to_supporter), (Side.SEEKER, to_seeker)):
            if reason in texts:
                await self.notifier.dm(match.guild_id, match.user(side), f"{name}: {texts[reason]}", key=key)

    async def member_left(self, guild_id: int, user_id: int, reason: str = "left") -> int:
        """A member left the server (or erased their data): close their requests, end their matches kindly,
        withdraw offers to and from them, and take them off duty. Returns how many things changed."""
        erased = reason == "erased"
        changed = 0
        async with self.db.transaction():
            # Off duty and their offers withdrawn first: ending their matches below frees room, and the queue
            # is tried again then, which must not offer that room to them.
            changed += await self.db.execute(
                "UPDATE match_supporters SET on_duty = 0, duty_changed_at = ? WHERE guild_id = ? AND user_id = ?"
                " AND on_duty = 1", (to_db(self.clock.now()), guild_id, user_id))
            changed += await self.matchmaker.withdraw_for_supporter(guild_id, user_id, "unavailable")
            rows = await self.db.fetch_all(
                "SELECT id FROM match_requests WHERE guild_id = ? AND seeker_id = ? AND state IN"
                " ('waiting','held','offered')", (guild_id, user_id))
            for row in rows:
                for offer in await self.matchmaker.offers.pending(request_id=int(row["id"])):
                    await self.matchmaker.offers.settle(offer.id, OfferState.WITHDRAWN, "closed")
                changed += await self.db.execute(
                    "UPDATE match_requests SET state = 'closed', closed_reason = ?, closed_at = ?, challenges = NULL,"
                    " why_now = NULL, wants = NULL, special = NULL, next_action_at = NULL WHERE id = ?",
                    ("erased" if erased else "seeker_left", to_db(self.clock.now()), int(row["id"])))
            for match in await self.records.active_for(guild_id, user_id, Side.SEEKER):
                await self.finish(match, EndReason.ERASED if erased else EndReason.SEEKER_LEFT, "system")
                changed += 1
            for match in await self.records.active_for(guild_id, user_id, Side.SUPPORTER):
                await self.finish(match, EndReason.SUPPORTER_ERASED if erased else EndReason.SUPPORTER_LEFT,
                                  "system")
                changed += 1
        return changed

    # ---- ratings -------------------------------------------------------------------------------------
    async def rate(self, actor: Actor, match_id: int, rating: int, comment: str | None) -> None:
        if not 1 <= rating <= 5:
            raise InvalidInput("Please choose a rating from 1 to 5.")
        text = clean_text(comment, field="comment", max_len=1000, multiline=True) \
            if comment and comment.strip() else None
        async with self.db.transaction():
            match, side = await self._participant(actor, match_id)
            if match.active:
                raise Conflict("Ratings open when a match ends. Thank you!")
            added = await self.db.execute(
                "INSERT OR IGNORE INTO match_ratings (match_id, side, rating, comment, created_on)"
                " VALUES (?, ?, ?, ?, ?)", (match.id, side.value, rating, text, self.clock.now().date().isoformat()))
            if not added:
                raise Conflict("You've already rated this match. Thank you!")

    # ---- the timed steps -----------------------------------------------------------------------------
    async def advance(self, match_id: int) -> list[Step]:
        """Take every step of this match that is due (one pass after a long outage may take several)."""
        taken: list[Step] = []
        async with self.db.transaction():
            match = await self.records.get(match_id)
            if match is None:
                return taken
            programme = await self.programmes.get(match.programme_id)
            now = self.clock.now()
            for _ in range(MAX_STEPS):
                steps = due_steps(match, programme.settings)
                if not steps or steps[0][0] > now:
                    break
                await self._step(match, programme, steps[0][1], now)
                taken.append(steps[0][1])
                reloaded = await self.records.get(match_id)
                assert reloaded is not None
                match = reloaded
                if not match.active:
                    break
            await self.records.schedule(match, programme.settings)
        return taken

    async def _step(self, m: Match, programme: Programme, step: Step, now: datetime) -> None:
        s = programme.settings
        name = programme.name
        space = f"<#{m.space_id}>" if m.space_id and m.space_state == "open" else "your match space"
        if step is Step.FIRST_CONTACT_REMINDER:
            await self.db.execute("UPDATE matches SET first_contact_reminded = 1 WHERE id = ?", (m.id,))
            await self.records.event(m, "first_contact_reminder")
            await self.notifier.dm(
                m.guild_id, m.supporter_id,
                f"A gentle reminder: it's been {s.first_contact_hours} hours since you were matched in {name}, and I "
                f"haven't seen a first contact yet. Please say hello in {space}, or press **We've spoken** there if "
                "you've already talked by phone or in person.", key=f"fc:{m.id}", match_id=m.id)
        elif step is Step.FIRST_CONTACT_ALERT:
            await self.db.execute("UPDATE matches SET first_contact_alerted = 1 WHERE id = ?", (m.id,))
            await self.records.event(m, "first_contact_alert")
            await self.notifier.alert(
                m.guild_id, f"Match #{m.id} in **{name}**: no first contact "
                f"{s.first_contact_hours + s.first_contact_alert_hours} hours after matching, although the "
                f"supporter <@{m.supporter_id}> was reminded.", key=f"fc:{m.id}")
        elif step is Step.CHECKIN:
            # After an outage, only the latest check-in that is due: the same question twice at once helps nobody.
            round_ = max(m.checkins_sent + 1, _rounds_due(m.created_at, s.checkin_days, now))
            await self.db.execute("UPDATE matches SET checkins_sent = ? WHERE id = ?", (round_, m.id))
            for side in Side:
                user = m.user(side)
                if user is None:
                    continue
                await self.db.execute(
                    "INSERT OR IGNORE INTO match_checkins (match_id, round, side, sent_at) VALUES (?, ?, ?, ?)",
                    (m.id, round_, side.value, to_db(now)))
                await self.notifier.dm(
                    m.guild_id, user, f"A private check-in about your match in {name}: has your first conversation "
                    "happened, and does it feel like a good fit? Only the programme team sees your answer.",
                    key=f"checkin:{m.id}:{round_}", match_id=m.id,
                    buttons=[button("checkin", match=m.id, round=round_)])
        elif step is Step.SUPPORTER_REMINDER:
            sent = max(m.reminders_sent + 1, _rounds_due(m.created_at, s.supporter_reminder_days, now))
            await self.db.execute("UPDATE matches SET reminders_sent = ? WHERE id = ?", (sent, m.id))
            weeks = (now - m.created_at).days // 7
            contacts = await self._contacts_in_window(m, s.expected_weeks)
            await self.notifier.dm(
                m.guild_id, m.supporter_id,
                f"You've been supporting someone in {name} for {weeks} weeks. Thank you. {contacts} contact(s) so "
                f"far; the programme hopes for about {s.expected_contacts} in the first {s.expected_weeks} weeks. "
                "A reminder: share your own experience rather than medical advice, keep to the programme's "
                "boundaries, and if you're ever worried about them, /refer brings in a professional.",
                key=f"reminder:{m.id}:{sent}", match_id=m.id)
        elif step is Step.STALLED:
            await self.db.execute("UPDATE matches SET stalled_at = ? WHERE id = ?", (to_db(now), m.id))
            await self.records.event(m, "stalled", "no_contact")
            stamp = to_db(now)
            await self.notifier.dm(
                m.guild_id, m.seeker_id,
                f"Checking in: it's been a while since you and your supporter in {name} were in touch. Is everything "
                "all right? You can write in your space any time, or, if you'd like someone new, press the button: "
                "you'll keep your place in the queue.", key=f"stalled:{m.id}:{stamp}", match_id=m.id,
                buttons=[button("rematch", match=m.id, reason="stalled")])
            await self.notifier.dm(
                m.guild_id, m.supporter_id,
                f"Checking in: it's been {s.stalled_after_days} days without contact in your match in {name}. If "
                "life got busy, that's all right: a short message in the space helps, or tell a programme leader "
                "if you need to step back.", key=f"stalled:{m.id}:{stamp}", match_id=m.id)
            await self.notifier.alert(
                m.guild_id, f"Match #{m.id} in **{name}** has stalled: no contact for {s.stalled_after_days} days. "
                "Both were checked on and the member was offered a new match.", key=f"stalled:{m.id}:{stamp}")
        elif step is Step.END:
            await self.finish(m, EndReason.COMPLETED, "system")

    # ---- coordinators ----------------------------------------------------------------------------------
    async def _contacts_in_window(self, m: Match, weeks: int) -> int:
        return int(await self.db.fetch_value(
            "SELECT COUNT(*) FROM match_contacts WHERE match_id = ? AND at <= ?",
            (m.id, to_db(m.created_at + timedelta(weeks=weeks)))))

    async def overview(self, actor: Actor, programme: Programme) -> list[MatchSummary]:
        """Active matches with their contacts in the first weeks against the programme's expectation."""
        await self.roles.require(actor, PeerRole.LEADER)
        same_server(actor, programme)
        rows = await self.db.fetch_all("SELECT * FROM matches WHERE programme_id = ? AND state = 'active'"
                                       " ORDER BY created_at", (programme.id,))
        s = programme.settings
        found = []
        for row in rows:
            m = Match.from_row(row)
            first = "none yet" if m.first_contact_at is None else \
                "on time" if row["first_contact_on_time"] else "late"
            found.append(MatchSummary(m, await self._contacts_in_window(m, s.expected_weeks), s.expected_contacts,
                                      s.expected_weeks, first))
        return found

    async def outcomes(self, actor: Actor, programme: Programme) -> dict[str, Any]:
        """The figures a report is built from, aggregated: nothing here names a member."""
        await self.roles.require(actor, PeerRole.LEADER)
        same_server(actor, programme)
        pid = (programme.id,)

        async def value(sql: str) -> Any:
            return await self.db.fetch_value(sql, pid)

        rematches = await self.db.fetch_all(
            "SELECT reason, COUNT(*) AS n FROM match_events WHERE programme_id = ? AND kind = 'rematch'"
            " GROUP BY reason ORDER BY reason", pid)
        ratings = await self.db.fetch_all(
            "SELECT r.side, COUNT(*) AS n, AVG(r.rating) AS mean FROM match_ratings r JOIN matches m"
            " ON m.id = r.match_id WHERE m.programme_id = ? GROUP BY r.side ORDER BY r.side", pid)
        return {
            "matches": await value("SELECT COUNT(*) FROM matches WHERE programme_id = ?"),
            "mean_hours_to_match": await value("SELECT AVG(waited_seconds) / 3600.0 FROM matches"
                                               " WHERE programme_id = ?"),
            "first_contact_on_time": await value("SELECT AVG(first_contact_on_time) FROM matches WHERE programme_id"
                                                 " = ? AND first_contact_on_time IS NOT NULL"),
            "mean_contacts": await value("SELECT AVG(n) FROM (SELECT COUNT(c.id) AS n FROM matches m LEFT JOIN"
                                         " match_contacts c ON c.match_id = m.id WHERE m.programme_id = ?"
                                         " GROUP BY m.id)"),
            "checkins_answered": await value("SELECT COUNT(*) FROM match_checkins c JOIN matches m ON m.id ="
                                             " c.match_id WHERE m.programme_id = ? AND c.answered_at IS NOT NULL"),
            "rematches": {r["reason"]: r["n"] for r in rematches},
            "ratings": {r["side"]: {"count": r["n"], "mean": r["mean"]} for r in ratings},
        }
