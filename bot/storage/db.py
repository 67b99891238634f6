"""One aiosqlite connection per process, in WAL mode with foreign keys on.

Writes go through `transaction()`, which takes an asyncio lock and `BEGIN IMMEDIATE`, so two coroutines never
interleave statements inside one transaction on the shared connection, and a failure rolls back everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from bot.errors import InvalidInput

Params = Iterable[Any] | Mapping[str, Any]


SQLITE_INT_MIN, SQLITE_INT_MAX = -(2**63), 2**63 - 1


def _safe(value: Any) -> Any:
    """A value SQLite can store. An integer outside 64 bits can only be a mistyped id, so the person is told;
    a lone surrogate (which UTF-8 can't encode) becomes U+FFFD, so a flagged message is never lost over it."""
    if type(value) is int and not SQLITE_INT_MIN <= value <= SQLITE_INT_MAX:
        raise InvalidInput("That number is too large to be anything peerbot knows; please check it.")
    if type(value) is str and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # UTF-16 joins a split pair back into its character and replaces what is left alone.
            return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _bind(params: Params) -> tuple[Any, ...] | Mapping[str, Any]:
    """Positional parameters as a tuple; named ones (:name) as a mapping; each made storable (`_safe`)."""
    if isinstance(params, Mapping):
        return {key: _safe(value) for key, value in params.items()}
    return tuple(_safe(value) for value in params)


class Database:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        self._lock = asyncio.Lock()
        self._owner: asyncio.Task[Any] | None = None  # the task whose transaction is open, if any

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(str(path), isolation_level=None)
        conn.row_factory = aiosqlite.Row
        await conn.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL never corrupts the file and keeps every commit across a crash of the process;
        # only a power cut or OS crash may undo the last few commits. It spares an fsync per commit.
        await conn.execute("PRAGMA synchronous=NORMAL")
        await conn.execute("PRAGMA foreign_keys=ON")
        await conn.execute("PRAGMA busy_timeout=5000")
        return cls(conn)

    async def close(self) -> None:
        await self._conn.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Database]:
        """Run the block atomically. A nested call from the same task joins the outer transaction; another
        task waits for the lock, so its statements never land inside someone else's transaction."""
        if self._owns_transaction():
            yield self
            return
        async with self._lock:
            await self._conn.execute("BEGIN IMMEDIATE")
            self._owner = asyncio.current_task()
            try:
                yield self
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            else:
                try:
                    await self._conn.execute("COMMIT")
                except BaseException:
                    # A failed COMMIT (the file is locked, the disk is full) leaves the transaction open on the
                    # connection; end it, or every later BEGIN would fail.
                    with contextlib.suppress(sqlite3.Error):
                        await self._conn.execute("ROLLBACK")
                    raise
            finally:
                self._owner = None

    def _owns_transaction(self) -> bool:
        return self._owner is not None and self._owner is asyncio.current_task()

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; return the new rowid for an insert (0 if it inserted nothing), else rows changed.
        Outside a transaction of this task's own, the statement gets one, so it never joins another task's."""
        if not self._owns_transaction():
            async with self.transaction():
                return await self.execute(sql, params)
        cursor = await self._conn.execute(sql, _bind(params))
        try:
            if sql.lstrip().upper().startswith("INSERT"):
                return int(cursor.lastrowid or 0) if cursor.rowcount > 0 else 0
            return int(cursor.rowcount)
        finally:
            await cursor.close()

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> None:
        """One statement over many parameter rows, in one round trip to the database thread."""
        if not self._owns_transaction():
            async with self.transaction():
                await self.execute_many(sql, rows)
                return
        await self._conn.executemany(sql, [_bind(row) for row in rows])

    async def fetch_one(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        async with self._conn.execute(sql, _bind(params)) as cursor:
            return await cursor.fetchone()

    async def fetch_all(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        async with self._conn.execute(sql, _bind(params)) as cursor:
            return list(await cursor.fetchall())

    async def fetch_value(self, sql: str, params: Params = ()) -> Any:
        row = await self.fetch_one(sql, params)
        return None if row is None else row[0]

    async def executescript_in_transaction(self, script: str) -> None:
        """Apply a migration script atomically (sqlite3's executescript would commit on its own)."""
        async with self._lock:
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in split_sql(script):
                    await self._conn.execute(statement)
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            await self._conn.execute("COMMIT")


_UNAVAILABLE = ("locked", "busy", "disk i/o", "unable to open", "database or disk is full")


def is_unavailable(error: BaseException) -> bool:
    """True when SQLite refused for a while (another process holds the lock, a backup, a full disk), as opposed
    to a mistake in the SQL: the work is worth keeping and trying again."""
    return isinstance(error, sqlite3.OperationalError) and any(word in str(error).lower() for word in _UNAVAILABLE)


def split_sql(script: str) -> list[str]:
    """Split a migration into statements, using sqlite3's own completeness test (handles triggers)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()
    ):
        raise ValueError("migration ends with an incomplete SQL statement")
    return statements
