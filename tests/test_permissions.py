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
from bot.domain.referral import ReferReason
from bot.domain.risk import RiskScreener
from bot.domain.roles import Actor, PeerRole
from bot.errors import DomainError
from bot.services import Services
from tests.conftest import ADMIN_ROLE, GUILD, LEADER_ROLE, MOD_ROLE, PEER_ROLE, FakeClock, FakeProvisioner
from tests.db_helpers import fingerprint
from tests.meeting_helpers import FAC, FAC2, FAC3, GROUP, MEMBER, MEMBER2, weekly_draft
from tests.service_table import COMMANDS, INTERNAL, READS, public_methods
from tests.world import FAC_ROLE, FULL, RULE, build_template, open_world

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


async def in_meeting(s: Services, a: Actor) -> object:
    return await s.enforcement.in_meeting(a, await group_channel(s), MEMBER2.user_id, "nudge", None)


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
