"""A small durable journal beside the database, for what must not be lost while the database can't be written.

SQLite may refuse writes for a while (a backup, another `peerbot` command, a long transaction holds the lock).
Whatever cannot wait for it (a referral for a risky message, the fact that Discord already accepted a message)
is appended here instead, as one JSON line, and fsync'd before the caller goes on; so it survives a crash too.
When the database takes it, the entry is removed. The file holds only such entries, and is emptied (truncated)
as soon as none is left, so it is normally empty or absent.

Removal appends a tombstone line rather than rewriting the file, so a crash at any moment leaves either the entry
or the entry and its tombstone. A torn last line (a crash in the middle of a write) is ignored on reading.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpoolEntry:
    id: str
    kind: str
    data: dict[str, Any]


class Spool:
    """Entries by kind, oldest first. `path=None` keeps them in memory only (an in-memory database)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._live: dict[str, SpoolEntry] = {}
        if path is not None and path.exists():
            self._load(path)

    @classmethod
    def beside(cls, database_path: Path | str) -> Spool:
        if str(database_path) == ":memory:":
            return cls(None)
        return cls(Path(f"{database_path}.pending.jsonl"))

    def _load(self, path: Path) -> None:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                record = json.loads(line)
                if "removed" in record:
                    self._live.pop(str(record["removed"]), None)
                else:
                    entry = SpoolEntry(str(record["id"]), str(record["kind"]), dict(record["data"]))
                    self._live[entry.id] = entry
            except (ValueError, KeyError, TypeError):
                log.warning("ignored a damaged line in %s (a write cut short by a crash)", path)
        if self._live:
            log.warning("%s holds %s entr(ies) waiting for the database", path, len(self._live))

    def add(self, kind: str, data: dict[str, Any]) -> SpoolEntry:
        entry = SpoolEntry(uuid.uuid4().hex, kind, data)
        self._append({"id": entry.id, "kind": kind, "data": data})
        self._live[entry.id] = entry
        return entry

    def remove(self, entry_id: str) -> None:
        if self._live.pop(entry_id, None) is None:
            return
        if not self._live:
            self._truncate()
        else:
            self._append({"removed": entry_id})

    def entries(self, kind: str) -> list[SpoolEntry]:
        return [entry for entry in self._live.values() if entry.kind == kind]

    def __len__(self) -> int:
        return len(self._live)

    def _append(self, record: dict[str, Any]) -> None:
        if self.path is None:
            return
        line = (json.dumps(record, separators=(",", ":")) + "\n").encode()
        # 0o600: entries may quote a flagged message, which is health data.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _truncate(self) -> None:
        if self.path is None or not self.path.exists():
            return
        fd = os.open(self.path, os.O_WRONLY | os.O_TRUNC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
