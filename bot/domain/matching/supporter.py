"""Supporters: approval by a programme leader (with their training), the caseload cap, duty, and load.

The cap is a hard constraint: offers count against it while they wait, and an acceptance beyond it is refused.
A supporter can still end up over it (they lowered their cap, say); after weeks over it they get a gentle
check-in and leaders are told. Off duty is one command: no offers, their matches told kindly, leaders see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from bot.clock import Clock, from_db, to_db
from bot.domain.matching.notify import MatchNotifier, button
from bot.domain.matching.profile import Side
from bot.domain.matching.programme import Programme, ProgrammeService, same_server
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text
from bot.errors import InvalidInput, NotFound, PermissionDenied
from bot.storage.db import Database

if TYPE_CHECKING:
    from bot.domain.matching.matchmaker import Matchmaker

LIVE_SQL = ("(SELECT COUNT(*) FROM matches m WHERE m.programme_id = s.programme_id AND m.supporter_id = s.user_id"
            " AND m.state = 'active')")


async def refresh_load(db: Database, clock: Clock, programme: Programme, user_id: int) -> None:
    """Note when a supporter went over their cap (and when to check in), or that they are back under it."""
    row = await db.fetch_one(
        f"SELECT caseload_cap, over_cap_since, {LIVE_SQL} AS live FROM match_supporters s"
        " WHERE programme_id = ? AND user_id = ?", (programme.id, user_id))
    if row is None:
        return
    if int(row["live"]) > int(row["caseload_cap"]):
        if row["over_cap_since"] is None:
            now = clock.now()
            check_at = now + timedelta(days=programme.settings.over_cap_checkin_days)
            await db.execute(
                "UPDATE match_supporters SET over_cap_since = ?, over_cap_checked = 0, next_action_at = ?"
                " WHERE programme_id = ? AND user_id = ?", (to_db(now), to_db(check_at), programme.id, user_id))
    elif row["over_cap_since"] is not None:
        await db.execute(
            "UPDATE match_supporters SET over_cap_since = NULL, over_cap_checked = 0, next_action_at = NULL"
            " WHERE programme_id = ? AND user_id = ?", (programme.id, user_id))


@dataclass(frozen=True)
class Load:
    """One supporter as leaders see them."""

    user_id: int
    live: int
    pending: int
    cap: int
    on_duty: bool
    over_cap_since: datetime | None
    training: str
    trained_on: str


class SupporterService:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, programmes: ProgrammeService,
                 matchmaker: Matchmaker, notifier: MatchNotifier) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.programmes = programmes
        self.matchmaker = matchmaker
        self.notifier = notifier

    async def approve(self, actor: Actor, programme: Programme, user_id: int, training: str, trained_on: str,
                      cap: int | None = None) -> None:
        """A leader approves a supporter and records their training (what, when)."""
        await self.roles.require(actor, PeerRole.LEADER)
        same_server(actor, programme)
        training = clean_text(training, field="training", max_len=200)
        try:
            when = date.fromisoformat(trained_on.strip())
        except ValueError:
            raise InvalidInput("Please give the training date as YYYY-MM-DD.") from None
        if when > self.clock.now().date():
            raise InvalidInput("The training date is in the future; please give the date it was completed.")
        cap = cap if cap is not None else programme.settings.caseload_default
        self._check_cap(cap)
        now = to_db(self.clock.now())
        async with self.db.transaction():
            await self.db.execute(
                "INSERT INTO match_supporters (programme_id, user_id, guild_id, approved_by, approved_at, training,"
                " trained_on, caseload_cap, duty_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (programme_id, user_id) DO UPDATE SET approved_by = excluded.approved_by,"
                " approved_at = excluded.approved_at, training = excluded.training, trained_on = excluded.trained_on,"
                " caseload_cap = excluded.caseload_cap",
                (programme.id, user_id, actor.guild_id, actor.user_id, now, training, when.isoformat(), cap, now))
            await refresh_load(self.db, self.clock, programme, user_id)
        await self.matchmaker.route_waiting(programme.id)

    async def revoke(self, actor: Actor, programme: Programme, user_id: int) -> None:
        """A leader withdraws an approval; pending offers move on, and live matches carry on until they end."""
        await self.roles.require(actor, PeerRole.LEADER)
        same_server(actor, programme)
        async with self.db.transaction():
            # Removed first, so the requests their offers held are not offered straight back to them.
            removed = await self.db.execute("DELETE FROM match_supporters WHERE programme_id = ? AND user_id = ?",
                                            (programme.id, user_id))
            if not removed:
                raise NotFound("That member isn't an approved supporter in this programme.")
            await self.matchmaker.withdraw_for_supporter(actor.guild_id, user_id, "off_duty", programme.id)

    @staticmethod
    def _check_cap(cap: int) -> None:
        if not 1 <= cap <= 20:
            raise InvalidInput("A caseload cap is from 1 to 20 people.")

    async def set_cap(self, actor: Actor, programme: Programme, cap: int, user_id: int | None = None) -> None:
        """A supporter sets their own cap; a leader may set anyone's."""
        same_server(actor, programme)
        target = actor.user_id if user_id is None else user_id
        if target != actor.user_id:
            await self.roles.require(actor, PeerRole.LEADER)
        self._check_cap(cap)
        async with self.db.transaction():
            changed = await self.db.execute(
                "UPDATE match_supporters SET caseload_cap = ? WHERE programme_id = ? AND user_id = ?",
                (cap, programme.id, target))
            if not changed:
                raise NotFound(f"That member isn't an approved supporter in {programme.name}. A programme leader "
                               "approves supporters with /match approve.")
            await refresh_load(self.db, self.clock, programme, target)
        await self.matchmaker.route_waiting(programme.id)

    async def set_duty(self, actor: Actor, on_duty: bool, user_id: int | None = None) -> list[Programme]:
        """On or off duty in every programme the member supports. Off: pending offers move on to others, the
        people they support are told kindly (and may ask for someone else), and leaders are told."""
        target = actor.user_id if user_id is None else user_id
        if target != actor.user_id:
            await self.roles.require(actor, PeerRole.LEADER)
        rows = await self.db.fetch_all("SELECT programme_id FROM match_supporters WHERE guild_id = ? AND user_id = ?",
                                       (actor.guild_id, target))
        if not rows:
            raise PermissionDenied("Only an approved supporter goes on or off duty. A programme leader approves "
                                   "supporters with /match approve.")
        programmes = [await self.programmes.get(int(r["programme_id"])) for r in rows]
        async with self.db.transaction():
            await self.db.execute(
                "UPDATE match_supporters SET on_duty = ?, duty_changed_at = ? WHERE guild_id = ? AND user_id = ?",
                (int(on_duty), to_db(self.clock.now()), actor.guild_id, target))
            if not on_duty:
                await self._off_duty(actor.guild_id, target, programmes)
        if on_duty:
            for programme in programmes:
                await self.matchmaker.route_waiting(programme.id)
        return programmes

    async def _off_duty(self, guild_id: int, user_id: int, programmes: list[Programme]) -> None:
        stamp = to_db(self.clock.now())
        withdrawn = await self.matchmaker.withdraw_for_supporter(guild_id, user_id, "off_duty")
        live = await self.matchmaker.matches.active_for(guild_id, user_id, Side.SUPPORTER)
        for match in live:
            await self.matchmaker.matches.event(match, "supporter_off_duty")
            await self.notifier.dm(
                guild_id, match.seeker_id,
                "Your supporter is taking a break from the programme for a while. Nothing is wrong on your side. "
                "Your space stays open, and the programme team knows. If you'd rather be matched with someone else "
                "now, press the button and you'll keep your place in the queue.",
                key=f"offduty:{match.id}:{stamp}", match_id=match.id,
                buttons=[button("rematch", match=match.id, reason="supporter_off_duty")])
        names = ", ".join(p.name for p in programmes)
        await self.notifier.alert(
            guild_id, f"<@{user_id}> is now off duty ({names}): {withdrawn} pending offer(s) moved on, and the "
            f"{len(live)} member(s) they support were told kindly and offered someone else.",
            key=f"offduty:{user_id}:{stamp}")

    async def load(self, actor: Actor, programme: Programme) -> list[Load]:
        """Leaders (and moderators) see every supporter's load, duty and training."""
        await self.roles.require(actor, PeerRole.LEADER, PeerRole.MODERATOR)
        same_server(actor, programme)
        rows = await self.db.fetch_all(
            f"SELECT s.*, {LIVE_SQL} AS live, (SELECT COUNT(*) FROM match_offers o WHERE o.programme_id ="
            " s.programme_id AND o.supporter_id = s.user_id AND o.state = 'pending') AS pending"
            " FROM match_supporters s WHERE s.programme_id = ? ORDER BY live DESC, s.user_id", (programme.id,))
        return [Load(int(r["user_id"]), int(r["live"]), int(r["pending"]), int(r["caseload_cap"]),
                     bool(r["on_duty"]), from_db(r["over_cap_since"]) if r["over_cap_since"] else None,
                     r["training"], r["trained_on"]) for r in rows]

    async def over_cap_due(self, programme_id: int, user_id: int) -> bool:
        """Weeks over the cap: a gentle check-in for the supporter, and a note for leaders. Once per spell."""
        async with self.db.transaction():
            programme = await self.programmes.get(programme_id)
            row = await self.db.fetch_one(
                f"SELECT s.*, {LIVE_SQL} AS live FROM match_supporters s WHERE programme_id = ? AND user_id = ?",
                (programme_id, user_id))
            if row is None or row["over_cap_since"] is None or row["over_cap_checked"]:
                return False
            await self.db.execute("UPDATE match_supporters SET over_cap_checked = 1, next_action_at = NULL"
                                  " WHERE programme_id = ? AND user_id = ?", (programme_id, user_id))
            if int(row["live"]) <= int(row["caseload_cap"]):
                return False
            since = row["over_cap_since"][:10]
            await self.notifier.dm(
                programme.guild_id, user_id,
                f"A gentle check-in: you're supporting {row['live']} people in {programme.name}, more than the "
                f"{row['caseload_cap']} you set, and have been since {since}. Thank you for that. It's fine to say "
                "it's too much: you can raise your cap (/match cap), take a break (/match duty), or talk to a "
                "programme leader. Looking after yourself is part of supporting others.",
                key=f"overcap:{programme_id}:{since}")
            await self.notifier.alert(
                programme.guild_id, f"<@{user_id}> has supported {row['live']} members in **{programme.name}** "
                f"(cap {row['caseload_cap']}) since {since}. They got a gentle check-in; `/match load` shows "
                "everyone's load.", key=f"overcap:{programme_id}:{user_id}:{since}")
            return True
