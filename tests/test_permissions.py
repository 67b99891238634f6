"""Who may do what: every state-changing service method (tests/service_table.py's COMMANDS) against every peerbot
role, a plain member, and an admin of another server.

Each case runs on a fresh copy of a populated server (tests/world.py). An actor in a case's `allowed` must
succeed; anyone else must be refused with a sentence and change nothing at all. The admin of another server,
where allowed, acts in its own server: it may add rows there, and must leave every row of ours as it was.

`test_every_command_has_a_row` fails when a service gains a command method without a row here.

Adding a row: a `Case(method, call, allowed)`, where `call(services, actor)` does the action as that actor on
the world's rows, `prepare(services, actor)` (optional) sets up what the action needs and is not checked, and
`allowed` names who may do it. Several cases may share a method (e.g. erasing yourself, erasing someone else).
"""

from __future__ import annotations

import contextlib
import shutil
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.domain.conduct.enforcement import Incoming
from bot.domain.facilitator import CertStatus
from bot.domain.group import Audience, GroupDraft
from bot.domain.matching.profile import ProfileDraft, Role, Side
from bot.domain.matching.programme import Programme, ProgrammeSettings
from bot.domain.matching.request import Intake
from bot.domain.matching.taxonomy import Kind
from bot.domain.referral import ReferReason
from bot.domain.risk import RiskScreener
from bot.domain.roles import Actor, PeerRole
from bot.errors import DomainError
from bot.services import Services
from tests.conftest import ADMIN_ROLE, GUILD, LEADER_ROLE, MOD_ROLE, PEER_ROLE, FakeClock, FakeProvisioner
from tests.db_helpers import fingerprint
from tests.meeting_helpers import FAC, FAC2, FAC3, GROUP, MEMBER, MEMBER2, weekly_draft
from tests.service_table import COMMANDS, INTERNAL, READS, public_methods
from tests.world import FAC_ROLE, FULL, PEER, PROGRAMME, RULE, SPACE, build_template, open_world

SCREEN = RiskScreener()
FIRST = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)  # the world's first meeting (occurrence 1)
OTHER_GUILD = 77

ACTORS = {
    "admin": Actor(GUILD, 1, frozenset({ADMIN_ROLE})),
    "moderator": Actor(GUILD, 3, frozenset({MOD_ROLE})),
    "leader": Actor(GUILD, 2, frozenset({LEADER_ROLE})),
    "facilitator": Actor(GUILD, FAC.user_id, frozenset({FAC_ROLE})),  # certified, assigned, runs the meetings
    "peer_supporter": Actor(GUILD, 6, frozenset({PEER_ROLE})),
    "member": Actor(GUILD, MEMBER.user_id),  # in the group, RSVP'd to meeting 1
    "other_admin": Actor(OTHER_GUILD, 77001, is_server_admin=True),
}
EVERYONE = frozenset(ACTORS)
IN_SERVER = EVERYONE - {"other_admin"}
ADMINS = frozenset({"admin", "other_admin"})  # each admin in their own server (there, another's has no data)

Call = Callable[[Services, Actor], Awaitable[object]]


@dataclass(frozen=True)
class Case:
    method: str
    call: Call
    allowed: frozenset[str]
    prepare: Call | None = None
    label: str = ""

    @property
    def id(self) -> str:
        return self.method + (f"[{self.label}]" if self.label else "")


async def conduct_accepted(s: Services, a: Actor) -> None:
    await s.conduct.accept(GUILD, a.user_id, 1)


async def joined(s: Services, a: Actor) -> None:
    await conduct_accepted(s, a)
    await s.groups.join(Actor(GUILD, a.user_id), GROUP)


async def meeting_time(s: Services, a: Actor) -> None:
    assert isinstance(s.clock, FakeClock)
    s.clock.current = FIRST


async def meeting_open(s: Services, a: Actor) -> None:
    await meeting_time(s, a)
    await s.timeline.check_in(FAC, 1)


async def meeting_over(s: Services, a: Actor) -> None:
    await meeting_open(s, a)
    await s.timeline.here(MEMBER, 1)
    await s.timeline.end(FAC, 1)


