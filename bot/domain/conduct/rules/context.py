"""Reading around a match in the `words` view: the clause it sits in, and what the words before it say.

Shared by the rules that judge who a message is aimed at (harassment, threats, slurs) and whether it tells a
person what to do (medical advice). All functions take the folded text and a span in it.
"""

from __future__ import annotations

import re

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


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a span: from the last clause end before it to the next one after it."""
    left = 0
    for boundary in CLAUSE_END.finditer(text, 0, start):
        left = boundary.end()
    after = CLAUSE_END.search(text, end)
    return left, after.start() if after else len(text)


def before(text: str, start: int, end: int, words: int = 8) -> list[str]:
    """Up to `words` tokens before a span, within its clause, nearest last."""
    left, _ = clause(text, start, end)
    return TOKEN.findall(text, left, start)[-words:]


def after(text: str, start: int, end: int, words: int = 6) -> list[str]:
    _, right = clause(text, start, end)
    return TOKEN.findall(text, end, right)[:words]


def reported(text: str, start: int, end: int) -> bool:
    """Inside someone else's words, or a report of how the writer was treated."""
    left, _ = clause(text, start, end)
    if REPORTED.search(text, left, start):
        return True
    # a quotation opened earlier in the message and not yet closed ("he said: 'you idiot'")
    head = text[:start]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”") or (
        re.search(r"\b(?:said|says|told|texted|wrote|called|shouted|yelled)\b[^.!?\n]{0,20}['\":]\s*[^'\":]*$", head)
        is not None
    )


def laughing(text: str, start: int, end: int) -> bool:
    left, right = clause(text, start, end)
    return LAUGH.search(text, left, min(len(text), right + 12)) is not None
