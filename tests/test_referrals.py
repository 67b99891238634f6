from __future__ import annotations

from typing import Any

import pytest

from bot.domain.outbox import DeliveryError, OutboxItem
from bot.domain.referral import ReferReason
from bot.domain.risk import RiskScreener
from bot.errors import Conflict, InvalidInput, PermissionDenied, RateLimited
from bot.services import Services, open_services
from bot.settings import Settings
from tests.conftest import GUILD, LEADER, PEER_ROLE, FakeClock, actor

SCREEN = RiskScreener()


async def auto(services: Services, text: str, message_id: int = 900, author: int = 7) -> Any:
    return await services.referrals.from_screening(
        GUILD, author, 50, message_id, f"https://discord.com/channels/{GUILD}/50/{message_id}", text,
        [{"author": "peer", "text": "how is everyone"}], SCREEN.screen(text),
    )


async def kinds(services: Services) -> list[str]:
    rows = await services.db.fetch_all("SELECT kind FROM outbox ORDER BY id")
    return [r[0] for r in rows]


async def test_crisis_message_opens_referral_and_reaches_out(services: Services) -> None:
    referral = await auto(services, "I have the pills saved up and tonight is the night")
    assert referral.tier.label == "crisis" and referral.state == "open"
    assert referral.evidence and referral.content.startswith("I have the pills")
    assert await kinds(services) == ["queue_post", "author_support"]
    assert await auto(services, "I have the pills saved up and tonight is the night") is None  # once per message


async def test_concern_is_queued_without_messaging_the_author(services: Services) -> None:
    referral = await auto(services, "I'm completely burnt out and nobody helps")
    assert referral.tier.label == "concern"
    assert await kinds(services) == ["queue_post"]
    assert await auto(services, "lovely weather today", message_id=901) is None


async def test_method_detail_is_hidden_only_when_the_server_chooses(services: Services) -> None:
    text = "I've been researching how many pills it would take to die"
    await auto(services, text)
    assert "hide_message" not in await kinds(services)
    await services.referrals.configure(actor(99, admin=True), hide_method_messages=True)
    await auto(services, text, message_id=902)
    assert "hide_message" in await kinds(services)


async def test_unclaimed_referral_escalates_until_claimed_and_survives_restart(
    services: Services, settings: Settings, clock: FakeClock
) -> None:
    referral = await auto(services, "i want to end it all tonight")  # crisis: 5 minute deadline
    clock.advance(minutes=4, seconds=59)
    assert await services.referrals.escalate_due() == []
    clock.advance(seconds=1)
    assert await services.referrals.escalate_due() == [referral.id]
    assert await services.referrals.escalate_due() == []  # nothing twice

    # A restart: a new process over the same database must neither reset nor repeat the clock.
    await services.db.close()
    restarted = await open_services(settings, clock)
    try:
        clock.advance(minutes=5)
        assert await restarted.referrals.escalate_due() == [referral.id]
        rows = await restarted.db.fetch_all("SELECT dedupe_key FROM outbox WHERE kind = 'escalate' ORDER BY id")
        assert [r[0] for r in rows] == [f"escalate:{referral.id}:1", f"escalate:{referral.id}:2"]
        await restarted.referrals.act(LEADER, referral.id, "claim")
        clock.advance(hours=2)
        assert await restarted.referrals.escalate_due() == []
    finally:
        await restarted.db.close()
        services.db = await type(services.db).open(settings.database_path)


async def test_lifecycle_records_every_step(services: Services, clock: FakeClock) -> None:
    referral = await auto(services, "He hit me again last night and I'm scared to go home")
    with pytest.raises(PermissionDenied, match="programme leader"):
        await services.referrals.act(actor(7), referral.id, "claim")
    await services.referrals.act(LEADER, referral.id, "claim")
    with pytest.raises(Conflict, match="claimed by"):
        await services.referrals.act(actor(4, 2), referral.id, "claim")
    clock.advance(minutes=10)
    await services.referrals.act(LEADER, referral.id, "contacted", "Phoned, safe at a friend's")
    with pytest.raises(InvalidInput, match="where"):
        await services.referrals.act(LEADER, referral.id, "referred_on")
    await services.referrals.act(LEADER, referral.id, "referred_on", "Local DV service")
    closed = await services.referrals.act(LEADER, referral.id, "close")
    assert closed.state == "closed" and closed.outcome == "Local DV service" and closed.claimed_by == LEADER.user_id
    _, events = await services.referrals.view(LEADER, referral.id)
    assert [e["action"] for e in events] == ["opened", "claim", "contacted", "referred_on", "close"]
    assert all(e["actor_id"] == LEADER.user_id for e in events[1:])
    assert [e["action"] for e in await services.audit.entries_for("referral", referral.id)] == ["viewed"]


