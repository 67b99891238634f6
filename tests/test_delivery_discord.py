"""The crisis path through the real outbox handlers and discord.py, over a fake Discord transport (issue 13:
defects 4 to 8): one queue card without reading history, the routes around a refused queue channel, one private
thread per member, nothing sent twice when marking done fails, and a shutdown that lets the send in flight end."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.domain.channel_health import QUEUE
from bot.domain.risk import RiskScreener
from bot.services import Services, open_services
from bot.settings import Settings
from cogs.runtime import PeerBot
from tests.conftest import GUILD, LEADER_ROLE, FakeClock, actor
from tests.fakediscord import FakeDiscord, http_error
from tests.locking import locked, short_busy_timeout

SCREEN = RiskScreener()
QUEUE_CHANNEL, ALERTS_CHANNEL, GROUP_CHANNEL = 100, 101, 200
ONCALL_ROLE = 20
AUTHOR, LEADER_ID, ONCALL_ID = 7, 30, 31


def fake_server(clock: FakeClock, **options: Any) -> FakeDiscord:
    fake = FakeDiscord(guild_id=GUILD, clock=clock.now, **options)
    for channel_id, name in ((QUEUE_CHANNEL, "referrals"), (ALERTS_CHANNEL, "alerts"), (GROUP_CHANNEL, "group")):
        fake.add_channel(channel_id, name)
    fake.add_role(LEADER_ROLE, "leaders")
    fake.add_role(ONCALL_ROLE, "on call")
    fake.add_member(AUTHOR)
    fake.add_member(LEADER_ID, LEADER_ROLE)
    fake.add_member(ONCALL_ID, ONCALL_ROLE)
    return fake


async def started(services: Services, fake: FakeDiscord) -> PeerBot:
    bot = PeerBot(services)
    await bot._async_setup_hook()  # the event loop, as `async with bot` gives it
    await bot.install()
    fake.attach(bot)
    return bot


async def configure(services: Services) -> None:
    admin = actor(1, admin=True)
    await services.referrals.configure(admin, queue_channel_id=QUEUE_CHANNEL, oncall_role_id=ONCALL_ROLE)
    await services.alerts.set_channel(admin, ALERTS_CHANNEL)
    await services.staff.seen(actor(LEADER_ID, LEADER_ROLE))  # they used peerbot once, so they can be DM'd
    await services.staff.seen(actor(ONCALL_ID, ONCALL_ROLE))


@pytest.fixture
async def fake(clock: FakeClock) -> FakeDiscord:
    return fake_server(clock)


@pytest.fixture
async def bot(services: Services, fake: FakeDiscord) -> AsyncIterator[PeerBot]:
    await configure(services)
    yield await started(services, fake)


async def refer(services: Services, text: str, message_id: int = 900, author: int = AUTHOR) -> int:
    referral = await services.referrals.from_screening(
        GUILD, author, GROUP_CHANNEL, message_id, f"https://discord.com/channels/{GUILD}/{GROUP_CHANNEL}/{message_id}",
        text, [], SCREEN.screen(text))
    assert referral is not None
    return referral.id


async def deliver(services: Services, clock: FakeClock, rounds: int = 6) -> None:
    """Run the outbox until nothing is due, letting gateway echoes arrive between passes."""
    for _ in range(rounds):
        await services.outbox.run_due()
        for _ in range(3):
            await asyncio.sleep(0)
        clock.advance(seconds=31)


def cards(fake: FakeDiscord, channel_id: int, referral_id: int) -> list[dict[str, Any]]:
    return [m for m in fake.messages(channel_id)
            if any(e.get("footer", {}).get("text") == f"Referral #{referral_id}" for e in m["embeds"])]


class FailOnce:
    """The next create in `channel` fails the way `how` says: '500-after' (Discord did it, then 500), 'killed'
    (Discord did it, then the process died), or '500-before'."""

    def __init__(self, fake: FakeDiscord, channel: int, how: str, *, drop_echo: bool = False) -> None:
        self.fake, self.channel, self.how, self.drop_echo = fake, channel, how, drop_echo
        self.original = fake.create_message
        self.armed = True

    def __call__(self, ids: list[int], body: dict[str, Any]) -> Any:
        if not self.armed or ids[0] != self.channel:
            return self.original(ids, body)
        self.armed = False
        if self.how == "500-before":
            raise http_error(500)
        bot, self.fake.bot = self.fake.bot, (None if self.drop_echo else self.fake.bot)
        try:
            self.original(ids, body)
        finally:
            self.fake.bot = bot
        if self.how == "killed":
            raise asyncio.CancelledError
        raise http_error(500)


# ---- defect 7 (and 5, 6): one card, found by a stored id or Discord's nonce, never by reading history ---------
@pytest.mark.parametrize("drop_echo", [False, True])
async def test_a_card_whose_answer_was_lost_is_posted_once_without_reading_history(
    services: Services, bot: PeerBot, fake: FakeDiscord, clock: FakeClock, monkeypatch: pytest.MonkeyPatch,
    drop_echo: bool,
) -> None:
    monkeypatch.setattr(fake, "create_message", FailOnce(fake, QUEUE_CHANNEL, "500-after", drop_echo=drop_echo))
    referral_id = await refer(services, "i want to die")
    await deliver(services, clock)
    assert len(cards(fake, QUEUE_CHANNEL, referral_id)) == 1
    assert fake.count("history_reads") == 0
    assert (await services.referrals.get(referral_id)).queue_message_id == cards(fake, QUEUE_CHANNEL,
                                                                                  referral_id)[0]["id"]
    # Without the echo, Discord's nonce memory answered the retry with the first message.
    assert fake.count("nonce_dedupes") == (1 if drop_echo else 0)


async def test_a_card_sent_just_before_a_kill_is_not_posted_again_after_restart(
    services: Services, settings: Settings, fake: FakeDiscord, clock: FakeClock, monkeypatch: pytest.MonkeyPatch,
) -> None:
    await configure(services)
    first = await started(services, fake)
    monkeypatch.setattr(fake, "create_message", FailOnce(fake, QUEUE_CHANNEL, "killed", drop_echo=True))
    referral_id = await refer(services, "i want to die")
    with pytest.raises(asyncio.CancelledError):
        await services.outbox.run_due()
    await services.db.close()
    del first
    restarted = await open_services(settings, clock)  # a new process, within Discord's memory of the nonce
    try:
        await started(restarted, fake)
        clock.advance(seconds=20)
        await deliver(restarted, clock)
        assert len(cards(fake, QUEUE_CHANNEL, referral_id)) == 1
        assert await restarted.outbox.state_of(f"queue_post:{referral_id}") == "done"
    finally:
        await restarted.db.close()
        services.db = await type(services.db).open(settings.database_path)


async def test_every_message_a_handler_sends_carries_a_nonce(services: Services, bot: PeerBot, fake: FakeDiscord,
                                                             clock: FakeClock) -> None:
    await refer(services, "I have the pills saved up and tonight is the night")
    await deliver(services, clock)
    clock.advance(minutes=6)
    await services.referrals.escalate_due()
    await deliver(services, clock)
    posts = [body for method, path, body in fake.calls if method == "POST" and path.endswith("/messages")]
    assert len(posts) >= 4  # card, note to the author, ping, two DMs
    assert all(body and len(body["nonce"]) <= 25 and body["enforce_nonce"] is True for body in posts)
    assert len({body["nonce"] for body in posts if body}) == len(posts)


# ---- defect 4: a queue channel that refuses ----------------------------------------------------------------
async def test_a_refused_queue_sends_the_card_to_alerts_and_leaders_until_it_heals(
    services: Services, bot: PeerBot, fake: FakeDiscord, clock: FakeClock,
) -> None:
    fake.refuse("channel", QUEUE_CHANNEL)
    referral_id = await refer(services, "I have the pills saved up and tonight is the night")
    await deliver(services, clock)
    assert cards(fake, QUEUE_CHANNEL, referral_id) == []
    assert len(cards(fake, ALERTS_CHANNEL, referral_id)) == 1
    dms = {m["place"]: m["content"] for m in fake.messages() if m["place"] >= 7_000_000}
    assert {7_000_000 + LEADER_ID, 7_000_000 + ONCALL_ID} <= set(dms)
    assert f"Referral #{referral_id} (crisis)" in dms[7_000_000 + LEADER_ID]
    assert "pills" not in dms[7_000_000 + LEADER_ID]  # no message content in a DM
    health = await services.health.get(GUILD, QUEUE)
    assert health is not None and not health.ok and "403" in (health.error or "")

    # Escalation: the on-call role is pinged where it can be seen, and on-call and leaders are DM'd.
    clock.advance(minutes=6)
    await services.referrals.escalate_due()
    await deliver(services, clock)
    pings = [m for m in fake.messages(ALERTS_CHANNEL) if "has not been claimed" in (m["content"] or "")]
    assert len(pings) == 1 and pings[0]["allowed_mentions"] == {"parse": [], "roles": [ONCALL_ROLE]}
    reminders = [m for m in fake.messages() if "waiting to be claimed" in (m["content"] or "")]
    assert {m["place"] for m in reminders} == {7_000_000 + LEADER_ID, 7_000_000 + ONCALL_ID}

    # An admin fixes the channel: the card it missed is posted there, once, and the health is green again.
    fake.heal("channel", QUEUE_CHANNEL)
    await bot.get_cog("Referrals").delivery.recheck_queue(GUILD)  # type: ignore[union-attr]
    await deliver(services, clock)
    assert len(cards(fake, QUEUE_CHANNEL, referral_id)) == 1
    assert (await services.health.get(GUILD, QUEUE)).ok  # type: ignore[union-attr]
    await bot.get_cog("Referrals").delivery.recheck_queue(GUILD)  # type: ignore[union-attr]
    await deliver(services, clock)
    assert len(cards(fake, QUEUE_CHANNEL, referral_id)) == 1


async def test_with_no_queue_set_the_card_still_reaches_someone(services: Services, fake: FakeDiscord,
                                                               clock: FakeClock) -> None:
    await services.alerts.set_channel(actor(1, admin=True), ALERTS_CHANNEL)
    await services.staff.seen(actor(LEADER_ID, LEADER_ROLE))
    await started(services, fake)
    referral_id = await refer(services, "i want to die")
    await deliver(services, clock)
    assert len(cards(fake, ALERTS_CHANNEL, referral_id)) == 1
    assert await services.outbox.state_of(f"queue_post:{referral_id}") == "done"


# ---- defect 8: closed DMs ----------------------------------------------------------------------------------
async def test_closed_dms_use_one_private_thread_per_member_through_errors(
    services: Services, bot: PeerBot, fake: FakeDiscord, clock: FakeClock, monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake.refuse("dm", AUTHOR)
    original = fake.create_thread
    failures = iter(["after", None])

    def flaky_thread(ids: list[int], body: dict[str, Any]) -> Any:
        made = original(ids, body)
        if next(failures, None) == "after":
            raise http_error(500)  # Discord made the thread, then answered 500
        return made

    monkeypatch.setattr(fake, "create_thread", flaky_thread)
    await refer(services, "i want to die", message_id=900)
    await deliver(services, clock)
    await refer(services, "i want to die, still", message_id=901)
    await deliver(services, clock)
    threads = fake.created("thread")
    assert len(threads) == 1 and threads[0]["name"].startswith("A private check-in")
    notes = fake.messages(threads[0]["id"])
    assert len(notes) == 2 and all(n["content"].startswith(f"<@{AUTHOR}>") for n in notes)
    assert all(n["allowed_mentions"] == {"parse": [], "users": [AUTHOR]} for n in notes)
    assert fake.messages(GROUP_CHANNEL) == []  # never in the group itself
    assert await services.threads.get(GUILD, AUTHOR) == (GROUP_CHANNEL, threads[0]["id"])
    exported = await services.privacy.export(actor(AUTHOR), AUTHOR)
    assert exported["private_threads"] == {"channel_id": GROUP_CHANNEL, "thread_id": threads[0]["id"]}


# ---- defect 6: marking done fails after Discord accepted ---------------------------------------------------
@pytest.mark.parametrize("kind", ["dm", "group_post"])
async def test_a_message_is_not_sent_twice_when_marking_it_done_fails(
    services: Services, settings: Settings, bot: PeerBot, fake: FakeDiscord, clock: FakeClock, kind: str,
) -> None:
    await short_busy_timeout(services)
    payload = {"user_id": AUTHOR, "text": "hello"} if kind == "dm" else {"channel_id": GROUP_CHANNEL, "text": "hi"}
    await services.outbox.enqueue(GUILD, kind, payload, dedupe_key="k")
    holder = locked(settings.database_path)
    fake.on_created = lambda *_: holder.__enter__() if fake.on_created else None
    await services.outbox.run_due()
    fake.on_created = None
    for _ in range(3):
        clock.advance(minutes=2)
        await services.outbox.run_due()
    holder.__exit__(None, None, None)
    await deliver(services, clock)
    assert len(fake.messages()) == 1
    assert await services.outbox.state_of("k") == "done"


# ---- defect 5: shutdown -------------------------------------------------------------------------------------
async def test_shutdown_lets_the_send_in_flight_finish(services: Services, bot: PeerBot, fake: FakeDiscord,
                                                       clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    release, entered = asyncio.Event(), asyncio.Event()
    original = fake.request

    async def slow(route: Any, **kwargs: Any) -> Any:
        if route.method == "POST" and route.url.endswith("/messages"):
            entered.set()
            await release.wait()
        return await original(route, **kwargs)

    monkeypatch.setattr(bot.http, "request", slow)
    bot._ready.set()
    await services.outbox.enqueue(GUILD, "group_post", {"channel_id": GROUP_CHANNEL, "text": "The room is open."},
                                  dedupe_key="open")
    await services.outbox.enqueue(GUILD, "group_post", {"channel_id": GROUP_CHANNEL, "text": "later"},
                                  dedupe_key="later")
    bot._outbox_task = asyncio.create_task(bot._outbox_loop())
    await asyncio.wait_for(entered.wait(), timeout=10)
    assert services.outbox.busy
    closing = asyncio.create_task(bot.close())
    await asyncio.sleep(0)
    release.set()
    await closing
    assert [m["content"] for m in fake.messages(GROUP_CHANNEL)] == ["The room is open."]
    assert await services.outbox.state_of("open") == "done"
    assert await services.outbox.state_of("later") == "pending"  # left for the next start


# ---- defect 1: a command during the lock -----------------------------------------------------------------------
async def test_group_join_while_the_database_is_locked_says_try_again_and_changes_nothing(
    services: Services, settings: Settings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests import helpers
    from tests.conftest import ADMIN, FakeProvisioner, accept_conduct
    from tests.test_groups import DRAFT

    bot = PeerBot(services)
    await bot.install()
    await services.groups.create(ADMIN, DRAFT, FakeProvisioner())
    await accept_conduct(services, AUTHOR)
    server = helpers.guild(GUILD)
    monkeypatch.setattr(bot, "get_guild", lambda guild_id: server)
    await short_busy_timeout(services)
    call = helpers.interaction(bot, helpers.member(AUTHOR), server)
    with locked(settings.database_path):
        await helpers.invoke(bot, "group join", call, name=DRAFT.name)
    call.response.defer.assert_awaited_once()  # answered in time, however long the lock is waited for
    assert "try again in a minute" in helpers.last_reply(call)["content"]
    assert await services.db.fetch_value("SELECT COUNT(*) FROM group_members") == 0
    assert await services.db.fetch_value("SELECT COUNT(*) FROM outbox WHERE kind = 'role_add'") == 0


# ---- /setup status -----------------------------------------------------------------------------------------
async def test_setup_status_is_red_while_the_queue_fails_and_lists_refused_actions(
    services: Services, bot: PeerBot, fake: FakeDiscord, clock: FakeClock,
) -> None:
    import discord

    from cogs.status import status_embed

    assert (await status_embed(bot, GUILD)).colour == discord.Colour.green()
    fake.refuse("channel", QUEUE_CHANNEL)
    await refer(services, "i want to die")
    await deliver(services, clock)
    embed = await status_embed(bot, GUILD)
    assert embed.colour == discord.Colour.red()
    assert f"The referral queue <#{QUEUE_CHANNEL}> can't be used" in (embed.description or "")

    # Any other action Discord refuses for a permission: the admins are told once, and it is listed.
    fake.refuse("channel", GROUP_CHANNEL)
    for key in ("a", "b"):
        await services.outbox.enqueue(GUILD, "group_post", {"channel_id": GROUP_CHANNEL, "text": "hi"},
                                      dedupe_key=key)
    await deliver(services, clock)
    told = [m for m in fake.messages(ALERTS_CHANNEL) if f"refused peerbot in <#{GROUP_CHANNEL}>" in m["content"]]
    assert len(told) == 1
    fake.heal("channel", QUEUE_CHANNEL)
    await bot.get_cog("Referrals").delivery.recheck_queue(GUILD)  # type: ignore[union-attr]
    text = (await status_embed(bot, GUILD)).description or ""
    assert "can't be used" not in text and "2 Discord action(s) failed" in text and "group post (refused" in text
