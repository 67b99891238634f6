from __future__ import annotations

from typing import Any

from bot.domain.outbox import DeliveryError, OutboxItem
from bot.services import Services
from tests.conftest import GUILD, FakeClock


async def test_transient_failures_retry_with_backoff_until_done(services: Services, clock: FakeClock) -> None:
    attempts: list[int] = []

    async def flaky(item: OutboxItem) -> dict[str, Any]:
        attempts.append(item.attempts)
        if len(attempts) < 3:
            raise DeliveryError("503 Service Unavailable")
        return {"message_id": 42}

    services.outbox.register("dm", flaky)
    async with services.db.transaction():
        await services.outbox.enqueue(GUILD, "dm", {"user_id": 1, "text": "hi"}, dedupe_key="k")
    assert await services.outbox.run_due() == 1
    assert await services.outbox.run_due() == 0  # backing off: not due yet
    clock.advance(seconds=5)
    await services.outbox.run_due()
    clock.advance(seconds=10)
    await services.outbox.run_due()
    assert attempts == [0, 1, 2]
    assert await services.outbox.state_of("k") == "done"
    assert await services.outbox.result_of("k") == {"message_id": 42}
    clock.advance(hours=1)
    assert await services.outbox.run_due() == 0  # never delivered twice


async def test_rate_limit_retry_after_is_respected(services: Services, clock: FakeClock) -> None:
    async def limited(item: OutboxItem) -> None:
        raise DeliveryError("429", retry_after=30)

    services.outbox.register("dm", limited)
    await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key="k")
    await services.outbox.run_due()
    clock.advance(seconds=29)
    assert await services.outbox.run_due() == 0
    clock.advance(seconds=1)
    assert await services.outbox.run_due() == 1


async def test_permanent_failure_is_not_retried(services: Services, clock: FakeClock) -> None:
    async def forbidden(item: OutboxItem) -> None:
        raise DeliveryError("403 Forbidden", permanent=True)

    services.outbox.register("dm", forbidden)
    await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key="k")
    await services.outbox.run_due()
    clock.advance(days=1)
    assert await services.outbox.run_due() == 0
    assert await services.outbox.state_of("k") == "failed"


async def test_unexpected_errors_keep_the_item(services: Services, clock: FakeClock) -> None:
    async def buggy(item: OutboxItem) -> None:
        raise KeyError("oops")

    services.outbox.register("dm", buggy)
    await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key="k")
    await services.outbox.run_due()
    assert await services.outbox.state_of("k") == "pending"


async def test_enqueue_is_idempotent_and_rolls_back_with_its_transaction(services: Services) -> None:
    assert await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key="k")
    assert not await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key="k")
    try:
        async with services.db.transaction():
            await services.outbox.enqueue(GUILD, "dm", {}, dedupe_key="k2")
            raise RuntimeError("decision failed")
    except RuntimeError:
        pass
    assert await services.outbox.state_of("k2") is None
