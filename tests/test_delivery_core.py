"""The outbox's exactly-once machinery and the referral intake, over a real SQLite file that another connection
locks, as a backup or another `peerbot` command would (issue 13: defects 1, 5 and 6, and the dead letters)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from bot.domain.outbox import IN_DOUBT_BACKOFF, MAX_FAULTS, DeliveryError, OutboxItem
from bot.domain.risk import RiskScreener
from bot.services import Services, open_services
from bot.settings import Settings
from tests.conftest import GUILD, FakeClock, actor
from tests.locking import locked, short_busy_timeout

SCREEN = RiskScreener()
CRISIS = "I have the pills saved up and tonight is the night"


async def reopen(settings: Settings, clock: FakeClock) -> Services:
    """A new process over the same files (the previous one was killed: nothing of its memory survives)."""
    restarted = await open_services(settings, clock)
    await short_busy_timeout(restarted)
    return restarted


# ---- the attempt is recorded before Discord is called (defect 5) ------------------------------------------
async def test_an_attempt_is_recorded_before_the_handler_runs(services: Services, settings: Settings,
                                                              clock: FakeClock) -> None:
    seen: list[tuple[int, int]] = []

    async def dies_midway(item: OutboxItem) -> None:
        recorded = await services.db.fetch_value("SELECT attempts FROM outbox WHERE id = ?", (item.id,))
        seen.append((item.attempts, int(recorded)))
        raise asyncio.CancelledError  # the process is killed while Discord is being called

    services.outbox.register("dm", dies_midway)
    await services.outbox.enqueue(GUILD, "dm", {"user_id": 7, "text": "hi"}, dedupe_key="k")
    with pytest.raises(asyncio.CancelledError):
        await services.outbox.run_due()
    assert seen == [(0, 1)]  # committed before the handler was called

    restarted = await reopen(settings, clock)
    try:
        retried: list[int] = []

        async def handler(item: OutboxItem) -> dict[str, Any]:
            retried.append(item.attempts)
            return {"message_id": 1}

        restarted.outbox.register("dm", handler)
        await restarted.outbox.run_due()
        assert retried == [1]  # the retry knows an earlier attempt may have reached Discord
    finally:
        await restarted.db.close()


# ---- marking done fails (defect 6) ------------------------------------------------------------------------
async def test_an_item_done_while_the_database_is_locked_is_never_sent_again(
    services: Services, settings: Settings, clock: FakeClock
) -> None:
    sent: list[int] = []

    async def send(item: OutboxItem) -> dict[str, Any]:
        sent.append(item.id)
        if len(sent) == 1:
            holder.__enter__()  # Discord accepted it; now someone takes the database's lock
        return {"message_id": 99}

    await short_busy_timeout(services)
    services.outbox.register("dm", send)
    await services.outbox.enqueue(GUILD, "dm", {"user_id": 7, "text": "hi"}, dedupe_key="k")
    holder = locked(settings.database_path)
    await services.outbox.run_due()  # delivered; marking it done fails
    for _ in range(3):
        clock.advance(minutes=5)
        await services.outbox.run_due()
    assert sent == [1]
    assert await services.outbox.state_of("k") == "pending"
    holder.__exit__(None, None, None)
    await services.outbox.run_due()
    assert await services.outbox.state_of("k") == "done" and sent == [1]
    assert await services.outbox.result_of("k") == {"message_id": 99}
    assert len(services.outbox.spool) == 0


async def test_a_done_outcome_spooled_under_a_lock_survives_a_crash(
    services: Services, settings: Settings, clock: FakeClock
) -> None:
    sent: list[int] = []

    async def send(item: OutboxItem) -> dict[str, Any]:
        sent.append(item.id)
        if len(sent) == 1:
            holder.__enter__()
        return {"message_id": 99}

    await short_busy_timeout(services)
    services.outbox.register("dm", send)
    await services.outbox.enqueue(GUILD, "dm", {"user_id": 7, "text": "hi"}, dedupe_key="k")
    holder = locked(settings.database_path)
    await services.outbox.run_due()
    holder.__exit__(None, None, None)
    # killed here: the new process finds the outcome in the spool file
    restarted = await reopen(settings, clock)
    try:
        restarted.outbox.register("dm", send)
        clock.advance(minutes=5)
        await restarted.outbox.run_due()
        assert sent == [1]
        assert await restarted.outbox.result_of("k") == {"message_id": 99}
        assert not settings.database_path.with_name("peerbot.db.pending.jsonl").read_bytes()
    finally:
        await restarted.db.close()


async def test_steps_are_kept_until_the_item_is_done(services: Services, settings: Settings) -> None:
    await short_busy_timeout(services)
    await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key="k")
    await services.outbox.record_step(1, "msg:5#0", {"id": 11})
    with locked(settings.database_path):
        await services.outbox.record_step(1, "msg:6#0", {"id": 12})  # spooled
        assert await services.outbox.step_result(1, "msg:6#0") == {"id": 12}
    assert await services.outbox.step_result(1, "msg:5#0") == {"id": 11}
    services.outbox.register("dm", lambda item: _none())
    await services.outbox.run_due()
    assert await services.db.fetch_value("SELECT COUNT(*) FROM outbox_steps") == 0
    assert await services.outbox.state_of("k") == "done"


async def _none() -> None:
    return None


# ---- retries, outages, dead letters -----------------------------------------------------------------------
async def test_an_attempt_in_doubt_is_retried_within_discords_nonce_memory(services: Services,
                                                                             clock: FakeClock) -> None:
    async def lost_response(item: OutboxItem) -> None:
        raise DeliveryError("503 after the work was done", outage=True, in_doubt=True)

    services.outbox.register("dm", lost_response)
    await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key="k")
    for _ in range(10):
        await services.outbox.run_due()
        due = await services.outbox.next_due_at()
        assert due is not None and due - clock.now() <= IN_DOUBT_BACKOFF
        clock.advance(seconds=IN_DOUBT_BACKOFF.total_seconds())
    assert await services.outbox.state_of("k") == "pending"  # an outage is never given up on


async def test_a_handler_that_keeps_failing_is_set_aside_and_the_admins_told(services: Services,
                                                                               clock: FakeClock) -> None:
    async def buggy(item: OutboxItem) -> None:
        raise KeyError("oops")

    services.outbox.register("dm", buggy)
    await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key="k")
    for _ in range(MAX_FAULTS + 3):
        await services.outbox.run_due()
        clock.advance(hours=1)
    row = await services.db.fetch_one("SELECT state, attempts, failure FROM outbox WHERE dedupe_key = 'k'")
    assert row["state"] == "failed" and row["attempts"] == MAX_FAULTS and row["failure"] == "set_aside"
    alert = await services.db.fetch_one("SELECT payload FROM outbox WHERE kind = 'leader_alert'")
    assert "set aside" in json.loads(alert["payload"])["text"]
    count, failures = await services.outbox.failures(GUILD)
    assert count == 1 and failures[0].kind == "dm" and "oops" in failures[0].error


async def test_stop_lets_the_delivery_in_flight_finish_and_takes_no_other(services: Services) -> None:
    done: list[int] = []

    async def slow(item: OutboxItem) -> dict[str, Any]:
        services.outbox.stop()  # shutdown begins while this one is being sent
        await asyncio.sleep(0)
        done.append(item.id)
        return {"message_id": item.id}

    services.outbox.register("dm", slow)
    for key in ("a", "b"):
        await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key=key)
    await services.outbox.run_due()
    assert done == [1]
    assert await services.outbox.state_of("a") == "done" and await services.outbox.state_of("b") == "pending"


# ---- a referral while the database is locked (defect 1) ---------------------------------------------------
async def test_a_screened_referral_survives_a_60_second_lock_and_is_stored_once(
    services: Services, settings: Settings, clock: FakeClock
) -> None:
    await short_busy_timeout(services)
    url = f"https://discord.com/channels/{GUILD}/50/900"
    with locked(settings.database_path):
        kept = await services.intake.from_screening(GUILD, 7, 50, 900, url, CRISIS, [], SCREEN.screen(CRISIS))
        assert kept is None
        assert [w.tier for w in services.intake.waiting()] == ["crisis"]
        clock.advance(seconds=20)
        assert services.intake.stalled() == []
        clock.advance(seconds=40)  # a minute in: the leaders are told, once
        stalled = services.intake.stalled()
        assert [(w.channel_id, w.jump_url) for w in stalled] == [(50, url)]
        assert services.intake.stalled() == []
        assert await services.intake.drain() == 1  # still locked: still waiting
    assert await services.intake.drain() == 0
    assert await services.intake.drain() == 0
    rows = await services.db.fetch_all("SELECT tier, message_id FROM referrals")
    assert [(r["tier"], r["message_id"]) for r in rows] == [("crisis", 900)]
    assert len(services.outbox.spool) == 0


async def test_a_kept_referral_and_flag_survive_a_crash_and_are_stored_once(
    services: Services, settings: Settings, clock: FakeClock
) -> None:
    await short_busy_timeout(services)
    with locked(settings.database_path):
        await services.intake.from_screening(GUILD, 7, 50, 900, "url", CRISIS, [], SCREEN.screen(CRISIS))
        flagged = await services.intake.flag(actor(8), 9, 50, 901, "url2", "nobody would miss me", "worried",
                                             SCREEN.screen("nobody would miss me"))
        assert flagged is None
    # Stored by this process, then killed before the spool entries were removed: the next one replays them.
    spool_file = settings.database_path.with_name("peerbot.db.pending.jsonl")
    kept = spool_file.read_bytes()
    await services.intake.drain()
    spool_file.write_bytes(kept)
    restarted = await reopen(settings, clock)
    try:
        assert len(restarted.intake.waiting()) == 2
        assert await restarted.intake.drain() == 0
        rows = await restarted.db.fetch_all("SELECT source, message_id FROM referrals ORDER BY message_id")
        assert [(r["source"], r["message_id"]) for r in rows] == [("screening", 900), ("flag", 901)]
        flags = await restarted.db.fetch_value("SELECT COUNT(*) FROM referral_events WHERE action = 'flagged'")
        assert flags == 1
    finally:
        await restarted.db.close()


async def test_a_torn_last_line_in_the_spool_is_ignored(services: Services, settings: Settings,
                                                        clock: FakeClock) -> None:
    await short_busy_timeout(services)
    with locked(settings.database_path):
        await services.intake.from_screening(GUILD, 7, 50, 900, "url", CRISIS, [], SCREEN.screen(CRISIS))
    spool_file = settings.database_path.with_name("peerbot.db.pending.jsonl")
    with spool_file.open("ab") as handle:
        handle.write(b'{"id": "x", "kind": "referr')  # the crash came in the middle of a write
    restarted = await reopen(settings, clock)
    try:
        assert await restarted.intake.drain() == 0
        assert await restarted.db.fetch_value("SELECT COUNT(*) FROM referrals") == 1
    finally:
        await restarted.db.close()
