"""Cleaning what people type: Unicode normalisation, control characters, and length limits with kind errors.

Two forms of a text: what people see (`clean_text`) and what is compared (`name_key`). Zero-width joiners and
non-joiners are part of what people see: they hold emoji sequences together (🏳️‍🌈) and shape Persian and
Indic scripts. They are dropped only for comparing, so a joiner slipped into a name can't make it pose as another
group's name.
"""

from __future__ import annotations

import re
import unicodedata

from bot.errors import InvalidInput

# Zero-width spaces, bidi marks and overrides, word joiners and the BOM can disguise a name and carry no meaning.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Joiners (ZWNJ, ZWJ) are kept in text people see; ignored when comparing.
_JOINERS = re.compile("[\u200c\u200d]")
_KEPT_FORMAT = frozenset("\u200c\u200d")


def _without_controls(text: str, allowed: set[str]) -> str:
    """Drop control, format, surrogate and unassigned characters (category C), except joiners and `allowed`."""
    return "".join(ch for ch in text if ch in allowed or ch in _KEPT_FORMAT or unicodedata.category(ch)[0] != "C")


def clean_text(value: str, *, field: str, max_len: int, min_len: int = 1, multiline: bool = False) -> str:
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", value))
    text = _without_controls(text, {"\n"} if multiline else set())
    text = text.strip() if multiline else " ".join(text.split())
    if len(_JOINERS.sub("", text)) < min_len:
        raise InvalidInput(f"The {field} can't be empty.")
    if len(text) > max_len:
        raise InvalidInput(f"The {field} is {len(text)} characters long; please keep it to {max_len} or fewer.")
    return text


def name_key(name: str) -> str:
    """The form in which two names count as the same: case- and width-insensitive, ignoring invisible
    characters, joiners and spacing."""
    text = unicodedata.normalize("NFKC", _JOINERS.sub("", _INVISIBLE.sub("", name)))
    return " ".join(_without_controls(text, set()).split()).casefold()


def echo(value: str, max_len: int = 100) -> str:
    """Someone's input quoted back in a reply: without control or unpaired characters, and not too long."""
    return _without_controls(unicodedata.normalize("NFC", value), set())[:max_len]


def slug(name: str, max_len: int = 90) -> str:
    """A Discord channel name: lower case, words joined by hyphens, letters and digits of any script kept."""
    words = re.findall(r"\w+", name.casefold())
    return ("-".join(words) or "group")[:max_len]
