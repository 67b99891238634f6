"""The learned stage: a message's embedding read by a head trained on the labelled cases, beside the rules.

How a message is read (after the rules and their second look):
1. The cascade's cheap first stage (hashed words and character trigrams, one dot product) says whether the model
   could add anything. A message the rules already call a crisis, or one the first stage scores below its threshold,
   is not embedded. Most everyday chat stops here.
2. The embedder (embedder.py) turns the message into a vector; the head gives four probabilities (none, concern,
   urgent, crisis): the mean of a logistic regression and of the labels of the nearest training cases.
3. The model's tier comes from thresholds stored beside the weights, chosen on holdouts A..K only, on the engine
   that ships. A message in which the rules found no sign needs a higher probability (`unsigned`).
4. The tier is the higher of the rules' and the model's. A tier the model raised names its probability and the
   nearest training cases ("reads like: ...") as evidence.

The head is two files built by `python -m bot.domain.risk.train` (scikit-learn, the `train` extra): head.json (the
weights, thresholds, the engine's name, a hash of the training cases, and a small guard sample) and head_cases.npz
(the training cases' vectors as int8, their tiers and texts, and the first stage's weights). At run time all of it
is numpy arithmetic.
"""

from __future__ import annotations

import json
import logging
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bot.domain.risk.embedder import Embedder, Vectors
from bot.domain.risk.model import Category, Evidence, Screening, Tier

log = logging.getLogger(__name__)
HEAD = Path(__file__).with_name("head.json")
CASES = Path(__file__).with_name("head_cases.npz")
BUCKETS = 1 << 15  # the first stage's hashed features
# What the model reads of a long message: its first and last 300 characters (about 80 tokens each). The rules read
# all of it; the model's cost grows with every token, and risk in a long post is most often at its start or end.
MODEL_CHARS = 600
_GAP = " … "


# Words nearly every English message has. The rules read English only, and the first stage learned mostly from
# English, so a message with none of them (another language) always goes to the model.
_ENGLISH = frozenset((
    "i", "i'm", "im", "me", "my", "you", "your", "it", "it's", "its", "the", "a", "an", "and", "or", "but", "so",
    "to", "of", "in", "on", "at", "for", "with", "is", "are", "was", "be", "been", "have", "has", "had", "do",
    "don't", "not", "no", "just", "this", "that", "he", "she", "they", "we", "what", "all",
))


def english(text: str) -> bool:
    """Does a message of three words or more use any of the commonest English words? (Shorter ones count as
    English: there is too little to tell.)"""
    words = [word.strip(".,!?;:\"()…") for word in text.lower().replace("’", "'").split()]
    return len(words) < 3 or not _ENGLISH.isdisjoint(words)


def model_text(text: str) -> str:
    """The part of a message that the model reads (the same in training and in the bot)."""
    if len(text) <= MODEL_CHARS:
        return text
    half = (MODEL_CHARS - len(_GAP)) // 2
    return text[:half] + _GAP + text[-half:]


def cheap_features(text: str) -> list[int]:
    """The first stage's features: each lower-cased word, and each character trigram inside a word (with its
    edges), hashed into BUCKETS. Trigrams carry the stem of a word across languages and misspellings."""
    buckets = []
    for word in text.lower().split():
        word = word.strip(".,!?;:\"'()[]…")
        if not word:
            continue
        buckets.append(zlib.crc32(word.encode("utf-8", "surrogatepass")) % BUCKETS)
        padded = f"<{word}>"
        buckets.extend(zlib.crc32(padded[i:i + 3].encode("utf-8", "surrogatepass")) % BUCKETS
                       for i in range(len(padded) - 2))
    return buckets


@dataclass(frozen=True)
class Thresholds:
    concern: float  # P(concern or worse) for a concern
    urgent: float  # P(urgent or crisis) for urgent, when the rules found a sign
    crisis: float  # P(crisis) for a crisis, when the rules found a sign
    urgent_unsigned: float  # the same when the rules found none
    crisis_unsigned: float
    cascade: float  # the first stage's score below which the model is not run


