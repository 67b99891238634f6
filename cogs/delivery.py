"""Exactly once on Discord, for every outbox handler, without the handler doing anything for it.

`register_handlers` (cogs/effects.py) runs each handler inside an `Attempt`. While one is current, the bot's HTTP
client (wrapped by `ExactlyOnce.install`) treats each create call the handler makes as a numbered step of the
outbox item: the n-th message to a channel, the n-th thread in a channel, the n-th scheduled event in a server.

- A step that an earlier attempt completed is found in the outbox's steps (`Outbox.step_result`, filled from
  Discord's answer, or from the gateway's echo of our own message when the answer was lost) and is not created
  again: a message is answered with the stored id, a thread or an event is fetched by its stored id.
- Every message carries a nonce derived from the item and the step, with `enforce_nonce` (discord.py 2.7 sends
  both whenever a nonce is given), so Discord itself returns the first message instead of creating a second when
  a retry comes within its memory of a few minutes: after a 5xx that came after the work was done, after a crash,
  and during discord.py's own retries of a 5xx. An attempt whose outcome is unknown is marked `in_doubt`, and the
  outbox retries it within 30 s.
- Threads and events have no nonce. When an earlier attempt may have created one and no id was stored, the
  server's active threads, or its events, are looked up by what identifies the step (parent channel, name,
  creator, not older than the item) and the one found is adopted.

The one case left: the process dies after Discord accepted a message and before either its answer or its echo
arrived, and is down for longer than Discord remembers nonces. The retry then sends the message again; a second
copy is preferred to a crisis card that was never posted.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from datetime import datetime
from typing import TYPE_CHECKING, Any

import discord
from discord.http import MultipartParameters
from discord.utils import snowflake_time, time_snowflake

from bot.clock import from_db
from bot.domain.outbox import Outbox, OutboxItem

if TYPE_CHECKING:
    from cogs.runtime import PeerBot

log = logging.getLogger(__name__)
ECHO_MEMORY_SECONDS = 600.0  # how long a sent nonce is remembered, waiting for the gateway's echo


class Attempt:
    """One attempt at one outbox item: numbers its create calls, and notes whether one may have got through."""

    def __init__(self, outbox: Outbox, item: OutboxItem) -> None:
        self.outbox = outbox
        self.item = item
        self.in_doubt = False
        self._counts: Counter[str] = Counter()

    def step(self, what: str, where: int) -> str:
        key = f"{what}:{where}"
        number = self._counts[key]
        self._counts[key] += 1
        return f"{key}#{number}"

    def nonce(self, step: str) -> str:
        """Stable across attempts and restarts, unique per item and step; 24 characters (Discord allows 25)."""
        seed = f"{self.item.id}|{self.item.created_at}|{step}".encode()
        return hashlib.blake2b(seed, digest_size=12).hexdigest()

    async def stored(self, step: str) -> dict[str, Any] | None:
        if not self.item.attempts:
            return None  # the first attempt: nothing can have been done yet
        return await self.outbox.step_result(self.item.id, step)

    @property
    def not_before(self) -> int:
        """The smallest snowflake anything this item created can have."""
        created = from_db(self.item.created_at) if self.item.created_at else datetime.fromtimestamp(0).astimezone()
        return time_snowflake(created)


_current: ContextVar[Attempt | None] = ContextVar("peerbot_outbox_attempt", default=None)


def current_attempt() -> Attempt | None:
    return _current.get()


async def within(attempt: Attempt, call: Callable[[], Awaitable[Any]]) -> Any:
    """Run a handler with `attempt` current (the steps and nonces above apply to what it creates)."""
    token = _current.set(attempt)
    try:
        return await call()
    finally:
        _current.reset(token)


def _unknown_outcome(error: BaseException) -> bool:
    """Discord may have done the work even though this call failed: a 5xx, a timeout, a dropped connection."""
    if isinstance(error, discord.HTTPException):
        return error.status >= 500
    return isinstance(error, OSError | TimeoutError)


class ExactlyOnce:
    def __init__(self, bot: PeerBot) -> None:
        self.bot = bot
        self._echoes: dict[str, tuple[int, str, int, float]] = {}  # nonce -> (item, step, channel, when sent)

    def install(self) -> None:
        http = self.bot.http
        send_message, start_thread = http.send_message, http.start_thread_without_message
        create_event = http.create_guild_scheduled_event

        async def send_message_once(channel_id: int, *, params: MultipartParameters) -> Any:
            return await self.send_message(send_message, int(channel_id), params)

        async def start_thread_once(channel_id: int, **fields: Any) -> Any:
            return await self.create_thread(start_thread, int(channel_id), fields)

        async def create_event_once(guild_id: int, **fields: Any) -> Any:
            return await self.create_event(create_event, int(guild_id), fields)

        # Instance attributes shadow the class's methods; the ConnectionState shares this very client.
        http.send_message = send_message_once  # type: ignore[method-assign, assignment]
        http.start_thread_without_message = start_thread_once  # type: ignore[method-assign, assignment]
        http.create_guild_scheduled_event = create_event_once  # type: ignore[method-assign, assignment]

    # ---- messages --------------------------------------------------------------------------------------
    async def send_message(self, send: Callable[..., Awaitable[Any]], channel_id: int,
                           params: MultipartParameters) -> Any:
        attempt = current_attempt()
        if attempt is None:
            return await send(channel_id, params=params)
        step = attempt.step("msg", channel_id)
        stored = await attempt.stored(step)
        if stored is not None:
            return self._replayed_message(channel_id, int(stored["id"]))
        nonce = attempt.nonce(step)
        _set_nonce(params, nonce)
        self._remember_echo(nonce, attempt.item.id, step, channel_id)
        try:
            data = await send(channel_id, params=params)
        except BaseException as error:
            attempt.in_doubt = attempt.in_doubt or _unknown_outcome(error)
            raise
        await attempt.outbox.record_step(attempt.item.id, step, {"id": int(data["id"]), "channel_id": channel_id})
        return data

    def _remember_echo(self, nonce: str, item_id: int, step: str, channel_id: int) -> None:
        now = time.monotonic()
        for old in [n for n, (*_, sent) in self._echoes.items() if now - sent > ECHO_MEMORY_SECONDS]:
            del self._echoes[old]
        self._echoes[nonce] = (item_id, step, channel_id, now)

    async def on_message(self, message: discord.Message) -> None:
        """The gateway's echo of a message we sent: records its id even when Discord's answer was lost."""
        if self.bot.user is None or message.author.id != self.bot.user.id or not isinstance(message.nonce, str):
            return
        found = self._echoes.get(message.nonce)
        if found is None:
            return
        item_id, step, channel_id, _ = found
        if channel_id == message.channel.id:
            await self.bot.services.outbox.record_step(item_id, step, {"id": message.id, "channel_id": channel_id})

    def _replayed_message(self, channel_id: int, message_id: int) -> dict[str, Any]:
        """What discord.py needs to build the Message an earlier attempt created; handlers use its id."""
        user = self.bot.user
        author = user._to_minimal_user_json() if user else {"id": "0", "username": "peerbot",
                                                               "discriminator": "0", "avatar": None}
        return {"id": str(message_id), "channel_id": str(channel_id), "author": author, "content": "",
                "timestamp": snowflake_time(message_id).isoformat(), "edited_timestamp": None, "tts": False,
                "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
                "pinned": False, "type": 0}

    # ---- threads and events: no nonce, so look before creating again -----------------------------------
    async def create_thread(self, start: Callable[..., Awaitable[Any]], channel_id: int,
                            fields: dict[str, Any]) -> Any:
        attempt = current_attempt()
        if attempt is None:
            return await start(channel_id, **fields)
        step = attempt.step("thread", channel_id)
        found = await self._existing(attempt, step, lambda: self._find_thread(attempt, channel_id, fields["name"]),
                                     self.bot.http.get_channel)
        if found is not None:
            return found
        return await self._create(attempt, step, start(channel_id, **fields))

    async def _find_thread(self, attempt: Attempt, channel_id: int, name: str) -> dict[str, Any] | None:
        channel = self.bot.get_channel(channel_id)
        guild_id = getattr(getattr(channel, "guild", None), "id", None)
        if guild_id is None:
            return None
        listing = await self.bot.http.get_active_threads(guild_id)
        me = self.bot.user.id if self.bot.user else 0
        for thread in listing.get("threads", []):
            if (int(thread.get("parent_id") or 0) == channel_id and thread.get("name") == name
                    and int(thread.get("owner_id") or 0) == me and int(thread["id"]) >= attempt.not_before):
                return dict(thread)
        return None

    async def create_event(self, create: Callable[..., Awaitable[Any]], guild_id: int,
                           fields: dict[str, Any]) -> Any:
        attempt = current_attempt()
        if attempt is None:
            return await create(guild_id, **fields)
        step = attempt.step("event", guild_id)

        async def fetch(event_id: int) -> Any:
            return await self.bot.http.get_scheduled_event(guild_id, event_id, with_user_count=False)

        found = await self._existing(attempt, step, lambda: self._find_event(attempt, guild_id, fields), fetch)
        if found is not None:
            return found
        return await self._create(attempt, step, create(guild_id, **fields))

    async def _find_event(self, attempt: Attempt, guild_id: int, fields: dict[str, Any]) -> dict[str, Any] | None:
        me = str(self.bot.user.id) if self.bot.user else ""
        listing: Any = await self.bot.http.get_scheduled_events(guild_id, with_user_count=False)
        events: list[dict[str, Any]] = list(listing)
        for event in events:
            if (event.get("creator_id") == me and event.get("name") == fields.get("name")
                    and _same_instant(event.get("scheduled_start_time"), fields.get("scheduled_start_time"))
                    and _same_id(event.get("channel_id"), fields.get("channel_id"))
                    and (event.get("entity_metadata") or {}).get("location")
                    == (fields.get("entity_metadata") or {}).get("location")
                    and int(event["id"]) >= attempt.not_before):
                return dict(event)
        return None

    async def _existing(self, attempt: Attempt, step: str, find: Callable[[], Awaitable[dict[str, Any] | None]],
                        fetch: Callable[[int], Awaitable[Any]]) -> Any:
        """What an earlier attempt made for this step: by its stored id, else (if it may have) by a lookup."""
        stored = await attempt.stored(step)
        if stored is not None:
            try:
                return await fetch(int(stored["id"]))
            except discord.NotFound:
                return None  # removed on Discord since: make it again
        if attempt.item.attempts:
            found = await find()
            if found is not None:
                log.info("outbox %s: adopted %s %s made by an earlier attempt", attempt.item.id, step, found["id"])
                await attempt.outbox.record_step(attempt.item.id, step, {"id": int(found["id"])})
                return found
        return None

    async def _create(self, attempt: Attempt, step: str, call: Awaitable[Any]) -> Any:
        try:
            data = await call
        except BaseException as error:
            attempt.in_doubt = attempt.in_doubt or _unknown_outcome(error)
            raise
        await attempt.outbox.record_step(attempt.item.id, step, {"id": int(data["id"])})
        return data


def _set_nonce(params: MultipartParameters, nonce: str) -> None:
    if params.payload is not None:
        params.payload["nonce"] = nonce
        params.payload["enforce_nonce"] = True
    for part in params.multipart or []:
        if part.get("name") == "payload_json" and params.payload is not None:
            part["value"] = discord.utils._to_json(params.payload)


def _same_id(a: Any, b: Any) -> bool:
    return (str(a) if a else None) == (str(b) if b else None)


def _same_instant(a: Any, b: Any) -> bool:
    try:
        return bool(a and b and datetime.fromisoformat(str(a)) == datetime.fromisoformat(str(b)))
    except ValueError:
        return False
