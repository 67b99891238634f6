"""Edited messages: an edit into a breach is acted on like a new message, an edit never doubles what its message
already brought, distress in an edit is never conduct's, and an edit is not a new message for flooding."""

from __future__ import annotations

import asyncio

from bot.domain.conduct.model import Action
from bot.services import Services
from tests.conftest import FakeClock
from tests.meeting_helpers import count, outbox
from tests.test_conduct_cases import AUTHOR, group_channel, said


async def test_a_message_edited_into_an_insult_is_handled_like_a_new_one(services: Services) -> None:
    channel = await group_channel(services)
    first = await services.enforcement.on_message(said(services, channel, "see you all on thursday", 10))
    assert first is not None and first.case is None
    edited = await services.enforcement.on_edit(said(services, channel, "see you on thursday, you useless idiot", 10))
    assert edited is not None and edited.case is not None
    assert edited.case.actions == [Action.NUDGE, Action.HIDE] and edited.case.message_id == 10
    assert edited.case.content == "see you on thursday, you useless idiot"  # the edited words are given back
    assert len(await outbox(services, "conduct_hide")) == 1


async def test_the_same_edit_twice_or_at_once_is_one_case_and_one_of_each_effect(services: Services) -> None:
    channel = await group_channel(services)
    text = "you pathetic moron"
    results = await asyncio.gather(*(services.enforcement.on_edit(said(services, channel, text, 11))
                                     for _ in range(3)))
    await services.enforcement.on_edit(said(services, channel, text + "!", 11))
    assert sum(1 for r in results if r is not None and r.case is not None) == 1
    assert await count(services, "conduct_cases") == 1
    assert len(await outbox(services, "conduct_hide")) == 1
    assert len(await outbox(services, "conduct_modlog")) == 1


async def test_an_edit_never_repeats_an_action_already_taken(services: Services, clock: FakeClock) -> None:
    channel = await group_channel(services)
    for n in range(2):  # two earlier insults: the next one's step is hide + warn + escalate
        clock.advance(minutes=5)
        await services.enforcement.on_message(said(services, channel, "you're an idiot", 20 + n))
    nudged = await services.enforcement.on_message(said(services, channel, "look at www.cheapmeds.biz", 30))
    assert nudged is not None and nudged.case is not None and nudged.case.actions == [Action.NUDGE]
    warnings = await count(services, "conduct_warnings")
    edited = await services.enforcement.on_edit(said(services, channel, "www.cheapmeds.biz you moron", 30))
    assert edited is not None and edited.case is not None and edited.case.id == nudged.case.id
    # Taken down and put before the moderators, but no second strike for one message, and no second nudge.
    assert edited.case.actions == [Action.NUDGE, Action.HIDE, Action.ESCALATE]
    assert edited.case.escalation == "open" and edited.case.content == "www.cheapmeds.biz you moron"
    assert await count(services, "conduct_warnings") == warnings
    assert any(e.get("edited") for e in edited.case.evidence)
    hide = await outbox(services, "conduct_hide", f"conduct_hide:{nudged.case.id}")
    assert len(hide) == 1 and hide[0]["round"] == "edit" and hide[0]["rule"] == "insult"
    assert len(await outbox(services, "conduct_modlog", f"conduct_modlog:{nudged.case.id}:edited")) == 1
    events = [e["action"] for e in await services.conduct_cases.events(nudged.case.id)]
    assert events == ["opened", "edited"]
    # Edited again, however badly: everything the message can bring, it has brought.
    again = await services.enforcement.on_edit(said(services, channel, "you moron, you pathetic moron", 30))
    assert again is not None and again.case is None
    assert len(await outbox(services, "conduct_hide", f"conduct_hide:{nudged.case.id}")) == 1
    assert [e["action"] for e in await services.conduct_cases.events(nudged.case.id)] == events


async def test_distress_in_an_edit_is_never_conduct(services: Services) -> None:
    channel = await group_channel(services)
    await services.enforcement.on_message(said(services, channel, "morning all", 40))
    edited = await services.enforcement.on_edit(
        said(services, channel, "shut up you useless idiot, I want to die, I can't do this any more", 40))
    assert edited is not None and edited.case is None and edited.left_alone is not None
    # and a message that already had a case gets nothing more when distress is edited into it
    nudged = await services.enforcement.on_message(said(services, channel, "www.cheapmeds.biz", 41))
    assert nudged is not None and nudged.case is not None
    edited = await services.enforcement.on_edit(
        said(services, channel, "www.cheapmeds.biz I relapsed, I'm such a useless idiot", 41))
    assert edited is not None and edited.case is None and edited.left_alone is not None
    assert await count(services, "conduct_cases") == 1
    assert (await services.conduct_cases.get(nudged.case.id)).actions == [Action.NUDGE]


async def test_an_edit_is_not_a_new_message_for_flooding_or_mention_spam(services: Services) -> None:
    channel = await group_channel(services)
    await services.enforcement.on_message(said(services, channel, "anyone around tonight?", 50))
    for _ in range(10):  # fixing a typo again and again is no flood
        outcome = await services.enforcement.on_edit(said(services, channel, "anyone around tonight?", 50))
        assert outcome is not None and not outcome.matches
    mentions = " ".join(f"<@{n}>" for n in range(1, 8))
    outcome = await services.enforcement.on_edit(said(services, channel, f"thanks {mentions}", 50, mentions=7))
    assert outcome is not None and not outcome.matches  # Discord notifies no one of mentions added by an edit
    outcome = await services.enforcement.on_message(said(services, channel, f"thanks {mentions}", 51, mentions=7))
    assert outcome is not None and outcome.case is not None and outcome.case.rule == "mention_spam"
    assert outcome.case.member_id == AUTHOR
