"""Screening off the event loop: the worker, its watermarks, and the member's language for the note."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.domain.crisis_resources import DEFAULTS, LANGUAGES, NOTES, note_language, support_message
from bot.domain.screening import Incoming
from bot.errors import InvalidInput
from bot.services import Services
from tests.conftest import ADMIN, GUILD, FakeProvisioner, actor
from tests.test_groups import DRAFT


async def no_context() -> list[dict[str, Any]]:
    return []


def message(channel: int, message_id: int, text: str, author: int = 7) -> Incoming:
    return Incoming(GUILD, channel, message_id, author, f"https://discord.com/channels/{GUILD}/{channel}/{message_id}",
                    text, no_context)


async def referred(services: Services) -> list[tuple[str, int]]:
    rows = await services.db.fetch_all("SELECT tier, message_id FROM referrals ORDER BY id")
    return [(r["tier"], r["message_id"]) for r in rows]


async def watermark(services: Services, channel: int) -> int | None:
    value = await services.db.fetch_value("SELECT message_id FROM screening_watermarks WHERE channel_id = ?",
                                          (channel,))
    return int(value) if value is not None else None


@pytest.fixture
async def channel(services: Services) -> int:
    group = await services.groups.create(ADMIN, DRAFT, FakeProvisioner())
    assert group.channel_id is not None
    services.screening.start()
    return group.channel_id


async def test_flagged_messages_become_referrals_and_the_watermark_follows(services: Services, channel: int) -> None:
    await services.screening.submit(message(channel, 10, "see you on thursday"))
    await services.screening.submit(message(channel, 11, "honestly I just want to die"))
    await services.screening.submit(message(999, 12, "I want to die"))  # not a group channel
    await services.screening.drain()
    assert await referred(services) == [("urgent", 11)]
    assert await watermark(services, channel) == 11
    assert await watermark(services, 999) is None
    assert await services.screening.catch_up_points() == [(GUILD, channel, 11)]
    await services.screening.stop()


async def test_a_message_whose_referral_fails_holds_the_watermark_back(services: Services, channel: int,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    original = services.referrals.from_screening
    calls = 0

    async def failing_once(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk full")
        return await original(*args)

    monkeypatch.setattr(services.referrals, "from_screening", failing_once)
    await services.screening.submit(message(channel, 20, "see you on thursday"))
    await services.screening.submit(message(channel, 21, "I want to die"))  # its referral fails
    await services.screening.submit(message(channel, 22, "I want to die tonight"))
    await services.screening.submit(message(channel, 23, "lovely weather"))
    await services.screening.drain()
    assert await referred(services) == [("crisis", 22)]
    assert await watermark(services, channel) == 20  # 21 is screened again after a restart
    await services.screening.stop()


async def test_messages_still_queued_at_a_stop_lie_after_the_watermark(services: Services, channel: int) -> None:
    worker = services.screening
    gate = asyncio.Event()
    original = worker._handle

    async def slow(loop: Any, incoming: Incoming) -> bool:
        await gate.wait()
        return await original(loop, incoming)

    worker._handle = slow  # type: ignore[method-assign]
    await worker.submit(message(channel, 30, "see you on thursday"))
    await worker.submit(message(channel, 31, "I want to die"))
    for _ in range(5):
        await asyncio.sleep(0)
    await worker.stop()  # as in a crash: nothing was screened, nothing is marked
    assert await watermark(services, channel) is None and await referred(services) == []


async def test_a_full_queue_makes_the_listener_wait(services: Services, channel: int) -> None:
    worker = services.screening
    await worker.stop()
    worker._capacity = 2
    gate = asyncio.Event()
    original = worker._handle

    async def slow(loop: Any, incoming: Incoming) -> bool:
        await gate.wait()
        return await original(loop, incoming)

    worker._handle = slow  # type: ignore[method-assign]
    worker.start()
    for i in range(3):  # one taken by the consumer, two waiting
        await worker.submit(message(channel, 40 + i, "hello"))
    fourth = asyncio.create_task(worker.submit(message(channel, 43, "hello")))
    for _ in range(5):
        await asyncio.sleep(0)  # let the loop run, without waiting on real time
    assert not fourth.done()
    gate.set()
    await fourth
    await worker.drain()
    assert await watermark(services, channel) == 43
    await worker.stop()


async def test_the_note_follows_the_member_then_the_server_then_the_country(services: Services,
                                                                           channel: int) -> None:
    member = actor(7)
    await services.referrals.configure(ADMIN, country="ES")
    await services.screening.submit(message(channel, 50, "I want to die", author=8))
    await services.languages.choose(member, "de", "at")
    await services.screening.submit(message(channel, 51, "I want to die", author=7))
    await services.screening.drain()
    rows = await services.db.fetch_all("SELECT payload FROM outbox WHERE kind = 'author_support' ORDER BY id")
    payloads = [__import__("json").loads(r["payload"]) for r in rows]
    assert [(p["language"], p["country"]) for p in payloads] == [("es", "ES"), ("de", "AT")]
    assert "142" in support_message("AT", "de") and support_message("AT", "de").startswith("Hallo")
    # export and delete
    exported = await services.privacy.export(member, 7)
    assert exported["language"] == {"language": "de", "country": "AT"}
    await services.privacy.delete(member, 7)
    assert await services.languages.get(GUILD, 7) is None
    with pytest.raises(InvalidInput):
        await services.languages.choose(member, "xx")
    with pytest.raises(InvalidInput):
        await services.referrals.configure(ADMIN, language="klingon")
    await services.screening.stop()


def test_every_language_has_a_note_and_every_country_a_checked_date() -> None:
    assert set(NOTES) == set(LANGUAGES) == {"en", "es", "fr", "de", "pt", "it"}
    for code, lines in DEFAULTS.items():
        assert lines.verified and lines.language in NOTES, code
        text = support_message(code)
        assert lines.emergency in text and all(line in text for line in lines.lines)
    for expected, country in [("024", "ES"), ("3114", "FR"), ("0800 111 0 111", "DE"), ("142", "AT"),
                              ("143", "CH"), ("02 2327 2327", "IT"), ("SOS Voz Amiga", "PT"), ("188", "BR"),
                              ("800 911 2000", "MX")]:
        assert expected in support_message(country), country
    assert note_language("FR") == "fr" and note_language("FR", "en") == "en" and note_language("XX") == "en"
    assert "findahelpline" in support_message("XX", "pt") and support_message("XX", "pt").startswith("Olá")
