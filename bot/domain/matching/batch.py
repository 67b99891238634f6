"""Whole-pool batches: an assignment of every waiting request to supporters, optimal under the scores and the
supporters' capacities, shown to a leader as a preview before anything is sent.

The solver is SciPy's `linear_sum_assignment` (a Jonker-Volgenant variant) over capacity-expanded supporters:
a supporter with room for three appears as three identical columns. Pairs that break a constraint are worth
nothing, so they are never chosen over leaving a request for the next batch; every allowed pair is worth at
least a little more than nothing, so nobody is left out to raise the total. Publishing checks every pair again
(a preview may be stale) and sends each as an ordinary offer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.optimize import linear_sum_assignment

from bot.clock import Clock, to_db
from bot.domain.matching.matchmaker import Matchmaker
from bot.domain.matching.offer import Via
from bot.domain.matching.programme import Programme, same_server
from bot.domain.matching.request import Request, RequestState, load_request
from bot.domain.matching.scoring import FORBIDDEN, Seeker, score_matrix
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.errors import Conflict, DomainError, NotFound
from bot.storage.db import Database

FloatArray = npt.NDArray[np.float64]
FLOOR = 1e-3  # an allowed pair scoring 0 still beats no pair
Pair = tuple[int, int, float]  # row, column, score


def assign(scores: FloatArray, capacity: npt.NDArray[np.integer]) -> list[Pair]:
    """The assignment of rows (requests) to columns (supporters) with the highest total score, each column used
    at most `capacity` times. FORBIDDEN marks pairs that may not be made."""
    allowed = scores > FORBIDDEN
    rows = np.flatnonzero(allowed.any(axis=1))
    cols = np.flatnonzero(allowed.any(axis=0) & (capacity > 0))
    if rows.size == 0 or cols.size == 0:
        return []
    # No supporter needs more copies than there are requests that may go to them.
    copies = np.minimum(capacity[cols], allowed[np.ix_(rows, cols)].sum(axis=0))
    expanded = np.repeat(cols, copies)
    sub = scores[np.ix_(rows, expanded)]
    gain = np.where(sub > FORBIDDEN, np.maximum(sub, FLOOR), 0.0)
    picked_rows, picked_cols = linear_sum_assignment(gain, maximize=True)
    return [(int(rows[r]), int(expanded[c]), float(sub[r, c]))
            for r, c in zip(picked_rows, picked_cols, strict=True) if sub[r, c] > FORBIDDEN]


def greedy(scores: FloatArray, capacity: npt.NDArray[np.integer]) -> list[Pair]:
    """The baseline a coordinator would do by hand: the best remaining pair first."""
    r_idx, c_idx = np.nonzero(scores > FORBIDDEN)
    order = np.argsort(-scores[r_idx, c_idx], kind="stable")
    left = capacity.astype(np.int64).copy()
    taken = np.zeros(scores.shape[0], dtype=np.bool_)
    pairs: list[Pair] = []
    remaining = int(min(len(np.unique(r_idx)), left.clip(min=0).sum()))
    for k in order:
        if len(pairs) >= remaining:
            break
        r, c = int(r_idx[k]), int(c_idx[k])
        if not taken[r] and left[c] > 0:
            taken[r] = True
            left[c] -= 1
            pairs.append((r, c, float(scores[r, c])))
    return pairs


def total(pairs: list[Pair]) -> float:
    return float(sum(score for _, _, score in pairs))


@dataclass(frozen=True)
class BatchPreview:
    id: int
    programme: Programme
    pairs: list[tuple[int, int, float]]  # request id, supporter id, score
    total: float
    greedy_total: float
    waiting: int


class BatchService:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, matchmaker: Matchmaker) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.matchmaker = matchmaker

    async def preview(self, actor: Actor, programme: Programme) -> BatchPreview:
        await self.roles.require(actor, PeerRole.LEADER)
        same_server(actor, programme)
        rows = await self.db.fetch_all(
            "SELECT * FROM match_requests WHERE programme_id = ? AND state = 'waiting' ORDER BY queued_at, id",
            (programme.id,))
        requests = [Request.from_row(r) for r in rows]
        pool = await self.matchmaker.pool(programme)
        found = [(i, await self.matchmaker.seeker(programme, request)) for i, request in enumerate(requests)]
        seekers: list[Seeker] = [s for _, s in found if s is not None]
        scored = [i for i, s in found if s is not None]
        scores = np.full((len(requests), len(pool)), FORBIDDEN)
        scores[scored], _ = score_matrix(seekers, pool, programme.settings)
        capacity = np.where(pool.eligible, pool.capacity.clip(min=0), 0)
        best = assign(scores, capacity)
        baseline = greedy(scores, capacity)
        pairs = [(requests[r].id, int(pool.user_ids[c]), round(s, 4)) for r, c, s in best]
        async with self.db.transaction():
            await self.db.execute("UPDATE match_batches SET state = 'discarded' WHERE programme_id = ?"
                                  " AND state = 'preview'", (programme.id,))
            batch_id = await self.db.execute(
                "INSERT INTO match_batches (guild_id, programme_id, created_by, created_at, state, pairs, total_score,"
                " greedy_score, waiting) VALUES (?, ?, ?, ?, 'preview', ?, ?, ?, ?)",
                (actor.guild_id, programme.id, actor.user_id, to_db(self.clock.now()), json.dumps(pairs),
                 total(best), total(baseline), len(requests)))
        return BatchPreview(batch_id, programme, pairs, total(best), total(baseline), len(requests))

    async def publish(self, actor: Actor, batch_id: int) -> tuple[int, list[str]]:
        """Send the previewed offers. Each pair is checked again; those no longer possible are skipped, with why."""
        await self.roles.require(actor, PeerRole.LEADER)
        sent = 0
        skipped: list[str] = []
        async with self.db.transaction():
            row = await self.db.fetch_one("SELECT * FROM match_batches WHERE id = ?", (batch_id,))
            if row is None or row["guild_id"] != actor.guild_id:
                raise NotFound(f"There is no batch #{batch_id}.")
            if row["state"] != "preview":
                raise Conflict(f"Batch #{batch_id} was already {row['state']}; run a new preview.")
            programme = await self.matchmaker.programmes.get(row["programme_id"])
            for request_id, supporter_id, _ in json.loads(row["pairs"]):
                request = await load_request(self.db, request_id)
                if request is None or request.state is not RequestState.WAITING:
                    skipped.append(f"request #{request_id}: no longer waiting")
                    continue
                try:
                    candidate, fallback = await self.matchmaker.check(programme, request, supporter_id)
                except DomainError as error:
                    skipped.append(f"request #{request_id}: {error.message}")
                    continue
                if await self.matchmaker.make_offer(programme, request, candidate, fallback, Via.BATCH,
                                                    actor.user_id):
                    sent += 1
            await self.db.execute("UPDATE match_batches SET state = 'published', published_at = ? WHERE id = ?",
                                  (to_db(self.clock.now()), batch_id))
        return sent, skipped
