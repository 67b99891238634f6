"""Numbered SQL migrations, applied in order, each in its own transaction, keyed on PRAGMA user_version."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.storage.db import Database

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class SchemaTooNew(Exception):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"The database is at schema version {found}, but this peerbot only knows up to {known}. "
            "Upgrade peerbot (or point PEERBOT_DATABASE_PATH at the right file); nothing was changed."
        )


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations_dir() -> Path:
    """Inside a wheel the files sit at bot/migrations; in a source checkout, at the top-level migrations/."""
    packaged = Path(__file__).resolve().parent.parent / "migrations"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "migrations"


def load_migrations(directory: Path | None = None) -> list[Migration]:
    directory = directory or migrations_dir()
    found: list[Migration] = []
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file {path.name} is not named NNNN_description.sql")
        found.append(Migration(int(match.group(1)), path.name, path.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migrations must be numbered 1..N without gaps, found {versions}")
    return found


async def schema_version(db: Database) -> int:
    return int(await db.fetch_value("PRAGMA user_version"))


async def migrate(db: Database, migrations: list[Migration] | None = None, target: int | None = None) -> int:
    """Apply pending migrations up to `target` (default: all). Returns the resulting version."""
    migrations = migrations if migrations is not None else load_migrations()
    known = len(migrations)
    current = await schema_version(db)
    if current > known:
        raise SchemaTooNew(current, known)
    target = known if target is None else target
    for migration in migrations[current:target]:
        # user_version is set inside the same transaction, so a failed migration leaves the old version.
        await db.executescript_in_transaction(
            migration.sql + f"\nPRAGMA user_version = {migration.version};\n"
        )
    return await schema_version(db)
