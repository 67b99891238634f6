"""Reading around a match in the `words` view: the clause it sits in, and what the words before it say.

Shared by the rules that judge who a message is aimed at (harassment, threats, slurs) and whether it tells a
person what to do (medical advice). All functions take the folded text and a span in it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

CLAUSE_END = re.compile(r"[.!?;\n]+|\bbut\b|\bbecause\b|\bcos\b|\bso that\b|\"|“|”")
TOKEN = re.compile(r"<@[!&]?\d+>|[a-z0-9']+")
MENTION = re.compile(r"<@!?\d+>")

# Someone else's words, or how someone treats the writer: "my ex called me a useless idiot", "he said 'you idiot'"
REPORTED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|said|say(?:s|ing)?|told|tell(?:s|ing)?|text(?:s|ed)?|yell(?:s|ed|ing)?|shout(?:s|ed|ing)?|"
    r"scream(?:s|ed|ing)?|wrote|writes|messag(?:es|ed)|accus(?:es|ed|ing)|treat(?:s|ed|ing)?|name[sd]?|"
    r"feel(?:s|ing)?|felt|made me|makes me|make me|labell?ed|branded|like being|quote|quoting|heard|hear|"
    r"according to|whispers?|whispered|insists?|sneers?|purrs?|voices? (?:say|says|tell|tells))\b"
)
# The writer about themselves: "I'm such an idiot", "you know, I'm so stupid"
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|id|me|myself|my|we|we're|us|ourselves)\b")
NEGATION = re.compile(
    r"\b(?:not|never|no|nobody|nothing|none|isn't|aren't|wasn't|weren't|don't|dont|doesn't|didn't|won't|wouldn't|"
    r"can't|cant|couldn't|shouldn't|ain't|nor|anything but|far from|hardly|stop|quit)\b|n't\b"
)
LAUGH = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|joking|kidding|xd)\b|[😂🤣😆😜😝🙃]")


REACH = 400  # how far around a span the words are read. A hostile message of one 4,000-character clause with
# hundreds of matches must cost each match a bounded look, not another pass over the whole text.


@lru_cache(maxsize=64)
def _spans(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where a pattern matches in a text, found once: the rules ask about many spans of one text."""
    found = [m.span() for m in pattern.finditer(text)]
    return tuple(s for s, _ in found), tuple(e for _, e in found)


def _within(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> bool:
    """Does the pattern match somewhere inside text[lo:hi]?"""
    starts, ends = _spans(pattern, text)
    first = bisect_left(starts, lo)
    return first < len(starts) and ends[first] <= hi


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the last clause end before it to the next one after it, at most REACH
    characters either side."""
    starts, ends = _spans(CLAUSE_END, text)
    before_it = bisect_right(ends, start) - 1
    after_it = bisect_left(starts, end)
    left = ends[before_it] if before_it >= 0 else 0
    right = starts[after_it] if after_it < len(starts) else len(text)
    return max(left, start - REACH), min(right, end + REACH)


def before(text: str, start: int, end: int, words: int = 8) -> list[str]:
    """Up to `words` tokens before a span, within its clause, nearest last."""
    left, _ = clause(text, start, end)
    return TOKEN.findall(text, max(left, start - _WORD_REACH * words), start)[-words:]


def after(text: str, start: int, end: int, words: int = 6) -> list[str]:
    _, right = clause(text, start, end)
    return TOKEN.findall(text, end, min(right, end + _WORD_REACH * words))[:words]


_WORD_REACH = 30  # characters read per word wanted: no word in a message worth reading is longer


def reported(text: str, start: int, end: int) -> bool:
    """Inside someone else's words, or a report of how the writer was treated."""
    left, _ = clause(text, start, end)
    if _within(REPORTED, text, left, start):
        return True
    # a quotation opened earlier in the message and not yet closed ("he said: 'you idiot'")
    head = text[:start]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”") or _quote_opened(text, start)


_QUOTE_MARK = re.compile(r"['\":]")
_SAID = re.compile(r"\b(?:said|says|told|texted|wrote|called|shouted|yelled)\b[^.!?\n]{0,20}$")


def _quote_opened(text: str, start: int) -> bool:
    """The last quote mark before the span follows "said", "told", ...: the span is inside what was said."""
    marks, _ = _spans(_QUOTE_MARK, text)
    last = bisect_left(marks, start) - 1
    return last >= 0 and _SAID.search(text, max(0, marks[last] - 40), marks[last]) is not None


def laughing(text: str, start: int, end: int) -> bool:
    left, right = clause(text, start, end)
    return _within(LAUGH, text, left, min(len(text), right + 12))
