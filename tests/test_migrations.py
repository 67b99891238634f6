from __future__ import annotations

from pathlib import Path

import pytest

from bot.storage.db import Database
from bot.storage.migrations import Migration, SchemaTooNew, load_migrations, migrate, schema_version


async def tables(db: Database) -> set[str]:
    rows = await db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {row[0] for row in rows}


async def test_empty_database_reaches_latest_version(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "new" / "peerbot.db")
    try:
        version = await migrate(db)
        assert version == len(load_migrations())
        assert {"groups", "conduct_versions", "outbox", "audit_log"} <= await tables(db)
        assert await db.fetch_value("PRAGMA journal_mode") == "wal"
        assert await db.fetch_value("PRAGMA foreign_keys") == 1
        assert await migrate(db) == version  # idempotent
    finally:
        await db.close()


@pytest.mark.parametrize("step", range(1, len(load_migrations()) + 1))
async def test_every_step_applies_on_top_of_the_previous(tmp_path: Path, step: int) -> None:
    db = await Database.open(tmp_path / "peerbot.db")
    try:
        assert await migrate(db, target=step - 1) == step - 1
        assert await migrate(db, target=step) == step
        assert await migrate(db) == len(load_migrations())
    finally:
        await db.close()


async def test_database_newer_than_code_is_refused_untouched(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "peerbot.db")
    try:
        await db.execute("PRAGMA user_version = 999")
        with pytest.raises(SchemaTooNew, match="999"):
            await migrate(db)
        assert await schema_version(db) == 999
    finally:
        await db.close()


async def test_failing_migration_rolls_back_whole(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "peerbot.db")
    broken = [Migration(1, "0001_x.sql", "CREATE TABLE a (x INTEGER);\nINSERT INTO missing VALUES (1);\n")]
    try:
        with pytest.raises(Exception, match="missing"):
            await migrate(db, broken)
        assert await schema_version(db) == 0
        assert "a" not in await tables(db)
    finally:
        await db.close()


def test_migration_files_are_numbered_without_gaps() -> None:
    versions = [m.version for m in load_migrations()]
    assert versions == list(range(1, len(versions) + 1))
