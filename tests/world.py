"""A small server with some of everything, for suites that need rows to aim at: two groups (one full), members,
certified and assigned facilitators, a meeting series, a course, referrals, a cover request, and two conduct
cases about MEMBER (a moderator's warning, #1, and an AutoMod block, #2).

Small ids (1 to 6) name real rows in every table, so fuzzed and role-tested calls reach past "not found".
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.domain.group import Audience, GroupDraft
from bot.domain.meetings.recurrence import RecurrenceSpec, Repeat
from bot.domain.referral import ReferReason
from bot.domain.risk import RiskScreener
from bot.domain.roles import PeerRole
from bot.services import Services, open_services
from bot.settings import Settings
from tests.conftest import (
    ADMIN,
    ADMIN_ROLE,
    GUILD,
    LEADER_ROLE,
    MOD_ROLE,
    PEER_ROLE,
    FakeClock,
    FakeProvisioner,
    accept_conduct,
    actor,
)
from tests.meeting_helpers import FAC, FAC2, GROUP, MEMBER, MEMBER2, certify, join, make_group, weekly_draft

SCREEN = RiskScreener()
FULL = "Full group"
PEER = 6  # a peer supporter's user id
WARNER = actor(8, MOD_ROLE)  # the moderator who warned MEMBER (so another moderator may decide an appeal)
PROGRAMME = "Mentors"  # matching programme #1
SEEKER2, SEEKER3 = actor(33), actor(34)  # waiting for a match: request #2 (offered to PEER), request #3
SPACE = 8801  # match #1's private channel
RULE = "insult"
FAC_ROLE = 4
ROLE_IDS = {PeerRole.ADMIN: ADMIN_ROLE, PeerRole.LEADER: LEADER_ROLE, PeerRole.MODERATOR: MOD_ROLE,
            PeerRole.FACILITATOR: FAC_ROLE, PeerRole.PEER_SUPPORTER: PEER_ROLE}


async def open_world(path: Path) -> Services:
    """Services over `path`, populated the first time (a copy of a populated file is used as it is)."""
    # The rules alone decide here, as in conftest: the model's tiers would make the world depend on its weights.
    settings = Settings(_env_file=None, database_path=path, risk_model=False)  # type: ignore[call-arg]
    services = await open_services(settings, FakeClock())
    if not await services.db.fetch_value("SELECT COUNT(*) FROM groups"):
        for role, role_id in ROLE_IDS.items():
            await services.roles.repo.replace(GUILD, role, {role_id})
        await populate(services)
    return services


def build_template(path: Path) -> Path:
    """Populate a database file once; suites copy it for each case."""
    with asyncio.Runner() as runner:
        services = runner.run(open_world(path))
        runner.run(services.db.close())
    return path


async def populate(services: Services) -> None:
    await make_group(services)
    await services.groups.create(ADMIN, GroupDraft(name=FULL, condition="c", audience=Audience.BOTH,
                                                   description="d", capacity=1), FakeProvisioner())
    await join(services, MEMBER.user_id, MEMBER2.user_id)
    await accept_conduct(services, PEER, FAC.user_id)
    await services.groups.join(MEMBER, FULL)
    await certify(services, FAC.user_id, FAC2.user_id)
    _, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft(co_facilitator_ids=(FAC2.user_id,)))
    await services.meetings.schedule(FAC, GROUP, weekly_draft(
        day="2026-03-14", title="Course", syllabus=("One", "Two", "Three"), capacity=1,
        recurrence=RecurrenceSpec(Repeat.WEEKLY)))
    await services.rsvps.rsvp(MEMBER, upcoming[0].id)
    await services.meetings.request_cover(FAC, upcoming[1].id)
    await populate_matching(services)  # before the referrals: a member at risk is held, not matched
    text = "i want to die tonight"
    await services.referrals.from_screening(GUILD, MEMBER.user_id, 50, 900, "url", text,
                                            [{"author_id": MEMBER2.user_id, "author": "Sam", "text": "hi"}],
                                            SCREEN.screen(text))
    await services.referrals.flag(MEMBER2, MEMBER.user_id, 50, 901, "url", "hmm", "worried", SCREEN.screen("hmm"))
    await services.referrals.refer(actor(PEER, PEER_ROLE), MEMBER2.user_id, ReferReason.CRISIS, "note", 50)
    await services.enforcement.warn(WARNER, MEMBER.user_id, "Rude to another member", RULE)
    await services.enforcement.automod_blocked(GUILD, MEMBER.user_id, RULE, None, "you are an idiot", "idiot")


async def populate_matching(services: Services) -> None:
    """Programme #1 (coordinator review): MEMBER matched with PEER (match #1, its space SPACE, offer #1); request
    #2 offered to PEER (offer #2, pending); request #3 waiting; batch preview #1 (request #3 to PEER)."""
    from bot.domain.matching.profile import ProfileDraft, Role, Side
    from bot.domain.matching.request import Intake
    from bot.domain.matching.taxonomy import Kind

    leader = actor(2, LEADER_ROLE)
    m = services.matching
    for kind, label in ((Kind.CONDITION, "Kidney transplant"), (Kind.TAG, "living donor"), (Kind.ISSUE, "rejection")):
        await m.taxonomy.add(leader, kind, label)
    programme = await m.programmes.create(leader, PROGRAMME)
    profile = ProfileDraft(role="patient", languages="English", condition="Kidney transplant", issues="rejection")
    await m.profiles.save(actor(PEER), programme, Side.SUPPORTER, profile)
    await m.supporters.approve(leader, programme, PEER, "Mentor course", "2026-01-10")
    words = Intake.clean("Newly diagnosed and scared.", "Treatment starts soon.", today=services.clock.now().date())
    for who in (MEMBER, SEEKER2, SEEKER3):
        await m.profiles.save(who, programme, Side.SEEKER, profile)
        await m.intake.submit(who, programme, Role.PATIENT, words)
    for request_id in (1, 2):
        await m.matchmaker.approve(leader, request_id, PEER)
    await m.matchmaker.accept(actor(PEER), 1)
    await m.spaces.record(1, 1, SPACE)
    await m.batches.preview(leader, programme)
