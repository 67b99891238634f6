"""Looking at the whole database from a test: row counts of every table, and a search of every cell.

Both read `sqlite_master`, so tables added later (by any area) are covered without changing the tests.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from bot.storage.db import Database


async def tables(db: Database) -> list[str]:
    rows = await db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return sorted(r[0] for r in rows)


async def row_counts(db: Database) -> dict[str, int]:
    return {t: int(await db.fetch_value(f'SELECT COUNT(*) FROM "{t}"')) for t in await tables(db)}


_FINGERPRINT_SQL: dict[tuple[str, ...], str] = {}


async def fingerprint(db: Database) -> list[tuple[str, str | None]]:
    """Every cell of every table as (table, text), in one query: equal fingerprints, equal contents."""
    names = tuple(await tables(db))
    if names not in _FINGERPRINT_SQL:
        parts = []
        for table in names:
            columns = [r[1] for r in await db.fetch_all(f'PRAGMA table_info("{table}")')]
            cells = " || ',' || ".join(f'quote("{c}")' for c in columns)
            parts.append(f"SELECT '{table}', (SELECT group_concat({cells}, ';') FROM "
                         f'(SELECT * FROM "{table}" ORDER BY rowid))')
        _FINGERPRINT_SQL[names] = " UNION ALL ".join(parts)
    return [(r[0], r[1]) for r in await db.fetch_all(_FINGERPRINT_SQL[names])]


def _mentions(value: str, user_id: int) -> bool:
    """The id as a whole number anywhere in a text: a mention, a JSON number or string, a key part."""
    return re.search(rf"(?<!\d){user_id}(?!\d)", value) is not None


def _walk(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [v for item in value.items() for part in item for v in _walk(part)]
    if isinstance(value, list):
        return [v for item in value for v in _walk(item)]
    return [value]


def find_traces(path: Path, user_id: int, texts: tuple[str, ...] = ()) -> list[str]:
    """Every (table.column, rowid) whose cell holds the id (as an integer, or as text inside any string,
    JSON included) or one of the texts. Reads the file directly, so nothing the services do can hide a row."""
    found: list[str] = []
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        for table in names:
            cursor = conn.execute(f'SELECT rowid, * FROM "{table}"')
            columns = [d[0] for d in cursor.description][1:]
            for rowid, *cells in cursor:
                for column, cell in zip(columns, cells, strict=True):
                    values: list[Any] = [cell]
                    if isinstance(cell, str) and cell[:1] in "[{":
                        with contextlib.suppress(ValueError):
                            values += _walk(json.loads(cell))
                    for value in values:
                        hit = (value == user_id if isinstance(value, int) and not isinstance(value, bool) else
                               isinstance(value, str) and (_mentions(value, user_id)
                                                           or any(t.casefold() in value.casefold() for t in texts)))
                        if hit:
                            found.append(f"{table}.{column} (row {rowid}): {str(cell)[:120]}")
                            break
    return found
