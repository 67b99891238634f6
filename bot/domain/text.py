"""Cleaning what people type: Unicode normalisation, control characters, and length limits with kind errors."""

from __future__ import annotations

import re
import unicodedata

from bot.errors import InvalidInput

# Bidi overrides and zero-width characters can disguise a name; control characters break layouts.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_text(value: str, *, field: str, max_len: int, min_len: int = 1, multiline: bool = False) -> str:
    text = unicodedata.normalize("NFKC", value)
    text = _INVISIBLE.sub("", text)
    allowed = {"\n"} if multiline else set()
    text = "".join(ch for ch in text if ch in allowed or unicodedata.category(ch)[0] != "C")
    text = text.strip() if multiline else " ".join(text.split())
    if len(text) < min_len:
        raise InvalidInput(f"The {field} can't be empty.")
    if len(text) > max_len:
        raise InvalidInput(f"The {field} is {len(text)} characters long; please keep it to {max_len} or fewer.")
    return text


def name_key(name: str) -> str:
    """The form in which two names count as the same: case- and width-insensitive."""
    return unicodedata.normalize("NFKC", name).casefold()


def slug(name: str, max_len: int = 90) -> str:
    """A Discord channel name: lower case, words joined by hyphens, letters and digits of any script kept."""
    words = re.findall(r"\w+", name.casefold())
    return ("-".join(words) or "group")[:max_len]