async def test_false_alarm_closes(services: Services) -> None:
    referral = await auto(services, "i want to die")
    closed = await services.referrals.act(LEADER, referral.id, "false_alarm")
    assert (closed.state, closed.outcome) == ("closed", "false_alarm")


async def test_manual_flags_are_rate_limited_and_repeats_visible(services: Services) -> None:
    flagger = actor(8)
    for n in range(5):
        referral = await services.referrals.flag(flagger, 7, 50, 1000 + n, "url", "you are all idiots", None,
                                                 SCREEN.screen("you are all idiots"))
    assert referral.tier.label == "concern" and referral.flagger_id == 8
    assert referral.repeat_flags == 5
    with pytest.raises(RateLimited, match="emergency"):
        await services.referrals.flag(flagger, 7, 50, 2000, "url", "x", None, SCREEN.screen("x"))


async def test_flagging_an_already_referred_message_joins_it(services: Services) -> None:
    first = await auto(services, "i want to die")
    again = await services.referrals.flag(actor(8), 7, 50, 900, "url", "i want to die", "worried about them",
                                          SCREEN.screen("i want to die"))
    assert again.id == first.id
    assert await services.db.fetch_value("SELECT COUNT(*) FROM referrals") == 1


async def test_peer_supporter_refers_with_structured_reason(services: Services) -> None:
    with pytest.raises(PermissionDenied, match="peer supporter"):
        await services.referrals.refer(actor(7), 9, ReferReason.CRISIS, None, 50)
    referral = await services.referrals.refer(actor(6, PEER_ROLE), 9, ReferReason.CRISIS, "won't stop crying", 50)
    assert referral.tier.label == "crisis" and referral.reason == "a crisis: won't stop crying"


async def test_content_is_purged_after_retention_but_the_record_stays(services: Services, clock: FakeClock) -> None:
    referral = await auto(services, "i want to die")
    await services.referrals.act(LEADER, referral.id, "false_alarm")
    clock.advance(days=29)
    assert await services.referrals.purge_expired_content() == 0
    clock.advance(days=1)
    assert await services.referrals.purge_expired_content() == 1
    purged = await services.referrals.get(referral.id)
    assert purged.content is None and purged.context is None and purged.evidence == []
    assert purged.state == "closed" and purged.tier.label == "urgent"


async def test_queue_post_survives_discord_errors_and_restart_without_duplicates(
    services: Services, settings: Settings, clock: FakeClock
) -> None:
    posted: list[int] = []
    failures = [DeliveryError("429", retry_after=2), DeliveryError("503 Service Unavailable")]

    async def post(item: OutboxItem) -> dict[str, Any]:
        if failures:
            raise failures.pop(0)
        posted.append(item.payload["referral_id"])
        return {"message_id": 4242}

    async def author_dm_closed(item: OutboxItem) -> None:
        raise DeliveryError("403 Cannot send messages to this user", permanent=True)

    services.outbox.register("queue_post", post)
    services.outbox.register("author_support", author_dm_closed)
    referral = await auto(services, "i want to die tonight")
    await services.outbox.run_due()  # 429 on the post; the DM is refused for good
    clock.advance(seconds=2)
    await services.outbox.run_due()  # 503
    await services.db.close()

    restarted = await open_services(settings, clock)
    try:
        restarted.outbox.register("queue_post", post)
        restarted.outbox.register("author_support", author_dm_closed)
        for _ in range(5):
            clock.advance(minutes=1)
            await restarted.outbox.run_due()
        assert posted == [referral.id]
        assert await restarted.outbox.state_of(f"author_support:{referral.id}") == "failed"
    finally:
        await restarted.db.close()
        services.db = await type(services.db).open(settings.database_path)


async def test_member_export_and_delete(services: Services) -> None:
    referral = await auto(services, "i want to die")
    await services.referrals.flag(actor(8), 7, 50, 901, "url", "hmm", None, SCREEN.screen("hmm"))
    exported = await services.privacy.export(actor(7), 7)
    assert exported["referrals"]["about_you"][0]["content"] == "i want to die"
    assert "flagger_id" not in str(exported["referrals"])
    await services.privacy.delete(actor(7), 7)
    erased = await services.referrals.get(referral.id)
    assert erased.subject_id is None and erased.content is None
    assert (await services.privacy.export(actor(8), 8))["referrals"]["raised_by_you"] == [
        {"id": 2, "action": "flagged", "at": "2026-03-02T12:00:00+00:00", "detail": None}
    ]
