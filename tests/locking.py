"""Holding the SQLite file's write lock from another connection, as a backup or another `peerbot` command does."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.services import Services


@contextmanager
def locked(path: Path | str) -> Iterator[sqlite3.Connection]:
    """Another process's write transaction: every write by peerbot fails with "database is locked"."""
    other = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


async def short_busy_timeout(services: Services, milliseconds: int = 20) -> None:
    """peerbot waits 5 s for a lock; tests give up sooner, with the same error."""
    await services.db.fetch_value(f"PRAGMA busy_timeout = {milliseconds}")
