"""Safety constraints read the referral queue: peer support is not crisis care.

A seeker with an open urgent or crisis referral goes to a leader before any match; a supporter with one of
their own gets no offers. "Open" means nobody has resolved, referred on or closed it yet.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.storage.db import Database

OPEN_STATES = ("open", "claimed", "contacted")
RISK_TIERS = ("urgent", "crisis")


async def at_risk(db: Database, guild_id: int, user_ids: Iterable[int]) -> set[int]:
    """Which of these members have an open urgent or crisis referral about them."""
    ids = sorted(set(user_ids))
    found: set[int] = set()
    for first in range(0, len(ids), 500):
        chunk = ids[first:first + 500]
        rows = await db.fetch_all(
            f"SELECT DISTINCT subject_id FROM referrals WHERE guild_id = ? AND subject_id IN"
            f" ({','.join('?' * len(chunk))}) AND state IN {OPEN_STATES} AND tier IN {RISK_TIERS}",
            (guild_id, *chunk))
        found |= {int(r["subject_id"]) for r in rows}
    return found
