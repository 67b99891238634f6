"""The one way the screener lower-cases a message, keeping every character's offset."""

from __future__ import annotations

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def normalise(text: str) -> str:
    """Lower-case with curly apostrophes straightened; every character maps to exactly one character."""
    low = text.lower()
    if len(low) != len(text):  # a character such as "İ" lowers to two: do it one character at a time
        low = "".join(c if len(c) == 1 else ch for ch, c in ((ch, ch.lower()) for ch in text))
    return low.translate(_APOSTROPHES) if "’" in low or "‘" in low or "ʼ" in low else low
