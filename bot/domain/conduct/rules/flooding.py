"""Flooding (a burst of messages, or the same message again and again) and mention spam.

Flooding needs the messages before this one, so it keeps a short in-memory window per author and channel. Losing
it on a restart loses only a few seconds of history, which is harmless; nothing here is a timed action.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from typing import ClassVar

from bot.domain.conduct.model import Action, Evidence, MessageContext
from bot.domain.conduct.normalise import Folded
from bot.domain.conduct.rules.base import RuleType
from bot.domain.conduct.settings import ResolvedSettings

A = Action


class FloodWatch:
    """The last few messages of each author in each channel: (time, folded text)."""

    KEEP = 10
    MAX_KEYS = 20_000  # authors x channels remembered; the least recently active are forgotten first

    def __init__(self) -> None:
        self._recent: OrderedDict[tuple[int, int], deque[tuple[float, str]]] = OrderedDict()

    def observe(self, ctx: MessageContext, key: str) -> list[tuple[float, str]]:
        """Record this message and return the ones before it (oldest first)."""
        slot = (ctx.channel_id, ctx.author_id)
        recent = self._recent.get(slot)
        if recent is None:
            recent = self._recent[slot] = deque(maxlen=self.KEEP)
            if len(self._recent) > self.MAX_KEYS:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(slot)
        earlier = list(recent)
        recent.append((ctx.at, key))
        return earlier


class Flooding(RuleType):
    name = "flooding"
    title = "Flooding and repeated messages"
    reminder = ("Lots of messages in a row make it hard for others to be heard, so please slow down a little. "
                "If something is urgent, a moderator or facilitator can help.")
    defaults = ResolvedSettings(ladder=((A.NUDGE,), (A.HIDE, A.WARN)))
    BURST: ClassVar[tuple[int, float]] = (8, 10.0)  # 8 messages within 10 seconds
    REPEATS: ClassVar[tuple[int, float]] = (3, 120.0)  # the same message 3 times within 2 minutes

    def __init__(self, watch: FloodWatch | None = None) -> None:
        self.watch = watch or FloodWatch()

    def wanted(self, found: frozenset[str], folded: Folded, ctx: MessageContext) -> bool:
        return ctx.author_id != 0  # every message counts towards a flood

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        key = " ".join(folded.words.split())
        earlier = self.watch.observe(ctx, key)
        burst, burst_seconds = self.BURST
        repeats, repeat_seconds = self.REPEATS
        recent = [at for at, _ in earlier if ctx.at - at <= burst_seconds]
        same = [at for at, text in earlier if text == key and ctx.at - at <= repeat_seconds]
        whole = (0, len(folded.original), folded.original[:200])
        if key and len(same) + 1 >= repeats:
            return [Evidence(*whole, f"the same message {len(same) + 1} times in {int(repeat_seconds)} seconds")]
        if len(recent) + 1 >= burst:
            return [Evidence(*whole, f"{len(recent) + 1} messages in {int(burst_seconds)} seconds")]
        return []


class MentionSpam(RuleType):
    name = "mention_spam"
    title = "Mention spam"
    reminder = ("Mentioning lots of people at once sends them all a notification, so please mention only the "
                "person you're talking to.")
    defaults = ResolvedSettings(ladder=((A.HIDE, A.WARN), (A.HIDE, A.WARN, A.ESCALATE)))
    LIMIT: ClassVar[int] = 5  # distinct users and roles in one message

    def wanted(self, found: frozenset[str], folded: Folded, ctx: MessageContext) -> bool:
        return ctx.mentions >= self.LIMIT or folded.plain.count("<@") >= self.LIMIT

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        count = max(ctx.mentions, len(set(_mentioned(folded.plain))))
        if count < self.LIMIT:
            return []
        return [Evidence(0, len(folded.original), folded.original[:200], f"{count} people or roles mentioned")]


def _mentioned(text: str) -> list[str]:
    return [part.split(">", 1)[0] for part in text.split("<@")[1:]]
