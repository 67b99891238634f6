"""The match space: a private channel or thread for the pair, visible to leaders and moderators.

It is opened through the outbox when a supporter accepts, recorded as soon as it exists, and archived when the
match ends. Screening, referral and conduct cover it like a group channel (`space_of`, registered with
ScreenedSpaces in bot/services.py). If someone deletes it by
hand, the match carries on without it: both are told, leaders are alerted, and a leader can open a new one.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.domain.matching.explain import for_pair
from bot.domain.matching.match import MatchRecords
from bot.domain.matching.notify import MatchNotifier
from bot.domain.matching.profile import ProfileService, Side
from bot.domain.matching.programme import ProgrammeService, SpaceKind
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.spaces import Space
from bot.errors import Conflict, NotFound
from bot.storage.db import Database

HONESTY = ("Messages in this space are looked after like the programme's groups: if something worrying is "
           "posted, the programme's professionals are told, so someone can help. Direct messages and phone calls "
           "are not covered by that: peerbot can't see them, and nobody will know if something goes wrong there.")


@dataclass(frozen=True)
class SpaceSpec:
    """What the Discord side needs to open a space."""

    match_id: int
    guild_id: int
    rev: int
    kind: SpaceKind
    parent_id: int | None
    seeker_id: int
    supporter_id: int
    staff_role_ids: frozenset[int]
    name: str
    topic: str


class MatchSpaces:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, programmes: ProgrammeService,
                 profiles: ProfileService, records: MatchRecords, notifier: MatchNotifier) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.programmes = programmes
        self.profiles = profiles
        self.records = records
        self.notifier = notifier
        # Open spaces by channel id, read on every message: kept in memory and re-read from the database after
        # anything that opens or closes one (never edited by hand), as meetings do with open rooms.
        self._open: dict[int, int] | None = None

    async def refresh(self) -> None:
        rows = await self.db.fetch_all(
            "SELECT space_id, id FROM matches WHERE state = 'active' AND space_state = 'open' AND space_id IS NOT NULL")
        self._open = {int(r["space_id"]): int(r["id"]) for r in rows}

    async def match_in(self, channel_id: int) -> int | None:
        if self._open is None:
            await self.refresh()
        assert self._open is not None
        return self._open.get(channel_id)

    async def space_of(self, channel_id: int) -> Space | None:
        """Screening and conduct ask this (bot/domain/spaces.py): is the channel a pair's open space?"""
        return Space("match") if await self.match_in(channel_id) is not None else None

    async def spec(self, match_id: int, rev: int) -> SpaceSpec | None:
        """None when there is nothing to open: the match ended, or a newer request for a space replaced this."""
        match = await self.records.get(match_id)
        if match is None or not match.active or match.space_rev != rev or match.space_state != "pending" \
                or match.seeker_id is None or match.supporter_id is None:
            return None
        programme = await self.programmes.get(match.programme_id)
        staff = frozenset(await self.roles.staff_role_ids(match.guild_id))
        return SpaceSpec(match.id, match.guild_id, rev, programme.settings.space_kind,
                         programme.settings.space_parent_id, match.seeker_id, match.supporter_id, staff,
                         f"match-{match.id}", f"peerbot match #{match.id} · {programme.name}")

    async def record(self, match_id: int, rev: int, space_id: int) -> bool:
        """The space exists: remember it, post the welcome, and tell both where it is. False when the match
        ended meanwhile (the caller then archives the new space)."""
        async with self.db.transaction():
            changed = await self.db.execute(
                "UPDATE matches SET space_id = ?, space_state = 'open' WHERE id = ? AND space_rev = ?"
                " AND state = 'active'", (space_id, match_id, rev))
            match = await self.records.get(match_id)
            if not changed or match is None:
                return False
            programme = await self.programmes.get(match.programme_id)
            await self.notifier.post(match.guild_id, match.id, await self.welcome_text(match_id),
                                     key=f"welcome:{match.id}:{rev}", welcome=True)
            for side in Side:
                text = (f"You've been matched in {programme.name}! Your private space is <#{space_id}>."
                        if rev == 1 else f"Your match space in {programme.name} is back: <#{space_id}>.")
                if side is Side.SUPPORTER and rev == 1:
                    text += " Thank you for accepting. Please say hello there soon."
                await self.notifier.dm(match.guild_id, match.user(side), text, key=f"space:{match.id}:{rev}",
                                       match_id=match.id)
        await self.refresh()
        return True

    async def welcome_text(self, match_id: int) -> str:
        match = await self.records.get(match_id)
        if match is None:
            return ""
        programme = await self.programmes.get(match.programme_id)
        seeker = await self.profiles.get(programme.id, match.seeker_id or 0, Side.SEEKER)
        supporter = await self.profiles.get(programme.id, match.supporter_id or 0, Side.SUPPORTER)
        why = for_pair(match.reasons, seeker.show if seeker else (), supporter.show if supporter else ())
        s = programme.settings
        ends = f" This match runs for {s.duration_weeks} weeks." if s.duration_weeks else ""
        return (f"Welcome, <@{match.seeker_id}> and <@{match.supporter_id}>. This is your private space in "
                f"**{programme.name}**: only the two of you and the programme team (leaders and moderators) can "
                f"see it.{ends}\n\n**Why you were matched:** {why}.\n\n**Boundaries:** {s.boundaries}\n\n"
                f"**Please know:** {HONESTY}\n\n**First contact:** <@{match.supporter_id}>, please say hello here "
                f"within {s.first_contact_hours} hours. If you talk by phone or meet in person, press **We've "
                "spoken** so we know it happened (nothing about what you said is kept).")

    async def missing(self, channel_id: int) -> int | None:
        """The space was deleted by hand. Returns the match id when it was a live match's space."""
        async with self.db.transaction():
            row = await self.db.fetch_one(
                "SELECT id FROM matches WHERE space_id = ? AND space_state = 'open' AND state = 'active'",
                (channel_id,))
            if row is None:
                return None
            match = await self.records.get(int(row["id"]))
            assert match is not None
            await self.db.execute("UPDATE matches SET space_state = 'missing' WHERE id = ?", (match.id,))
            await self.records.event(match, "space_missing")
            programme = await self.programmes.get(match.programme_id)
            await self.notifier.alert(
                match.guild_id, f"The private space of match #{match.id} in **{programme.name}** was deleted. The "
                f"match itself continues; `/match reopen match:{match.id}` opens a new space, or `/match end` "
                "ends it.", key=f"missing:{match.id}:{match.space_rev}")
            for side in Side:
                await self.notifier.dm(
                    match.guild_id, match.user(side),
                    f"The private space for your match in {programme.name} has been removed. Your match hasn't "
                    "ended, and the programme team knows; they'll be in touch about a new space.",
                    key=f"missing:{match.id}:{match.space_rev}")
        await self.refresh()
        return match.id

    async def reopen(self, actor: Actor, match_id: int) -> None:
        await self.roles.require(actor, PeerRole.LEADER)
        async with self.db.transaction():
            match = await self.records.get(match_id)
            if match is None or match.guild_id != actor.guild_id:
                raise NotFound(f"There is no match #{match_id}.")
            if not match.active:
                raise Conflict("That match has ended, so it has no space to reopen.")
            if match.space_state not in ("missing", "pending"):
                raise Conflict(f"The space of match #{match_id} is {match.space_state}; nothing to reopen.")
            await self.db.execute(
                "UPDATE matches SET space_rev = space_rev + 1, space_state = 'pending', space_id = NULL WHERE id = ?",
                (match.id,))
            await self.notifier.open_space(match.guild_id, match.id, match.space_rev + 1)

    async def archived(self, match_id: int) -> None:
        await self.db.execute("UPDATE matches SET space_state = 'archived' WHERE id = ? AND space_state = 'open'",
                              (match_id,))
        await self.refresh()

    async def target(self, match_id: int) -> tuple[int | None, str]:
        """Where to post for a match: its space id and state (open, pending, missing, archived)."""
        row = await self.db.fetch_one("SELECT space_id, space_state FROM matches WHERE id = ?", (match_id,))
        if row is None:
            return None, "missing"
        return row["space_id"], row["space_state"]
