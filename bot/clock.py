"""Time as a port: services ask a Clock, so tests can drive time without sleeping."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def to_db(instant: datetime) -> str:
    """Instants are stored as ISO-8601 UTC text, which sorts correctly in SQL."""
    if instant.tzinfo is None:
        raise ValueError("naive datetimes are not stored; attach a time zone")
    return instant.astimezone(UTC).isoformat(timespec="seconds")


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)
