"""Scoring seekers against the pool: hard and safety constraints, weighted similarity, the issues fallback.

1. Hard constraints remove candidates: the seeker themselves, anyone excluded for this seeker (declined,
   blocked, matched before), no capacity left, not eligible (off duty, or an open urgent or crisis referral of
   their own), no shared language, any "must" preference of either side, and the programme's role track.
2. Condition first: if any remaining supporter shares the seeker's condition, only they stay. If none does,
   and the programme allows it, supporters who share at least one issue stay, and the match is a fallback
   (the explanation says so). Otherwise nobody stays.
3. Each criterion gives a similarity from 0 to 1; the score is their average weighted by the programme's
   weights, over the criteria the seeker filled in (a blank field is not held against anyone).

One code path scores one seeker (an online match: only the candidates left after step 2 are scored) or many at
once (a batch: every pair). Seekers' values are columns of shape (R, 1) and the pool's are rows, so each
comparison broadcasts to an R x S matrix; overlaps of sets (tags, issues, languages) are one matrix product
when there are many seekers, and a sum over the seeker's few columns when there is one.

To add a criterion: give it a weight in `Weights` (programme.py), a column in `CandidatePool` (pool.py), the
seekers' column in `Queries`, a `Criterion` below, and a reason in explain.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.domain.matching.pool import (
    POPCOUNT,
    ROLE_CODE,
    BoolArray,
    CandidatePool,
    FloatArray,
    Vocabulary,
    availability_mask,
    utc_offset_minutes,
)
from bot.domain.matching.profile import AGE_BANDS, PREFERENCE_FIELDS, Profile, Role, Strength
from bot.domain.matching.programme import ProgrammeSettings

Columns = npt.NDArray[np.intp] | slice  # which pool rows to score: the survivors, or all of them
MAX_TZ_MINUTES = 720.0  # twelve hours apart scores 0
FORBIDDEN = -1.0  # the score of a pair that breaks a hard constraint
_PREFERENCE_COLUMN = {"role": "role", "age_band": "age", "culture": "culture", "gender": "gender"}


@dataclass(frozen=True)
class Seeker:
    user_id: int
    profile: Profile
    role: Role  # whom the support is for: the request's answer, which may differ from the profile
    excluded: frozenset[int] = frozenset()


class Queries:
    """One or many seekers in the pool's codes. Single values are (R, 1) columns; sets are R x V matrices."""

    def __init__(self, seekers: list[Seeker], pool: CandidatePool) -> None:
        self.seekers = seekers
        v = pool.vocab
        profiles = [s.profile for s in seekers]

        def column(values: list[Any], dtype: Any) -> Any:
            return np.array(values, dtype=dtype).reshape(len(seekers), 1)

        self.condition = column([v["condition"].code(p.condition) for p in profiles], np.int32)
        self.has_condition = column([p.condition is not None for p in profiles], np.bool_)
        self.role = column([ROLE_CODE[s.role] for s in seekers], np.int8)
        self.age = column([AGE_BANDS.index(p.age_band) if p.age_band else -1 for p in profiles], np.int8)
        offsets = [utc_offset_minutes(p.time_zone, pool.now) for p in profiles]
        self.has_tz = column([o is not None for o in offsets], np.bool_)
        self.tz = column([o or 0 for o in offsets], np.int32)
        self.availability = column([availability_mask(p.availability) for p in profiles], np.uint8)
        self.culture = column([v["culture"].code(p.culture) for p in profiles], np.int32)
        self.gender = column([v["gender"].code(p.gender) for p in profiles], np.int32)
        self.tags, self.tag_count = self._sets(v["tags"], [p.tags for p in profiles], pool.tags.shape[1])
        self.issues, self.issue_count = self._sets(v["issues"], [p.issues for p in profiles], pool.issues.shape[1])
        self.languages, _ = self._sets(v["languages"], [p.languages for p in profiles], pool.languages.shape[1])
        self.wants = {f: column([p.wants(f) is not None for p in profiles], np.bool_) for f in PREFERENCE_FIELDS}
        self.must = {f: column([p.wants(f) is Strength.MUST for p in profiles], np.bool_) for f in PREFERENCE_FIELDS}

    def _sets(self, vocab: Vocabulary, values: list[tuple[str, ...]], width: int) -> tuple[BoolArray, FloatArray]:
        matrix = np.zeros((len(values), width), dtype=np.bool_)
        for row, items in enumerate(values):
            matrix[row, vocab.codes_of(items)] = True
        # Values the pool has never seen still count in the share: a seeker's unmatched issue is unmatched.
        return matrix, np.array([len(items) for items in values], dtype=np.float64).reshape(len(values), 1)

    def __len__(self) -> int:
        return len(self.seekers)