class Head:
    """The trained head: numpy arithmetic over an embedding. Loaded once; read-only after that."""

    def __init__(self, meta: dict[str, Any], cases: Any) -> None:
        self.engine: str = meta["engine"]
        self.cases_sha256: dict[str, str] = meta["cases_sha256"]
        self.thresholds = Thresholds(**meta["thresholds"])
        self.neighbours: int = meta["knn"]["k"]
        self.temperature: float = meta["knn"]["temperature"]
        self.coef = np.asarray(meta["coef"], dtype=np.float32)  # (4, dim)
        self.intercept = np.asarray(meta["intercept"], dtype=np.float32)
        self.guard: list[dict[str, Any]] = meta.get("guard", [])
        vectors = cases["vectors"].astype(np.float32)
        self.vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        self.tiers: NDArray[np.int8] = cases["tiers"]
        blob = bytes(cases["texts"].tobytes())
        ends = cases["text_ends"]
        starts = np.concatenate([[0], ends[:-1]])
        self._texts = blob
        self._spans = list(zip(starts.tolist(), ends.tolist(), strict=True))
        self.cheap = cases["cheap"].astype(np.float32)
        self.cheap_bias = float(meta["cheap_bias"])

    @classmethod
    def load(cls, head: Path = HEAD, cases: Path = CASES) -> Head:
        with np.load(cases) as data:
            return cls(json.loads(head.read_text(encoding="utf-8")), dict(data))

    def text(self, index: int) -> str:
        start, end = self._spans[index]
        return self._texts[start:end].decode("utf-8")

    def cheap_score(self, text: str) -> float:
        """The first stage: log-odds that the message shows any risk, from words and trigrams alone."""
        features = cheap_features(text)
        if not features:
            return self.cheap_bias
        return self.cheap_bias + float(self.cheap[features].sum()) / float(np.sqrt(len(features)))

    def probabilities(self, vectors: Vectors) -> NDArray[np.float64]:
        """(n, 4): none, concern, urgent, crisis. The mean of the logistic regression and of the nearest cases'
        labels, each weighted by exp(temperature * cosine)."""
        logits = vectors.astype(np.float64) @ self.coef.T.astype(np.float64) + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        regression = np.exp(logits)
        regression /= regression.sum(axis=1, keepdims=True)
        nearest, similarity = self._nearest(vectors, self.neighbours)
        weights = np.exp(self.temperature * (similarity - similarity[:, :1]))
        weights /= weights.sum(axis=1, keepdims=True)
        votes = np.zeros_like(regression)
        for tier in range(4):
            votes[:, tier] = (weights * (self.tiers[nearest] == tier)).sum(axis=1)
        found: NDArray[np.float64] = (regression + votes) / 2
        return found

    def _nearest(self, vectors: Vectors, k: int) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        similarity = vectors.astype(np.float32) @ self.vectors.T
        k = min(k, similarity.shape[1])
        part = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(similarity, part, axis=1), axis=1, kind="stable")
        nearest = np.take_along_axis(part, order, axis=1)
        return nearest, np.take_along_axis(similarity, nearest, axis=1).astype(np.float64)

    def nearest_cases(self, vector: Vectors, at_least: Tier, count: int = 3) -> list[tuple[str, Tier]]:
        """The training cases at `at_least` or above that read most like the message."""
        similarity = self.vectors @ vector.astype(np.float32)
        similarity[self.tiers < int(at_least)] = -np.inf
        best = np.argsort(-similarity, kind="stable")[:count]
        return [(self.text(int(i)), Tier(int(self.tiers[i]))) for i in best if np.isfinite(similarity[i])]

    def tier(self, probabilities: NDArray[np.float64], signed: bool) -> tuple[Tier, float]:
        """The model's tier for one message's probabilities, and the probability that placed it there."""
        t = self.thresholds
        crisis = float(probabilities[3])
        urgent = crisis + float(probabilities[2])
        concern = urgent + float(probabilities[1])
        if crisis >= (t.crisis if signed else t.crisis_unsigned):
            return Tier.CRISIS, crisis
        if urgent >= (t.urgent if signed else t.urgent_unsigned):
            return Tier.URGENT, urgent
        if concern >= t.concern:
            return Tier.CONCERN, concern
        return Tier.NONE, 1 - concern


_REASON = "reads like {tier} messages (model, p={p:.2f})"
_CLIP = 90


class LearnedStage:
    """The second stage of the screener (screener.SecondStage): may raise the rules' tier, never lowers it."""

    def __init__(self, embedder: Embedder, head: Head) -> None:
        if embedder.name != head.engine:
            raise ValueError(f"the head was trained on {head.engine!r}, not {embedder.name!r}")
        self.embedder = embedder
        self.head = head

    def needed(self, text: str, first: Screening) -> bool:
        """The cascade: is the model worth running? Not when the rules already say crisis, nor when the first
        stage finds nothing worded like risk in an English message in which the rules found no sign either."""
        if first.tier is Tier.CRISIS:
            return False
        if first.tier is not Tier.NONE or not english(text):
            return True
        return self.head.cheap_score(text) >= self.head.thresholds.cascade

    def review(self, text: str, first: Screening) -> Screening:
        if not self.needed(text, first):
            return first
        try:
            vector = self.embedder.embed([model_text(text)])[0]
        except Exception:  # the model failing must never cost the rules' own result
            log.exception("the embedder failed; this message was screened by the rules alone")
            return first
        return self.combine(text, first, vector)

    def combine(self, text: str, first: Screening, vector: Vectors) -> Screening:
        """max(rules, model), with the model's evidence when it raised the tier."""
        probabilities = self.head.probabilities(vector[None, :])[0]
        tier, p = self.head.tier(probabilities, signed=first.tier is not Tier.NONE)
        if tier <= first.tier:
            return first
        cases = self.head.nearest_cases(vector, max(tier, Tier.CONCERN))
        like = "; ".join(f"“{case[:_CLIP]}{'…' if len(case) > _CLIP else ''}”" for case, _ in cases)
        reason = _REASON.format(tier=tier.label, p=p) + (f"; reads like: {like}" if like else "")
        evidence = Evidence(0, len(text), text, reason)
        categories = first.categories or (Category.GENERAL_DISTRESS,)
        return Screening(tier, categories, (*first.evidence, evidence), first.method_detail, first.discounted)


@cache
def default_head() -> Head:
    return Head.load()
