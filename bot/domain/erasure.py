"""How an erased member is written afterwards, for every area's `delete_member`.

Where a record is kept for others (a step a leader took, a note about the member, a meeting they ran), the
member's id becomes ERASED_ID and any mention of them in kept text becomes ERASED_NAME. A test reads every
table of the database for the id and the member's words after an erasure (tests/test_erasure.py), so an area
that forgets a column is caught, including areas added later.
"""

from __future__ import annotations

import re
from typing import Any

from bot.storage.db import Database

ERASED_ID = 0  # where an erased member acted (or peerbot itself, for records it made)
ERASED_NAME = "(erased member)"


def _pattern(user_id: int) -> re.Pattern[str]:
    # A mention (<@id>, <@!id>) or the id as a whole number (in a JSON value or a key such as "dm:5:123").
    return re.compile(rf"<@!?{user_id}>|(?<!\d){user_id}(?!\d)")


def names(value: Any, user_id: int) -> bool:
    """Whether a stored value (a number, a text, JSON text) holds the member's id."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value == user_id
    return isinstance(value, str) and _pattern(user_id).search(value) is not None


def redact(text: str, user_id: int) -> str:
    """Kept text with every mention of the member (and their bare id) replaced by ERASED_NAME."""
    return _pattern(user_id).sub(ERASED_NAME, text)


async def redact_column(db: Database, table: str, column: str, user_id: int, where: str = "1",
                        params: tuple[Any, ...] = ()) -> int:
    """Redact one free-text column where it names the member; returns how many rows changed. `table`, `column`
    and `where` come from the code, never from input."""
    rows = await db.fetch_all(
        f"SELECT rowid, {column} FROM {table} WHERE ({where}) AND instr({column}, ?) > 0", (*params, str(user_id)))
    changed = 0
    for row in rows:
        text = row[1]
        if isinstance(text, str) and names(text, user_id):
            changed += await db.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                                        (redact(text, user_id), row[0]))
    return changed
