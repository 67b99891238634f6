"""What a rule type is. See docs/architecture.md, "How to add a conduct rule type".

A rule type is a class: its name, its kind wording for the member, its default settings, the literals that must
appear before it is worth running (`cues`), and `find`, which returns the evidence. The screener builds one
prefilter from every rule's cues, so a message that holds none of them costs one pass for all rules together.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import ClassVar

from bot.domain.conduct.model import Evidence, MessageContext
from bot.domain.conduct.normalise import Folded
from bot.domain.conduct.settings import ResolvedSettings


class RuleType(ABC):
    name: ClassVar[str]  # stored in cases and settings; never rename one that has shipped
    title: ClassVar[str]  # for moderators: "Insults aimed at a person"
    reminder: ClassVar[str]  # for the member: kind, says what the rule asks, never shames
    defaults: ClassVar[ResolvedSettings]
    # Groups of literals; the rule runs only when every group has at least one literal in the message. A literal
    # ending in "*" may run on into a longer word; any other must stand as a whole word ("ass" is not in "class").
    cues: ClassVar[tuple[tuple[str, ...], ...]] = ()

    def wanted(self, found: frozenset[str], folded: Folded, ctx: MessageContext) -> bool:
        """Should `find` run? By default: every group of cues was found. Override for cues that are not words."""
        return bool(self.cues) and not any(found.isdisjoint(group) for group in self.cue_sets)

    @abstractmethod
    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        """The evidence that this message breaks the rule, with spans in the original text; [] if it does not."""

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls.cue_sets = tuple(frozenset(_key(c) for c in group) for group in cls.cues)

    cue_sets: ClassVar[tuple[frozenset[str], ...]] = ()  # the cues as the prefilter reports them


def _key(cue: str) -> str:
    return cue.rstrip("*")


def cue_literals(rules: Iterable[RuleType]) -> dict[str, bool]:
    """Every literal any rule needs -> whether it must stand as a whole word."""
    literals: dict[str, bool] = {}
    for rule in rules:
        for group in rule.cues:
            for cue in group:
                whole = not cue.endswith("*")
                literals[_key(cue)] = literals.get(_key(cue), True) and whole
    return literals


def evidence_in_words(folded: Folded, match: re.Match[str], reason: str, group: int | str = 0) -> Evidence:
    start, end = folded.from_words(*match.span(group))
    return Evidence(start, end, folded.original[start:end], reason)


def evidence_in_plain(folded: Folded, match: re.Match[str], reason: str, group: int | str = 0) -> Evidence:
    start, end = folded.from_plain(*match.span(group))
    return Evidence(start, end, folded.original[start:end], reason)
