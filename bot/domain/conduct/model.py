"""What the conduct screener reads and what it finds: a message in context, and matches with their evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class Action(StrEnum):
    """The graduated actions, gentlest first. Removal from a group is always a moderator's decision, never one."""

    NUDGE = "nudge"  # a private reminder of the rule, in its kind wording
    HIDE = "hide"  # delete the message; the author gets their own text back with the reason
    WARN = "warn"  # a recorded strike that expires on its own
    TIMEOUT = "timeout"  # a Discord timeout (needs Moderate Members)
    ESCALATE = "escalate"  # a case in the moderators' queue

    @property
    def sanction(self) -> bool:
        """Something the member may appeal: a nudge or an escalation alone is not a sanction."""
        return self in (Action.HIDE, Action.WARN, Action.TIMEOUT)


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int  # offsets into the message as typed
    end: int
    text: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Match:
    rule: str
    evidence: tuple[Evidence, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "evidence": [e.as_dict() for e in self.evidence]}


class MessageContext(NamedTuple):
    """One message as the screener sees it. Only ids and counts besides the text: no Discord objects.
    A named tuple: one is built for every message, and this is the cheapest immutable record."""

    text: str
    author_id: int = 0
    channel_id: int = 0
    guild_id: int = 0
    role_ids: frozenset[int] = frozenset()
    at: float = 0.0  # seconds (any epoch); flooding compares these
    reply_to_other: bool = False  # a reply to someone else's message: "what an idiot" is then aimed at them
    mentions: int = 0  # distinct users and roles mentioned
    space: str = "group"  # "group" channel or one-to-one "match" space
    edited: bool = False  # an edit of an earlier message: not a new message, and it notifies no one


@dataclass(frozen=True)
class Screened:
    """The screener's answer for one message."""

    matches: tuple[Match, ...] = ()
    skipped: dict[str, str] = field(default_factory=dict)  # rule -> why it did not apply (scope, bypass)

    def __bool__(self) -> bool:
        return bool(self.matches)
