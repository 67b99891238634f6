"""Automatic screening off the event loop: one worker thread screens, the loop only queues and stores.

A message from a group channel is put on a bounded queue (`submit` waits while it is full: back-pressure). One
consumer takes messages in order, screens each in a single worker thread (the rules, then the learned model, which
takes tens of milliseconds), and stores a referral for a flagged one. Nothing of an unflagged message is kept.

What survives a crash is the position, never the content: each group channel's watermark is the last message up
to which every message has been screened (`screening_watermarks`). A message still waiting when the process stops
lies after its channel's watermark, so at start-up the adapter reads each channel's history after it and screens
what was missed (`catch_up_points`). A message whose referral could not be stored holds its channel's watermark
back, so it is screened again after a restart rather than lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from bot.clock import Clock, to_db
from bot.domain.intake import ReferralIntake
from bot.domain.referral import ReferralService
from bot.domain.risk import RiskScreener, Screening, Tier
from bot.domain.spaces import ScreenedSpaces
from bot.storage.db import Database

log = logging.getLogger(__name__)
CAPACITY = 1000  # messages waiting to be screened before `submit` makes the listener wait
FLUSH_SECONDS = 2.0  # how often the watermarks are written while messages keep coming
LOOKUP_SECONDS = 30.0  # how long "is this a group channel, is screening on" is remembered
# The worker thread runs the rules in Python, so the event loop waits for Python's lock (the GIL) each time it wakes.
# A thread holding the lock is asked to let go only after the switch interval (5 ms by default), and one wake-up of
# the loop can need the lock twice: stalls came close to 10 ms. One millisecond bounds each wait; the cost is a few
# more switches a second between two threads. It is set for the whole process, and only ever lowered.
SWITCH_INTERVAL = 0.001


@dataclass(frozen=True)
class Incoming:
    """A message to screen. `context` fetches the messages just before it, and is called only if it is flagged."""

    guild_id: int
    channel_id: int
    message_id: int
    author_id: int
    jump_url: str
    content: str
    context: Callable[[], Awaitable[list[dict[str, Any]]]]
    received: float = 0.0  # time.perf_counter() when it arrived, for the latency benchmark


class ScreeningWorker:
    def __init__(self, screener: RiskScreener, spaces: ScreenedSpaces, referrals: ReferralService, db: Database,
                 clock: Clock, *, capacity: int = CAPACITY, intake: ReferralIntake | None = None) -> None:
        self.screener = screener
        self.spaces = spaces
        self.referrals = referrals
        self.intake = intake  # stores a referral, or keeps it while the database is locked
        self.db = db
        self.clock = clock
        self._capacity = capacity
        self._queue: asyncio.Queue[Incoming] | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._task: asyncio.Task[None] | None = None
        self._inflight: dict[int, set[int]] = {}  # channel -> queued or failed message ids
        self._done: dict[int, tuple[int, int]] = {}  # channel -> (guild, highest message id screened)
        self._marks: dict[int, int] = {}  # channel -> watermark written or to write
        self._dirty: dict[int, int] = {}  # channel -> guild, for watermarks not yet written
        self._lookups: dict[tuple[str, int], tuple[bool, float]] = {}
        self._last_flush = 0.0
        self._flushing = asyncio.Lock()
        self.on_stored: Callable[[Incoming], None] | None = None  # the latency benchmark's hook

    # ---- lifecycle -------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is not None:
            return
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        self._queue = asyncio.Queue(maxsize=self._capacity)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="peerbot-screening")
        self._task = asyncio.create_task(self._run(), name="peerbot-screening")

    async def stop(self) -> None:
        """Stop taking messages; write the watermarks of what was screened. What is still queued is left after its
        channel's watermark, for the next start-up."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.flush()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    async def submit(self, message: Incoming) -> None:
        """Queue a message; waits while the queue is full."""
        if self._queue is None:
            raise RuntimeError("the screening worker is not started")
        self._inflight.setdefault(message.channel_id, set()).add(message.message_id)
        await self._queue.put(message)

    async def drain(self) -> None:
        """Wait until every queued message has been screened (and its referral stored), then write the marks."""
        if self._queue is not None:
            await self._queue.join()
        await self.flush()

    async def screen(self, text: str) -> Screening:
        """Screen one text in the worker thread (a manual flag), without queueing it behind the channel messages."""
        if self._executor is None:
            return self.screener.screen(text)
        return await asyncio.get_running_loop().run_in_executor(self._executor, self.screener.screen, text)

    @property
    def waiting(self) -> int:
        return self._queue.qsize() if self._queue is not None else 0

    # ---- the consumer ----------------------------------------------------------------------------------
    async def _run(self) -> None:
        assert self._queue is not None
        loop = asyncio.get_running_loop()
        while True:
            message = await self._queue.get()
            try:
                if await self._handle(loop, message):
                    self._advance(message)
            except Exception:
                log.exception("screening message %s in channel %s failed; it will be screened again at start-up",
                              message.message_id, message.channel_id)
            try:
                if self._queue.qsize() == 0 or loop.time() - self._last_flush >= FLUSH_SECONDS:
                    await self.flush()
            except Exception:
                log.exception("could not write the screening watermarks; trying again with the next message")
            finally:
                self._queue.task_done()  # after its watermark, so that drain() sees it written

    async def _handle(self, loop: asyncio.AbstractEventLoop, message: Incoming) -> bool:
        """Screen one message; True when it is done with (screened, and stored if flagged)."""
        if not await self._remembered("space", message.channel_id, self._is_space):
            self._inflight.get(message.channel_id, set()).discard(message.message_id)
            return False  # not a peer-support space: nothing to screen, nothing to remember
        if not await self._remembered("enabled", message.guild_id, self._enabled):
            return True
        screening: Screening = await loop.run_in_executor(self._executor, self.screener.screen, message.content)
        if screening.tier >= Tier.CONCERN:
            context = await message.context()
            await (self.intake or self.referrals).from_screening(
                message.guild_id, message.author_id, message.channel_id, message.message_id, message.jump_url,
                message.content, context, screening,
            )
            if self.on_stored is not None:
                self.on_stored(message)
        return True

    async def _is_space(self, channel_id: int) -> bool:
        return await self.spaces.space_of(channel_id) is not None

    async def _enabled(self, guild_id: int) -> bool:
        return (await self.referrals.config(guild_id)).screening_enabled

    async def _remembered(self, what: str, key: int, look: Callable[[int], Awaitable[bool]]) -> bool:
        now = time.monotonic()
        found = self._lookups.get((what, key))
        if found is None or found[1] < now:
            found = (await look(key), now + LOOKUP_SECONDS)
            self._lookups[(what, key)] = found
        return found[0]

    # ---- watermarks ------------------------------------------------------------------------------------
    def _advance(self, message: Incoming) -> None:
        channel = message.channel_id
        waiting = self._inflight.get(channel, set())
        waiting.discard(message.message_id)
        guild, highest = self._done.get(channel, (message.guild_id, 0))
        highest = max(highest, message.message_id)
        self._done[channel] = (guild, highest)
        # Everything before the oldest message still waiting (or failed) in this channel has been screened.
        mark = min(highest, min(waiting) - 1) if waiting else highest
        if mark > self._marks.get(channel, 0):
            self._marks[channel] = mark
            self._dirty[channel] = guild

    async def flush(self) -> None:
        async with self._flushing:  # one write at a time, so that a flush returns only once the marks are written
            await self._flush()

    async def _flush(self) -> None:
        self._last_flush = asyncio.get_running_loop().time()
        if not self._dirty:
            return
        dirty, self._dirty = self._dirty, {}
        now = to_db(self.clock.now())
        try:
            await self.db.execute_many(
                "INSERT INTO screening_watermarks (channel_id, guild_id, message_id, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (channel_id) DO UPDATE SET message_id = MAX(message_id, excluded.message_id),"
                " updated_at = excluded.updated_at",
                [(channel, guild, self._marks[channel], now) for channel, guild in dirty.items()],
            )
        except BaseException:
            self._dirty = dirty | self._dirty
            raise

    async def catch_up_points(self) -> list[tuple[int, int, int]]:
        """(guild, channel, watermark) for every peer-support space screened before that is still one: the adapter
        screens each channel's messages after its watermark at start-up."""
        rows = await self.db.fetch_all(
            "SELECT guild_id, channel_id, message_id FROM screening_watermarks ORDER BY channel_id")
        return [(int(r["guild_id"]), int(r["channel_id"]), int(r["message_id"])) for r in rows
                if await self.spaces.space_of(int(r["channel_id"])) is not None]
