"""Upholding the code: from a message (or a moderator, a facilitator, or Discord's AutoMod) to a case.

For a message in a screened space: a prompt to accept a new version of the code once its grace period is over
(a prompt, never a sanction); then the screener with the group's settings; then, only when something matched,
the distress gate (which may take milliseconds, so it runs in a worker thread); then each matched rule's ladder
step for this member's offence, united into one case.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import Clock, from_db, to_db
from bot.domain.conduct.cases import CaseService, ConductCase, Decision, Source
from bot.domain.conduct.code import ConductService
from bot.domain.conduct.distress import DistressGate
from bot.domain.conduct.model import Action, Match, MessageContext
from bot.domain.conduct.policy import PolicyService
from bot.domain.conduct.screener import ConductScreener
from bot.domain.meetings.model import OccurrenceState
from bot.domain.meetings.schedule import SeriesService
from bot.domain.meetings.timeline import MeetingTimeline
from bot.domain.outbox import Outbox
from bot.domain.roles import Actor, PeerRole, RoleService
from bot.domain.spaces import ScreenedSpaces
from bot.domain.text import clean_text
from bot.errors import Conflict, InvalidInput
from bot.storage.db import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Incoming:
    """A message as the adapter saw it: ids, counts and the text, nothing from discord.py."""

    guild_id: int
    channel_id: int
    message_id: int
    author_id: int
    content: str
    at: datetime
    role_ids: frozenset[int] = frozenset()
    reply_to_other: bool = False
    mentions: int = 0


@dataclass(frozen=True)
class Outcome:
    matches: tuple[Match, ...] = ()
    left_alone: str | None = None  # why nothing was done although a rule matched (distress)
    case: ConductCase | None = None


class Enforcement:
    def __init__(self, db: Database, clock: Clock, roles: RoleService, outbox: Outbox, policy: PolicyService,
                 cases: CaseService, code: ConductService, screener: ConductScreener, gate: DistressGate,
                 spaces: ScreenedSpaces, meetings: SeriesService, timeline: MeetingTimeline) -> None:
        self.db = db
        self.clock = clock
        self.roles = roles
        self.outbox = outbox
        self.policy = policy
        self.cases = cases
        self.code = code
        self.screener = screener
        self.gate = gate
        self.spaces = spaces
        self.meetings = meetings
        self.timeline = timeline

    async def on_message(self, message: Incoming) -> Outcome | None:
        """None when the channel is not screened; otherwise what conduct found and did."""
        return await self._screen(message, edited=False)

    async def on_edit(self, message: Incoming) -> Outcome | None:
        """An edited message, screened again as if new: an edit into a breach is acted on, and distress in it is
        left to the referral path (which screens edits too). An edit is not a new message: it counts towards no
        flood, its mentions notify no one, it brings no prompt, and it never repeats what its message already
        brought (CaseService.amend_for_edit)."""
        return await self._screen(message, edited=True)

    async def _screen(self, message: Incoming, *, edited: bool) -> Outcome | None:
        space = await self.spaces.space_of(message.channel_id)
        if space is None:
            return None
        if not edited and self.gate.family(message.content) is None:  # never a prompt in reply to distress
            await self._prompt_new_version(message.guild_id, message.author_id)
        config = await self.policy.config(message.guild_id)
        if not config.screening_enabled:
            return Outcome()
        settings = await self.policy.resolved(message.guild_id, space.group_id)
        ctx = MessageContext(
            text=message.content, author_id=message.author_id, channel_id=message.channel_id,
            guild_id=message.guild_id, role_ids=message.role_ids, at=message.at.timestamp(),
            reply_to_other=message.reply_to_other, mentions=message.mentions, space=space.kind, edited=edited,
        )
        screened = self.screener.screen(message.content, ctx, settings)
        if not screened:
            return Outcome()
        why = await asyncio.to_thread(self.gate.why_not_act, message.content)
        if why is not None:
            log.info("conduct left message %s alone: %s", message.message_id, why)
            return Outcome(screened.matches, left_alone=why)
        actions: list[Action] = []
        for match in screened.matches:
            offence = await self.cases.offences(message.guild_id, message.author_id, match.rule) + 1
            actions += settings[match.rule].step(offence)
        primary = screened.matches[0]
        evidence = [{"rule": m.rule, **e.as_dict()} for m in screened.matches for e in m.evidence]
        decision = Decision(
            guild_id=message.guild_id, member_id=message.author_id, source=Source.AUTO,
            actions=tuple(a for a in Action if a in actions), rule=primary.rule, group_id=space.group_id,
            channel_id=message.channel_id, message_id=message.message_id,
            excerpt=" … ".join(e.text for e in primary.evidence), content=message.content, evidence=evidence,
        )
        case = await self.cases.open(decision)
        if case is None and edited:  # the message already has a case: add only what it lacks
            case = await self.cases.amend_for_edit(decision)
        return Outcome(screened.matches, case=case)

    async def _prompt_new_version(self, guild_id: int, user_id: int) -> None:
        """After the grace period, a member who hasn't accepted the current code gets one private prompt."""
        current = await self.code.current(guild_id)
        if current is None:
            return
        config = await self.policy.config(guild_id)
        if self.clock.now() < from_db(current.created_at) + timedelta(days=config.grace_days):
            return
        if await self.code.accepted_version(guild_id, user_id) == current.version:
            return
        await self.outbox.enqueue(guild_id, "conduct_code_prompt", {"user_id": user_id, "version": current.version},
                                  dedupe_key=f"conduct_prompt:{guild_id}:{user_id}:{current.version}",
                                  subject_id=user_id)

    # ---- moderators and facilitators ---------------------------------------------------------------------
    async def warn(self, actor: Actor, member_id: int, reason: str, rule: str | None = None) -> ConductCase:
        await self.roles.require(actor, PeerRole.MODERATOR)
        if member_id == actor.user_id:
            raise InvalidInput("You can't warn yourself.")
        if rule is not None and rule not in self.screener.by_name:
            raise InvalidInput(f"There is no rule called “{rule[:40]}”.")
        reason = clean_text(reason, field="reason", max_len=500, multiline=True)
        case = await self.cases.open(Decision(
            guild_id=actor.guild_id, member_id=member_id, source=Source.MODERATOR, actions=(Action.WARN,),
            rule=rule, actor_id=actor.user_id, reason=reason,
        ))
        assert case is not None  # no message id, so never a duplicate
        return case

    async def in_meeting(self, actor: Actor, channel_id: int, member_id: int, action: str,
                         reason: str | None) -> ConductCase:
        """A facilitator of the meeting running in this channel nudges, warns, or removes a member from it."""
        occurrence = await self.timeline.open_in_channel(actor.guild_id, channel_id)
        if occurrence is None or occurrence.state is not OccurrenceState.OPEN:
            raise Conflict("There's no meeting running in this channel right now.")
        await self.meetings.require_runner(actor, occurrence)
        if member_id == actor.user_id:
            raise InvalidInput("That would be you.")
        if action not in ("nudge", "warn", "remove"):
            raise InvalidInput("In a meeting you can nudge, warn, or remove a member from it.")
        reason = clean_text(reason, field="reason", max_len=500, multiline=True) if reason else None
        if action == "warn" and not reason:
            raise InvalidInput("Please say what the warning is for; the member will read it.")
        actions = {"nudge": (Action.NUDGE,), "warn": (Action.WARN,), "remove": ()}[action]
        async with self.db.transaction():
            case = await self.cases.open(Decision(
                guild_id=actor.guild_id, member_id=member_id, source=Source.FACILITATOR, actions=actions,
                actor_id=actor.user_id, group_id=occurrence.group_id, channel_id=channel_id,
                reason=reason or ("removed from the meeting" if action == "remove" else None),
            ))
            assert case is not None
            if action == "remove":
                await self.db.execute(
                    "INSERT INTO conduct_meeting_removals (occurrence_id, guild_id, member_id, channel_id, case_id,"
                    " ends_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (occurrence_id, member_id) DO UPDATE SET"
                    " state = 'active', case_id = excluded.case_id",
                    (occurrence.id, actor.guild_id, member_id, channel_id, case.id, to_db(occurrence.ends_at)),
                )
                await self.outbox.enqueue(
                    actor.guild_id, "conduct_meeting_remove", {"channel_id": channel_id, "user_id": member_id,
                                                               "case_id": case.id},
                    dedupe_key=f"conduct_meeting_remove:{occurrence.id}:{member_id}:{case.id}", subject_id=member_id)
                await self.outbox.enqueue(
                    actor.guild_id, "dm", {"user_id": member_id, "text": (
                        f"A facilitator has asked you to step out of today's meeting ({occurrence.label})."
                        + (f" Their words: {reason}" if reason else "") + " You're welcome back at the next one, "
                        "and a moderator can help if you'd like to talk it through.")},
                    dedupe_key=f"conduct_meeting_removed_dm:{case.id}", subject_id=member_id)
        return case

    # ---- Discord's AutoMod, while peerbot runs -----------------------------------------------------------
    async def automod_blocked(self, guild_id: int, member_id: int, rule: str, channel_id: int | None,
                              content: str, matched: str | None) -> ConductCase | None:
        """AutoMod blocked a message under one of peerbot's rules: a case, and the member gets their text back.
        Distress is never a case, even when a keyword matched."""
        if content and await asyncio.to_thread(self.gate.why_not_act, content) is not None:
            return None
        space = await self.spaces.space_of(channel_id) if channel_id else None
        return await self.cases.open(Decision(
            guild_id=guild_id, member_id=member_id, source=Source.AUTOMOD, actions=(Action.HIDE,), rule=rule,
            group_id=space.group_id if space else None, channel_id=channel_id, excerpt=matched or content[:80],
            content=content or None, hidden_already=True,
            evidence=[{"rule": rule, "text": matched or "", "reason": "blocked by Discord AutoMod"}],
        ))
