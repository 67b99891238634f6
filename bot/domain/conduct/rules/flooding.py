"""Flooding (a burst of messages, or the same message again and again) and mention spam.

Flooding needs the messages before this one, so it keeps a short in-memory window per author and channel. Losing
it on a restart loses only a few seconds of history, which is harmless; nothing here is a timed action.
"""

from __future__ import annotations

from collections import deque
from typing import ClassVar

from bot.domain.conduct.model import Action, Evidence, MessageContext
from bot.domain.conduct.normalise import Folded
from bot.domain.conduct.rules.base import RuleType
from bot.domain.conduct.settings import ResolvedSettings

A = Action


class FloodWatch:
    """The last few messages of each author in each channel: (time, folded text)."""

    KEEP = 10
    MAX_KEYS = 20_000  # authors x channels remembered before the quiet ones are swept out

    def __init__(self) -> None:
        self._recent: dict[tuple[int, int], deque[tuple[float, str]]] = {}

    def observe(self, ctx: MessageContext, key: str) -> tuple[int, int]:
        """Record this message; return how many before it fall in the burst window, and how many were the same
        text within the repeat window."""
        slot = (ctx.channel_id, ctx.author_id)
        recent = self._recent.get(slot)
        if recent is None:
            if len(self._recent) >= self.MAX_KEYS:
                self._sweep(ctx.at)
            self._recent[slot] = deque(((ctx.at, key),), maxlen=self.KEEP)
            return 0, 0
        burst = same = 0
        for at, text in recent:
            age = ctx.at - at
            burst += age <= Flooding.BURST[1]
            same += text == key and age <= Flooding.REPEATS[1]
        recent.append((ctx.at, key))
        return burst, same

    def _sweep(self, now: float) -> None:
        """Forget everyone quiet for longer than the longest window: once per MAX_KEYS new slots at most."""
        window = max(Flooding.BURST[1], Flooding.REPEATS[1])
        self._recent = {slot: recent for slot, recent in self._recent.items() if now - recent[-1][0] <= window}
        if len(self._recent) >= self.MAX_KEYS // 2:  # a crowd all talking at once: start afresh
            self._recent = {}


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
        return ctx.author_id != 0 and not ctx.edited  # every new message counts towards a flood; an edit is none

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        key = folded.words.replace(" ", "")  # "anyone   there?" is "anyone there?" again
        recent, same = self.watch.observe(ctx, key)
        burst, burst_seconds = self.BURST
        repeats, repeat_seconds = self.REPEATS
        whole = (0, len(folded.original), folded.original[:200])
        if key and same + 1 >= repeats:
            return [Evidence(*whole, f"the same message {same + 1} times in {int(repeat_seconds)} seconds")]
        if recent + 1 >= burst:
            return [Evidence(*whole, f"{recent + 1} messages in {int(burst_seconds)} seconds")]
        return []


class MentionSpam(RuleType):
    name = "mention_spam"
    title = "Mention spam"
    reminder = ("Mentioning lots of people at once sends them all a notification, so please mention only the "
                "person you're talking to.")
    defaults = ResolvedSettings(ladder=((A.HIDE, A.WARN), (A.HIDE, A.WARN, A.ESCALATE)))
    LIMIT: ClassVar[int] = 5  # distinct users and roles in one message

    def wanted(self, found: frozenset[str], folded: Folded, ctx: MessageContext) -> bool:
        if ctx.edited:
            return False  # Discord notifies no one of a mention added by an edit
        return ctx.mentions >= self.LIMIT or folded.plain.count("<@") >= self.LIMIT

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        count = max(ctx.mentions, len(set(_mentioned(folded.plain))))
        if count < self.LIMIT:
            return []
        return [Evidence(0, len(folded.original), folded.original[:200], f"{count} people or roles mentioned")]


def _mentioned(text: str) -> list[str]:
    return [part.split(">", 1)[0] for part in text.split("<@")[1:]]
