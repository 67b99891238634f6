"""Export and delete of everything matching stores about a member.

Delete first ends what is live (requests close, matches end with the other person told kindly, offers move
on), then erases the member's profiles, supporter record, answers and ratings, and removes their id from the
anonymous records that reports count (a match stays as "a match happened", without either person's details).
"""

from __future__ import annotations

import json
from typing import Any

from bot.domain.erasure import redact_column
from bot.domain.matching.lifecycle import MatchLifecycle
from bot.storage.db import Database

IN_GUILD = "programme_id IN (SELECT id FROM match_programmes WHERE guild_id = ?)"


class MatchingPrivacy:
    area = "matching"

    def __init__(self, db: Database, lifecycle: MatchLifecycle) -> None:
        self.db = db
        self.lifecycle = lifecycle

    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        async def rows(sql: str, *params: Any) -> list[dict[str, Any]]:
            return [dict(r) for r in await self.db.fetch_all(sql, params or (guild_id, user_id))]

        profiles = await rows(
            "SELECT p.name AS programme, f.side, f.data, f.consent_at, f.updated_at FROM match_profiles f"
            " JOIN match_programmes p ON p.id = f.programme_id WHERE f.guild_id = ? AND f.user_id = ?")
        for profile in profiles:
            profile["data"] = json.loads(profile["data"])
        own_side = ("(m.seeker_id = :user AND c.side = 'seeker') OR (m.supporter_id = :user AND c.side = 'supporter')")
        named = {"guild": guild_id, "user": user_id}
        return {
            "profiles": profiles,
            "supporter": await rows(
                "SELECT p.name AS programme, s.approved_at, s.training, s.trained_on, s.caseload_cap, s.on_duty,"
                " s.duty_changed_at, s.over_cap_since FROM match_supporters s JOIN match_programmes p"
                " ON p.id = s.programme_id WHERE s.guild_id = ? AND s.user_id = ?"),
            "requests": await rows(
                "SELECT id, role, challenges, why_now, wants, special, needed_by, state, queued_at, rematches,"
                " held_reason, closed_reason, closed_at FROM match_requests WHERE guild_id = ? AND seeker_id = ?"
                " ORDER BY id"),
            "offers_received": await rows(
                "SELECT id, via, state, withdrawn_reason, created_at, expires_at, decided_at FROM match_offers"
                " WHERE guild_id = ? AND supporter_id = ? ORDER BY id"),
            # The other person's id is theirs, not the member's, so it is left out.
            "matches": await rows(
                "SELECT id, CASE WHEN seeker_id = ? THEN 'seeker' ELSE 'supporter' END AS side, created_at, state,"
                " first_contact_at, last_contact_at, stalled_at, ends_at, ended_at, end_reason, (SELECT COUNT(*)"
                " FROM match_contacts c WHERE c.match_id = m.id) AS contacts FROM matches m WHERE guild_id = ?"
                " AND (seeker_id = ? OR supporter_id = ?) ORDER BY id", user_id, guild_id, user_id, user_id),
            "contacts": [dict(r) for r in await self.db.fetch_all(
                "SELECT c.match_id, c.at, c.kind, CASE WHEN " + own_side + " THEN 'you' ELSE 'the other person' END"
                " AS by FROM match_contacts c JOIN matches m ON m.id = c.match_id WHERE m.guild_id = :guild"
                " AND :user IN (m.seeker_id, m.supporter_id) ORDER BY c.id", named)],
            # Pairs never offered again (declined, expired, matched before), without the other person.
            "not_offered_again": [dict(r) for r in await self.db.fetch_all(
                "SELECT p.name AS programme, CASE WHEN x.seeker_id = :user THEN 'seeker' ELSE 'supporter' END"
                " AS side, x.reason, x.at FROM match_exclusions x JOIN match_programmes p ON p.id = x.programme_id"
                " WHERE p.guild_id = :guild AND :user IN (x.seeker_id, x.supporter_id) ORDER BY x.at", named)],
            # What happened to their requests and matches; another person's check-in answer stays theirs.
            "events": [dict(r) for r in await self.db.fetch_all(
                "SELECT e.request_id, e.match_id, e.kind, e.reason, e.at FROM match_events e"
                " LEFT JOIN matches m ON m.id = e.match_id LEFT JOIN match_requests r ON r.id = e.request_id"
                " WHERE e.guild_id = :guild AND (r.seeker_id = :user OR m.supporter_id = :user) AND (e.kind !="
                " 'checkin' OR e.reason LIKE CASE WHEN m.seeker_id = :user THEN 'seeker:%' ELSE 'supporter:%' END)"
                " ORDER BY e.id", named)],
            "checkin_answers": [dict(r) for r in await self.db.fetch_all(
                "SELECT c.match_id, c.round, c.sent_at, c.answered_at, c.happened, c.good_fit FROM match_checkins c"
                f" JOIN matches m ON m.id = c.match_id WHERE m.guild_id = :guild AND ({own_side})", named)],
            "ratings": [dict(r) for r in await self.db.fetch_all(
                "SELECT c.match_id, c.rating, c.comment, c.created_on FROM match_ratings c JOIN matches m"
                f" ON m.id = c.match_id WHERE m.guild_id = :guild AND ({own_side})", named)],
        }

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        count = await self.lifecycle.member_left(guild_id, user_id, "erased")
        named = {"guild": guild_id, "user": user_id}
        own_side = ("match_id IN (SELECT id FROM matches WHERE guild_id = :guild AND seeker_id = :user) AND side ="
                    " 'seeker' OR match_id IN (SELECT id FROM matches WHERE guild_id = :guild AND supporter_id ="
                    " :user) AND side = 'supporter'")
        for table in ("match_checkins", "match_ratings"):
            count += await self.db.execute(f"DELETE FROM {table} WHERE {own_side}", named)
        # The other person's private comment is theirs and stays, without a mention of the member.
        count += await redact_column(self.db, "match_ratings", "comment", user_id,
                                     "match_id IN (SELECT id FROM matches WHERE guild_id = ?)", (guild_id,))
        for table in ("match_profiles", "match_supporters"):
            count += await self.db.execute(f"DELETE FROM {table} WHERE guild_id = :guild AND user_id = :user", named)
        count += await self.db.execute(
            f"DELETE FROM match_exclusions WHERE {IN_GUILD.replace('?', ':guild')}"
            " AND (seeker_id = :user OR supporter_id = :user)", named)
        # What an offer or a match says about the pair reveals both profiles: it goes with either person.
        count += await self.db.execute(
            "UPDATE match_offers SET reasons = '[]' WHERE request_id IN (SELECT id FROM match_requests"
            " WHERE guild_id = :guild AND seeker_id = :user)", named)
        count += await self.db.execute(
            "UPDATE match_offers SET supporter_id = NULL, reasons = '[]' WHERE guild_id = :guild"
            " AND supporter_id = :user", named)
        count += await self.db.execute(
            "UPDATE match_offers SET proposed_by = NULL WHERE guild_id = :guild AND proposed_by = :user", named)
        for column in ("seeker_id", "supporter_id"):
            count += await self.db.execute(
                f"UPDATE matches SET {column} = NULL, reasons = '[]' WHERE guild_id = :guild AND {column} = :user",
                named)
        count += await self.db.execute(
            "UPDATE match_requests SET seeker_id = NULL, challenges = NULL, why_now = NULL, wants = NULL,"
            " special = NULL WHERE guild_id = :guild AND seeker_id = :user", named)
        for table, column in (("match_taxonomy", "added_by"), ("match_programmes", "created_by"),
                              ("match_supporters", "approved_by"), ("match_batches", "created_by")):
            count += await self.db.execute(
                f"UPDATE {table} SET {column} = 0 WHERE guild_id = :guild AND {column} = :user", named)
        for row in await self.db.fetch_all("SELECT id, pairs FROM match_batches WHERE guild_id = ?", (guild_id,)):
            pairs = json.loads(row["pairs"])
            kept = [p for p in pairs if p[1] != user_id]
            if len(kept) != len(pairs):
                count += await self.db.execute("UPDATE match_batches SET pairs = ? WHERE id = ?",
                                               (json.dumps(kept), row["id"]))
        return count