async def trainee(s: Services, a: Actor) -> None:
    await s.facilitators.set_status(ACTORS["leader"], FAC3.user_id, CertStatus.TRAINEE)


async def enrolled(s: Services, a: Actor) -> None:
    await s.courses.enroll(MEMBER, 2)


async def appealed(s: Services, a: Actor) -> None:
    await s.conduct_cases.appeal(MEMBER.user_id, 1, "I was quoting someone else")


async def escalated(s: Services, a: Actor) -> None:
    await s.db.execute("UPDATE conduct_cases SET escalation = 'open' WHERE id = 1")


async def group_channel(s: Services) -> int:
    return int(await s.db.fetch_value("SELECT channel_id FROM groups WHERE name = ?", (GROUP,)))


async def posted(s: Services, a: Actor) -> object:
    return await s.enforcement.on_message(Incoming(a.guild_id, await group_channel(s), 8888, a.user_id,
                                                   "hello everyone", s.clock.now()))


async def edited(s: Services, a: Actor) -> object:
    return await s.enforcement.on_edit(Incoming(a.guild_id, await group_channel(s), 8889, a.user_id,
                                                "hello again, everyone", s.clock.now()))


async def in_meeting(s: Services, a: Actor) -> object:
    return await s.enforcement.in_meeting(a, await group_channel(s), MEMBER2.user_id, "nudge", None)


# ---- matching -------------------------------------------------------------------------------------------
LEADERS = frozenset({"admin", "leader"})  # programme leaders, in our server (the programme is ours)
PAIR = frozenset({"member", "peer_supporter"})  # match #1
PROGRAMME_1 = Programme(1, GUILD, PROGRAMME, ProgrammeSettings())  # as the adapters resolve it in our server
PROFILE = ProfileDraft(role="patient", languages="English", condition="Kidney transplant")
INTAKE = Intake(challenges="Newly diagnosed.", why_now="Treatment starts soon.")


async def seeker_profile(s: Services, a: Actor) -> None:
    if a.guild_id == GUILD:
        await s.matching.profiles.save(a, PROGRAMME_1, Side.SEEKER, PROFILE)


async def supporter_profile(s: Services, a: Actor) -> None:
    if a.guild_id == GUILD:
        await s.matching.profiles.save(a, PROGRAMME_1, Side.SUPPORTER, PROFILE)


async def requested(s: Services, a: Actor) -> None:
    await seeker_profile(s, a)
    with contextlib.suppress(DomainError):  # MEMBER is matched already
        await s.matching.intake.submit(a, PROGRAMME_1, Role.PATIENT, INTAKE)


async def held(s: Services, a: Actor) -> None:
    await s.db.execute("UPDATE match_requests SET state = 'held', held_reason = 'open_referral' WHERE id = 3")


async def space_deleted(s: Services, a: Actor) -> None:
    await s.matching.spaces.missing(SPACE)


async def checked_in(s: Services, a: Actor) -> None:
    await s.db.execute("INSERT INTO match_checkins (match_id, round, side, sent_at) VALUES (1, 1, 'seeker', ?),"
                       " (1, 1, 'supporter', ?)", (FIRST.isoformat(), FIRST.isoformat()))


async def match_ended(s: Services, a: Actor) -> None:
    await s.matching.lifecycle.end(MEMBER, 1)


def flag(s: Services, a: Actor) -> Awaitable[object]:
    return s.referrals.flag(a, MEMBER2.user_id, 50, 7777, "url", "i feel hopeless", "worried",
                            SCREEN.screen("i feel hopeless"))


def screened(s: Services, a: Actor) -> Awaitable[object]:
    return s.referrals.from_screening(a.guild_id, a.user_id, 50, 7778, "url", "i want to die", [],
                                      SCREEN.screen("i want to die"))


