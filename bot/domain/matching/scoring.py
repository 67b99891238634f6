"""Scoring a seeker against the pool: hard and safety constraints, weighted similarity, the issues fallback.

1. Hard constraints remove candidates: the seeker themselves, anyone excluded for this seeker (declined,
   blocked, matched before), no capacity left, not eligible (off duty, or an open urgent or crisis referral of
   their own), no shared language, any "must" preference of either side, and the programme's role track.
2. Condition first: if any remaining supporter shares the seeker's condition, only they stay. If none does,
   and the programme allows it, supporters who share at least one issue stay, and the match is a fallback
   (the explanation says so). Otherwise nobody stays.
3. Each criterion gives a similarity from 0 to 1; the score is their average weighted by the programme's
   weights, over the criteria the seeker filled in (a blank field is not held against anyone).

To add a criterion: give it a weight in `Weights` (programme.py), a column in `CandidatePool` (pool.py), the
seeker's value in `Query`, a `Criterion` below, and a reason in explain.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from bot.domain.matching.pool import (
    POPCOUNT,
    ROLE_CODE,
    BoolArray,
    CandidatePool,
    FloatArray,
    availability_mask,
    utc_offset_minutes,
)
from bot.domain.matching.profile import AGE_BANDS, Profile, Role, Strength
from bot.domain.matching.programme import ProgrammeSettings

Index = npt.NDArray[np.intp]
MAX_TZ_MINUTES = 720.0  # twelve hours apart scores 0
FORBIDDEN = -1.0  # the score of a pair that breaks a hard constraint


@dataclass(frozen=True)
class Seeker:
    user_id: int
    profile: Profile
    role: Role  # whom the support is for: the request's answer, which may differ from the profile
    excluded: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Query:
    """The seeker in the pool's codes, computed once per pool."""

    seeker: Seeker
    condition: int
    tags: Index
    issues: Index
    languages: Index
    role: int
    age: int
    tz: int | None
    availability: int
    culture: int
    gender: int

    @classmethod
    def of(cls, seeker: Seeker, pool: CandidatePool) -> Query:
        p = seeker.profile
        v = pool.vocab
        return cls(seeker, v["condition"].code(p.condition), v["tags"].codes_of(p.tags),
                   v["issues"].codes_of(p.issues), v["languages"].codes_of(p.languages), ROLE_CODE[seeker.role],
                   AGE_BANDS.index(p.age_band) if p.age_band else -1, utc_offset_minutes(p.time_zone, pool.now),
                   availability_mask(p.availability), v["culture"].code(p.culture), v["gender"].code(p.gender))


def _share(matrix: BoolArray, columns: Index, idx: Index, of: int) -> FloatArray:
    """The share of the seeker's `of` values that each candidate also has."""
    if of == 0 or columns.size == 0:
        return np.zeros(idx.size)
    return np.asarray(matrix[:, columns][idx].sum(axis=1), dtype=np.float64) / of


@dataclass(frozen=True)
class Criterion:
    name: str  # also the name of its weight
    applies: Callable[[Query], bool]  # the seeker gave something to compare
    similarity: Callable[[Query, CandidatePool, Index], FloatArray]  # 0..1 for each candidate in idx


def _same(column: str) -> Callable[[Query, CandidatePool, Index], FloatArray]:
    def similarity(q: Query, pool: CandidatePool, idx: Index) -> FloatArray:
        mine = getattr(q, column)
        return np.asarray(getattr(pool, column)[idx] == mine, dtype=np.float64) if mine >= 0 \
            else np.zeros(idx.size)
    return similarity


def _age(q: Query, pool: CandidatePool, idx: Index) -> FloatArray:
    theirs = pool.age[idx].astype(np.float64)
    return np.where(theirs >= 0, 1.0 - np.abs(theirs - q.age) / (len(AGE_BANDS) - 1), 0.0)


def _timezone(q: Query, pool: CandidatePool, idx: Index) -> FloatArray:
    apart = np.minimum(np.abs(pool.tz[idx] - (q.tz or 0)), MAX_TZ_MINUTES)
    return np.where(pool.has_tz[idx], 1.0 - apart / MAX_TZ_MINUTES, 0.0)


def _availability(q: Query, pool: CandidatePool, idx: Index) -> FloatArray:
    return np.asarray(POPCOUNT[pool.availability[idx] & q.availability] / POPCOUNT[q.availability])


