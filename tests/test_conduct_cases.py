"""Conduct enforcement in the core: cases from messages, ladders, warnings that decay, thresholds, timeouts,
appeals, pardons, false positives, the grace period for a new code, races, restarts and privacy."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.domain.conduct.enforcement import Incoming
from bot.domain.conduct.model import Action
from bot.domain.conduct.settings import parse_ladder
from bot.domain.roles import PeerRole
from bot.errors import Conflict, InvalidInput, PermissionDenied
from bot.services import Services, open_services
from bot.settings import Settings
from tests.conftest import ADMIN, GUILD, MOD_ROLE, MODERATOR, FakeClock, actor
from tests.meeting_helpers import FAC, GROUP, MEMBER, certify, count, join, make_group, outbox, weekly_draft
from tests.test_meetings import FIRST

MOD2 = actor(4, MOD_ROLE)
AUTHOR = 77


async def group_channel(services: Services) -> int:
    group_id = await make_group(services)
    group = await services.groups.by_channel(int(await services.db.fetch_value(
        "SELECT channel_id FROM groups WHERE id = ?", (group_id,))))
    assert group is not None and group.channel_id is not None
    return group.channel_id


def said(services: Services, channel: int, text: str, message_id: int, author: int = AUTHOR,
         **extra: object) -> Incoming:
    return Incoming(guild_id=GUILD, channel_id=channel, message_id=message_id, author_id=author, content=text,
                    at=services.clock.now(), **extra)  # type: ignore[arg-type]


async def test_an_insult_in_a_group_climbs_the_ladder(services: Services, clock: FakeClock) -> None:
    channel = await group_channel(services)
    steps = []
    for n in range(4):
        clock.advance(minutes=5)
        outcome = await services.enforcement.on_message(said(services, channel, "you're a useless idiot", 100 + n))
        assert outcome is not None and outcome.case is not None
        steps.append(outcome.case.actions)
    assert steps == [[Action.NUDGE, Action.HIDE], [Action.HIDE, Action.WARN],
                     [Action.HIDE, Action.WARN, Action.ESCALATE],
                     # the third warning in 30 days brings the threshold's timeout
                     [Action.HIDE, Action.WARN, Action.ESCALATE, Action.TIMEOUT]]
    first = await services.conduct_cases.get(1)
    assert first.rule == "insult" and first.excerpt == "useless … idiot" and first.content == "you're a useless idiot"
    assert len(await outbox(services, "conduct_hide")) == 4
    assert len(await outbox(services, "conduct_modlog")) == 4
    # Hidden messages get their notice after the hide, from the hide handler: none is queued yet.
    assert await outbox(services, "conduct_notice") == []
    assert (await services.conduct_cases.get(3)).escalation == "open"


async def test_the_same_message_twice_is_one_case(services: Services) -> None:
    channel = await group_channel(services)
    first = await services.enforcement.on_message(said(services, channel, "you absolute moron", 5))
    again = await services.enforcement.on_message(said(services, channel, "you absolute moron", 5))
    assert first is not None and first.case is not None and again is not None and again.case is None
    assert await count(services, "conduct_cases") == 1


async def test_distress_and_unscreened_channels_are_never_actioned(services: Services) -> None:
    channel = await group_channel(services)
    for n, text in enumerate(["I'm such an idiot, I relapsed last night and I want to die",
                              "my ex called me a useless idiot and I can't cope any more",
                              "I took all my pills an hour ago, tell my kids I love them, call me on 07700 900123"]):
        outcome = await services.enforcement.on_message(said(services, channel, text, 10 + n))
        assert outcome is not None and outcome.case is None
        assert outcome.left_alone is not None or not outcome.matches
    assert await services.enforcement.on_message(said(services, 999, "you're an idiot", 20)) is None
    assert await count(services, "conduct_cases") == 0


async def test_group_and_server_layers_change_what_happens(services: Services) -> None:
    channel = await group_channel(services)
    group = await services.groups.by_channel(channel)
    assert group is not None
    await services.conduct_policy.set_layer(ADMIN, "link", None, allow=("example.org",))
    await services.conduct_policy.set_layer(ADMIN, "insult", group.id, ladder=parse_ladder("escalate"))
    outcome = await services.enforcement.on_message(said(services, channel, "see example.org/help", 1))
    assert outcome is not None and outcome.case is None
    outcome = await services.enforcement.on_message(said(services, channel, "you're an idiot", 2))
    assert outcome is not None and outcome.case is not None and outcome.case.actions == [Action.ESCALATE]
    await services.conduct_policy.set_layer(ADMIN, "insult", None, bypass_roles=frozenset({42}))
    outcome = await services.enforcement.on_message(
        said(services, channel, "you're an idiot", 3, role_ids=frozenset({42})))
    assert outcome is not None and outcome.case is None
    with pytest.raises(PermissionDenied):
        await services.conduct_policy.set_layer(MODERATOR, "insult", None, enabled=False)
    with pytest.raises(InvalidInput, match="no rule called"):
        await services.conduct_policy.set_layer(ADMIN, "swearing", None, enabled=False)


async def test_three_warnings_in_thirty_days_bring_a_timeout_and_warnings_decay(
    services: Services, clock: FakeClock
) -> None:
    await services.conduct_cases.policy.configure(ADMIN, modlog_channel_id=555)
    await services.enforcement.warn(MODERATOR, AUTHOR, "first")
    clock.advance(days=20)
    second = await services.enforcement.warn(MODERATOR, AUTHOR, "second")
    assert second.actions == [Action.WARN]
    clock.advance(days=11)  # the first has expired (30 days): only one is active
    assert await services.conduct_cases.run_due() == 1
    third = await services.enforcement.warn(MODERATOR, AUTHOR, "third")
    assert third.actions == [Action.WARN]
    fourth = await services.enforcement.warn(MOD2, AUTHOR, "fourth")
    assert fourth.actions == [Action.WARN, Action.TIMEOUT]
    (timeout,) = await services.db.fetch_all("SELECT * FROM conduct_timeouts")
    assert timeout["state"] == "active"
    assert len(await outbox(services, "conduct_timeout")) == 1
    assert await services.conduct_cases.next_due() == clock.now() + timedelta(hours=24)
    clock.advance(hours=24)
    assert await services.conduct_cases.run_due() == 1
    assert await services.conduct_cases.run_due() == 0  # nothing twice
    assert [d["text"] for d in await outbox(services, "dm", "conduct_timeout_ended")] == [
        "Your timeout has ended, and you can post again. Welcome back."]


async def test_a_restart_rebuilds_timed_actions_from_the_database(
    settings: Settings, services: Services, clock: FakeClock
) -> None:
    for n in range(3):
        await services.enforcement.warn(MODERATOR, AUTHOR, f"warning {n}")
    await services.db.close()
    clock.advance(days=31)  # the process was down while the timeout ended and the warnings expired
    restarted = await open_services(settings, clock)
    try:
        await restarted.roles.repo.replace(GUILD, PeerRole.MODERATOR, {MOD_ROLE})
        assert await restarted.conduct_cases.next_due() is not None
        assert await restarted.conduct_cases.run_due() == 4
        assert await restarted.conduct_cases.next_due() is None
        states = await restarted.db.fetch_all("SELECT state FROM conduct_warnings")
        assert {r["state"] for r in states} == {"expired"}
        assert len(await outbox(restarted, "dm", "conduct_timeout_ended")) == 1
    finally:
        await restarted.db.close()


async def test_two_moderators_at_once_leave_one_record(services: Services) -> None:
    case = await services.enforcement.warn(MODERATOR, AUTHOR, "rude")
    results = await asyncio.gather(
        services.conduct_cases.pardon(MOD2, case.id, "talked it through"),
        services.conduct_cases.pardon(ADMIN, case.id, "my mistake"),
        return_exceptions=True,
    )
    assert sorted(type(r).__name__ for r in results) == ["ConductCase", "Conflict"]
    events = await services.conduct_cases.events(case.id)
    assert [e["action"] for e in events] == ["opened", "pardoned"]
    final = await services.conduct_cases.get(case.id)
    assert final.status == "pardoned" and final.version == 2
    assert await count(services, "conduct_warnings", "state = 'pardoned'") == 1
    assert len(await outbox(services, "dm", "conduct_tell")) == 1


async def test_pardon_false_positive_and_appeal_decisions_at_once_leave_one_record(
    services: Services, clock: FakeClock
) -> None:
    channel = await group_channel(services)
    outcome = await services.enforcement.on_message(said(services, channel, "you pathetic idiot", 70))
    assert outcome is not None and outcome.case is not None
    case = outcome.case
    clock.advance(minutes=1)
    second = await services.enforcement.on_message(said(services, channel, "you pathetic idiot", 71))
    assert second is not None and second.case is not None  # the second step warns: a strike to undo
    await services.conduct_cases.appeal(AUTHOR, second.case.id, "I was quoting a film")
    results = await asyncio.gather(
        services.conduct_cases.pardon(MOD2, second.case.id, "talked it through"),
        services.conduct_cases.mark_false_positive(ADMIN, second.case.id),
        services.conduct_cases.decide_appeal(MODERATOR, second.case.id, uphold=True, note=None),
        services.conduct_cases.decide_appeal(actor(5, MOD_ROLE), second.case.id, uphold=False, note=None),
        return_exceptions=True,
    )
    won = [r for r in results if not isinstance(r, BaseException)]
    assert len(won) == 1 and all(isinstance(r, Conflict) for r in results if isinstance(r, BaseException))
    final = await services.conduct_cases.get(second.case.id)
    assert final.version == 3  # opened, appealed, and one decision
    # The record agrees with itself: warnings stand only while the case does, and the member is told once.
    warnings = {r["state"] for r in await services.db.fetch_all(
        "SELECT state FROM conduct_warnings WHERE case_id = ?", (second.case.id,))}
    assert warnings == ({"active"} if final.status == "active" else {"pardoned"})
    assert len(await outbox(services, "dm", f"conduct_tell:{second.case.id}")) == 1
    events = [e["action"] for e in await services.conduct_cases.events(second.case.id)]
    assert events[:2] == ["opened", "appealed"] and len(events) == 3
    assert (await services.conduct_cases.get(case.id)).version == 1  # the other case untouched


async def test_appeal_goes_to_another_moderator_and_the_outcome_is_told(services: Services) -> None:
    for n in range(3):
        case = await services.enforcement.warn(MODERATOR, AUTHOR, f"warning {n}")
    assert case.actions == [Action.WARN, Action.TIMEOUT]
    with pytest.raises(PermissionDenied, match="Only the member"):
        await services.conduct_cases.appeal(999, case.id, "not me")
    appealed = await services.conduct_cases.appeal(AUTHOR, case.id, "I was quoting someone")
    assert appealed.appeal_state == "pending"
    with pytest.raises(Conflict, match="already appealed"):
        await services.conduct_cases.appeal(AUTHOR, case.id, "again")
    with pytest.raises(PermissionDenied, match="other than the one who acted"):
        await services.conduct_cases.decide_appeal(MODERATOR, case.id, uphold=False, note=None)
    with pytest.raises(PermissionDenied):
        await services.conduct_cases.decide_appeal(actor(AUTHOR), case.id, uphold=False, note=None)
    decided = await services.conduct_cases.decide_appeal(MOD2, case.id, uphold=False, note="Quoting is fine.")
    assert decided.status == "overturned" and decided.appeal_by == MOD2.user_id
    assert await count(services, "conduct_warnings", "state = 'active'") == 2
    assert await count(services, "conduct_timeouts", "state = 'lifted'") == 1
    assert len(await outbox(services, "conduct_untimeout")) == 1
    (told,) = await outbox(services, "dm", f"conduct_tell:{case.id}:appeal")
    assert "overturned" in told["text"] and "Quoting is fine." in told["text"]
    with pytest.raises(Conflict):
        await services.conduct_cases.decide_appeal(ADMIN, case.id, uphold=True, note=None)


async def test_false_positives_are_counted_per_rule(services: Services) -> None:
    channel = await group_channel(services)
    for n, text in enumerate(["you're an idiot", "what a moron you are", "call me on 07700 900123"]):
        await services.enforcement.on_message(said(services, channel, text, 50 + n, author=200 + n))
    await services.conduct_cases.mark_false_positive(MODERATOR, 2)
    with pytest.raises(Conflict):
        await services.conduct_cases.mark_false_positive(MOD2, 2)
    manual = await services.enforcement.warn(MODERATOR, AUTHOR, "rude")
    with pytest.raises(InvalidInput, match="Only automatic"):
        await services.conduct_cases.mark_false_positive(MODERATOR, manual.id)
    stats = {s.rule: (s.actions, s.false_positives) for s in await services.conduct_cases.stats(MODERATOR)}
    assert stats == {"insult": (2, 1), "contact_details": (1, 0)}
    with pytest.raises(PermissionDenied):
        await services.conduct_cases.stats(actor(5))


async def test_a_new_code_brings_one_prompt_after_the_grace_period(services: Services, clock: FakeClock) -> None:
    channel = await group_channel(services)
    await join(services, AUTHOR)
    await services.conduct.publish(ADMIN, "Version two: be kind, and no medical advice.")
    await services.enforcement.on_message(said(services, channel, "morning all", 1))
    assert await outbox(services, "conduct_code_prompt") == []
    clock.advance(days=7, minutes=1)
    await services.enforcement.on_message(said(services, channel, "I relapsed last night and I can't cope", 9))
    assert await outbox(services, "conduct_code_prompt") == []  # not in reply to distress
    await services.enforcement.on_message(said(services, channel, "morning again", 2))
    await services.enforcement.on_message(said(services, channel, "still here", 3))
    assert [p["version"] for p in await outbox(services, "conduct_code_prompt")] == [2]
    assert await count(services, "conduct_cases") == 0  # a prompt, not a sanction


async def test_facilitators_act_only_in_their_running_meeting(services: Services, clock: FakeClock) -> None:
    await make_group(services)
    await certify(services, FAC.user_id)
    _, upcoming = await services.meetings.schedule(FAC, GROUP, weekly_draft())
    await join(services, MEMBER.user_id)
    channel = int(await services.db.fetch_value("SELECT channel_id FROM groups"))
    with pytest.raises(Conflict, match="no meeting running"):
        await services.enforcement.in_meeting(FAC, channel, MEMBER.user_id, "nudge", None)
    clock.current = FIRST
    await services.timeline.run_due()
    await services.timeline.check_in(FAC, upcoming[0].id)
    with pytest.raises(PermissionDenied):
        await services.enforcement.in_meeting(MEMBER, channel, FAC.user_id, "warn", "rude")
    nudged = await services.enforcement.in_meeting(FAC, channel, MEMBER.user_id, "nudge", "let others speak")
    assert nudged.actions == [Action.NUDGE] and nudged.source == "facilitator"
    with pytest.raises(InvalidInput, match="what the warning is for"):
        await services.enforcement.in_meeting(FAC, channel, MEMBER.user_id, "warn", None)
    removed = await services.enforcement.in_meeting(FAC, channel, MEMBER.user_id, "remove", "shouting")
    assert removed.actions == []
    assert len(await outbox(services, "conduct_meeting_remove")) == 1
    clock.current = upcoming[0].ends_at
    assert await services.conduct_cases.run_due() == 1
    assert len(await outbox(services, "conduct_meeting_return")) == 1


async def test_privacy_export_and_delete(services: Services) -> None:
    channel = await group_channel(services)
    await services.enforcement.on_message(said(services, channel, "you're a useless idiot", 1))
    await services.enforcement.warn(MODERATOR, AUTHOR, "rude")
    exported = await services.privacy.export(ADMIN, AUTHOR)
    assert len(exported["conduct_cases"]["cases"]) == 2 and len(exported["conduct_cases"]["warnings"]) == 1
    await services.privacy.delete(ADMIN, AUTHOR)
    assert await services.conduct_cases.export_member(GUILD, AUTHOR) == {
        "cases": [], "warnings": [], "timeouts": [], "meeting_removals": []}
    leftovers = await services.db.fetch_all("SELECT member_id, excerpt, content, evidence FROM conduct_cases")
    assert [tuple(r) for r in leftovers] == [(None, None, None, "[]"), (None, None, None, "[]")]
    # The anonymous cases still add up in the rule's stats.
    assert [(s.rule, s.actions) for s in await services.conduct_cases.stats(MODERATOR)] == [("insult", 1)]
