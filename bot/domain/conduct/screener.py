"""The conduct screener: one message in, the rules it breaks and the evidence for each out. Pure and fast.

1. Fold the text for matching (normalise.py); the original is kept for evidence.
2. One Aho-Corasick pass (pyahocorasick) finds every cue literal any rule needs. An ordinary message holds none
   of the cues of most rules, so most rules never run.
3. Each rule that is wanted, and whose settings apply here (enabled, space, channel, bypass roles), looks for
   evidence. Evidence that holds an allow-list entry is dropped.

Distress is judged apart (distress.py), only for messages with a match, because it costs more.
"""

from __future__ import annotations

from collections.abc import Mapping

import ahocorasick

from bot.domain.conduct.model import Match, MessageContext, Screened
from bot.domain.conduct.normalise import fold
from bot.domain.conduct.rules import RuleType, shipped_rules
from bot.domain.conduct.rules.base import cue_literals
from bot.domain.conduct.settings import ResolvedSettings

MAX_CHARS = 4000  # Discord's longest message; anything after it is not read


class ConductScreener:
    def __init__(self, rules: tuple[RuleType, ...] | None = None) -> None:
        self.rules = rules if rules is not None else shipped_rules()
        self.by_name = {rule.name: rule for rule in self.rules}
        self._automaton = ahocorasick.Automaton()
        for literal, whole in cue_literals(self.rules).items():
            self._automaton.add_word(literal, (len(literal), whole, literal))
        self._automaton.make_automaton()

    def defaults(self) -> dict[str, ResolvedSettings]:
        return {rule.name: rule.defaults for rule in self.rules}

    def _cues(self, text: str, found: set[str]) -> None:
        last = len(text) - 1
        for end, (length, whole, literal) in self._automaton.iter(text):
            if whole:
                start = end - length + 1
                if (start and text[start - 1].isalnum()) or (end < last and text[end + 1].isalnum()):
                    continue
            found.add(literal)

    def screen(self, text: str, ctx: MessageContext | None = None,
               settings: Mapping[str, ResolvedSettings] | None = None) -> Screened:
        ctx = ctx or MessageContext(text=text)
        folded = fold(text[:MAX_CHARS])
        found: set[str] = set()
        self._cues(folded.words, found)
        if folded.plain != folded.words:
            self._cues(folded.plain, found)
        cues = frozenset(found)
        matches: list[Match] = []
        skipped: dict[str, str] = {}
        for rule in self.rules:
            if not rule.wanted(cues, folded, ctx):
                continue
            applied = settings.get(rule.name, rule.defaults) if settings is not None else rule.defaults
            why_not = applied.why_not(ctx)
            if why_not is not None:
                skipped[rule.name] = why_not
                continue
            evidence = rule.find(folded, ctx, applied)
            if applied.allow:
                evidence = [e for e in evidence if not applied.allows(fold(e.text).plain)]
            if evidence:
                matches.append(Match(rule.name, tuple(evidence)))
        return Screened(tuple(matches), skipped)
