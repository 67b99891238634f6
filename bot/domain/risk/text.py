"""The one way the screener lower-cases a message, keeping every character's offset."""

from __future__ import annotations

import re

# A word of normalised text, as the second look weighs it and text-speak is looked up
WORD = re.compile(r"[a-z0-9']+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
# Contractions typed with a space for the apostrophe ("can t", "i m", "it s"), which some keyboards and copied text
# produce. The space becomes the apostrophe, so offsets stay the same.
_SPACED_CONTRACTION = re.compile(
    r"\b(?:(?:can|don|won|didn|doesn|isn|wasn|weren|couldn|wouldn|shouldn|haven|hasn|hadn|aren|ain) t|i (?:m|ve|ll|d)|"
    r"(?:it|that|he|she|there|what|who|everything|nothing) s|(?:you|we|they) (?:re|ve|ll|d))\b"
)


def _apostrophe(match: re.Match[str]) -> str:
    return match.group().replace(" ", "'")


def normalise(text: str) -> str:
    """Lower-case with curly apostrophes straightened and spaced contractions joined; every character maps to
    exactly one character."""
    low = text.lower()
    if len(low) != len(text):  # a character such as "İ" lowers to two: do it one character at a time
        low = "".join(c if len(c) == 1 else ch for ch, c in ((ch, ch.lower()) for ch in text))
    if "’" in low or "‘" in low or "ʼ" in low:
        low = low.translate(_APOSTROPHES)
    return _SPACED_CONTRACTION.sub(_apostrophe, low)
