"""Which rules can match a message, and where: the screener's gate, so that most rules never run.

Each rule's regex is parsed once (with the standard library's own parser) into requirements: sets of literal
strings such that every match contains at least one string of each set ("kill" in r"\bkill(?:ed)? SELF", and one
of "myself", "my self", ...). One Aho-Corasick pass (pyahocorasick, in C) finds every such string in a message; a
rule runs only when each of its requirements is met, and only where its matches can begin. The screener's checks
around a match (advice? history?) are gated the same way. `RiskScreener.screen_with_every_rule` is the reference
this must never differ from; a test and benchmarks/risk_eval.py check it.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import ahocorasick

from bot.domain.risk.rules import Rule

# The standard library's own regex parser (untyped, private, stable across 3.11+).
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

WORD_START = "\x00"  # prefixed to a literal that the regex only allows at the start of a word (after \b)


# Words so common that a requirement holding one of them is met by nearly every message.
_COMMON = frozenset({
    "the", "to", "and", "my", "me", "in", "of", "an", "you", "ing", "all", "her", "his", "him", "one", "not",
    "don", "ave", "for", "it", "is", "on", "be", "with", "at", "so", "do", "we", "he", "she", "they", "that",
    "this", "but", "was", "are", "have", "had", "get", "got", "can", "just", "like", "what", "out", "up", "if",
    "or", "as", "no", "end", "day",
})


def requirements(pattern: str) -> list[frozenset[str]]:
    """Every useful requirement of the pattern, the most selective (longest shortest string) first."""
    found: list[frozenset[str]] = []
    _sequence(list(_parser.parse(pattern)), found)
    # Spaces at either end only make near-copies of a literal (" want", "want ", "want"), each one more hit to
    # handle; a leading space says the rest starts a word.
    found = [_minimal(frozenset(_trim(f) for f in c)) for c in found]
    useful = [c for c in found if _shortest(c) >= 2]
    # A set holding a two-letter literal or a word as common as "the" or "my" is met by nearly every message;
    # checking it only costs time, so it is used only when the rule has nothing better.
    selective = [c for c in useful if _shortest(c) >= 3 and not any(f.strip(WORD_START + " ") in _COMMON for f in c)]
    selective = selective or [c for c in useful if _shortest(c) >= 3] or useful
    return sorted(set(selective), key=lambda c: (-_shortest(c), len(c), sorted(c)))


def _minimal(factors: frozenset[str]) -> frozenset[str]:
    """The set without literals that contain another of its literals: when "wanted" is in a text, so is "want",
    so "wanted" only adds hits to handle."""
    def implied_by(longer: str, shorter: str) -> bool:
        if shorter == longer:
            return False
        if not shorter.startswith(WORD_START):
            return shorter in longer.lstrip(WORD_START)
        return longer.startswith(WORD_START) and longer.startswith(shorter)

    return frozenset(f for f in factors if not any(implied_by(f, other) for other in factors))


def _trim(factor: str) -> str:
    word_start = factor.startswith((WORD_START, " "))
    core = factor.lstrip(WORD_START).strip(" ")
    # Checking that a literal begins a word costs a step per hit; it is worth it only for short literals ("od",
    # "kms"), which would otherwise be found inside other words.
    return WORD_START + core if word_start and core[:1].isalnum() and len(core) <= 4 else core


class Check:
    """A regex the screener applies around a match (is it advice? history?). Its required literals join the gate's
    automaton, so a check is known to fail, without a search, when the message lacks them."""

    __slots__ = ("mask", "regex", "requirements")

    def __init__(self, source: str) -> None:
        self.regex = re.compile(source)
        self.requirements = requirements(source)
        self.mask = 0  # its requirement bits, given by the Gate

    def possible(self, met: int) -> bool:
        return met & self.mask == self.mask


def _shortest(factors: frozenset[str]) -> int:
    return min(len(f.lstrip(WORD_START)) for f in factors)


def _sequence(items: list[tuple[object, object]], out: list[frozenset[str]] | None = None,
              word_start: bool = False) -> frozenset[str] | None:
    """Requirements of a sequence of regex items: appended to `out`; the best one is returned. `word_start`
    says the sequence begins right after a \\b, so a literal it begins with must start a word."""
    candidates: list[frozenset[str]] = []
    run = ""
    run_at_word_start = False
    after_boundary = word_start
    for op, av in items:
        if op is _c.LITERAL:
            if not run:
                run_at_word_start = after_boundary and chr(int(av)).isalnum()  # type: ignore[call-overload]
            run += chr(int(av))  # type: ignore[call-overload]
            after_boundary = False
            continue
        joined: frozenset[str] | None = None
        if run:
            candidates.append(frozenset({WORD_START + run if run_at_word_start else run}))
            # "go(?:ing|nna)": the run and what each alternative begins with, joined, say more than either
            follows = _leading([(op, av)]) if op in (_c.SUBPATTERN, _c.BRANCH) else None
            if follows:
                joined = frozenset((WORD_START if run_at_word_start else "") + run + f for f in follows)
            run = ""
        if joined:
            candidates.append(joined)
        found: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            found = _sequence(list(av[3]), word_start=after_boundary)  # type: ignore[index]
        elif op is _c.BRANCH:
            branches = [_sequence(list(b), word_start=after_boundary) for b in av[1]]  # type: ignore[index]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
            found = _sequence(list(av[2]), word_start=after_boundary)  # type: ignore[index]
        if found:
            candidates.append(found)
        after_boundary = op is _c.AT and av is _c.AT_BOUNDARY
    if run:
        candidates.append(frozenset({WORD_START + run if run_at_word_start else run}))
    useful = [c for c in candidates if _shortest(c) >= 2]
    if out is not None:
        out.extend(useful)
    return max(useful, key=lambda c: (_shortest(c), -len(c))) if useful else None


def leading(pattern: str) -> frozenset[str] | None:
    """The literals every match of the pattern begins with, when the pattern says so plainly; else None."""
    return _leading(list(_parser.parse(pattern)))


def _leading(items: list[tuple[object, object]]) -> frozenset[str] | None:
    for index, (op, av) in enumerate(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # \b, ^ and lookarounds take no characters
            continue
        if op is _c.LITERAL:
            run = ""
            rest = items[index:]
            while rest and rest[0][0] is _c.LITERAL:
                run += chr(int(rest[0][1]))  # type: ignore[call-overload]
                rest = rest[1:]
            # the parser writes "want|wanna" as "wan" then "t|na": join them again
            follows = _leading(rest[:1]) if rest and rest[0][0] in (_c.SUBPATTERN, _c.BRANCH) else None
            return frozenset(run + f for f in follows) if follows else frozenset({run})
        if op is _c.SUBPATTERN:
            return _leading(list(av[3]))  # type: ignore[index]
        if op is _c.BRANCH:
            alternatives = [_leading(list(b)) for b in av[1]]  # type: ignore[index]
            if any(a is None for a in alternatives):
                return None
            return frozenset().union(*alternatives)  # type: ignore[arg-type]
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
            return _leading(list(av[2]))  # type: ignore[index]
        return None
    return None


class Gate:
    """Which rules can match a message, where their matches can begin, and which checks can hold: all from one
    Aho-Corasick pass (pyahocorasick, in C) over the literals they require.

    Each requirement set of each rule or check is one bit. A literal found in the text sets the bits of the sets it
    meets anywhere, and, when it begins a word, those it meets only there. A rule is a candidate when all its bits
    are set; rules are found through the bit of their first (most selective) set. Where every match of a rule must
    begin with one of a few literals ("want" in r"\\b(?:want|wanna) to die"), the pass also records where those
    start, and the rule is tried only there instead of at every character."""

    def __init__(self, rules: list[Rule], checks: list[Check]) -> None:
        self.rules = rules
        self.always_run = []
        self._rule_masks: list[int] = []
        self._first_set_rule: dict[int, int] = {}  # bit of a rule's first set -> the rule
        self._leads: list[frozenset[str] | None] = []
        anywhere: dict[str, int] = {}
        at_word_start: dict[str, int] = {}
        bits = 0

        def assign(sets: list[frozenset[str]]) -> int:
            nonlocal bits
            mask = 0
            for requirement in sets:
                for factor in requirement:
                    table = at_word_start if factor.startswith(WORD_START) else anywhere
                    literal = factor.lstrip(WORD_START)
                    table[literal] = table.get(literal, 0) | 1 << bits
                mask |= 1 << bits
                bits += 1
            return mask

        led: dict[str, tuple[int, ...]] = {}
        for index, rule in enumerate(rules):
            sets = requirements(rule.pattern.pattern)
            if not sets:
                self.always_run.append(index)
            else:
                self._first_set_rule[bits] = index
            self._rule_masks.append(assign(sets))
            lead = leading(rule.pattern.pattern)
            # leads shorter than three letters would be tried too often to help; a lead that begins with another
            # ("wanted", "want") begins where that one does
            if lead and min(map(len, lead)) >= 3:
                lead = frozenset(f for f in lead if not any(f != g and f.startswith(g) for g in lead))
            self._leads.append(lead if lead and min(map(len, lead)) >= 3 else None)
            for literal in self._leads[-1] or ():
                led[literal] = (*led.get(literal, ()), index)
        self._first_sets = sum(1 << bit for bit in self._first_set_rule)
        for check in checks:
            check.mask = assign(check.requirements)
        self._automaton: Any = ahocorasick.Automaton()
        for literal in sorted(anywhere.keys() | at_word_start.keys() | led.keys()):
            self._automaton.add_word(literal, (anywhere.get(literal, 0), at_word_start.get(literal, 0), len(literal),
                                               frozenset(led.get(literal, ()))))
        self._automaton.make_automaton()

    def scan(self, norm: str) -> tuple[list[tuple[Rule, list[int] | None]], int]:
        """The rules that could match `norm`, in order, each with the sorted offsets where its matches can begin
        (None: anywhere); and the requirement bits met, for Check.possible."""
        met = 0
        led: list[tuple[int, frozenset[int]]] = []  # where a literal that leads some rules begins, and which rules
        for end, (anywhere, at_word_start, length, leads) in self._automaton.iter(norm):
            met |= anywhere
            if at_word_start:
                before = end - length  # the character before the literal
                if before < 0 or not (norm[before].isalnum() or norm[before] == "_"):
                    met |= at_word_start
            if leads:
                led.append((end - length + 1, leads))
        found: list[tuple[int, list[int] | None]] = [(i, None) for i in self.always_run]
        firsts = met & self._first_sets  # first-set bits were given in rule order, so rules come out in order
        rule_masks, first_set_rule, rule_leads = self._rule_masks, self._first_set_rule, self._leads
        while firsts:
            lowest = firsts & -firsts
            firsts ^= lowest
            index = first_set_rule[lowest.bit_length() - 1]
            mask = rule_masks[index]
            if met & mask != mask:
                continue
            if rule_leads[index] is None:
                found.append((index, None))
                continue
            starts = sorted({start for start, leads in led if index in leads})
            if starts:
                found.append((index, starts))
        if self.always_run:
            found.sort(key=lambda pair: pair[0])
        return [(self.rules[index], starts) for index, starts in found], met