CRITERIA: tuple[Criterion, ...] = (
    Criterion("condition", lambda q: q.seeker.profile.condition is not None, _same("condition")),
    Criterion("tags", lambda q: bool(q.seeker.profile.tags),
              lambda q, pool, idx: _share(pool.tags, q.tags, idx, len(q.seeker.profile.tags))),
    Criterion("issues", lambda q: bool(q.seeker.profile.issues),
              lambda q, pool, idx: _share(pool.issues, q.issues, idx, len(q.seeker.profile.issues))),
    Criterion("role", lambda q: True, _same("role")),
    Criterion("age", lambda q: q.age >= 0, _age),
    # Culture and gender count only when the seeker asked for them.
    Criterion("culture", lambda q: q.seeker.profile.wants("culture") is not None, _same("culture")),
    Criterion("gender", lambda q: q.seeker.profile.wants("gender") is not None, _same("gender")),
    Criterion("timezone", lambda q: q.tz is not None, _timezone),
    Criterion("availability", lambda q: q.availability != 0, _availability),
)

_PREFERENCE_COLUMN = {"role": "role", "age_band": "age", "culture": "culture", "gender": "gender"}


def hard_mask(q: Query, pool: CandidatePool, settings: ProgrammeSettings, *, need_capacity: bool = True
              ) -> BoolArray:
    """Who may be offered at all, before the condition rule."""
    mask = pool.eligible.copy()
    if need_capacity:
        mask &= pool.capacity > 0
    for user_id in q.seeker.excluded | {q.seeker.user_id}:
        at = pool.index.get(user_id)
        if at is not None:
            mask[at] = False
    if q.languages.size == 0:
        return np.zeros(len(pool), dtype=np.bool_)
    mask &= pool.languages[:, q.languages].any(axis=1)
    for preference, column in _PREFERENCE_COLUMN.items():
        mine = getattr(q, column)
        same = getattr(pool, column) == mine
        if q.seeker.profile.wants(preference) is Strength.MUST:
            mask &= same  # the seeker's must
        mask &= ~pool.must[preference] | same  # each supporter's must
    if settings.role_track:
        mask &= pool.role == q.role
    return mask


def condition_rule(q: Query, pool: CandidatePool, mask: BoolArray, settings: ProgrammeSettings
                   ) -> tuple[BoolArray, bool]:
    """Keep those who share the condition; failing that, those who share an issue (a fallback)."""
    if q.seeker.profile.condition is None:
        return mask, False
    same = mask & (pool.condition == q.condition) if q.condition >= 0 else np.zeros_like(mask)
    if same.any():
        return same, False
    if settings.issues_fallback and q.issues.size:
        return mask & pool.issues[:, q.issues].any(axis=1), True
    return np.zeros_like(mask), False


def similarity(q: Query, pool: CandidatePool, settings: ProgrammeSettings, idx: Index
               ) -> tuple[FloatArray, dict[str, FloatArray]]:
    """The weighted score of each candidate in idx, and each criterion's part."""
    weights = settings.weights
    parts: dict[str, FloatArray] = {}
    total = np.zeros(idx.size)
    weight_sum = 0.0
    for criterion in CRITERIA:
        weight = float(getattr(weights, criterion.name))
        if weight <= 0 or not criterion.applies(q):
            continue
        part = criterion.similarity(q, pool, idx)
        parts[criterion.name] = part
        total += weight * part
        weight_sum += weight
    return (total / weight_sum if weight_sum else total), parts


@dataclass(frozen=True)
class Candidate:
    user_id: int
    score: float
    parts: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Ranking:
    candidates: list[Candidate]
    fallback: bool  # the condition was not shared by anyone available; issues carried the match
    considered: int  # candidates left after every constraint


def rank(seeker: Seeker, pool: CandidatePool, settings: ProgrammeSettings, k: int = 3) -> Ranking:
    """The best k candidates, best first; ties go to the supporter with more room, then the older profile."""
    q = Query.of(seeker, pool)
    mask, fallback = condition_rule(q, pool, hard_mask(q, pool, settings), settings)
    idx = np.flatnonzero(mask)
    if idx.size == 0:
        return Ranking([], fallback, 0)
    scores, parts = similarity(q, pool, settings, idx)
    top = np.argpartition(-scores, k - 1)[:k] if idx.size > k else np.arange(idx.size)
    top = top[np.lexsort((idx[top], -pool.capacity[idx[top]], -scores[top]))]
    return Ranking([Candidate(int(pool.user_ids[idx[t]]), round(float(scores[t]), 4),
                              {name: round(float(part[t]), 3) for name, part in parts.items()}) for t in top],
                   fallback, int(idx.size))


def score_row(seeker: Seeker, pool: CandidatePool, settings: ProgrammeSettings) -> tuple[FloatArray, bool]:
    """The seeker's score against every supporter (FORBIDDEN where a constraint rules them out), for batches.
    A supporter with no room at all is ruled out; how many a supporter takes is the batch's business."""
    q = Query.of(seeker, pool)
    mask, fallback = condition_rule(q, pool, hard_mask(q, pool, settings), settings)
    row = np.full(len(pool), FORBIDDEN)
    idx = np.flatnonzero(mask)
    if idx.size:
        row[idx], _ = similarity(q, pool, settings, idx)
    return row, fallback