CASES = [
    # server settings
    Case("roles.set_mapping", lambda s, a: s.roles.set_mapping(a, PeerRole.MODERATOR, {99}), ADMINS),
    Case("alerts.set_channel", lambda s, a: s.alerts.set_channel(a, 555), ADMINS),
    Case("referrals.configure", lambda s, a: s.referrals.configure(a, country="GB"), ADMINS),
    Case("conduct.publish", lambda s, a: s.conduct.publish(a, "Version two"), ADMINS),
    Case("agreement.publish", lambda s, a: s.agreement.publish(a, "Version two"), ADMINS | {"leader"}),
    # accepting a text: the id comes from Discord's interaction, so only oneself, in one's own server
    Case("conduct.accept", lambda s, a: s.conduct.accept(a.guild_id, a.user_id, 1), IN_SERVER),
    Case("agreement.accept", lambda s, a: s.agreement.accept(a.guild_id, a.user_id, 1), IN_SERVER),
    # groups
    Case("groups.create", lambda s, a: s.groups.create(a, GroupDraft(
        name="New group", condition="c", audience=Audience.BOTH, description="d"), FakeProvisioner()), ADMINS),
    Case("groups.archive", lambda s, a: s.groups.archive(a, FULL), frozenset({"admin"})),
    Case("groups.delete", lambda s, a: s.groups.delete(a, FULL), frozenset({"admin"})),
    Case("groups.join", lambda s, a: s.groups.join(a, GROUP), IN_SERVER, conduct_accepted),
    Case("groups.join_waitlist", lambda s, a: s.groups.join_waitlist(a, FULL), IN_SERVER, conduct_accepted),
    Case("groups.leave", lambda s, a: s.groups.leave(a, GROUP), IN_SERVER, joined),
    # privacy
    Case("privacy.delete", lambda s, a: s.privacy.delete(a, a.user_id), EVERYONE, label="yourself"),
    Case("privacy.delete", lambda s, a: s.privacy.delete(a, MEMBER2.user_id), ADMINS, label="someone else"),
    Case("privacy.export", lambda s, a: s.privacy.export(a, MEMBER2.user_id), ADMINS, label="someone else"),
    # referrals
    Case("referrals.flag", flag, EVERYONE),
    Case("referrals.from_screening", screened, EVERYONE),  # the author's own message, as Discord gives it
    Case("intake.flag", lambda s, a: s.intake.flag(a, MEMBER2.user_id, 50, 7779, "url", "i feel hopeless", None,
                                                   SCREEN.screen("i feel hopeless")), EVERYONE),
    Case("intake.from_screening", lambda s, a: s.intake.from_screening(
        a.guild_id, a.user_id, 50, 7780, "url", "i want to die", [], SCREEN.screen("i want to die")), EVERYONE),
    Case("referrals.refer", lambda s, a: s.referrals.refer(a, MEMBER2.user_id, ReferReason.CRISIS, None, 50),
         EVERYONE - {"member"}),
    Case("referrals.act", lambda s, a: s.referrals.act(a, 1, "claim"), frozenset({"admin", "leader"})),
    Case("referrals.view", lambda s, a: s.referrals.view(a, 1), frozenset({"admin", "leader"})),
    # facilitators
    Case("facilitators.set_status", lambda s, a: s.facilitators.set_status(a, 40, CertStatus.TRAINEE),
         ADMINS | {"leader"}),
    Case("facilitators.history", lambda s, a: s.facilitators.history(a, FAC2.user_id), ADMINS | {"leader"}),
    Case("assignments.assign", lambda s, a: s.assignments.assign(a, FAC3.user_id, GROUP),
         frozenset({"admin", "leader"}), trainee),
    Case("assignments.unassign", lambda s, a: s.assignments.unassign(a, FAC2.user_id, GROUP, "moving on"),
         frozenset({"admin", "leader"})),
    # meetings: leaders, and the facilitator who runs them
    Case("meetings.schedule", lambda s, a: s.meetings.schedule(a, GROUP, weekly_draft(
        day="2026-03-11", facilitator_id=FAC.user_id)), frozenset({"admin", "leader", "facilitator"})),
    Case("meetings.cancel", lambda s, a: s.meetings.cancel(a, 1), frozenset({"admin", "leader", "facilitator"})),
    Case("meetings.move", lambda s, a: s.meetings.move(a, 1, "2026-03-11", "19:00"),
         frozenset({"admin", "leader", "facilitator"})),
    Case("meetings.set_agenda", lambda s, a: s.meetings.set_agenda(a, 1, "Readings"),
         frozenset({"admin", "leader", "facilitator"})),
    Case("meetings.end_series", lambda s, a: s.meetings.end_series(a, 1), frozenset({"admin", "leader"})),
    Case("meetings.request_cover", lambda s, a: s.meetings.request_cover(a, 1), frozenset({"facilitator"})),
    # Only another facilitator assigned to the group (FAC2) may take FAC's cover request; none of these may.
    Case("meetings.take_cover", lambda s, a: s.meetings.take_cover(a, 1), frozenset()),
    Case("meetings.hand_over", lambda s, a: s.meetings.hand_over(a, 1, FAC2.user_id),
         frozenset({"admin", "leader"})),
    Case("timeline.check_in", lambda s, a: s.timeline.check_in(a, 1), frozenset({"facilitator"}), meeting_time),
    Case("timeline.end", lambda s, a: s.timeline.end(a, 1), frozenset({"facilitator"}), meeting_open),
    Case("timeline.here", lambda s, a: s.timeline.here(a, 1), frozenset({"facilitator", "member"}), meeting_open),
    Case("timeline.attendance", lambda s, a: s.timeline.attendance(a, 1),
         frozenset({"admin", "leader", "facilitator"}), meeting_over),
    Case("timeline.submit_feedback", lambda s, a: s.timeline.submit_feedback(a.user_id, 1, 5, None),
         frozenset({"member"}), meeting_over),  # members who attended (not who ran it), once each
    Case("timeline.note_post", lambda s, a: s.timeline.note_post(50, a.user_id), EVERYONE),  # records only facts
    # members' own choices
    Case("rsvps.rsvp", lambda s, a: s.rsvps.rsvp(a, 1), frozenset({"member"})),  # group members
    Case("rsvps.cancel_rsvp", lambda s, a: s.rsvps.cancel_rsvp(a, 1), frozenset({"member"})),
    Case("rsvps.set_time_zone", lambda s, a: s.rsvps.set_time_zone(a.guild_id, a.user_id, "Europe/Paris"),
         EVERYONE),
    Case("rsvps.set_reminders", lambda s, a: s.rsvps.set_reminders(a.guild_id, a.user_id, [60], "dm"), EVERYONE),
    Case("courses.enroll", lambda s, a: s.courses.enroll(a, 2), frozenset({"member"})),
    Case("courses.withdraw", lambda s, a: s.courses.withdraw(a, 2), frozenset({"member"}), enrolled),
    Case("languages.choose", lambda s, a: s.languages.choose(a, "es"), EVERYONE),
    Case("languages.clear", lambda s, a: s.languages.clear(a), EVERYONE),
    # conduct: admins set it up, moderators act on cases, the meeting's facilitator in a meeting
    Case("conduct_policy.configure", lambda s, a: s.conduct_policy.configure(a, warning_days=14), ADMINS),
    Case("conduct_policy.set_layer", lambda s, a: s.conduct_policy.set_layer(a, RULE, None, enabled=False),
         ADMINS),
    Case("enforcement.warn", lambda s, a: s.enforcement.warn(a, MEMBER2.user_id, "Shouting at people"),
         ADMINS | {"moderator"}),
    Case("enforcement.in_meeting", in_meeting, frozenset({"facilitator"}), meeting_open),
    Case("enforcement.on_message", posted, EVERYONE),  # one's own message, as Discord gives it
    Case("enforcement.on_edit", edited, EVERYONE),  # one's own edit, as Discord gives it
    Case("enforcement.automod_blocked", lambda s, a: s.enforcement.automod_blocked(
        a.guild_id, a.user_id, RULE, None, "you idiot", "idiot"), EVERYONE),  # from Discord's AutoMod event
    Case("conduct_cases.pardon", lambda s, a: s.conduct_cases.pardon(a, 1, None), frozenset({"admin", "moderator"})),
    Case("conduct_cases.mark_false_positive", lambda s, a: s.conduct_cases.mark_false_positive(a, 2),
         frozenset({"admin", "moderator"})),
    Case("conduct_cases.resolve", lambda s, a: s.conduct_cases.resolve(a, 1), frozenset({"admin", "moderator"}),
         escalated),
    Case("conduct_cases.appeal", lambda s, a: s.conduct_cases.appeal(a.user_id, 1, "It was a quote"),
         frozenset({"member"})),  # only the member the case is about
    Case("conduct_cases.decide_appeal", lambda s, a: s.conduct_cases.decide_appeal(a, 1, uphold=False, note=None),
         frozenset({"admin", "moderator"}), appealed),  # a moderator other than the one who acted
    Case("conduct_cases.history", lambda s, a: s.conduct_cases.history(a, MEMBER.user_id),
         ADMINS | {"moderator"}),
    # matching (tests/world.py: programme #1, MEMBER matched with the peer supporter, request #2 offered to them)
    Case("matching.programmes.create", lambda s, a: s.matching.programmes.create(a, "New mothers"),
         ADMINS | {"leader"}),
    Case("matching.programmes.configure", lambda s, a: s.matching.programmes.configure(
        a, PROGRAMME_1, {"retry_hours": 6}), LEADERS),
    Case("matching.taxonomy.add", lambda s, a: s.matching.taxonomy.add(a, Kind.ISSUE, "grief"), ADMINS | {"leader"}),
    Case("matching.taxonomy.remove", lambda s, a: s.matching.taxonomy.remove(a, Kind.ISSUE, "rejection"), LEADERS),
    Case("matching.profiles.save", lambda s, a: s.matching.profiles.save(a, PROGRAMME_1, Side.SEEKER, PROFILE),
         IN_SERVER),
    # The peer supporter's profile is in use by their match; anyone else may withdraw theirs.
    Case("matching.profiles.remove", lambda s, a: s.matching.profiles.remove(a, PROGRAMME_1, Side.SUPPORTER),
         IN_SERVER - {"peer_supporter"}, supporter_profile),
    # MEMBER is matched already: one live request per programme.
    Case("matching.intake.submit", lambda s, a: s.matching.intake.submit(a, PROGRAMME_1, Role.PATIENT, INTAKE),
         IN_SERVER - {"member"}, seeker_profile),
    Case("matching.intake.withdraw", lambda s, a: s.matching.intake.withdraw(a, PROGRAMME_1),
         IN_SERVER - {"member"}, requested),
    Case("matching.matchmaker.accept", lambda s, a: s.matching.matchmaker.accept(a, 2), frozenset({"peer_supporter"})),
    Case("matching.matchmaker.decline", lambda s, a: s.matching.matchmaker.decline(a, 2),
         frozenset({"peer_supporter"})),
    Case("matching.matchmaker.approve", lambda s, a: s.matching.matchmaker.approve(a, 3, PEER), LEADERS),
    Case("matching.matchmaker.release", lambda s, a: s.matching.matchmaker.release(a, 3), LEADERS, held),
    Case("matching.matchmaker.review", lambda s, a: s.matching.matchmaker.review(a, 3), LEADERS),
    Case("matching.intake.queue", lambda s, a: s.matching.intake.queue(a, PROGRAMME_1), LEADERS),
    Case("matching.intake.live_in_guild", lambda s, a: s.matching.intake.live_in_guild(a), ADMINS | {"leader"}),
    Case("matching.supporters.approve", lambda s, a: s.matching.supporters.approve(
        a, PROGRAMME_1, FAC2.user_id, "Mentor course", "2026-01-10"), LEADERS),
    Case("matching.supporters.revoke", lambda s, a: s.matching.supporters.revoke(a, PROGRAMME_1, PEER), LEADERS),
    Case("matching.supporters.set_cap", lambda s, a: s.matching.supporters.set_cap(a, PROGRAMME_1, 4),
         frozenset({"peer_supporter"}), label="own"),
    Case("matching.supporters.set_cap", lambda s, a: s.matching.supporters.set_cap(a, PROGRAMME_1, 4, PEER),
         LEADERS | {"peer_supporter"}, label="the peer supporter's"),
    Case("matching.supporters.set_duty", lambda s, a: s.matching.supporters.set_duty(a, False),
         frozenset({"peer_supporter"}), label="own"),
    Case("matching.supporters.set_duty", lambda s, a: s.matching.supporters.set_duty(a, False, PEER),
         LEADERS | {"peer_supporter"}, label="the peer supporter's"),
    Case("matching.supporters.load", lambda s, a: s.matching.supporters.load(a, PROGRAMME_1),
         LEADERS | {"moderator"}),
    Case("matching.spaces.reopen", lambda s, a: s.matching.spaces.reopen(a, 1), LEADERS, space_deleted),
    Case("matching.lifecycle.spoken", lambda s, a: s.matching.lifecycle.spoken(a, 1), PAIR),
    Case("matching.lifecycle.answer_checkin", lambda s, a: s.matching.lifecycle.answer_checkin(
        a, 1, 1, happened=True, good_fit=True), PAIR, checked_in),
    Case("matching.lifecycle.end", lambda s, a: s.matching.lifecycle.end(a, 1), PAIR | LEADERS),
    Case("matching.lifecycle.rematch", lambda s, a: s.matching.lifecycle.rematch(a, 1, "asked"),
         frozenset({"member"})),
    Case("matching.lifecycle.rate", lambda s, a: s.matching.lifecycle.rate(a, 1, 5, "Thank you"), PAIR, match_ended),
    Case("matching.lifecycle.note_post", lambda s, a: s.matching.lifecycle.note_post(SPACE, a.user_id),
         EVERYONE),  # a post in the space, as Discord gives it: only the pair's count
    Case("matching.lifecycle.overview", lambda s, a: s.matching.lifecycle.overview(a, PROGRAMME_1), LEADERS),
    Case("matching.lifecycle.outcomes", lambda s, a: s.matching.lifecycle.outcomes(a, PROGRAMME_1), LEADERS),
    Case("matching.batches.preview", lambda s, a: s.matching.batches.preview(a, PROGRAMME_1), LEADERS),
    Case("matching.batches.publish", lambda s, a: s.matching.batches.publish(a, 1), LEADERS),
]