def overlap(mine: BoolArray, theirs: BoolArray, cols: Columns) -> FloatArray:
    """How many values each seeker shares with each candidate in cols (R x n)."""
    if mine.shape[0] == 1:
        # A seeker has a few values: add up those columns (each contiguous, the matrix is stored by column).
        count = np.zeros(len(theirs) if isinstance(cols, slice) else cols.size)
        for value in np.flatnonzero(mine[0]):
            count += theirs[:, value][cols]
        return count[None, :]
    product = mine.astype(np.float32) @ theirs[cols].T.astype(np.float32)
    return np.asarray(product, dtype=np.float64)


def _same(column: str) -> Callable[[Queries, CandidatePool, Columns], FloatArray]:
    def similarity(q: Queries, pool: CandidatePool, cols: Columns) -> FloatArray:
        mine = getattr(q, column)
        return np.asarray((mine == getattr(pool, column)[cols]) & (mine >= 0), dtype=np.float64)
    return similarity


def _share(sets: str, count: str) -> Callable[[Queries, CandidatePool, Columns], FloatArray]:
    def similarity(q: Queries, pool: CandidatePool, cols: Columns) -> FloatArray:
        of: FloatArray = np.maximum(getattr(q, count), 1.0)
        return overlap(getattr(q, sets), getattr(pool, sets), cols) / of
    return similarity


def _age(q: Queries, pool: CandidatePool, cols: Columns) -> FloatArray:
    theirs = pool.age[cols].astype(np.float64)
    return np.where(theirs >= 0, 1.0 - np.abs(theirs - q.age) / (len(AGE_BANDS) - 1), 0.0)


def _timezone(q: Queries, pool: CandidatePool, cols: Columns) -> FloatArray:
    apart = np.minimum(np.abs(pool.tz[cols] - q.tz), MAX_TZ_MINUTES)
    return np.where(pool.has_tz[cols], 1.0 - apart / MAX_TZ_MINUTES, 0.0)


def _availability(q: Queries, pool: CandidatePool, cols: Columns) -> FloatArray:
    shared: FloatArray = POPCOUNT[pool.availability[cols] & q.availability]
    of: FloatArray = np.maximum(POPCOUNT[q.availability], 1)
    return shared / of


@dataclass(frozen=True)
class Criterion:
    name: str  # also the name of its weight
    applies: Callable[[Queries], BoolArray]  # (R, 1): the seeker gave something to compare
    similarity: Callable[[Queries, CandidatePool, Columns], FloatArray]  # R x n, each from 0 to 1


CRITERIA: tuple[Criterion, ...] = (
    Criterion("condition", lambda q: q.has_condition, _same("condition")),
    Criterion("tags", lambda q: q.tag_count > 0, _share("tags", "tag_count")),
    Criterion("issues", lambda q: q.issue_count > 0, _share("issues", "issue_count")),
    Criterion("role", lambda q: np.ones((len(q), 1), dtype=np.bool_), _same("role")),
    Criterion("age", lambda q: q.age >= 0, _age),
    # Culture and gender count only when the seeker asked for them.
    Criterion("culture", lambda q: q.wants["culture"], _same("culture")),
    Criterion("gender", lambda q: q.wants["gender"], _same("gender")),
    Criterion("timezone", lambda q: q.has_tz, _timezone),
    Criterion("availability", lambda q: q.availability != 0, _availability),
)


def _at(cols: Columns, index: int) -> int | None:
    """Where pool row `index` sits among cols (an ascending index array, or every row)."""
    if isinstance(cols, slice):
        return index
    at = int(np.searchsorted(cols, index))
    return at if at < cols.size and cols[at] == index else None


def hard_mask(q: Queries, pool: CandidatePool, settings: ProgrammeSettings, cols: Columns = slice(None), *,
              need_capacity: bool = True) -> BoolArray:
    """Who may be offered to whom at all (R x n, for the pool rows in cols), before the condition rule."""
    open_ = pool.open[cols] if need_capacity else pool.eligible[cols]
    mask = np.repeat(open_[None, :], len(q), axis=0)
    for row, seeker in enumerate(q.seekers):
        for user_id in seeker.excluded | {seeker.user_id}:
            index = pool.index.get(user_id)
            at = None if index is None else _at(cols, index)
            if at is not None:
                mask[row, at] = False
    mask &= overlap(q.languages, pool.languages, cols) > 0
    for preference, column in _PREFERENCE_COLUMN.items():
        if not (q.must[preference].any() or pool.anyone_must[preference]):
            continue  # nobody insists on this one: skip the comparison
        mine = getattr(q, column)
        same = (mine == getattr(pool, column)[cols]) & (mine >= 0)
        mask &= ~q.must[preference] | same  # the seeker's must
        mask &= ~pool.must[preference][cols] | same  # each supporter's must
    if settings.role_track:
        mask &= q.role == pool.role[cols]
    return mask


