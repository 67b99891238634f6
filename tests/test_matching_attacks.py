"""Matching under attack (review of issue 14): Discord refusing its effects, restarts mid-way, races, hostile
input, and erasure mid-match. Each test here failed before the fix it names."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any
from unittest.mock import MagicMock, create_autospec

import discord
import pytest

from bot.domain.erasure import ERASED_NAME
from bot.domain.matching.profile import Role, Side
from bot.domain.matching.programme import Mode, Programme
from bot.domain.outbox import OutboxItem
from bot.domain.referral import ReferReason
from bot.errors import Conflict, InvalidInput, PermissionDenied
from bot.services import Services
from bot.settings import Settings
from cogs.matching.timing import MATCHING_SWEEP
from cogs.runtime import PeerBot
from tests import helpers
from tests.conftest import GUILD, LEADER, PEER_ROLE, FakeClock, actor
from tests.db_helpers import find_traces
from tests.matching_helpers import (
    SEEKER,
    SEEKER2,
    SEEKER3,
    SUP1,
    SUP2,
    accept_first,
    ask,
    draft,
    intake,
    make_programme,
    open_space,
    pending_offers,
    seeker,
    supporter,
)
from tests.meeting_helpers import count, outbox


async def test_settings_that_are_not_a_mapping_of_weights_are_refused_kindly(services: Services) -> None:
    programme = await make_programme(services)
    for weights in (None, "condition=3", 3):
        with pytest.raises(InvalidInput, match="weights"):
            await services.matching.programmes.configure(LEADER, programme, {"weights": weights})


async def test_choosing_a_match_or_a_request_is_checked_in_the_service(services: Services) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1)
    for who in (SEEKER, SEEKER2):
        await seeker(services, programme, who=who)
        await ask(services, programme, who=who)
    await accept_first(services)
    assert [m.id for m, _ in await services.matching.lifecycle.active(SEEKER)] == [1]
    assert await services.matching.lifecycle.active(SEEKER2) == []  # not the other member's match
    assert [m.id for m, _ in await services.matching.lifecycle.active(LEADER)] == [1]
    with pytest.raises(PermissionDenied):
        await services.matching.intake.live_in_guild(SEEKER)
    assert [r.id for r, _ in await services.matching.intake.live_in_guild(LEADER)] == [2]


# ---- Discord refusing the outbox's effects ------------------------------------------------------------------
def dms_closed() -> discord.Forbidden:
    return discord.Forbidden(MagicMock(status=403, reason="Forbidden"),
                             {"message": "Cannot send messages to this user", "code": 50007})


def dm_user(user_id: int, error: Exception | None = None) -> Any:
    user = create_autospec(discord.User, instance=True)
    user.id = user_id
    sent = create_autospec(discord.Message, instance=True)
    sent.id = 8100 + user_id
    user.send.side_effect = error
    user.send.return_value = sent
    return user


async def test_an_offer_to_a_supporter_whose_dms_are_closed_moves_on_at_once(
        bot: PeerBot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1, issues="rejection")  # the best candidate, who can't be reached
    await supporter(services, programme, SUP2)
    await seeker(services, programme, issues="rejection")
    await ask(services, programme)
    assert await pending_offers(services) == [(1, SUP1.user_id)]
    users = {SUP1.user_id: dm_user(SUP1.user_id, dms_closed()), SUP2.user_id: dm_user(SUP2.user_id)}
    monkeypatch.setattr(bot, "get_user", users.get)
    await services.outbox.run_due()
    await services.outbox.run_due()
    # Not left pending for two days: the next supporter has it, and the first gets no further offers.
    assert await pending_offers(services) == [(2, SUP2.user_id)]
    users[SUP2.user_id].send.assert_called_once()
    assert await services.db.fetch_value("SELECT on_duty FROM match_supporters WHERE user_id = ?",
                                         (SUP1.user_id,)) == 0
    alerts = [o["text"] for o in await outbox(services, "leader_alert")]
    assert any(f"<@{SUP1.user_id}>" in a and "/match duty on" in a for a in alerts)
    assert await count(services, "match_offers") == 2  # offered once, not again and again


def discord_error(cls: type[discord.HTTPException], status: int, text: str, code: int = 0) -> discord.HTTPException:
    return cls(MagicMock(status=status, reason=text), {"message": text, "code": code})


@pytest.mark.parametrize("error", [discord_error(discord.NotFound, 404, "Unknown Channel", 10003),
                                   discord_error(discord.Forbidden, 403, "Missing Permissions", 50013)])
async def test_a_space_that_cannot_be_opened_is_never_a_silent_failure(
        bot: PeerBot, services: Services, monkeypatch: pytest.MonkeyPatch, error: discord.HTTPException) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    monkeypatch.setattr(bot, "get_user", dm_user)
    guild = helpers.guild(GUILD)
    monkeypatch.setattr(bot, "get_guild", lambda _id: guild)
    guild.get_member.side_effect = helpers.member
    guild.create_text_channel.side_effect = error  # e.g. the category chosen for spaces was deleted
    await accept_first(services)
    await services.outbox.run_due()
    assert await services.outbox.state_of("mspace:open:1:1") == "failed"
    assert any("couldn't open a private space for match #1" in o["text"] and "/match reopen" in o["text"]
               for o in await outbox(services, "leader_alert"))


async def test_a_refused_post_in_an_open_space_tells_the_leaders(
        bot: PeerBot, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    match_id = await accept_first(services)
    await services.db.execute("UPDATE outbox SET state = 'done'")  # what accepting queued
    space_id = await open_space(services, match_id)  # queues the welcome
    space = create_autospec(discord.TextChannel, instance=True)
    space.id = space_id
    space.send.side_effect = discord_error(discord.Forbidden, 403, "Missing Permissions", 50013)
    monkeypatch.setattr(bot, "get_channel", lambda cid: space if cid == space_id else None)
    await services.outbox.run_due()
    # Kept, and tried again while a leader gives the permission back (a refusal is retried for a day).
    row = await services.db.fetch_one("SELECT state, failure FROM outbox WHERE kind = 'match_post'")
    assert (row["state"], row["failure"]) == ("pending", "forbidden")
    assert any(f"couldn't post in the private space of match #{match_id}" in o["text"]
               for o in await outbox(services, "leader_alert"))


async def test_a_check_in_for_a_member_whose_dms_are_closed_reaches_them_privately(
        bot: PeerBot, services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    programme = await make_programme(services, mode=Mode.AUTO, checkin_days=[7])
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    match_id = await accept_first(services)
    space_id = await open_space(services, match_id)
    space = create_autospec(discord.TextChannel, instance=True)
    space.id = space_id
    thread = create_autospec(discord.Thread, instance=True)
    thread.id = 9400
    space.create_thread.return_value = thread
    monkeypatch.setattr(bot, "get_channel", lambda cid: space if cid == space_id else None)
    users = {SEEKER.user_id: dm_user(SEEKER.user_id, dms_closed()), SUP1.user_id: dm_user(SUP1.user_id)}
    monkeypatch.setattr(bot, "get_user", users.get)
    await services.db.execute("UPDATE outbox SET state = 'done'")  # what accepting and the welcome queued
    clock.advance(days=7)
    await services.matching.timeline.run_due()
    await services.outbox.run_due()
    assert await services.outbox.state_of(f"mdm:checkin:{match_id}:1:{SEEKER.user_id}") == "done"
    space.create_thread.assert_called_once()
    assert space.create_thread.call_args.kwargs["type"] is discord.ChannelType.private_thread
    posted = thread.send.call_args
    assert posted.args[0].startswith(f"<@{SEEKER.user_id}> A private check-in")
    assert [u.id for u in posted.kwargs["allowed_mentions"].users] == [SEEKER.user_id]  # never the supporter
    assert next(b.custom_id for b in posted.kwargs["view"].children) == f"peerbot:mcheck:{GUILD}:1:1:good"
    sent_to_supporter = [c.args[0] for c in users[SUP1.user_id].send.call_args_list]
    assert any(t.startswith("A private check-in") for t in sent_to_supporter)  # by DM, as usual


# ---- races --------------------------------------------------------------------------------------------------
async def test_a_leader_offering_twice_at_once_sends_one_offer_and_says_why_not_two(services: Services) -> None:
    programme = await make_programme(services)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    request_id = await ask(services, programme)
    results = await asyncio.gather(*(services.matching.matchmaker.approve(LEADER, request_id, SUP1.user_id)
                                     for _ in range(2)), return_exceptions=True)
    refused = [r for r in results if isinstance(r, Conflict)]
    assert len(refused) == 1 and "already with that supporter" in refused[0].message
    assert await pending_offers(services) == [(1, SUP1.user_id)]


async def test_offering_to_a_member_at_risk_keeps_them_on_hold(services: Services) -> None:
    programme = await make_programme(services)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    request_id = await ask(services, programme)
    await services.referrals.refer(actor(9, PEER_ROLE), SEEKER.user_id, ReferReason.CRISIS, None, None)
    with pytest.raises(Conflict, match="on hold"):
        await services.matching.matchmaker.approve(LEADER, request_id, SUP1.user_id)
    # What the leader was told is true: the request is held, the seeker and leaders were told.
    assert await services.db.fetch_value("SELECT state FROM match_requests") == "held"
    assert any(o["key"] == "alert:match:held:1:0" for o in await outbox(services, "leader_alert"))
    assert await pending_offers(services) == []


async def test_a_supporter_who_leaves_is_not_offered_the_room_their_leaving_freed(services: Services) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1, cap=1)
    for who in (SEEKER, SEEKER2):
        await seeker(services, programme, who=who)
        await ask(services, programme, who=who)
    await accept_first(services)  # SEEKER with SUP1, who is now full; SEEKER2 waits
    await services.matching.lifecycle.member_left(GUILD, SUP1.user_id)
    offers = await services.db.fetch_all("SELECT supporter_id, state FROM match_offers ORDER BY id")
    assert [tuple(o) for o in offers] == [(SUP1.user_id, "accepted")]  # no offer made and withdrawn at once
    assert await count(services, "match_events", "kind = 'offer_withdrawn'") == 0


async def test_a_revoked_supporter_is_not_offered_again_the_request_just_taken_from_them(
        services: Services) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1, issues="rejection")
    await supporter(services, programme, SUP2)
    await seeker(services, programme, issues="rejection")
    await ask(services, programme)
    assert await pending_offers(services) == [(1, SUP1.user_id)]
    await services.matching.supporters.revoke(LEADER, programme, SUP1.user_id)
    assert await pending_offers(services) == [(2, SUP2.user_id)]


# ---- restarts -----------------------------------------------------------------------------------------------
async def test_after_a_long_outage_each_side_gets_one_check_in_not_every_missed_one(
        services: Services, clock: FakeClock) -> None:
    programme = await make_programme(services, mode=Mode.AUTO, checkin_days=[7, 14], supporter_reminder_days=[15, 16])
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    match_id = await accept_first(services)
    await services.matching.spaces.record(match_id, 1, 7001)
    await services.matching.lifecycle.note_post(7001, SUP1.user_id)  # first contact on time
    clock.advance(days=17)  # down for all of it
    await services.matching.timeline.rebuild()
    fired = [f.action for f in await services.matching.timeline.run_due()]
    assert fired.count("checkin") == 1 and fired.count("supporter_reminder") == 1
    keys = [o["key"] for o in await outbox(services, "match_dm")]
    assert [k for k in keys if k.startswith("mdm:checkin")] == [f"mdm:checkin:{match_id}:2:{SEEKER.user_id}",
                                                                 f"mdm:checkin:{match_id}:2:{SUP1.user_id}"]
    assert [k for k in keys if k.startswith("mdm:reminder")] == [f"mdm:reminder:{match_id}:2:{SUP1.user_id}"]
    clock.advance(days=1)
    assert "checkin" not in [f.action for f in await services.matching.timeline.run_due()]
    # The answer buttons of the one check-in sent work.
    assert await services.matching.lifecycle.answer_checkin(SEEKER, match_id, 2, happened=True,
                                                            good_fit=True) == "thanks"


# ---- erasure ------------------------------------------------------------------------------------------------
V = 412345678901234567  # seeks support (mid-match) and supports someone (mid-match), then erases their data
VA = actor(V)
NAME = "Vesper Quill"
WORDS = "quartz lanterns at the clinic"


async def deliver_everything(services: Services) -> None:
    async def done(item: OutboxItem) -> dict[str, Any]:
        return {"message_id": 1}

    for (kind,) in await services.db.fetch_all("SELECT DISTINCT kind FROM outbox"):
        services.outbox.register(kind, done)
    while await services.outbox.run_due(limit=500):
        pass


async def v_mid_match(services: Services, clock: FakeClock) -> Programme:
    programme = await make_programme(services, mode=Mode.AUTO, offer_expiry_hours=336, checkin_days=[1])
    await supporter(services, programme, SUP1, issues="rejection")
    await supporter(services, programme, SUP2)
    await services.matching.profiles.save(VA, programme, Side.SEEKER, draft(
        condition="Kidney transplant", issues="rejection", culture=NAME, preferences="culture=nice"))
    await services.matching.intake.submit(VA, programme, Role.PATIENT, intake(challenges=WORDS, special=NAME))
    first = await accept_first(services)  # V with SUP1 ...
    await services.matching.spaces.record(first, 1, 7001)
    for who in (V, SUP1.user_id):
        await services.matching.lifecycle.note_post(7001, who)
    await services.matching.lifecycle.end(VA, first, rematch=True)  # ... then, in their place, with SUP2
    await services.matching.lifecycle.rate(SUP1, first, 5, f"<@{V}> was lovely to talk to")
    second = await accept_first(services)
    await services.matching.spaces.record(second, 1, 7002)
    await services.matching.lifecycle.note_post(7002, V)
    # V supports SEEKER (matched) and has an offer waiting for SEEKER2.
    await services.matching.profiles.save(VA, programme, Side.SUPPORTER, draft(condition="Kidney transplant"))
    await services.matching.supporters.approve(LEADER, programme, V, f"Mentor course with {NAME}", "2026-01-01")
    for busy in (SUP1, SUP2):
        await services.matching.supporters.set_duty(busy, False)
    await seeker(services, programme)
    await ask(services, programme)
    third = await accept_first(services)
    await services.matching.spaces.record(third, 1, 7003)
    await seeker(services, programme, who=SEEKER2)
    await ask(services, programme, who=SEEKER2)
    assert await pending_offers(services) == [(4, V)]
    clock.advance(days=1)
    await services.matching.timeline.run_due()
    await services.matching.lifecycle.answer_checkin(VA, third, 1, happened=True, good_fit=True)
    await services.matching.lifecycle.answer_checkin(SEEKER, third, 1, happened=True, good_fit=False)
    await services.matching.lifecycle.spoken(VA, third)
    return programme


async def test_the_export_lists_everything_matching_recorded_about_them(services: Services,
                                                                          clock: FakeClock) -> None:
    await v_mid_match(services, clock)
    data = (await services.privacy.export(VA, V))["matching"]
    assert [(c["match_id"], c["kind"], c["by"]) for c in data["contacts"]] == [
        (1, "post", "you"), (2, "post", "you"), (3, "spoken", "you")]
    assert {(x["side"], x["reason"]) for x in data["not_offered_again"]} == {
        ("seeker", "matched_before"), ("supporter", "matched_before")}
    kinds = [(e["kind"], e["reason"]) for e in data["events"]]
    assert ("rematch", "rematch_requested") in kinds and ("checkin", "supporter:good") in kinds
    assert ("checkin", "seeker:not_a_good_fit") not in kinds  # SEEKER's private answer is not V's to take
    assert [o["state"] for o in data["offers_received"]] == ["accepted", "pending"]
    assert data["supporter"][0]["duty_changed_at"] is not None
    assert str(SUP1.user_id) not in json.dumps(data["matches"] + data["not_offered_again"] + data["contacts"])


async def test_erasing_a_seeker_and_supporter_mid_match_leaves_no_trace(
        services: Services, clock: FakeClock, settings: Settings) -> None:
    await v_mid_match(services, clock)
    await deliver_everything(services)  # most of it delivered; what comes next stays pending
    await services.matching.lifecycle.note_post(7003, SEEKER.user_id)
    assert find_traces(settings.database_path, V, (WORDS, NAME))
    await services.privacy.delete(VA, V)
    # Both matches ended kindly; SEEKER is looking again, in their place; SEEKER2's offer moved on, not to V.
    ended = await services.db.fetch_all("SELECT end_reason FROM matches WHERE id IN (2, 3) ORDER BY id")
    assert [r[0] for r in ended] == ["erased", "supporter_erased"]
    texts = {o["user_id"]: o["text"] for o in await outbox(services, "match_dm", prefix="mdm:end:")}
    assert "has left the programme" in texts[SUP2.user_id] and "has left the programme" in texts[SEEKER.user_id]
    assert await count(services, "match_offers", "state = 'pending'") == 0
    await deliver_everything(services)
    await services.outbox.purge_erased()
    traces = find_traces(settings.database_path, V, (WORDS, NAME))
    assert traces == [], "\n".join(traces)
    # SUP1's private rating stays theirs, without V's mention.
    assert await services.db.fetch_value("SELECT comment FROM match_ratings") == \
        f"{ERASED_NAME} was lovely to talk to"


async def test_a_hello_posted_while_peerbot_was_away_counts_before_any_reminder(
        bot: PeerBot, services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    match_id = await accept_first(services)
    space_id = await open_space(services, match_id)
    said_hello = clock.now() + timedelta(hours=3)
    clock.advance(days=3)  # peerbot was down from just after matching: past the first-contact deadline
    space = create_autospec(discord.TextChannel, instance=True)
    space.id = space_id
    posts = [posted(SUP1.user_id, said_hello), posted(9999, said_hello, bot=True),
             posted(SEEKER.user_id, said_hello + timedelta(hours=20))]
    space.history.side_effect = lambda **kwargs: history(p for p in posts if p.created_at > kwargs["after"])
    monkeypatch.setattr(bot, "get_channel", lambda cid: space if cid == space_id else None)
    cog = bot.get_cog("MatchCommands")
    assert cog is not None and MATCHING_SWEEP not in bot.scheduler.job_ids()  # no step before the catch-up
    await cog.on_ready()  # type: ignore[attr-defined]
    assert MATCHING_SWEEP in bot.scheduler.job_ids()
    row = await services.db.fetch_one("SELECT first_contact_at, first_contact_on_time, last_contact_at FROM matches")
    assert tuple(row) == (said_hello.isoformat(), 1, (said_hello + timedelta(hours=20)).isoformat())
    assert "first_contact_reminder" not in [f.action for f in await services.matching.timeline.run_due()]
    await cog.on_ready()  # type: ignore[attr-defined]  # a reconnect: nothing is counted twice
    assert await count(services, "match_contacts") == 2


def posted(author_id: int, at: datetime, bot: bool = False) -> Any:
    message = create_autospec(discord.Message, instance=True)
    message.author = create_autospec(discord.Member, instance=True)
    message.author.id, message.author.bot, message.created_at = author_id, bot, at
    return message


async def history(messages: Any) -> AsyncIterator[Any]:
    for message in messages:
        yield message


async def test_a_closing_post_for_a_match_whose_space_never_opened_is_not_retried_forever(
        bot: PeerBot, services: Services, clock: FakeClock) -> None:
    programme = await make_programme(services, mode=Mode.AUTO, duration_weeks=1, checkin_days=[],
                                      supporter_reminder_days=[])
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    match_id = await accept_first(services)
    await services.db.execute("UPDATE outbox SET state = 'failed' WHERE kind = 'match_space_open'")  # refused
    await services.db.execute("UPDATE outbox SET state = 'done' WHERE kind != 'match_space_open'")
    clock.advance(weeks=1)
    await services.matching.timeline.run_due()
    await services.outbox.run_due()
    assert await services.outbox.state_of(f"mpost:end:{match_id}") == "done"  # skipped, not a fault


async def test_going_off_duty_for_user_zero_is_not_going_off_duty_yourself(services: Services) -> None:
    programme = await make_programme(services)
    await supporter(services, programme, SUP1)
    with pytest.raises(PermissionDenied):
        await services.matching.supporters.set_duty(SUP1, False, user_id=0)
    assert await services.db.fetch_value("SELECT on_duty FROM match_supporters") == 1


async def test_the_caseload_cap_holds_when_requests_and_acceptances_race(services: Services) -> None:
    programme = await make_programme(services, mode=Mode.AUTO, parallel_offers=1)
    await supporter(services, programme, SUP1, cap=1)
    for who in (SEEKER, SEEKER2, SEEKER3):
        await seeker(services, programme, who=who)
    outcomes = await asyncio.gather(*(services.matching.intake.submit(who, programme, Role.PATIENT, intake())
                                      for who in (SEEKER, SEEKER2, SEEKER3)))
    assert sorted(o.outcome for o in outcomes) == ["offered", "waiting", "waiting"]
    await services.matching.supporters.set_cap(SUP1, programme, 3)  # three offers out ...
    await services.matching.supporters.set_cap(SUP1, programme, 1)  # ... then the cap is lowered again
    offers = await pending_offers(services)
    assert len(offers) == 3
    results = await asyncio.gather(*(services.matching.matchmaker.accept(SUP1, oid) for oid, _ in offers),
                                   services.matching.supporters.set_duty(SUP1, False), return_exceptions=True)
    assert sum(isinstance(r, int) for r in results) <= 1
    assert await count(services, "matches", "state = 'active'") <= 1
    assert await pending_offers(services) == []  # off duty: every offer left moved on


@pytest.mark.parametrize("accept_first_in_line", [True, False])
async def test_accepting_at_the_moment_an_offer_expires_makes_no_match(
        services: Services, clock: FakeClock, accept_first_in_line: bool) -> None:
    programme = await make_programme(services, mode=Mode.AUTO, offer_expiry_hours=1)
    await supporter(services, programme, SUP1, issues="rejection")
    await supporter(services, programme, SUP2)
    await seeker(services, programme, issues="rejection")
    await ask(services, programme)
    clock.advance(hours=1)
    calls = [services.matching.matchmaker.accept(SUP1, 1), services.matching.timeline.run_due()]
    results = await asyncio.gather(*(calls if accept_first_in_line else calls[::-1]), return_exceptions=True)
    assert any(isinstance(r, Conflict) and "expired" in r.message for r in results)
    assert await count(services, "matches") == 0
    assert await pending_offers(services) == [(2, SUP2.user_id)]  # moved on once, in the seeker's place


async def test_withdrawing_while_a_supporter_accepts_leaves_one_consistent_outcome(services: Services) -> None:
    programme = await make_programme(services, mode=Mode.AUTO)
    await supporter(services, programme, SUP1)
    await seeker(services, programme)
    await ask(services, programme)
    results = await asyncio.gather(services.matching.intake.withdraw(SEEKER, programme),
                                   services.matching.matchmaker.accept(SUP1, 1), return_exceptions=True)
    assert isinstance(results[1], Conflict) and "withdrawn" in results[1].message
    assert await services.db.fetch_value("SELECT state FROM match_requests") == "closed"
    assert await count(services, "matches") == 0
    assert await count(services, "outbox", "kind = 'match_space_open'") == 0
