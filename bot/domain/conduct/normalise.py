"""Text folded for matching only: what members see is never changed.

Two views of one message, each with a map back to the characters typed, so evidence always points at the original:
- `plain`: lower case, invisible characters dropped, homoglyphs, accents and full-width forms folded to ASCII.
  Contact details and links are read here, where "@", "." and digits keep their meaning.
- `words`: `plain` with spacing tricks joined ("i d i o t" -> "idiot"), leetspeak read as letters ("1diot",
  "st00pid", "b!tch") and stretched letters shortened ("stuuupid"). Words are read here.

An ordinary ASCII message with none of the tricks costs one `lower()` and one regex search.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Letters from other scripts that look like Latin ones; NFKD handles accents and full-width forms.
_HOMOGLYPHS = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "к": "k", "м": "m", "т": "t", "в": "b", "н": "h", "ո": "n",
    "α": "a", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "τ": "t", "ρ": "p", "ε": "e", "υ": "u", "χ": "x",
    "β": "b", "γ": "y", "ɡ": "g", "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
    "ⓐ": "a", "@": "@", "σ": "o", "∂": "d",
    # small capitals ("ᴡᴀɴᴛ ᴛᴏ ᴅɪᴇ"), which NFKD leaves as they are
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k",
    "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w",
    "ʏ": "y", "ᴢ": "z",
})
_INVISIBLE = frozenset("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
                       "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
                       "\u3164\ufe0f\ufeff\uffa0")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")

_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}
# Letters that stand alone as words ("u r a star", "i a m"); a run made only of these is left as it is.
_SINGLE_WORDS = frozenset("iaury")
_TRICKS = re.compile(
    # a token mixing letters with digits or symbols that stand for letters
    r"(?P<leet>[a-z0-9@$!|]*(?:[a-z][0-9@$!|]|[0-9@$!|][a-z])[a-z0-9@$!|]*)"
    # three or more single characters with one or two separators between them
    r"|(?P<spaced>(?<![\w@$])[a-z0-9@$!](?:[ .\-_*~,/]{1,2}[a-z0-9@$!](?![\w@$])){2,})"
    # a letter stretched to three or more
    r"|(?P<stretched>([a-z])\4{2,})"
)
# Cheap first looks: only a text with one of these can hold a trick, and most texts have none.
_LEET_CHAR = re.compile(r"[0-9@$!|]")
_LEET_PAIR = re.compile(r"[a-z][0-9@$!|]|[0-9@$!|][a-z]")
_SEPARATOR_CHARS = " .-_*~,/"
_SPACEABLE = "bcdefghjklmnopqrstvwxyz013457@$!"  # a single one between separators may be a spaced-out word
_SPACED_LETTER = re.compile(r"[ .\-_*~,/][b-hj-tv-z013457@$!][ .\-_*~,/]")
_SEPARATORS = re.compile(r"[ .\-_*~,/]")
_STRETCHED = re.compile(r"([a-z])\1{2,}")


@dataclass(frozen=True, slots=True)
class _Edits:
    """Where a rewrite replaced text: parallel lists of (new start, new end, old start, old end)."""

    new_starts: tuple[int, ...]
    new_ends: tuple[int, ...]
    old_starts: tuple[int, ...]
    old_ends: tuple[int, ...]

    def back(self, position: int, *, end: bool) -> int:
        index = bisect_right(self.new_starts, position) - 1
        if index < 0:
            return position
        if position < self.new_ends[index] or (end and position == self.new_ends[index]):
            return self.old_ends[index] if end else self.old_starts[index]
        return position - self.new_ends[index] + self.old_ends[index]


def _rewrite(
    source: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]
) -> tuple[str, _Edits | None]:
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    old_starts: list[int] = []
    old_ends: list[int] = []
    last = 0
    length = 0
    for match in pattern.finditer(source):
        start, stop = match.span()
        replacement = replace(match)
        if replacement == match.group():
            continue
        pieces.append(source[last:start])
        length += start - last
        new_starts.append(length)
        old_starts.append(start)
        pieces.append(replacement)
        length += len(replacement)
        new_ends.append(length)
        old_ends.append(stop)
        last = stop
    if not new_starts:
        return source, None
    pieces.append(source[last:])
    return "".join(pieces), _Edits(tuple(new_starts), tuple(new_ends), tuple(old_starts), tuple(old_ends))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _INVISIBLE or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return ""
    mapped = char.lower().translate(_HOMOGLYPHS)
    if mapped != char.lower():
        return mapped
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    if kept.isascii():
        return kept.lower()
    return kept.casefold().translate(_HOMOGLYPHS)


def _fold_run(match: re.Match[str]) -> str:
    return "".join(_fold_char(char) for char in match.group())


def _untrick(match: re.Match[str]) -> str:
    text = match.group()
    kind = match.lastgroup
    if kind == "stretched":
        return text[0]
    if kind == "spaced":
        letters = _SEPARATORS.sub("", text)
        if not any(c.isalpha() for c in letters) or set(letters) <= _SINGLE_WORDS:
            return text
        return "".join(_LEET.get(c, c) for c in letters)
    # leet: digits count as letters only beside a letter; a symbol only when something follows it in the word
    out = []
    for index, char in enumerate(text):
        if char in _LEET:
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            beside_letters = before.isalpha() or after.isalpha() or before in _LEET or after in _LEET
            if (char.isdigit() and beside_letters) or (not char.isdigit() and after):
                char = _LEET[char]
        out.append(char)
    return _STRETCHED.sub(r"\1", "".join(out))


@dataclass(frozen=True, slots=True)
class Folded:
    original: str
    plain: str
    words: str
    _plain_edits: _Edits | None
    _word_edits: _Edits | None

    def from_plain(self, start: int, end: int) -> tuple[int, int]:
        """A span of `plain` as a span of the original."""
        if self._plain_edits is None:
            return start, end
        return self._plain_edits.back(start, end=False), self._plain_edits.back(end, end=True)

    def from_words(self, start: int, end: int) -> tuple[int, int]:
        """A span of `words` as a span of the original."""
        if self._word_edits is not None:
            start, end = self._word_edits.back(start, end=False), self._word_edits.back(end, end=True)
        return self.from_plain(start, end)


def fold_plain(text: str) -> tuple[str, _Edits | None]:
    """The `plain` view and where it differs from the original."""
    if text.isascii():
        return text.lower(), None
    folded, edits = _rewrite(text, _NON_ASCII, _fold_run)
    return folded.lower(), edits


def fold_words(text: str, plain: str, plain_edits: _Edits | None) -> Folded:
    """Both views, the tricks undone (call when `might_trick` says so, or always: it is only slower)."""
    words, word_edits = _rewrite(plain, _TRICKS, _untrick)
    return Folded(text, plain, words, plain_edits, word_edits)


def fold(text: str) -> Folded:
    plain, plain_edits = fold_plain(text)
    if not might_trick(plain):
        return Folded(text, plain, plain, plain_edits, None)
    return fold_words(text, plain, plain_edits)


def might_trick(plain: str) -> bool:
    """Could this text hold a trick? A cheap look; the screener does the same within its single pass."""
    return (_LEET_CHAR.search(plain) is not None and _LEET_PAIR.search(plain) is not None) or (
        _STRETCHED.search(plain) is not None) or might_be_spaced(plain)


def might_be_spaced(plain: str) -> bool:
    """A single character between separators, other than the words "a", "i" and "u"."""
    return _SPACED_LETTER.search(plain) is not None or spaced_at_start(plain)


def spaced_at_start(plain: str) -> bool:
    return len(plain) > 2 and plain[0] in _SPACEABLE and plain[1] in _SEPARATOR_CHARS


def trick_literals() -> list[str]:
    """Literals that only a trick can put in a text: a letter beside a digit or symbol, a letter three times, a
    single character between separators (a spaced-out word; one at the very start is `spaced_at_start`)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ([c * 3 for c in letters] + [a + b for a in letters for b in _LEET] + [b + a for a in letters for b in _LEET]
            + [x + c + y for c in _SPACEABLE for x in _SEPARATOR_CHARS for y in _SEPARATOR_CHARS])
