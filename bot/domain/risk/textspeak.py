"""Text-speak and common misspellings, spelled out so that the rules can read them: "im gna end it 2nite" is read
as "im gonna end it tonight", "tkn 2 many pills" as "taken too many pills".

Spelling out changes the length of the text, so a Spelled text keeps, for each of its characters, where it came
from in the message; evidence found in it is mapped back onto the words the writer typed. Most messages hold no
text-speak at all, and `spell_out` returns None for them after one set lookup.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.risk.model import Evidence, Screening
from bot.domain.risk.text import WORD

# Words that mean one thing whatever surrounds them.
_WORDS = {
    "gonna": ("gna", "gunna", "gona", "gnna"),
    "tonight": ("2nite", "2night", "tnite", "tonite", "2nyt", "2nte", "tonigt", "tonihgt", "2nt"),
    "today": ("2day", "tday", "2dy"),
    "tomorrow": ("2moro", "2morrow", "2mrw", "2moz", "tmrw", "tmr", "tomoz", "tmoro", "tomoro", "tommorow",
                 "tommorrow", "tomorow", "tmrow"),
    "later": ("l8r", "l8er", "l8tr"),
    "late": ("l8",),
    "before": ("b4",),
    "forever": ("4ever", "4eva", "forva", "4evr"),
    "someone": ("some1", "sum1", "sumone"),
    "anyone": ("any1", "ne1"),
    "everyone": ("evry1", "every1", "evryone", "everyon", "evry1ne", "evrybody", "every1ne"),
    "anymore": ("nemore", "anymoar", "anymor", "nymore"),
    "want": ("wnt", "wnat", "wamt"),
    "wanna": ("wana", "wnna", "wanan"),
    "don't": ("dnt", "dnot", "dont't"),
    "can't": ("cnt", "cnat", "caant"),
    "would": ("wud", "wld", "wuld"),
    "could": ("cud", "cld", "culd"),
    "should": ("shud", "shld", "shuld"),
    "you": ("u", "yu", "yuo"),
    "love": ("luv", "lov"),
    "sorry": ("sry", "soz", "sozz", "sorri"),
    "please": ("pls", "plz", "pleez"),
    "because": ("bc", "cuz", "coz", "bcos", "bcoz", "bcuz", "becuz", "becos"),
    "people": ("ppl",),
    "what": ("wat", "wot", "wht"),
    "just": ("jst", "jus"),
    "have": ("hav", "hv"),
    "taken": ("tkn",),
    "about": ("abt",),
    "again": ("agen", "agn", "agin", "agian"),
    "myself": ("myslf", "mysef", "myselfe", "meself", "maself"),
    "kill": ("kil", "kll"),
    "suicidal": ("sucidal", "suicdal", "suicidel", "suisidal", "suacidal", "sucidle", "suicidial", "suicidle",
                 "suicdial", "suacidle", "suisidle"),
    "suicide": ("sucide", "suicde", "suiside", "sucied", "suecide"),
    "tablets": ("tabblets", "tablest", "tablats", "tablits", "tabelts", "tablts"),
    "pills": ("pils", "pillz", "pilz", "pilss"),
    "took": ("tookk", "tuk"),
    "disappear": ("dissapear", "disapear", "dissappear", "disapper"),
    "goodbye": ("goodby", "gudbye", "gdbye", "goodbi", "gudby"),
    "overdose": ("overdoes", "ovrdose", "overdos"),
    "overdosed": ("overdoesd", "overdosd", "od'd", "od'ed", "oded", "odd'd"),
    "next": ("nxt",),
    "week": ("wk",),
    "wait": ("w8",),
    "though": ("tho",),
    "that": ("tht",),
    "thanks": ("thx", "thnx", "thanx"),
    "i don't know": ("idk",),
    "i don't care": ("idc",),
    "no one": ("no1",),
}
# Spoken verbs with the final g dropped ("cuttin agen", "feelin sucidal").
_DROPPED_G = (
    "cuttin", "feelin", "thinkin", "goin", "nothin", "somethin", "tryin", "dyin", "killin", "burnin", "hurtin",
    "takin", "drinkin", "usin", "bleedin", "jumpin", "hangin", "endin", "fightin", "sayin", "doin", "gettin",
    "lookin", "plannin", "savin", "writin", "leavin", "sittin", "standin", "drivin", "walkin", "shakin", "cryin",
    "screamin", "beggin", "hidin", "losin", "movin", "livin", "breathin", "throwin", "swallowin", "starvin",
    "scratchin", "punchin", "hittin", "wantin", "stockpilin", "googlin", "searchin",
)
_SPELLING = {typed: word for word, typings in _WORDS.items() for typed in typings}
_SPELLING.update({typed: typed + "g" for typed in _DROPPED_G})
# Words whose meaning depends on their neighbours, replaced only beside the right ones: "want 2 die" but "took 2
# pills"; "wud b" but "plan b"; "r u ok".
_TO_BEFORE = frozenset({
    "die", "b", "be", "end", "kill", "go", "do", "live", "sleep", "talk", "see", "get", "take", "stay", "hurt",
    "cut", "jump", "hang", "od", "overdose", "wake", "feel", "cope", "carry", "keep", "fight", "try", "bed", "the",
    "my", "a", "work", "school", "group", "say", "tell", "give", "stop", "leave", "disappear", "exist", "anyone",
    "some1", "sum1", "some", "bother", "eat", "use", "drink", "someone", "u", "you", "me", "him", "her", "them",
})
_TOO_BEFORE = frozenset({"many", "much", "late", "tired", "hard", "far", "long"})
_BE_AFTER = frozenset({
    "2", "to", "wud", "would", "will", "cant", "can't", "cnt", "gna", "gonna", "wanna", "shud", "should", "could",
    "cud", "might", "must", "not", "never", "always", "just", "dnt", "don't", "dont", "wont", "won't", "i'd", "id",
    "ill", "i'll", "u'll", "you'll", "better", "shouldn't", "wouldn't", "cudnt", "wudnt", "it'd", "itd", "it'll",
})
_ARE_BESIDE = frozenset({"u", "you", "we", "they", "ppl", "people", "things", "u'll"})
_YOU_ARE_BEFORE = frozenset({
    "not", "so", "the", "a", "an", "gonna", "going", "welcome", "always", "never", "doing", "being", "amazing",
    "strong", "safe", "loved", "right", "ok", "okay", "fine", "worth", "enough", "better", "brave", "all", "really",
    "very", "such", "too", "still", "here", "there",
})
# "part of me wishes I wasn't here" is the writer's own wish, read as "part of me wish I wasn't here"
_OWN = {"wishes": "wish", "wants": "want", "hopes": "hope", "thinks": "think"}
_CONTEXTUAL = frozenset({"2", "b", "r", "c", "y", "ur", *_OWN})
KEYS = frozenset(_SPELLING) | _CONTEXTUAL
_SEPARATORS = str.maketrans({c: " " for c in ".,!?;:()[]\"/\\-*~_…"})


@dataclass(frozen=True)
class Spelled:
    """A message with its text-speak spelled out, and where each of its characters came from."""

    text: str
    starts: tuple[int, ...]  # for each character of text: the first character of the original it came from
    ends: tuple[int, ...]  # ...and the end of the original word it came from

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]

    def restore(self, original: str, screening: Screening) -> Screening:
        """The screening, with its evidence placed on the original message."""
        def placed(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
            found = []
            for e in evidence:
                start, end = self.span(e.start, e.end)
                found.append(Evidence(start, end, original[start:end], e.reason))
            return tuple(dict.fromkeys(found))

        if not screening.evidence and not screening.discounted:
            return screening
        return Screening(screening.tier, screening.categories, placed(screening.evidence), screening.method_detail,
                         placed(screening.discounted))


def _contextual(token: str, before: str, after: str) -> str | None:
    if token == "2":
        if after in _TOO_BEFORE:
            return "too"
        return "to" if after in _TO_BEFORE and before.isalpha() else None
    if token == "b":
        return "be" if before in _BE_AFTER else None
    if token == "r":
        return "are" if before in _ARE_BESIDE or after in _ARE_BESIDE else None
    if token == "c":
        return "see" if after in ("u", "you", "ya") else None
    if token in _OWN:
        return _OWN[token] if before == "me" else None
    if token == "ur":  # "ur not alone", "ur mum"
        return "you're" if after in _YOU_ARE_BEFORE else "your"
    if token == "y":  # "y am i still here", "y bother"
        return "why" if after in ("am", "do", "bother", "try", "is", "are", "would", "should", "me", "not") else None
    return None


def spell_out(norm: str) -> Spelled | None:
    """`norm` (normalise(text)) with its text-speak spelled out; None when it has none."""
    if KEYS.isdisjoint(norm.translate(_SEPARATORS).split()):
        return None
    tokens = list(WORD.finditer(norm))
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for i, match in enumerate(tokens):
        token = match.group()
        word = _SPELLING.get(token)
        if word is None and token in _CONTEXTUAL:
            before = tokens[i - 1].group() if i else ""
            after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
            word = _contextual(token, before, after)
        if word is None:
            continue
        start, end = match.span()
        # the text between the last replaced word and this one is kept as it is
        pieces.append(norm[at:start])
        starts.extend(range(at, start))
        ends.extend(range(at + 1, start + 1))
        pieces.append(word)
        starts.extend([start] * len(word))
        ends.extend([end] * len(word))
        at = end
    if not pieces:  # nothing was spelled out
        return None
    pieces.append(norm[at:])
    starts.extend(range(at, len(norm)))
    ends.extend(range(at + 1, len(norm) + 1))
    return Spelled("".join(pieces), tuple(starts), tuple(ends))