def test_every_public_service_method_is_classified() -> None:
    """A new public method on any service must be placed in tests/service_table.py (and so reach both suites)."""
    unclassified = public_methods() - (COMMANDS | READS | INTERNAL)
    assert not unclassified, f"classify these in tests/service_table.py: {sorted(unclassified)}"
    assert not (COMMANDS | READS | INTERNAL) - public_methods(), "tests/service_table.py names a method that is gone"


def test_every_command_has_a_row() -> None:
    missing = COMMANDS - {case.method for case in CASES}
    assert not missing, f"add a Case for each new command method (see this module's docstring): {sorted(missing)}"


def test_moderators_may_refer() -> None:
    """A decision the README states: conduct problems a moderator sees can hide distress."""
    assert "moderator" in next(c for c in CASES if c.method == "referrals.refer").allowed


# ---- running the matrix ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("permissions") / "template.db")


@pytest.fixture
async def world(template: Path, tmp_path: Path) -> AsyncIterator[Services]:
    copy = tmp_path / "world.db"
    shutil.copyfile(template, copy)
    services = await open_world(copy)
    yield services
    await services.db.close()


async def snapshot(services: Services) -> dict[str, Counter[tuple[Any, ...]]]:
    names = [r[0] for r in await services.db.fetch_all(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: Counter(tuple(r) for r in await services.db.fetch_all(f'SELECT * FROM "{t}"')) for t in names}


@pytest.mark.parametrize("who", list(ACTORS))
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_each_role_may_do_only_what_its_row_allows(world: Services, case: Case, who: str) -> None:
    actor = ACTORS[who]
    if case.prepare is not None:
        await case.prepare(world, actor)
    if who in case.allowed and who == "other_admin":  # in its own server: ours is untouched (rows only added)
        rows = await snapshot(world)
        await case.call(world, actor)
        after = await snapshot(world)
        assert all(not (kept - after[t]) for t, kept in rows.items()), "another server's admin changed ours"
        return
    if who in case.allowed:
        await case.call(world, actor)
        return
    before = await fingerprint(world.db)
    with pytest.raises(DomainError) as refused:
        await case.call(world, actor)
    assert refused.value.message
    assert await fingerprint(world.db) == before, f"refused ({refused.value.message!r}) but something changed"
