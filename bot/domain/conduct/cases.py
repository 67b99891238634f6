"""Conduct cases: every action taken on a member, with its warnings, timeouts, appeal and outcome, in one model.

A case is written with everything it implies in one transaction: the warning (which expires on its own after
`warning_days`), a timeout when the member now holds `threshold_count` active warnings given within
`threshold_days`, and the Discord effects as outbox items (hide, the member's notice, the timeout, the mod log).
Every later change (pardon, appeal, false positive) is a compare-and-set on the case's `version`, so two
moderators acting at once leave one consistent record and the second is told what happened.
Timed work (warnings expiring, timeouts ending, a member's return to a meeting) is found from the database by
`run_due`, so a restart neither loses nor repeats it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.clock import Clock, from_db, to_db
from bot.domain.audit import AuditLog
from bot.domain.conduct.model import Action
from bot.domain.conduct.policy import PolicyService
from bot.domain.erasure import ERASED_ID, redact_column
from bot.domain.outbox import Outbox
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.text import clean_text
from bot.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from bot.storage.db import Database

EXCERPT_LEN = 300
LADDER_WINDOW = timedelta(days=90)  # earlier offences count towards a rule's ladder for this long
MODERATORS = (PeerRole.MODERATOR,)  # peerbot admins pass every check too


class Source(StrEnum):
    AUTO = "auto"
    MODERATOR = "moderator"
    FACILITATOR = "facilitator"
    AUTOMOD = "automod"


class ConductCase(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    guild_id: int
    member_id: int | None
    source: Source
    rule: str | None
    actor_id: int | None
    group_id: int | None
    channel_id: int | None
    message_id: int | None
    excerpt: str | None
    content: str | None
    evidence: list[dict[str, Any]]
    reason: str | None
    actions: list[Action]
    status: str
    false_positive: bool
    escalation: str
    appeal_state: str | None
    appeal_text: str | None
    appeal_by: int | None
    version: int
    created_at: datetime

    @property
    def sanction(self) -> bool:
        return any(action.sanction for action in self.actions)


@dataclass(frozen=True)
class Decision:
    """What to record: who, what for, and which actions. Built by enforcement, a moderator or a facilitator."""

    guild_id: int
    member_id: int
    source: Source
    actions: tuple[Action, ...]
    rule: str | None = None
    actor_id: int | None = None
    group_id: int | None = None
    channel_id: int | None = None
    message_id: int | None = None
    excerpt: str | None = None
    content: str | None = None  # kept only when the message is hidden, to give it back
    evidence: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    hidden_already: bool = False  # Discord's AutoMod blocked it: nothing to delete, the text is still returned


@dataclass(frozen=True)
class RuleStats:
    rule: str
    actions: int
    false_positives: int

    @property
    def false_positive_share(self) -> float:
        return self.false_positives / self.actions if self.actions else 0.0


class CaseService:
    area = "conduct_cases"

    def __init__(self, db: Database, clock: Clock, roles: RoleService, audit: AuditLog, outbox: Outbox,
                 policy: PolicyService) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.audit = audit
        self.outbox = outbox
        self.policy = policy

    # ---- opening a case ----------------------------------------------------------------------------------
    async def offences(self, guild_id: int, member_id: int, rule: str) -> int:
        """Earlier automatic cases for this rule that still count (not pardoned, not a false positive)."""
        since = to_db(self.clock.now() - LADDER_WINDOW)
        return int(await self.db.fetch_value(
            "SELECT COUNT(*) FROM conduct_cases WHERE guild_id = ? AND member_id = ? AND rule = ?"
            " AND source IN ('auto', 'automod') AND status = 'active' AND false_positive = 0 AND created_at > ?",
            (guild_id, member_id, rule, since),
        ))

    async def open(self, decision: Decision) -> ConductCase | None:
        """Record a decision and everything it implies. None if this message already has a case."""
        config = await self.policy.config(decision.guild_id)
        now = self.clock.now()
        actions = list(dict.fromkeys(decision.actions))
        async with self.db.transaction():
            case_id = await self.db.execute(
                "INSERT OR IGNORE INTO conduct_cases (guild_id, member_id, source, rule, actor_id, group_id,"
                " channel_id, message_id, excerpt, content, evidence, reason, actions, escalation, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (decision.guild_id, decision.member_id, decision.source.value, decision.rule, decision.actor_id,
                 decision.group_id, decision.channel_id, decision.message_id,
                 (decision.excerpt or "")[:EXCERPT_LEN] or None,
                 decision.content if Action.HIDE in actions else None, json.dumps(decision.evidence),
                 decision.reason, json.dumps(actions), "open" if Action.ESCALATE in actions else "none",
                 to_db(now), to_db(now)),
            )
            if not case_id:
                return None
            await self._event(case_id, decision.actor_id, "opened", ", ".join(actions))
            if Action.WARN in actions:
                await self.db.execute(
                    "INSERT INTO conduct_warnings (case_id, guild_id, member_id, issued_at, expires_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (case_id, decision.guild_id, decision.member_id, to_db(now),
                     to_db(now + timedelta(days=config.warning_days))),
                )
                active = int(await self.db.fetch_value(
                    "SELECT COUNT(*) FROM conduct_warnings WHERE guild_id = ? AND member_id = ? AND state = 'active'"
                    " AND issued_at > ?",
                    (decision.guild_id, decision.member_id, to_db(now - timedelta(days=config.threshold_days))),
                ))
                if active >= config.threshold_count and Action.TIMEOUT not in actions:
                    actions.append(Action.TIMEOUT)
                    await self._event(case_id, None, "threshold",
                                      f"{active} active warnings in {config.threshold_days} days")
            if Action.TIMEOUT in actions:
                timeout_id = await self.db.execute(
                    "INSERT INTO conduct_timeouts (case_id, guild_id, member_id, starts_at, ends_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (case_id, decision.guild_id, decision.member_id, to_db(now),
                     to_db(now + timedelta(hours=config.timeout_hours))),
                )
                await self.outbox.enqueue(decision.guild_id, "conduct_timeout", {"timeout_id": timeout_id},
                                          dedupe_key=f"conduct_timeout:{timeout_id}",
                                          subject_id=decision.member_id)
            await self.db.execute("UPDATE conduct_cases SET actions = ? WHERE id = ?", (json.dumps(actions), case_id))
            if Action.HIDE in actions and not decision.hidden_already:
                # The hide handler sends the notice once the message is gone, so the notice says what happened.
                await self.outbox.enqueue(decision.guild_id, "conduct_hide", {"case_id": case_id},
                                          dedupe_key=f"conduct_hide:{case_id}", subject_id=decision.member_id)
            elif Action.NUDGE in actions or any(a.sanction for a in actions):
                await self.queue_notice(decision.guild_id, case_id, decision.member_id)
            await self.queue_modlog(decision.guild_id, case_id, "opened")
        return await self.get(case_id)

    async def amend_for_edit(self, decision: Decision) -> ConductCase | None:
        """The member edited a message that already has a case, and the edit breaks a rule too. Nothing already
        done is done again, and one message never brings a second warning: the edit may only take the message
        down (when it isn't yet; the author gets the edited text back) and put it before the moderators. None when
        the message has no case, or the edit adds nothing."""
        async with self.db.transaction():  # read and change under one lock: two edits at once add things once
            row = await self.db.fetch_one("SELECT id FROM conduct_cases WHERE guild_id = ? AND message_id = ?",
                                          (decision.guild_id, decision.message_id))
            if row is None:
                return None
            case = await self.get(int(row["id"]))
            added = [a for a in (Action.HIDE, Action.ESCALATE) if a in decision.actions and a not in case.actions]
            if case.member_id is None or not added:
                return None
            evidence = case.evidence + [{**e, "edited": True} for e in decision.evidence]
            changes: dict[str, Any] = {"actions": json.dumps([*case.actions, *added]),
                                       "evidence": json.dumps(evidence)}
            if Action.HIDE in added:
                changes["content"] = decision.content
            if Action.ESCALATE in added:
                changes["escalation"] = "open"
            await self._change(case, None, "edited", f"{decision.rule}: " + ", ".join(added), **changes)
            if Action.HIDE in added:
                await self.outbox.enqueue(decision.guild_id, "conduct_hide",
                                          {"case_id": case.id, "round": "edit", "rule": decision.rule},
                                          dedupe_key=f"conduct_hide:{case.id}", subject_id=case.member_id)
            await self.queue_modlog(decision.guild_id, case.id, "edited", round=str(case.version + 1))
        return await self.get(case.id)

    async def queue_notice(self, guild_id: int, case_id: int, member_id: int | None, round: str = "",
                           rule: str | None = None) -> None:
        """The member's notice; a later `round` (an edit that brought more) is a notice of its own, and `rule`
        names the rule it is about when that is not the case's first."""
        payload: dict[str, Any] = {"case_id": case_id} | ({"rule": rule} if rule else {})
        await self.outbox.enqueue(guild_id, "conduct_notice", payload,
                                  dedupe_key=f"conduct_notice:{case_id}" + (f":{round}" if round else ""),
                                  subject_id=member_id)

    async def queue_modlog(self, guild_id: int, case_id: int, event: str, round: str = "") -> None:
        await self.outbox.enqueue(guild_id, "conduct_modlog", {"case_id": case_id, "event": event},
                                  dedupe_key=f"conduct_modlog:{case_id}:{event}" + (f":{round}" if round else ""))

    async def note(self, guild_id: int, text: str, key: str) -> None:
        """A line in the mod log that is not a case: a failure to act, a sync, an expiry."""
        await self.outbox.enqueue(guild_id, "conduct_modlog_note", {"text": text[:1800]},
                                  dedupe_key=f"conduct_note:{key}")

    async def effect_failed(self, case_id: int, action: str, why: str) -> None:
        """A Discord effect could not be carried out (a missing permission): say so in the mod log, never crash."""
        case = await self.get(case_id)
        async with self.db.transaction():
            await self._event(case_id, None, f"{action}_failed", why[:300])
            await self.note(case.guild_id, f"Case #{case_id}: I couldn't {action}. {why}", f"{case_id}:{action}")

    async def effect_done(self, case_id: int, action: str, detail: str | None = None) -> None:
        await self._event(case_id, None, f"{action}_done", detail)

    async def forget_content(self, case_id: int) -> None:
        """The hidden message has been given back to its author: peerbot need not keep it any longer."""
        await self.db.execute("UPDATE conduct_cases SET content = NULL WHERE id = ?", (case_id,))

    async def timeout(self, timeout_id: int) -> dict[str, Any] | None:
        row = await self.db.fetch_one("SELECT * FROM conduct_timeouts WHERE id = ?", (timeout_id,))
        if row is None:
            return None
        data = dict(row)
        data["ends_at"] = from_db(data["ends_at"])
        return data

    # ---- reading -----------------------------------------------------------------------------------------
    async def get(self, case_id: int) -> ConductCase:
        row = await self.db.fetch_one("SELECT * FROM conduct_cases WHERE id = ?", (case_id,))
        if row is None:
            raise NotFound(f"There is no conduct case #{case_id}.")
        data = dict(row)
        data["evidence"] = json.loads(data["evidence"])
        data["actions"] = [Action(a) for a in json.loads(data["actions"])]
        data["created_at"] = from_db(data["created_at"])
        data["false_positive"] = bool(data["false_positive"])
        data.pop("updated_at")
        return ConductCase(**data)

    async def in_guild(self, actor: Actor, case_id: int) -> ConductCase:
        case = await self.get(case_id)
        if case.guild_id != actor.guild_id:
            raise NotFound(f"There is no conduct case #{case_id}.")
        return case

    async def events(self, case_id: int) -> list[dict[str, Any]]:
        rows = await self.db.fetch_all(
            "SELECT actor_id, action, at, detail FROM conduct_case_events WHERE case_id = ? ORDER BY id", (case_id,)
        )
        return [dict(r) for r in rows]

    async def history(self, actor: Actor, member_id: int, limit: int = 20) -> tuple[list[ConductCase], int]:
        """A member's cases (newest first) and how many warnings are active now. The view is audited."""
        await self.roles.require(actor, *MODERATORS)
        rows = await self.db.fetch_all(
            "SELECT id FROM conduct_cases WHERE guild_id = ? AND member_id = ? ORDER BY id DESC LIMIT ?",
            (actor.guild_id, member_id, limit),
        )
        active = int(await self.db.fetch_value(
            "SELECT COUNT(*) FROM conduct_warnings WHERE guild_id = ? AND member_id = ? AND state = 'active'",
            (actor.guild_id, member_id),
        ))
        await self.audit.record(actor.guild_id, actor.user_id, "viewed", "conduct_history", member_id)
        return [await self.get(int(r["id"])) for r in rows], active

    async def stats(self, actor: Actor) -> list[RuleStats]:
        """Each rule's automatic actions and how many a moderator marked as false positives."""
        await self.roles.require(actor, *MODERATORS)
        rows = await self.db.fetch_all(
            "SELECT rule, COUNT(*) AS n, SUM(false_positive) AS fp FROM conduct_cases WHERE guild_id = ?"
            " AND source IN ('auto', 'automod') AND rule IS NOT NULL GROUP BY rule ORDER BY n DESC, rule",
            (actor.guild_id,),
        )
        return [RuleStats(str(r["rule"]), int(r["n"]), int(r["fp"] or 0)) for r in rows]

    # ---- changing a case: every change is a compare-and-set on its version -------------------------------
    async def _change(self, case: ConductCase, actor_id: int | None, event: str, detail: str | None,
                      **fields: Any) -> None:
        assignments = "".join(f"{name} = ?, " for name in fields)
        changed = await self.db.execute(
            f"UPDATE conduct_cases SET {assignments}version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
            (*fields.values(), to_db(self.clock.now()), case.id, case.version),
        )
        if not changed:
            raise Conflict(f"Someone else changed case #{case.id} just now, so I didn't change it. "
                           "/conduct case shows it as it is now.")
        await self._event(case.id, actor_id, event, detail)

    async def _undo_sanctions(self, case: ConductCase) -> None:
        """Warnings stop counting and a running timeout is lifted (the member is told by the caller)."""
        await self.db.execute("UPDATE conduct_warnings SET state = 'pardoned' WHERE case_id = ? AND state = 'active'",
                              (case.id,))
        rows = await self.db.fetch_all(
            "SELECT id FROM conduct_timeouts WHERE case_id = ? AND state = 'active'", (case.id,)
        )
        for row in rows:
            await self.db.execute("UPDATE conduct_timeouts SET state = 'lifted' WHERE id = ?", (row["id"],))
            await self.outbox.enqueue(case.guild_id, "conduct_untimeout", {"timeout_id": row["id"]},
                                      dedupe_key=f"conduct_untimeout:{row['id']}", subject_id=case.member_id)

    async def _tell(self, case: ConductCase, text: str, key: str) -> None:
        """A DM to the member a case is about (unless they erased their data)."""
        if case.member_id is not None:
            await self.outbox.enqueue(case.guild_id, "dm", {"user_id": case.member_id, "text": text},
                                      dedupe_key=f"conduct_tell:{case.id}:{key}", subject_id=case.member_id)

    async def pardon(self, actor: Actor, case_id: int, reason: str | None) -> ConductCase:
        await self.roles.require(actor, *MODERATORS)
        case = await self.in_guild(actor, case_id)
        if case.status != "active":
            raise Conflict(f"Case #{case_id} is already {case.status}; nothing to pardon.")
        reason = clean_text(reason, field="reason", max_len=500, multiline=True) if reason else None
        async with self.db.transaction():
            await self._change(case, actor.user_id, "pardoned", reason, status="pardoned",
                               escalation="closed" if case.escalation == "open" else case.escalation)
            await self._undo_sanctions(case)
            await self._tell(case, f"A moderator has pardoned case #{case.id}: it no longer counts against you."
                             + (f" Their note: {reason}" if reason else ""), "pardon")
            await self.queue_modlog(case.guild_id, case.id, "pardoned")
        return await self.get(case_id)

    async def mark_false_positive(self, actor: Actor, case_id: int) -> ConductCase:
        """An automatic action that should not have happened: it stops counting, and the rule's stats show it."""
        await self.roles.require(actor, *MODERATORS)
        case = await self.in_guild(actor, case_id)
        if case.source not in (Source.AUTO, Source.AUTOMOD):
            raise InvalidInput("Only automatic actions can be marked as false positives; use /conduct pardon.")
        if case.false_positive:
            raise Conflict(f"Case #{case_id} is already marked as a false positive.")
        async with self.db.transaction():
            status = "pardoned" if case.status == "active" else case.status
            await self._change(case, actor.user_id, "false_positive", None, false_positive=1, status=status,
                               escalation="closed" if case.escalation == "open" else case.escalation)
            if case.status == "active":
                await self._undo_sanctions(case)
                await self._tell(case, f"I made a mistake with case #{case.id}, and a moderator has undone it. "
                                 "Sorry about that: it doesn't count against you.", "fp")
            await self.queue_modlog(case.guild_id, case.id, "false_positive")
        return await self.get(case_id)

    async def resolve(self, actor: Actor, case_id: int) -> ConductCase:
        """A moderator has dealt with an escalated case and leaves it as it is."""
        await self.roles.require(actor, *MODERATORS)
        case = await self.in_guild(actor, case_id)
        if case.escalation != "open":
            raise Conflict(f"Case #{case_id} isn't waiting for a moderator.")
        async with self.db.transaction():
            await self._change(case, actor.user_id, "resolved", None, escalation="closed")
            await self.queue_modlog(case.guild_id, case.id, "resolved")
        return await self.get(case_id)

    async def appeal(self, user_id: int, case_id: int, text: str) -> ConductCase:
        """The member asks a moderator other than the one who acted to look again. Works from a DM."""
        case = await self.get(case_id)
        if case.member_id != user_id:
            raise PermissionDenied("Only the member a case is about can appeal it.")
        if not case.sanction or case.status != "active":
            raise Conflict(f"Case #{case_id} can't be appealed: it is {case.status}, or asked nothing of you.")
        if case.appeal_state is not None:
            raise Conflict(f"You've already appealed case #{case_id}; a moderator will tell you the outcome.")
        text = clean_text(text, field="appeal", max_len=1000, multiline=True)
        async with self.db.transaction():
            await self._change(case, user_id, "appealed", None, appeal_state="pending", appeal_text=text)
            await self.queue_modlog(case.guild_id, case.id, "appealed")
        return await self.get(case_id)

    async def decide_appeal(self, actor: Actor, case_id: int, *, uphold: bool, note: str | None) -> ConductCase:
        await self.roles.require(actor, *MODERATORS)
        case = await self.in_guild(actor, case_id)
        if case.appeal_state != "pending":
            raise Conflict(f"Case #{case_id} has no appeal waiting.")
        if actor.user_id in (case.actor_id, case.member_id):
            raise PermissionDenied("An appeal goes to a moderator other than the one who acted (and never to the "
                                   "member themselves). Please leave this one to a colleague.")
        note = clean_text(note, field="note", max_len=500, multiline=True) if note else None
        outcome = "upheld" if uphold else "overturned"
        async with self.db.transaction():
            changes: dict[str, Any] = {"appeal_state": outcome, "appeal_by": actor.user_id}
            if not uphold:
                changes["status"] = "overturned"
            await self._change(case, actor.user_id, f"appeal_{outcome}", note, **changes)
            if not uphold:
                await self._undo_sanctions(case)
            told = (f"A moderator who wasn't involved has looked at your appeal of case #{case.id}. "
                    + ("They've decided the action stands." if uphold else "They've overturned it: it no longer "
                       "counts against you.") + (f" Their note: {note}" if note else ""))
            await self._tell(case, told, "appeal")
            await self.queue_modlog(case.guild_id, case.id, f"appeal_{outcome}")
        return await self.get(case_id)

    # ---- time --------------------------------------------------------------------------------------------
    async def run_due(self) -> int:
        """Expire warnings, end timeouts, let removed members back into meetings: whatever is due now."""
        now = to_db(self.clock.now())
        done = 0
        async with self.db.transaction():
            done += await self.db.execute(
                "UPDATE conduct_warnings SET state = 'expired' WHERE state = 'active' AND expires_at <= ?", (now,)
            )
            for row in await self.db.fetch_all(
                "SELECT id, guild_id, member_id FROM conduct_timeouts WHERE state = 'active' AND ends_at <= ?", (now,)
            ):
                await self.db.execute("UPDATE conduct_timeouts SET state = 'ended' WHERE id = ? AND state = 'active'",
                                      (row["id"],))
                await self.outbox.enqueue(
                    row["guild_id"], "dm", {"user_id": row["member_id"], "text": "Your timeout has ended, and you "
                                            "can post again. Welcome back."},
                    dedupe_key=f"conduct_timeout_ended:{row['id']}", subject_id=row["member_id"])
                done += 1
            for row in await self.db.fetch_all(
                "SELECT occurrence_id, guild_id, member_id, channel_id FROM conduct_meeting_removals"
                " WHERE state = 'active' AND ends_at <= ?", (now,)
            ):
                await self.db.execute(
                    "UPDATE conduct_meeting_removals SET state = 'restored' WHERE occurrence_id = ? AND member_id = ?",
                    (row["occurrence_id"], row["member_id"]),
                )
                await self.outbox.enqueue(
                    row["guild_id"], "conduct_meeting_return",
                    {"channel_id": row["channel_id"], "user_id": row["member_id"]},
                    dedupe_key=f"conduct_meeting_return:{row['occurrence_id']}:{row['member_id']}",
                    subject_id=row["member_id"])
                done += 1
        return done

    async def next_due(self) -> datetime | None:
        value = await self.db.fetch_value(
            "SELECT MIN(t) FROM (SELECT MIN(expires_at) AS t FROM conduct_warnings WHERE state = 'active'"
            " UNION ALL SELECT MIN(ends_at) FROM conduct_timeouts WHERE state = 'active'"
            " UNION ALL SELECT MIN(ends_at) FROM conduct_meeting_removals WHERE state = 'active')"
        )
        return from_db(value) if value else None

    async def _event(self, case_id: int, actor_id: int | None, action: str, detail: str | None) -> None:
        await self.db.execute(
            "INSERT INTO conduct_case_events (case_id, actor_id, action, at, detail) VALUES (?, ?, ?, ?, ?)",
            (case_id, actor_id, action, to_db(self.clock.now()), detail),
        )

    # ---- privacy -----------------------------------------------------------------------------------------
    async def export_member(self, guild_id: int, user_id: int) -> dict[str, Any]:
        cases = await self.db.fetch_all(
            "SELECT id, source, rule, excerpt, actions, status, false_positive, appeal_state, appeal_text,"
            " created_at FROM conduct_cases WHERE guild_id = ? AND member_id = ? ORDER BY id", (guild_id, user_id))
        warnings = await self.db.fetch_all(
            "SELECT case_id, issued_at, expires_at, state FROM conduct_warnings WHERE guild_id = ? AND member_id = ?"
            " ORDER BY id", (guild_id, user_id))
        timeouts = await self.db.fetch_all(
            "SELECT case_id, starts_at, ends_at, state FROM conduct_timeouts WHERE guild_id = ? AND member_id = ?"
            " ORDER BY id", (guild_id, user_id))
        removals = await self.db.fetch_all(
            "SELECT occurrence_id, ends_at, state FROM conduct_meeting_removals WHERE guild_id = ? AND member_id = ?",
            (guild_id, user_id))
        return {
            "cases": [{**dict(r), "actions": json.loads(r["actions"]), "false_positive": bool(r["false_positive"])}
                      for r in cases],
            "warnings": [dict(r) for r in warnings],
            "timeouts": [dict(r) for r in timeouts],
            "meeting_removals": [dict(r) for r in removals],
        }

    async def delete_member(self, guild_id: int, user_id: int) -> int:
        """The member's words, id, message and channel go; an anonymous case stays, so a rule's stats still add up.
        Where they acted on someone else's case (as a moderator or facilitator), the case stays with ERASED_ID."""
        count = 0
        for table in ("conduct_warnings", "conduct_timeouts", "conduct_meeting_removals"):
            count += await self.db.execute(f"DELETE FROM {table} WHERE guild_id = ? AND member_id = ?",
                                           (guild_id, user_id))
        of_guild = "case_id IN (SELECT id FROM conduct_cases WHERE guild_id = ?)"
        count += await self.db.execute(  # their own steps on their own cases (an appeal): nobody's now
            f"UPDATE conduct_case_events SET actor_id = NULL WHERE actor_id = ? AND {of_guild}"
            " AND case_id IN (SELECT id FROM conduct_cases WHERE member_id = ?)", (user_id, guild_id, user_id))
        count += await self.db.execute(
            "UPDATE conduct_cases SET member_id = NULL, excerpt = NULL, content = NULL, evidence = '[]',"
            " appeal_text = NULL, message_id = NULL, channel_id = NULL, version = version + 1"
            " WHERE guild_id = ? AND member_id = ?", (guild_id, user_id))
        for column in ("actor_id", "appeal_by"):
            count += await self.db.execute(
                f"UPDATE conduct_cases SET {column} = ? WHERE guild_id = ? AND {column} = ?",
                (ERASED_ID, guild_id, user_id))
        in_guild = "case_id IN (SELECT id FROM conduct_cases WHERE guild_id = ?)"
        count += await self.db.execute(f"UPDATE conduct_case_events SET actor_id = ? WHERE actor_id = ? AND {in_guild}",
                                       (ERASED_ID, user_id, guild_id))
        count += await redact_column(self.db, "conduct_cases", "reason", user_id, "guild_id = ?", (guild_id,))
        count += await redact_column(self.db, "conduct_case_events", "detail", user_id, in_guild, (guild_id,))
        count += await self.db.execute(
            "UPDATE conduct_rule_settings SET updated_by = ? WHERE guild_id = ? AND updated_by = ?",
            (ERASED_ID, guild_id, user_id))
        return count
