"""A second look at a concern: is it worded like the urgent and crisis messages we know?

The rules decide whether a message shows any sign of risk, and they are precise about the phrasings they know. But
people say the same thing in more ways than anyone writes down, so a real crisis often reaches the rules only as a
concern, or not at all ("I can't do this anymore", "sorry, look after the kids"). The second look weighs the words
and word pairs of such a message against the labelled chat cases (tests/data/chat_cases.tsv) with naive Bayes: each
feature's weight is how much likelier it is in urgent (or crisis) messages than in the rest. It only ever raises a
tier. A concern is raised when its words make the higher tier likelier than not by a margin; a message with no sign
at all only when its content words weigh far more (UNSIGNED_THRESHOLD), and never one whose signs the rules set aside
as negated, advice or history. Its evidence names the words that weighed most.

The weights ship as second_look.json. Rebuild them whenever the cases change (a test checks that they are current):
    python -m bot.domain.risk.learn tests/data/chat_cases.tsv
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from bot.domain.risk.model import Category, Evidence, Screening, Tier
from bot.domain.risk.rules import Kind
from bot.domain.risk.text import WORD, normalise

WEIGHTS = Path(__file__).with_name("second_look.json")
MIN_COUNT = 2  # a word or pair seen once says more about the case than about risk
# Raise only when the words make the higher tier at least e (about 2.7) times likelier than not.
THRESHOLD = 1.0
# A message in which the rules found no sign at all must weigh far more, about seven times likelier urgent than not,
# and on its content words alone: "keeps saying", "my mum" and "I wish" are in the urgent cases because people report
# on their family and wish things, not because those words are risk ("my son keeps saying he wants a puppy"). Sleep
# and waking are left out too: new parents and carers talk of them all day ("trying not to wake up the baby"). So are
# places and means, which the rules weigh only in context ("a video of the sunset by the river").
UNSIGNED_THRESHOLD = 2.0
_UNWEIGHED = frozenset({
    "i", "i'm", "im", "i've", "ive", "i'd", "id", "i'll", "me", "my", "myself", "you", "your", "you're", "u", "we",
    "us", "our", "he", "him", "his", "she", "her", "they", "them", "their", "it", "it's", "its", "he's", "she's",
    "they're", "hes", "shes", "a", "an", "the", "and", "or", "but", "so", "if", "then", "than", "that", "this",
    "these", "those", "there", "here", "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "as",
    "into", "out", "up", "down", "off", "over", "under", "again", "just", "really", "very", "too", "also", "still",
    "even", "only", "now", "not", "no", "don't", "dont", "do", "does", "did", "doesn't", "didn't", "can", "can't",
    "cant", "could", "would", "wouldn't", "should", "will", "won't", "wont", "wanna", "want", "wants", "gonna",
    "going", "be", "been", "being", "am", "is", "are", "was", "were", "have", "has", "had", "get", "got", "like",
    "think", "know", "feel", "feeling", "what", "when", "where", "why", "how", "who", "all", "any", "some", "one",
    "more", "most", "much", "many", "well", "ok", "okay", "honestly", "tbh", "lol", "say", "says", "said", "saying",
    "told", "tell", "tells", "telling", "let", "let's", "make", "made", "go", "goes", "went", "keep", "keeps", "kept",
    "mum", "mom", "dad", "son", "daughter", "husband", "wife", "wish", "wishes", "help", "need", "needs", "please",
    "sometimes", "wake", "woke", "waking", "asleep", "sleep", "sleeping", "river", "bridge", "sea", "beach", "cliff",
    "roof", "train", "tracks", "station", "platform", "car", "park", "water", "bath", "neck", "throat", "wrist",
    "wrists", "face", "mouth", "pillow",
    "pills", "tablets", "meds", "rope", "knife", "gun", "blade", "video", "photo", "sent", "girlfriend", "boyfriend",
    "partner", "friend", "mate", "sister", "brother", "nan", "grandad",
})
MIN_FEATURES = 12  # words and pairs together: about seven words
_CHAT = 40  # known words and pairs in a long chat message
# What the writer says of themselves. Someone else's risk, and thoughts of harming a baby, are weighed by the rules
# alone: the words of "my son asked how many pills it takes to die" are a crisis's words, but the message is urgent.
_WEIGHED = {Category.GENERAL_DISTRESS, Category.SUICIDAL_IDEATION, Category.SELF_HARM}
# A concern that rests only on a decision or an arrangement ("I'm going to finish it tonight") is left as the rules
# put it: those words alone are as often a book or a will.
_HINTS = {kind.value for kind in (Kind.RESOLVE, Kind.FINALITY, Kind.GIVEAWAY, Kind.FAREWELL, Kind.SETTLED, Kind.PLACE,
                                  Kind.MEANS, Kind.TIMEFRAME, Kind.PLAN)}
_REASON = {Tier.URGENT: "worded like urgent messages (second look)",
           Tier.CRISIS: "worded like crisis messages (second look)"}


def words_and_pairs(text: str) -> set[str]:
    """Each word, and each pair of adjacent words."""
    return _features(WORD.findall(normalise(text)))


def _features(words: list[str]) -> set[str]:
    return {*words, *map(" ".join, pairwise(words))}


def _weighable(norm: str) -> set[str] | None:
    """The message's words and pairs, or None when they are too few to weigh. n words make at most 2n - 1 words and
    pairs, so a short message is told before its pairs are built."""
    words = WORD.findall(norm)
    if 2 * len(words) - 1 < MIN_FEATURES:
        return None
    features = _features(words)
    return features if len(features) >= MIN_FEATURES else None


def _spans(norm: str, features: list[str]) -> list[tuple[int, int]]:
    """Where each word or pair first appears in the normalised text (found again only for the few named as
    evidence); normalising keeps offsets, so they hold for the original text too."""
    words = list(WORD.finditer(norm))
    first_seen: dict[str, tuple[int, int]] = {}
    for i, word in enumerate(words):
        first_seen.setdefault(word.group(), word.span())
        if i:
            first_seen.setdefault(f"{words[i - 1].group()} {word.group()}", (words[i - 1].start(), word.end()))
    return [first_seen[feature] for feature in features]  # every feature came from this text


@dataclass(frozen=True)
class _Weights:
    bias: float
    weights: dict[str, float]

    def score(self, features: set[str]) -> float:
        """Log-odds of the higher tier."""
        weights = self.weights
        known = [w for w in map(weights.get, features) if w is not None]
        if not known:
            return -math.inf
        # Dividing by the square root lets a few strong words count in a short message. Beyond chat length it
        # divides by the count itself, so that a long post does not add up to an alarm word by word.
        n = len(known)
        return self.bias + math.fsum(known) / (math.sqrt(n) if n <= _CHAT else n / math.sqrt(_CHAT))

    def strongest(self, features: set[str], count: int) -> list[str]:
        """The features that pushed the score up most (ties in alphabetical order, so evidence is stable)."""
        weights = self.weights
        return sorted((f for f in features if weights.get(f, 0) > 0), key=lambda f: (-weights[f], f))[:count]


class SecondLook:
    """Raises a concern (or an urgent message) whose words weigh like a higher tier. Stateless once loaded."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._tiers = {Tier[name.upper()]: _Weights(model["bias"], model["weights"])
                      for name, model in data["tiers"].items()}
        urgent = self._tiers[Tier.URGENT]
        self._content = _Weights(urgent.bias, {feature: weight for feature, weight in urgent.weights.items()
                                               if not _UNWEIGHED.issuperset(feature.split())})

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> SecondLook:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def review(self, text: str, first: Screening, norm: str | None = None) -> Screening:
        """`norm` is normalise(text), when the caller has it already."""
        if first.tier is Tier.NONE:
            # what the rules found and set aside (negated, advice, history) stays set aside
            return first if first.discounted else self._unsigned(text, first, norm or normalise(text))
        # Medical, abuse, substance, third-person and postpartum signs: the rules
        # know those tiers better than word counts do ("my son has a high fever and a rash" is urgent, not an
        # emergency). And a message of a few words ("it's all too much") has too few to weigh.
        if (not set(first.categories) <= _WEIGHED
                or all(e.reason in _HINTS for e in first.evidence)):
            return first
        norm = norm or normalise(text)
        features = _weighable(norm)
        if features is None:
            return first
        for tier in (Tier.CRISIS, Tier.URGENT):
            if first.tier >= tier:
                break
            model = self._tiers[tier]
            if model.score(features) > THRESHOLD:
                categories = first.categories or (Category.GENERAL_DISTRESS,)
                return Screening(tier, categories, first.evidence + _evidence(text, norm, model, features, tier),
                                 first.method_detail, first.discounted)
        return first

    def _unsigned(self, text: str, first: Screening, norm: str) -> Screening:
        """A message with no sign the rules know, raised to urgent only when its content words weigh far more like
        urgent messages than the rest (see UNSIGNED_THRESHOLD)."""
        features = _weighable(norm)
        if features is None or self._content.score(features) <= UNSIGNED_THRESHOLD:
            return first
        return Screening(Tier.URGENT, (Category.GENERAL_DISTRESS,),
                         _evidence(text, norm, self._content, features, Tier.URGENT))


def _evidence(text: str, norm: str, model: _Weights, features: set[str], tier: Tier) -> tuple[Evidence, ...]:
    """The three words or pairs that weighed most, as evidence for the raised tier."""
    return tuple(Evidence(start, end, text[start:end], _REASON[tier])
                 for start, end in _spans(norm, model.strongest(features, 3)))


@cache
def default() -> SecondLook:
    return SecondLook.load()
