"""A fake Discord behind discord.py's own HTTP client, for the fault, kill and mentions suites.

`FakeDiscord.attach(bot)` replaces `bot.http.request`, the one call every discord.py REST method ends in, and
fills the bot's cache with one server (roles, text channels, the bot's own member). Everything above that line is
the real thing: discord.py's models and payload building, peerbot's outbox handlers, cogs/delivery.py's steps and
nonces. The fake answers the routes peerbot uses and remembers what was created in an SQLite file (or in memory),
so that a worker killed at any moment and restarted sees the same Discord.

Like Discord, it returns the first message when a message with the same nonce and `enforce_nonce` comes from the
same author within `nonce_window` seconds, and echoes each created message to the gateway (`on_message`) unless
told to drop some echoes. `Faults` makes a share of calls fail with 429 (retry_after), 500 or 503 (half of the
5xx after the work was done), or 403; a 403 makes its target refuse for good (a channel whose permission was
taken away, a member who closed their DMs), until `heal()`.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from unittest.mock import MagicMock

import discord
from discord.utils import time_snowflake

BOT_ID = 9999
BASE = "https://discord.com/api/v10"
FOREVER_PERMISSIONS = str(discord.Permissions.all().value)


def _user(user_id: int, *, bot: bool = False) -> dict[str, Any]:
    return {"id": str(user_id), "username": f"user{user_id}", "discriminator": "0", "avatar": None,
            "global_name": None, "bot": bot}


def http_error(status: int, text: str = "error", code: int = 0) -> discord.HTTPException:
    response = MagicMock(status=status, reason=text)
    data = {"message": text, "code": code}
    cls: type[discord.HTTPException] = {403: discord.Forbidden, 404: discord.NotFound}.get(
        status, discord.DiscordServerError if status >= 500 else discord.HTTPException)
    return cls(response, data)


@dataclass
class Faults:
    """Which calls fail. `rate` of all calls fail, each with one of `kinds`; `after_work` of the 5xx come after
    Discord did the work. A 403 makes its target refuse from then on (until `FakeDiscord.heal`)."""

    rate: float = 0.2
    kinds: tuple[str, ...] = ("429", "500", "503", "403")
    after_work: float = 0.5
    echo_drop: float = 0.1  # share of created messages whose gateway echo is lost
    seed: int = 13
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)


class FakeDiscord:
    def __init__(self, *, guild_id: int, path: str = ":memory:", clock: Callable[[], datetime] | None = None,
                 faults: Faults | None = None, nonce_window: float = 180.0) -> None:
        self.guild_id = guild_id
        self.clock = clock or (lambda: datetime.now(UTC))
        self.faults = faults
        self.nonce_window = nonce_window
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self.db.executescript(
            "PRAGMA journal_mode=WAL;"
            "CREATE TABLE IF NOT EXISTS created (n INTEGER PRIMARY KEY, id INTEGER UNIQUE, kind TEXT, place INTEGER,"
            " nonce TEXT,"
            " body TEXT, at REAL, deleted INTEGER DEFAULT 0);"
            "CREATE TABLE IF NOT EXISTS refused (kind TEXT, target INTEGER, PRIMARY KEY (kind, target));"
            "CREATE TABLE IF NOT EXISTS seq (n INTEGER);")
        self.bot: Any = None
        self.channels: dict[int, dict[str, Any]] = {}
        self.roles: dict[int, dict[str, Any]] = {}
        self.members: dict[int, list[int]] = {}  # user -> role ids
        self.calls: list[tuple[str, str, dict[str, Any] | None]] = []
        self.injected: list[tuple[str, str, str]] = []  # (fault, method, path)
        self._sequence = itertools.count(int(time.time() * 1000) % 100_000 if path != ":memory:" else 0)
        self.on_created: Callable[[str, dict[str, Any]], None] | None = None

    # ---- the server --------------------------------------------------------------------------------------
    def add_channel(self, channel_id: int, name: str, *, kind: int = 0) -> None:
        self.channels[channel_id] = {"id": str(channel_id), "guild_id": str(self.guild_id), "name": name,
                                     "type": kind, "position": len(self.channels), "permission_overwrites": [],
                                     "nsfw": False, "parent_id": None, "topic": None, "last_message_id": None,
                                     "rate_limit_per_user": 0}

    def add_role(self, role_id: int, name: str) -> None:
        self.roles[role_id] = {"id": str(role_id), "name": name, "permissions": "0", "position": len(self.roles) + 1,
                               "color": 0, "hoist": False, "managed": False, "mentionable": False}

    def add_member(self, user_id: int, *role_ids: int) -> None:
        self.members[user_id] = list(role_ids)

    def attach(self, bot: Any, *, cache_members: bool = False) -> None:
        """Point the bot's HTTP client at this fake and fill its cache with the server."""
        self.bot = bot
        state = bot._connection
        state.user = discord.ClientUser(state=state, data=_user(BOT_ID, bot=True))  # type: ignore[arg-type]
        if cache_members:
            state._intents.members = True
            state.member_cache_flags = discord.MemberCacheFlags.all()
        everyone = {"id": str(self.guild_id), "name": "@everyone", "permissions": "0", "position": 0, "color": 0,
                    "hoist": False, "managed": False, "mentionable": False}
        bot_role = {"id": "8888", "name": "peerbot", "permissions": FOREVER_PERMISSIONS, "position": 99,
                    "color": 0, "hoist": False, "managed": True, "mentionable": False}
        members = [self._member(BOT_ID, [8888])] + [self._member(u, r) for u, r in self.members.items()]
        guild = discord.Guild(data={  # type: ignore[typeddict-item]
            "id": str(self.guild_id), "name": "Support", "owner_id": "1", "roles": [everyone, bot_role,
                                                                                   *self.roles.values()],
            "channels": list(self.channels.values()), "members": members, "member_count": len(members),
            "features": [], "emojis": [], "stickers": []}, state=state)
        state._add_guild(guild)
        bot.http.request = self.request

    def _member(self, user_id: int, role_ids: list[int]) -> dict[str, Any]:
        return {"user": _user(user_id, bot=user_id == BOT_ID), "roles": [str(r) for r in role_ids],
                "joined_at": "2026-01-01T00:00:00+00:00", "deaf": False, "mute": False, "flags": 0}

    # ---- what peerbot did --------------------------------------------------------------------------------
    def created(self, kind: str, place: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT id, place, body FROM created WHERE kind = ? AND deleted = 0"
        params: list[Any] = [kind]
        if place is not None:
            sql += " AND place = ?"
            params.append(place)
        return [{**json.loads(r[2]), "id": r[0], "place": r[1]} for r in self.db.execute(sql + " ORDER BY n",
                                                                                         params)]

    def messages(self, channel_id: int | None = None) -> list[dict[str, Any]]:
        return self.created("message", channel_id)

    def member_message(self, channel_id: int, message_id: int, text: str) -> None:
        """A message a member posted (which peerbot may hide)."""
        self.db.execute("INSERT INTO created (id, kind, place, body, at) VALUES (?, 'member_message', ?, ?, ?)",
                        (message_id, channel_id, json.dumps({"content": text}), self.clock().timestamp()))

    def refuse(self, kind: str, target: int) -> None:
        self.db.execute("INSERT OR IGNORE INTO refused VALUES (?, ?)", (kind, target))

    def heal(self, kind: str | None = None, target: int | None = None) -> None:
        if kind is None:
            self.db.execute("DELETE FROM refused")
        else:
            self.db.execute("DELETE FROM refused WHERE kind = ? AND target = ?", (kind, target))

    def refused(self, kind: str, target: int) -> bool:
        return self.db.execute("SELECT 1 FROM refused WHERE kind = ? AND target = ?", (kind, target)).fetchone() \
            is not None

    # ---- the transport -----------------------------------------------------------------------------------
    def _snowflake(self) -> int:
        return time_snowflake(self.clock()) + next(self._sequence) % (1 << 22)

    async def request(self, route: discord.http.Route, **kwargs: Any) -> Any:
        path = route.url.removeprefix(BASE).split("?")[0]
        body = kwargs.get("json")
        if body is None and kwargs.get("form"):
            body = json.loads(next(p["value"] for p in kwargs["form"] if p["name"] == "payload_json"))
        self.calls.append((route.method, path, body))
        for method, pattern, name in _ROUTES:
            match = re.fullmatch(pattern, path)
            if method == route.method and match:
                return await self._answer(getattr(self, name), route.method, path, [int(g) for g in match.groups()],
                                          body)
        raise AssertionError(f"the fake Discord does not know {route.method} {path}")

    async def _answer(self, handler: Callable[..., Any], method: str, path: str, ids: list[int],
                      body: dict[str, Any] | None) -> Any:
        fault = self._draw(method, path)
        if fault in ("429", "500-before", "503-before"):
            self.injected.append((fault, method, path))
            if fault == "429":
                raise discord.RateLimited(round(self.faults.rng.uniform(0.5, 3.0), 1) if self.faults else 1.0)
            raise http_error(int(fault[:3]), "Service Unavailable")
        if fault == "403":
            self.injected.append((fault, method, path))
            self._refuse_target(method, path, ids)
        self._check_refused(method, path, ids)
        result = handler(ids, body or {})
        if fault in ("500-after", "503-after"):
            self.injected.append((fault, method, path))
            raise http_error(int(fault[:3]), "Internal Server Error")
        return result

    def _draw(self, method: str, path: str) -> str | None:
        if self.faults is None or method == "GET" or self.faults.rng.random() >= self.faults.rate:
            return None
        kind = self.faults.rng.choice(self.faults.kinds)
        if kind in ("500", "503"):
            return f"{kind}-after" if self.faults.rng.random() < self.faults.after_work else f"{kind}-before"
        if kind == "403" and not _REFUSABLE.search(path):
            return None  # nothing there that a permission could take away
        return kind

    def _refuse_target(self, method: str, path: str, ids: list[int]) -> None:
        if path.startswith("/channels/") and path.endswith("/messages"):
            channel = ids[0]
            if channel in self._dm_owner:
                self.refuse("dm", self._dm_owner[channel])
            else:
                self.refuse("channel", channel)
        elif "/roles/" in path:
            self.refuse("role", ids[-1])

    def _check_refused(self, method: str, path: str, ids: list[int]) -> None:
        if path.startswith("/channels/") and (path.endswith("/messages") or path.endswith("/threads")):
            channel = ids[0]
            if channel in self._dm_owner and self.refused("dm", self._dm_owner[channel]):
                self._count("forbidden_answers")
                raise http_error(403, "Cannot send messages to this user", code=50007)
            if self.refused("channel", channel):
                self._count("forbidden_answers")
                raise http_error(403, "Missing Permissions", code=50013)
        if "/roles/" in path and self.refused("role", ids[-1]):
            self._count("forbidden_answers")
            raise http_error(403, "Missing Permissions", code=50013)

    # ---- routes ------------------------------------------------------------------------------------------
    @property
    def _dm_owner(self) -> dict[int, int]:
        return {_dm_channel(user): user for user in self._known_users()}

    def _known_users(self) -> set[int]:
        rows = self.db.execute("SELECT place FROM created WHERE kind = 'dm_channel'").fetchall()
        return {int(r[0]) for r in rows}

    def create_message(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        channel = ids[0]
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce"):
            found = self.db.execute(
                "SELECT id, body FROM created WHERE kind = 'message' AND nonce = ? AND at >= ?",
                (nonce, self.clock().timestamp() - self.nonce_window)).fetchone()
            if found:
                self._count("nonce_dedupes")
                return self._message_payload(int(found[0]), channel, json.loads(found[1]), nonce)
        message_id = self._snowflake()
        stored = {"content": body.get("content"), "embeds": body.get("embeds", []),
                  "components": body.get("components", []), "allowed_mentions": body.get("allowed_mentions")}
        self.db.execute("INSERT INTO created (id, kind, place, nonce, body, at) VALUES (?, 'message', ?, ?, ?, ?)",
                        (message_id, channel, nonce, json.dumps(stored), self.clock().timestamp()))
        payload = self._message_payload(message_id, channel, stored, nonce)
        if self.on_created:
            self.on_created("message", payload)
        self._echo(payload)
        return payload

    def _message_payload(self, message_id: int, channel: int, stored: dict[str, Any], nonce: str | None
                         ) -> dict[str, Any]:
        return {"id": str(message_id), "channel_id": str(channel), "author": _user(BOT_ID, bot=True),
                "content": stored.get("content") or "", "embeds": stored.get("embeds") or [],
                "components": stored.get("components") or [], "nonce": nonce, "tts": False,
                "timestamp": self.clock().isoformat(), "edited_timestamp": None, "mention_everyone": False,
                "mentions": [], "mention_roles": [], "attachments": [], "pinned": False, "type": 0}

    def _echo(self, payload: dict[str, Any]) -> None:
        if self.bot is None or (self.faults and self.faults.rng.random() < self.faults.echo_drop):
            return
        state = self.bot._connection
        channel_id = int(payload["channel_id"])
        channel = self.bot.get_channel(channel_id) or state._get_private_channel(channel_id)
        if channel is None:
            return
        message = discord.Message(state=state, channel=channel, data=payload)  # type: ignore[arg-type]
        self.bot.dispatch("message", message)

    def edit_message(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        channel, message_id = ids
        row = self.db.execute("SELECT body FROM created WHERE id = ? AND deleted = 0", (message_id,)).fetchone()
        if row is None:
            raise http_error(404, "Unknown Message", code=10008)
        stored = {**json.loads(row[0]), **{k: v for k, v in body.items() if k in ("content", "embeds",
                                                                                    "components")}}
        self.db.execute("UPDATE created SET body = ? WHERE id = ?", (json.dumps(stored), message_id))
        self._count("edits")
        return self._message_payload(message_id, channel, stored, None)

    def delete_message(self, ids: list[int], body: dict[str, Any]) -> None:
        changed = self.db.execute("UPDATE created SET deleted = 1 WHERE id = ? AND deleted = 0", (ids[1],)).rowcount
        if not changed:
            raise http_error(404, "Unknown Message", code=10008)

    def history(self, ids: list[int], body: dict[str, Any]) -> list[dict[str, Any]]:
        self._count("history_reads")
        return []

    def open_dm(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        user = int(body["recipient_id"])
        if not self.db.execute("SELECT 1 FROM created WHERE kind = 'dm_channel' AND place = ?", (user,)).fetchone():
            self.db.execute("INSERT INTO created (kind, place, body, at) VALUES ('dm_channel', ?, '{}', ?)",
                            (user, self.clock().timestamp()))
        return {"id": str(_dm_channel(user)), "type": 1, "recipients": [_user(user)], "last_message_id": None}

    def get_user(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        return _user(ids[0])

    def get_member(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        user = ids[1]
        if user not in self.members:
            raise http_error(404, "Unknown Member", code=10007)
        return self._member(user, self.members[user])

    def add_member_role(self, ids: list[int], body: dict[str, Any]) -> None:
        _, user, role = ids
        self.members.setdefault(user, [])
        if role not in self.members[user]:
            self.members[user].append(role)
        self.db.execute("INSERT INTO created (kind, place, body, at) VALUES ('role_add', ?, ?, ?)",
                        (user, json.dumps({"role": role}), self.clock().timestamp()))

    def remove_member_role(self, ids: list[int], body: dict[str, Any]) -> None:
        _, user, role = ids
        if role in self.members.get(user, []):
            self.members[user].remove(role)

    def set_overwrite(self, ids: list[int], body: dict[str, Any]) -> None:
        self.db.execute("INSERT INTO created (kind, place, body, at) VALUES ('overwrite', ?, ?, ?)",
                        (ids[0], json.dumps({"target": ids[1], **body}), self.clock().timestamp()))

    def delete_overwrite(self, ids: list[int], body: dict[str, Any]) -> None:
        return None

    def create_thread(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        thread_id = self._snowflake()
        payload = {"id": str(thread_id), "guild_id": str(self.guild_id), "parent_id": str(ids[0]),
                   "owner_id": str(BOT_ID), "name": body["name"], "type": body.get("type", 12),
                   "last_message_id": None, "rate_limit_per_user": 0, "message_count": 0, "member_count": 1,
                   "flags": 0, "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                                   "archive_timestamp": self.clock().isoformat(),
                                                   "locked": False, "invitable": False}}
        self.db.execute("INSERT INTO created (id, kind, place, body, at) VALUES (?, 'thread', ?, ?, ?)",
                        (thread_id, ids[0], json.dumps(payload), self.clock().timestamp()))
        return payload

    def add_thread_member(self, ids: list[int], body: dict[str, Any]) -> None:
        self.db.execute("INSERT INTO created (kind, place, body, at) VALUES ('thread_member', ?, ?, ?)",
                        (ids[0], json.dumps({"user": ids[1]}), self.clock().timestamp()))

    def active_threads(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        return {"threads": [json.loads(r[0]) for r in self.db.execute(
            "SELECT body FROM created WHERE kind = 'thread' AND deleted = 0")], "members": []}

    def get_channel(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        row = self.db.execute("SELECT body FROM created WHERE kind = 'thread' AND id = ? AND deleted = 0",
                              (ids[0],)).fetchone()
        if row is not None:
            return dict(json.loads(row[0]))
        if ids[0] in self.channels:
            return self.channels[ids[0]]
        raise http_error(404, "Unknown Channel", code=10003)

    def create_event(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        event_id = self._snowflake()
        payload = {"id": str(event_id), "guild_id": str(self.guild_id), "creator_id": str(BOT_ID),
                   "channel_id": str(body["channel_id"]) if body.get("channel_id") else None,
                   "name": body["name"], "description": body.get("description"),
                   "scheduled_start_time": body["scheduled_start_time"],
                   "scheduled_end_time": body.get("scheduled_end_time"), "privacy_level": 2, "status": 1,
                   "entity_type": body.get("entity_type", 3), "entity_id": None,
                   "entity_metadata": body.get("entity_metadata")}
        self.db.execute("INSERT INTO created (id, kind, place, body, at) VALUES (?, 'event', ?, ?, ?)",
                        (event_id, self.guild_id, json.dumps(payload), self.clock().timestamp()))
        return payload

    def list_events(self, ids: list[int], body: dict[str, Any]) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.db.execute(
            "SELECT body FROM created WHERE kind = 'event' AND deleted = 0")]

    def get_event(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        row = self.db.execute("SELECT body FROM created WHERE kind = 'event' AND id = ? AND deleted = 0",
                              (ids[1],)).fetchone()
        if row is None:
            raise http_error(404, "Unknown Guild Scheduled Event", code=10070)
        return dict(json.loads(row[0]))

    def edit_event(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        event = self.get_event(ids, {})
        event.update({k: v for k, v in body.items() if k in ("name", "description", "scheduled_start_time",
                                                              "scheduled_end_time", "status")})
        self.db.execute("UPDATE created SET body = ? WHERE id = ?", (json.dumps(event), ids[1]))
        return event

    def delete_event(self, ids: list[int], body: dict[str, Any]) -> None:
        self.db.execute("UPDATE created SET deleted = 1 WHERE id = ?", (ids[1],))

    def delete_channel(self, ids: list[int], body: dict[str, Any]) -> dict[str, Any]:
        return self.channels.get(ids[0], {"id": str(ids[0]), "type": 0})

    def delete_role(self, ids: list[int], body: dict[str, Any]) -> None:
        return None

    def _count(self, what: str) -> None:
        self.db.execute("INSERT INTO created (kind, place, body, at) VALUES (?, 0, '{}', ?)",
                        (what, self.clock().timestamp()))

    def count(self, what: str) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM created WHERE kind = ?", (what,)).fetchone()[0])


def _dm_channel(user_id: int) -> int:
    return 7_000_000 + user_id


_REFUSABLE = re.compile(r"^/channels/\d+/messages$|/roles/\d+$")
_ROUTES: list[tuple[str, str, str]] = [  # method, path, the FakeDiscord method that answers
    ("POST", r"/channels/(\d+)/messages", "create_message"),
    ("PATCH", r"/channels/(\d+)/messages/(\d+)", "edit_message"),
    ("DELETE", r"/channels/(\d+)/messages/(\d+)", "delete_message"),
    ("GET", r"/channels/(\d+)/messages", "history"),
    ("POST", r"/users/@me/channels", "open_dm"),
    ("GET", r"/users/(\d+)", "get_user"),
    ("GET", r"/guilds/(\d+)/members/(\d+)", "get_member"),
    ("PUT", r"/guilds/(\d+)/members/(\d+)/roles/(\d+)", "add_member_role"),
    ("DELETE", r"/guilds/(\d+)/members/(\d+)/roles/(\d+)", "remove_member_role"),
    ("PUT", r"/channels/(\d+)/permissions/(\d+)", "set_overwrite"),
    ("DELETE", r"/channels/(\d+)/permissions/(\d+)", "delete_overwrite"),
    ("POST", r"/channels/(\d+)/threads", "create_thread"),
    ("PUT", r"/channels/(\d+)/thread-members/(\d+)", "add_thread_member"),
    ("GET", r"/guilds/(\d+)/threads/active", "active_threads"),
    ("GET", r"/channels/(\d+)", "get_channel"),
    ("POST", r"/guilds/(\d+)/scheduled-events", "create_event"),
    ("GET", r"/guilds/(\d+)/scheduled-events", "list_events"),
    ("GET", r"/guilds/(\d+)/scheduled-events/(\d+)", "get_event"),
    ("PATCH", r"/guilds/(\d+)/scheduled-events/(\d+)", "edit_event"),
    ("DELETE", r"/guilds/(\d+)/scheduled-events/(\d+)", "delete_event"),
    ("DELETE", r"/channels/(\d+)", "delete_channel"),
    ("DELETE", r"/guilds/(\d+)/roles/(\d+)", "delete_role"),
]
