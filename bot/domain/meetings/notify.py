"""How meeting news reaches people: posts in the group channel, DMs, and Discord scheduled events.

Every message is an outbox item, recorded in the transaction of the decision that causes it and keyed so
that repeating the decision (a retry, a restart) never sends it twice. Members who chose channel reminders are
mentioned in the group's post; the rest get a DM.
"""

from __future__ import annotations

from bot.domain.meetings.model import Occurrence
from bot.domain.outbox import Outbox
from bot.storage.db import Database

# Who is expected at an occurrence: its RSVPs, the series' "every week" RSVPs, and a course's enrolled
# members; only while they are still in the group (someone who left gets no more reminders).
ATTENDEES_SQL = (
    "SELECT user_id FROM (SELECT user_id FROM meeting_rsvps WHERE occurrence_id = :occurrence"
    " UNION SELECT user_id FROM series_subscriptions WHERE series_id = :series"
    " UNION SELECT user_id FROM course_enrollments WHERE series_id = :series AND state = 'enrolled')"
    " WHERE user_id IN (SELECT user_id FROM group_members WHERE group_id = :group)"
)


class Notifier:
    def __init__(self, db: Database, outbox: Outbox) -> None:
        self.db = db
        self.outbox = outbox

    async def post(self, guild_id: int, channel_id: int, text: str, *, key: str,
                   mention_ids: tuple[int, ...] = ()) -> None:
        """A message in a channel; only the listed members are pinged, never roles or everyone."""
        await self.outbox.enqueue(
            guild_id, "group_post", {"channel_id": channel_id, "text": text, "mention_ids": list(mention_ids)},
            dedupe_key=f"post:{key}",
        )

    async def dm(self, guild_id: int, user_id: int, text: str, *, key: str) -> None:
        await self.outbox.enqueue(guild_id, "dm", {"user_id": user_id, "text": text},
                                  dedupe_key=f"dm:{key}:{user_id}", subject_id=user_id)

    async def expected(self, occurrence: Occurrence) -> dict[int, str]:
        """Members who said they would come, with how each wants to hear: 'dm' or 'channel'."""
        rows = await self.db.fetch_all(
            f"SELECT a.user_id, COALESCE(p.reminder_via, 'dm') AS via FROM ({ATTENDEES_SQL}) a"
            " LEFT JOIN member_prefs p ON p.guild_id = :guild AND p.user_id = a.user_id",
            {"occurrence": occurrence.id, "series": occurrence.series_id, "guild": occurrence.guild_id,
             "group": occurrence.group_id},
        )
        return {int(r["user_id"]): r["via"] for r in rows}

    async def tell_members(self, occurrence: Occurrence, text: str, *, key: str) -> None:
        """A post in the group channel for everyone, plus a DM to each expected member who prefers DMs."""
        expected = await self.expected(occurrence)
        if occurrence.channel_id:
            mentions = tuple(sorted(u for u, via in expected.items() if via == "channel"))
            suffix = " " + " ".join(f"<@{u}>" for u in mentions) if mentions else ""
            await self.post(occurrence.guild_id, occurrence.channel_id, text + suffix, key=key, mention_ids=mentions)
        for user_id, via in sorted(expected.items()):
            if via == "dm":
                await self.dm(occurrence.guild_id, user_id, text, key=key)

    async def sync_event(self, guild_id: int, occurrence_id: int, rev: int | None = None) -> None:
        """Bring the Discord scheduled event in line with the occurrence (the handler reads the row). `rev` is
        the occurrence's event_rev after the change; read from the row when not given."""
        if rev is None:
            rev = await self.db.fetch_value("SELECT event_rev FROM meeting_occurrences WHERE id = ?",
                                            (occurrence_id,))
        await self.outbox.enqueue(guild_id, "event_sync", {"occurrence_id": occurrence_id},
                                  dedupe_key=f"event:{occurrence_id}:{rev}")

    async def facilitator_access(self, guild_id: int, group_id: int, user_id: int, *, grant: bool, key: str) -> None:
        """Let a facilitator see and post in a group's channels (they may not be members), or stop that."""
        await self.outbox.enqueue(guild_id, "facilitator_access",
                                  {"group_id": group_id, "user_id": user_id, "grant": grant},
                                  dedupe_key=f"access:{group_id}:{user_id}:{key}", subject_id=user_id)

    async def cover_ask(self, occurrence: Occurrence, request_id: int, user_id: int) -> None:
        await self.outbox.enqueue(
            occurrence.guild_id, "cover_ask", {"request_id": request_id, "user_id": user_id},
            dedupe_key=f"cover_ask:{request_id}:{user_id}", subject_id=user_id,
        )
