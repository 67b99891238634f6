"""Referrals: flagged messages for a professional's review, from screening, a member's flag, or /refer.

Lifecycle: open → claimed → contacted → referred_on | resolved → closed; a professional may also close it as a
false alarm. Every step is an event with who and when. An open referral that nobody claims escalates at its
acknowledgement deadline, and again every reminder interval, until someone claims it. Deadlines are stored
instants, so a restart does not reset the clock. Discord effects (the queue card, the note to the author, the
escalation pings) go through the outbox.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.clock import Clock, from_db, to_db
from bot.domain.audit import AuditLog
from bot.domain.crisis_resources import LANGUAGES, note_language
from bot.domain.erasure import ERASED_ID, ERASED_NAME, redact_column
from bot.domain.outbox import Outbox
from bot.domain.risk import Screening, Tier
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text
from bot.errors import Conflict, InvalidInput, NotFound, RateLimited
from bot.settings import Settings
from bot.storage.db import Database

REMINDER_EVERY = {Tier.CRISIS: timedelta(minutes=5), Tier.URGENT: timedelta(minutes=15),
                  Tier.CONCERN: timedelta(hours=4)}
CONTEXT_MESSAGES = 5
REPEAT_WINDOW = timedelta(days=30)
MAX_EVIDENCE = 12  # spans kept per referral, after overlapping ones are merged
MAX_EVIDENCE_TEXT = 200


def compact_evidence(evidence: list[dict[str, Any]], content: str | None) -> list[dict[str, Any]]:
    """Merge spans that overlap (one span, its reasons joined) and keep the first MAX_EVIDENCE in reading
    order. A message dense with matches gave hundreds of items, many over the same words."""
    merged: list[dict[str, Any]] = []
    for item in sorted(evidence, key=lambda e: (int(e["start"]), int(e["end"]))):
        last = merged[-1] if merged else None
        if last is not None and int(item["start"]) < last["end"]:
            last["end"] = max(last["end"], int(item["end"]))
            if item["reason"] not in last["reasons"]:
                last["reasons"].append(item["reason"])
            if content is None:
                last["text"] = max(last["text"], str(item["text"]), key=len)
            continue
        if len(merged) == MAX_EVIDENCE:
            break
        merged.append({"start": int(item["start"]), "end": int(item["end"]), "text": str(item["text"]),
                       "reasons": [item["reason"]]})
    return [{"start": m["start"], "end": m["end"],
             "text": (content[m["start"]:m["end"]] if content is not None else m["text"])[:MAX_EVIDENCE_TEXT],
             "reason": "; ".join(m["reasons"])[:MAX_EVIDENCE_TEXT]} for m in merged]


class ReferReason(StrEnum):
    DEPRESSION = "signs of depression"
    BEYOND_SKILLS = "beyond my skills"
    ABUSE = "abuse"
    MEDICAL = "a medical concern"
    CRISIS = "a crisis"

    @property
    def tier(self) -> Tier:
        return {"a crisis": Tier.CRISIS, "abuse": Tier.URGENT, "a medical concern": Tier.URGENT}.get(
            self.value, Tier.CONCERN
        )


# action: (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[set[str], str]] = {
    "claim": ({"open"}, "claimed"),
    "contacted": ({"claimed"}, "contacted"),
    "referred_on": ({"claimed", "contacted"}, "referred_on"),
    "resolve": ({"claimed", "contacted"}, "resolved"),
    "close": ({"referred_on", "resolved"}, "closed"),
    "false_alarm": ({"open", "claimed", "contacted"}, "closed"),
}
STAFF = (PeerRole.LEADER,)  # programme leaders are the professionals; peerbot admins pass every check


class Referral(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    guild_id: int
    source: str
    tier: Tier
    categories: list[str]
    evidence: list[dict[str, Any]]
    reason: str | None
    subject_id: int | None
    flagger_id: int | None
    channel_id: int | None
    message_id: int | None
    jump_url: str | None
    content: str | None
    context: list[dict[str, Any]] | None
    state: str
    outcome: str | None
    claimed_by: int | None
    created_at: datetime
    ack_due_at: datetime
    escalations: int
    queue_message_id: int | None
    repeat_flags: int = 0  # how often this flagger flagged this subject in the last 30 days


class ReferralConfig(BaseModel):
    guild_id: int
    queue_channel_id: int | None = None
    oncall_role_id: int | None = None
    country: str = "US"
    hide_method_messages: bool = False
    screening_enabled: bool = True
    language: str | None = None  # the note to an author; None: the country's usual language


class ReferralService:
    area = "referrals"

    def __init__(self, db: Database, clock: Clock, roles: RoleService, audit: AuditLog, outbox: Outbox,
                 settings: Settings) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.audit = audit
        self.outbox = outbox
        self.settings = settings

    # ---- configuration -------------------------------------------------------------------------------
    async def config(self, guild_id: int) -> ReferralConfig:
        row = await self.db.fetch_one("SELECT * FROM referral_config WHERE guild_id = ?", (guild_id,))
        if row is None:
            return ReferralConfig(guild_id=guild_id)
        data = dict(row)
        data.pop("updated_at")
        return ReferralConfig(**data)

    async def configure(self, actor: Actor, **changes: Any) -> ReferralConfig:
        await self.roles.require(actor, PeerRole.ADMIN)
        country = changes.get("country")
        if country is not None and (len(country) != 2 or not country.isascii() or not country.isalpha()):
            raise InvalidInput("Please give the country as a two-letter code, such as US, GB, ES, FR, DE or BR.")
        if changes.get("language") is not None and changes["language"] not in LANGUAGES:
            raise InvalidInput(f"Please choose a language among: {', '.join(LANGUAGES)}.")
        current = (await self.config(actor.guild_id)).model_dump()
        current.update({k: (v.upper() if k == "country" else v) for k, v in changes.items() if v is not None})
        updated = ReferralConfig(**current)
        await self.db.execute(
            "INSERT INTO referral_config (guild_id, queue_channel_id, oncall_role_id, country,"
            " hide_method_messages, screening_enabled, language, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (guild_id) DO UPDATE SET queue_channel_id = excluded.queue_channel_id,"
            " oncall_role_id = excluded.oncall_role_id, country = excluded.country,"
            " hide_method_messages = excluded.hide_method_messages,"
            " screening_enabled = excluded.screening_enabled, language = excluded.language,"
            " updated_at = excluded.updated_at",
            (actor.guild_id, updated.queue_channel_id, updated.oncall_role_id, updated.country,
             updated.hide_method_messages, updated.screening_enabled, updated.language, to_db(self.clock.now())),
        )
        return updated

    def ack_deadline(self, tier: Tier) -> timedelta:
        minutes = {Tier.CRISIS: self.settings.crisis_ack_minutes, Tier.URGENT: self.settings.urgent_ack_minutes,
                   Tier.CONCERN: self.settings.concern_ack_minutes}[tier]
        return timedelta(minutes=minutes)

    # ---- opening -------------------------------------------------------------------------------------
    async def from_screening(
        self, guild_id: int, author_id: int, channel_id: int, message_id: int | None, jump_url: str, content: str,
        context: list[dict[str, Any]], screening: Screening,
    ) -> Referral | None:
        """An automatic referral for a message the screener placed at concern or above. No message id: a message
        Discord's AutoMod blocked, which was never posted."""
        if screening.tier < Tier.CONCERN:
            return None
        config = await self.config(guild_id)
        # the note follows the member's own choice of language and country, else the server's
        chosen = await self.db.fetch_one("SELECT language, country FROM member_language WHERE guild_id = ? AND"
                                         " user_id = ?", (guild_id, author_id))
        country = (chosen["country"] if chosen else None) or config.country
        language = note_language(country, config.language, chosen["language"] if chosen else None)
        async with self.db.transaction():
            referral_id = await self._insert(
                guild_id, "screening", screening.tier, [c.value for c in screening.categories],
                [e.as_dict() for e in screening.evidence], None, author_id, None, channel_id, message_id,
                jump_url, content, context,
            )
            if not referral_id:
                return None  # already referred (e.g. the message was edited, or the event came twice)
            if screening.tier >= Tier.URGENT:
                await self.outbox.enqueue(
                    guild_id, "author_support", {"referral_id": referral_id, "user_id": author_id,
                                                 "channel_id": channel_id, "country": country,
                                                 "language": language},
                    dedupe_key=f"author_support:{referral_id}", subject_id=author_id,
                )
            if screening.method_detail and config.hide_method_messages and message_id is not None:
                await self.outbox.enqueue(
                    guild_id, "hide_message", {"referral_id": referral_id, "user_id": author_id,
                                               "channel_id": channel_id, "message_id": message_id},
                    dedupe_key=f"hide_message:{referral_id}", subject_id=author_id,
                )
        return await self.get(referral_id)

    async def flag(
        self, actor: Actor, author_id: int, channel_id: int, message_id: int, jump_url: str, content: str,
        reason: str | None, screening: Screening, context: list[dict[str, Any]] | None = None,
    ) -> Referral:
        """A member's "Flag for professional review". The author is never told who flagged them."""
        reason = clean_text(reason, field="reason", max_len=500, multiline=True) if reason else None
        tier = max(screening.tier, Tier.CONCERN)
        async with self.db.transaction():
            # Counted inside the transaction that records the flag, so simultaneous flags queue behind one
            # another and each sees the ones before it.
            since = to_db(self.clock.now() - timedelta(hours=1))
            recent = await self.db.fetch_value(
                "SELECT COUNT(*) FROM referral_events e JOIN referrals r ON r.id = e.referral_id"
                " WHERE r.guild_id = ? AND e.actor_id = ? AND e.action = 'flagged' AND e.at > ?",
                (actor.guild_id, actor.user_id, since),
            )
            if int(recent) >= self.settings.flags_per_hour:
                raise RateLimited(
                    "You've flagged several messages in the last hour, so I've paused flagging for a little "
                    "while. If someone is in danger right now, please contact a moderator or emergency services "
                    "directly."
                )
            existing = await self.db.fetch_value(
                "SELECT id FROM referrals WHERE guild_id = ? AND message_id = ?", (actor.guild_id, message_id)
            )
            if existing:
                referral_id = int(existing)
                await self._event(referral_id, actor.user_id, "flagged", reason)
                await self._enqueue_card(actor.guild_id, referral_id)
            else:
                referral_id = await self._insert(
                    actor.guild_id, "flag", Tier(tier), [c.value for c in screening.categories],
                    [e.as_dict() for e in screening.evidence], reason, author_id, actor.user_id, channel_id,
                    message_id, jump_url, content, context or [], event="flagged",
                )
        return await self.get(referral_id)

    async def refer(self, actor: Actor, subject_id: int, reason: ReferReason, note: str | None,
                    channel_id: int | None) -> Referral:
        """A peer supporter hands a member on to the professionals with a structured reason."""
        await self.roles.require(actor, PeerRole.PEER_SUPPORTER, PeerRole.FACILITATOR, PeerRole.LEADER,
                                 PeerRole.MODERATOR)
        if subject_id == actor.user_id:
            raise InvalidInput("/refer is for referring a member you support. For yourself, a leader can help.")
        note = clean_text(note, field="note", max_len=1000, multiline=True) if note else None
        text = reason.value + (f": {note}" if note else "")
        async with self.db.transaction():
            referral_id = await self._insert(
                actor.guild_id, "refer", reason.tier, [], [], text, subject_id, actor.user_id, channel_id, None,
                None, None, None, event="referred",
            )
        return await self.get(referral_id)

    async def _insert(
        self, guild_id: int, source: str, tier: Tier, categories: list[str], evidence: list[dict[str, Any]],
        reason: str | None, subject_id: int, flagger_id: int | None, channel_id: int | None,
        message_id: int | None, jump_url: str | None, content: str | None, context: list[dict[str, Any]] | None,
        event: str = "opened",
    ) -> int:
        now = self.clock.now()
        due = now + self.ack_deadline(tier)
        evidence = compact_evidence(evidence, content)
        referral_id = await self.db.execute(
            "INSERT OR IGNORE INTO referrals (guild_id, source, tier, categories, evidence, reason, subject_id,"
            " flagger_id, channel_id, message_id, jump_url, content, context, created_at, ack_due_at,"
            " next_escalation_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (guild_id, source, tier.label, json.dumps(categories), json.dumps(evidence), reason, subject_id,
             flagger_id, channel_id, message_id, jump_url, content,
             json.dumps(context[-CONTEXT_MESSAGES:]) if context is not None else None, to_db(now), to_db(due),
             to_db(due)),
        )
        if referral_id:
            await self._event(referral_id, flagger_id, event, None)
            await self.outbox.enqueue(guild_id, "queue_post", {"referral_id": referral_id},
                                      dedupe_key=f"queue_post:{referral_id}")
        return referral_id

    # ---- reading -------------------------------------------------------------------------------------
    async def get(self, referral_id: int) -> Referral:
        row = await self.db.fetch_one("SELECT * FROM referrals WHERE id = ?", (referral_id,))
        if row is None:
            raise NotFound(f"There is no referral #{referral_id}.")
        data = dict(row)
        data["tier"] = Tier[data["tier"].upper()]
        data["categories"] = json.loads(data["categories"])
        data["evidence"] = json.loads(data["evidence"])
        data["context"] = json.loads(data["context"]) if data["context"] else None
        data["created_at"] = from_db(data["created_at"])
        data["ack_due_at"] = from_db(data["ack_due_at"])
        if data["flagger_id"] and data["subject_id"]:
            data["repeat_flags"] = int(await self.db.fetch_value(
                "SELECT COUNT(*) FROM referral_events e JOIN referrals r ON r.id = e.referral_id"
                " WHERE r.guild_id = ? AND r.subject_id = ? AND e.actor_id = ? AND e.action = 'flagged'"
                " AND e.at > ?",
                (data["guild_id"], data["subject_id"], data["flagger_id"],
                 to_db(self.clock.now() - REPEAT_WINDOW)),
            ))
        for key in ("next_escalation_at", "closed_at", "content_purged_at", "updated_at"):
            data.pop(key, None)
        return Referral(**data)

    async def _in_guild(self, actor: Actor, referral_id: int) -> Referral:
        """A referral from the actor's own server; another server's looks the same as none at all."""
        referral = await self.get(referral_id)
        if referral.guild_id != actor.guild_id:
            raise NotFound(f"There is no referral #{referral_id}.")
        return referral

    async def view(self, actor: Actor, referral_id: int) -> tuple[Referral, list[dict[str, Any]]]:
        """A professional opens a referral; the view itself is logged."""
        await self.roles.require(actor, *STAFF)
        referral = await self._in_guild(actor, referral_id)
        await self.audit.record(actor.guild_id, actor.user_id, "viewed", "referral", referral_id)
        events = await self.db.fetch_all(
            "SELECT actor_id, action, at, detail FROM referral_events WHERE referral_id = ? ORDER BY id",
            (referral_id,),
        )
        return referral, [dict(e) for e in events]

    # ---- moving through the lifecycle ----------------------------------------------------------------
    async def act(self, actor: Actor, referral_id: int, action: str, detail: str | None = None) -> Referral:
        await self.roles.require(actor, *STAFF)
        if action not in TRANSITIONS:
            raise InvalidInput(f"Unknown step “{action}”.")
        allowed_from, target = TRANSITIONS[action]
        detail = clean_text(detail, field="note", max_len=500, multiline=True) if detail else None
        if action == "referred_on" and not detail:
            raise InvalidInput("Please say where the member was referred on to.")
        async with self.db.transaction():
            referral = await self._in_guild(actor, referral_id)
            if referral.state not in allowed_from:
                by = f" by <@{referral.claimed_by}>" if referral.claimed_by else ""
                raise Conflict(f"Referral #{referral_id} is {referral.state.replace('_', ' ')}{by}, so it can't "
                               f"be marked “{action.replace('_', ' ')}” now.")
            now = to_db(self.clock.now())
            outcome = {"false_alarm": "false_alarm", "referred_on": detail}.get(action, referral.outcome)
            await self.db.execute(
                "UPDATE referrals SET state = ?, outcome = ?, claimed_by = COALESCE(claimed_by, ?),"
                " next_escalation_at = CASE WHEN ? = 'open' THEN next_escalation_at END,"
                " closed_at = CASE WHEN ? = 'closed' THEN ? ELSE closed_at END WHERE id = ?",
                (target, outcome, actor.user_id if action == "claim" else None, target, target, now, referral_id),
            )
            await self._event(referral_id, actor.user_id, action, detail)
            await self._enqueue_card(actor.guild_id, referral_id)
        return await self.get(referral_id)

    async def _event(self, referral_id: int, actor_id: int | None, action: str, detail: str | None) -> None:
        await self.db.execute(
            "INSERT INTO referral_events (referral_id, actor_id, action, at, detail) VALUES (?, ?, ?, ?, ?)",
            (referral_id, actor_id, action, to_db(self.clock.now()), detail),
        )

    async def _enqueue_card(self, guild_id: int, referral_id: int) -> None:
        """Refresh the queue card. The key changes with each event, so every change is shown once."""
        count = await self.db.fetch_value("SELECT COUNT(*) FROM referral_events WHERE referral_id = ?",
                                          (referral_id,))
        await self.outbox.enqueue(guild_id, "queue_update", {"referral_id": referral_id},
                                  dedupe_key=f"queue_update:{referral_id}:{count}")

    # ---- time-driven work ----------------------------------------------------------------------------
    async def escalate_due(self) -> list[int]:
        """Escalate every open referral whose deadline (or last reminder) has passed. Safe to call any time."""
        now = self.clock.now()
        rows = await self.db.fetch_all(
            "SELECT id, guild_id, tier, escalations FROM referrals WHERE state = 'open'"
            " AND next_escalation_at <= ?", (to_db(now),),
        )
        for row in rows:
            tier = Tier[row["tier"].upper()]
            count = int(row["escalations"]) + 1
            async with self.db.transaction():
                changed = await self.db.execute(
                    "UPDATE referrals SET escalations = ?, next_escalation_at = ? WHERE id = ? AND state = 'open'"
                    " AND escalations = ?",
                    (count, to_db(now + REMINDER_EVERY[tier]), row["id"], count - 1),
                )
                if not changed:
                    continue
                await self._event(row["id"], None, "escalated", f"reminder {count}")
                await self.outbox.enqueue(row["guild_id"], "escalate", {"referral_id": row["id"], "count": count},
                                          dedupe_key=f"escalate:{row['id']}:{count}")
        return [int(r["id"]) for r in rows]

    async def purge_expired_content(self) -> int:
        """Drop flagged message text once a referral has been closed for the retention period."""
        cutoff = to_db(self.clock.now() - timedelta(days=self.settings.flag_content_retention_days))
        return await self.db.execute(
            "UPDATE referrals SET content = NULL, context = NULL, evidence = '[]', content_purged_at = ?"
            " WHERE state = 'closed' AND closed_at <= ? AND content_purged_at IS NULL",
            (to_db(self.clock.now()), cutoff),
        )

    async def repost_missing_cards(self, guild_id: int, *, limit: int | None = None) -> int:
        """The queue channel works again: queue a card (up to `limit` of them) for every referral still being
        handled that has none there (its card went to the alerts channel meanwhile). Returns how many referrals
        lack a card there, including those whose card is already on its way.

        A referral whose card is still on its way (a pending `queue_post`, perhaps retrying after an answer
        Discord lost) gets no second one: two items posting one card would post it twice."""
        rows = await self.db.fetch_all(
            "SELECT r.id, EXISTS (SELECT 1 FROM outbox o WHERE o.guild_id = r.guild_id AND o.kind = 'queue_post'"
            " AND o.state = 'pending' AND json_extract(o.payload, '$.referral_id') = r.id) AS on_its_way"
            " FROM referrals r WHERE r.guild_id = ? AND r.queue_message_id IS NULL AND r.state != 'closed'"
            " ORDER BY r.id", (guild_id,))
        due = [int(row["id"]) for row in rows if not row["on_its_way"]][:limit]
        stamp = to_db(self.clock.now())
        async with self.db.transaction():
            for referral_id in due:
                await self.outbox.enqueue(guild_id, "queue_post", {"referral_id": referral_id, "repost": True},
                                          dedupe_key=f"queue_post:{referral_id}:repost:{stamp}")
        return len(rows)

    async def set_queue_message(self, referral_id: int, message_id: int) -> None:
        await self.db.execute("UPDATE referrals SET queue_message_id = ? WHERE id = ?", (message_id, referral_id))

    # ---- privacy -------------------------------------------------------------------------------------
    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        """Everything recorded about the member (reasons, notes, evidence, each step), except who flagged them;
        their own words quoted in other referrals; and the flags and referrals they raised."""
        about: list[dict[str, Any]] = []
        for row in await self.db.fetch_all(
            "SELECT id, source, tier, categories, evidence, reason, state, outcome, created_at, closed_at,"
            " channel_id, message_id, jump_url, content FROM referrals WHERE guild_id = ? AND subject_id = ?"
            " ORDER BY id", (guild_id, user_id),
        ):
            item = dict(row)
            item["categories"] = json.loads(item["categories"])
            item["evidence"] = json.loads(item["evidence"])
            # Steps without who took them: a flagger's identity is never part of this export.
            item["events"] = [dict(e) for e in await self.db.fetch_all(
                "SELECT action, at, detail FROM referral_events WHERE referral_id = ? ORDER BY id", (row["id"],))]
            about.append(item)
        quoted = [line.get("text", "") for context, in await self.db.fetch_all(
            "SELECT context FROM referrals WHERE guild_id = ? AND instr(context, ?) > 0", (guild_id, str(user_id)))
            for line in json.loads(context) if line.get("author_id") == user_id]
        raised = await self.db.fetch_all(
            "SELECT r.id, e.action, e.at, e.detail FROM referral_events e JOIN referrals r ON r.id = e.referral_id"
            " WHERE r.guild_id = ? AND e.actor_id = ? AND e.action IN ('flagged', 'referred') ORDER BY e.id",
            (guild_id, user_id),
        )
        return {"about_you": about, "your_words_in_other_referrals": quoted,
                "raised_by_you": [dict(r) for r in raised]}

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        """Erase the member's words and identity; keep the anonymous record that a referral happened, and the
        notes and reasons about them (the professionals' record), with any mention of them taken out."""
        now = to_db(self.clock.now())
        touched: set[int] = set()
        own = [int(r[0]) for r in await self.db.fetch_all(
            "SELECT id FROM referrals WHERE guild_id = ? AND subject_id = ?", (guild_id, user_id))]
        changed = await self.db.execute(
            "UPDATE referrals SET content = NULL, context = NULL, evidence = '[]', subject_id = NULL,"
            " message_id = NULL, jump_url = NULL, channel_id = NULL, content_purged_at = ?"
            " WHERE guild_id = ? AND subject_id = ?",
            (now, guild_id, user_id),
        )
        touched.update(own)
        # Lines they wrote in the context of other members' referrals.
        for referral_id, context in await self.db.fetch_all(
            "SELECT id, context FROM referrals WHERE guild_id = ? AND instr(context, ?) > 0", (guild_id, str(user_id))
        ):
            lines = json.loads(context)
            if any(line.get("author_id") == user_id for line in lines):
                kept = [{"author": ERASED_NAME, "text": ""} if line.get("author_id") == user_id else line
                        for line in lines]
                changed += await self.db.execute("UPDATE referrals SET context = ? WHERE id = ?",
                                                 (json.dumps(kept), referral_id))
                touched.add(int(referral_id))
        in_guild = "referral_id IN (SELECT id FROM referrals WHERE guild_id = ?)"
        changed += await self.db.execute(
            "UPDATE referrals SET flagger_id = NULL WHERE guild_id = ? AND flagger_id = ?", (guild_id, user_id)
        )
        changed += await self.db.execute(
            "UPDATE referrals SET claimed_by = ? WHERE guild_id = ? AND claimed_by = ?",
            (ERASED_ID, guild_id, user_id))
        # Who flagged or referred stays unknown (NULL, as for the bot); steps they took as staff keep the step.
        changed += await self.db.execute(
            f"UPDATE referral_events SET actor_id = CASE WHEN action IN ('flagged', 'referred') THEN NULL ELSE ? END"
            f" WHERE actor_id = ? AND {in_guild}", (ERASED_ID, user_id, guild_id))
        for table, column in (("referrals", "reason"), ("referrals", "outcome")):
            changed += await redact_column(self.db, table, column, user_id, "guild_id = ?", (guild_id,))
        changed += await redact_column(self.db, "referral_events", "detail", user_id, in_guild, (guild_id,))
        for referral_id in sorted(touched):  # the queue card is shown again without them
            await self._event(referral_id, None, "erased", "a member's data was erased")
            await self._enqueue_card(guild_id, referral_id)
        return changed
