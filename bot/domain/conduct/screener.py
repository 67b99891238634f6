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
from bot.domain.conduct.normalise import Folded, fold, fold_plain, fold_words, spaced_at_start, trick_literals
from bot.domain.conduct.rules import RuleType, shipped_rules
from bot.domain.conduct.rules.base import cue_literals
from bot.domain.conduct.settings import ResolvedSettings

MAX_CHARS = 4000  # Discord's longest message; anything after it is not read
MAX_EVIDENCE = 20  # pieces of evidence kept per rule: a message of 400 insults needs no 400 spans in its case
NOTHING = Screened()


class ConductScreener:
    def __init__(self, rules: tuple[RuleType, ...] | None = None) -> None:
        self.rules = rules if rules is not None else shipped_rules()
        self.by_name = {rule.name: rule for rule in self.rules}
        self._automaton = ahocorasick.Automaton()
        for literal in trick_literals():  # found in the same pass: the text needs its tricks undone
            self._automaton.add_word(literal, (len(literal), False, ""))
        for literal, whole in cue_literals(self.rules).items():
            self._automaton.add_word(literal, (len(literal), whole, literal))
        self._automaton.make_automaton()
        # Rules that read only their cues are found from the literals seen; the others decide for themselves.
        self._cued = [type(rule).wanted is RuleType.wanted for rule in self.rules]

    def defaults(self) -> dict[str, ResolvedSettings]:
        return {rule.name: rule.defaults for rule in self.rules}

    def _cues(self, text: str, found: set[str]) -> bool:
        """Add the cue literals in the text to `found`; say whether it may hold a trick to undo."""
        last = len(text) - 1
        tricky = False
        for end, (length, whole, literal) in self._automaton.iter(text):
            if not literal:
                tricky = True
                continue
            if whole:
                start = end - length + 1
                if (start and text[start - 1].isalnum()) or (end < last and text[end + 1].isalnum()):
                    continue
            found.add(literal)
        return tricky

    def screen(self, text: str, ctx: MessageContext | None = None,
               settings: Mapping[str, ResolvedSettings] | None = None) -> Screened:
        ctx = ctx or MessageContext(text=text)
        text = text[:MAX_CHARS]
        plain, plain_edits = fold_plain(text)
        found: set[str] = set()
        if self._cues(plain, found) or spaced_at_start(plain):
            folded = fold_words(text, plain, plain_edits)
            if folded.words != plain:
                self._cues(folded.words, found)
        else:
            folded = Folded(text, plain, plain, plain_edits, None)
        cues = frozenset(found)
        matches: list[Match] = []
        skipped: dict[str, str] = {}
        for rule, cued in zip(self.rules, self._cued, strict=True):
            if cued:
                if not cues or any(cues.isdisjoint(group) for group in rule.cue_sets):
                    continue
            elif not rule.wanted(cues, folded, ctx):
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
                matches.append(Match(rule.name, tuple(evidence[:MAX_EVIDENCE])))
        return Screened(tuple(matches), skipped) if matches or skipped else NOTHING