def condition_rule(q: Queries, pool: CandidatePool, mask: BoolArray, settings: ProgrammeSettings,
                   cols: Columns = slice(None)) -> tuple[BoolArray, npt.NDArray[np.bool_]]:
    """Keep those who share the condition; failing that, those who share an issue (a fallback). Returns the
    mask and, per seeker, whether the fallback was used."""
    if not q.has_condition.any():
        return mask, np.zeros(len(q), dtype=np.bool_)
    same = mask & (q.condition == pool.condition[cols]) & (q.condition >= 0)
    nobody = q.has_condition & ~same.any(axis=1, keepdims=True)
    if not nobody.any():
        return np.where(q.has_condition, same, mask), np.zeros(len(q), dtype=np.bool_)
    instead = mask & (overlap(q.issues, pool.issues, cols) > 0) if settings.issues_fallback \
        else np.zeros_like(mask)
    kept = np.where(~q.has_condition, mask, np.where(nobody, instead, same))
    return kept, (nobody[:, 0] & settings.issues_fallback)


def plausible(q: Queries, pool: CandidatePool, settings: ProgrammeSettings) -> npt.NDArray[np.intp]:
    """For one seeker, the pool rows the condition rule could keep: the same condition, or (when the fallback
    may apply) a shared issue. Scoring only these gives exactly the result of scoring everyone, sooner."""
    if not q.has_condition[0, 0]:
        return np.arange(len(pool))
    keep = pool.condition == q.condition[0, 0] if q.condition[0, 0] >= 0 else np.zeros(len(pool), dtype=np.bool_)
    if settings.issues_fallback:
        keep |= overlap(q.issues, pool.issues, slice(None))[0] > 0
    return np.flatnonzero(keep)


def similarity(q: Queries, pool: CandidatePool, settings: ProgrammeSettings, cols: Columns, *,
               keep_parts: bool = False) -> tuple[FloatArray, dict[str, FloatArray]]:
    """The weighted score of each seeker with each candidate in cols (R x n), and, if asked, each part."""
    weights = settings.weights
    parts: dict[str, FloatArray] = {}
    total: FloatArray | None = None
    weight_sum = np.zeros((len(q), 1))
    for criterion in CRITERIA:
        weight = float(getattr(weights, criterion.name))
        applies = criterion.applies(q)
        if weight <= 0 or not applies.any():
            continue
        part = criterion.similarity(q, pool, cols)
        if keep_parts:
            parts[criterion.name] = part
        contribution = (weight * applies) * part
        total = contribution if total is None else total + contribution
        weight_sum += weight * applies
    if total is None:
        n = len(pool) if isinstance(cols, slice) else cols.size
        return np.zeros((len(q), n)), parts
    return np.divide(total, weight_sum, out=np.zeros_like(total), where=weight_sum > 0), parts


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
    q = Queries([seeker], pool)
    cols = plausible(q, pool, settings)
    mask, fallback = condition_rule(q, pool, hard_mask(q, pool, settings, cols), settings, cols)
    idx = cols[mask[0]]
    if idx.size == 0:
        return Ranking([], bool(fallback[0]), 0)
    scores, parts = similarity(q, pool, settings, idx, keep_parts=True)
    row = scores[0]
    top = np.arange(idx.size)
    if idx.size > k:  # the k best, and everyone tied with the last of them, so ties are broken below
        top = np.flatnonzero(row >= -np.partition(-row, k - 1)[k - 1])
    top = top[np.lexsort((idx[top], -pool.capacity[idx[top]], -row[top]))][:k]
    return Ranking([Candidate(int(pool.user_ids[idx[t]]), round(float(row[t]), 4),
                              {name: round(float(part[0, t]), 3) for name, part in parts.items()}) for t in top],
                   bool(fallback[0]), int(idx.size))


def score_matrix(seekers: list[Seeker], pool: CandidatePool, settings: ProgrammeSettings
                 ) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Every seeker's score with every supporter (FORBIDDEN where a constraint rules the pair out), and which
    seekers fell back on issues. A supporter with no room at all is ruled out; how many a supporter takes is the
    batch's business."""
    if not seekers or not len(pool):
        return np.full((len(seekers), len(pool)), FORBIDDEN), np.zeros(len(seekers), dtype=np.bool_)
    q = Queries(seekers, pool)
    mask, fallback = condition_rule(q, pool, hard_mask(q, pool, settings), settings)
    scores, _ = similarity(q, pool, settings, slice(None))
    return np.where(mask, scores, FORBIDDEN), fallback


def score_row(seeker: Seeker, pool: CandidatePool, settings: ProgrammeSettings) -> tuple[FloatArray, bool]:
    scores, fallback = score_matrix([seeker], pool, settings)
    return scores[0], bool(fallback[0])
