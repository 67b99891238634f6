"""The shared connection: one task's transaction never swallows another task's writes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.storage.db import Database


async def test_a_write_from_another_task_waits_and_survives_a_rollback(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "t.db")
    await db.execute("CREATE TABLE t (v TEXT)")
    inside = asyncio.Event()
    release = asyncio.Event()

    async def failing_transaction() -> None:
        with pytest.raises(RuntimeError):
            async with db.transaction():
                await db.execute("INSERT INTO t VALUES ('rolled back')")
                inside.set()
                await release.wait()
                raise RuntimeError("the decision failed")

    first = asyncio.create_task(failing_transaction())
    await inside.wait()
    second = asyncio.create_task(db.execute("INSERT INTO t VALUES ('kept')"))
    await asyncio.sleep(0)  # let the second task reach the lock (no time passes)
    assert not second.done()
    release.set()
    await asyncio.gather(first, second)
    assert [r[0] for r in await db.fetch_all("SELECT v FROM t")] == ["kept"]
    await db.close()


async def test_named_parameters(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "t.db")
    assert await db.fetch_value("SELECT :a + :b", {"a": 2, "b": 3}) == 5
    await db.close()
