"""How matching reaches people: private messages (with buttons), posts in a match space, the space itself, and
alerts for leaders. Each is an outbox item written in the decision's transaction, keyed so that a repeated
decision never sends twice. Handlers (cogs/matching/handlers.py) read the current rows when they run.
"""

from __future__ import annotations

from typing import Any

from bot.domain.alerts import LeaderAlerts
from bot.domain.outbox import Outbox


def button(kind: str, **values: Any) -> dict[str, Any]:
    """A button on a private message: checkin, rating or rematch, with the ids it needs."""
    return {"kind": kind, **values}


class MatchNotifier:
    def __init__(self, outbox: Outbox, alerts: LeaderAlerts) -> None:
        self.outbox = outbox
        self.alerts = alerts

    async def dm(self, guild_id: int, user_id: int | None, text: str, *, key: str, match_id: int | None = None,
                 buttons: list[dict[str, Any]] | None = None) -> None:
        """A private message. If their DMs are closed and the match has an open space, it goes to the member's
        own private thread there (seen by them and staff, never by the other person)."""
        if user_id is None:
            return  # the member erased their data
        await self.outbox.enqueue(
            guild_id, "match_dm", {"user_id": user_id, "text": text, "match_id": match_id,
                                   "buttons": buttons or []},
            dedupe_key=f"mdm:{key}:{user_id}", subject_id=user_id)

    async def post(self, guild_id: int, match_id: int, text: str, *, key: str, welcome: bool = False) -> None:
        """A message in the pair's space; the welcome post mentions (and so notifies) only the pair."""
        await self.outbox.enqueue(guild_id, "match_post", {"match_id": match_id, "text": text, "welcome": welcome},
                                  dedupe_key=f"mpost:{key}")

    async def offer(self, guild_id: int, offer_id: int, supporter_id: int) -> None:
        await self.outbox.enqueue(guild_id, "match_offer", {"offer_id": offer_id},
                                  dedupe_key=f"moffer:{offer_id}", subject_id=supporter_id)

    async def open_space(self, guild_id: int, match_id: int, rev: int) -> None:
        await self.outbox.enqueue(guild_id, "match_space_open", {"match_id": match_id, "rev": rev},
                                  dedupe_key=f"mspace:open:{match_id}:{rev}")

    async def archive_space(self, guild_id: int, match_id: int) -> None:
        await self.outbox.enqueue(guild_id, "match_space_archive", {"match_id": match_id},
                                  dedupe_key=f"mspace:archive:{match_id}")

    async def alert(self, guild_id: int, text: str, *, key: str) -> None:
        await self.alerts.send(guild_id, text, dedupe_key=f"match:{key}")
