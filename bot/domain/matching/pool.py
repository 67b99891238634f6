"""The candidate pool: every supporter a request may be offered to, as numpy columns.

Scoring reads whole columns at once (one comparison over 100,000 supporters is a few microseconds), so an
online match costs a handful of array operations instead of a Python loop over profiles. Text values
(conditions, tags, issues, languages, cultures, genders) become small integers through a vocabulary built with
the pool; sets of them (tags, issues, languages) become boolean matrices stored column by column, so that
reading the columns of a seeker's few tags is contiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from bot.domain.matching.profile import AGE_BANDS, WINDOWS, Profile, Role, Strength
from bot.domain.text import name_key

BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]
ROLE_CODE = {Role.PATIENT: 0, Role.CAREGIVER: 1}
WINDOW_BIT = {w: 1 << i for i, w in enumerate(WINDOWS)}
POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.float64)


@dataclass(frozen=True)
class PoolEntry:
    user_id: int
    profile: Profile
    capacity_left: int  # caseload cap minus live matches and pending offers
    eligible: bool = True  # approved, on duty, and no open urgent or crisis referral of their own


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def utc_offset_minutes(time_zone: str | None, now: datetime) -> int | None:
    if not time_zone:
        return None
    offset = now.astimezone(_zone(time_zone)).utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else None


def availability_mask(windows: tuple[str, ...]) -> int:
    mask = 0
    for window in windows:
        mask |= WINDOW_BIT.get(window, 0)
    return mask


class Vocabulary:
    """Text values as small integers; a value the pool has never seen is -1."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def add(self, value: str | None) -> int:
        if value is None:
            return -1
        return self.codes.setdefault(name_key(value), len(self.codes))

    def code(self, value: str | None) -> int:
        return -1 if value is None else self.codes.get(name_key(value), -1)

    def codes_of(self, values: tuple[str, ...]) -> npt.NDArray[np.intp]:
        found = [self.codes[k] for k in (name_key(v) for v in values) if k in self.codes]
        return np.array(sorted(set(found)), dtype=np.intp)

    def __len__(self) -> int:
        return len(self.codes)


class CandidatePool:
    def __init__(self, entries: list[PoolEntry], now: datetime) -> None:
        n = len(entries)
        self.now = now
        self.entries = entries
        self.user_ids = np.fromiter((e.user_id for e in entries), dtype=np.int64, count=n)
        self.index = {e.user_id: i for i, e in enumerate(entries)}
        self.capacity = np.fromiter((e.capacity_left for e in entries), dtype=np.int32, count=n)
        self.eligible = np.fromiter((e.eligible for e in entries), dtype=np.bool_, count=n)
        self.vocab = {name: Vocabulary() for name in ("condition", "tags", "issues", "languages", "culture",
                                                      "gender")}
        v = self.vocab
        self.condition = np.fromiter((v["condition"].add(e.profile.condition) for e in entries), np.int32, n)
        self.culture = np.fromiter((v["culture"].add(e.profile.culture) for e in entries), np.int32, n)
        self.gender = np.fromiter((v["gender"].add(e.profile.gender) for e in entries), np.int32, n)
        self.role = np.fromiter((ROLE_CODE[e.profile.role] for e in entries), np.int8, n)
        self.age = np.fromiter((AGE_BANDS.index(e.profile.age_band) if e.profile.age_band else -1
                                for e in entries), np.int8, n)
        offsets = [utc_offset_minutes(e.profile.time_zone, now) for e in entries]
        self.has_tz = np.fromiter((o is not None for o in offsets), np.bool_, n)
        self.tz = np.fromiter((o or 0 for o in offsets), np.int32, n)
        self.availability = np.fromiter((availability_mask(e.profile.availability) for e in entries), np.uint8, n)
        self.open = self.eligible & (self.capacity > 0)  # may take an offer now
        self.must = {field: np.fromiter((e.profile.wants(field) is Strength.MUST for e in entries), np.bool_, n)
                     for field in ("role", "age_band", "culture", "gender")}
        self.anyone_must = {field: bool(column.any()) for field, column in self.must.items()}
        self.tags = self._matrix(entries, "tags")
        self.issues = self._matrix(entries, "issues")
        self.languages = self._matrix(entries, "languages")

    def _matrix(self, entries: list[PoolEntry], field: str) -> BoolArray:
        vocab = self.vocab[field]
        rows: list[int] = []
        cols: list[int] = []
        for i, entry in enumerate(entries):
            for value in getattr(entry.profile, field):
                rows.append(i)
                cols.append(vocab.add(value))
        matrix = np.zeros((len(entries), max(len(vocab), 1)), dtype=np.bool_, order="F")
        matrix[rows, cols] = True
        return matrix

    def __len__(self) -> int:
        return len(self.entries)
